package quotes

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/pipeline"
	textstage "github.com/newsgraph/newsgraph/text"
)

const benchStory = `GENEVA (Wire) - Talks between the two delegations collapsed on Monday after a night of negotiations, officials said.

"We will not," Ana Ortega said on Monday, "back down from our demands." Ortega, the veteran diplomat, told reporters that the delegation would stay in Geneva until Friday.

According to police, at least 12 people were detained near the conference centre. The ministry said in a statement: "All options remain open."

Lopez pointed out that the border had been closed since March, and the central bank warned that inflation could stay above target.
`

func benchText(b *testing.B) string {
	if p := shareddata.Path("quotes/polnear/dev/text"); p != "" && !testing.Short() {
		files, _ := filepath.Glob(filepath.Join(p, "*.txt"))
		var sb strings.Builder
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err == nil {
				sb.Write(raw)
				sb.WriteString("\n\n")
			}
		}
		if sb.Len() > 0 {
			return sb.String()
		}
	}
	return strings.Repeat(benchStory+"\n", 200)
}

// BenchmarkExtract measures quote extraction throughput (MB/s) over the
// PolNeAR dev texts when present, otherwise over a repeated wire story.
func BenchmarkExtract(b *testing.B) {
	text := benchText(b)
	d := document.New("b", text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Extract(d)
	}
}

// BenchmarkExtractWithEntities measures quote extraction alone (MB/s) on a
// document that the text and entities stages have annotated, as in the
// default pipeline, where speaker resolution reads mentions and entities.
func BenchmarkExtractWithEntities(b *testing.B) {
	text := benchText(b)
	es, err := entities.New(entities.Options{})
	if err != nil {
		b.Skipf("entities: %v", err)
	}
	p, err := pipeline.New(textstage.New(), es)
	if err != nil {
		b.Fatal(err)
	}
	d := document.New("b", text)
	if err := p.Process(context.Background(), d); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_ = Extract(d)
	}
}

// BenchmarkBBC measures the stage on the BBC validation split, one
// document per iteration, as in the pipeline (the text and entities stages
// run outside the timer): thread CPU and allocations per document.
func BenchmarkBBC(b *testing.B) {
	texts := shareddata.CSVTexts(b, "corpus/bbc/val.csv")
	es, err := entities.New(entities.Options{})
	if err != nil {
		b.Skipf("entities: %v", err)
	}
	p, err := pipeline.New(textstage.New(), es)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var docs []*document.Document
	for _, tx := range texts {
		d := document.New("bbc", tx)
		if err := p.Process(ctx, d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	st := New()
	clock, release := cputime.ThreadClock()
	defer release()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := clock()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		d.Quotes = nil
		if err := st.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64((clock()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/doc")
}
