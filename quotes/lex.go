package quotes

import (
	"unicode"
	"unicode/utf8"
)

// kind classifies a lexical unit of the quote scanner.
type kind uint8

const (
	kWord  kind = iota // letters, digits, word-internal apostrophes, hyphens and periods
	kPunct             // one punctuation or symbol character
	kOpen              // an opening quotation mark
	kClose             // a closing quotation mark
	kEnd               // a sentence-ending mark (. ! ?) that ends a sentence
	kAmbig             // a straight double mark with spaces on both sides: opens or closes by context
)

// tok is a lexical unit: a half-open byte span and its kind. cap is true for
// words that start with an upper-case letter. single marks single quotation
// marks (kOpen/kClose from ' ‘ ’).
type tok struct {
	s, e   int
	k      kind
	cap    bool
	single bool
	fold   bool   // in a folded sentence (lettercase.go): cap is inferred, w is lower case
	sent   int32  // direct quote (index+1) holding the token, or 0
	fl     uint32 // word classes (flagsOf), looked up once
}

func isDoubleQuote(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '″':
		return true
	}
	return false
}

func isSingleQuote(r rune) bool {
	switch r {
	case '\'', '‘', '’', '‚':
		return true
	}
	return false
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == 0xA0 || r == '\u2009' || r == '\u202F' || r == '\u200B' || r >= utf8.RuneSelf && unicode.IsSpace(r)
}

func decode(t string, i int) (rune, int) {
	if i >= len(t) {
		return 0, 0
	}
	c := t[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(t[i:])
}

func decodeLast(t string, i int) (rune, int) {
	if i <= 0 {
		return 0, 0
	}
	c := t[i-1]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(t[:i])
}

// lex appends the units of text[start:end] to buf and returns it. Quotation
// marks are classified as opening or closing from their neighbours.
func lex(text string, start, end int, buf []tok) []tok {
	i := start
	for i < end {
		r, n := decode(text, i)
		if n == 0 {
			break
		}
		switch {
		case isSpace(r):
			i += n
		case isWordRune(r):
			j := i + n
			for j < end {
				r2, n2 := decode(text, j)
				if isWordRune(r2) {
					j += n2
					continue
				}
				// word-internal apostrophe, hyphen, period, ampersand: followed by a word rune
				if r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.' || r2 == '&' || r2 == '‐' {
					r3, n3 := decode(text, j+n2)
					if j+n2 < end && isWordRune(r3) {
						j += n2 + n3
						continue
					}
				}
				break
			}
			// trailing period of an initialism (U.S.) or possessive s' is left as punctuation
			buf = append(buf, tok{s: i, e: j, k: kWord, cap: unicode.IsUpper(r), fl: flagsOf(text[i:j])})
			i = j
		case isDoubleQuote(r) || isSingleQuote(r) || r == '`':
			single := isSingleQuote(r) || r == '`'
			// '' and `` stand for double marks in some sources
			if (r == '\'' || r == '`' || r == '’' || r == '‘') && i+n < end {
				if r2, n2 := decode(text, i+n); r2 == r {
					// ''' after a word closes an inner single quote and then the
					// double one ('old-school,''' said): take the single mark first
					r3, _ := decode(text, i+n+n2)
					pr, _ := decodeLast(text, i)
					if !(r3 == r && i+n+n2 < end && i > start && !isSpace(pr)) {
						n += n2
						single = false
					}
				}
			}
			pr, _ := decodeLast(text, i)
			nr, _ := decode(text, i+n)
			if i+n >= end {
				nr = ' '
			}
			if i <= start {
				pr = ' '
			}
			prevSpace := pr == 0 || isSpace(pr) || pr == '(' || pr == '[' || pr == '—' || pr == '–' || pr == '-' || pr == '/' || pr == ':' || isDoubleQuote(pr) && pr != r || isSingleQuote(pr) && !single
			nextSpace := nr == 0 || isSpace(nr)
			k := kPunct
			switch {
			case prevSpace && !nextSpace:
				k = kOpen
			case !prevSpace && nextSpace:
				k = kClose
			case !prevSpace && !nextSpace:
				// glued on both sides: ,"he or word"word
				if single {
					k = kPunct // apostrophe
				} else if r == '“' || r == '«' || r == '„' {
					k = kOpen
				} else if r == '”' || r == '»' {
					k = kClose
				} else if unicode.IsPunct(pr) && !unicode.IsPunct(nr) || isWordRune(pr) && (nr == '.' || nr == ',' || nr == ';' || nr == ':' || nr == '!' || nr == '?' || nr == ')') {
					k = kClose // ,"he … or … the attack".
				} else {
					k = kOpen
				}
			default: // spaces on both sides
				if r == '“' || r == '‘' && n == 1 || r == '«' || r == '„' {
					k = kOpen
				} else if r == '”' || r == '»' || r == '’' && n == 1 {
					k = kClose
				} else if !single {
					k = kAmbig
				}
			}
			// a single mark after s is a plural possessive, not a quote: the players' union
			if single && k == kClose && (pr == 's' || pr == 'S') && !nextSpaceIsQuoteEnd(text, i+n, end) {
				k = kPunct
			}
			buf = append(buf, tok{s: i, e: i + n, k: k, single: single})
			i += n
		default:
			buf = append(buf, tok{s: i, e: i + n, k: kPunct})
			i += n
		}
	}
	return buf
}

// nextSpaceIsQuoteEnd reports whether the text after a closing single mark at
// i looks like the end of a quotation (punctuation or a speech verb follows)
// rather than a possessive: ' said, ', '.
func nextSpaceIsQuoteEnd(text string, i, end int) bool {
	for i < end {
		r, n := decode(text, i)
		if isSpace(r) {
			i += n
			continue
		}
		if r == ',' || r == '.' || r == ';' || r == ':' {
			return true
		}
		j := i
		for j < end {
			r2, n2 := decode(text, j)
			if !isWordRune(r2) {
				break
			}
			j += n2
		}
		return j > i && flagsOf(text[i:j])&fSpeech != 0
	}
	return true
}
