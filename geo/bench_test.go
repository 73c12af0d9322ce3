package geo

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/text"
)

const benchStory = `NAIROBI, Kenya (AP) — Floods swept through western Kenya and parts of Uganda on Tuesday, killing at least 40 people, officials in Nairobi said.
The Kenya Red Cross said rescuers in Kisumu and Busia were searching for survivors, while the Ugandan government sent troops to Mbale.
Aid agencies in Geneva warned that the rains could spread to Tanzania, Rwanda and the Democratic Republic of the Congo.
In Washington, the State Department pledged help; officials in London and Paris said they were ready to fly supplies from Dubai.
Forecasters expect the rains to reach Somalia and Ethiopia by the weekend, and the Indian Ocean remains unusually warm.`

// BenchmarkProcess measures the geo stage alone (tokens prepared outside
// the timer) and reports toponyms resolved per second.
func BenchmarkProcess(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	base := document.New("b", benchStory)
	if err := text.New().Process(context.Background(), base); err != nil {
		b.Fatal(err)
	}
	benchProcess(b, st, base)
}

// BenchmarkProcessMentions measures the stage reading GPE mentions, as in
// the full pipeline: the story's places plus two names unknown to the
// gazetteer, one with a locative cue (fuzzy lookup) and one without.
func BenchmarkProcessMentions(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	const extra = " Families fled from Al-Fashir. Salmonella spread."
	base := document.New("b", benchStory+extra)
	if err := text.New().Process(context.Background(), base); err != nil {
		b.Fatal(err)
	}
	probe := *base
	if err := st.Process(context.Background(), &probe); err != nil {
		b.Fatal(err)
	}
	for _, l := range probe.Locations {
		base.Mentions = append(base.Mentions, document.Mention{Span: l.Span, Type: document.GPE, Kind: document.Name, Entity: -1})
	}
	for _, w := range []string{"Al-Fashir", "Salmonella"} {
		i := len(benchStory) + strings.Index(extra, w)
		base.Mentions = append(base.Mentions, document.Mention{Span: document.Span{Start: i, End: i + len(w)}, Type: document.GPE, Kind: document.Name, Entity: -1})
	}
	sort.Slice(base.Mentions, func(i, j int) bool { return base.Mentions[i].Start < base.Mentions[j].Start })
	st.g.LookupSkeleton("warm") // the lazy skeleton index is built once, outside the timer
	benchProcess(b, st, base)
}

// benchProcess times the stage over copies of base and reports toponyms/s
// and the thread CPU time per document.
func benchProcess(b *testing.B, st *Stage, base *document.Document) {
	benchDocs(b, st, []*document.Document{base})
}

// benchDocs times the stage over copies of docs, one a round, and reports
// toponyms/s, documents/s and MB/s of wall time and the thread's CPU time
// per document.
func benchDocs(b *testing.B, st *Stage, docs []*document.Document) {
	ctx := context.Background()
	n, bytes := 0, 0
	clock, release := cputime.ThreadClock()
	defer release()
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := clock()
	for i := 0; i < b.N; i++ {
		d := *docs[i%len(docs)]
		d.Locations = nil
		if err := st.Process(ctx, &d); err != nil {
			b.Fatal(err)
		}
		n += len(d.Locations)
		bytes += len(d.Text)
	}
	cpu := clock() - cpu0
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "toponyms/s")
	b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/doc")
	b.ReportMetric(float64(bytes)/(1<<20)/cpu.Seconds(), "cpu-MB/s")
}

// BenchmarkBBC measures the stage on the BBC validation split (text stage
// outside the timer, no mentions), one document per iteration.
func BenchmarkBBC(b *testing.B) {
	texts := shareddata.CSVTexts(b, "corpus/bbc/val.csv")
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	for _, tx := range texts {
		d := document.New("bbc", tx)
		if err := text.New().Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	benchDocs(b, st, docs)
}
