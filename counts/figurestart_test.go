package counts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStartsFigure checks the filter in front of figureStart: figureStarts.Value
// agrees with the map on every key, every key with a letter added and every
// word of the examples (lower case, and before a hyphen).
func TestStartsFigure(t *testing.T) {
	var words []string
	for w := range figureStart {
		words = append(words, w, w+"s", "x"+w)
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(strings.ToLower(string(b))) {
			words = append(words, w)
			if h := strings.IndexByte(w, '-'); h > 0 {
				words = append(words, w[:h])
			}
		}
	}
	for _, w := range words {
		if got, want := figureStarts.Value(w), figureStart[w]; got != want {
			t.Fatalf("figureStarts.Value(%q) = %v, want %v", w, got, want)
		}
	}
}
