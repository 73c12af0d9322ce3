package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeyFilters checks the filters in front of the pattern index, the
// irregular table and titleFunction (titleFunctions.Value agrees with the map): a token they stop has no patterns under its keys and no
// irregular base, for every word of the examples, every irregular form
// and every first word of a pattern, as written and in capitals.
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
	stopped := 0
	for _, tok := range append(toks, strings.Fields(strings.ToUpper(strings.Join(toks, " ")))...) {
		if got, want := titleFunctions.Value(tok), titleFunction[tok]; got != want {
			t.Fatalf("titleFunctions.Value(%q) = %v, want %v", tok, got, want)
		}
		k := key3(tok)
		if !lex.keys.Has(class3(k)) {
			stopped++
			if len(lex.index[k]) > 0 {
				t.Fatalf("%q: key %q stopped but indexed", tok, k)
			}
		}
		lower := strings.Map(func(r rune) rune {
			if r >= 'A' && r <= 'Z' {
				return r + 'a' - 'A'
			}
			return r
		}, tok)
		want, wok := irregular[lower]
		if len(tok) > 32 {
			want, wok = "", false
		}
		if got, ok := irregularOf(tok); got != want || ok != wok {
			t.Fatalf("irregularOf(%q) = %q, %v; want %q, %v", tok, got, ok, want, wok)
		}
	}
	if stopped == 0 {
		t.Error("the index filter stops no token")
	}
}
