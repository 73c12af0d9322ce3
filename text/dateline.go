package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Dateline returns the span of the wire-story dateline that opens text, if
// any: "SEOUL, South Korea (CNN) -", "CAIRO, Aug. 5 (Xinhua) --", "NAIROBI,
// Kenya (AP) —", "LONDON (Reuters) -", "WASHINGTON —". The span runs from the
// first non-space byte through the dash (or the closing parenthesis of the
// agency when there is no dash). A dateline starts with a place in capitals
// (or in title case when an agency in parentheses follows), may continue with
// ", Region" and a date, and must end with a dash or an agency; it never
// crosses a line. The geo stage can read the place from the span's first
// words.
func Dateline(text string) (document.Span, bool) {
	a, _ := trim(text, 0, len(text))
	return datelineAt(text, a)
}

// datelineAt looks for a dateline starting exactly at byte i.
func datelineAt(s string, i int) (document.Span, bool) {
	p := i
	words := 0
	title := false
	limit := i + 120
	if limit > len(s) {
		limit = len(s)
	}
	for {
		q, caps, ok := placeWord(s, p, limit)
		if !ok {
			break
		}
		if !caps {
			title = true
		}
		words++
		p = q
		if words == 5 || p >= limit || s[p] != ' ' {
			break
		}
		if _, _, ok := placeWord(s, p+1, limit); !ok {
			break
		}
		p++
	}
	if words == 0 {
		return document.Span{}, false
	}
	// ", Region, Date" groups.
	for groups := 0; groups < 3 && p+1 < limit && s[p] == ',' && s[p+1] == ' '; groups++ {
		q := p + 2
		n := 0
		for n < 6 {
			e := q
			for e < limit {
				r, sz := utf8.DecodeRuneInString(s[e:])
				if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '\'') {
					break
				}
				e += sz
			}
			if e == q {
				break
			}
			r0, _ := utf8.DecodeRuneInString(s[q:])
			if !unicode.IsUpper(r0) && !unicode.IsDigit(r0) {
				break
			}
			n++
			q = e
			if q+1 < limit && s[q] == ' ' && s[q+1] != '(' && !isDashAt(s, q+1) {
				q++
				continue
			}
			break
		}
		if n == 0 {
			break
		}
		p = q
	}
	agency := false
	// optional "(Agency)"
	k := p
	for k < limit && s[k] == ' ' {
		k++
	}
	if k < limit && s[k] == '(' {
		e := k + 1
		for e < limit && e-k <= 40 && s[e] != ')' && s[e] != '\n' && s[e] != '(' {
			e++
		}
		if e < limit && s[e] == ')' && e > k+1 {
			agency = true
			p = e + 1
		}
	}
	// dash
	k = p
	for k < limit && s[k] == ' ' {
		k++
	}
	if n := dashLen(s, k); n > 0 && (k+n == len(s) || s[k+n] == ' ' || s[k+n] == '\t') {
		if title && !agency {
			return document.Span{}, false
		}
		// "CRICKET - LEICESTERSHIRE TAKE OVER": an all-capitals slug and
		// headline, not a dateline.
		if !agency {
			if _, caps, ok := placeWord(s, skipSpaces(s, k+n), len(s)); ok && caps {
				return document.Span{}, false
			}
		}
		return document.Span{Start: i, End: k + n}, true
	}
	if agency {
		return document.Span{Start: i, End: p}, true
	}
	return document.Span{}, false
}

// placeWord scans a place word at p: letters plus inner ".", "-", "'". It
// reports whether the word is all capitals; a title-case word ("Seoul") is
// accepted with caps false; anything else fails.
func placeWord(s string, p, limit int) (end int, caps, ok bool) {
	q := p
	upper, lower := 0, 0
	first := true
	for q < limit {
		r, sz := utf8.DecodeRuneInString(s[q:])
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			if first {
				return 0, false, false
			}
			lower++
		case (r == '.' || r == '-' || r == '\'' || r == '\u2019') && !first:
		default:
			goto done
		}
		first = false
		q += sz
	}
done:
	if upper == 0 {
		return 0, false, false
	}
	if lower == 0 {
		return q, upper >= 2 || q-p >= 2, upper >= 2 || q-p >= 2
	}
	return q, false, upper == 1
}

// dashLen returns the byte length of a dash at k ("-", "--", "—", "–", "―"), or 0.
func dashLen(s string, k int) int {
	if k >= len(s) {
		return 0
	}
	if s[k] == '-' {
		n := 1
		for k+n < len(s) && s[k+n] == '-' {
			n++
		}
		return n
	}
	r, sz := utf8.DecodeRuneInString(s[k:])
	switch r {
	case '\u2014', '\u2013', '\u2015':
		return sz
	}
	return 0
}

func isDashAt(s string, k int) bool { return dashLen(s, k) > 0 }

func skipSpaces(s string, k int) int {
	for k < len(s) && (s[k] == ' ' || s[k] == '\t') {
		k++
	}
	return k
}
