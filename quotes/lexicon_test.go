package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsOf_Filter checks that the filter in front of dict stops no
// word of it: flagsOf agrees with dict on every word, in capitals too, and
// on every word of the examples.
func TestFlagsOf_Filter(t *testing.T) {
	var words []string
	for w := range dict {
		words = append(words, w, strings.ToUpper(w))
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.Fields(string(b))...)
	}
	for _, w := range words {
		want := uint32(0)
		if len(w) <= 24 {
			want = dict[asciiLower(w)]
		}
		if got := flagsOf(w); got != want {
			t.Fatalf("flagsOf(%q) = %b, want %b", w, got, want)
		}
	}
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
