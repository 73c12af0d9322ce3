package events

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFormsSameAsScan checks the compiled forms against the scan they
// replace: at every token, the patterns matchAll finds by the token's form
// (Lexicon.firsts) are those whose first item matches it under its index
// keys, in the same order, and every word item matches it by form
// (coder.wordAt) as by item.matches; for every form as written, in
// capitals and title case, with odd suffixes, and every word of the
// examples.
func TestFormsSameAsScan(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var toks []string
	var forms []string
	for _, p := range lex.patterns {
		for _, it := range p.items {
			for _, a := range it.alts {
				forms = append(forms, wordForms(a)...)
			}
		}
	}
	for _, f := range forms {
		toks = append(toks, f, strings.ToUpper(f), strings.ToUpper(f[:1])+f[1:], f+"D", f+"ES", f+"eS", f+"Ing", f+"d", f+"es")
	}
	files, _ := filepath.Glob("../examples/*")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(b)) {
			toks = append(toks, w, strings.Trim(w, `.,;:"'()“”‘’`))
		}
	}
	toks = append(toks, "ſeized", "attaſks", "Attaçks", "€", "£", "café", "KILLED", "Killed")
	index := map[[3]byte][]int{} // the old index: first-item key → patterns
	for i, p := range lex.patterns {
		for _, a := range p.items[0].alts {
			if k := key3(a.word); !slices.Contains(index[k], i) {
				index[k] = append(index[k], i)
			}
		}
	}
	for form := range irregular {
		if strings.ContainsFunc(form, func(r rune) bool { return r >= 0x80 }) {
			t.Fatalf("irregular form %q not in ASCII: a token not in ASCII has one index key", form)
		}
	}
	slices.Sort(toks)
	var items []*item // the distinct word items
	seen := map[string]bool{}
	for _, p := range lex.patterns {
		for i := range p.items {
			if k := fmt.Sprint(p.items[i].alts); p.items[i].kind == itemWords && !seen[k] {
				seen[k] = true
				items = append(items, &p.items[i])
			}
		}
	}
	for _, tok := range slices.Compact(toks) {
		low := string(lowerASCII(tok))
		id, exact := lex.formOf(tok, low)
		var want, got []int32
		k1, k2, two := tokenKeys(tok)
		for k, pis := range [][]int{index[k1], index[k2]} {
			for _, pi := range pis {
				if (k == 0 || two) && !slices.Contains(want, int32(pi)) && lex.patterns[pi].items[0].matches(tok) {
					want = append(want, int32(pi))
				}
			}
		}
		c := &coder{s: &Stage{lex: lex}}
		cands := lex.firsts[id]
		if !exact {
			cands = c.scan(tok)
		}
		for _, pi := range cands {
			if (exact || lex.patterns[pi].items[0].matches(tok)) && !slices.Contains(got, pi) {
				got = append(got, pi)
			}
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%q: patterns %v by form, %v by scan", tok, got, want)
		}
		for _, it := range items {
			if _, ok := slices.BinarySearch(it.ids, id); exact && ok != it.matches(tok) {
				t.Fatalf("%q: item %v: %v by form, %v by matches", tok, it.alts, ok, !ok)
			}
		}
	}
}

func lowerASCII(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return b
}
