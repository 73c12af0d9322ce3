package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
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
	// The writer goroutine reports each document's outcome while the
	// workers report failures: both write through one lock.
	errw := &syncWriter{w: e.stderr}
	le := *e
	le.stderr = errw
	bar := newProgress(errw, showProgress)
	cb, ok := st.(corpus.Backend)
	if !ok {
		return sum, fmt.Errorf("store: %T keeps no corpus layer", st)
	}
	put := &ingestPutter{st: st, cb: cb, opt: store.PutOptions{OnConflict: in.onConflict}, stderr: errw, origins: map[*document.Document]string{}}
	// Written with the run's context detached: a batch read before Ctrl-C
	// is stored whole (one transaction) rather than lost.
	w := startStoreWriter(context.WithoutCancel(ctx), put, ingestQueue)
	batch := make([]*document.Document, 0, ingestBatch)
	seen := map[string]string{} // id → origin of its first occurrence in this run
	t, err := processAll(ctx, &le, paths, in, p, func(it pipeline.Item) error {
		if it.Err != nil {
			sum.failed++
			bar.update(sum.read, sum.failed)
			return nil
		}
		d := it.Doc
		sum.read++
		if first, ok := seen[d.ID]; ok {
			sum.dupIDs++
			fmt.Fprintf(errw, "newsgraph: %s: id %q appears again in this input (first at %s)\n", it.Origin, d.ID, first)
			// An earlier occurrence may still wait in the batch: send it
			// first (batches are stored in order), so that this one is
			// compared with it.
			if err := w.send(batch); err != nil {
				return err
			}
			batch = make([]*document.Document, 0, ingestBatch)
		} else {
			seen[d.ID] = it.Origin
		}
		put.origin(d, it.Origin)
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
	// The last batch is stored even after an interruption.
	if serr := w.send(batch); serr != nil && err == nil {
		err = serr
	}
	_, _, werr := w.close()
	if werr != nil && err == nil {
		err = werr
	}
	// After close the writer goroutine is done: its counts are final.
	ps := put.sum
	sum.stored, sum.duplicates, sum.revised, sum.replaced, sum.skipped, sum.conflicts = ps.stored, ps.duplicates, ps.revised, ps.replaced, ps.skipped, ps.conflicts
	sum.entities, sum.quotes, sum.counts, sum.events, sum.locs = ps.entities, ps.quotes, ps.counts, ps.events, ps.locs
	bar.done()
	sum.failed = t.failed + sum.conflicts
	sum.elapsed = time.Since(start)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		sum.interrupted, err = true, nil
	}
	return sum, err
}

// ingestPutter is the storeWriter's putter of ingest: it stores a batch
// with PutEach under the run's conflict rule, reports and counts each
// document's outcome, then updates the corpus layer with the batch. It
// runs on the writer goroutine; origins are recorded by the sender.
type ingestPutter struct {
	st     store.Store
	cb     corpus.Backend
	opt    store.PutOptions
	stderr io.Writer
	sum    ingestSummary // the outcome counts (stored, duplicates, revised, ..., and the layers of the documents stored)

	mu      sync.Mutex
	origins map[*document.Document]string
}

// origin records where d was read.
func (p *ingestPutter) origin(d *document.Document, origin string) {
	p.mu.Lock()
	p.origins[d] = origin
	p.mu.Unlock()
}

func (p *ingestPutter) PutBatch(ctx context.Context, batch []*document.Document) (int, error) {
	res, err := p.st.PutEach(ctx, batch, p.opt)
	if err != nil {
		return 0, err
	}
	p.mu.Lock()
	origins := make([]string, len(batch))
	for i, d := range batch {
		origins[i] = p.origins[d]
		delete(p.origins, d)
	}
	p.mu.Unlock()
	sum := &p.sum
	n := 0
	for i, r := range res {
		d := batch[i]
		switch r.Outcome {
		case store.Stored:
			sum.stored++
		case store.Unchanged:
			sum.duplicates++
		case store.Revised:
			sum.revised++
			fmt.Fprintf(p.stderr, "newsgraph: %s: id %q was stored with a different text: stored as revision %d, the previous kept as %q\n", origins[i], d.ID, r.Revision, r.Previous)
		case store.Replaced:
			sum.replaced++
			fmt.Fprintf(p.stderr, "newsgraph: %s: id %q was stored with a different text: replaced (--on-conflict=replace)\n", origins[i], d.ID)
		case store.Skipped:
			sum.skipped++
			fmt.Fprintf(p.stderr, "newsgraph: %s: id %q is stored with a different text: skipped (--on-conflict=skip)\n", origins[i], d.ID)
		case store.Conflict:
			sum.conflicts++
			fmt.Fprintf(p.stderr, "newsgraph: %s: id %q is stored with a different text: not stored (--on-conflict=fail)\n", origins[i], d.ID)
		}
		if r.Outcome.Inserted() {
			n++
			sum.entities += len(d.Entities)
			sum.quotes += len(d.Quotes)
			sum.counts += len(d.Counts)
			sum.events += len(d.Events)
			sum.locs += len(d.Locations)
		}
	}
	// the corpus layer: corpus events, tracked figures, stories
	if err := corpus.Update(ctx, p.cb, batch, corpus.Options{}); err != nil {
		return n, err
	}
	return n, nil
}

// syncWriter serializes writes to w from several goroutines.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
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
