package events

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFormsSameAsMatches checks the compiled forms against item.matches:
// for a token whose form decides (Lexicon.formOf), every word item matches
// it by form (coder.wordAt) as by item.matches; for every form an
// alternative can match (wordForms) as written, in capitals and title
// case, with odd suffixes, and every word of the examples.
func TestFormsSameAsMatches(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var toks []string
	for form := range irregular {
		if form != strings.ToLower(form) || strings.ContainsFunc(form, func(r rune) bool { return r >= 0x80 }) {
			t.Fatalf("irregular form %q not lowercase ASCII (wordForms lists them as they are)", form)
		}
	}
	var items []*item // the distinct word items
	seen := map[string]bool{}
	for _, p := range lex.patterns {
		for i, it := range p.items {
			for _, a := range it.alts {
				for _, f := range wordForms(a) {
					toks = append(toks, f, strings.ToUpper(f), strings.ToUpper(f[:1])+f[1:], f+"D", f+"ES", f+"eS", f+"Ing", f+"d", f+"es")
				}
			}
			if k := fmt.Sprint(it.alts); it.kind == itemWords && !seen[k] {
				seen[k] = true
				items = append(items, &p.items[i])
			}
		}
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
	toks = append(toks, "ſeized", "attaſks", "Attaçks", "€", "£", "café", "KILLED", "Killed", "SAID", "Said")
	slices.Sort(toks)
	decided := 0
	for _, tok := range slices.Compact(toks) {
		id, exact := lex.formOf(tok, string(lowerASCII(tok)))
		if !exact {
			continue
		}
		decided++
		for _, it := range items {
			if _, ok := slices.BinarySearch(it.ids, id); ok != it.matches(tok) {
				t.Fatalf("%q: item %v: %v by form, %v by matches", tok, it.alts, ok, !ok)
			}
		}
	}
	if decided == 0 {
		t.Fatal("no token decided by its form")
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
