package geo

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/text"
)

// bigDocument returns about n bytes of the repository's example stories
// repeated, tokenized, with a GPE mention for every place the stage finds
// (as the entities stage would give it).
func bigDocument(tb testing.TB, st *Stage, n int) *document.Document {
	tb.Helper()
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		tb.Skip("no examples")
	}
	sort.Strings(files)
	var b strings.Builder
	for b.Len() < n {
		for _, f := range files {
			s, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			b.Write(s)
			b.WriteString("\n\n")
			if b.Len() >= n {
				break
			}
		}
	}
	d := document.New("big", b.String())
	if err := text.New().Process(context.Background(), d); err != nil {
		tb.Fatal(err)
	}
	probe := *d
	if err := st.Process(context.Background(), &probe); err != nil {
		tb.Fatal(err)
	}
	for _, l := range probe.Locations {
		if l.Kind == document.LocName && l.Feature != FeatStreet {
			d.Mentions = append(d.Mentions, document.Mention{Span: l.Span, Type: document.GPE, Kind: document.Name, Entity: -1})
		}
	}
	return d
}

// geoTime returns the least process CPU time of five runs of the stage
// over copies of d, the garbage collection they cause during the run
// included (CPU time: the machine may be shared).
func geoTime(tb testing.TB, st *Stage, d *document.Document) time.Duration {
	best := time.Duration(1 << 62)
	for range 5 {
		c := *d
		c.Locations = nil
		runtime.GC()
		start := cputime.Process()
		if err := st.Process(context.Background(), &c); err != nil {
			tb.Fatal(err)
		}
		if el := cputime.Process() - start; el < best {
			best = el
		}
	}
	return best
}

// TestLinear checks that the stage's cost per byte on a 2 MB document
// stays within twice its cost on a 100 KB one: no step compares each
// toponym with every other.
func TestLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	small, big := bigDocument(t, st, 100<<10), bigDocument(t, st, 2<<20)
	// Alternate the two sizes and keep each one's best.
	ts, tb := geoTime(t, st, small), geoTime(t, st, big)
	ts, tb = min(ts, geoTime(t, st, small)), min(tb, geoTime(t, st, big))
	ps := float64(ts) / float64(len(small.Text))
	pb := float64(tb) / float64(len(big.Text))
	t.Logf("CPU time: 100 KB %v (%.0f µs/MB); 2 MB %v (%.0f µs/MB); ratio %.2f", ts, ps*1e-3*(1<<20), tb, pb*1e-3*(1<<20), pb/ps)
	if pb > 2*ps {
		t.Errorf("cost per byte on 2 MB is %.1f× that on 100 KB (budget 2×)", pb/ps)
	}
}

// BenchmarkBigDocument measures the stage on 1 MB of example stories
// with their place mentions.
func BenchmarkBigDocument(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := bigDocument(b, st, 1<<20)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		c := *d
		c.Locations = nil
		if err := st.Process(context.Background(), &c); err != nil {
			b.Fatal(err)
		}
	}
}
