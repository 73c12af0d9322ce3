package syntax

import (
	"bytes"
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
