package corpus

import (
	"context"
	"math/rand/v2"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// BenchmarkUpdate measures Update as ingest and the queue worker run it: a
// batch of 64 stored articles (new: their first update; again: the same
// batch updated a second time, as a redelivered batch or an ingest run
// again) on a store whose layer holds 5,000 articles. Per op: one batch;
// cpu-ns/op is the user+sys time of the Update calls (the machine is shared).
func BenchmarkUpdate(b *testing.B) {
	for _, again := range []bool{false, true} {
		name := map[bool]string{false: "new", true: "again"}[again]
		b.Run(name, func(b *testing.B) {
			ctx := context.Background()
			st, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "c.db"))
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			r := rand.New(rand.NewPCG(1, 2))
			fill(b, st, r, 5000, 5000)
			var cpu time.Duration // user+sys of the Update calls
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				batch := make([]*document.Document, 64)
				for k := range batch {
					id := "u" + strconv.Itoa(i) + "-" + strconv.Itoa(k)
					d := synth(id, r, 5000, 10)
					d.Text += " Ref " + id + "."
					batch[k] = d
				}
				if _, err := st.PutBatch(ctx, batch); err != nil {
					b.Fatal(err)
				}
				if again {
					if err := Update(ctx, st, batch, Options{}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				c0 := cputime.Process()
				if err := Update(ctx, st, batch, Options{}); err != nil {
					b.Fatal(err)
				}
				cpu += cputime.Process() - c0
			}
			b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N), "cpu-ns/op")
		})
	}
}
