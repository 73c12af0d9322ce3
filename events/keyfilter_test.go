package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyFilters checks the filter in front of titleFunction
// (titleFunctions.Value agrees with the map), for every word of the examples,
// every irregular form and every first word of a pattern, as written and
// in capitals.
func TestKeyFilters(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var toks []string
	for form := range irregular {
		toks = append(toks, form)
	}
	for _, p := range lex.patterns {
		for _, a := range p.items[0].alts {
			toks = append(toks, a.word, a.word+"s", a.word+"ed")
		}
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		toks = append(toks, strings.Fields(string(b))...)
	}
	for w := range titleFunction {
		toks = append(toks, w)
	}
	for _, tok := range append(toks, strings.Fields(strings.ToUpper(strings.Join(toks, " ")))...) {
		if got, want := titleFunctions.Value(tok), titleFunction[tok]; got != want {
			t.Fatalf("titleFunctions.Value(%q) = %v, want %v", tok, got, want)
		}
	}
}
