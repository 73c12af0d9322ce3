package ner

import (
	"bytes"
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
	tagger "github.com/newsgraph/newsgraph/ner"
)

func TestMain_testa(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole development split")
	}
	p := shareddata.Require(t, "ner/conll2003/eng.testa")
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"--conll", p}, &out, &errb); code != 0 {
		t.Fatalf("Main = %d, stderr %s", code, errb.String())
	}
	t.Log("\n" + out.String())
}

// TestEvaluate_stageMatchesTagger runs eng.testa through the ner stage (a
// Document per CoNLL document, mentions mapped back to tokens) and checks it
// scores exactly like the raw tagger: the adapter loses nothing.
func TestEvaluate_stageMatchesTagger(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole development split twice")
	}
	p := shareddata.Require(t, "ner/conll2003/eng.testa")
	st, err := tagger.NewStage()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := Evaluate(context.Background(), p, nil)
	if err != nil {
		t.Fatal(err)
	}
	staged, err := Evaluate(context.Background(), p, StageFunc(st.Process))
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"PER", "LOC", "ORG", "MISC", RowNoMisc} {
		a, _ := raw.Score(name)
		b, _ := staged.Score(name)
		if a.TP != b.TP || a.FP != b.FP || a.FN != b.FN {
			t.Errorf("%s: tagger %+v, stage %+v", name, a, b)
		}
	}
	row, _ := staged.Score(RowNoMisc)
	t.Logf("stage PER+LOC+ORG F1 %.4f", row.F1)
}
