package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
)

func init() {
	register(command{name: "bench", summary: "measure throughput, per-stage time and memory over a corpus", run: runBench})
}

const benchExamples = `  newsgraph bench ../shared/data/corpus/bbc/
  newsgraph bench --workers 1 ../shared/data/corpus/reuters21578/
  newsgraph bench --workers 2 --cpuprofile cpu.prof --json corpus.jsonl`

// benchResult is what bench reports.
type benchResult struct {
	Workers      int     `json:"workers"`
	Documents    int     `json:"documents"`
	Failed       int     `json:"failed"`
	Bytes        int64   `json:"bytes"`
	Tokens       int64   `json:"tokens"`
	Seconds      float64 `json:"seconds"`
	DocsPerSec   float64 `json:"documents_per_second"`
	TokensPerSec float64 `json:"tokens_per_second"`
	MBPerSec     float64 `json:"mb_per_second"`
	PeakRSSMB    float64 `json:"peak_rss_mb"`
	AllocsPerDoc float64 `json:"allocs_per_document"`
	// CPUSeconds is the CPU time (user and system) of the whole process
	// during the run: every thread, the garbage collector and the reader too.
	CPUSeconds       float64 `json:"cpu_seconds"`
	DocsPerCPUSecond float64 `json:"documents_per_cpu_second"`
	// StageSeconds is each stage's thread CPU time summed over workers;
	// StageWallSeconds its wall time, which grows when other processes
	// share the cores.
	StageSeconds     map[string]float64 `json:"stage_cpu_seconds"`
	StageWallSeconds map[string]float64 `json:"stage_wall_seconds"`
	StageOrder       []string           `json:"-"`
}

func runBench(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "bench", "bench [flags] PATH...", benchExamples)
	var in inputFlags
	in.register(fs)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile to this file at the end")
	asJSON := fs.Bool("json", false, "print the result as JSON")
	limit := fs.Int("limit", 0, "stop after this many documents (0: all)")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	paths := args(fs)
	if len(paths) == 0 {
		writeErr(e.stderr, "bench: no input; give a corpus file or directory")
		return exitUsage
	}
	p, err := in.pipeline()
	if err != nil {
		writeErr(e.stderr, "bench: %v", err)
		return exitFailure
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			writeErr(e.stderr, "bench: %v", err)
			return exitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			writeErr(e.stderr, "bench: %v", err)
			return exitFailure
		}
		defer pprof.StopCPUProfile()
	}
	var timings pipeline.Timings
	p = p.WithTimings(&timings)
	res := benchResult{Workers: in.workers, StageSeconds: map[string]float64{}, StageWallSeconds: map[string]float64{}}
	if res.Workers < 1 {
		res.Workers = runtime.NumCPU()
	}
	var ms0, ms1 runtime.MemStats
	runtime.ReadMemStats(&ms0)
	start, cpu0 := time.Now(), cputime.Process()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errLimit := errors.New("limit reached")
	seen := 0
	t, err := processAll(ctx, e, paths, &in, p, func(it pipeline.Item) error {
		if it.Err != nil {
			return nil
		}
		res.Bytes += int64(len(it.Doc.Text))
		res.Tokens += int64(len(it.Doc.Tokens))
		seen++
		if *limit > 0 && seen >= *limit {
			return errLimit
		}
		return nil
	})
	elapsed, cpu := time.Since(start), cputime.Process()-cpu0
	runtime.ReadMemStats(&ms1)
	if err != nil && !errors.Is(err, errLimit) && !errors.Is(err, context.Canceled) {
		writeErr(e.stderr, "bench: %v", err)
		if errors.Is(err, read.ErrUsage) {
			return exitUsage
		}
		return exitFailure
	}
	res.Documents, res.Failed = t.docs, t.failed
	res.Seconds = elapsed.Seconds()
	res.CPUSeconds = cpu.Seconds()
	if res.CPUSeconds > 0 {
		res.DocsPerCPUSecond = float64(res.Documents) / res.CPUSeconds
	}
	if res.Seconds > 0 {
		res.DocsPerSec = float64(res.Documents) / res.Seconds
		res.TokensPerSec = float64(res.Tokens) / res.Seconds
		res.MBPerSec = float64(res.Bytes) / 1e6 / res.Seconds
	}
	if res.Documents > 0 {
		res.AllocsPerDoc = float64(ms1.Mallocs-ms0.Mallocs) / float64(res.Documents)
	}
	res.PeakRSSMB = peakRSSMB()
	for _, st := range timings.Stages() {
		res.StageSeconds[st.Name] = st.CPU.Seconds()
		res.StageWallSeconds[st.Name] = st.Wall.Seconds()
		res.StageOrder = append(res.StageOrder, st.Name)
	}
	if *memprofile != "" {
		f, err := os.Create(*memprofile)
		if err == nil {
			runtime.GC()
			err = pprof.WriteHeapProfile(f)
			f.Close()
		}
		if err != nil {
			writeErr(e.stderr, "bench: %v", err)
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		enc.Encode(res)
	} else {
		printBench(e, &res)
	}
	return exitOK
}

func printBench(e *env, r *benchResult) {
	w := e.stdout
	fmt.Fprintf(w, "documents      %d (%d failed)\n", r.Documents, r.Failed)
	fmt.Fprintf(w, "workers        %d\n", r.Workers)
	fmt.Fprintf(w, "text           %.1f MB, %d tokens\n", float64(r.Bytes)/1e6, r.Tokens)
	fmt.Fprintf(w, "wall time      %.2f s\n", r.Seconds)
	fmt.Fprintf(w, "CPU time       %.2f s (user+system, whole process), %.0f documents per CPU-second\n", r.CPUSeconds, r.DocsPerCPUSecond)
	fmt.Fprintf(w, "throughput     %.0f documents/s, %.0f tokens/s, %.2f MB/s (wall)\n", r.DocsPerSec, r.TokensPerSec, r.MBPerSec)
	fmt.Fprintf(w, "peak memory    %.0f MB resident\n", r.PeakRSSMB)
	fmt.Fprintf(w, "allocations    %.0f per document\n", r.AllocsPerDoc)
	var total float64
	for _, n := range r.StageOrder {
		total += r.StageSeconds[n]
	}
	if total > 0 {
		fmt.Fprintf(w, "stage time (thread CPU seconds summed over workers; wall seconds beside):\n")
		for _, n := range r.StageOrder {
			s := r.StageSeconds[n]
			perCore := 0.0
			if s > 0 {
				perCore = float64(r.Documents) / s
			}
			fmt.Fprintf(w, "  %-10s CPU %7.3f s  %5.1f %%  %8.0f documents per CPU-second   wall %7.3f s\n", n, s, 100*s/total, perCore, r.StageWallSeconds[n])
		}
	}
}

// peakRSSMB returns the process's peak resident set size in MB.
func peakRSSMB() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Maxrss) / 1024 // Linux reports kilobytes
}
