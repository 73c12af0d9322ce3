package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// migrationCopies adds what the copy rule of package store needs (see
// store/copies.go): each document's outlet and canonical URL, the link of a
// copy to its original with their similarity, the MinHash sketches of
// originals (package dedup) and every outlet that carried a story.
var migrationCopies = `
ALTER TABLE documents ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN duplicate_of INTEGER REFERENCES documents(rowid);
ALTER TABLE documents ADD COLUMN similarity REAL;
CREATE INDEX documents_copies ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX documents_canonical ON documents(canonical_url) WHERE canonical_url <> '';
CREATE INDEX documents_url ON documents(url) WHERE url <> '';

-- The bottom-k sketch of every original (copies are not indexed).
CREATE TABLE sketches (
	h   INTEGER NOT NULL, -- a shingle hash, as a signed 64-bit integer
	doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	PRIMARY KEY (h, doc)
) WITHOUT ROWID;
CREATE INDEX sketches_doc ON sketches(doc);

-- Every outlet that carried a story, keyed by the story's original.
CREATE TABLE carriers (
	story      INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	outlet     TEXT NOT NULL,
	url        TEXT NOT NULL,
	doc        INTEGER REFERENCES documents(rowid) ON DELETE SET NULL, -- NULL for an exact copy
	kind       TEXT NOT NULL, -- original, near, exact
	similarity REAL NOT NULL,
	seen       TEXT NOT NULL,
	PRIMARY KEY (story, outlet, url)
) WITHOUT ROWID;

-- Settings of derived data: dedup_version is the dedup.Version the sketches
-- were made with. A database with documents from before this migration gets
-- none, so the first write rebuilds sketches and carriers (backfillCopies).
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store_meta(key, value) SELECT 'dedup_version', '` + fmt.Sprint(dedup.Version) + `' WHERE NOT EXISTS (SELECT 1 FROM documents);
`

var _ store.CopyStore = (*Store)(nil)

// copyMatch is the original a document copies.
type copyMatch struct {
	row        int64
	id         string
	similarity float64
}

// copyWriter is the copy rule's part of a write transaction.
type copyWriter struct {
	tx       *cachedTx
	carrier  *sql.Stmt
	sketch   *sql.Stmt
	postings *sql.Stmt
	known    *sql.Stmt
	body     *sql.Stmt
	shingles []uint64 // of the document being put, between find and stored
}

func newCopyWriter(ctx context.Context, tx *cachedTx) (*copyWriter, error) {
	c := &copyWriter{tx: tx}
	for _, st := range []struct {
		dst **sql.Stmt
		sql string
	}{
		{&c.carrier, `INSERT INTO carriers(story, outlet, url, doc, kind, similarity, seen) VALUES (?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`},
		{&c.sketch, `INSERT INTO sketches(h, doc) VALUES ` + strings.TrimSuffix(strings.Repeat("(?, ?),", dedup.SketchSize), ",") + ` ON CONFLICT DO NOTHING`},
		{&c.postings, postingsQuery()},
		{&c.known, `SELECT 1 FROM documents WHERE id = ? OR text_sha256 = ? LIMIT 1`},
		{&c.body, `SELECT d.id, b.text, d.duplicate_of FROM documents d JOIN bodies b ON b.rowid = d.rowid WHERE d.rowid = ?`},
	} {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			c.close()
			return nil, fmt.Errorf("sqlite: prepare: %w", err)
		}
		*st.dst = p
	}
	return c, nil
}

func (c *copyWriter) close() {
	for _, p := range []*sql.Stmt{c.carrier, c.sketch, c.postings, c.known, c.body} {
		if p != nil {
			p.Close()
		}
	}
}

// find returns the stored original d copies, nil when d is an original (or
// already stored: the insert will find the conflict).
func (c *copyWriter) find(ctx context.Context, d *document.Document) (*copyMatch, error) {
	c.shingles = dedup.Shingles(d.Text)
	sum := sha256.Sum256([]byte(d.Text))
	var one int
	err := c.known.QueryRowContext(ctx, d.ID, hex.EncodeToString(sum[:])).Scan(&one)
	if err == nil {
		return nil, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	cands := map[int64]bool{}
	if dedup.Eligible(c.shingles) {
		if err := c.sketchCandidates(ctx, dedup.Sketch(c.shingles, dedup.SketchSize), cands); err != nil {
			return nil, err
		}
	}
	if u := d.CanonicalURL; u != "" && len(c.shingles) > 0 {
		// A page that names a stored page as its canonical address is a
		// candidate even when too short for sketches.
		rows, err := c.tx.QueryContext(ctx, `SELECT rowid FROM documents WHERE duplicate_of IS NULL AND superseded = 0 AND (canonical_url = ? OR url = ?) ORDER BY rowid LIMIT 4`, u, u)
		if err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
		for rows.Next() {
			var doc int64
			if err := rows.Scan(&doc); err == nil {
				cands[doc] = true
			}
		}
		rows.Close()
	}
	var best *copyMatch
	var bestJ float64
	for doc := range cands {
		var id, text string
		var dup sql.NullInt64
		if err := c.body.QueryRowContext(ctx, doc).Scan(&id, &text, &dup); err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
		if dup.Valid {
			continue
		}
		o, j := dedup.Compare(c.shingles, dedup.Shingles(text))
		if o < dedup.Threshold {
			continue
		}
		if best == nil || o > best.similarity || (o == best.similarity && (j > bestJ || (j == bestJ && doc < best.row))) {
			best, bestJ = &copyMatch{row: doc, id: id, similarity: o}, j
		}
	}
	return best, nil
}

// maxCandidates is how many sketch candidates, most shared values first,
// are compared in full: a copy shares more sketch values with its original
// than texts that only have a passage in common.
const maxCandidates = 8

// postingsQuery selects the originals listed under each of SketchSize
// sketch values, at most dedup.MaxPostings+1 per value, in one statement.
func postingsQuery() string {
	parts := make([]string, dedup.SketchSize)
	for i := range parts {
		parts[i] = fmt.Sprintf("SELECT * FROM (SELECT h, doc FROM sketches WHERE h = ?%d LIMIT %d)", i+1, dedup.MaxPostings+1)
	}
	return strings.Join(parts, " UNION ALL ")
}

// sketchCandidates adds the originals sharing at least dedup.MinShared of
// the sketch values sk; values listed under more than dedup.MaxPostings
// originals are boilerplate and ignored.
func (c *copyWriter) sketchCandidates(ctx context.Context, sk []uint64, cands map[int64]bool) error {
	args := make([]any, dedup.SketchSize)
	for i := range args {
		if i < len(sk) {
			args[i] = int64(sk[i])
		} else {
			args[i] = nil // matches nothing
		}
	}
	rows, err := c.postings.QueryContext(ctx, args...)
	if err != nil {
		return fmt.Errorf("find copies: %w", err)
	}
	defer rows.Close()
	perValue := map[int64][]int64{}
	for rows.Next() {
		var h, doc int64
		if err := rows.Scan(&h, &doc); err != nil {
			return fmt.Errorf("find copies: %w", err)
		}
		perValue[h] = append(perValue[h], doc)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find copies: %w", err)
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
	for _, c := range cs[:min(len(cs), maxCandidates)] {
		cands[c.doc] = true
	}
	return nil
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

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// exact records d, which was not inserted because its id or text is stored,
// as a carrier of the stored document's story.
func (c *copyWriter) exact(ctx context.Context, d *document.Document) error {
	sum := sha256.Sum256([]byte(d.Text))
	var story int64
	err := c.tx.QueryRowContext(ctx, `SELECT COALESCE(duplicate_of, rowid) FROM documents WHERE id = ? OR text_sha256 = ? ORDER BY id = ? DESC LIMIT 1`,
		d.ID, hex.EncodeToString(sum[:]), d.ID).Scan(&story)
	if err != nil {
		return fmt.Errorf("record exact copy: %w", err)
	}
	if _, err := c.carrier.ExecContext(ctx, story, d.Outlet, carrierURL(d), nil, "exact", 1.0, now()); err != nil {
		return fmt.Errorf("record exact copy: %w", err)
	}
	return nil
}

// stored records, for the new document row, its sketch when it is an
// original and its carrier row (the row's outlet, canonical URL and link
// are inserted with it: link and sim).
func (c *copyWriter) stored(ctx context.Context, d *document.Document, row int64, m *copyMatch) error {
	story, kind, similarity := row, "original", 1.0
	if m != nil {
		story, kind, similarity = m.row, "near", m.similarity
	}
	if m == nil && dedup.Eligible(c.shingles) {
		sk := dedup.Sketch(c.shingles, dedup.SketchSize) // Eligible: exactly SketchSize values
		args := make([]any, 0, 2*len(sk))
		for _, h := range sk {
			args = append(args, int64(h), row)
		}
		if _, err := c.sketch.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("index sketch: %w", err)
		}
	}
	if _, err := c.carrier.ExecContext(ctx, story, d.Outlet, carrierURL(d), row, kind, similarity, now()); err != nil {
		return fmt.Errorf("record carrier: %w", err)
	}
	return nil
}

func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?,", n), ",")
}

// Story returns the story id belongs to; see store.CopyStore.
func (s *Store) Story(ctx context.Context, id string) (store.Story, error) {
	var st store.Story
	var story int64
	err := s.db.QueryRowContext(ctx, `SELECT COALESCE(d.duplicate_of, d.rowid), COALESCE(o.id, d.id) FROM documents d
		LEFT JOIN documents o ON o.rowid = d.duplicate_of WHERE d.id = ?`, id).Scan(&story, &st.ID)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("sqlite: story of %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("sqlite: story of %q: %w", id, err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT COALESCE(d.id, ''), c.outlet, c.url, c.kind, c.similarity FROM carriers c
		LEFT JOIN documents d ON d.rowid = c.doc WHERE c.story = ? ORDER BY c.kind <> 'original', c.seen, c.outlet, c.url`, story)
	if err != nil {
		return st, fmt.Errorf("sqlite: story of %q: %w", id, err)
	}
	defer rows.Close()
	outlets := map[string]bool{}
	for rows.Next() {
		var c store.Carrier
		if err := rows.Scan(&c.DocID, &c.Outlet, &c.URL, &c.Kind, &c.Similarity); err != nil {
			return st, fmt.Errorf("sqlite: story of %q: %w", id, err)
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
	const chunk = 500
	for len(ids) > 0 {
		part := ids[:min(chunk, len(ids))]
		ids = ids[len(part):]
		args := make([]any, len(part))
		for i, id := range part {
			args[i] = id
		}
		rows, err := s.db.QueryContext(ctx, `SELECT d.id, (SELECT MAX(1, COUNT(DISTINCT c.outlet)) FROM carriers c WHERE c.story = COALESCE(d.duplicate_of, d.rowid))
			FROM documents d WHERE d.id IN (`+placeholders(len(part))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: num sources: %w", err)
		}
		for rows.Next() {
			var id string
			var n int
			if err := rows.Scan(&id, &n); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: num sources: %w", err)
			}
			out[id] = n
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("sqlite: num sources: %w", err)
		}
	}
	return out, nil
}

// copyState remembers that a store's sketches are current.
type copyState struct {
	mu    sync.Mutex
	ready bool
}

// readyCopies runs backfillCopies once per Store, before its first write.
func (s *Store) readyCopies(ctx context.Context) error {
	s.copies.mu.Lock()
	defer s.copies.mu.Unlock()
	if s.copies.ready {
		return nil
	}
	if err := s.backfillCopies(ctx); err != nil {
		return err
	}
	s.copies.ready = true
	return nil
}

// backfillCopies indexes the originals stored before the copy rule existed
// (or under other dedup parameters) and gives them their carrier rows;
// store_meta's dedup_version says whether it is needed.
func (s *Store) backfillCopies(ctx context.Context) error {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM store_meta WHERE key = 'dedup_version'`).Scan(&v)
	if err == nil && v == fmt.Sprint(dedup.Version) {
		return nil
	}
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("sqlite: dedup version: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: rebuild sketches: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM sketches`); err != nil {
		return fmt.Errorf("sqlite: rebuild sketches: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT b.rowid, b.text FROM bodies b JOIN documents d ON d.rowid = b.rowid WHERE d.duplicate_of IS NULL`)
	if err != nil {
		return fmt.Errorf("sqlite: rebuild sketches: %w", err)
	}
	type rec struct {
		row int64
		sk  []uint64
	}
	var recs []rec
	for rows.Next() {
		var r rec
		var text string
		if err := rows.Scan(&r.row, &text); err != nil {
			rows.Close()
			return fmt.Errorf("sqlite: rebuild sketches: %w", err)
		}
		if sh := dedup.Shingles(text); dedup.Eligible(sh) {
			r.sk = dedup.Sketch(sh, dedup.SketchSize)
			recs = append(recs, r)
		}
	}
	rows.Close()
	for _, r := range recs {
		for _, h := range r.sk {
			if _, err := tx.ExecContext(ctx, `INSERT INTO sketches(h, doc) VALUES (?, ?) ON CONFLICT DO NOTHING`, int64(h), r.row); err != nil {
				return fmt.Errorf("sqlite: rebuild sketches: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO carriers(story, outlet, url, doc, kind, similarity, seen)
		SELECT rowid, outlet, CASE WHEN url <> '' THEN url ELSE source END, rowid, 'original', 1, ingested FROM documents
		WHERE duplicate_of IS NULL ON CONFLICT DO NOTHING`); err != nil {
		return fmt.Errorf("sqlite: rebuild carriers: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO store_meta(key, value) VALUES ('dedup_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, fmt.Sprint(dedup.Version)); err != nil {
		return fmt.Errorf("sqlite: rebuild sketches: %w", err)
	}
	return tx.Commit()
}
