package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/eval"
	evalner "github.com/newsgraph/newsgraph/eval/ner"
	"github.com/newsgraph/newsgraph/ner"
)

// kfold runs the K-fold estimate (see the package comment) and prints one
// line per fold and the pooled scores.
func kfold(ctx context.Context, c config, w io.Writer) error {
	var docs []ner.Doc
	for _, p := range []string{c.train, c.dev} {
		if p == "" {
			continue
		}
		d, err := readDocs(p)
		if err != nil {
			return err
		}
		docs = append(docs, d...)
	}
	if len(docs) < c.kfold {
		return fmt.Errorf("kfold: %d documents for %d folds", len(docs), c.kfold)
	}
	opt := c.opt
	opt.Dev = nil
	fmt.Fprintf(w, "%d-fold cross-validation over %d documents (%s + %s), epochs %d/%d, rules of the entities stage frozen\n",
		c.kfold, len(docs), c.train, c.dev, opt.Epochs, opt.SecondEpochs)
	cases := []eval.Case{eval.AsIs, eval.Upper, eval.Lower}
	type pooled struct{ tagger, stage evalner.Counts }
	total := make([]pooled, len(cases))
	for i := range total {
		total[i] = pooled{evalner.Counts{}, evalner.Counts{}}
	}
	for f := 0; f < c.kfold; f++ {
		var train, test []ner.Doc
		for i, d := range docs {
			if i%c.kfold == f {
				test = append(test, d)
			} else {
				train = append(train, d)
			}
		}
		t0 := time.Now()
		m, err := ner.Train(train, opt)
		if err != nil {
			return fmt.Errorf("kfold: fold %d: %w", f, err)
		}
		tg := ner.NewTagger(m)
		st, err := entities.New(entities.Options{Tagger: tg})
		if err != nil {
			return fmt.Errorf("kfold: %w", err)
		}
		stage := evalner.StageFunc(func(ctx context.Context, d *document.Document) error { return st.Process(ctx, d) })
		line := fmt.Sprintf("fold %d (%d test documents, trained in %s):", f+1, len(test), time.Since(t0).Round(time.Second))
		for i, lc := range cases {
			docs := evalner.Recase(test, lc)
			ct, _, _, err := evalner.Score(ctx, docs, evalner.TaggerFunc(tg))
			if err != nil {
				return err
			}
			cs, _, _, err := evalner.Score(ctx, docs, stage)
			if err != nil {
				return err
			}
			addCounts(total[i].tagger, ct)
			addCounts(total[i].stage, cs)
			a, b := ct.Sum("PER", "LOC", "ORG"), cs.Sum("PER", "LOC", "ORG")
			line += fmt.Sprintf(" %s tagger %.4f stage %.4f;", caseName(lc), a.F1(), b.F1())
		}
		fmt.Fprintln(w, line)
	}
	for i, lc := range cases {
		a, b := total[i].tagger.Sum("PER", "LOC", "ORG"), total[i].stage.Sum("PER", "LOC", "ORG")
		fmt.Fprintf(w, "pooled PER+LOC+ORG F1, %s: tagger %.4f (P %.4f R %.4f), entities stage %.4f (P %.4f R %.4f)\n",
			caseName(lc), a.F1(), a.Precision(), a.Recall(), b.F1(), b.Precision(), b.Recall())
	}
	return nil
}

// addCounts adds the counts of b to a.
func addCounts(a, b evalner.Counts) {
	for t, s := range b {
		if a[t] == nil {
			a[t] = &eval.Score{}
		}
		a[t].Add(*s)
	}
}
