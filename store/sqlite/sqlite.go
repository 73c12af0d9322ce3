// Package sqlite is the embedded newsgraph store: SQLite through the pure-Go
// modernc.org/sqlite driver (no cgo), in WAL mode with a busy timeout, FTS5
// over document titles and texts, and a versioned schema (schema.go).
//
// One table holds documents (metadata, the text's SHA-256 and per-layer
// counts), another their bodies (the exact text and the output contract JSON
// without the text); one table per annotation layer
// (mentions, entities, quotes, counts, locations, events) holds the filterable
// fields with code point offsets, keyed by (document rowid, index in layer).
// Sentence texts are not duplicated: SQLite's substr counts code points, so
// evidence sentences are cut from the stored text at query time.
package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// Store is a store.Store over one SQLite file. It is safe for concurrent use;
// several processes may open the same file (writers take turns, waiting up
// to the busy timeout).
type Store struct {
	db       *sql.DB
	path     string
	readOnly bool      // OpenReadOnly
	copies   copyState // see copies.go
	stmts    stmtCache // the writers' prepared statements (stmtcache.go)
	window   int       // the search window when not store.SearchWindow (a test's)
}

var _ store.Store = (*Store)(nil)

// BusyTimeout is how long a writer waits for another writer's lock.
const BusyTimeout = 10 * time.Second

// walCheckpointPages is the WAL size, in pages, at which a commit copies
// it into the database file (PRAGMA wal_autocheckpoint; see Open).
const walCheckpointPages = 16384

// Open opens (creating if needed) the database at path and migrates it to
// the current schema. Any path is accepted: characters that SQLite's URI
// syntax reserves are escaped, so "pct%41.db" opens a file of that name.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	// wal_autocheckpoint: the WAL is copied into the database file once it
	// holds walCheckpointPages pages instead of SQLite's 1,000 (4 MB). A
	// checkpoint copies each page once however many commits rewrote it, so
	// fewer, larger checkpoints copy fewer pages: an ingest of BBC (2,225
	// articles) made 24,357 preads, 78,197 pwrites and 65 fsyncs with
	// 1,000, and 10,244, 64,064 and 11 with 16,384 (strace -c). The WAL
	// stays durable either way (synchronous=NORMAL: a commit is in the WAL
	// file; a crash or kill loses no committed transaction), and it is
	// bounded: at most walCheckpointPages pages (64 MB) before it is reused.
	dsn := fmt.Sprintf("file:%s?_pragma=busy_timeout(%d)&_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)&_pragma=cache_size(-32000)&_pragma=temp_store(MEMORY)&_pragma=wal_autocheckpoint(%d)&_txlock=immediate",
		uriPath(path), BusyTimeout.Milliseconds(), walCheckpointPages)
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db.SetMaxOpenConns(max(4, runtime.NumCPU()))
	db.SetMaxIdleConns(max(4, runtime.NumCPU()))
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := migrate(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	if err := backfillNames(ctx, db); err != nil {
		db.Close()
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	return &Store{db: db, path: path}, nil
}

// ReaderConns is the connection pool size of a read-only store.
var ReaderConns = max(8, 2*runtime.NumCPU())

// OpenReadOnly opens the existing database at path for reading only
// (SQLite mode=ro, query_only): it never writes, switches the journal mode
// or migrates, so it works on a file the user may not write. A database
// whose schema is older or newer than this program's is an error saying
// so; writes through the store fail.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("sqlite: empty database path")
	}
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("sqlite: open %s: %w", path, err)
	}
	db, err := openRO(ctx, path, "mode=ro")
	if err != nil && isReadOnlyDir(err) {
		// A WAL database in a directory we may not write: SQLite cannot
		// create the shared-memory file, so read it as immutable (no
		// locks; a writer in another process is not seen until reopening).
		db, err = openRO(ctx, path, "mode=ro&immutable=1")
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: open %s read-only: %w", path, err)
	}
	return &Store{db: db, path: path, readOnly: true}, nil
}

func openRO(ctx context.Context, path, mode string) (*sql.DB, error) {
	// mmap: a reader reads pages in place instead of copying each into its
	// cache (a command's first query on a fresh connection reads many).
	dsn := fmt.Sprintf("file:%s?%s&_pragma=busy_timeout(%d)&_pragma=query_only(1)&_pragma=cache_size(-32000)&_pragma=temp_store(MEMORY)&_pragma=mmap_size(1073741824)",
		uriPath(path), mode, BusyTimeout.Milliseconds())
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(ReaderConns)
	db.SetMaxIdleConns(ReaderConns)
	if err := checkVersion(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// isReadOnlyDir reports SQLite's SQLITE_READONLY_DIRECTORY and
// SQLITE_CANTOPEN answers to a read-only open of a WAL database.
func isReadOnlyDir(err error) bool {
	m := err.Error()
	return strings.Contains(m, "readonly database") || strings.Contains(m, "unable to open")
}

// checkVersion reports an error unless db's schema is SchemaVersion.
func checkVersion(ctx context.Context, db *sql.DB) error {
	var have int
	err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have)
	if err != nil {
		if strings.Contains(err.Error(), "no such table") {
			return errors.New("not a newsgraph database (no schema_migrations table)")
		}
		return err
	}
	if have <= SchemaVersion {
		// A gap counts as older too: the first migration of this build the
		// file lacks (migrations are recorded one by one, see migrate).
		for v := 1; v <= SchemaVersion; v++ {
			if migrations[v-1] == "" {
				continue
			}
			var done int
			if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, v).Scan(&done); err != nil {
				return err
			}
			if done == 0 {
				have = v - 1
				break
			}
		}
	}
	switch {
	case have < SchemaVersion:
		return fmt.Errorf("database schema version %d is older than this program's %d; open it once for writing to migrate it (newsgraph ingest --db FILE PATH)", have, SchemaVersion)
	case have > SchemaVersion:
		return fmt.Errorf("database schema version %d is newer than this program's %d; use a newer newsgraph", have, SchemaVersion)
	}
	var names int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM store_meta WHERE key = 'name_words' AND value = '1'`).Scan(&names); err != nil {
		return err
	}
	if names == 0 {
		return errors.New("the name index of this database is not built yet; open it once for writing (newsgraph ingest --db FILE PATH)")
	}
	return nil
}

// uriPath escapes path for a SQLite URI filename: '%', '?' and '#' are
// percent-encoded (SQLite decodes them), everything else is kept.
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
}

// Path returns the database file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close lets SQLite refresh its planner statistics (PRAGMA optimize) and
// closes the database.
func (s *Store) Close() error {
	if !s.readOnly {
		s.db.Exec(`PRAGMA optimize`) // best effort: a busy database skips it
	}
	s.stmts.close()
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("sqlite: close: %w", err)
	}
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
		switch r.Outcome {
		case store.Stored, store.Revised, store.Replaced:
			n++
		}
	}
	return n, nil
}

// PutEach stores docs in one transaction; see store.Store.
func (s *Store) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	if len(docs) == 0 {
		return nil, nil
	}
	c, err := store.ParseOnConflict(string(opt.OnConflict))
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	if s.readOnly {
		return nil, fmt.Errorf("sqlite: put: %s is open read-only", s.path)
	}
	if err := s.readyCopies(ctx); err != nil {
		return nil, err
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put: begin: %w", err)
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer w.close()
	out := make([]store.PutResult, len(docs))
	for i, d := range docs {
		if d == nil {
			out[i] = store.PutResult{Outcome: store.Unchanged}
			continue
		}
		if d.ID == "" {
			return nil, fmt.Errorf("sqlite: put: document with empty id (text starts %q)", d.Text[:min(len(d.Text), 40)])
		}
		r, err := w.put(ctx, d, c)
		if err != nil {
			return nil, fmt.Errorf("sqlite: put %q: %w", d.ID, err)
		}
		out[i] = r
	}
	if err := w.flush(ctx); err != nil {
		return nil, fmt.Errorf("sqlite: put: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: put: commit: %w", err)
	}
	return out, nil
}

// writer holds the prepared statements of one write transaction.
type writer struct {
	tx             *cachedTx
	doc, body, fts *sql.Stmt
	copies         *copyWriter // the copy rule (copies.go)
	// The annotation rows, inserted many to a statement (rowbuf.go); flush
	// writes the rest.
	entity, quote, count, location, event, words *rowBuf
	// ftsRows are the documents to index in documents_fts, inserted by
	// flushFTS after the batch's other rows: FTS5 keeps pending rows in
	// memory until a statement savepoint (a statement whose table has a
	// trigger, e.g. documents or locations) or the commit, and writing
	// them out once per document instead of once per batch cost about a
	// fifth of PutBatch on BBC.
	ftsRows []ftsRow
}

type ftsRow struct {
	row         int64
	title, text string
}

// flush inserts the queued annotation rows, then indexes the pending
// ftsRows. It runs before the commit and before anything deletes or reads
// annotation rows in the transaction.
func (w *writer) flush(ctx context.Context) error {
	for _, b := range []*rowBuf{w.entity, w.quote, w.count, w.location, w.event, w.words} {
		if err := b.flush(ctx, w.tx); err != nil {
			return err
		}
	}
	for _, r := range w.ftsRows {
		if _, err := w.fts.ExecContext(ctx, r.row, r.title, r.text); err != nil {
			return fmt.Errorf("index text: %w", err)
		}
	}
	w.ftsRows = w.ftsRows[:0]
	return nil
}

func newWriter(ctx context.Context, tx *cachedTx) (*writer, error) {
	c, err := newCopyWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	w := &writer{tx: tx, copies: c,
		entity: newRowBuf("entities", `INSERT INTO entities(pub, doc, idx, name, type, actor, n_mentions, start, "end") VALUES`, "", 9),
		quote: newRowBuf("quotes", `INSERT INTO quotes(pub, doc, idx, start, "end", text, direct, cue, speaker, speaker_actor, speaker_start, speaker_end)
			VALUES`, "", 12),
		count: newRowBuf("counts", `INSERT INTO counts(pub, doc, idx, start, "end", text, value, upper, percent, approx, qualifier, unit, currency, object,
			category, attributed_to, sentence_start, sentence_end, loc) VALUES`, "", 19),
		location: newRowBuf("locations", `INSERT INTO locations(pub, doc, idx, start, "end", text, name, country, adm1, lat, lon, feature, geonameid)
			VALUES`, "", 13),
		event: newRowBuf("events", `INSERT INTO events(pub, doc, idx, start, "end", text, sentence_start, sentence_end, code, root, quad, goldstein,
			plover, plover_mode, source_name, source_actor, target_name, target_actor, location, country, negated, hypothetical,
			reported, date, loc) VALUES`, "", 25),
		words: newRowBuf("name words", `INSERT OR IGNORE INTO name_words(kind, word, doc, idx) VALUES`, "", 4),
	}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.doc, `INSERT INTO documents(id, title, url, source, published, pub, language, text_sha256, chars,
			n_mentions, n_entities, n_quotes, n_counts, n_locations, n_events, ingested, outlet, canonical_url, duplicate_of, similarity, topic, revision)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING`},
		{&w.body, `INSERT INTO bodies(rowid, title, text, output, output_s2) VALUES (?,?,?,'',?)`},
		{&w.fts, `INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			w.close()
			return nil, fmt.Errorf("sqlite: prepare: %w", err)
		}
		*st.dst = p
	}
	return w, nil
}

func (w *writer) close() {
	w.copies.close()
	for _, p := range []*sql.Stmt{w.doc, w.body, w.fts} {
		if p != nil {
			p.Close()
		}
	}
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

// put inserts one document, doing with a stored id what c says.
func (w *writer) put(ctx context.Context, d *document.Document, c store.OnConflict) (store.PutResult, error) {
	res, old, done, err := w.conflict(ctx, d, c)
	if done || err != nil {
		return res, err
	}
	ok, row, err := w.insert(ctx, d, res.Revision)
	if err != nil || !ok {
		return store.PutResult{Outcome: store.Unchanged}, err
	}
	if old != nil {
		if err := w.supersede(ctx, old, row, c == store.ConflictReplace); err != nil {
			return res, err
		}
	}
	return res, nil
}

// insert inserts one document as revision rev; it reports false when its
// text is stored (under another id).
func (w *writer) insert(ctx context.Context, d *document.Document, rev int) (bool, int64, error) {
	o := d.Output(document.OutputOptions{})
	orig, err := w.copies.find(ctx, d)
	if err != nil {
		return false, 0, err
	}
	orig.mark(o)
	js, err := json.Marshal(o)
	if err != nil {
		return false, 0, fmt.Errorf("encode output: %w", err)
	}
	sum := sha256.Sum256([]byte(d.Text))
	ix := d.Index()
	res, err := w.doc.ExecContext(ctx, d.ID, d.Title, d.URL, d.Source, nullStr(o.Published), str(o.Published), d.Language,
		hex.EncodeToString(sum[:]), ix.Rune(len(d.Text)),
		len(o.Mentions), len(o.Entities), len(o.Quotes), len(o.Counts), len(o.Locations), len(o.Events),
		time.Now().UTC().Format(time.RFC3339), d.Outlet, d.CanonicalURL, orig.link(), orig.sim(), d.Topic, rev)
	if err != nil {
		return false, 0, fmt.Errorf("insert document: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err == nil {
			err = w.copies.exact(ctx, d)
		}
		return false, 0, err
	}
	row, err := res.LastInsertId()
	if err != nil {
		return false, 0, fmt.Errorf("insert document: %w", err)
	}
	if err := w.copies.stored(ctx, d, row, orig); err != nil {
		return false, 0, err
	}
	pub := str(o.Published)
	if _, err := w.body.ExecContext(ctx, row, d.Title, d.Text, compressOutput(js)); err != nil {
		return false, 0, fmt.Errorf("insert body: %w", err)
	}
	if orig != nil {
		return true, row, nil // a copy's annotations are not indexed (store/copies.go)
	}
	w.ftsRows = append(w.ftsRows, ftsRow{row, d.Title, d.Text})
	// No mentions rows (migration 15): no query reads them; a document's
	// mentions are in its output.
	for i, e := range o.Entities {
		start, end := 0, 0
		if len(e.Mentions) > 0 && e.Mentions[0] >= 0 && e.Mentions[0] < len(o.Mentions) {
			start, end = o.Mentions[e.Mentions[0]].Start, o.Mentions[e.Mentions[0]].End
		}
		if err := w.entity.add(ctx, w.tx, pub, row, i, e.Name, e.Type, str(e.Actor), len(e.Mentions), start, end); err != nil {
			return false, 0, err
		}
		if err := w.addWords(ctx, wordsEntity, row, i, e.Name); err != nil {
			return false, 0, err
		}
	}
	for i, q := range o.Quotes {
		var name, actor string
		var ss, se any
		if q.Speaker != nil {
			name, ss, se = q.Speaker.Name, q.Speaker.Start, q.Speaker.End
			if q.Speaker.Entity != nil && *q.Speaker.Entity < len(d.Entities) {
				actor = d.Entities[*q.Speaker.Entity].Actor
			}
		}
		if err := w.quote.add(ctx, w.tx, pub, row, i, q.Start, q.End, q.Text, q.Direct, str(q.Cue), name, actor, ss, se); err != nil {
			return false, 0, err
		}
		if err := w.addWords(ctx, wordsSpeaker, row, i, name); err != nil {
			return false, 0, err
		}
	}
	sentence := func(byteOff int, fallback document.OutSpan) document.OutSpan {
		if k := d.SentenceAt(byteOff); k >= 0 && k < len(o.Sentences) {
			return o.Sentences[k]
		}
		return fallback
	}
	for i, c := range o.Counts {
		sp := sentence(d.Counts[i].Start, document.OutSpan{Start: c.Start, End: c.End})
		if err := w.count.add(ctx, w.tx, pub, row, i, c.Start, c.End, c.Text, c.Value, nullFloat(c.Upper), c.Percent, c.Approx,
			str(c.Qualifier), str(c.Unit), str(c.Currency), str(c.Object), str(c.Category), str(c.AttributedTo), sp.Start, sp.End,
			nullInt(c.Location)); err != nil {
			return false, 0, err
		}
		if err := w.addWords(ctx, wordsCount, row, i, str(c.AttributedTo)); err != nil {
			return false, 0, err
		}
	}
	for i, l := range o.Locations {
		if err := w.location.add(ctx, w.tx, pub, row, i, l.Start, l.End, l.Text, l.Name, str(l.Country), str(l.Adm1),
			nullFloat(l.Lat), nullFloat(l.Lon), str(l.Feature), nullInt(l.GeonameID)); err != nil {
			return false, 0, err
		}
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
		if err := w.event.add(ctx, w.tx, pub, row, i, e.Start, e.End, e.Text, sp.Start, sp.End, e.Code, e.Root, e.Quad, e.Goldstein,
			str(e.Plover), str(e.PloverMode), srcName, srcActor, tgtName, tgtActor, loc, country, e.Negated, e.Hypothetical,
			e.Reported, str(e.Date), nullInt(e.Location)); err != nil {
			return false, 0, err
		}
		var names string
		if e.Source != nil {
			names = e.Source.Name
		}
		if e.Target != nil {
			names += " " + e.Target.Name
		}
		if err := w.addWords(ctx, wordsEvent, row, i, names); err != nil {
			return false, 0, err
		}
	}
	return true, row, nil
}

// Document returns one stored document with text and annotations.
func (s *Store) Document(ctx context.Context, id string) (*document.Output, error) {
	var js, text string
	var z []byte
	err := s.db.QueryRowContext(ctx, `SELECT b.output, b.output_s2, b.text FROM documents d JOIN bodies b ON b.rowid = d.rowid WHERE d.id = ?`, id).Scan(&js, &z, &text)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: document %q: %w", id, err)
	}
	o, err := decodeOutput(js, z, text)
	if err == nil {
		o.ID = id // a previous revision is kept under its revision id
	}
	return o, err
}

func decodeOutput(js string, z []byte, text string) (*document.Output, error) {
	b, err := storedOutput(js, z)
	if err != nil {
		return nil, err
	}
	var o document.Output
	if err := json.Unmarshal(b, &o); err != nil {
		return nil, fmt.Errorf("sqlite: decode stored document: %w", err)
	}
	o.Text = &text
	return &o, nil
}

// Each streams every document in insertion order; see store.Store.
func (s *Store) Each(ctx context.Context, fn func(*document.Output) error) error {
	const chunk = 64
	last := int64(0)
	type rec struct {
		row          int64
		id, js, text string
		z            []byte
	}
	buf := make([]rec, 0, chunk)
	for {
		buf = buf[:0]
		rows, err := s.db.QueryContext(ctx, `SELECT b.rowid, d.id, b.output, b.output_s2, b.text FROM bodies b JOIN documents d ON d.rowid = b.rowid WHERE b.rowid > ? ORDER BY b.rowid LIMIT ?`, last, chunk)
		if err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
		}
		for rows.Next() {
			var r rec
			if err := rows.Scan(&r.row, &r.id, &r.js, &r.z, &r.text); err != nil {
				rows.Close()
				return fmt.Errorf("sqlite: each: %w", err)
			}
			buf = append(buf, r)
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return fmt.Errorf("sqlite: each: %w", err)
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
	// store_stats (totals.go) holds the sums, kept by triggers.
	err := s.db.QueryRowContext(ctx, `SELECT documents, mentions, entities, quotes, counts, locations, events, copies FROM store_stats`).
		Scan(&st.Documents, &st.Mentions, &st.Entities, &st.Quotes, &st.Counts, &st.Locations, &st.Events, &st.Copies)
	if err != nil {
		return st, fmt.Errorf("sqlite: stats: %w", err)
	}
	return st, nil
}
