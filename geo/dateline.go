package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Dateline returns the span of the place line that opens a wire story
// ("ANKARA, Turkey (AP) —", "NAIROBI, Kenya, March 3 (Reuters) -", "Kabul:")
// without the agency and dash: the place words and an optional
// ", Region" part. It reports false when the text does not open with one.
// The first word must be written in capitals.
func Dateline(text string) (document.Span, bool) {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t') {
		i++
	}
	start := i
	// Capitalized place words.
	j := i
	upperWords := 0
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsUpper(r) {
			break
		}
		k := j + n
		allCaps := true
		for k < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[k:])
			if unicode.IsLetter(r2) || r2 == '.' || r2 == '\'' || r2 == '-' || r2 == '’' {
				if unicode.IsLower(r2) {
					allCaps = false
				}
				k += n2
				continue
			}
			break
		}
		if !allCaps {
			break
		}
		upperWords++
		j = k
		if j < len(text) && text[j] == ' ' && j+1 < len(text) {
			r3, _ := utf8.DecodeRuneInString(text[j+1:])
			if unicode.IsUpper(r3) {
				// continue only if the next word is also all caps
				k2 := j + 1
				caps := true
				for k2 < len(text) && text[k2] != ' ' && text[k2] != ',' {
					r4, n4 := utf8.DecodeRuneInString(text[k2:])
					if unicode.IsLower(r4) {
						caps = false
						break
					}
					k2 += n4
				}
				if caps {
					j++
					continue
				}
			}
		}
		break
	}
	if upperWords == 0 || j-start < 3 || j-start > 40 {
		return document.Span{}, false
	}
	end := j
	// Optional ", Region" (one to three capitalized words).
	k := j
	if k+2 < len(text) && text[k] == ',' && text[k+1] == ' ' {
		m := k + 2
		words := 0
		for words < 3 && m < len(text) {
			r, _ := utf8.DecodeRuneInString(text[m:])
			if !unicode.IsUpper(r) {
				break
			}
			for m < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[m:])
				if unicode.IsLetter(r2) || r2 == '.' || r2 == '\'' || r2 == '-' {
					m += n2
					continue
				}
				break
			}
			words++
			if m+1 < len(text) && text[m] == ' ' {
				r3, _ := utf8.DecodeRuneInString(text[m+1:])
				if unicode.IsUpper(r3) {
					m++
					continue
				}
			}
			break
		}
		if words > 0 && !calendar[strings.ToLower(strings.Fields(text[k+2 : m])[0])] {
			end = m
			k = m
		}
	}
	// Skip ", March 3" style dates and "(Agency)".
	rest := text[k:]
	p := 0
	for p < len(rest) && p < 60 {
		c := rest[p]
		if c == '(' {
			q := p
			for q < len(rest) && rest[q] != ')' {
				q++
			}
			p = q + 1
			continue
		}
		if c == ' ' || c == ',' || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') {
			if (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') {
				// a date word ("March 3") is fine only after a comma
				if p == 0 || rest[p-1] == ' ' && p > 1 && rest[p-2] != ',' && !(rest[p-2] >= '0' && rest[p-2] <= '9') && rest[p-2] != ')' {
					if p > 0 {
						return document.Span{}, false
					}
				}
			}
			p++
			continue
		}
		break
	}
	if p >= len(rest) {
		return document.Span{}, false
	}
	r, _ := utf8.DecodeRuneInString(rest[p:])
	if r == '-' || r == '—' || r == '–' || r == ':' {
		return document.Span{Start: start, End: end}, true
	}
	return document.Span{}, false
}
