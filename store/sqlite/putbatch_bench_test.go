package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/stages"
)

// BenchmarkPutBatchAnnotated_BBC stores 640 BBC train articles with every
// default stage's annotations in a new store (on /dev/shm when there is
// one), in batches of 64 as ingest writes them: the store's cost per
// document in ingest. cpu-us/doc is the process's user+sys CPU time, which
// a loaded machine disturbs less than the wall time of ns/op.
func BenchmarkPutBatchAnnotated_BBC(b *testing.B) {
	p := shareddata.Require(b, "corpus/bbc/train.csv")
	ctx := context.Background()
	pl, err := stages.Default(stages.Config{})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*document.Document
	read.Walk(ctx, []string{p}, nil, read.Options{}, func(r read.Result) error {
		if r.Err == nil && len(docs) < 640 {
			if err := pl.Process(ctx, r.Doc); err == nil {
				docs = append(docs, r.Doc)
			}
		}
		return nil
	})
	pl = nil
	runtime.GC() // the models are garbage now: GC marks only the store's heap
	dir := b.TempDir()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		if d, err := os.MkdirTemp("/dev/shm", "putbatch"); err == nil {
			dir = d
			defer os.RemoveAll(d)
		}
	}
	var cpu time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		s, err := Open(ctx, filepath.Join(dir, "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		c0 := cpuTime()
		b.StartTimer()
		for j := 0; j < len(docs); j += benchBatch {
			if _, err := s.PutBatch(ctx, docs[j:min(j+benchBatch, len(docs))]); err != nil {
				b.Fatal(err)
			}
		}
		b.StopTimer()
		cpu += cpuTime() - c0
		s.Close()
		for _, f := range []string{"bench.db", "bench.db-wal", "bench.db-shm"} {
			os.Remove(filepath.Join(dir, f))
		}
		b.StartTimer()
	}
	n := float64(b.N * len(docs))
	b.ReportMetric(float64(cpu.Microseconds())/n, "cpu-us/doc")
	b.ReportMetric(float64(b.Elapsed().Microseconds())/n, "us/doc")
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

var benchBatch = func() int {
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_BATCH")); err == nil && v > 0 {
		return v
	}
	return 64
}()
