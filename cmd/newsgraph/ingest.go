package main

import (
	"context"
	"errors"
	"fmt"
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
	const batchSize = 64
	batch := make([]*document.Document, 0, batchSize)
	origins := make([]string, 0, batchSize)
	seen := map[string]string{} // id → origin of its first occurrence in this run
	opt := store.PutOptions{OnConflict: in.onConflict}
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		// Written with the run's context detached: a batch read before
		// Ctrl-C is stored whole (one transaction) rather than lost.
		res, err := st.PutEach(context.WithoutCancel(ctx), batch, opt)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		for i, r := range res {
			d := batch[i]
			switch r.Outcome {
			case store.Stored:
				sum.stored++
			case store.Unchanged:
				sum.duplicates++
			case store.Revised:
				sum.revised++
				fmt.Fprintf(e.stderr, "newsgraph: %s: id %q was stored with a different text: stored as revision %d, the previous kept as %q\n", origins[i], d.ID, r.Revision, r.Previous)
			case store.Replaced:
				sum.replaced++
				fmt.Fprintf(e.stderr, "newsgraph: %s: id %q was stored with a different text: replaced (--on-conflict=replace)\n", origins[i], d.ID)
			case store.Skipped:
				sum.skipped++
				fmt.Fprintf(e.stderr, "newsgraph: %s: id %q is stored with a different text: skipped (--on-conflict=skip)\n", origins[i], d.ID)
			case store.Conflict:
				sum.conflicts++
				fmt.Fprintf(e.stderr, "newsgraph: %s: id %q is stored with a different text: not stored (--on-conflict=fail)\n", origins[i], d.ID)
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
		// the corpus layer: corpus events, tracked figures, stories
		cb, ok := st.(corpus.Backend)
		if !ok {
			return fmt.Errorf("store: %T keeps no corpus layer", st)
		}
		if err := corpus.Update(ctx, cb, batch, corpus.Options{}); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		batch, origins = batch[:0], origins[:0]
		return nil
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
			// An earlier occurrence may still wait in the batch: store it
			// first, so that this one is compared with it.
			if err := flush(); err != nil {
				return err
			}
		} else {
			seen[d.ID] = it.Origin
		}
		batch = append(batch, d)
		origins = append(origins, it.Origin)
		bar.update(sum.read, sum.failed)
		if len(batch) == batchSize {
			return flush()
		}
		return nil
	})
	if ferr := flush(); ferr != nil && err == nil {
		err = ferr
	}
	bar.done()
	sum.failed = t.failed + sum.conflicts
	sum.elapsed = time.Since(start)
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		sum.interrupted, err = true, nil
	}
	return sum, err
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
