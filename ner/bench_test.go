package ner

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

// BenchmarkTag measures tagging throughput on eng.testa (tokens/s).
func BenchmarkTag(b *testing.B) {
	p := shareddata.Require(b, "ner/conll2003/eng.testa")
	docs := readFile(b, p)
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	var words [][][]string
	tokens := 0
	for _, d := range docs {
		var ws [][]string
		for _, s := range d.Sentences {
			ws = append(ws, s.Words)
			tokens += len(s.Words)
		}
		words = append(words, ws)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, ws := range words {
			tg.Tag(ws)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkLoad measures reading the embedded model.
func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ReadModelBytes(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}
