package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/dedup"
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

// findCopy reports whether p's id or text is stored (known), and otherwise
// the stored original p copies (nil when p is an original).
func (w *writer) findCopy(ctx context.Context, p *prepared) (known bool, m *copyMatch, err error) {
	var one int
	err = w.tx.QueryRow(ctx, `SELECT 1 FROM documents WHERE id = $1 OR text_sha256 = $2 LIMIT 1`, p.d.ID, p.sum).Scan(&one)
	if err == nil {
		return true, nil, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return false, nil, fmt.Errorf("find copies: %w", err)
	}
	var cands []int64
	if p.sketch != nil {
		if cands, err = w.sketchCandidates(ctx, p.sketch); err != nil {
			return false, nil, err
		}
	}
	if u := p.d.CanonicalURL; u != "" && len(p.shingles) > 0 {
		// A page that names a stored page as its canonical address is a
		// candidate even when too short for sketches.
		rows, err := w.tx.Query(ctx, `SELECT rowid FROM documents WHERE duplicate_of IS NULL AND (canonical_url = $1 OR url = $1) ORDER BY rowid LIMIT 4`, u)
		if err != nil {
			return false, nil, fmt.Errorf("find copies: %w", err)
		}
		more, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return false, nil, fmt.Errorf("find copies: %w", err)
		}
		cands = append(cands, more...)
	}
	if len(cands) == 0 {
		return false, nil, nil
	}
	rows, err := w.tx.Query(ctx, `SELECT d.rowid, d.id, b.text FROM documents d JOIN bodies b ON b.rowid = d.rowid
		WHERE d.rowid = ANY($1) AND d.duplicate_of IS NULL`, cands)
	if err != nil {
		return false, nil, fmt.Errorf("find copies: %w", err)
	}
	defer rows.Close()
	var best *copyMatch
	var bestJ float64
	for rows.Next() {
		var doc int64
		var id, text string
		if err := rows.Scan(&doc, &id, &text); err != nil {
			return false, nil, fmt.Errorf("find copies: %w", err)
		}
		o, j := dedup.Compare(p.shingles, dedup.Shingles(text))
		if o < dedup.Threshold {
			continue
		}
		if best == nil || o > best.similarity || (o == best.similarity && (j > bestJ || (j == bestJ && doc < best.row))) {
			best, bestJ = &copyMatch{row: doc, id: id, similarity: o}, j
		}
	}
	if err := rows.Err(); err != nil {
		return false, nil, fmt.Errorf("find copies: %w", err)
	}
	return false, best, nil
}

// sketchCandidates returns the originals sharing at least dedup.MinShared
// of the sketch values sk, at most maxCandidates, most shared first; values
// listed under more than dedup.MaxPostings originals are boilerplate and
// ignored.
func (w *writer) sketchCandidates(ctx context.Context, sk []uint64) ([]int64, error) {
	hs := make([]int64, len(sk))
	for i, h := range sk {
		hs[i] = int64(h)
	}
	rows, err := w.tx.Query(ctx, `SELECT v.h, s.doc FROM unnest($1::bigint[]) v(h)
		CROSS JOIN LATERAL (SELECT doc FROM sketches WHERE h = v.h LIMIT $2) s`, hs, dedup.MaxPostings+1)
	if err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	defer rows.Close()
	perValue := map[int64][]int64{}
	for rows.Next() {
		var h, doc int64
		if err := rows.Scan(&h, &doc); err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
		perValue[h] = append(perValue[h], doc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	shared := map[int64]int{}
	for _, docs := range perValue {
		if len(docs) > dedup.MaxPostings {
			continue
		}
		for _, d := range docs {
			shared[d]++
		}
	}
	type cand struct {
		doc int64
		n   int
	}
	var cs []cand
	for d, n := range shared {
		if n >= dedup.MinShared {
			cs = append(cs, cand{d, n})
		}
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if a.n != b.n {
			return b.n - a.n
		}
		return int(a.doc - b.doc)
	})
	var out []int64
	for _, c := range cs[:min(len(cs), maxCandidates)] {
		out = append(out, c.doc)
	}
	return out, nil
}

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

const insertCarrier = `INSERT INTO carriers(story, outlet, url, doc, kind, similarity, seen) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT DO NOTHING`

// exact records p, not stored because its id or text is, as a carrier of
// the stored document's story.
func (w *writer) exact(ctx context.Context, p *prepared) error {
	var story int64
	err := w.tx.QueryRow(ctx, `SELECT COALESCE(duplicate_of, rowid) FROM documents WHERE id = $1 OR text_sha256 = $2 ORDER BY id = $1 DESC LIMIT 1`,
		p.d.ID, p.sum).Scan(&story)
	if err != nil {
		return fmt.Errorf("record exact copy: %w", err)
	}
	if _, err := w.tx.Exec(ctx, insertCarrier, story, p.d.Outlet, carrierURL(p.d), nil, "exact", 1.0, now()); err != nil {
		return fmt.Errorf("record exact copy: %w", err)
	}
	return nil
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
