package text

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Tokenize appends the tokens of s to dst and returns the extended slice.
// Offsets are byte offsets into s plus base, so a caller tokenizing a slice
// text[base:end] of a document gets document offsets. Every token lies on rune
// boundaries, tokens are ordered and never overlap, and whitespace is never
// part of a token. Invalid UTF-8 bytes become one-byte Symbol tokens.
//
// The conventions follow the Penn Treebank / CoNLL-2003 style the NER tagger
// is trained on: possessive "'s" and a bare trailing "'" split off, "n't" split
// off ("did" "n't"), other clitics ("'re", "'ll", "'ve", "'d", "'m") split off,
// hyphenated compounds kept whole ("cease-fire", "33-year-old"), known
// abbreviations and letter-dot acronyms keep their period ("Gen.", "U.S."),
// numbers keep their separators and decimals ("34,000", "3.5"), a number glued
// to a unit splits ("1.2" "bn"), currency symbols and "%" are separate tokens,
// dashes ("—", "–", "--") and quotes are separate tokens, and an ellipsis
// ("...", "…") is one token. URLs and e-mail addresses are one token.
//
// SpaceBefore is true when whitespace or the start of s precedes the token.
// Tokenize allocates nothing beyond growing dst and is safe for concurrent use.
func Tokenize(s string, base int, dst []document.Token) []document.Token {
	caseless := !hasUpper(s) // then "j." is an initial too
	i := 0
	space := true
	for i < len(s) {
		c := s[i]
		// Fast ASCII whitespace.
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			i++
			continue
		}
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, document.Token{Span: document.Span{Start: base + i, End: base + i + 1}, Kind: document.Symbol, SpaceBefore: space})
				space = false
				i++
				continue
			}
			if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
				space = true
				i += size
				continue
			}
		}
		end, kind := scanToken(s, i, r, size, caseless)
		if end <= i { // defensive: always make progress on a rune boundary
			end, kind = i+size, document.Symbol
		}
		dst = append(dst, document.Token{Span: document.Span{Start: base + i, End: base + end}, Kind: kind, SpaceBefore: space})
		space = false
		i = end
	}
	return dst
}

// scanToken returns the end of the token starting at i with first rune r of
// the given size, and its kind; caseless reports a text without capitals.
func scanToken(s string, i int, r rune, size int, caseless bool) (int, document.TokenKind) {
	if isAlnum(r) {
		switch s[i] | 0x20 {
		case 'h', 'w', 'f':
			if e, ok := scanURL(s, i); ok {
				return e, document.Word
			}
		}
		return scanWord(s, i, caseless)
	}
	switch r {
	case '.':
		if hasPrefix(s, i, "...") {
			e := i + 3
			for e < len(s) && s[e] == '.' {
				e++
			}
			return e, document.Punct
		}
		// ".564": a decimal without its leading zero.
		if i+1 < len(s) && isDigitByte(s[i+1]) && !isAlnumBefore(s, i) {
			e, _ := scanWord(s, i+1, caseless)
			return e, document.Number
		}
		return i + 1, document.Punct
	case '-':
		e := i + 1
		for e < len(s) && s[e] == '-' {
			e++
		}
		return e, document.Punct
	case '\'', '\u2019':
		if e, ok := clitic(s, i, size); ok {
			return e, document.Word
		}
		// '90s
		if k := i + size; !isAlnumBefore(s, i) && k+1 < len(s) && isDigitByte(s[k]) && isDigitByte(s[k+1]) &&
			(k+2 == len(s) || !isDigitByte(s[k+2])) {
			e := k + 2
			if e < len(s) && s[e] == 's' && (e+1 == len(s) || !isAlnumAt(s, e+1)) {
				e++
			}
			return e, document.Word
		}
		return i + size, document.Punct
	case '`':
		if hasPrefix(s, i, "``") {
			return i + 2, document.Punct
		}
		return i + 1, document.Punct
	case '\u2026':
		return i + size, document.Punct
	case '@', '#':
		// @handle and #hashtag stay whole.
		if i+1 < len(s) {
			r2, sz2 := utf8.DecodeRuneInString(s[i+1:])
			if isAlnum(r2) || r2 == '_' {
				e := i + 1 + sz2
				for e < len(s) {
					r3, sz3 := utf8.DecodeRuneInString(s[e:])
					if !isAlnum(r3) && r3 != '_' {
						break
					}
					e += sz3
				}
				return e, document.Word
			}
		}
		return i + 1, document.Symbol
	}
	if r < utf8.RuneSelf {
		// ASCII: the symbols are $+<=>^|~ (and ` handled above).
		switch r {
		case '$', '+', '<', '=', '>', '^', '|', '~':
			return i + 1, document.Symbol
		}
		return i + 1, document.Punct
	}
	if unicode.IsPunct(r) {
		return i + size, document.Punct
	}
	return i + size, document.Symbol
}

// scanWord scans a word or number starting at i (an alphanumeric rune).
func scanWord(s string, i int, caseless bool) (int, document.TokenKind) {
	start := i
	hasLetter := false
	numeric := true // only digits and numeric separators so far
	lastDigit := false
	j := i
	for j < len(s) {
		c := s[j]
		var r rune
		sz := 1
		if c < utf8.RuneSelf {
			// Fast path for ASCII letters and digits.
			if isLetterByte(c) && (hasLetter || !numeric || j == start) {
				hasLetter, numeric, lastDigit = true, false, false
				j++
				continue
			}
			if isDigitByte(c) {
				lastDigit = true
				j++
				continue
			}
			r = rune(c)
		} else {
			r, sz = utf8.DecodeRuneInString(s[j:])
		}
		switch {
		case isDigitRune(r):
			// A number glued to a unit after a letter run is rare; digits in a
			// word ("G20", "COVID-19") stay in the word.
			lastDigit = true
			j += sz
			continue
		case unicode.IsLetter(r) || unicode.IsMark(r):
			if numeric && j > start && !hasLetter {
				// number followed by letters: "1990s", "21st" stay whole,
				// "1.2bn", "5km", "10am" split.
				e := j
				for e < len(s) {
					r2, sz2 := utf8.DecodeRuneInString(s[e:])
					if !unicode.IsLetter(r2) {
						break
					}
					e += sz2
				}
				if e < len(s) && isDigitByte(s[e]) { // "3D4", "4x4": keep scanning as a word
					hasLetter = true
					numeric = false
					j = e
					continue
				}
				if !keepNumberSuffix(s[start:j], s[j:e]) {
					return j, document.Number
				}
				hasLetter = true
				numeric = false
				j = e
				continue
			}
			hasLetter = true
			numeric = false
			lastDigit = false
			j += sz
			continue
		}
		// Separators inside a token.
		switch {
		case (c == '.' || c == ',') && numeric && lastDigit && j+1 < len(s) && isDigitByte(s[j+1]):
			if c == ',' && !threeDigits(s, j+1) {
				return j, kindOf(hasLetter)
			}
			j++
			continue
		case c == ':' && numeric && lastDigit && j+2 < len(s) && isDigitByte(s[j+1]) && isDigitByte(s[j+2]) &&
			(j+3 == len(s) || !isDigitByte(s[j+3])):
			j += 3 // 10:30
			continue
		case c == '/' && numeric && lastDigit && j+1 < len(s) && isDigitByte(s[j+1]):
			j++ // 3/4, 9/11, 12/05/2004
			continue
		case c == '-' || r == '\u2010' || r == '\u2011':
			// hyphenated compound: the hyphen must join two alphanumerics.
			k := j + sz
			if k < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[k:])
				if isAlnum(r2) {
					numeric = false
					lastDigit = false
					j = k
					continue
				}
			}
		case c == '&' && hasLetter && j+1 < len(s) && isUpperByte(s[j+1]) && j > start && isUpperByte(s[j-1]):
			j++ // AT&T, S&P
			continue
		case c == '\'' || r == '\u2019':
			k := j + sz
			if _, ok := clitic(s, j, sz); ok {
				return j, kindOf(hasLetter)
			}
			// n't: split before the n.
			if hasLetter && j-1 > start && (s[j-1] == 'n' || s[j-1] == 'N') && k < len(s) && (s[k] == 't' || s[k] == 'T') &&
				(k+1 == len(s) || !isAlnumAt(s, k+1)) {
				if j-1 > start {
					return j - 1, kindOf(hasLetter)
				}
			}
			// O'Brien, rock'n'roll: an apostrophe between letters stays.
			if hasLetter && k < len(s) {
				r2, _ := utf8.DecodeRuneInString(s[k:])
				if unicode.IsLetter(r2) {
					j = k
					continue
				}
			}
		case c == '.':
			if hasLetter && j+1 < len(s) && isLetterByte(s[j+1]) && j-start >= 2 {
				// jeffrey.hodgson@example.com, bbc.co.uk, reuters.com
				if e, ok := scanEmail(s, start); ok {
					return e, document.Word
				}
				if e, ok := scanDomain(s, start); ok {
					return e, document.Word
				}
			}
			if e, ok := abbrevEnd(s, start, j, hasLetter, caseless); ok {
				// "U.S.-led", "U.N.-backed" stay whole.
				for e+1 < len(s) && s[e] == '-' && isLetterByte(s[e+1]) && s[e-1] == '.' {
					e++
					for e < len(s) && isLetterByte(s[e]) {
						e++
					}
				}
				return e, document.Word
			}
		case c == '$' && hasLetter && j-start <= 2 && allUpperASCII(s[start:j]):
			return j + 1, document.Symbol // C$, US$, HK$
		case c == '@' && hasLetter:
			if e, ok := scanEmail(s, start); ok {
				return e, document.Word
			}
		}
		break
	}
	return j, kindOf(hasLetter)
}

func kindOf(hasLetter bool) document.TokenKind {
	if hasLetter {
		return document.Word
	}
	return document.Number
}

// keepNumberSuffix reports whether digits followed by letters stay one token.
func keepNumberSuffix(num, suf string) bool {
	switch suf {
	case "s", "st", "nd", "rd", "th", "ST", "ND", "RD", "TH", "S":
		return true
	}
	return false
}

// clitic reports whether an apostrophe at i (of the given byte size) starts a
// clitic token ("'s", "'re", "'ve", "'ll", "'d", "'m", "'S"...), which must be
// preceded by a letter or digit and followed by a non-alphanumeric.
func clitic(s string, i, size int) (int, bool) {
	standalone := i == 0 || !isAlnumBefore(s, i)
	if i > 0 && standalone {
		// A clitic standing alone ("Reuters 's", as in pre-tokenized text)
		// still counts; after other punctuation it is a quotation mark.
		if c := s[i-1]; c != ' ' && c != '\t' && c != '\n' {
			return 0, false
		}
	}
	k := i + size
	n := 0
	for n < 2 && k+n < len(s) && isLetterByte(s[k+n]) {
		n++
	}
	if n == 0 {
		return 0, false
	}
	if k+n < len(s) && (isAlnumAt(s, k+n) || s[k+n] == '-') {
		return 0, false
	}
	if standalone && isUpperByte(s[k]) && !(i >= 2 && isUpperByte(s[i-2])) {
		// 'S opens a quotation, except after a word in capitals ("NATO 'S").
		return 0, false
	}
	switch lowerASCII(s[k : k+n]) {
	case "s", "re", "ve", "ll", "d", "m":
		return k + n, true
	}
	return 0, false
}

// abbrevEnd decides whether the period at j ends an abbreviation token that
// started at start, returning the token end (after the period). In caseless
// text a single lower-case letter with its period is an initial.
func abbrevEnd(s string, start, j int, hasLetter, caseless bool) (int, bool) {
	if !hasLetter {
		return 0, false
	}
	word := s[start:j]
	// Letter-dot sequences: U.S., a.m., e.g., U.S.A., N.Y.
	if len(word) <= 2 && allLetters(word) {
		e := j + 1
		n := 1
		for e+1 < len(s) && n < 8 && isLetterByte(s[e]) && (s[e+1] == '.') {
			e += 2
			n++
		}
		if e+2 < len(s) && isLetterByte(s[e]) && isLetterByte(s[e+1]) && s[e+2] == '.' && n >= 1 && len(word) == 1 {
			// "Ph.D."
			if lowerASCII(s[start:e+3]) == "ph.d." {
				return e + 3, true
			}
		}
		if n >= 2 && (e == len(s) || !isAlnumAt(s, e)) {
			return e, true
		}
		if n == 1 && len(word) == 1 && (j+1 == len(s) || !isAlnumAt(s, j+1)) {
			// Single letter + period: an initial ("W.") or list label.
			if isUpperByte(word[0]) || caseless {
				return j + 1, true
			}
		}
	}
	if j+1 < len(s) && isAlnumAt(s, j+1) {
		// period inside: "example.com" style handled by URL scan; stop here.
		return 0, false
	}
	if isAbbrev(word, s, j+1) {
		return j + 1, true
	}
	return 0, false
}

// isAbbrev reports whether word followed by a period is a known abbreviation.
// after is the offset after the period, used for context-dependent ones
// ("No. 5" but "said no.").
func isAbbrev(word string, s string, after int) bool {
	if len(word) > 6 {
		return false
	}
	var buf [8]byte
	lw := lowerInto(buf[:0], word)
	if _, ok := abbrevs[string(lw)]; !ok {
		return false
	}
	if _, ok := lowerOnly[string(lw)]; ok {
		return !isUpperByte(word[0])
	}
	if _, ok := capWord[string(lw)]; ok {
		return isUpperByte(word[0])
	}
	if _, ok := capOnly[string(lw)]; ok {
		if !isUpperByte(word[0]) {
			return false
		}
		// "No. 10", "Art. 5": must be followed by a number.
		k := after
		for k < len(s) && s[k] == ' ' {
			k++
		}
		return k > after && k < len(s) && isDigitByte(s[k])
	}
	return true
}

// scanURL recognizes URLs (scheme://..., www.example...) and domain names with
// a known top-level domain starting at i, returning their end.
func scanURL(s string, i int) (int, bool) {
	rest := s[i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.") || hasPrefixFold(rest, "ftp://")) {
		return 0, false
	}
	e := i
	for e < len(s) {
		c := s[e]
		if c <= ' ' || c >= utf8.RuneSelf || c == '"' || c == '<' || c == '>' {
			break
		}
		e++
	}
	// Trailing punctuation belongs to the sentence.
	for e > i {
		c := s[e-1]
		if c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == ')' && !hasByte(s[i:e-1], '(') {
			e--
			continue
		}
		break
	}
	if e-i < 5 {
		return 0, false
	}
	return e, true
}

// maxAddr bounds the bytes scanEmail and scanDomain look at, so that a long
// run like "ab.ab.ab..." costs linear time overall.
const maxAddr = 100

// scanEmail recognizes local@domain.tld starting at start.
func scanEmail(s string, start int) (int, bool) {
	e := start
	at := -1
	limit := min(len(s), start+maxAddr)
	for e < limit {
		c := s[e]
		if isLetterByte(c) || isDigitByte(c) || c == '.' || c == '_' || c == '-' || c == '+' {
			e++
			continue
		}
		if c == '@' && at < 0 {
			at = e
			e++
			continue
		}
		break
	}
	for e > start && (s[e-1] == '.' || s[e-1] == '-') {
		e--
	}
	if at <= start || !hasByte(s[at+1:e], '.') || s[at+1] == '.' {
		return 0, false
	}
	return e, true
}

// scanDomain recognizes a domain name with a common top-level domain
// ("reuters.com", "bbc.co.uk", "who.int/news") starting at start.
func scanDomain(s string, start int) (int, bool) {
	e := start
	lastDot := -1
	limit := min(len(s), start+maxAddr)
	for e < limit {
		c := s[e]
		if isLetterByte(c) || isDigitByte(c) || c == '-' {
			e++
			continue
		}
		if c == '.' && e+1 < len(s) && (isLetterByte(s[e+1]) || isDigitByte(s[e+1])) {
			lastDot = e
			e++
			continue
		}
		break
	}
	if lastDot < 0 {
		return 0, false
	}
	if _, ok := tlds[s[lastDot+1:e]]; !ok { // lowercase only: "Rome.It was" is a typo, not a domain
		return 0, false
	}
	// An optional path: "who.int/news/item".
	if e < len(s) && s[e] == '/' {
		for e < len(s) && s[e] > ' ' && s[e] < utf8.RuneSelf && s[e] != '"' && s[e] != ')' && s[e] != ',' {
			e++
		}
		for e > start && (s[e-1] == '.' || s[e-1] == '?' || s[e-1] == '!' || s[e-1] == ':' || s[e-1] == ';') {
			e--
		}
	}
	return e, true
}

// tlds are the top-level domains scanDomain accepts.
var tlds = map[string]struct{}{
	"com": {}, "org": {}, "net": {}, "gov": {}, "edu": {}, "int": {}, "mil": {}, "info": {}, "io": {},
	"uk": {}, "de": {}, "fr": {}, "ru": {}, "cn": {}, "jp": {}, "au": {}, "ca": {}, "eu": {},
	"ua": {}, "za": {}, "ng": {}, "ke": {}, "br": {}, "nl": {}, "ch": {}, "tv": {},
}

func hasByte(s string, b byte) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == b {
			return true
		}
	}
	return false
}

func threeDigits(s string, k int) bool {
	return k+3 <= len(s) && isDigitByte(s[k]) && isDigitByte(s[k+1]) && isDigitByte(s[k+2]) &&
		(k+3 == len(s) || !isDigitByte(s[k+3]))
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return isLetterByte(byte(r)) || isDigitByte(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isDigitRune(r rune) bool {
	if r < utf8.RuneSelf {
		return isDigitByte(byte(r))
	}
	return unicode.IsDigit(r)
}

// isAlnumAt reports whether the rune at byte offset k is alphanumeric.
func isAlnumAt(s string, k int) bool {
	if k >= len(s) {
		return false
	}
	if s[k] < utf8.RuneSelf {
		return isLetterByte(s[k]) || isDigitByte(s[k])
	}
	r, _ := utf8.DecodeRuneInString(s[k:])
	return isAlnum(r)
}

// isAlnumBefore reports whether the rune ending at byte offset k is alphanumeric.
func isAlnumBefore(s string, k int) bool {
	if k <= 0 {
		return false
	}
	if s[k-1] < utf8.RuneSelf {
		return isLetterByte(s[k-1]) || isDigitByte(s[k-1])
	}
	r, _ := utf8.DecodeLastRuneInString(s[:k])
	return isAlnum(r)
}

func isLetterByte(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigitByte(c byte) bool  { return c >= '0' && c <= '9' }
func isUpperByte(c byte) bool  { return c >= 'A' && c <= 'Z' }

func allLetters(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isLetterByte(w[i]) {
			return false
		}
	}
	return len(w) > 0
}

func hasPrefix(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

func hasPrefixFold(s, p string) bool {
	if len(s) < len(p) {
		return false
	}
	for k := 0; k < len(p); k++ {
		c := s[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[k] {
			return false
		}
	}
	return true
}

// lowerASCII lowercases a short ASCII string; it allocates only when s has
// an upper-case letter, and callers use it on at most two bytes.
func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if isUpperByte(s[i]) {
			var buf [8]byte
			return string(lowerInto(buf[:0], s))
		}
	}
	return s
}

func lowerInto(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUpperByte(c) {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func allUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isUpperByte(w[i]) {
			return false
		}
	}
	return len(w) > 0
}
