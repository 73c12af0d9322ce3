package ner

import (
	"encoding/csv"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/text"
)

// BenchmarkTag measures tagging throughput on eng.testa (tokens/s), with
// the word-type and word-pair caches warm after the first iteration.
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
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		for _, ws := range words {
			tg.Tag(ws)
		}
	}
	stop(b.N)
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocument_BBC measures the entities stage's entry point on the
// 335 stories of BBC test.csv (segmented by the text stage), one pass with a
// fresh tagger per iteration: every word type and pair is new to the caches
// at first, as when a corpus is processed once.
func BenchmarkTagDocument_BBC(b *testing.B) {
	p := shareddata.Require(b, "corpus/bbc/test.csv")
	f, err := os.Open(p)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	tokens := 0
	for _, r := range rows[1:] {
		d := document.New("bbc", r[0])
		text.Annotate(d)
		tokens += len(d.Tokens)
		docs = append(docs, d)
	}
	def, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		tg := NewTagger(def.m)
		for _, d := range docs {
			if _, err := tg.TagDocument(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop(b.N)
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(len(docs)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkLoad measures reading the embedded model (in place) and making a
// tagger of it.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m, err := ReadModelBytes(embeddedModel)
		if err != nil {
			b.Fatal(err)
		}
		NewTagger(m)
	}
}
