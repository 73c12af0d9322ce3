package document

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/cputime"
)

// lowerTextBytewise is LowerText one byte or rune at a time (its
// definition before the word-at-a-time loops).
func lowerTextBytewise(s string) string {
	b := []byte(s)
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				b[i] = c + 'a' - 'A'
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if l := unicode.ToLower(r); l != r && utf8.RuneLen(l) == size {
			utf8.EncodeRune(b[i:], l)
		}
		i += size
	}
	return string(b)
}

// TestLowerText checks LowerText against the byte-wise definition on
// every ASCII byte in every position of a word, and on random mixes of
// ASCII, capitals of other scripts, multi-byte letters whose lower case is
// longer, and invalid bytes, at every length up to 40.
func TestLowerText(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		for pos := 0; pos < 17; pos++ {
			s := strings.Repeat("ab", 8) + "x"
			s = s[:pos] + string(rune(c)) + s[pos+1:]
			if got, want := LowerText(s), lowerTextBytewise(s); got != want {
				t.Fatalf("LowerText(%q) = %q, want %q", s, got, want)
			}
		}
	}
	parts := []string{"a", "Z", "@", "[", "`", "{", " ", "Kenya ", "É", "é", "Σ", "İ", "Ⱥ", "\xff", "\xc3", "日本", "ß", "Ǆ", "\x7f", "\x00"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for sb.Len() < rng.Intn(41) {
			sb.WriteString(parts[rng.Intn(len(parts))])
		}
		s := sb.String()
		if got, want := LowerText(s), lowerTextBytewise(s); got != want {
			t.Fatalf("LowerText(%q) = %q, want %q", s, got, want)
		}
	}
	if n := testing.AllocsPerRun(10, func() { LowerText("no capital letter in this sentence at all.") }); n != 0 {
		t.Errorf("LowerText of a lower-case text: %v allocations, want 0", n)
	}
}

func BenchmarkLowerText(b *testing.B) {
	s := strings.Repeat("The Minister said on Monday that Kenya's talks with the IMF would resume in Nairobi. ", 50)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		LowerText(s)
	}
	stop(b.N)
}
