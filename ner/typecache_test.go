package ner

import (
	"math"
	"strings"
	"sync"
	"testing"
)

// fastPathSentences are hand-written wire sentences for the fast-path tests:
// names, headlines, lower-case runs far from any capital, curly quotes.
var fastPathSentences = []string{
	"Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Tuesday .",
	"The talks , which lasted for more than three hours , ended without a joint statement .",
	"UN SECURITY COUNCIL MEETS ON SUDAN",
	"“ We are ready to talk , ” the spokesman for the African Union told Reuters .",
	"prices of maize and wheat rose by about five percent in the past two weeks , traders said .",
	"Shares in Deutsche Bank fell 2.4 percent to 11.20 euros in Frankfurt .",
	"a",
	"He said : it was the worst flooding on the river since 1998 and that the government of the day had failed .",
}

// fastDoc analyzes the fast-path sentences (plus the same in lower case,
// folded) for tagger t and returns the scratch holding them.
func fastDoc(t *Tagger, sentences []string) (*scratch, [][]tokInfo) {
	s := new(scratch)
	s.bounds = append(s.bounds, 0)
	for _, l := range sentences {
		s.words = append(s.words, strings.Fields(l)...)
		s.bounds = append(s.bounds, len(s.words))
	}
	return s, t.analyze(s)
}

// TestEmissions_matchFeatureSums checks that the cached word-type sums plus
// ctxFeats give the same scores as summing every feature of sentFeats, on
// tokens that are not quiet, for both passes, in a document whose case is
// known (with a folded headline) and in the same document lower-cased.
func TestEmissions_matchFeatureSums(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var lower []string
	for _, l := range fastPathSentences {
		lower = append(lower, strings.ToLower(l))
	}
	for _, doc := range [][]string{fastPathSentences, lower} {
		s, sents := fastDoc(tg, doc)
		if doc[0] == lower[0] && sents[0][0].flags&flagNoCase == 0 {
			t.Fatal("lower-cased document not folded")
		}
		s.doc.collectTypes(sents, nil)
		for li, m := range tg.m.layers() {
			for i, toks := range sents {
				tg.emissions(m, li, i, s)
				want := make([][nLabels]float32, len(toks))
				m.emissionsSlow(toks, &s.doc, want)
				for j := range toks {
					if isQuiet(&s.em[j]) != isQuiet(&want[j]) {
						t.Fatalf("sentence %d token %d: quiet %v, slow path %v", i, j, isQuiet(&s.em[j]), isQuiet(&want[j]))
					}
					if isQuiet(&s.em[j]) {
						if hasUpperNear(toks, j, quietWindow) {
							t.Errorf("sentence %d token %d: quiet next to a capitalized word", i, j)
						}
						continue
					}
					for c := range want[j] {
						if d := math.Abs(float64(want[j][c] - s.em[j][c])); d > 1e-3*math.Max(1, math.Abs(float64(want[j][c]))) {
							t.Fatalf("layer %d sentence %d token %d label %d: fast %v, want %v", li, i, j, c, s.em[j][c], want[j][c])
						}
					}
				}
			}
		}
	}
}

func hasUpperNear(toks []tokInfo, j, w int) bool {
	for k := max(0, j-w); k <= min(len(toks)-1, j+w); k++ {
		if toks[k].flags&flagHasUp != 0 {
			return true
		}
	}
	return false
}

// TestQuietTokens checks which tokens skip scoring: those farther than
// quietWindow from any word with an upper-case letter, in a document whose
// case is known.
func TestQuietTokens(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	doc := []string{"Kenya 's President William Ruto met Oxfam staff in Nairobi .", "the flood hit the town and Oxfam said on Monday that aid was late"}
	s, sents := fastDoc(tg, doc)
	toks := sents[1]
	tg.emissions(tg.m, len(tg.m.layers())-1, 1, s)
	var got []string
	for j := range toks {
		if !isQuiet(&s.em[j]) {
			got = append(got, s.words[s.bounds[1]+j])
		}
	}
	want := "and Oxfam said on Monday that"
	if strings.Join(got, " ") != want {
		t.Errorf("scored tokens = %q, want %q", strings.Join(got, " "), want)
	}
	// A sentence without capitals in a document with case is all O and not scored.
	s, sents = fastDoc(tg, []string{doc[0], "it rained all day ."})
	y := tg.decode(tg.m, len(tg.m.layers())-1, 1, s, nil)
	if len(y) != 5 || y[0]|y[1]|y[2]|y[3]|y[4] != 0 || len(s.em) != 0 {
		t.Errorf("lower-case sentence labels = %v (%d scored), want all O unscored", y, len(s.em))
	}
}

// TestTag_concurrentCache tags the same documents from several goroutines
// with a cold cache and checks every result equals the sequential one (run
// with -race to check the cache's publication).
func TestTag_concurrentCache(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var sents [][]string
	for _, s := range fastPathSentences {
		sents = append(sents, strings.Fields(s))
	}
	want := tg.Tag(sents)
	// A fresh tagger over the same model has a cold cache.
	cold := NewTagger(tg.m)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := 0; r < 20; r++ {
				got := cold.Tag(sents)
				for i := range want {
					if len(got[i]) != len(want[i]) {
						errs <- "span count differs"
						return
					}
					for k := range want[i] {
						a, b := got[i][k], want[i][k]
						if a.Start != b.Start || a.End != b.End || a.Type != b.Type || math.Abs(a.Score-b.Score) > 1e-5 {
							errs <- "span differs"
							return
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
