package events

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// TestAltMatches_fastPath checks that an alternative matches a token in
// ASCII by its lower case exactly as by strings.EqualFold (the path taken
// for any other token): every word of the built-in lexicon against its own
// inflections, plurals and letter cases, its irregular forms, other
// lexicon words, and near misses.
func TestAltMatches_fastPath(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	var alts []*alt
	words := map[string]bool{}
	type key struct {
		word string
		verb bool
	}
	seen := map[key]bool{}
	for _, p := range lex.patterns {
		for i := range p.items {
			for k := range p.items[i].alts {
				a := &p.items[i].alts[k]
				words[a.word] = true
				if !seen[key{a.word, a.verb}] {
					seen[key{a.word, a.verb}] = true
					alts = append(alts, a)
				}
			}
		}
	}
	slices.SortFunc(alts, func(a, b *alt) int { return strings.Compare(a.word, b.word) })
	var toks []string
	add := func(w string) {
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			toks = append(toks, v)
		}
	}
	// a lower-case word with an upper-case suffix ("attackED", "placeD")
	addSuf := func(w, suf string) {
		add(w + suf)
		toks = append(toks, w+strings.ToUpper(suf))
	}
	for w := range words {
		add(w)
		for _, suf := range []string{"s", "es", "ed", "d", "ing", "ies", "ied", "x"} {
			addSuf(w, suf)
			if len(w) > 2 {
				addSuf(w[:len(w)-1], suf)
				addSuf(w+w[len(w)-1:], suf)
				addSuf(w+strings.ToUpper(w[len(w)-1:]), suf)
			}
		}
		for _, f := range irregularForms[w] {
			add(f)
		}
		if len(w) > 1 {
			add(w[1:])
			add("z" + w)
		}
	}
	toks = append(toks, "\u212aill", "\u017fays", "attack\u017f", "ſtrike", "1st", "-", "'s")
	slices.Sort(toks)
	checked := 0
	for n, tok := range toks {
		low := document.LowerText(tok)
		ascii := true
		for k := 0; k < len(tok); k++ {
			ascii = ascii && tok[k] < utf8.RuneSelf
		}
		for _, a := range alts {
			// every token against the alternatives of its first letter
			// and the verbs with irregular forms, one in 50 against all
			if n%50 != 0 && low[0] != a.word[0] && a.irr == nil {
				continue
			}
			if got, want := a.matches(tok, low, ascii), a.matches(tok, low, false); got != want {
				t.Fatalf("%q against %q (verb %v): %v, by EqualFold %v", tok, a.word, a.verb, got, want)
			}
			checked++
		}
	}
	t.Logf("%d token-alternative pairs", checked)
	// whole items (their skip sets), one token in 40 against every item
	var items []*item
	for _, p := range lex.patterns {
		for i := range p.items {
			if p.items[i].kind == itemWords {
				items = append(items, &p.items[i])
			}
		}
	}
	checked = 0
	for n, tok := range toks {
		if n%40 != 0 {
			continue
		}
		low := document.LowerText(tok)
		ascii := true
		for k := 0; k < len(tok); k++ {
			ascii = ascii && tok[k] < utf8.RuneSelf
		}
		for _, it := range items {
			if got, want := it.matches(tok, low, ascii), it.matches(tok, low, false); got != want {
				t.Fatalf("%q against item %v: %v, by EqualFold %v", tok, it.alts, got, want)
			}
			checked++
		}
	}
	t.Logf("%d token-item pairs", checked)
}
