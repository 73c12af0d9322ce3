package entities

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// story is one of the evaluation's golden wire stories, read as test input.
type story struct{ Name, Text string }

// stories returns the golden wire stories of eval/entities as plain texts
// (the evaluation owns them and their expectations).
func stories(tb testing.TB) []story {
	tb.Helper()
	names, err := filepath.Glob(filepath.Join("..", "eval", "entities", "testdata", "stories", "*.txt"))
	if err != nil || len(names) == 0 {
		tb.Fatalf("no golden stories under eval/entities/testdata/stories: %v", err)
	}
	var out []story
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, story{strings.TrimSuffix(filepath.Base(n), ".txt"), string(b)})
	}
	return out
}
