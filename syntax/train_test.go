package syntax

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

// toySentence builds a treebank sentence from "form/UPOS/XPOS/head/dep"
// fields (head 1-based, 0 the root), written for this test.
func toySentence(t *testing.T, s string) *Aligned {
	t.Helper()
	a := &Aligned{Tree: true, Domain: 1}
	for _, f := range strings.Fields(s) {
		p := strings.Split(f, "/")
		if len(p) != 5 {
			t.Fatalf("bad field %q", f)
		}
		h := 0
		for _, c := range p[3] {
			h = h*10 + int(c-'0')
		}
		a.Forms = append(a.Forms, p[0])
		a.UPOS = append(a.UPOS, p[1])
		a.XPOS = append(a.XPOS, p[2])
		a.Lemma = append(a.Lemma, strings.ToLower(p[0]))
		a.Head = append(a.Head, h-1)
		a.Dep = append(a.Dep, p[4])
	}
	return a
}

// TestTrain_HeldoutReport checks that training with a held-out slice
// reports the tagger's accuracy on words in and out of the tag dictionary
// ("a" and "." are in it, "horse" and "runs" are not),
// its UPOS confusions and the parser's scores on the gold tags.
func TestTrain_HeldoutReport(t *testing.T) {
	train := []string{
		"the/DET/DT/2/det dog/NOUN/NN/3/nsubj barks/VERB/VBZ/0/root ./PUNCT/./3/punct",
		"a/DET/DT/2/det cat/NOUN/NN/3/nsubj sleeps/VERB/VBZ/0/root ./PUNCT/./3/punct",
		"the/DET/DT/2/det bird/NOUN/NN/3/nsubj sings/VERB/VBZ/0/root ./PUNCT/./3/punct",
	}
	var sents []*Aligned
	for _, s := range train {
		sents = append(sents, toySentence(t, s))
	}
	held := []*Aligned{toySentence(t, "a/DET/DT/2/det horse/NOUN/NN/3/nsubj runs/VERB/VBZ/0/root ./PUNCT/./3/punct")}
	var log bytes.Buffer
	_, err := Train(sents, TrainOptions{TagEpochs: 2, ParseEpochs: 2, Folds: 1, Seed: 1, MinUpdates: 1, Heldout: held, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"held-out UPOS: 2 words in the tag dictionary 1.0000, 2 not 1.0000", "held-out UPOS confusions (gold→predicted):", "held-out on gold tags (min updates 1): UAS "} {
		if !strings.Contains(log.String(), want) {
			t.Errorf("log lacks %q:\n%s", want, log.String())
		}
	}
	// the second tagger pass (jackknifed first-pass tags over two folds)
	log.Reset()
	if _, err := Train(sents, TrainOptions{TagEpochs: 2, ParseEpochs: 1, Folds: 2, Seed: 1, MinUpdates: 1, Heldout: held, TagPasses: 2, Log: &log}); err != nil {
		t.Fatal(err)
	}
	if out := log.String(); strings.Count(out, "held-out UPOS: ") != 2 || !strings.Contains(out, "second tagger pass:\ntagger epoch 1: ") {
		t.Errorf("second pass not reported:\n%s", out)
	}
}

// TestTrain_Beam trains the parser with a beam and checks that it parses
// its training sentences into trees, and that a beam of one item parses
// as the greedy parser does.
func TestTrain_Beam(t *testing.T) {
	train := []string{
		"the/DET/DT/2/det dog/NOUN/NN/3/nsubj barks/VERB/VBZ/0/root ./PUNCT/./3/punct",
		"a/DET/DT/2/det cat/NOUN/NN/3/nsubj sees/VERB/VBZ/0/root the/DET/DT/5/det bird/NOUN/NN/3/obj ./PUNCT/./3/punct",
		"the/DET/DT/2/det bird/NOUN/NN/3/nsubj sings/VERB/VBZ/0/root ./PUNCT/./3/punct",
	}
	var sents []*Aligned
	for _, s := range train {
		sents = append(sents, toySentence(t, s))
	}
	var log bytes.Buffer
	m, err := Train(sents, TrainOptions{TagEpochs: 3, ParseEpochs: 2, Folds: 1, Seed: 1, MinUpdates: 1, Beam: 4, BeamEpochs: 6, Heldout: sents[1:2], Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	// the max-violation update on the same data
	mv, err := Train(sents, TrainOptions{TagEpochs: 3, ParseEpochs: 1, Folds: 1, Seed: 1, MinUpdates: 1, Beam: 4, BeamEpochs: 6, MaxViolation: true, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	pv := NewParser(mv)
	var av Analysis
	for _, s := range sents {
		pv.Analyze(s.Forms, &av)
		for i, h := range av.Head {
			if h != s.Head[i] {
				t.Errorf("max-violation: %v: heads %v, want %v", s.Forms, av.Head, s.Head)
				break
			}
		}
	}
	if !strings.Contains(log.String(), "(beam 4)") {
		t.Errorf("no beam epochs in the log:\n%s", log.String())
	}
	p := NewParser(m)
	var a Analysis
	for _, s := range sents {
		p.Analyze(s.Forms, &a)
		for i, h := range a.Head {
			if h != s.Head[i] {
				t.Errorf("%v: heads %v, want %v", s.Forms, a.Head, s.Head)
				break
			}
		}
	}
	m.SetBeam(1)
	g := NewParser(m)
	b := NewParser(m)
	b.beam = 1
	for _, s := range sents {
		g.describe(s.Forms)
		g.tag()
		g.parse()
		b.ws, b.tags = g.ws, g.tags
		b.parseBeam()
		for i := range s.Forms {
			if g.st.head[i] != b.st.head[i] || g.st.label[i] != b.st.label[i] {
				t.Errorf("%v: beam of 1 parses %v, greedy %v", s.Forms, b.st.head, g.st.head)
				break
			}
		}
	}
}

// TestTrain_Factored trains a parser that predicts the move before the
// label and checks that it parses its training sentences (heads and
// labels), that the model file reads back with both tables and parses
// the same, and that the cached role scores of both tables add up to the
// scores of all of a state's features.
func TestTrain_Factored(t *testing.T) {
	train := []string{
		"the/DET/DT/2/det dog/NOUN/NN/3/nsubj barks/VERB/VBZ/0/root ./PUNCT/./3/punct",
		"a/DET/DT/2/det cat/NOUN/NN/3/nsubj sees/VERB/VBZ/0/root the/DET/DT/5/det bird/NOUN/NN/3/obj ./PUNCT/./3/punct",
		"the/DET/DT/2/det bird/NOUN/NN/3/nsubj sings/VERB/VBZ/0/root ./PUNCT/./3/punct",
	}
	var sents []*Aligned
	for _, s := range train {
		sents = append(sents, toySentence(t, s))
	}
	for _, own := range []int{0, 2} {
		testFactored(t, sents, own)
	}
	if _, err := Train(sents, TrainOptions{TagEpochs: 1, ParseEpochs: 1, Factored: true, Beam: 2, Log: io.Discard}); err == nil {
		t.Error("a factored parser with a beam trained")
	}
}

func testFactored(t *testing.T, sents []*Aligned, own int) {
	var log bytes.Buffer
	m, err := Train(sents, TrainOptions{TagEpochs: 3, ParseEpochs: 6, Folds: 1, Seed: 1, MinUpdates: 1, Factored: true, OwnLabels: own, Heldout: sents[1:2], ReportMinUpdates: []int32{1}, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.moves.own) != own {
		t.Fatalf("%d own labels, want %d", len(m.moves.own), own)
	}
	if m.label == nil || m.parser.classes != m.moves.classes() || m.label.classes != 1+2*len(m.labels) {
		t.Fatalf("not factored: label table %v, move classes %d", m.label != nil, m.parser.classes)
	}
	if !strings.Contains(log.String(), "move table ") {
		t.Errorf("no table sizes in the log:\n%s", log.String())
	}
	m2, err := Load(m.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	for _, mm := range []*Model{m, m2} {
		p := NewParser(mm)
		var a Analysis
		for _, s := range sents {
			p.Analyze(s.Forms, &a)
			for i := range a.Head {
				if a.Head[i] != s.Head[i] || a.Dep[i] != s.Dep[i] {
					t.Errorf("%v: heads %v %v, want %v %v", s.Forms, a.Head, a.Dep, s.Head, s.Dep)
					break
				}
			}
		}
	}
	checkFactoredCache(t, m2, [][]string{strings.Fields("the cat sees the dog ."), strings.Fields("a bird barks .")})
}

// checkFactoredCache parses sents with the factored parser's cached role
// scores and checks in every state that they add up, for the move table and
// (where an arc is taken) the label table, to the scores of all of the
// state's features (parseFeatures, what training scores).
func checkFactoredCache(t *testing.T, m *Model, sents [][]string) int {
	t.Helper()
	p := NewParser(m)
	nl := len(m.labels)
	nc := 1 + 2*nl
	states := 0
	var a Analysis
	for _, forms := range sents {
		p.Analyze(forms, &a) // the cached parse
		want := append([]int32(nil), p.st.head...)
		wantL := append([]uint8(nil), p.st.label...)
		// the same parse from every state's full feature scores
		n := len(p.ws)
		s := &p.st
		s.reset(n)
		ms, ls := make([]int32, m.moves.classes()), make([]int32, nc)
		for !s.terminal() {
			if a := s.forced(m.rootLabel); a >= 0 {
				s.apply(a, nl)
				continue
			}
			fs := parseFeatures(s, p.ws, p.tags, nil)
			m.parser.score(fs, ms)
			mv := -1
			for x := range ms {
				if (mv < 0 || ms[x] > ms[mv]) && s.legalClass(m.moves, x, m.rootLabel) {
					mv = x
				}
			}
			states++
			if a := m.moves.move(mv); a >= 0 {
				s.apply(a, nl)
				continue
			}
			m.label.score(fs, ls)
			lo, hi := restRange(mv, nl)
			best := -1
			for x := lo; x < hi; x++ {
				if m.moves.cls[(x-1)%nl] < 0 && (best < 0 || ls[x] > ls[best]) && s.legal(x, nl, m.rootLabel) {
					best = x
				}
			}
			s.apply(best, nl)
		}
		for i := range want {
			if s.head[i] != want[i] || s.label[i] != wantL[i] {
				t.Fatalf("%v: cached parse %v %v, full features %v %v", forms, want, wantL, s.head, s.label)
			}
		}
	}
	return states
}
