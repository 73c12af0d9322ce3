package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/store/postgres"
)

func init() {
	register(command{name: "demo", summary: "ingest the example stories into newsgraph.db and show what to try next", run: runDemo})
}

const demoExamples = `  go run ./cmd/newsgraph demo
  newsgraph demo --db /tmp/demo.db`

func runDemo(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "demo", "demo [--examples DIR] [--db FILE]", demoExamples)
	dir := fs.String("examples", "examples", "directory of example stories")
	db := fs.String("db", defaultDB, dbFlagHelp)
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		writeErr(e.stderr, "demo: no examples directory %q; run from the repository root or pass --examples", *dir)
		return exitUsage
	}
	var in inputFlags
	in.workers = 0
	in.maxBytes = 10 << 20
	in.format, in.encoding = "auto", "auto"
	sum, err := ingest(ctx, e, []string{*dir}, &in, *db, e.isTerminal)
	if err != nil {
		writeErr(e.stderr, "demo: %v", err)
		return exitFailure
	}
	st, err := openStoreWrite(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "demo: %v", err)
		return exitFailure
	}
	stats, err := st.Stats(ctx)
	st.Close()
	if err != nil {
		writeErr(e.stderr, "demo: %v", err)
		return exitFailure
	}
	abs := displayDB(*db)
	if !postgres.IsURL(*db) {
		abs, _ = filepath.Abs(*db)
	}
	w := e.stdout
	fmt.Fprintf(w, "newsgraph demo: %d example documents read in %.2fs (%d new, %d already stored, %d failed)\n",
		sum.read, sum.elapsed.Seconds(), sum.stored, sum.duplicates, sum.failed)
	fmt.Fprintf(w, "store %s now holds %d documents, %d entities, %d quotes, %d counts, %d events, %d locations\n\n",
		abs, stats.Documents, stats.Entities, stats.Quotes, stats.Counts, stats.Events, stats.Locations)
	fmt.Fprintf(w, "Try next:\n")
	fmt.Fprintf(w, "  go run ./cmd/newsgraph query quotes --db %s\n", *db)
	fmt.Fprintf(w, "  go run ./cmd/newsgraph query events --db %s --output json\n", *db)
	fmt.Fprintf(w, "  go run ./cmd/newsgraph query counts --db %s\n", *db)
	fmt.Fprintf(w, "  go run ./cmd/newsgraph extract --format json examples/01-ceasefire-appeal.txt\n")
	fmt.Fprintf(w, "\nThe dashboard (search, events, actors, figures; every number opens its sentence):\n")
	fmt.Fprintf(w, "  go run ./cmd/newsgraph serve --db %s\n", *db)
	fmt.Fprintf(w, "  then open http://127.0.0.1:8080/ in a browser (the JSON API is under http://127.0.0.1:8080/api/)\n")
	if sum.failed > 0 {
		return exitFailure
	}
	return exitOK
}
