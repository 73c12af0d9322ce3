package sqlite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ftsQuery turns a user's search text into a safe FTS5 expression: every
// bare word and every "double quoted" phrase becomes a quoted FTS5 string
// (so punctuation and FTS5 keywords in the input cannot cause syntax
// errors), a trailing * on a word keeps prefix matching, and an upper-case
// OR between two terms is kept as the OR operator. Control characters and
// invalid UTF-8 separate terms. Terms are otherwise
// implicitly AND-ed. It returns "" when the text has no searchable term.
func ftsQuery(text string) string {
	// Control characters (NUL ends an FTS5 string early) and invalid UTF-8
	// separate terms.
	text = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return ' '
		}
		return r
	}, text)
	var terms []string
	pendingOr := false
	add := func(term string, prefix bool) {
		term = strings.TrimFunc(term, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
		if term == "" {
			return
		}
		q := `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
		if prefix {
			q += "*"
		}
		if pendingOr && len(terms) > 0 {
			terms = append(terms, "OR")
		}
		pendingOr = false
		terms = append(terms, q)
	}
	for i := 0; i < len(text); {
		switch c := text[i]; {
		case c == '"':
			j := strings.IndexByte(text[i+1:], '"')
			if j < 0 {
				j = len(text) - i - 1
			}
			add(text[i+1:i+1+j], false)
			i += j + 2
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		default:
			j := i
			for j < len(text) && !strings.ContainsRune(" \t\n\r\"", rune(text[j])) {
				j++
			}
			w := text[i:j]
			i = j
			if w == "OR" {
				pendingOr = len(terms) > 0
				continue
			}
			add(w, strings.HasSuffix(w, "*"))
		}
	}
	return strings.Join(terms, " ")
}
