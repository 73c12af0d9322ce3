package events

// Inflections: whether a token is a form of a lexicon item's base word
// (inflects, with irregular verb forms) and the first-letter keys of the
// lexicon's pattern index.

import (
	"strings"

	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// inflects reports whether tok (any case) is base (lowercase) or one of its
// regular or irregular inflections: -s, -es, -ies, -ed, -d, -ied, -ing,
// e-dropping -ing, consonant doubling, British -ise. It does not allocate.
func inflects(tok, base string) bool { return inflectsForms(tok, base, irregularForms[base]) }

// inflectsForms is inflects with base's irregular forms given
// (irregularForms[base]: a pattern's verb keeps its own, so that a token
// costs no lookup).
func inflectsForms(tok, base string, irr []string) bool {
	return inflectsLow(tok, tok, false, base, irr)
}

// inflectsLow is inflectsForms for a token whose lower case low is given:
// with lowered (tok in ASCII, base and irr lower-case ASCII) the case-blind
// comparisons compare low's bytes, which is what strings.EqualFold finds
// for them; otherwise low is not read.
func inflectsLow(tok, low string, lowered bool, base string, irr []string) bool {
	s := tok // what the case-blind comparisons read
	if lowered {
		s = low
	}
	if len(tok) < len(base)-1 || len(tok) > len(base)+4 {
		return oneOfLow(s, lowered, irr)
	}
	if foldEq(s, base, lowered) {
		return true
	}
	if len(tok) > len(base) && foldEq(s[:len(base)], base, lowered) {
		suf, lsuf := tok[len(base):], lowerOf(s[len(base):], lowered)
		switch lsuf {
		case "s", "es", "ed", "d", "ing":
			if suf == "d" && base[len(base)-1] != 'e' {
				break
			}
			if (suf == "s" || suf == "es") && !isLetterSuffixOK(base, suf) {
				break
			}
			return true
		}
		// doubled final consonant: stop → stopped, stopping
		last := base[len(base)-1]
		if len(suf) >= 3 && (suf[0] == last || suf[0] == last-32) && isConsonant(last) {
			switch lowerOf(s[len(base)+1:], lowered) {
			case "ed", "ing":
				return true
			}
		}
	}
	n := len(base)
	if n >= 2 && base[n-1] == 'e' && len(tok) == n+2 && foldEq(s[:n-1], base[:n-1], lowered) && foldEq(s[n-1:], "ing", lowered) {
		return true
	}
	if n >= 2 && base[n-1] == 'y' && len(tok) == n+2 && foldEq(s[:n-1], base[:n-1], lowered) &&
		(foldEq(s[n-1:], "ies", lowered) || foldEq(s[n-1:], "ied", lowered)) {
		return true
	}
	return oneOfLow(s, lowered, irr)
}

// foldEq is strings.EqualFold(a, b), or a == b when lowered (a is lower-case
// ASCII and b lower case).
func foldEq(a, b string, lowered bool) bool {
	if lowered {
		return a == b
	}
	return strings.EqualFold(a, b)
}

// lowerOf is strings.ToLower(s), or s when lowered.
func lowerOf(s string, lowered bool) string {
	if lowered {
		return s
	}
	return strings.ToLower(s)
}

// oneOfLow is oneOf, by foldEq.
func oneOfLow(s string, lowered bool, forms []string) bool {
	if !lowered {
		return oneOf(s, forms)
	}
	for _, f := range forms {
		if s == f {
			return true
		}
	}
	return false
}

// irregularForms maps a base verb to its irregular forms ("fight" →
// "fought"), the reverse of irregular: inflects asks about one base at a
// time, and most bases have none, so no lookup of the token is needed.
var irregularForms = func() map[string][]string {
	m := map[string][]string{}
	for form, base := range irregular {
		m[base] = append(m[base], form)
	}
	return m
}()

// oneOf reports whether tok equals one of forms, ignoring case.
func oneOf(tok string, forms []string) bool {
	for _, f := range forms {
		if strings.EqualFold(tok, f) {
			return true
		}
	}
	return false
}

func isLetterSuffixOK(base, suf string) bool {
	if suf == "s" {
		return true
	}
	// "es" after s, x, z, ch, sh, o
	n := len(base)
	switch base[n-1] {
	case 's', 'x', 'z', 'o':
		return true
	case 'h':
		return n >= 2 && (base[n-2] == 'c' || base[n-2] == 's')
	}
	return false
}

func isConsonant(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y', 'w', 'x':
		return false
	}
	return c >= 'a' && c <= 'z'
}

// irregularOf looks tok up in the irregular table without allocating for
// tokens of up to 32 bytes.
func irregularOf(tok string) (string, bool) {
	if len(tok) > 32 {
		return "", false
	}
	if !irregularKeys.Maybe(tok) {
		return "", false // (ASCII first bytes of no irregular form)
	}
	var buf [32]byte
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		buf[i] = c
	}
	b, ok := irregular[string(buf[:len(tok)])]
	return b, ok
}

// irregularKeys is irregular behind a filter of its forms' first bytes.
var irregularKeys = keyfilter.NewMap(irregular, keyfilter.Prefix3)

// class3 returns the keyfilter class of an index key (Lexicon.keys).
func class3(k [3]byte) uint32 { return uint32(k[0]) | uint32(k[1])<<8 | uint32(k[2])<<16 }

// key3 returns the index key of a lowercase word: its first three bytes.
func key3(w string) [3]byte {
	var k [3]byte
	for i := 0; i < 3 && i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 32
		}
		k[i] = c
	}
	return k
}

// tokenKeys returns the index keys a token can match under: its own first
// three letters and, for irregular forms, those of its base form.
func tokenKeys(tok string) (k1, k2 [3]byte, two bool) {
	k1 = key3(tok)
	if b, ok := irregularOf(tok); ok {
		k2 = key3(b)
		return k1, k2, k2 != k1
	}
	return k1, k1, false
}
