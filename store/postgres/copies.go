package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// The copy rule of store/copies.go, as store/sqlite implements it: the
// same candidates (sketch postings, canonical URL), the same comparison and
// tie-breaks, the same carrier rows. Write transactions hold the write lock
// (postgres.go), so the candidates a document sees are every original
// committed before it and the earlier ones of its own batch.

// copyMatch is the original a document copies.
type copyMatch struct {
	row        int64
	id         string
	similarity float64
}

// maxCandidates is how many sketch candidates, most shared values first,
// are compared in full (as in store/sqlite).
const maxCandidates = 8

// link and sim are the documents row's duplicate_of and similarity values.
func (m *copyMatch) link() any {
	if m == nil {
		return nil
	}
	return m.row
}

func (m *copyMatch) sim() any {
	if m == nil {
		return nil
	}
	return m.similarity
}

// mark records the match in the document's output.
func (m *copyMatch) mark(o *document.Output) {
	if m == nil {
		return
	}
	sim := m.similarity
	o.DuplicateOf, o.Similarity = m.id, &sim
}

// carrierURL is where d was read from, for its carrier row.
func carrierURL(d *document.Document) string {
	if d.URL != "" {
		return d.URL
	}
	return d.Source
}

// Story returns the story id belongs to; see store.CopyStore.
func (s *Store) Story(ctx context.Context, id string) (store.Story, error) {
	var st store.Story
	var story int64
	err := s.db.QueryRow(ctx, `SELECT COALESCE(d.duplicate_of, d.rowid), COALESCE(o.id, d.id) FROM documents d
		LEFT JOIN documents o ON o.rowid = d.duplicate_of WHERE d.id = $1`, id).Scan(&story, &st.ID)
	if errors.Is(err, pgx.ErrNoRows) {
		return st, fmt.Errorf("postgres: story of %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("postgres: story of %q: %w", id, err)
	}
	rows, err := s.db.Query(ctx, `SELECT COALESCE(d.id, ''), c.outlet, c.url, c.kind, c.similarity FROM carriers c
		LEFT JOIN documents d ON d.rowid = c.doc WHERE c.story = $1
		ORDER BY c.kind <> 'original', c.seen, c.outlet COLLATE "C", c.url COLLATE "C"`, story)
	if err != nil {
		return st, fmt.Errorf("postgres: story of %q: %w", id, err)
	}
	defer rows.Close()
	outlets := map[string]bool{}
	for rows.Next() {
		var c store.Carrier
		if err := rows.Scan(&c.DocID, &c.Outlet, &c.URL, &c.Kind, &c.Similarity); err != nil {
			return st, fmt.Errorf("postgres: story of %q: %w", id, err)
		}
		st.Carriers = append(st.Carriers, c)
		outlets[c.Outlet] = true
	}
	st.NumSources = max(1, len(outlets))
	return st, rows.Err()
}

// NumSources counts each story's outlets; see store.CopyStore.
func (s *Store) NumSources(ctx context.Context, ids []string) (map[string]int, error) {
	out := make(map[string]int, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := s.db.Query(ctx, `SELECT d.id, (SELECT GREATEST(1, COUNT(DISTINCT c.outlet)) FROM carriers c WHERE c.story = COALESCE(d.duplicate_of, d.rowid))
		FROM documents d WHERE d.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: num sources: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("postgres: num sources: %w", err)
		}
		out[id] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: num sources: %w", err)
	}
	return out, nil
}
