package sqlite

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// A store written before migration 15 (output as text, mentions rows,
// name_words and sketches with their index by document and foreign key,
// the indexes it drops) reads back the same after it: every document, the
// name filters, and a revision retires the earlier text's name words and
// sketches by their keys.
func TestMigration15(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v14.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	docs := storetest.MustDocs(t)
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	read := func(s *Store) (map[string]string, []store.QuoteRow, []store.EntityRow) {
		t.Helper()
		out := map[string]string{}
		if err := s.Each(ctx, func(o *document.Output) error {
			b, err := json.Marshal(o)
			out[o.ID] = string(b)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		var qs []store.QuoteRow
		var es []store.EntityRow
		for _, d := range docs {
			for _, q := range d.Quotes {
				if q.Speaker != nil && q.Speaker.Name != "" {
					r, err := s.Quotes(ctx, store.Query{Speaker: q.Speaker.Name, Limit: 100})
					if err != nil {
						t.Fatal(err)
					}
					qs = append(qs, r...)
				}
			}
			for _, e := range d.Entities {
				r, err := s.Entities(ctx, store.Query{Entity: e.Name, Limit: 100})
				if err != nil {
					t.Fatal(err)
				}
				es = append(es, r...)
			}
		}
		return out, qs, es
	}
	want, wantQ, wantE := read(s)
	if len(wantQ) == 0 || len(wantE) == 0 {
		t.Fatalf("fixtures: %d speaker and %d entity matches; want some", len(wantQ), len(wantE))
	}
	// Take the file back to version 14, as code before migration 15 wrote it.
	uncompressOutputs(t, s)
	for _, stmt := range []string{
		`DELETE FROM schema_migrations WHERE version = 15`,
		`ALTER TABLE bodies DROP COLUMN output_s2`,
		`CREATE TABLE mentions (pub TEXT NOT NULL, doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE, idx INTEGER NOT NULL,
			start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL, type TEXT NOT NULL, kind TEXT NOT NULL, entity INTEGER,
			PRIMARY KEY (doc, idx)) WITHOUT ROWID`,
		`INSERT INTO mentions SELECT pub, doc, idx, start, "end", name, type, 'name', idx FROM entities`,
		`ALTER TABLE name_words RENAME TO nw`,
		`CREATE TABLE name_words (kind INTEGER NOT NULL, word TEXT NOT NULL, doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
			idx INTEGER NOT NULL, PRIMARY KEY (kind, word, doc, idx)) WITHOUT ROWID`,
		`INSERT INTO name_words SELECT * FROM nw`,
		`DROP TABLE nw`,
		`CREATE INDEX name_words_doc ON name_words(doc)`,
		`ALTER TABLE sketches RENAME TO sk`,
		`CREATE TABLE sketches (h INTEGER NOT NULL, doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE, PRIMARY KEY (h, doc)) WITHOUT ROWID`,
		`INSERT INTO sketches SELECT * FROM sk`,
		`DROP TABLE sk`,
		`CREATE INDEX sketches_doc ON sketches(doc)`,
		`CREATE INDEX entities_name ON entities(name COLLATE NOCASE)`,
		`CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE)`,
		`CREATE INDEX counts_object ON counts(object)`,
	} {
		if _, err := s.db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	var words, sketches int
	if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM name_words), (SELECT COUNT(*) FROM sketches)`).Scan(&words, &sketches); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, path) // applies migration 15
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var z, mentions int
	if err := s.db.QueryRow(`SELECT (SELECT COUNT(output_s2) FROM bodies), (SELECT COUNT(*) FROM sqlite_schema WHERE name IN ('mentions', 'name_words_doc', 'sketches_doc', 'entities_name'))`).Scan(&z, &mentions); err != nil {
		t.Fatal(err)
	}
	if z != 0 || mentions != 0 {
		t.Errorf("after migration 15: %d compressed outputs (want 0: old rows keep their text), %d of the dropped tables and indexes left", z, mentions)
	}
	var words2, sketches2 int
	if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM name_words), (SELECT COUNT(*) FROM sketches)`).Scan(&words2, &sketches2); err != nil {
		t.Fatal(err)
	}
	if words2 != words || sketches2 != sketches || sketches == 0 {
		t.Errorf("name words %d -> %d, sketches %d -> %d; want them copied", words, words2, sketches, sketches2)
	}
	got, gotQ, gotE := read(s)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("documents read back differently after migration 15")
	}
	if !reflect.DeepEqual(gotQ, wantQ) || !reflect.DeepEqual(gotE, wantE) {
		t.Errorf("name filters answer differently after migration 15: %d/%d quotes, %d/%d entities", len(gotQ), len(wantQ), len(gotE), len(wantE))
	}
	// A new text under a stored id retires the old row's name words and
	// sketches (by their keys: no index by document any more).
	var id string
	var row int64
	if err := s.db.QueryRow(`SELECT id, rowid FROM documents d WHERE EXISTS (SELECT 1 FROM name_words w WHERE w.doc = d.rowid)
		AND EXISTS (SELECT 1 FROM sketches k WHERE k.doc = d.rowid) LIMIT 1`).Scan(&id, &row); err != nil {
		t.Fatalf("fixtures: a document with name words and sketches: %v", err)
	}
	var text string
	if err := s.db.QueryRow(`SELECT text FROM bodies WHERE rowid = ?`, row).Scan(&text); err != nil {
		t.Fatal(err)
	}
	var nw, ns int
	if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM name_words WHERE doc = ?1), (SELECT COUNT(*) FROM sketches WHERE doc = ?1)`, row).Scan(&nw, &ns); err != nil {
		t.Fatal(err)
	}
	if nw == 0 || ns == 0 {
		t.Fatalf("%s: %d name words, %d sketches before the revision; want some", id, nw, ns)
	}
	rev := document.New(id, strings.Repeat("A different story about the weather in a town. ", 12))
	res, err := s.PutEach(ctx, []*document.Document{rev}, store.PutOptions{})
	if err != nil || res[0].Outcome != store.Revised {
		t.Fatalf("revision: %v, %v", res, err)
	}
	if err := s.db.QueryRow(`SELECT (SELECT COUNT(*) FROM name_words WHERE doc = ?1), (SELECT COUNT(*) FROM sketches WHERE doc = ?1)`, row).Scan(&nw, &ns); err != nil {
		t.Fatal(err)
	}
	if nw != 0 || ns != 0 {
		t.Errorf("retired revision keeps %d name words and %d sketches; want 0", nw, ns)
	}
	prev, err := s.Document(ctx, store.RevisionID(id, 1))
	if err != nil {
		t.Fatal(err)
	}
	if prev.Text == nil || *prev.Text != text {
		t.Errorf("the retired revision's text did not read back")
	}
}
