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

func fastPathTokens(t *testing.T, m *Model, full bool) [][]tokInfo {
	t.Helper()
	lx := m.lex
	if !full {
		lx = lx.gazOnly()
	}
	var toks [][]tokInfo
	for _, s := range fastPathSentences {
		toks = append(toks, analyzeSentence(nil, strings.Fields(s), lx))
	}
	return toks
}

// TestEmissions_matchFeatureSums checks that the cached word-type sums plus
// ctxFeats give the same scores as summing every feature of sentFeats, on
// tokens that are not quiet, for both passes and with or without the
// clusters looked up in advance.
func TestEmissions_matchFeatureSums(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range tg.m.layers() {
		ref := fastPathTokens(t, m, true)
		doc := buildDocInfo(ref)
		doc.types = map[uint64]*[5]uint16{}
		for _, full := range []bool{true, false} {
			toks := fastPathTokens(t, m, full)
			var s scratch
			for i := range toks {
				m.emissions(toks[i], doc, &s)
				for j := range toks[i] {
					if isQuiet(&s.em[j]) {
						if hasUpperNear(toks[i], j, quietWindow) {
							t.Errorf("sentence %d token %d: quiet next to a capitalized word", i, j)
						}
						continue
					}
					var want [nLabels]float32
					for _, f := range sentFeats(nil, ref[i], j, doc) {
						m.w.add(f, &want)
					}
					for c := range want {
						if d := math.Abs(float64(want[c] - s.em[j][c])); d > 1e-3*math.Max(1, math.Abs(float64(want[c]))) {
							t.Fatalf("full=%v sentence %d token %d label %d: fast %v, want %v", full, i, j, c, s.em[j][c], want[c])
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
// quietWindow from any word with an upper-case letter.
func TestQuietTokens(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	m := tg.m
	words := strings.Fields("the flood hit the town and Oxfam said on Monday that aid was late")
	toks := analyzeSentence(nil, words, m.lex.gazOnly())
	var s scratch
	m.emissions(toks, buildDocInfo([][]tokInfo{toks}), &s)
	var got []string
	for j := range toks {
		if !isQuiet(&s.em[j]) {
			got = append(got, words[j])
		}
	}
	want := "and Oxfam said on Monday that"
	if strings.Join(got, " ") != want {
		t.Errorf("scored tokens = %q, want %q", strings.Join(got, " "), want)
	}
	// A sentence without capitals is all O and not scored.
	y := m.decode(analyzeSentence(nil, strings.Fields("it rained all day ."), m.lex.gazOnly()), nil, &s, nil)
	if len(y) != 5 || y[0]|y[1]|y[2]|y[3]|y[4] != 0 {
		t.Errorf("lower-case sentence labels = %v, want all O", y)
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
	// A fresh tagger over a copy of the model has a cold cache.
	fresh := *tg.m
	fresh.pre = new(prepared)
	if tg.m.First != nil {
		first := *tg.m.First
		first.pre = new(prepared)
		fresh.First = &first
	}
	cold := NewTagger(&fresh)
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
