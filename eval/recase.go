package eval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Case is a letter-case variant of evaluation text: the same data upper- or
// lower-cased, to measure how a layer copes with ALL-CAPS wire copy or
// lower-case social text. The zero value leaves text as it is.
type Case string

// The case variants.
const (
	AsIs  Case = ""
	Upper Case = "upper"
	Lower Case = "lower"
)

// ParseCase returns the variant named s ("", "as-is", "upper" or "lower").
func ParseCase(s string) (Case, error) {
	switch Case(s) {
	case AsIs, "as-is", "mixed":
		return AsIs, nil
	case Upper, Lower:
		return Case(s), nil
	}
	return AsIs, fmt.Errorf("unknown case %q (want upper or lower)", s)
}

// Apply returns s in the variant's case. Every rune keeps its UTF-8 length
// (a rune whose other case is longer or shorter stays as it is), so byte and
// code point offsets into s stay valid in the result.
func (c Case) Apply(s string) string {
	var to func(rune) rune
	switch c {
	case Upper:
		to = unicode.ToUpper
	case Lower:
		to = unicode.ToLower
	default:
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if u := to(r); (r != utf8.RuneError || n > 1) && utf8.RuneLen(u) == n {
			b.WriteRune(u)
		} else {
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Label returns a suffix for report titles: "" for the text as it is,
// ", upper-cased" or ", lower-cased" otherwise.
func (c Case) Label() string {
	if c == AsIs {
		return ""
	}
	return ", " + string(c) + "-cased"
}
