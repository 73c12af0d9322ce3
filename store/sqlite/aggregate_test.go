package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_Aggregator(t *testing.T) {
	storetest.TestAggregator(t, func(t *testing.T) (store.Store, store.Aggregator) {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "agg.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, s
	})
}

// TestMigration2_BackFills shows that a store written before the dashboard's
// migration (4; it was 2 on its branch)
// gets its documents' topics and its events' and counts' places from the
// stored output.
func TestMigration2_BackFills(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v1.db")
	// Write the documents, then take the file back to version 1: what
	// migration 2 added is dropped, as in a file that older code wrote.
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, storetest.AggregatorDocs(t)); err != nil {
		t.Fatal(err)
	}
	uncompressOutputs(t, s) // older code wrote the output as text
	if _, err := s.db.Exec(`UPDATE documents SET topic = ''; UPDATE events SET loc = NULL; UPDATE counts SET loc = NULL;
		DELETE FROM schema_migrations WHERE version = 4`); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DROP INDEX documents_topic`, `DROP INDEX documents_source`,
		`DROP INDEX documents_listed_topic`, `DROP INDEX documents_listed_source`, // migration 9's, on the dropped column
		`DROP INDEX events_plover`, `DROP INDEX locations_point`,
		`DROP INDEX locations_name_doc`, `DROP INDEX quotes_speaker_actor`, `DROP INDEX IF EXISTS counts_object` /* migration 15 dropped it */, `DROP INDEX counts_located`,
		`ALTER TABLE documents DROP COLUMN topic`, `ALTER TABLE events DROP COLUMN loc`, `ALTER TABLE counts DROP COLUMN loc`} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	s.Close()
	s, err = Open(ctx, path) // applies the dashboard's migration (4) again, back-filling
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var topic string
	var eventLocs, countLocs int
	if err := s.db.QueryRow(`SELECT (SELECT topic FROM documents WHERE id = 'geneva-talks'), (SELECT COUNT(loc) FROM events), (SELECT COUNT(loc) FROM counts)`).
		Scan(&topic, &eventLocs, &countLocs); err != nil {
		t.Fatal(err)
	}
	if topic != "politics" || eventLocs != 2 || countLocs != 1 {
		t.Errorf("after migration: topic %q, %d located events (want 2), %d located counts (want 1)", topic, eventLocs, countLocs)
	}
}

// uncompressOutputs rewrites s's bodies as code before migration 15 wrote
// them: the output JSON as text.
func uncompressOutputs(t *testing.T, s *Store) {
	t.Helper()
	rows, err := s.db.Query(`SELECT rowid, output, output_s2 FROM bodies`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for rows.Next() {
		var row int64
		var js string
		var z []byte
		if err := rows.Scan(&row, &js, &z); err != nil {
			t.Fatal(err)
		}
		b, err := storedOutput(js, z)
		if err != nil {
			t.Fatal(err)
		}
		out[row] = string(b)
	}
	rows.Close()
	for row, js := range out {
		if _, err := s.db.Exec(`UPDATE bodies SET output = ?, output_s2 = NULL WHERE rowid = ?`, js, row); err != nil {
			t.Fatal(err)
		}
	}
}
