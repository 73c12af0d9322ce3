package eval

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/read"
)

// SentenceText returns sentence si of d with its white space collapsed to
// single spaces, for printing on one line; "" when si is out of range.
func SentenceText(d *document.Document, si int) string {
	if si < 0 || si >= len(d.Sentences) {
		return ""
	}
	return strings.Join(strings.Fields(d.Slice(d.Sentences[si].Span)), " ")
}

// SampleCorpus runs process over every document under paths (any input
// package read accepts: BBC CSV, Reuters SGML, directories, ...), collects
// the items pick returns for each processed document, and returns n of them
// chosen uniformly at random with the given seed, plus the number of
// documents processed and of items seen. It is how a layer's output on real
// news is read by eye. Documents that cannot be read or processed are
// skipped.
func SampleCorpus[T any](ctx context.Context, paths []string, n int, seed uint64,
	process func(context.Context, *document.Document) error, pick func(*document.Document) []T) ([]T, int, int, error) {
	var all []T
	docs := 0
	err := read.Walk(ctx, paths, nil, read.Options{}, func(r read.Result) error {
		if r.Err != nil || r.Doc == nil {
			return nil
		}
		if err := process(ctx, r.Doc); err != nil {
			return nil
		}
		docs++
		all = append(all, pick(r.Doc)...)
		return nil
	})
	if err != nil {
		return nil, docs, len(all), fmt.Errorf("sample: %w", err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := rng.Perm(len(all))
	n = min(n, len(all))
	out := make([]T, n)
	for i := range n {
		out[i] = all[perm[i]]
	}
	return out, docs, len(all), nil
}
