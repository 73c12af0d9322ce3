package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Dateline returns the span of the wire-story dateline that opens text, if
// any: "SEOUL, South Korea (CNN) -", "CAIRO, Aug. 5 (Xinhua) --", "NAIROBI,
// Kenya (AP) —", "LONDON (Reuters) -", "WASHINGTON —". The span runs from the
// first non-space byte through the dash (or the closing parenthesis of the
// agency when there is no dash). A dateline starts with a place in capitals
// (or in title case when an agency in parentheses and a dash follow), may
// continue with ", Region" and a date, and must end with a dash or an
// agency; it never crosses a line.
func Dateline(text string) (document.Span, bool) {
	a, _ := trim(text, 0, len(text))
	dl, ok := datelineAt(text, a)
	return dl.Span, ok
}

// FindDateline returns the story's dateline: the first one (see Dateline)
// that opens one of the text's first four lines within its first 1,000
// bytes, after a headline for instance. It is the zero Dateline when there
// is none. The text stage stores it in Document.Dateline.
func FindDateline(text string) document.Dateline {
	off := 0
	for line := 0; line < 4 && off < len(text) && off < 1000; line++ {
		a, _ := trim(text, off, len(text))
		if dl, ok := datelineAt(text, a); ok {
			return dl
		}
		nl := strings.IndexByte(text[off:], '\n')
		if nl < 0 {
			break
		}
		off += nl + 1
	}
	return document.Dateline{}
}

// MetaDateline returns the dateline a reader found outside the story's
// running text (Document.Meta["dateline"]: the DATELINE element of Reuters
// SGML) and put before it: when text opens, after spaces, with exactly meta,
// the dateline spans meta and its place is scanned as in Dateline. The
// reader vouches for it, so a place in title case without an agency
// ("Lima, march 3 -") and a capitalized first word after the dash are
// accepted here. It is the zero Dateline when text does not open with meta,
// meta is not valid UTF-8 or it opens with no place word.
func MetaDateline(text, meta string) document.Dateline {
	meta = strings.TrimSpace(meta)
	a, _ := trim(text, 0, len(text))
	if meta == "" || !utf8.ValidString(meta) || !strings.HasPrefix(text[a:], meta) {
		return document.Dateline{}
	}
	place, _, _, ok := datelinePlace(text, a, a+len(meta))
	if !ok {
		return document.Dateline{}
	}
	return document.Dateline{Span: document.Span{Start: a, End: a + len(meta)}, Place: place}
}

// datelineAt looks for a dateline starting exactly at byte i.
func datelineAt(s string, i int) (document.Dateline, bool) {
	limit := i + 120
	if limit > len(s) {
		limit = len(s)
	}
	place, p, title, ok := datelinePlace(s, i, limit)
	if !ok {
		return document.Dateline{}, false
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
			return document.Dateline{}, false
		}
		// "CRICKET - LEICESTERSHIRE TAKE OVER": an all-capitals slug and
		// headline, not a dateline. One word in capitals before a word in
		// lower or title case opens the story ("LONDON, March 6 - U.S.
		// Officials said", "WASHINGTON - NATO troops").
		if !agency {
			if e, caps, ok := placeWord(s, skipSpaces(s, k+n), len(s)); ok && caps {
				if !hasLowerLetter(s, skipSpaces(s, e)) {
					return document.Dateline{}, false
				}
			}
		}
		return document.Dateline{Span: document.Span{Start: i, End: k + n}, Place: place}, true
	}
	// Without a dash only a place in capitals with its agency: in title
	// case "The European Community (EC)" opens a wrapped line of running
	// text.
	if agency && !title {
		return document.Dateline{Span: document.Span{Start: i, End: p}, Place: place}, true
	}
	return document.Dateline{}, false
}

// datelinePlace scans the place of a dateline starting at byte i and
// before limit: up to five place words and ", Region, Date" groups, the
// first of which is part of the place unless it is a date. It returns the
// place, the byte after the last group, whether a place word was in title
// case, and false when no place word starts at i.
func datelinePlace(s string, i, limit int) (place document.Span, p int, title, ok bool) {
	p = i
	words := 0
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
		return document.Span{}, i, false, false
	}
	place = document.Span{Start: i, End: p}
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
		if groups == 0 && !dateWord(s[p+2:q]) {
			place.End = q
		}
		p = q
	}
	return place, p, title, true
}

// dateWord reports whether group (the words after a dateline's first
// comma) starts with a date: a digit or a month ("Aug. 5", "March 12").
func dateWord(group string) bool {
	if group == "" {
		return false
	}
	if c := group[0]; c >= '0' && c <= '9' {
		return true
	}
	w := group
	if i := strings.IndexByte(w, ' '); i >= 0 {
		w = w[:i]
	}
	return monthWords[strings.ToLower(strings.TrimSuffix(w, "."))]
}

// monthWords are the months and their abbreviations.
var monthWords = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true,
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

// hasLowerLetter reports whether the word of letters starting at byte k has
// a lower-case letter.
func hasLowerLetter(s string, k int) bool {
	for _, r := range s[k:] {
		if !unicode.IsLetter(r) {
			return false
		}
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}
