package sqlite

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// A revision of a document stored earlier in the same batch: the writer
// queues annotation and full-text rows until the batch ends (rowbuf.go,
// ftsRows), so retiring the first text must write them first, or the FTS5
// 'delete' would remove postings that were never added.
func TestStore_ReviseWithinBatch(t *testing.T) {
	ctx := context.Background()
	s := openTemp(t)
	docs := storetest.MustDocs(t)
	first := docs[0]
	second := document.New(first.ID, docs[1].Text)
	second.Mentions, second.Entities, second.Quotes = docs[1].Mentions, docs[1].Entities, docs[1].Quotes
	res, err := s.PutEach(ctx, []*document.Document{first, second}, store.PutOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Outcome != store.Stored || res[1].Outcome != store.Revised {
		t.Fatalf("outcomes %v, %v; want stored, revised", res[0].Outcome, res[1].Outcome)
	}
	var ok string
	if err := s.db.QueryRowContext(ctx, `INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')`).Scan(&ok); err != nil && err.Error() != "sql: no rows in result set" {
		t.Fatalf("FTS5 integrity-check: %v", err)
	}
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM entities m JOIN documents d ON d.rowid = m.doc WHERE d.id = ?`, store.RevisionID(first.ID, 1)).Scan(&n); err != nil || n != 0 {
		t.Errorf("entities of the retired revision = %d, %v; want 0", n, err)
	}
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM entities m JOIN documents d ON d.rowid = m.doc WHERE d.id = ?`, first.ID).Scan(&n); err != nil || n != len(second.Entities) {
		t.Errorf("entities of the new text = %d, %v; want %d", n, err, len(second.Entities))
	}
	var hits int
	if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents_fts WHERE documents_fts MATCH ?`, ftsQuery(first.Text[:40])).Scan(&hits); err != nil || hits != 0 {
		t.Errorf("search for the retired text: %d hits, %v; want 0", hits, err)
	}
}
