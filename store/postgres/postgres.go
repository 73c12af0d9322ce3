// Package postgres is newsgraph's PostgreSQL store: store.Store,
// store.CopyStore, store.FeedStore, store.Aggregator and store.CorpusStore
// (corpus.go) over pgx v5 with a
// connection pool, versioned migrations that mirror store/sqlite's (schema
// version N names the same tables and columns in both backends), and
// full-text search with a tsvector ('simple' configuration) and a GIN index
// (fts.go).
//
// The tables are those of the SQLite backend: documents (metadata, the
// text's SHA-256, per-layer counts), bodies (the exact text, the output
// contract JSON without the text, the search vector) and one table per
// annotation layer keyed by (document rowid, index in layer), with code
// point offsets; evidence sentences are cut from the stored text at query
// time (substr counts characters).
//
// Writes: PutBatch stores a batch in one transaction with idempotent
// upserts keyed by document id and text hash (INSERT … ON CONFLICT DO
// NOTHING on both unique keys), so a batch redelivered after a crash
// stores nothing twice. Write transactions of every process take one
// advisory lock (lockWrite) before they look for copies: the copy rule
// (store/copies.go) must see every document committed before it, as it
// does in SQLite, whose writers take turns too. The lock is held for the
// database part of a batch only; documents are encoded before it is taken.
//
// The package duplicates the SQLite backend's query building and row
// encoding in PostgreSQL's dialect ($n placeholders, ILIKE, tsquery,
// RETURNING, COPY); a shared layer (store/internal) is a later refactor.
package postgres

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// Store is a newsgraph store in a PostgreSQL database. It is safe for
// concurrent use, and any number of processes may open the same database.
type Store struct {
	db  *pgxpool.Pool
	url string
}

var (
	_ store.Store      = (*Store)(nil)
	_ store.CopyStore  = (*Store)(nil)
	_ store.FeedStore  = (*Store)(nil)
	_ store.Aggregator = (*Store)(nil)
)

// IsURL reports whether db names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsURL(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Open connects to the database at url (postgres://user@host:port/dbname,
// with libpq's parameters), migrates it to the current schema and returns
// the store. The database must exist.
func Open(ctx context.Context, url string) (*Store, error) {
	if !IsURL(url) {
		return nil, fmt.Errorf("postgres: %q is not a postgres:// URL", url)
	}
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	if !strings.Contains(url, "pool_max_conns") {
		cfg.MaxConns = int32(max(4, runtime.NumCPU()))
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["plan_cache_mode"]; !ok {
		// Plan every statement for its arguments and the tables' current
		// size: a generic plan made while a table was small (a new
		// database) would keep scanning it whole after it has grown.
		cfg.ConnConfig.RuntimeParams["plan_cache_mode"] = "force_custom_plan"
	}
	// Bodies are compressed with lz4 where the server has it: pglz took
	// a sixth of the write's server CPU.
	cfg.AfterConnect = func(ctx context.Context, c *pgx.Conn) error {
		c.TypeMap().RegisterType(&pgtype.Type{Name: "tsvector", OID: tsvectorOID, Codec: tsvectorCodec{}})
		_, err := c.Exec(ctx, `SELECT set_config('default_toast_compression', 'lz4', false)
			WHERE EXISTS (SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals))`)
		return err
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	db, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("postgres: open %s: %w", redact(url), err)
	}
	if err := db.Ping(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: %w", redact(url), err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	// The sketches were made with some dedup parameters; another version's
	// would not find copies. (SQLite rebuilds them; a PostgreSQL store has
	// only ever had this version: a rebuild is future work.)
	var v string
	if err := db.QueryRow(ctx, `SELECT COALESCE((SELECT value FROM store_meta WHERE key = 'dedup_version'), '')`).Scan(&v); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: dedup version: %w", err)
	}
	if v != fmt.Sprint(dedup.Version) {
		db.Close()
		return nil, fmt.Errorf("postgres: open %s: its copy sketches were made with dedup version %q, this program uses %d (rebuilding them is not implemented for PostgreSQL)", redact(url), v, dedup.Version)
	}
	if err := backfillNames(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &Store{db: db, url: url}, nil
}

// redact hides a password in url for messages.
func redact(url string) string {
	at := strings.LastIndexByte(url, '@')
	scheme := strings.Index(url, "://")
	if at < 0 || scheme < 0 || at < scheme {
		return url
	}
	user := url[scheme+3 : at]
	if i := strings.IndexByte(user, ':'); i >= 0 {
		return url[:scheme+3] + user[:i] + ":***" + url[at:]
	}
	return url
}

// URL returns the address the store was opened with (password hidden).
func (s *Store) URL() string { return redact(s.url) }

// Ping reports whether the server answers (queue.Pinger).
func (s *Store) Ping(ctx context.Context) error { return s.db.Ping(ctx) }

// Close closes the connection pool.
func (s *Store) Close() error {
	s.db.Close()
	return nil
}

// Put stores d with all its annotations in one transaction; see store.Store.
func (s *Store) Put(ctx context.Context, d *document.Document) (bool, error) {
	n, err := s.PutBatch(ctx, []*document.Document{d})
	return n == 1, err
}

// PutBatch stores docs in one transaction; see store.Store.
func (s *Store) PutBatch(ctx context.Context, docs []*document.Document) (int, error) {
	res, err := s.PutEach(ctx, docs, store.PutOptions{})
	if err != nil {
		return 0, err
	}
	n := 0
	for _, r := range res {
		if r.Outcome.Inserted() {
			n++
		}
	}
	return n, nil
}

// PutEach stores docs in one transaction, doing with a changed text under
// a stored id what opt.OnConflict says (store.Resolve); see store.Store.
func (s *Store) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	c, err := store.ParseOnConflict(string(opt.OnConflict))
	if err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	out := make([]store.PutResult, len(docs))
	var ps []*prepared
	var at []int // index in docs of each of ps
	for i, d := range docs {
		if d == nil {
			out[i] = store.PutResult{Outcome: store.Unchanged}
			continue
		}
		if d.ID == "" {
			return nil, fmt.Errorf("postgres: put: document with empty id (text starts %q)", d.Text[:min(len(d.Text), 40)])
		}
		p, err := encode(d)
		if err != nil {
			return nil, fmt.Errorf("postgres: put %q: %w", d.ID, err)
		}
		ps, at = append(ps, p), append(at, i)
	}
	if len(ps) == 0 {
		return out, nil
	}
	err = s.writeTx(ctx, func(w *writer) error {
		res, err := w.putEach(ctx, ps, c)
		if err != nil {
			return fmt.Errorf("postgres: put: %w", err)
		}
		for j, r := range res {
			out[at[j]] = r
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writeTx runs fn in a write transaction holding the write lock, then
// copies the layer rows fn collected and commits.
func (s *Store) writeTx(ctx context.Context, fn func(*writer) error) error {
	tx, err := s.db.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fmt.Errorf("postgres: begin: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockWrite)); err != nil {
		return fmt.Errorf("postgres: write lock: %w", err)
	}
	w := &writer{tx: tx, layers: map[string][][]any{}}
	if err := fn(w); err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: commit: %w", err)
	}
	return nil
}

// prepared is a document encoded for storing, outside the write lock.
type prepared struct {
	d        *document.Document
	o        *document.Output
	z        []byte // o as JSON, before the copy rule marks it, compressed (zstd.go)
	sum      string // hex SHA-256 of the text
	shingles []uint64
	sketch   []uint64 // when eligible (dedup.Eligible)
	fts      tsvector // the search vector of title and text (fts.go)
}

func encode(d *document.Document) (*prepared, error) {
	o := d.Output(document.OutputOptions{})
	js, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("encode output: %w", err)
	}
	sum := sha256.Sum256([]byte(d.Text))
	p := &prepared{d: d, o: o, z: compressOutput(js), sum: hex.EncodeToString(sum[:]), shingles: dedup.Shingles(d.Text)}
	if dedup.Eligible(p.shingles) {
		p.sketch = dedup.Sketch(p.shingles, dedup.SketchSize)
	}
	p.fts = tsVector(d.Title, d.Text)
	return p, nil
}

// writer is one write transaction: putBatch (batch.go) decides and writes
// the documents and collects the layer rows for one COPY per table.
type writer struct {
	tx     pgx.Tx
	layers map[string][][]any
}

// layerColumns are the columns of each layer table, in COPY order.
var layerColumns = map[string][]string{
	"mentions": {"pub", "doc", "idx", "start", "end", "text", "type", "kind", "entity"},
	"entities": {"pub", "doc", "idx", "name", "type", "actor", "n_mentions", "start", "end", "words"},
	"quotes":   {"pub", "doc", "idx", "start", "end", "text", "direct", "cue", "speaker", "speaker_actor", "speaker_start", "speaker_end", "words"},
	"counts": {"pub", "doc", "idx", "start", "end", "text", "value", "upper", "percent", "approx", "qualifier", "unit", "currency", "object",
		"category", "attributed_to", "sentence_start", "sentence_end", "loc", "words"},
	"locations": {"pub", "doc", "idx", "start", "end", "text", "name", "country", "adm1", "lat", "lon", "feature", "geonameid"},
	"events": {"pub", "doc", "idx", "start", "end", "text", "sentence_start", "sentence_end", "code", "root", "quad", "goldstein",
		"plover", "plover_mode", "source_name", "source_actor", "target_name", "target_actor", "location", "country", "negated", "hypothetical",
		"reported", "date", "loc", "words"},
}

// layerOrder is the order the layer tables are copied in.
var layerOrder = []string{"mentions", "entities", "quotes", "counts", "locations", "events"}

func (w *writer) flush(ctx context.Context) error {
	for _, t := range layerOrder {
		rows := w.layers[t]
		if len(rows) == 0 {
			continue
		}
		if _, err := w.tx.CopyFrom(ctx, pgx.Identifier{t}, layerColumns[t], pgx.CopyFromRows(rows)); err != nil {
			return fmt.Errorf("postgres: copy %s: %w", t, err)
		}
		delete(w.layers, t)
	}
	return nil
}

func nullStr(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func now() string { return time.Now().UTC().Format(time.RFC3339Nano) }

// layerRows collects the annotation rows of one stored original.
func (w *writer) layerRows(p *prepared, row int64) {
	d, o := p.d, p.o
	pub := str(o.Published)
	add := func(t string, vals ...any) { w.layers[t] = append(w.layers[t], vals) }
	// No mentions rows (migration 10): no query reads them, and a
	// document's mentions are in its output (bodies).
	for i, e := range o.Entities {
		start, end := 0, 0
		if len(e.Mentions) > 0 && e.Mentions[0] >= 0 && e.Mentions[0] < len(o.Mentions) {
			start, end = o.Mentions[e.Mentions[0]].Start, o.Mentions[e.Mentions[0]].End
		}
		add("entities", pub, row, i, e.Name, e.Type, str(e.Actor), len(e.Mentions), start, end, nameWords(e.Name))
	}
	for i, q := range o.Quotes {
		var name string
		var ss, se any
		if q.Speaker != nil {
			name, ss, se = q.Speaker.Name, q.Speaker.Start, q.Speaker.End
		}
		add("quotes", pub, row, i, q.Start, q.End, q.Text, q.Direct, str(q.Cue), name, quoteActor(d, q), ss, se, nameWords(name))
	}
	sentence := func(byteOff int, fallback document.OutSpan) document.OutSpan {
		if k := d.SentenceAt(byteOff); k >= 0 && k < len(o.Sentences) {
			return o.Sentences[k]
		}
		return fallback
	}
	for i, c := range o.Counts {
		sp := sentence(d.Counts[i].Start, document.OutSpan{Start: c.Start, End: c.End})
		add("counts", pub, row, i, c.Start, c.End, c.Text, c.Value, nullFloat(c.Upper), c.Percent, c.Approx,
			str(c.Qualifier), str(c.Unit), str(c.Currency), str(c.Object), str(c.Category), str(c.AttributedTo), sp.Start, sp.End,
			nullInt(c.Location), nameWords(str(c.AttributedTo)))
	}
	for i, l := range o.Locations {
		add("locations", pub, row, i, l.Start, l.End, l.Text, l.Name, str(l.Country), str(l.Adm1),
			nullFloat(l.Lat), nullFloat(l.Lon), str(l.Feature), nullInt(l.GeonameID))
	}
	for i, e := range o.Events {
		sp := document.OutSpan{Start: e.Start, End: e.End}
		if e.Sentence >= 0 && e.Sentence < len(o.Sentences) {
			sp = o.Sentences[e.Sentence]
		} else {
			sp = sentence(d.Events[i].Start, sp)
		}
		var srcName, tgtName any
		var srcActor, tgtActor string
		if e.Source != nil {
			srcName, srcActor = e.Source.Name, str(e.Source.Actor)
		}
		if e.Target != nil {
			tgtName, tgtActor = e.Target.Name, str(e.Target.Actor)
		}
		var loc, country string
		if e.Location != nil && *e.Location < len(o.Locations) {
			loc, country = o.Locations[*e.Location].Name, str(o.Locations[*e.Location].Country)
		}
		add("events", pub, row, i, e.Start, e.End, e.Text, sp.Start, sp.End, e.Code, e.Root, e.Quad, e.Goldstein,
			str(e.Plover), str(e.PloverMode), srcName, srcActor, tgtName, tgtActor, loc, country, e.Negated, e.Hypothetical,
			e.Reported, str(e.Date), nullInt(e.Location), nameWords(eventNames(e)))
	}
}

// Document returns one stored document with text and annotations.
func (s *Store) Document(ctx context.Context, id string) (*document.Output, error) {
	var js *string
	var z []byte
	var text string
	err := s.db.QueryRow(ctx, `SELECT b.output, b.output_zstd, b.text FROM documents d JOIN bodies b ON b.rowid = d.rowid WHERE d.id = $1`, id).Scan(&js, &z, &text)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("postgres: document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: document %q: %w", id, err)
	}
	o, err := decodeOutput(js, z, text)
	if err == nil {
		o.ID = id // a previous revision is kept under its revision id
	}
	return o, err
}

func decodeOutput(js *string, z []byte, text string) (*document.Output, error) {
	b, err := storedOutput(js, z)
	if err != nil {
		return nil, err
	}
	var o document.Output
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, fmt.Errorf("postgres: decode stored document: %w", err)
	}
	o.Text = &text
	return &o, nil
}

// Each streams every document in insertion order; see store.Store.
func (s *Store) Each(ctx context.Context, fn func(*document.Output) error) error {
	const chunk = 64
	last := int64(0)
	type rec struct {
		row      int64
		id, text string
		js       *string
		z        []byte
	}
	buf := make([]rec, 0, chunk)
	for {
		buf = buf[:0]
		rows, err := s.db.Query(ctx, `SELECT b.rowid, d.id, b.output, b.output_zstd, b.text FROM bodies b JOIN documents d ON d.rowid = b.rowid
			WHERE b.rowid > $1 ORDER BY b.rowid LIMIT $2`, last, chunk)
		if err != nil {
			return fmt.Errorf("postgres: each: %w", err)
		}
		for rows.Next() {
			var r rec
			if err := rows.Scan(&r.row, &r.id, &r.js, &r.z, &r.text); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: each: %w", err)
			}
			buf = append(buf, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: each: %w", err)
		}
		for _, r := range buf {
			o, err := decodeOutput(r.js, r.z, r.text)
			if err != nil {
				return err
			}
			o.ID = r.id
			if err := fn(o); err != nil {
				return err
			}
			last = r.row
		}
		if len(buf) < chunk {
			return nil
		}
	}
}

// Stats counts what is stored.
func (s *Store) Stats(ctx context.Context) (store.Stats, error) {
	var st store.Stats
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FILTER (WHERE duplicate_of IS NULL),
		COALESCE(SUM(n_mentions) FILTER (WHERE duplicate_of IS NULL), 0)::bigint, COALESCE(SUM(n_entities) FILTER (WHERE duplicate_of IS NULL), 0)::bigint,
		COALESCE(SUM(n_quotes) FILTER (WHERE duplicate_of IS NULL), 0)::bigint, COALESCE(SUM(n_counts) FILTER (WHERE duplicate_of IS NULL), 0)::bigint,
		COALESCE(SUM(n_locations) FILTER (WHERE duplicate_of IS NULL), 0)::bigint, COALESCE(SUM(n_events) FILTER (WHERE duplicate_of IS NULL), 0)::bigint,
		COUNT(*) FILTER (WHERE duplicate_of IS NOT NULL AND NOT superseded) FROM documents`).
		Scan(&st.Documents, &st.Mentions, &st.Entities, &st.Quotes, &st.Counts, &st.Locations, &st.Events, &st.Copies)
	if err != nil {
		return st, fmt.Errorf("postgres: stats: %w", err)
	}
	return st, nil
}
