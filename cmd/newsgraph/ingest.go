package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
)

func init() {
	register(command{name: "ingest", summary: "extract annotations and store documents in the embedded database", run: runIngest})
}

const ingestExamples = `  newsgraph ingest examples/
  newsgraph ingest --db news.db stories.jsonl archive/2024/
  curl -s https://example.org/feed.jsonl | newsgraph ingest -`

// defaultDB is the store file used when --db is not given.
const defaultDB = "newsgraph.db"

// ingestSummary is what an ingest run did.
type ingestSummary struct {
	read, stored, duplicates, failed       int
	entities, quotes, counts, events, locs int
	elapsed                                time.Duration
}

func runIngest(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "ingest", "ingest [flags] PATH...|-", ingestExamples)
	var in inputFlags
	in.register(fs)
	db := fs.String("db", defaultDB, dbFlagHelp)
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	qurl := fs.String("queue", "", "publish the documents to this NATS JetStream queue (nats://host:port) for `newsgraph worker` instead of extracting here")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	paths := args(fs)
	if len(paths) == 0 {
		writeErr(e.stderr, "ingest: no input; give files, directories or - for standard input")
		return exitUsage
	}
	if *qurl != "" {
		return publishInputs(ctx, e, paths, &in, *qurl, *quiet)
	}
	sum, err := ingest(ctx, e, paths, &in, *db, !*quiet && e.isTerminal)
	if err != nil {
		writeErr(e.stderr, "ingest: %v", err)
		if errors.Is(err, read.ErrUsage) {
			return exitUsage
		}
		return exitFailure
	}
	if !*quiet {
		printIngestSummary(e, *db, sum)
	}
	if sum.failed > 0 {
		return exitFailure
	}
	return exitOK
}

// ingest runs the pipeline over paths and stores the documents in batches.
// The writes run on their own goroutine (storeWriter), pipelined with the
// extraction: while one batch is written the workers extract the next.
func ingest(ctx context.Context, e *env, paths []string, in *inputFlags, dbPath string, showProgress bool) (ingestSummary, error) {
	var sum ingestSummary
	start := time.Now()
	p, err := in.pipeline()
	if err != nil {
		return sum, err
	}
	st, err := openStoreWrite(ctx, dbPath)
	if err != nil {
		return sum, err
	}
	defer st.Close()
	bar := newProgress(e.stderr, showProgress)
	w := startStoreWriter(ctx, st, ingestQueue)
	batch := make([]*document.Document, 0, ingestBatch)
	t, err := processAll(ctx, e, paths, in, p, func(it pipeline.Item) error {
		if it.Err != nil {
			sum.failed++
			bar.update(sum.read, sum.failed)
			return nil
		}
		d := it.Doc
		sum.read++
		sum.entities += len(d.Entities)
		sum.quotes += len(d.Quotes)
		sum.counts += len(d.Counts)
		sum.events += len(d.Events)
		sum.locs += len(d.Locations)
		batch = append(batch, d)
		bar.update(sum.read, sum.failed)
		if len(batch) == ingestBatch {
			if err := w.send(batch); err != nil {
				return err
			}
			batch = make([]*document.Document, 0, ingestBatch)
		}
		return nil
	})
	if err == nil {
		err = w.send(batch)
	}
	stored, dups, werr := w.close()
	if werr != nil && err == nil {
		err = werr
	}
	sum.stored, sum.duplicates = stored, dups
	bar.done()
	sum.failed = t.failed
	sum.elapsed = time.Since(start)
	return sum, err
}

// ingestBatch is the number of documents stored per transaction;
// ingestQueue the number of full batches that may wait for the writer
// (bounding the memory held by documents extracted but not yet stored).
const (
	ingestBatch = 64
	ingestQueue = 4
)

// batchPutter is what storeWriter writes to (store.Store's PutBatch).
type batchPutter interface {
	PutBatch(ctx context.Context, docs []*document.Document) (int, error)
}

// storeWriter stores batches of documents on its own goroutine, one
// transaction per batch, in the order they were sent. Storing is
// idempotent (a document already stored is counted as a duplicate, not
// stored again), so a batch may be sent again after an interruption.
type storeWriter struct {
	batches chan []*document.Document
	done    chan struct{} // closed when the goroutine ends
	// Set by the goroutine; read only after done is closed.
	stored, dups int
	err          error
}

// startStoreWriter starts a writer to st with room for queue batches.
func startStoreWriter(ctx context.Context, st batchPutter, queue int) *storeWriter {
	w := &storeWriter{batches: make(chan []*document.Document, queue), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		for b := range w.batches {
			n, err := st.PutBatch(ctx, b)
			if err != nil {
				w.err = fmt.Errorf("store: %w", err)
				return
			}
			w.stored += n
			w.dups += len(b) - n
		}
	}()
	return w
}

// send queues batch b (an empty one is ignored); b must not change
// afterwards. It returns the writer's error once a write has failed.
func (w *storeWriter) send(b []*document.Document) error {
	if len(b) == 0 {
		return nil
	}
	select {
	case <-w.done:
		return w.err
	default:
	}
	select {
	case w.batches <- b:
		return nil
	case <-w.done:
		return w.err
	}
}

// close waits until every batch sent is stored (or a write failed) and
// returns the documents stored, those already in the store, and the first
// write error.
func (w *storeWriter) close() (stored, dups int, err error) {
	close(w.batches)
	<-w.done
	return w.stored, w.dups, w.err
}

func printIngestSummary(e *env, db string, s ingestSummary) {
	rate := float64(s.read+s.failed) / s.elapsed.Seconds()
	fmt.Fprintf(e.stderr, "ingested into %s in %.1fs (%.0f documents/s)\n", displayDB(db), s.elapsed.Seconds(), rate)
	fmt.Fprintf(e.stderr, "  documents  %d read, %d stored, %d already stored, %d failed\n", s.read, s.stored, s.duplicates, s.failed)
	fmt.Fprintf(e.stderr, "  found      %d entities, %d quotes, %d counts, %d events, %d locations\n", s.entities, s.quotes, s.counts, s.events, s.locs)
}
