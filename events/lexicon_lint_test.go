package events

import "testing"

// TestLexiconPhrasalAlternatives guards against a pattern whose
// alternatives mix a plain verb with a phrasal verb ("+halt|+break off *
// talks"): alternatives bind one word each, so such a line demands the
// particle after every alternative and never matches "halted talks".
func TestLexiconPhrasalAlternatives(t *testing.T) {
	lex, err := Builtin()
	if err != nil {
		t.Fatal(err)
	}
	particles := map[string]bool{"off": true, "down": true, "up": true, "out": true, "away": true, "back": true}
	for _, p := range lex.patterns {
		for i := 0; i+1 < len(p.items); i++ {
			it, next := p.items[i], p.items[i+1]
			if it.kind != itemWords || len(it.alts) < 2 || next.kind != itemWords || len(next.alts) != 1 {
				continue
			}
			if it.alts[len(it.alts)-1].verb && particles[next.alts[0].word] {
				t.Errorf("lexicon.tsv:%d: %q: the particle %q binds to every alternative; split the line", p.line, p.src, next.alts[0].word)
			}
		}
	}
}
