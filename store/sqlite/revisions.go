package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// migrationRevisions (5) adds revisions (store.OnConflict) and the word
// index of speaker and entity names (names.go):
//   - documents.revision numbers the texts stored under one id; a previous
//     revision keeps its row and body under store.RevisionID(id, n), marked
//     superseded and linked to the current one through duplicate_of (so,
//     like a copy, it is unlisted and its annotations are not indexed);
//   - name_words holds each word of every quote speaker (kind 1), entity
//     name (kind 2), event source and target name (kind 3) and count
//     attribution (kind 4), folded to lower case, keyed for prefix lookups,
//     so the speaker and entity filters read an index instead of scanning.
const migrationRevisions = `
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;
CREATE TABLE name_words (
	kind INTEGER NOT NULL, -- 1 quote speaker, 2 entity name, 3 event source or target name, 4 count attribution
	word TEXT NOT NULL,
	doc  INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx  INTEGER NOT NULL,
	PRIMARY KEY (kind, word, doc, idx)
) WITHOUT ROWID;
CREATE INDEX name_words_doc ON name_words(doc);
INSERT INTO store_meta(key, value) SELECT 'name_words', '1' WHERE NOT EXISTS (SELECT 1 FROM documents);
`

// stored is what the writer knows of the document stored under an id.
type storedDoc struct {
	row      int64
	sum      string
	revision int
	indexed  bool // an original: its layers, text and sketch are indexed
}

// conflict decides, before d is inserted, what to do with a stored
// document of the same id. It returns done=true with the result when
// nothing is to be inserted, or the stored document to retire (nil when the
// id is new) and the outcome the insert will have.
func (w *writer) conflict(ctx context.Context, d *document.Document, c store.OnConflict) (res store.PutResult, old *storedDoc, done bool, err error) {
	sum := sha256.Sum256([]byte(d.Text))
	hexSum := hex.EncodeToString(sum[:])
	var o storedDoc
	var dup sql.NullInt64
	err = w.tx.QueryRowContext(ctx, `SELECT rowid, text_sha256, revision, duplicate_of FROM documents WHERE id = ?`, d.ID).
		Scan(&o.row, &o.sum, &o.revision, &dup)
	if errors.Is(err, sql.ErrNoRows) {
		return store.PutResult{Outcome: store.Stored, Revision: 1}, nil, false, nil
	}
	if err != nil {
		return res, nil, false, fmt.Errorf("look up id: %w", err)
	}
	o.indexed = !dup.Valid
	if o.sum == hexSum {
		return store.PutResult{Outcome: store.Unchanged, Revision: o.revision}, nil, true, w.copies.exact(ctx, d)
	}
	var elsewhere int
	if err := w.tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents WHERE text_sha256 = ?`, hexSum).Scan(&elsewhere); err != nil {
		return res, nil, false, fmt.Errorf("look up text: %w", err)
	}
	switch res = store.Resolve(c, d.ID, o.revision, false, elsewhere > 0); res.Outcome {
	case store.Unchanged:
		return res, nil, true, w.copies.exact(ctx, d)
	case store.Skipped, store.Conflict:
		return res, nil, true, nil
	}
	return res, &o, false, w.retire(ctx, &o, d.ID)
}

// retire takes the stored document o out of the indexes and renames it to
// its revision id, freeing id for the new text.
func (w *writer) retire(ctx context.Context, o *storedDoc, id string) error {
	if err := w.flush(ctx); err != nil { // o may be a row of this batch
		return err
	}
	if o.indexed {
		if _, err := w.tx.ExecContext(ctx, `INSERT INTO documents_fts(documents_fts, rowid, title, text) SELECT 'delete', rowid, title, text FROM bodies WHERE rowid = ?`, o.row); err != nil {
			return fmt.Errorf("retire revision: %w", err)
		}
	}
	// name_words and sketches have no index by document (migration 15):
	// their rows are deleted by their keys, made again as the writer made
	// them, from the layer rows' names and from the stored text.
	if err := w.retireKeys(ctx, o); err != nil {
		return fmt.Errorf("retire revision: %w", err)
	}
	for _, t := range []string{"entities", "quotes", "counts", "locations", "events"} {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM `+t+` WHERE doc = ?`, o.row); err != nil {
			return fmt.Errorf("retire revision: %w", err)
		}
	}
	if _, err := w.tx.ExecContext(ctx, `UPDATE documents SET id = ?, superseded = 1 WHERE rowid = ?`, store.RevisionID(id, o.revision), o.row); err != nil {
		return fmt.Errorf("retire revision: %w", err)
	}
	return nil
}

// supersede links the retired document o and its copies to the new row:
// the story goes on under its current revision. With replace the retired
// row is deleted.
func (w *writer) supersede(ctx context.Context, o *storedDoc, row int64, replace bool) error {
	stmts := []string{
		`UPDATE documents SET duplicate_of = ?1 WHERE duplicate_of = ?2 OR rowid = ?2`,
		`UPDATE OR IGNORE carriers SET story = ?1 WHERE story = ?2`,
	}
	if replace {
		stmts = append(stmts, `DELETE FROM documents WHERE rowid = ?2 AND ?1 IS NOT NULL`)
	}
	for _, q := range stmts {
		if _, err := w.tx.ExecContext(ctx, q, row, o.row); err != nil {
			return fmt.Errorf("link revision: %w", err)
		}
	}
	return nil
}

// retireKeys deletes the name_words and sketches rows of the stored
// document o by their keys.
func (w *writer) retireKeys(ctx context.Context, o *storedDoc) error {
	rows, err := w.tx.QueryContext(ctx, `SELECT 2, idx, name FROM entities WHERE doc = ?1
		UNION ALL SELECT 1, idx, speaker FROM quotes WHERE doc = ?1
		UNION ALL SELECT 4, idx, attributed_to FROM counts WHERE doc = ?1
		UNION ALL SELECT 3, idx, COALESCE(source_name, '') || ' ' || COALESCE(target_name, '') FROM events WHERE doc = ?1`, o.row)
	if err != nil {
		return err
	}
	type key struct {
		kind, idx int
		word      string
	}
	var keys []key
	for rows.Next() {
		var kind, idx int
		var name string
		if err := rows.Scan(&kind, &idx, &name); err != nil {
			rows.Close()
			return err
		}
		for _, word := range nameWords(name) {
			keys = append(keys, key{kind, idx, word})
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, k := range keys {
		if _, err := w.tx.ExecContext(ctx, `DELETE FROM name_words WHERE kind = ? AND word = ? AND doc = ? AND idx = ?`, k.kind, k.word, o.row, k.idx); err != nil {
			return err
		}
	}
	if !o.indexed {
		return nil // a copy or a retired revision has no sketch rows
	}
	var text string
	if err := w.tx.QueryRowContext(ctx, `SELECT text FROM bodies WHERE rowid = ?`, o.row).Scan(&text); err != nil {
		return err
	}
	if sh := dedup.Shingles(text); dedup.Eligible(sh) {
		for _, h := range dedup.Sketch(sh, dedup.SketchSize) {
			if _, err := w.tx.ExecContext(ctx, `DELETE FROM sketches WHERE h = ? AND doc = ?`, int64(h), o.row); err != nil {
				return err
			}
		}
	}
	return nil
}
