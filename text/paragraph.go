package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Paragraphs appends the paragraph spans of text to dst and returns it.
//
// When the text has at least one blank line (a line of only whitespace),
// paragraphs are separated by blank lines and single newlines stay inside a
// paragraph (the sentence splitter still breaks at a newline before a bullet
// or after a short headline line). Otherwise the text uses one paragraph per
// line, and every newline ends a paragraph, except that a line ending without
// sentence-final punctuation followed by a line starting in lowercase (in a
// text with capital letters) is taken as hard-wrapped and joined. "\n", "\r\n" and a lone "\r" all end a
// line. Spans are trimmed of surrounding whitespace, ordered, disjoint and on
// rune boundaries; whitespace-only text has no paragraphs.
func Paragraphs(text string, dst []document.Span) []document.Span {
	blank := hasBlankLine(text)
	indent := !blank && indented(text)
	caseless := !hasUpper(text) // then a line starting in lower case says nothing about wrapping
	open := false
	var cur document.Span
	prevLineEnd := -1 // trimmed end of the previous non-blank line
	for ls := 0; ls < len(text); {
		le, next := lineEnd(text, ls)
		a, b := trim(text, ls, le)
		if a == b {
			if blank && open {
				dst = append(dst, cur)
				open = false
			}
			ls = next
			continue
		}
		if open && !blank {
			var brk bool
			if indent {
				brk = a > ls // an indented line starts a paragraph
			} else {
				brk = !hardWrapped(text, prevLineEnd, a, caseless)
			}
			if brk {
				dst = append(dst, cur)
				open = false
			}
		}
		if !open {
			cur = document.Span{Start: a, End: b}
			open = true
		} else {
			cur.End = b
		}
		prevLineEnd = b
		ls = next
	}
	if open {
		dst = append(dst, cur)
	}
	return dst
}

// lineEnd returns the end of the line starting at ls (excluding the line
// terminator) and the start of the next line.
func lineEnd(s string, ls int) (end, next int) {
	n := strings.IndexByte(s[ls:], '\n')
	if n < 0 {
		n = len(s) - ls
	}
	if strings.IndexByte(s[ls:ls+n], '\r') < 0 {
		if ls+n == len(s) {
			return len(s), len(s)
		}
		return ls + n, ls + n + 1
	}
	for i := ls; i < len(s); i++ {
		switch s[i] {
		case '\n':
			return i, i + 1
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i, i + 2
			}
			return i, i + 1
		}
	}
	return len(s), len(s)
}

// hasBlankLine reports whether text has a whitespace-only line between two
// non-blank lines.
func hasBlankLine(s string) bool {
	seenText := false
	for ls := 0; ls < len(s); {
		le, next := lineEnd(s, ls)
		a, b := trim(s, ls, le)
		if a == b {
			if seenText && next < len(s) {
				// a later non-blank line must exist
				for ls2 := next; ls2 < len(s); {
					le2, n2 := lineEnd(s, ls2)
					if a2, b2 := trim(s, ls2, le2); a2 < b2 {
						return true
					}
					ls2 = n2
				}
				return false
			}
		} else {
			seenText = true
		}
		ls = next
	}
	return false
}

// indented reports whether the text marks paragraphs by indenting their
// first line (as Reuters wire copy does): at least two non-blank lines after
// the first start with a space or tab.
func indented(s string) bool {
	n := 0
	first := true
	for ls := 0; ls < len(s); {
		le, next := lineEnd(s, ls)
		if a, b := trim(s, ls, le); a < b {
			if !first && a > ls && (s[ls] == ' ' || s[ls] == '\t') {
				n++
				if n >= 2 {
					return true
				}
			}
			first = false
		}
		ls = next
	}
	return false
}

// hardWrapped reports whether the line starting (trimmed) at a continues the
// line ending at prevEnd: the previous line does not end a sentence, and
// either the new line starts in lowercase or the previous line ends with a
// comma, hyphen or similar. (A capitalized line after a line without final
// punctuation stays a paragraph of its own: that is how headlines and list
// items look.) In caseless text only the previous line's end counts.
func hardWrapped(s string, prevEnd, a int, caseless bool) bool {
	if prevEnd <= 0 || a >= len(s) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:prevEnd])
	switch r {
	case '.', '!', '?', '"', '\u201d', '\'', '\u2019', ')', ':', '\u2026', ']':
		return false
	case ',', ';', '-', '(', '\u2013', '\u2014', '&', '/':
		return true
	}
	n, _ := utf8.DecodeRuneInString(s[a:])
	return unicode.IsLower(n) && !caseless
}

// trim returns [a, b) with surrounding whitespace removed.
func trim(s string, a, b int) (int, int) {
	for a < b {
		c := s[a]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			a++
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeRuneInString(s[a:b])
			if isSpaceRune(r) {
				a += sz
				continue
			}
		}
		break
	}
	for b > a {
		c := s[b-1]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' {
			b--
			continue
		}
		if c >= utf8.RuneSelf {
			r, sz := utf8.DecodeLastRuneInString(s[a:b])
			if isSpaceRune(r) {
				b -= sz
				continue
			}
		}
		break
	}
	return a, b
}

func isSpaceRune(r rune) bool { return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' }
