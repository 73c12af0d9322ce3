package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/queue"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
)

// startNATS runs an in-process JetStream server on a loopback port.
func startNATS(tb testing.TB) *server.Server {
	tb.Helper()
	s, err := server.NewServer(&server.Options{Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: tb.TempDir(), NoLog: true, NoSigs: true})
	if err != nil {
		tb.Fatal(err)
	}
	s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		tb.Fatal("nats server not ready")
	}
	tb.Cleanup(s.Shutdown)
	return s
}

// variedExamples writes n documents to a JSON Lines file: each a draw of
// ten sentences from the example stories, so that no two are copies of
// each other under either dedup rule (exact text, near-duplicate sketch) and
// the result does not depend on which of two copies a store saw first.
func variedExamples(tb testing.TB, n int) string {
	tb.Helper()
	files, err := filepath.Glob("../../examples/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no examples: %v", err)
	}
	var pool []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		for _, para := range strings.Split(string(b), "\n") {
			for _, s := range strings.SplitAfter(para, ". ") {
				if s = strings.TrimSpace(s); len(s) > 40 {
					pool = append(pool, s)
				}
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < n; i++ {
		var parts []string
		for _, k := range rng.Perm(len(pool))[:10] {
			parts = append(parts, pool[k])
		}
		enc.Encode(map[string]any{
			"id":        fmt.Sprintf("story-%04d", i),
			"text":      strings.Join(parts, " "),
			"published": time.Date(2026, 1, 1+i%28, 8, 0, 0, 0, time.UTC).Format(time.RFC3339),
		})
	}
	p := filepath.Join(tb.TempDir(), "stories.jsonl")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// statsOf opens the store db (a SQLite file or a postgres:// URL) and
// returns its Stats.
func statsOf(tb testing.TB, db string) store.Stats {
	tb.Helper()
	st, err := openStoreRead(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// contentOf lists every stored document (originals and near copies) with
// the number of elements of each of its layers: what a store holds,
// whatever order its documents arrived in.
func contentOf(tb testing.TB, db string) map[string]string {
	tb.Helper()
	st, err := openStoreRead(context.Background(), db)
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	out := map[string]string{}
	err = st.Each(context.Background(), func(o *document.Output) error {
		out[o.ID] = fmt.Sprintf("%d sentences, %d mentions, %d entities, %d quotes, %d counts, %d locations, %d events",
			len(o.Sentences), len(o.Mentions), len(o.Entities), len(o.Quotes), len(o.Counts), len(o.Locations), len(o.Events))
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return out
}

// startWorker runs `newsgraph worker` in a child process.
func startWorker(tb testing.TB, qurl, db string) *exec.Cmd {
	tb.Helper()
	cmd := exec.Command(os.Args[0], "worker", "--queue", qurl, "--db", db, "--drain", "--batch", "8", "--workers", "1", "--json")
	cmd.Env = append(os.Environ(), "NEWSGRAPH_TEST_MAIN=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
		if tb.Failed() {
			tb.Logf("worker stderr:\n%s", stderr.String())
		}
	})
	return cmd
}

// TestWorker_KilledMidBatch publishes documents to a queue, drains it with
// two worker processes while one of them is killed with SIGKILL twice in
// the middle of a batch (and started again), and compares the store with a
// single-process ingest of the same input: the same documents and the same
// number of every annotation, nothing lost and nothing doubled.
func TestWorker_KilledMidBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("fault test in -short mode")
	}
	killTest{input: variedExamples(t, 240), db: filepath.Join(t.TempDir(), "workers.db"), distinct: 240}.run(t)
}

// killTest is the fault test of TestWorker_KilledMidBatch on one store.
type killTest struct {
	input    string // documents to publish
	db       string // the workers' store
	distinct int    // the input's number of distinct stories, 0 when it has copies
	// drop, when set, is called at each kill: it may also end the store's
	// connections (PostgreSQL).
	drop func()
	// restart, when set, is called half way, between the two kills, while
	// both workers run: it may restart the store's server.
	restart func()
}

// run runs the test and returns the summed stats of the two workers that
// finished (the killed ones report nothing).
func (k killTest) run(t *testing.T) queue.Stats {
	ref := filepath.Join(t.TempDir(), "ref.db")
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}
	if code := run(context.Background(), e, []string{"ingest", "--quiet", "--db", ref, k.input}); code != exitOK {
		t.Fatalf("reference ingest exit %d: %s", code, errb.String())
	}
	want := statsOf(t, ref)
	if k.distinct > 0 && (want.Copies != 0 || want.Documents != k.distinct) {
		t.Fatalf("reference store %+v: the input must be %d distinct stories", want, k.distinct)
	}

	ns := startNATS(t)
	qurl := ns.ClientURL() + "?stream=KILLTEST&ackwait=2s"
	if code := run(context.Background(), e, []string{"ingest", "--quiet", "--queue", qurl, k.input}); code != exitOK {
		t.Fatalf("publish exit %d: %s", code, errb.String())
	}
	db := k.db
	a := startWorker(t, qurl, db)
	b := startWorker(t, qurl, db)
	total := want.Documents + want.Copies
	exists := func() bool { // and migrated: a read-only open refuses a file the worker is still creating
		if postgres.IsURL(db) {
			return true
		}
		// The file appears before its schema is committed: it exists for
		// reading once a read-only open succeeds.
		st, err := openStoreRead(context.Background(), db)
		if err == nil {
			st.Close()
		}
		return err == nil
	}
	kill := func() {
		if err := a.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		a.Wait()
		if k.drop != nil {
			k.drop()
		}
		a = startWorker(t, qurl, db)
	}
	// The faults, each when the store has grown past its mark: a mid-batch
	// worker killed without warning (and a fresh one started), twice, and
	// the restart between the two.
	faults, marks := []func(){kill, kill}, []int{total / 3, 2 * total / 3}
	if k.restart != nil {
		faults, marks = []func(){kill, k.restart, kill}, []int{total / 4, total / 2, 3 * total / 4}
	}
	for i, fault := range faults {
		mark := marks[i]
		deadline := time.Now().Add(5 * time.Minute)
		for {
			if exists() {
				if st := statsOf(t, db); st.Documents+st.Copies >= mark {
					break
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("store never reached %d documents", mark)
			}
			time.Sleep(20 * time.Millisecond)
		}
		fault()
	}
	var sum queue.Stats
	for _, w := range []*exec.Cmd{a, b} {
		done := make(chan error, 1)
		go func() { done <- w.Wait() }()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("worker: %v", err)
			}
		case <-time.After(10 * time.Minute):
			t.Fatal("worker did not finish")
		}
		s := workerSummary(t, w.Stderr.(*bytes.Buffer).String())
		sum.Batches, sum.Delivered, sum.Stored, sum.Duplicates = sum.Batches+s.Batches, sum.Delivered+s.Delivered, sum.Stored+s.Stored, sum.Duplicates+s.Duplicates
		sum.Retried, sum.DeadLetter, sum.StoreRetry = sum.Retried+s.Retried, sum.DeadLetter+s.DeadLetter, sum.StoreRetry+s.StoreRetry
	}
	got := statsOf(t, db)
	if k.distinct > 0 && got != want {
		t.Errorf("after two kills: %+v\nsingle-process ingest: %+v", got, want)
	}
	// Every document, original or copy, with the same layers (which of two
	// near copies is the original depends on arrival order, so with copies
	// in the input the per-original counts of Stats may differ).
	gotDocs, wantDocs := contentOf(t, db), contentOf(t, ref)
	if len(gotDocs) != len(wantDocs) || got.Documents+got.Copies != want.Documents+want.Copies {
		t.Errorf("after two kills: %d documents stored (%+v), single-process ingest %d (%+v)", len(gotDocs), got, len(wantDocs), want)
	}
	diffs := 0
	for id, w := range wantDocs {
		if g := gotDocs[id]; g != w && diffs < 5 {
			diffs++
			t.Errorf("document %s: %q after the kills, %q from ingest", id, g, w)
		}
	}
	t.Logf("%d documents (%d stories, %d near copies) stored once each after two kills; workers' store %+v, ingest %+v",
		len(gotDocs), got.Documents, got.Copies, got, want)
	return sum
}

// workerSummary reads the stats of the "done" line of a worker's --json
// log.
func workerSummary(t *testing.T, log string) queue.Stats {
	t.Helper()
	for _, line := range strings.Split(log, "\n") {
		var ev struct {
			Event string      `json:"event"`
			Stats queue.Stats `json:"stats"`
		}
		if json.Unmarshal([]byte(line), &ev) == nil && ev.Event == "done" {
			return ev.Stats
		}
	}
	t.Errorf("no summary in the worker's log:\n%s", log)
	return queue.Stats{}
}
