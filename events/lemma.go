package events

// Inflections: whether a token is a form of a lexicon item's base word
// (inflects, with irregular verb forms) and the first-letter keys of the
// lexicon's pattern index.

import (
	"slices"
	"strings"
)

// inflects reports whether tok (any case) is base (lowercase) or one of its
// regular or irregular inflections: -s, -es, -ies, -ed, -d, -ied, -ing,
// e-dropping -ing, consonant doubling, British -ise. It does not allocate.
func inflects(tok, base string) bool {
	irr := irregularForms[base]
	if len(tok) < len(base)-1 || len(tok) > len(base)+4 {
		return slices.ContainsFunc(irr, func(f string) bool { return strings.EqualFold(tok, f) })
	}
	if strings.EqualFold(tok, base) {
		return true
	}
	if len(tok) > len(base) && strings.EqualFold(tok[:len(base)], base) {
		suf := tok[len(base):]
		switch strings.ToLower(suf) {
		case "s", "es", "ed", "d", "ing":
			// (a lowercase -d only after e, -es only after esBase)
			if suf == "d" && base[len(base)-1] != 'e' || suf == "es" && !esBase(base) {
				break
			}
			return true
		}
		// doubled final consonant: stop → stopped, stopping
		last := base[len(base)-1]
		if len(suf) >= 3 && (suf[0] == last || suf[0] == last-32) && isConsonant(last) {
			switch strings.ToLower(suf[1:]) {
			case "ed", "ing":
				return true
			}
		}
	}
	n := len(base)
	if n >= 2 && base[n-1] == 'e' && len(tok) == n+2 && strings.EqualFold(tok[:n-1], base[:n-1]) && strings.EqualFold(tok[n-1:], "ing") {
		return true
	}
	if n >= 2 && base[n-1] == 'y' && len(tok) == n+2 && strings.EqualFold(tok[:n-1], base[:n-1]) &&
		(strings.EqualFold(tok[n-1:], "ies") || strings.EqualFold(tok[n-1:], "ied")) {
		return true
	}
	return slices.ContainsFunc(irr, func(f string) bool { return strings.EqualFold(tok, f) })
}

// wordForms returns the lowercase forms a's word can match: a superset of
// the ASCII tokens it matches (alt.matches), in lowercase.
func wordForms(a alt) []string {
	w, n := a.word, len(a.word)
	if !a.verb {
		return []string{w, w + "s"}
	}
	out := append([]string{w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}, irregularForms[w]...)
	if last := w[n-1]; isConsonant(last) { // doubled: stopped, stopping
		out = append(out, w+w[n-1:]+"ed", w+w[n-1:]+"ing")
	} else if n >= 2 && (last == 'e' || last == 'y') {
		out = append(out, w[:n-1]+"ing", w[:n-1]+"ies", w[:n-1]+"ied")
	}
	return out
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

// esBase reports a base that takes -es: one ending in s, x, z, o, ch or sh.
func esBase(base string) bool {
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

// key3 returns the index key of a lowercase word: its first three bytes.
func key3(w string) (k [3]byte) {
	copy(k[:], w)
	return k
}

// tokenKeys returns the index keys a lowercase token (Document.Lower) can
// match under: its own first three letters and, for irregular forms, those
// of its base form.
func tokenKeys(tok string) (k1, k2 [3]byte, two bool) {
	k1 = key3(tok)
	if b, ok := irregular[tok]; ok {
		k2 = key3(b)
		return k1, k2, k2 != k1
	}
	return k1, k1, false
}
