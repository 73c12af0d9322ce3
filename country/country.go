// Package country is newsgraph's table of countries and territories: ISO
// 3166-1 alpha-2, alpha-3 and numeric codes, FIPS 10-4 codes (for GDELT
// exports), common, official and alternative names, demonyms and adjectives,
// capitals, centroids and regions.
//
// The facts come from the npm package world-countries (generated into
// table.go by `go generate ./country`) plus hand-written facts in facts.go.
// Everything is read-only and safe for concurrent use.
package country

//go:generate go run ./internal/gen -out table.go

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Country is one country or territory.
type Country struct {
	Alpha2, Alpha3, Numeric string // ISO 3166-1 codes ("TR", "TUR", "792")
	FIPS                    string // FIPS 10-4 code ("TU"), "" when none
	Name                    string // common English name used in news ("Turkey")
	Official                string // official name ("Republic of Türkiye")
	Capital                 string
	Region, Subregion       string // "Asia", "Western Asia"
	AltNames                []string
	Demonyms                []string // adjectives and person nouns, singular ("Turkish", "Turk")
	Lat, Lon                float64  // a representative point (centroid)
}

var (
	once      sync.Once
	all       []Country
	byA2      map[string]int
	byA3      map[string]int
	byName    map[string]int
	byDemonym map[string]int
)

func build() {
	all = make([]Country, len(table))
	copy(all, table)
	byA2 = make(map[string]int, len(all))
	byA3 = make(map[string]int, len(all))
	byName = make(map[string]int, len(all)*6)
	byDemonym = make(map[string]int, len(all)*2)
	size := 0 // the names' bytes: a folded ASCII name is no longer
	for i := range all {
		c := &all[i]
		c.FIPS = fips[c.Alpha2]
		if n, ok := commonName[c.Alpha2]; ok && n != c.Name {
			c.AltNames = append([]string{c.Name}, c.AltNames...)
			c.Name = n
		}
		c.AltNames = uniq(c.AltNames, extraNames[c.Alpha2], c.Name, c.Official)
		c.Demonyms = uniq(c.Demonyms, extraDemonyms[c.Alpha2], "", "")
		byA2[c.Alpha2] = i
		if c.Alpha3 != "" {
			byA3[c.Alpha3] = i
		}
		size += len(c.Name) + len(c.Official)
		for _, n := range c.AltNames {
			size += len(n)
		}
		for _, n := range c.Demonyms {
			size += len(n)
		}
	}
	// the keys are substrings of one buffer rather than a string each
	keys := make([]byte, 0, size)
	key := func(name string) string {
		if len(keys)+len(name) > cap(keys) { // (a folding that lengthens: a new buffer)
			keys = make([]byte, 0, max(len(name), cap(keys)))
		}
		start := len(keys)
		keys = AppendNormalize(keys, name)
		return unsafe.String(unsafe.SliceData(keys[start:]), len(keys)-start)
	}
	// Names: independent countries (those with a FIPS code and a UN-style
	// entry) win over territories; the first claim wins otherwise, and a
	// country's own common name always wins.
	for i := range all {
		byName[key(all[i].Name)] = i
	}
	claim := func(m map[string]int, name string, i int) {
		if k := key(name); k != "" {
			if _, ok := m[k]; !ok {
				m[k] = i
			}
		}
	}
	for i := range all {
		c := &all[i]
		claim(byName, c.Official, i)
		for _, n := range c.AltNames {
			claim(byName, n, i)
		}
		for _, d := range c.Demonyms {
			claim(byDemonym, d, i)
		}
	}
	for k, a2 := range demonymOwner {
		if i, ok := byA2[a2]; ok {
			byDemonym[k] = i
		}
	}
}

// uniq returns xs and then extra in a new slice, without empty strings,
// repeats, skip1 or skip2 (the lists are short: a search, not a set).
func uniq(xs, extra []string, skip1, skip2 string) []string {
	out := make([]string, 0, len(xs)+len(extra))
	for _, list := range [2][]string{xs, extra} {
		for _, x := range list {
			if x != "" && x != skip1 && x != skip2 && !slices.Contains(out, x) {
				out = append(out, x)
			}
		}
	}
	return out
}

// All returns every country and territory, ordered by alpha-2 code. The
// slice is shared: callers must not modify it.
func All() []Country {
	once.Do(build)
	return all
}

// ByAlpha2 returns the country with ISO alpha-2 code code (case-insensitive).
func ByAlpha2(code string) (*Country, bool) {
	once.Do(build)
	i, ok := byA2[strings.ToUpper(code)]
	if !ok {
		return nil, false
	}
	return &all[i], true
}

// ByAlpha3 returns the country with ISO alpha-3 code code (case-insensitive).
func ByAlpha3(code string) (*Country, bool) {
	once.Do(build)
	i, ok := byA3[strings.ToUpper(code)]
	if !ok {
		return nil, false
	}
	return &all[i], true
}

// ByFIPS returns the country with FIPS 10-4 code code (case-insensitive).
func ByFIPS(code string) (*Country, bool) {
	once.Do(build)
	code = strings.ToUpper(code)
	for i := range all {
		if all[i].FIPS == code && code != "" {
			return &all[i], true
		}
	}
	return nil, false
}

// Lookup returns the country named name: its common, official or any
// alternative name, compared case-insensitively, ignoring diacritics, dots
// and a leading "the" ("the United States", "U.S.", "Cote d'Ivoire").
// Lookup does not check capitalization: "us" finds the United States, so
// callers that scan running text must check case themselves.
func Lookup(name string) (*Country, bool) {
	once.Do(build)
	var buf [64]byte
	i, ok := byName[string(AppendNormalize(buf[:0], name))]
	if !ok {
		return nil, false
	}
	return &all[i], true
}

// ByDemonym returns the country of a nationality adjective or person noun
// ("Turkish", "Turk", "Omani", "Kenyan"), singular or plural ("Kenyans",
// "Britons", "Turks"), case-insensitively. Words for peoples without a
// country of their own ("Kurdish") are not found.
func ByDemonym(adj string) (*Country, bool) {
	once.Do(build)
	k := Normalize(adj)
	if i, ok := byDemonym[k]; ok {
		return &all[i], true
	}
	for _, suf := range []string{"s", "es"} {
		if strings.HasSuffix(k, suf) {
			if i, ok := byDemonym[k[:len(k)-len(suf)]]; ok {
				return &all[i], true
			}
		}
	}
	// Irregular plurals: "Frenchmen", "Englishmen".
	if strings.HasSuffix(k, "men") {
		if i, ok := byDemonym[k[:len(k)-3]+"man"]; ok {
			return &all[i], true
		}
	}
	return nil, false
}

// Normalize folds a name for lookups: lower case, diacritics removed,
// curly apostrophes straightened, dots dropped, runs of spaces and hyphens
// collapsed to one space, and a leading "the " removed. It allocates only
// when the input is not already folded.
func Normalize(s string) string {
	s = strings.TrimSpace(s)
	if isFolded(s) {
		return strings.TrimPrefix(s, "the ")
	}
	if isASCII(s) {
		var buf [64]byte
		return string(appendASCII(buf[:0], s))
	}
	return normalizeRunes(s)
}

// AppendNormalize appends Normalize(s) to dst and returns it: a lookup key
// built in a caller's buffer, so that a lookup of a name not already
// folded allocates nothing (but for names not in ASCII).
func AppendNormalize(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	if isFolded(s) {
		return append(dst, strings.TrimPrefix(s, "the ")...)
	}
	if isASCII(s) {
		return appendASCII(dst, s)
	}
	return append(dst, normalizeRunes(s)...)
}

// normalizeRunes is Normalize of a trimmed s by runes, after NFD.
func normalizeRunes(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	src := s
	if !isASCII(s) {
		// (a copy: norm keeps its argument, which would make every
		// caller's key escape, a key built on a caller's stack too)
		src = norm.NFD.String(strings.Clone(s))
	}
	for _, r := range src {
		switch {
		case unicode.Is(unicode.Mn, r) || r == '.':
			continue
		case r == '’' || r == '‘' || r == '`' || r == 'ʼ':
			r = '\''
		case unicode.IsSpace(r) || r == '-' || r == '‐' || r == '–':
			if b.Len() > 0 {
				space = true
			}
			continue
		}
		// Letters that carry no combining mark under NFD but that English
		// news writes as plain Latin ("Aydın" as "Aydin", "Łódź" as "Lodz").
		if f, ok := foldLatin(r); ok {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteString(f)
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// appendASCII appends Normalize of an ASCII s to dst, byte by byte: in
// ASCII no letter has a combining mark or a Latin folding, and
// unicode.IsSpace is one of "\t\n\v\f\r ".
func appendASCII(dst []byte, s string) []byte {
	base := len(dst)
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '.':
			continue
		case '`':
			c = '\''
		case '\t', '\n', '\v', '\f', '\r', ' ', '-':
			if len(dst) > base {
				space = true
			}
			continue
		}
		if space {
			dst = append(dst, ' ')
			space = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	if k := dst[base:]; len(k) >= 4 && string(k[:4]) == "the " {
		dst = append(dst[:base], k[4:]...)
	}
	return dst
}

// foldLatin spells a letter without a decomposition in plain Latin.
func foldLatin(r rune) (string, bool) {
	if r < 0xC6 {
		return "", false
	}
	switch r {
	case 'ı':
		return "i", true
	case 'ł', 'Ł':
		return "l", true
	case 'ø', 'Ø':
		return "o", true
	case 'đ', 'Đ', 'ð', 'Ð':
		return "d", true
	case 'ß':
		return "ss", true
	case 'æ', 'Æ':
		return "ae", true
	case 'œ', 'Œ':
		return "oe", true
	case 'þ', 'Þ':
		return "th", true
	case 'ħ', 'Ħ':
		return "h", true
	}
	return "", false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// isFolded reports whether s is already in Normalize's form (ASCII lower
// case, single spaces, no dots or hyphens).
func isFolded(s string) bool {
	prev := byte(' ')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c >= 'A' && c <= 'Z') || c == '.' || c == '-' || c == '`' || c == '\t' || c == '\n' || c == '\r' {
			return false
		}
		if c == ' ' && prev == ' ' {
			return false
		}
		prev = c
	}
	return true
}
