package tone

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/text"
)

// BenchmarkBBC measures the stage on the stories of BBC val.csv (the text
// stage outside the timer), one story per iteration: thread CPU
// (cpu-ns/op) and allocations per story.
func BenchmarkBBC(b *testing.B) {
	var docs []*document.Document
	for _, t := range shareddata.CSVTexts(b, "corpus/bbc/val.csv") {
		d := document.New("bbc", t)
		text.Annotate(d)
		docs = append(docs, d)
	}
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		if err := st.Process(ctx, docs[i%len(docs)]); err != nil {
			b.Fatal(err)
		}
	}
	stop(b.N)
}
