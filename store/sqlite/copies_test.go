package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_CopySuite(t *testing.T) {
	storetest.CopySuite(t, func(t *testing.T) storetest.CopyBackend { return openTemp(t) })
}

func TestStore_FeedSuite(t *testing.T) {
	storetest.FeedSuite(t, func(t *testing.T) storetest.FeedBackend { return openTemp(t) })
}

// TestStore_BackfillCopies opens a database filled before the copy rule
// existed: its originals get sketches and carriers on the first write, so a
// later copy of one of them is recognised.
func TestStore_BackfillCopies(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := storetest.MustDocs(t)
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	// Make it look like a version-1 database: no sketches, carriers or version.
	for _, q := range []string{`DELETE FROM sketches`, `DELETE FROM carriers`, `DELETE FROM store_meta`} {
		if _, err := s.db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	copy := *docs[0]
	copy.ID, copy.Outlet = "geneva-copy", "copy.example"
	copy.Text = "GENEVA (Copy) - " + copy.Text
	copy.Sentences, copy.Mentions, copy.Entities, copy.Quotes, copy.Counts, copy.Locations, copy.Events = nil, nil, nil, nil, nil, nil, nil
	if _, err := s.Put(ctx, &copy); err != nil {
		t.Fatal(err)
	}
	o, err := s.Document(ctx, "geneva-copy")
	if err != nil || o.DuplicateOf != docs[0].ID {
		t.Fatalf("copy after backfill: %v, duplicate_of %q", err, o.DuplicateOf)
	}
	if n, _ := s.NumSources(ctx, []string{docs[0].ID, docs[1].ID}); n[docs[0].ID] != 2 || n[docs[1].ID] != 1 {
		t.Errorf("NumSources after backfill = %v", n)
	}
}

// TestStore_CopiesMatchIndex checks that the store links copies exactly as
// dedup.Index does (the index the evaluation measures) on BBC texts and
// cut copies of half of them, inserted in one order.
func TestStore_CopiesMatchIndex(t *testing.T) {
	p := shareddata.Require(t, "corpus/bbc/val.csv")
	var docs []*document.Document
	read.Walk(context.Background(), []string{p}, nil, read.Options{}, func(r read.Result) error {
		if r.Err == nil && len(docs) < 200 {
			docs = append(docs, r.Doc)
		}
		return nil
	})
	n := len(docs)
	for i := 0; i < n; i += 2 {
		sents := strings.SplitAfter(docs[i].Text, ". ")
		cut := strings.Join(sents[:max(1, len(sents)*3/5)], "")
		docs = append(docs, document.New(fmt.Sprintf("cut-%d", i), cut))
	}
	ctx := context.Background()
	s := openTemp(t)
	x := dedup.NewIndex()
	want := map[string]string{}
	seen := map[string]bool{}
	for _, d := range docs {
		if seen[d.ID] || seen[d.Text] {
			continue // an exact repeat: the store keeps the first (carriers only)
		}
		seen[d.ID], seen[d.Text] = true, true
		sh := dedup.Shingles(d.Text)
		if m, ok := x.Find(sh); ok {
			want[d.ID] = m.ID
		} else {
			x.Add(d.ID, sh)
		}
		if _, err := s.Put(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	links := 0
	for _, d := range docs {
		o, err := s.Document(ctx, d.ID)
		if err != nil {
			continue // an exact repeat of the corpus: not stored
		}
		if o.DuplicateOf != want[d.ID] {
			t.Errorf("%s: store links to %q, the index to %q", d.ID, o.DuplicateOf, want[d.ID])
		}
		if o.DuplicateOf != "" {
			links++
		}
	}
	if links < n/2 {
		t.Errorf("only %d links for %d cut copies", links, n/2)
	}
}

func TestStore_RevisionSuite(t *testing.T) {
	storetest.RevisionSuite(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestStore_NameFilterSuite(t *testing.T) {
	storetest.NameFilterSuite(t, func(t *testing.T) store.Store { return filled(t) })
}

func TestStore_KeysetSuite(t *testing.T) {
	storetest.KeysetSuite(t, func(t *testing.T) store.Store { return filled(t) })
}
