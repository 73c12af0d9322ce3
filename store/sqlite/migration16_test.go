package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// ranking is the ids of the originals matching match in bm25 order (rowid
// on ties), read from the index joined to documents, and their rowids.
func ranking(t *testing.T, s *Store, match string) (ids []string, rows []int64) {
	t.Helper()
	r, err := s.db.Query(`SELECT d.id, d.rowid FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
		WHERE documents_fts MATCH ? AND d.duplicate_of IS NULL ORDER BY bm25(documents_fts), documents_fts.rowid`, match)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for r.Next() {
		var id string
		var row int64
		if err := r.Scan(&id, &row); err != nil {
			t.Fatal(err)
		}
		ids, rows = append(ids, id), append(rows, row)
	}
	return ids, rows
}

// A store whose full-text index holds copies (written before the writer
// left them out, or replicated by tools/bigstore before its fix) loses
// them at migration 16: the index is whole (FTS5's integrity check), holds
// the originals alone, and a search, which no longer tests its matches
// against the copies, lists the originals in rank order. The migration
// also makes events_location, which the events' place filter reads.
func TestMigration16(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v15.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := storetest.Synthetic(60)
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		c := *d
		c.ID, c.Outlet, c.Text = fmt.Sprintf("copy-%02d", i), "copy.example", "BEIRUT (Copy) - "+d.Text
		c.Sentences, c.Mentions, c.Entities, c.Quotes, c.Counts, c.Locations, c.Events = nil, nil, nil, nil, nil, nil, nil
		if _, err := s.Put(ctx, &c); err != nil {
			t.Fatal(err)
		}
	}
	var copies int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL`).Scan(&copies); err != nil || copies != 60 {
		t.Fatalf("%d copies stored (%v); the test needs 60", copies, err)
	}
	want, _ := ranking(t, s, "tripoli")
	if len(want) != 60 {
		t.Fatalf("%d originals match", len(want))
	}
	// Back to version 15 with the copies in the index, as older writers
	// and tools/bigstore left them.
	for _, stmt := range []string{
		`DELETE FROM schema_migrations WHERE version = 16`,
		`DROP INDEX events_location`,
		`INSERT INTO documents_fts(rowid, title, text)
			SELECT b.rowid, b.title, b.text FROM bodies b JOIN documents d ON d.rowid = b.rowid WHERE d.duplicate_of IS NOT NULL`,
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	indexed := func(s *Store) (all, dup int) {
		t.Helper()
		if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM documents_fts_docsize),
			(SELECT COUNT(*) FROM documents_fts_docsize z JOIN documents d ON d.rowid = z.id WHERE d.duplicate_of IS NOT NULL)`).Scan(&all, &dup); err != nil {
			t.Fatal(err)
		}
		return all, dup
	}
	if all, dup := indexed(s); all != 120 || dup != 60 {
		t.Fatalf("version 15: %d rows indexed, %d copies; want 120 and 60", all, dup)
	}
	s.Close()
	s, err = Open(ctx, path) // applies migration 16
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if all, dup := indexed(s); all != 60 || dup != 0 {
		t.Errorf("after migration 16: %d rows indexed, %d copies; want 60 and 0", all, dup)
	}
	// The index's own consistency (not against bodies: the copies' bodies
	// are not indexed, by design).
	if _, err := s.db.Exec(`INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`); err != nil {
		t.Errorf("full-text index after migration 16: %v", err)
	}
	// The place filter of an events list reads events_location; it lists
	// the events whose place name contains the filter, as a LIKE would.
	var idx int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM sqlite_schema WHERE name = 'events_location'`).Scan(&idx); err != nil || idx != 1 {
		t.Errorf("after migration 16: events_location %d (%v); want the index", idx, err)
	}
	for _, place := range []string{"tripoli", "TRIP", "oli", "beirut"} {
		var like int
		if err := s.db.QueryRow(`SELECT COUNT(*) FROM events WHERE location LIKE ?`, "%"+place+"%").Scan(&like); err != nil {
			t.Fatal(err)
		}
		if place == "tripoli" && like == 0 {
			t.Fatal("fixtures: no event in Tripoli")
		}
		page, err := s.ListEvents(ctx, store.Filter{Place: place, Query: store.Query{Limit: 100}})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Items) != min(like, 100) || page.Total != like {
			t.Errorf("events at %q: %d listed of %d; want %d", place, len(page.Items), page.Total, like)
		}
	}
	if got, _ := ranking(t, s, "tripoli"); !slices.Equal(got, want) {
		t.Errorf("the originals rank differently after migration 16")
	}
	checkPages(t, s, want, []struct{ limit, offset int }{{10, 0}, {5, 20}, {50, 0}, {60, 0}, {10, 55}, {10, 60}})
}

// checkPages checks that each page (limit, offset) of a search for
// "tripoli" lists the documents of want at those places.
func checkPages(t *testing.T, s *Store, want []string, pages []struct{ limit, offset int }) {
	t.Helper()
	for _, c := range pages {
		hits, err := s.Search(context.Background(), store.Query{Text: "tripoli", Limit: c.limit, Offset: c.offset})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.DocID)
		}
		n := len(want)
		if w := want[min(c.offset, n):min(c.offset+c.limit, n)]; strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("limit %d offset %d: %q\nwant %q", c.limit, c.offset, got, w)
		}
	}
}

// TestStore_SearchWindow searches 60 synthetic documents with a window of
// 25 (SearchWindow's role): the hits are the 25 most recently stored
// matches in bm25 order, a page past them is empty, the total counts the
// window and says more match; a filter's window holds its own matches.
func TestStore_SearchWindow(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "window.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutBatch(ctx, storetest.Synthetic(60)); err != nil {
		t.Fatal(err)
	}
	ids, rows := ranking(t, s, "tripoli")
	if len(ids) != 60 {
		t.Fatalf("%d documents match; the test needs 60", len(ids))
	}
	// The window: the 25 highest rowids, in rank order.
	newest := slices.Sorted(slices.Values(rows))[60-25]
	var want []string
	for i, id := range ids {
		if rows[i] >= newest {
			want = append(want, id)
		}
	}
	s.window = 25
	checkPages(t, s, want, []struct{ limit, offset int }{{10, 0}, {10, 20}, {25, 0}, {60, 0}, {10, 25}})
	page, err := s.SearchDocuments(ctx, store.Filter{Query: store.Query{Text: "tripoli", Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 25 || !page.Capped || len(page.Items) != 10 {
		t.Errorf("window page: %d items of %d (capped %v); want 10 of 25, capped", len(page.Items), page.Total, page.Capped)
	}
	s.window = 100
	page, err = s.SearchDocuments(ctx, store.Filter{Query: store.Query{Text: "tripoli", Limit: 10}})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 60 || page.Capped {
		t.Errorf("a window wider than the matches: total %d (capped %v); want 60, exact", page.Total, page.Capped)
	}
	page, err = s.SearchDocuments(ctx, store.Filter{Query: store.Query{Text: "tripoli", Limit: 10}, TotalCap: 30})
	if err != nil {
		t.Fatal(err)
	}
	if page.Total != 30 || !page.Capped {
		t.Errorf("TotalCap 30: total %d (capped %v); want 30, capped", page.Total, page.Capped)
	}
}
