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
	"github.com/newsgraph/newsgraph/store/sqlite"
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
	db := fs.String("db", defaultDB, "SQLite database file (created when missing)")
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
func ingest(ctx context.Context, e *env, paths []string, in *inputFlags, dbPath string, showProgress bool) (ingestSummary, error) {
	var sum ingestSummary
	start := time.Now()
	p, err := in.pipeline()
	if err != nil {
		return sum, err
	}
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return sum, err
	}
	defer st.Close()
	bar := newProgress(e.stderr, showProgress)
	const batchSize = 64
	batch := make([]*document.Document, 0, batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		n, err := st.PutBatch(ctx, batch)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		// the corpus layer: corpus events, tracked figures, stories
		if err := corpus.Update(ctx, st, batch, corpus.Options{}); err != nil {
			return fmt.Errorf("store: %w", err)
		}
		sum.stored += n
		sum.duplicates += len(batch) - n
		batch = batch[:0]
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
		sum.entities += len(d.Entities)
		sum.quotes += len(d.Quotes)
		sum.counts += len(d.Counts)
		sum.events += len(d.Events)
		sum.locs += len(d.Locations)
		batch = append(batch, d)
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
	sum.failed = t.failed
	sum.elapsed = time.Since(start)
	return sum, err
}

func printIngestSummary(e *env, db string, s ingestSummary) {
	rate := float64(s.read+s.failed) / s.elapsed.Seconds()
	fmt.Fprintf(e.stderr, "ingested into %s in %.1fs (%.0f documents/s)\n", db, s.elapsed.Seconds(), rate)
	fmt.Fprintf(e.stderr, "  documents  %d read, %d stored, %d already stored, %d failed\n", s.read, s.stored, s.duplicates, s.failed)
	fmt.Fprintf(e.stderr, "  found      %d entities, %d quotes, %d counts, %d events, %d locations\n", s.entities, s.quotes, s.counts, s.events, s.locs)
}
