package main

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/store/postgres/pgtest"
)

// TestWorker_PostgresRestart is the fault test with the store's server
// crashed: documents published to a NATS work queue (an in-process server)
// are drained by two worker processes into a private PostgreSQL server
// (pgtest.StartPrivate: the machine's server is shared, so it is not the
// one restarted), one worker is killed with SIGKILL twice, and between the
// kills, while both workers write, PostgreSQL is restarted with `pg_ctl
// restart -m immediate` (every server process killed at once, the WAL
// replayed at start). The store ends with exactly the documents and the
// layers of a single-process `ingest` into SQLite. The input is the BBC
// corpus's validation split (334 articles, with copies) when the shared
// data is there, else 240 stories drawn from the examples; the whole BBC
// corpus with NEWSGRAPH_FAULT_BBC=1. Skipped without PostgreSQL binaries,
// a failure then with CI=true.
func TestWorker_PostgresRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test in -short mode")
	}
	start := time.Now()
	k := killTest{}
	switch dir := shareddata.Path("corpus/bbc"); {
	case dir != "" && os.Getenv("NEWSGRAPH_FAULT_BBC") == "1":
		k.input = dir
	case dir != "":
		k.input = filepath.Join(dir, "val.csv")
	default:
		k.input, k.distinct = variedExamples(t, 240), 240
	}
	p := pgtest.StartPrivate(t)
	k.db = p.Database(t, "newsgraph_restart")
	t.Logf("private PostgreSQL up in %v", time.Since(start).Round(time.Millisecond))
	restarts := 0
	k.restart = func() {
		// the workers are connected (and writing) when the server goes
		var conns int
		if c, err := pgx.Connect(context.Background(), k.db); err == nil {
			c.QueryRow(context.Background(), `SELECT COUNT(*) - 1 FROM pg_stat_activity WHERE datname = current_database()`).Scan(&conns)
			c.Close(context.Background())
		}
		away := p.Restart(t, "immediate")
		restarts++
		t.Logf("PostgreSQL crashed and restarted (pg_ctl restart -m immediate) in %v with %d worker connections open", away.Round(time.Millisecond), conns)
	}
	st := k.run(t)
	if restarts != 1 {
		t.Errorf("%d restarts, want 1", restarts)
	}
	t.Logf("the two workers that finished: %d batches, %d delivered, %d stored, %d already stored, %d batch commits retried after a store error",
		st.Batches, st.Delivered, st.Stored, st.Duplicates, st.StoreRetry)
	t.Logf("whole test %v", time.Since(start).Round(time.Millisecond))
}
