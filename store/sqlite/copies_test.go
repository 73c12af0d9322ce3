package sqlite

import (
	"context"
	"path/filepath"
	"testing"

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
