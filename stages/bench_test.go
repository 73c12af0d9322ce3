package stages

import (
	"context"
	"encoding/csv"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/pipeline"
)

// BenchmarkPipeline_BBC runs the whole default pipeline over the 335
// stories of BBC test.csv (one iteration is all of them; the tagger's
// caches are warm after the first), reporting documents per second of
// wall time and the thread CPU time per iteration (cpu-ns/op). For a
// profile: go test ./stages -run XXX -bench Pipeline_BBC -cpuprofile cpu.prof.
func BenchmarkPipeline_BBC(b *testing.B) { benchPipeline(b, Config{}) }

// BenchmarkPipeline_BBC_Syntax is BenchmarkPipeline_BBC with the syntax
// stage (stages.Config.Syntax; off by default).
func BenchmarkPipeline_BBC_Syntax(b *testing.B) { benchPipeline(b, Config{Syntax: true}) }

func benchPipeline(b *testing.B, cfg Config) {
	path := shareddata.Require(b, "corpus/bbc/test.csv")
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	var texts []string
	bytes := 0
	for _, r := range rows[1:] {
		texts = append(texts, r[0])
		bytes += len(r[0])
	}
	p, err := Default(cfg)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			if err := p.Process(ctx, document.New("bbc", t)); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop(b.N)
	b.ReportMetric(float64(len(texts)*b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkStages_BBC is BenchmarkPipeline_BBC reporting every stage's
// thread CPU per document ("<stage>-cpu-us/doc", the pipeline's Timings):
// the per-stage figures of docs/benchmarks.md.
func BenchmarkStages_BBC(b *testing.B) {
	f, err := os.Open(shareddata.Require(b, "corpus/bbc/test.csv"))
	if err != nil {
		b.Fatal(err)
	}
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	p, err := Default(Config{})
	if err != nil {
		b.Fatal(err)
	}
	var tm pipeline.Timings
	p = p.WithTimings(&tm)
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	stop := cputime.Bench(b)
	for i := 0; i < b.N; i++ {
		for _, r := range rows[1:] {
			if err := p.Process(ctx, document.New("bbc", r[0])); err != nil {
				b.Fatal(err)
			}
		}
	}
	stop(b.N)
	docs := float64(b.N * (len(rows) - 1))
	for _, st := range tm.Stages() {
		b.ReportMetric(float64(st.CPU.Microseconds())/docs, st.Name+"-cpu-us/doc")
	}
}
