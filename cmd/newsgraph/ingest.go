package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/store"
)

func init() {
	register(command{name: "ingest", summary: "extract annotations and store documents in the embedded database", run: runIngest})
}

const ingestExamples = `  newsgraph ingest examples/
  newsgraph ingest --db news.db examples/14-wire-briefs.jsonl examples/
  newsgraph ingest --db news.db --on-conflict replace updated.jsonl   # new texts under stored ids replace the old
  curl -s https://example.org/feed.jsonl | newsgraph ingest -`

// defaultDB is the store file used when --db is not given.
const defaultDB = "newsgraph.db"

// ingestSummary is what an ingest run did. The layer counts are those of
// the documents stored (new ids, revisions, replacements).
type ingestSummary struct {
	read, stored, duplicates, failed       int
	revised, replaced, skipped, conflicts  int
	dupIDs                                 int // ids seen twice in this run's input
	entities, quotes, counts, events, locs int
	elapsed                                time.Duration
	interrupted                            bool
}

func runIngest(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "ingest", "ingest [flags] PATH...|-", ingestExamples)
	var in inputFlags
	in.register(fs)
	db := fs.String("db", defaultDB, dbFlagHelp)
	quiet := fs.Bool("quiet", false, "no progress bar and no summary")
	onConflict := fs.String("on-conflict", "revise", "a changed text under a stored id: revise (store it as a new revision, keep the old as ID@revN), skip, replace or fail")
	qurl := fs.String("queue", "", "publish the documents to this NATS JetStream queue (nats://host:port) for `newsgraph worker` instead of extracting here")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	paths := args(fs)
	if len(paths) == 0 {
		writeErr(e.stderr, "ingest: no input; give files, directories or - for standard input")
		return exitUsage
	}
	conflict, err := store.ParseOnConflict(*onConflict)
	if err != nil {
		writeErr(e.stderr, "ingest: --on-conflict: %v", err)
		return exitUsage
	}
	in.onConflict = conflict
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
	if !*quiet || sum.interrupted {
		printIngestSummary(e, *db, sum)
	}
	if sum.failed > 0 || sum.interrupted {
		return exitFailure
	}
	return exitOK
}

// ingest runs the pipeline over paths and stores the documents in batches.
// The writes run on their own goroutine (storeWriter), pipelined with the
// extraction: while one batch is written the workers extract the next.
// What the store did with each document is counted in the summary and,
// unless it is new or unchanged, reported on stderr.
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
	se := *e
	se.stderr = &syncWriter{w: e.stderr} // the writer goroutine reports too
	e = &se
	bar := newProgress(e.stderr, showProgress)
	// the corpus layer (corpus events, tracked figures, stories) is updated
	// with each batch stored
	w := startStoreWriter(ctx, withCorpus(st), ingestQueue)
	w.opt = store.PutOptions{OnConflict: in.onConflict}
	w.report = func(d *document.Document, origin string, r store.PutResult) {
		switch r.Outcome {
		case store.Revised:
			sum.revised++
			fmt.Fprintf(e.stderr, "newsgraph: %s: id %q was stored with a different text: stored as revision %d, the previous kept as %q\n", origin, d.ID, r.Revision, r.Previous)
		case store.Replaced:
			sum.replaced++
			fmt.Fprintf(e.stderr, "newsgraph: %s: id %q was stored with a different text: replaced (--on-conflict=replace)\n", origin, d.ID)
		case store.Skipped:
			sum.skipped++
			fmt.Fprintf(e.stderr, "newsgraph: %s: id %q is stored with a different text: skipped (--on-conflict=skip)\n", origin, d.ID)
		case store.Conflict:
			sum.conflicts++
			fmt.Fprintf(e.stderr, "newsgraph: %s: id %q is stored with a different text: not stored (--on-conflict=fail)\n", origin, d.ID)
		}
		switch r.Outcome {
		case store.Stored, store.Revised, store.Replaced:
			sum.entities += len(d.Entities)
			sum.quotes += len(d.Quotes)
			sum.counts += len(d.Counts)
			sum.events += len(d.Events)
			sum.locs += len(d.Locations)
		}
	}
	batch := make([]*document.Document, 0, ingestBatch)
	origins := make([]string, 0, ingestBatch)
	seen := map[string]string{} // id → origin of its first occurrence in this run
	send := func() error {
		err := w.sendFrom(batch, origins)
		batch, origins = make([]*document.Document, 0, ingestBatch), make([]string, 0, ingestBatch)
		return err
	}
	t, err := processAll(ctx, e, paths, in, p, func(it pipeline.Item) error {
		if it.Err != nil {
			sum.failed++
			bar.update(sum.read, sum.failed)
			return nil
		}
		d := it.Doc
		sum.read++
		if first, ok := seen[d.ID]; ok {
			sum.dupIDs++
			fmt.Fprintf(e.stderr, "newsgraph: %s: id %q appears again in this input (first at %s)\n", it.Origin, d.ID, first)
			// An earlier occurrence may still wait in the batch: send it
			// first, so that this one is compared with it (the writer
			// stores batches in order).
			if err := send(); err != nil {
				return err
			}
		} else {
			seen[d.ID] = it.Origin
		}
		batch = append(batch, d)
		origins = append(origins, it.Origin)
		bar.update(sum.read, sum.failed)
		if len(batch) == ingestBatch {
			return send()
		}
		return nil
	})
	interrupted := errors.Is(err, context.Canceled) && ctx.Err() != nil
	if err == nil || interrupted {
		// After Ctrl-C the documents read are still stored (the writer's
		// transactions do not take the run's cancellation).
		if serr := send(); serr != nil && err == nil {
			err = serr
		}
	}
	stored, dups, werr := w.close()
	if werr != nil && (err == nil || interrupted) {
		err, interrupted = werr, false
	}
	sum.stored, sum.duplicates = stored, dups
	bar.done()
	sum.failed = t.failed + sum.conflicts
	sum.elapsed = time.Since(start)
	if interrupted {
		sum.interrupted, err = true, nil
	}
	return sum, err
}

// syncWriter serializes writes to w (stderr shared by goroutines).
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// ingestBatch is the number of documents stored per transaction;
// ingestQueue the number of full batches that may wait for the writer
// (bounding the memory held by documents extracted but not yet stored).
// ingestMerge is the most documents the writer stores in one transaction
// when batches wait for it (storeWriter.gather).
const (
	ingestBatch = 64
	ingestQueue = 4
	ingestMerge = 4 * ingestBatch
)

// batchPutter is what storeWriter writes to (store.Store's PutEach).
type batchPutter interface {
	PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error)
}

// writeBatch is one batch of documents with where each came from.
type writeBatch struct {
	docs    []*document.Document
	origins []string
}

// storeWriter stores batches of documents on its own goroutine, one
// transaction per batch, in the order they were sent. Storing is
// idempotent (a document already stored is counted as a duplicate, not
// stored again), so a batch may be sent again after an interruption.
// The writes do not take the run's cancellation: a batch sent is stored.
type storeWriter struct {
	batches chan writeBatch
	done    chan struct{} // closed when the goroutine ends
	// opt and report are set before the first send: report, when set,
	// receives every document's outcome on the writer's goroutine.
	opt    store.PutOptions
	report func(d *document.Document, origin string, r store.PutResult)
	// Set by the goroutine; read only after done is closed.
	stored, dups int
	err          error
}

// startStoreWriter starts a writer to st with room for queue batches.
func startStoreWriter(ctx context.Context, st batchPutter, queue int) *storeWriter {
	w := &storeWriter{batches: make(chan writeBatch, queue), done: make(chan struct{})}
	ctx = context.WithoutCancel(ctx)
	go func() {
		defer close(w.done)
		for b := range w.batches {
			b = w.gather(b)
			res, err := st.PutEach(ctx, b.docs, w.opt)
			if err != nil {
				w.err = fmt.Errorf("store: %w", err)
				return
			}
			for i, r := range res {
				switch r.Outcome {
				case store.Stored:
					w.stored++
				case store.Unchanged:
					w.dups++
				}
				if w.report != nil {
					origin := ""
					if i < len(b.origins) {
						origin = b.origins[i]
					}
					w.report(b.docs[i], origin, r)
				}
			}
		}
	}()
	return w
}

// gather appends to b the batches already waiting, up to ingestMerge
// documents, so that one transaction stores them: when the writer falls
// behind the extraction (every core extracting), its commits, full-text
// flushes and index pages are shared by more documents (BBC on a store in
// tmpfs: ~1,650 CPU-us per document in batches of 64, ~1,150 in 256s). A
// writer that keeps up stores each batch as it comes.
func (w *storeWriter) gather(b writeBatch) writeBatch {
	for len(b.docs) < ingestMerge {
		select {
		case nb, ok := <-w.batches:
			if !ok {
				return b
			}
			if len(b.origins) < len(b.docs) || len(nb.origins) < len(nb.docs) {
				// origins are optional: keep them aligned with docs
				b.origins = append(b.origins, make([]string, len(b.docs)-len(b.origins))...)
				nb.origins = append(nb.origins, make([]string, len(nb.docs)-len(nb.origins))...)
			}
			b.docs = append(b.docs[:len(b.docs):len(b.docs)], nb.docs...)
			b.origins = append(b.origins[:len(b.origins):len(b.origins)], nb.origins...)
		default:
			return b
		}
	}
	return b
}

// send queues batch b (an empty one is ignored); b must not change
// afterwards. It returns the writer's error once a write has failed.
func (w *storeWriter) send(b []*document.Document) error { return w.sendFrom(b, nil) }

// sendFrom is send with each document's origin, for the reports.
func (w *storeWriter) sendFrom(b []*document.Document, origins []string) error {
	if len(b) == 0 {
		return nil
	}
	select {
	case <-w.done:
		return w.err
	default:
	}
	select {
	case w.batches <- writeBatch{b, origins}:
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
	head := "ingested into"
	if s.interrupted {
		head = "interrupted: ingested into"
	}
	if n := s.read + s.failed - s.conflicts; n > 0 && s.elapsed > 0 {
		fmt.Fprintf(e.stderr, "%s %s in %.1fs (%.0f documents/s)\n", head, displayDB(db), s.elapsed.Seconds(), float64(n)/s.elapsed.Seconds())
	} else {
		fmt.Fprintf(e.stderr, "%s %s in %.1fs\n", head, displayDB(db), s.elapsed.Seconds())
	}
	fmt.Fprintf(e.stderr, "  documents  %d read, %d stored, %d already stored, %d failed\n", s.read, s.stored, s.duplicates, s.failed)
	if s.revised+s.replaced+s.skipped+s.conflicts+s.dupIDs > 0 {
		fmt.Fprintf(e.stderr, "  changed    %d new revisions, %d replaced, %d skipped, %d refused (ids stored with another text); %d ids repeated in the input\n",
			s.revised, s.replaced, s.skipped, s.conflicts, s.dupIDs)
	}
	fmt.Fprintf(e.stderr, "  found      %d entities, %d quotes, %d counts, %d events, %d locations in the documents stored\n", s.entities, s.quotes, s.counts, s.events, s.locs)
}
