package entities

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/text"
)

func benchDocs(b *testing.B) ([]*document.Document, int) {
	b.Helper()
	sts := stories(b)
	var docs []*document.Document
	n := 0
	for _, st := range sts {
		d := document.New(st.Name, strings.Repeat(st.Text+"\n\n", 3))
		text.Annotate(d)
		n += len(d.Tokens)
		docs = append(docs, d)
	}
	return docs, n
}

func benchStage(b *testing.B, s *Stage) {
	docs, n := benchDocs(b)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			if err := s.Process(ctx, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop(b.N)
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkStage measures the whole stage, statistical tagger included.
func BenchmarkStage(b *testing.B) {
	s, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	benchStage(b, s)
}

// BenchmarkStage_Rules measures the rule, dictionary and coreference
// layers alone (no tagger).
func BenchmarkStage_Rules(b *testing.B) {
	benchStage(b, ruleStage(b))
}

// BenchmarkStage_RulesIndexed is BenchmarkStage_Rules with the coreference
// indexes kept from the first mention (as in a long document), for their
// cost per document.
func BenchmarkStage_RulesIndexed(b *testing.B) {
	defer func(i int) { indexFrom = i }(indexFrom)
	indexFrom = 0
	benchStage(b, ruleStage(b))
}
