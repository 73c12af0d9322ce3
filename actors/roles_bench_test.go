package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cputime"
)

// BenchmarkLookupRole looks up every run of up to MaxRoleWords words of
// the examples, as the entities stage asks about the words around a name
// (one op: all of them).
func BenchmarkLookupRole(b *testing.B) {
	files, _ := filepath.Glob("../examples/*.txt")
	var phrases []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		words := strings.Fields(strings.ToLower(string(raw)))
		for i := range words {
			for k := 1; k <= MaxRoleWords && i+k <= len(words); k++ {
				phrases = append(phrases, strings.Join(words[i:i+k], " "))
			}
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		for _, p := range phrases {
			LookupRole(p)
		}
	}
	stop(b.N)
}
