package postgres

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// A revised document's sketch and name word rows are deleted by their keys
// (those tables have no index by document): none of the retired row's
// stay, the new row has its own.
func TestRetire_DeletesSketchAndNameRows(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.MustDocs(t)
	var d = docs[0]
	for _, x := range docs {
		if len(x.Entities) > 0 && len(x.Text) > 400 {
			d = x
			break
		}
	}
	if _, err := s.Put(ctx, d); err != nil {
		t.Fatal(err)
	}
	count := func(table string, row int64) int {
		var n int
		if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM `+table+` WHERE doc = $1`, row).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	names := func(row int64) int { // the names vector and the layer rows' words (migration 12)
		var n int
		if err := s.db.QueryRow(ctx, `SELECT (SELECT COUNT(*) FROM bodies WHERE rowid = $1 AND names IS NOT NULL)
			+ (SELECT COUNT(*) FROM entities WHERE doc = $1 AND words IS NOT NULL)`, row).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	var old int64
	if err := s.db.QueryRow(ctx, `SELECT rowid FROM documents WHERE id = $1`, d.ID).Scan(&old); err != nil {
		t.Fatal(err)
	}
	if count("sketches", old) == 0 || names(old) == 0 {
		t.Fatalf("document %q has no sketch or name rows to retire (sketches %d, names %d)", d.ID, count("sketches", old), names(old))
	}
	r := *d
	r.Text = d.Text + " A later paragraph, added by the revision."
	res, err := s.PutEach(ctx, []*document.Document{&r}, store.PutOptions{OnConflict: store.ConflictRevise})
	if err != nil || len(res) != 1 || res[0].Outcome != store.Revised {
		t.Fatalf("revise: %+v, %v", res, err)
	}
	var cur int64
	if err := s.db.QueryRow(ctx, `SELECT rowid FROM documents WHERE id = $1`, d.ID).Scan(&cur); err != nil {
		t.Fatal(err)
	}
	if n, m := count("sketches", old), names(old); n != 0 || m != 0 {
		t.Errorf("retired row keeps %d sketch rows and %d name rows, want 0", n, m)
	}
	if cur == old || names(cur) == 0 {
		t.Errorf("new revision row %d (old %d) has %d name rows", cur, old, names(cur))
	}
}
