package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/store"
)

// The write of one batch, in bulk: a handful of statements per batch, not
// per document. Under the write lock (writeTx) nothing else writes, so the
// store reads once what it needs to decide each document (which ids and
// texts are stored, the sketch postings and canonical URLs of the batch),
// decides the documents in order in memory exactly as the one-by-one copy
// rule does (store/sqlite, store/copies.go; an earlier document of the
// batch counts as stored for a later one), reserves their rowids, and
// writes documents, bodies, sketches, carriers and layer rows with COPY and
// multi-row inserts.

// storedDoc is a document the batch may refer to: stored before or earlier
// in the batch.
type storedDoc struct {
	row, story int64 // story: the original's rowid (row itself for an original)
	id         string
	sum        string // hex SHA-256 of the text
	revision   int
	original   bool
	shingles   []uint64 // nil until needed (stored before the batch)
	text       string
}

// batchState is what one batch's decisions read and grow.
type batchState struct {
	byID, bySum map[string]*storedDoc
	postings    map[int64][]int64 // sketch value → originals in rowid order (at most MaxPostings+1)
	urls        map[string][]int64
	docs        map[int64]*storedDoc // candidates by rowid
}

// pending are the rows of the documents decided since the last write.
type pending struct {
	docs, sketches [][]any
	body           bodyRows
	car            carrierRows
	supersede      []supersede // revisions.go
}

// putEach stores ps in the transaction, doing with a changed text under a
// stored id what c says, and returns each one's outcome. A new revision
// (or replacement) is the one step that changes stored rows: the rows
// decided before it are written, the stored revision is retired (its
// index rows removed, renamed), the batch's state is read again and, once
// the new revision is written, the old one is linked to it — so that every
// document is decided on what the one-by-one rule of store/sqlite sees.
func (w *writer) putEach(ctx context.Context, ps []*prepared, c store.OnConflict) ([]store.PutResult, error) {
	out := make([]store.PutResult, len(ps))
	st, err := w.load(ctx, ps)
	if err != nil {
		return nil, err
	}
	rows, err := w.reserve(ctx, len(ps))
	if err != nil {
		return nil, err
	}
	var pd pending
	n := 0
	for i, p := range ps {
		d, o := p.d, p.o
		k := st.byID[d.ID]
		prev, same := 0, false
		if k != nil {
			prev, same = k.revision, k.sum == p.sum
		}
		res := store.Resolve(c, d.ID, prev, same, st.bySum[p.sum] != nil)
		out[i] = res
		switch res.Outcome {
		case store.Unchanged:
			if k == nil {
				k = st.bySum[p.sum]
			}
			pd.car.add(k.story, d.Outlet, carrierURL(d), nil, "exact", 1)
			continue
		case store.Skipped, store.Conflict:
			continue
		}
		var old *storedDoc
		if k != nil { // Revised, Replaced
			if err := w.writePending(ctx, &pd); err != nil {
				return nil, err
			}
			if err := w.retire(ctx, k, d.ID); err != nil {
				return nil, err
			}
			if st, err = w.load(ctx, ps[i:]); err != nil {
				return nil, err
			}
			old = k
		}
		orig, err := w.match(ctx, st, p)
		if err != nil {
			return nil, err
		}
		row := rows[n]
		n++
		z := p.z
		if orig != nil {
			orig.mark(o)
			js, err := json.Marshal(o)
			if err != nil {
				return nil, fmt.Errorf("put %q: encode output: %w", d.ID, err)
			}
			z = compressOutput(js)
		}
		pd.docs = append(pd.docs, []any{row, d.ID, d.Title, d.URL, d.Source, nullStr(o.Published), str(o.Published), d.Language, p.sum,
			d.Index().Rune(len(d.Text)), len(o.Mentions), len(o.Entities), len(o.Quotes), len(o.Counts), len(o.Locations), len(o.Events),
			time.Now().UTC().Format(time.RFC3339), d.Outlet, d.CanonicalURL, orig.link(), orig.sim(), d.Topic, res.Revision})
		sd := &storedDoc{row: row, story: row, id: d.ID, sum: p.sum, revision: res.Revision, original: orig == nil, shingles: p.shingles, text: d.Text}
		st.byID[d.ID], st.bySum[p.sum], st.docs[row] = sd, sd, sd
		if orig != nil {
			sd.story = orig.row
			pd.body.add(row, d.Title, d.Text, z, nil, nil)
			pd.car.add(orig.row, d.Outlet, carrierURL(d), row, "near", orig.similarity)
		} else {
			pd.body.add(row, d.Title, d.Text, z, p.fts, namesOf(d, o))
			pd.car.add(row, d.Outlet, carrierURL(d), row, "original", 1)
			for _, h := range p.sketch {
				pd.sketches = append(pd.sketches, []any{int64(h), row})
				if l := st.postings[int64(h)]; len(l) <= dedup.MaxPostings {
					st.postings[int64(h)] = append(l, row)
				}
			}
			for _, u := range []string{d.CanonicalURL, d.URL} {
				if u != "" && !slices.Contains(st.urls[u], row) {
					st.urls[u] = append(st.urls[u], row)
				}
			}
			w.layerRows(p, row) // a copy's annotations are not indexed (store/copies.go)
		}
		if old != nil {
			pd.supersede = append(pd.supersede, supersede{old: old.row, row: row, replace: res.Outcome == store.Replaced})
			if err := w.writePending(ctx, &pd); err != nil {
				return nil, err
			}
			if st, err = w.load(ctx, ps[i+1:]); err != nil {
				return nil, err
			}
		}
	}
	if err := w.writePending(ctx, &pd); err != nil {
		return nil, err
	}
	return out, nil
}

// writePending writes the rows decided since the last write, then links
// retired revisions to their successors, and empties pd.
func (w *writer) writePending(ctx context.Context, pd *pending) error {
	if err := w.write(ctx, pd.docs, pd.body, pd.sketches, pd.car); err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	for _, s := range pd.supersede {
		if err := w.link(ctx, s); err != nil {
			return err
		}
	}
	*pd = pending{}
	return nil
}

// load reads what the batch's decisions need: the stored documents with an
// id or text of the batch, the postings of its sketch values and the
// originals at its canonical URLs.
func (w *writer) load(ctx context.Context, ps []*prepared) (*batchState, error) {
	st := &batchState{byID: map[string]*storedDoc{}, bySum: map[string]*storedDoc{}, postings: map[int64][]int64{},
		urls: map[string][]int64{}, docs: map[int64]*storedDoc{}}
	var ids, sums, urls []string
	var hs []int64
	seen := map[int64]bool{}
	for _, p := range ps {
		ids, sums = append(ids, p.d.ID), append(sums, p.sum)
		for _, h := range p.sketch {
			if !seen[int64(h)] {
				seen[int64(h)] = true
				hs = append(hs, int64(h))
			}
		}
		if p.d.CanonicalURL != "" && len(p.shingles) > 0 {
			urls = append(urls, p.d.CanonicalURL)
		}
	}
	rows, err := w.tx.Query(ctx, `SELECT rowid, COALESCE(duplicate_of, rowid), id, text_sha256, revision, duplicate_of IS NULL FROM documents
		WHERE id = ANY($1) OR text_sha256 = ANY($2)`, ids, sums)
	if err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	for rows.Next() {
		k := &storedDoc{}
		if err := rows.Scan(&k.row, &k.story, &k.id, &k.sum, &k.revision, &k.original); err != nil {
			rows.Close()
			return nil, fmt.Errorf("find copies: %w", err)
		}
		st.byID[k.id], st.bySum[k.sum] = k, k
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find copies: %w", err)
	}
	if len(hs) > 0 {
		if err := w.postings(ctx, st, hs); err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
	}
	if len(urls) > 0 {
		rows, err := w.tx.Query(ctx, `SELECT rowid, canonical_url, url FROM documents WHERE duplicate_of IS NULL AND NOT superseded
			AND (canonical_url = ANY($1) OR url = ANY($1)) ORDER BY rowid`, urls)
		if err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
		for rows.Next() {
			var row int64
			var cu, u string
			if err := rows.Scan(&row, &cu, &u); err != nil {
				rows.Close()
				return nil, fmt.Errorf("find copies: %w", err)
			}
			for _, x := range []string{cu, u} {
				if x != "" && !slices.Contains(st.urls[x], row) {
					st.urls[x] = append(st.urls[x], row)
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("find copies: %w", err)
		}
	}
	return st, nil
}

// postingsRows bounds the rows of the one index scan that reads a batch's
// postings (postings): a row per sketch value found, on average, is plenty
// for a news stream; a stream with many values of more than
// dedup.MaxPostings originals (boilerplate) reads the rest value by value.
var postingsRows = 4

// postings reads into st.postings the originals (at most
// dedup.MaxPostings+1, in rowid order) listed under each sketch value of
// hs. First one ordered index scan of every value (h = ANY: a sixth of the
// server CPU of a probe per value, docs/scaling.md), stopped after
// postingsRows rows per value; when it stops early, the values from the
// last one it reached on are read again with a probe each, bounded per
// value, so that a value shared by many documents never reads them all.
func (w *writer) postings(ctx context.Context, st *batchState, hs []int64) error {
	slices.Sort(hs)
	limit := postingsRows * len(hs)
	rows, err := w.tx.Query(ctx, `SELECT h, doc FROM sketches WHERE h = ANY($1) ORDER BY h, doc LIMIT $2`, hs, limit)
	if err != nil {
		return err
	}
	n, last := 0, int64(0)
	for rows.Next() {
		var h, doc int64
		if err := rows.Scan(&h, &doc); err != nil {
			rows.Close()
			return err
		}
		n, last = n+1, h
		if l := st.postings[h]; len(l) <= dedup.MaxPostings {
			st.postings[h] = append(l, doc)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if n < limit {
		return nil // every value's postings read
	}
	delete(st.postings, last) // perhaps cut short: read again below
	rest := hs[sort.Search(len(hs), func(i int) bool { return hs[i] >= last }):]
	rows, err = w.tx.Query(ctx, `SELECT v.h, s.doc FROM unnest($1::bigint[]) v(h)
		CROSS JOIN LATERAL (SELECT doc FROM sketches WHERE h = v.h ORDER BY doc LIMIT $2) s ORDER BY v.h, s.doc`, rest, dedup.MaxPostings+1)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h, doc int64
		if err := rows.Scan(&h, &doc); err != nil {
			return err
		}
		st.postings[h] = append(st.postings[h], doc)
	}
	return rows.Err()
}

// match returns the original p copies, nil when p is an original: the
// candidates of store/sqlite's copy rule (originals sharing at least
// dedup.MinShared sketch values that are not boilerplate, at most
// maxCandidates of them, most shared first; up to 4 originals at p's
// canonical URL) compared in full.
func (w *writer) match(ctx context.Context, st *batchState, p *prepared) (*copyMatch, error) {
	var cands []int64
	if p.sketch != nil {
		shared := map[int64]int{}
		for _, h := range p.sketch {
			docs := st.postings[int64(h)]
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
			cands = append(cands, c.doc)
		}
	}
	if u := p.d.CanonicalURL; u != "" && len(p.shingles) > 0 {
		l := st.urls[u]
		cands = append(cands, l[:min(len(l), 4)]...)
	}
	if len(cands) == 0 {
		return nil, nil
	}
	if err := w.texts(ctx, st, cands); err != nil {
		return nil, err
	}
	var best *copyMatch
	var bestJ float64
	for _, doc := range cands {
		c := st.docs[doc]
		if c == nil || !c.original {
			continue
		}
		if c.shingles == nil {
			c.shingles = dedup.Shingles(c.text)
		}
		o, j := dedup.Compare(p.shingles, c.shingles)
		if o < dedup.Threshold {
			continue
		}
		if best == nil || o > best.similarity || (o == best.similarity && (j > bestJ || (j == bestJ && doc < best.row))) {
			best, bestJ = &copyMatch{row: doc, id: c.id, similarity: o}, j
		}
	}
	return best, nil
}

// texts reads the stored candidates among rows that the batch has not read yet.
func (w *writer) texts(ctx context.Context, st *batchState, cands []int64) error {
	var need []int64
	for _, r := range cands {
		if st.docs[r] == nil && !slices.Contains(need, r) {
			need = append(need, r)
		}
	}
	if len(need) == 0 {
		return nil
	}
	rows, err := w.tx.Query(ctx, `SELECT d.rowid, d.id, b.text, d.duplicate_of IS NULL FROM documents d JOIN bodies b ON b.rowid = d.rowid
		WHERE d.rowid = ANY($1)`, need)
	if err != nil {
		return fmt.Errorf("find copies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		c := &storedDoc{}
		if err := rows.Scan(&c.row, &c.id, &c.text, &c.original); err != nil {
			return fmt.Errorf("find copies: %w", err)
		}
		c.story = c.row
		st.docs[c.row] = c
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("find copies: %w", err)
	}
	return nil
}

// reserve takes n rowids from the documents' identity sequence, in
// increasing order (the write lock keeps other writers out meanwhile, so
// insertion order is rowid order as Each needs).
func (w *writer) reserve(ctx context.Context, n int) ([]int64, error) {
	rows, err := w.tx.Query(ctx, `SELECT nextval(pg_get_serial_sequence('documents', 'rowid')) FROM generate_series(1, $1)`, n)
	if err != nil {
		return nil, fmt.Errorf("reserve rowids: %w", err)
	}
	ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("reserve rowids: %w", err)
	}
	slices.Sort(ids)
	return ids, nil
}

// bodyRows are the bodies of a batch, for COPY; the search vector is nil
// for a copy (not searched).
type bodyRows [][]any

func (b *bodyRows) add(row int64, title, text string, output []byte, fts, names any) {
	*b = append(*b, []any{row, title, text, output, fts, names})
}

// carrierRows are the carriers of a batch, as columns for unnest.
type carrierRows struct {
	story             []int64
	outlet, url, kind []string
	doc               []*int64
	similarity        []float64
	seen              []string
}

func (c *carrierRows) add(story int64, outlet, url string, doc any, kind string, similarity float64) {
	var dp *int64
	if r, ok := doc.(int64); ok {
		dp = &r
	}
	c.story, c.outlet, c.url, c.doc = append(c.story, story), append(c.outlet, outlet), append(c.url, url), append(c.doc, dp)
	c.kind, c.similarity, c.seen = append(c.kind, kind), append(c.similarity, similarity), append(c.seen, now())
}

var documentColumns = []string{"rowid", "id", "title", "url", "source", "published", "pub", "language", "text_sha256", "chars",
	"n_mentions", "n_entities", "n_quotes", "n_counts", "n_locations", "n_events", "ingested", "outlet", "canonical_url", "duplicate_of",
	"similarity", "topic", "revision"}

// write stores the batch's rows: documents first (bodies and carriers
// refer to them), then the rest.
func (w *writer) write(ctx context.Context, docs [][]any, b bodyRows, sketches [][]any, car carrierRows) error {
	if len(docs) == 0 && len(sketches) == 0 && len(car.story) == 0 {
		return nil
	}
	// The inserts read no table: a generic plan, made once per connection,
	// serves them (a custom plan would copy the batch's texts into the
	// plan's constants every time).
	if _, err := w.tx.Exec(ctx, `SET LOCAL plan_cache_mode = force_generic_plan`); err != nil {
		return fmt.Errorf("plan mode: %w", err)
	}
	if len(docs) > 0 {
		if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{"documents"}, documentColumns, pgx.CopyFromRows(docs)); err != nil {
			return fmt.Errorf("insert documents: %w", err)
		}
		if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{"bodies"}, []string{"rowid", "title", "text", "output_zstd", "fts", "names"}, pgx.CopyFromRows(b)); err != nil {
			return fmt.Errorf("insert bodies: %w", err)
		}
	}
	if len(sketches) > 0 {
		if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{"sketches"}, []string{"h", "doc"}, pgx.CopyFromRows(sketches)); err != nil {
			return fmt.Errorf("index sketches: %w", err)
		}
	}
	if len(car.story) > 0 {
		if _, err := w.tx.Exec(ctx, `INSERT INTO carriers(story, outlet, url, doc, kind, similarity, seen)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::text[], $6::float8[], $7::text[]) ON CONFLICT DO NOTHING`,
			car.story, car.outlet, car.url, car.doc, car.kind, car.similarity, car.seen); err != nil {
			return fmt.Errorf("record carriers: %w", err)
		}
	}
	if _, err := w.tx.Exec(ctx, `SET LOCAL plan_cache_mode = force_custom_plan`); err != nil {
		return fmt.Errorf("plan mode: %w", err)
	}
	return nil
}
