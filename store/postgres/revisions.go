package postgres

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/store"
)

// Revisions (migration 5), as store/sqlite keeps them: a changed text under
// a stored id (store.Resolve decides what to do) retires the stored row —
// its annotation, sketch and name rows are deleted, its search vector
// cleared, its id renamed to store.RevisionID(id, n) and the row marked
// superseded — before the new text is inserted under the id; then link
// points the retired row and its copies at the new row (so, like a copy,
// it is unlisted and Document still reads it) and moves its carriers to
// the new story, or, for ConflictReplace, deletes it.

// supersede is a retired row (old) and the row of its successor.
type supersede struct {
	old, row int64
	replace  bool
}

// retire takes the stored document k out of the indexes and renames it to
// its revision id, freeing id for the new text. Its sketch rows are found
// by their keys (made again from its stored text: sketches has no index by
// document, migration 10); its name words go with its layer rows and its
// bodies row's names (migration 12).
func (w *writer) retire(ctx context.Context, k *storedDoc, id string) error {
	var text string
	if err := w.tx.QueryRow(ctx, `SELECT text FROM bodies WHERE rowid = $1`, k.row).Scan(&text); err != nil {
		return fmt.Errorf("retire revision: %w", err)
	}
	var hs []int64
	if sh := dedup.Shingles(text); k.original && dedup.Eligible(sh) {
		for _, h := range dedup.Sketch(sh, dedup.SketchSize) {
			hs = append(hs, int64(h))
		}
	}
	_, err := w.tx.Exec(ctx, `WITH e AS (DELETE FROM entities WHERE doc = $1),
		q AS (DELETE FROM quotes WHERE doc = $1), c AS (DELETE FROM counts WHERE doc = $1), l AS (DELETE FROM locations WHERE doc = $1),
		v AS (DELETE FROM events WHERE doc = $1), s AS (DELETE FROM sketches WHERE h = ANY($3::bigint[]) AND doc = $1),
		b AS (UPDATE bodies SET fts = NULL, names = NULL WHERE rowid = $1 AND (fts IS NOT NULL OR names IS NOT NULL))
		UPDATE documents SET id = $2, superseded = true WHERE rowid = $1`, k.row, store.RevisionID(id, k.revision), hs)
	if err != nil {
		return fmt.Errorf("retire revision: %w", err)
	}
	return nil
}

// link points the retired row s.old and its copies at s.row and moves the
// story's carriers (those the new row's story has already stay as they
// are, as SQLite's UPDATE OR IGNORE leaves them); with replace the retired
// row is deleted with what refers to it.
func (w *writer) link(ctx context.Context, s supersede) error {
	stmts := []string{
		`UPDATE documents SET duplicate_of = $1 WHERE duplicate_of = $2 OR rowid = $2`,
		`UPDATE carriers c SET story = $1 WHERE c.story = $2
			AND NOT EXISTS (SELECT 1 FROM carriers x WHERE x.story = $1 AND x.outlet = c.outlet AND x.url = c.url)`,
	}
	if s.replace {
		stmts = append(stmts,
			`DELETE FROM carriers WHERE story = $2 AND $1::bigint IS NOT NULL`,
			`UPDATE carriers SET doc = NULL WHERE doc = $2 AND $1::bigint IS NOT NULL`,
			`DELETE FROM bodies WHERE rowid = $2 AND $1::bigint IS NOT NULL`,
			`DELETE FROM documents WHERE rowid = $2 AND $1::bigint IS NOT NULL`)
	}
	for _, q := range stmts {
		if _, err := w.tx.Exec(ctx, q, s.row, s.old); err != nil {
			return fmt.Errorf("link revision: %w", err)
		}
	}
	return nil
}
