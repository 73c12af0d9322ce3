package postgres

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// The output JSON is stored compressed by the writer and left as it is by
// the server (no compression of its own), and a row written before
// migration 14 (output text, no output_zstd) reads back the same.
func TestOutput_Compressed(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	docs := storetest.MustDocs(t)
	if _, err := s.PutBatch(ctx, docs); err != nil {
		t.Fatal(err)
	}
	var n, plain, recompressed int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE output IS NOT NULL OR output_zstd IS NULL),
		COUNT(*) FILTER (WHERE pg_column_compression(output_zstd) IS NOT NULL) FROM bodies`).Scan(&n, &plain, &recompressed); err != nil {
		t.Fatal(err)
	}
	if n == 0 || plain != 0 || recompressed != 0 {
		t.Errorf("bodies: %d rows, %d without output_zstd, %d compressed again by the server", n, plain, recompressed)
	}
	each := func() []string {
		var out []string
		if err := s.Each(ctx, func(o *document.Output) error {
			d, err := s.Document(ctx, o.ID)
			if err != nil {
				return err
			}
			a, _ := json.Marshal(o)
			b, _ := json.Marshal(d)
			if string(a) != string(b) {
				t.Errorf("%s: Each and Document differ", o.ID)
			}
			out = append(out, string(a))
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	before := each()
	// As migration 14 leaves the rows written before it.
	rows, err := s.db.Query(ctx, `SELECT rowid, output_zstd FROM bodies`)
	if err != nil {
		t.Fatal(err)
	}
	old := map[int64]string{}
	for rows.Next() {
		var row int64
		var z []byte
		if err := rows.Scan(&row, &z); err != nil {
			t.Fatal(err)
		}
		js, err := storedOutput(nil, z)
		if err != nil {
			t.Fatal(err)
		}
		old[row] = string(js)
	}
	rows.Close()
	for row, js := range old {
		if _, err := s.db.Exec(ctx, `UPDATE bodies SET output = $2, output_zstd = NULL WHERE rowid = $1`, row, js); err != nil {
			t.Fatal(err)
		}
	}
	after := each()
	if len(before) != len(docs) || len(after) != len(before) {
		t.Fatalf("%d documents before, %d after, want %d", len(before), len(after), len(docs))
	}
	for i := range before {
		if before[i] != after[i] {
			t.Errorf("document %d differs read from the output text:\n%s\n%s", i, before[i], after[i])
		}
	}
}
