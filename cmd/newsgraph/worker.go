package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/queue"
)

func init() {
	register(command{name: "worker", summary: "pull documents from a NATS JetStream queue, extract and store them", run: runWorker})
}

const workerExamples = `  newsgraph worker --queue nats://127.0.0.1:4222 --db newsgraph.db
  newsgraph worker --queue nats://127.0.0.1:4222 --db postgres://127.0.0.1/news --batch 128 --json
  newsgraph worker --queue nats://127.0.0.1:4222 --drain     # stop when the queue is empty`

func runWorker(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "worker", "worker --queue URL [flags]", workerExamples)
	var in inputFlags
	in.register(fs)
	qurl := fs.String("queue", "", "NATS server URL (nats://host:port, ?stream=NAME to choose the stream)")
	db := fs.String("db", defaultDB, dbFlagHelp)
	batch := fs.Int("batch", 64, "documents per fetch and per store transaction")
	drain := fs.Bool("drain", false, "exit when nothing is pending or in flight")
	asJSON := fs.Bool("json", false, "one JSON log line per batch and a JSON summary")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	if *qurl == "" {
		writeErr(e.stderr, "worker: --queue is required")
		return exitUsage
	}
	if *batch < 1 || *batch > 10000 {
		writeErr(e.stderr, "worker: --batch must be between 1 and 10000, got %d", *batch)
		return exitUsage
	}
	cfg, err := queue.ParseURL(*qurl)
	if err != nil {
		writeErr(e.stderr, "worker: %v", err)
		return exitUsage
	}
	// SIGTERM and SIGINT stop fetching; the batch in hand is still stored.
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	p, err := in.pipeline()
	if err != nil {
		writeErr(e.stderr, "worker: %v", err)
		return exitFailure
	}
	st, err := openStoreWrite(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "worker: %v", err)
		return exitFailure
	}
	defer st.Close()
	q, err := queue.Open(ctx, cfg)
	if err != nil {
		writeErr(e.stderr, "worker: %v", err)
		return exitFailure
	}
	defer q.Close()
	start := time.Now()
	w := &queue.Worker{Queue: q, Pipeline: p, Store: st, Batch: *batch, Workers: in.workers, Drain: *drain}
	w.OnBatch = func(s queue.Stats) {
		if *asJSON {
			json.NewEncoder(e.stderr).Encode(map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "event": "batch", "stats": s})
		} else if e.isTerminal {
			fmt.Fprintf(e.stderr, "\r%d stored, %d already stored, %d retried, %d dead-lettered ", s.Stored, s.Duplicates, s.Retried, s.DeadLetter)
		}
	}
	stats, err := w.Run(ctx)
	if e.isTerminal && !*asJSON {
		fmt.Fprintln(e.stderr)
	}
	if *asJSON {
		json.NewEncoder(e.stderr).Encode(map[string]any{"time": time.Now().UTC().Format(time.RFC3339Nano), "event": "done",
			"stats": stats, "seconds": time.Since(start).Seconds()})
	} else {
		fmt.Fprintf(e.stderr, "worker: %d batches, %d documents stored, %d already stored, %d retried, %d dead-lettered in %.1fs\n",
			stats.Batches, stats.Stored, stats.Duplicates, stats.Retried, stats.DeadLetter, time.Since(start).Seconds())
	}
	if err != nil {
		writeErr(e.stderr, "worker: %v", err)
		return exitFailure
	}
	return exitOK
}
