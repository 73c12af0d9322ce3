package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// fakePutter records the batches it stores; a document id seen before is a
// duplicate. gate, when set, holds the first write until it is closed;
// failAt makes the n-th write (1-based) fail.
type fakePutter struct {
	mu     sync.Mutex
	seen   map[string]bool
	order  []string
	calls  int
	gate   chan struct{}
	failAt int
}

func (f *fakePutter) PutEach(_ context.Context, docs []*document.Document, _ store.PutOptions) ([]store.PutResult, error) {
	f.mu.Lock()
	f.calls++
	call, gate := f.calls, f.gate
	f.mu.Unlock()
	if call == 1 && gate != nil {
		<-gate
	}
	if call == f.failAt {
		return nil, errors.New("disk full")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	out := make([]store.PutResult, len(docs))
	for i, d := range docs {
		f.order = append(f.order, d.ID)
		out[i].Outcome = store.Unchanged
		if !f.seen[d.ID] {
			f.seen[d.ID] = true
			out[i].Outcome = store.Stored
		}
	}
	return out, nil
}

func docBatch(ids ...string) []*document.Document {
	var b []*document.Document
	for _, id := range ids {
		b = append(b, document.New(id, "text of "+id))
	}
	return b
}

func TestStoreWriter(t *testing.T) {
	t.Run("pipelined, in order, duplicates counted", func(t *testing.T) {
		f := &fakePutter{seen: map[string]bool{}, gate: make(chan struct{})}
		w := startStoreWriter(context.Background(), f, 2)
		// While the first write is held, the sender can still queue two
		// more batches: the writes do not block extraction.
		sent := make(chan error, 1)
		go func() {
			for _, b := range [][]*document.Document{docBatch("a", "b"), docBatch("c"), docBatch("d", "a")} {
				if err := w.send(b); err != nil {
					sent <- err
					return
				}
			}
			sent <- nil
		}()
		select {
		case err := <-sent:
			if err != nil {
				t.Fatal(err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("send blocked while a write was in progress")
		}
		close(f.gate)
		if err := w.send(nil); err != nil {
			t.Fatal(err)
		}
		stored, dups, err := w.close()
		if err != nil || stored != 4 || dups != 1 {
			t.Fatalf("stored %d, duplicates %d, err %v; want 4, 1, nil", stored, dups, err)
		}
		if got := strings.Join(f.order, ","); got != "a,b,c,d,a" {
			t.Errorf("write order %s", got)
		}
	})
	t.Run("waiting batches share a transaction", func(t *testing.T) {
		f := &fakePutter{seen: map[string]bool{}, gate: make(chan struct{})}
		w := startStoreWriter(context.Background(), f, 4)
		var mu sync.Mutex
		var reported []string
		w.report = func(d *document.Document, origin string, _ store.PutResult) {
			mu.Lock()
			reported = append(reported, d.ID+"@"+origin)
			mu.Unlock()
		}
		if err := w.sendFrom(docBatch("a"), []string{"f:1"}); err != nil {
			t.Fatal(err)
		}
		// The first write is held: the next three batches wait, and are
		// stored together once it is done.
		for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(time.Millisecond) {
			f.mu.Lock()
			n := f.calls
			f.mu.Unlock()
			if n == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatal("the first write did not start")
			}
		}
		for _, b := range []struct {
			docs    []*document.Document
			origins []string
		}{{docBatch("b", "c"), []string{"f:2", "f:3"}}, {docBatch("d"), nil}, {docBatch("e"), []string{"f:5"}}} {
			if err := w.sendFrom(b.docs, b.origins); err != nil {
				t.Fatal(err)
			}
		}
		close(f.gate)
		stored, _, err := w.close()
		if err != nil || stored != 5 {
			t.Fatalf("stored %d, err %v; want 5, nil", stored, err)
		}
		if f.calls != 2 {
			t.Errorf("%d writes, want 2 (the held one, then the three waiting batches in one)", f.calls)
		}
		if got := strings.Join(reported, ","); got != "a@f:1,b@f:2,c@f:3,d@,e@f:5" {
			t.Errorf("reported %s", got)
		}
	})
	t.Run("a failed write stops the writer", func(t *testing.T) {
		f := &fakePutter{seen: map[string]bool{}, failAt: 2}
		w := startStoreWriter(context.Background(), f, 1)
		var sendErr error
		for i := 0; i < 50 && sendErr == nil; i++ {
			sendErr = w.send(docBatch(fmt.Sprint(i)))
			time.Sleep(time.Millisecond)
		}
		if sendErr == nil || !strings.Contains(sendErr.Error(), "disk full") {
			t.Errorf("send after the failure: %v", sendErr)
		}
		stored, _, err := w.close()
		if err == nil || !strings.Contains(err.Error(), "store: disk full") {
			t.Errorf("close: %v", err)
		}
		if stored != 1 {
			t.Errorf("stored %d before the failure, want 1", stored)
		}
	})
}

// TestIngest_ManyBatches stores more documents than fit in one batch, twice:
// every document once, the second run finds them all stored.
func TestIngest_ManyBatches(t *testing.T) {
	db := filepath.Join(t.TempDir(), "n.db")
	var in strings.Builder
	n := 2*ingestBatch + 7
	for i := 0; i < n; i++ {
		fmt.Fprintf(&in, "{\"id\":\"s%d\",\"text\":\"Report %d: the council of district %d met on day %d and approved %d new schools.\"}\n", i, i, i*7, i%28+1, i*3+2)
	}
	code, _, errs := runCLI(t, in.String(), "ingest", "--input-format", "jsonl", "--db", db, "-")
	if code != exitOK || !strings.Contains(errs, fmt.Sprintf("%d read, %d stored, 0 already stored", n, n)) {
		t.Fatalf("first ingest: exit %d: %s", code, errs)
	}
	if docs, _ := stats(t, db); docs != n {
		t.Fatalf("%d documents in the store, want %d", docs, n)
	}
	code, _, errs = runCLI(t, in.String(), "ingest", "--input-format", "jsonl", "--db", db, "-")
	if code != exitOK || !strings.Contains(errs, fmt.Sprintf("%d read, 0 stored, %d already stored", n, n)) {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
}
