package sqlite

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
)

// BenchmarkPutBatch_BBC stores BBC train texts (no annotations): the cost
// of the copy rule on real news, where boilerplate is rare.
func BenchmarkPutBatch_BBC(b *testing.B) {
	p := shareddata.Require(b, "corpus/bbc/train.csv")
	var docs []*document.Document
	read.Walk(context.Background(), []string{p}, nil, read.Options{}, func(r read.Result) error {
		if r.Err == nil {
			docs = append(docs, r.Doc)
		}
		return nil
	})
	ctx := context.Background()
	s := openTemp(b)
	b.ResetTimer()
	n := 0
	for n < b.N {
		batch := docs[n%len(docs) : min(n%len(docs)+256, len(docs), n%len(docs)+b.N-n)]
		if _, err := s.PutBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
		n += len(batch)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
