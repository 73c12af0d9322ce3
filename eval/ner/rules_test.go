package ner

import (
	"context"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	tagger "github.com/newsgraph/newsgraph/ner"
)

// TestCoNLL_RulesDoNotHurt checks on CoNLL-2003 eng.testa (the development
// split) that the entities stage's rule and dictionary layers do not lower
// the tagger's exact-span F1 on PER+LOC+ORG (they should raise it).
func TestCoNLL_RulesDoNotHurt(t *testing.T) {
	if testing.Short() {
		t.Skip("slow: tags the CoNLL development split twice")
	}
	conllCompare(t, "ner/conll2003/eng.testa")
}

func conllCompare(t *testing.T, rel string) {
	path := shareddata.Require(t, rel)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	docs, err := tagger.ReadCoNLL(f)
	if err != nil {
		t.Fatal(err)
	}
	tg, err := tagger.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := entities.New(entities.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	base, _, _, err := Score(ctx, docs, TaggerFunc(tg))
	if err != nil {
		t.Fatal(err)
	}
	withRules, n, dur, err := Score(ctx, docs, StageFunc(func(ctx context.Context, d *document.Document) error {
		return s.Process(ctx, d)
	}))
	if err != nil {
		t.Fatal(err)
	}
	for _, typ := range []string{"PER", "LOC", "ORG", "MISC"} {
		b, r := base.Sum(typ), withRules.Sum(typ)
		t.Logf("%-4s tagger P=%.4f R=%.4f F1=%.4f | stage P=%.4f R=%.4f F1=%.4f", typ, b.Precision(), b.Recall(), b.F1(), r.Precision(), r.Recall(), r.F1())
	}
	b, r := base.Sum("PER", "LOC", "ORG"), withRules.Sum("PER", "LOC", "ORG")
	t.Logf("PER+LOC+ORG tagger F1=%.4f stage F1=%.4f; stage %d tokens in %v (%.0f tokens/s)", b.F1(), r.F1(), n, dur, float64(n)/dur.Seconds())
	if r.F1() < b.F1()-0.0005 {
		t.Errorf("rule layers lower CoNLL F1: %.4f < %.4f", r.F1(), b.F1())
	}
}
