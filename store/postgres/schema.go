package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/dedup"
)

// migrations are applied in order; migration i brings the schema to version
// i+1. They mirror store/sqlite's migrations of the same numbers, so that a
// schema version names the same tables and columns in both backends (types
// and indexes are PostgreSQL's own). Never edit a released migration:
// append a new one, with the number the SQLite backend gives it.
var migrations = []string{
	// 1: documents, full-text search over title and text (a tsvector in
	// bodies with a GIN index), one table per annotation layer.
	`
CREATE TABLE documents (
	rowid       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	published   TEXT,            -- RFC 3339 UTC, NULL when unknown
	pub         TEXT COLLATE "C" NOT NULL,   -- published, or '' when unknown: the sort key
	language    TEXT NOT NULL DEFAULT '',
	text_sha256 TEXT NOT NULL UNIQUE,
	chars       INTEGER NOT NULL, -- code points
	n_mentions  INTEGER NOT NULL DEFAULT 0,
	n_entities  INTEGER NOT NULL DEFAULT 0,
	n_quotes    INTEGER NOT NULL DEFAULT 0,
	n_counts    INTEGER NOT NULL DEFAULT 0,
	n_locations INTEGER NOT NULL DEFAULT 0,
	n_events    INTEGER NOT NULL DEFAULT 0,
	ingested    TEXT NOT NULL
);
CREATE INDEX documents_order ON documents(pub DESC, rowid DESC);

-- The rows that refer to a document (bodies, layer rows, sketches, carriers,
-- copies) carry no foreign key: they are written only with their document,
-- in its transaction, and the check of one per row cost more than the rest
-- of the write (docs/scaling.md). Entity and speaker names have no index:
-- their filters are substring matches (ILIKE '%…%'), which a b-tree does
-- not serve.

-- The large columns live apart so that listings and joins read small rows.
-- fts holds the folded words of title and text (fts.go); NULL for copies.
CREATE TABLE bodies (
	rowid  BIGINT PRIMARY KEY, -- documents.rowid
	title  TEXT NOT NULL,
	text   TEXT NOT NULL,
	output TEXT NOT NULL, -- document.Output as JSON, without the text
	fts    tsvector
);
CREATE INDEX bodies_fts ON bodies USING GIN (fts);

CREATE TABLE mentions (
	pub    TEXT COLLATE "C" NOT NULL, -- the document's sort key, copied for ordered scans
	doc    BIGINT NOT NULL,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	"end"  INTEGER NOT NULL,
	text   TEXT NOT NULL,
	type   TEXT NOT NULL,
	kind   TEXT NOT NULL,
	entity INTEGER,
	PRIMARY KEY (doc, idx)
);

CREATE TABLE entities (
	pub        TEXT COLLATE "C" NOT NULL,
	doc        BIGINT NOT NULL,
	idx        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	actor      TEXT COLLATE "C" NOT NULL DEFAULT '',
	n_mentions INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX entities_order ON entities(pub DESC, doc DESC, idx);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE quotes (
	pub           TEXT COLLATE "C" NOT NULL,
	doc           BIGINT NOT NULL,
	idx           INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	text          TEXT NOT NULL,
	direct        BOOLEAN NOT NULL,
	cue           TEXT NOT NULL DEFAULT '',
	speaker       TEXT NOT NULL DEFAULT '',
	speaker_actor TEXT COLLATE "C" NOT NULL DEFAULT '',
	speaker_start INTEGER,
	speaker_end   INTEGER,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX quotes_order ON quotes(pub DESC, doc DESC, idx);

CREATE TABLE counts (
	pub            TEXT COLLATE "C" NOT NULL,
	doc            BIGINT NOT NULL,
	idx            INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	text           TEXT NOT NULL,
	value          DOUBLE PRECISION NOT NULL,
	upper          DOUBLE PRECISION,
	percent        BOOLEAN NOT NULL,
	approx         BOOLEAN NOT NULL,
	qualifier      TEXT NOT NULL DEFAULT '',
	unit           TEXT NOT NULL DEFAULT '',
	currency       TEXT NOT NULL DEFAULT '',
	object         TEXT NOT NULL DEFAULT '',
	category       TEXT NOT NULL DEFAULT '',
	attributed_to  TEXT NOT NULL DEFAULT '',
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX counts_order ON counts(pub DESC, doc DESC, idx);
CREATE INDEX counts_category ON counts(category);

CREATE TABLE locations (
	pub       TEXT COLLATE "C" NOT NULL,
	doc       BIGINT NOT NULL,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT NOT NULL,
	name      TEXT NOT NULL,
	country   TEXT NOT NULL DEFAULT '',
	adm1      TEXT NOT NULL DEFAULT '',
	lat       DOUBLE PRECISION,
	lon       DOUBLE PRECISION,
	feature   TEXT NOT NULL DEFAULT '',
	geonameid BIGINT,
	PRIMARY KEY (doc, idx)
);
CREATE INDEX locations_country ON locations(country);

CREATE TABLE events (
	pub            TEXT COLLATE "C" NOT NULL,
	doc            BIGINT NOT NULL,
	idx            INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	text           TEXT NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	code           TEXT COLLATE "C" NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      DOUBLE PRECISION NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	plover_mode    TEXT NOT NULL DEFAULT '',
	source_name    TEXT,
	source_actor   TEXT COLLATE "C" NOT NULL DEFAULT '',
	target_name    TEXT,
	target_actor   TEXT COLLATE "C" NOT NULL DEFAULT '',
	location       TEXT NOT NULL DEFAULT '',
	country        TEXT NOT NULL DEFAULT '',
	negated        BOOLEAN NOT NULL,
	hypothetical   BOOLEAN NOT NULL,
	reported       BOOLEAN NOT NULL,
	date           TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
);
CREATE INDEX events_order ON events(pub DESC, doc DESC, idx);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
`,
	// 2: copies (outlet, canonical URL, duplicate_of, sketches, carriers): copies.go.
	`
ALTER TABLE documents ADD COLUMN outlet TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN duplicate_of BIGINT; -- documents.rowid
ALTER TABLE documents ADD COLUMN similarity DOUBLE PRECISION;
CREATE INDEX documents_copies ON documents(duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX documents_canonical ON documents(canonical_url) WHERE canonical_url <> '';
CREATE INDEX documents_url ON documents(url) WHERE url <> '';

-- The bottom-k sketch of every original (copies are not indexed).
CREATE TABLE sketches (
	h   BIGINT NOT NULL, -- a shingle hash, as a signed 64-bit integer
	doc BIGINT NOT NULL,
	PRIMARY KEY (h, doc)
);
CREATE INDEX sketches_doc ON sketches(doc);

-- Every outlet that carried a story, keyed by the story's original.
CREATE TABLE carriers (
	story      BIGINT NOT NULL, -- documents.rowid
	outlet     TEXT NOT NULL,
	url        TEXT NOT NULL,
	doc        BIGINT, -- documents.rowid, NULL for an exact copy
	kind       TEXT NOT NULL, -- original, near, exact
	similarity DOUBLE PRECISION NOT NULL,
	seen       TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (story, outlet, url)
);

-- Settings of derived data: dedup_version is the dedup.Version the
-- sketches were made with.
CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO store_meta(key, value) SELECT 'dedup_version', '` + fmt.Sprint(dedup.Version) + `' WHERE NOT EXISTS (SELECT 1 FROM documents);
`,
	// 3: feeds, feed items and the fetch log of newsgraph watch: feeds.go.
	`
CREATE TABLE feeds (
	url           TEXT PRIMARY KEY,
	seq           BIGINT NOT NULL UNIQUE, -- order of first poll
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_poll     TEXT,
	next_poll     TEXT,
	failures      INTEGER NOT NULL DEFAULT 0,
	last_status   INTEGER NOT NULL DEFAULT 0,
	last_error    TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
	feed       TEXT NOT NULL REFERENCES feeds(url) ON DELETE CASCADE,
	key        TEXT NOT NULL,
	seq        BIGINT NOT NULL UNIQUE, -- order first listed, across feeds
	url        TEXT NOT NULL,
	title      TEXT NOT NULL DEFAULT '',
	published  TEXT,
	outlet     TEXT NOT NULL DEFAULT '',
	status     TEXT NOT NULL, -- pending, retry, done, failed
	attempts   INTEGER NOT NULL DEFAULT 0,
	next_try   TEXT COLLATE "C",
	reason     TEXT NOT NULL DEFAULT '',
	doc_id     TEXT NOT NULL DEFAULT '',
	first_seen TEXT NOT NULL,
	PRIMARY KEY (feed, key)
);
CREATE INDEX feed_items_todo ON feed_items(seq) WHERE status IN ('pending', 'retry');

CREATE TABLE fetch_log (
	id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	time        TEXT NOT NULL,
	feed        TEXT NOT NULL,
	url         TEXT NOT NULL,
	kind        TEXT NOT NULL,
	status      INTEGER NOT NULL,
	reason      TEXT NOT NULL,
	error       TEXT NOT NULL DEFAULT '',
	bytes       BIGINT NOT NULL DEFAULT 0,
	duration_ns BIGINT NOT NULL DEFAULT 0,
	doc_id      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX fetch_log_feed ON fetch_log(feed, id);
`,
	// 4: the dashboard's aggregates (aggregate.go): the document's topic and
	// the place of each event and count (an index into the document's
	// locations), back-filled from the output JSON; indexes for grouping
	// and filtering.
	`
ALTER TABLE documents ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc INTEGER;
ALTER TABLE counts ADD COLUMN loc INTEGER;
UPDATE documents SET topic = COALESCE((SELECT b.output::jsonb #>> '{topic,label}' FROM bodies b WHERE b.rowid = documents.rowid), '');
UPDATE events SET loc = (SELECT (b.output::jsonb -> 'events' -> events.idx ->> 'location')::integer FROM bodies b WHERE b.rowid = events.doc);
UPDATE counts SET loc = (SELECT (b.output::jsonb -> 'counts' -> counts.idx ->> 'location')::integer FROM bodies b WHERE b.rowid = counts.doc);
CREATE INDEX documents_topic ON documents(topic);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX locations_point ON locations(lat, lon, name, country, doc);
CREATE INDEX locations_name_doc ON locations(name, doc);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
CREATE INDEX counts_object ON counts(object);
CREATE INDEX counts_located ON counts(loc) WHERE loc IS NOT NULL;
`,
	// 5: revisions of a document id (store.OnConflict: revisions.go) and
	// the word index of speaker and entity names (names.go), as in
	// store/sqlite: documents.revision numbers the texts stored under one
	// id, a previous revision keeps its row and body under
	// store.RevisionID(id, n), superseded and linked to the current one
	// through duplicate_of; name_words holds each word of every quote
	// speaker (kind 1), entity name (2), event source and target name (3)
	// and count attribution (4), in byte order ("C") for prefix ranges.
	`
ALTER TABLE documents ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
ALTER TABLE documents ADD COLUMN superseded BOOLEAN NOT NULL DEFAULT false;
CREATE TABLE name_words (
	kind SMALLINT NOT NULL, -- 1 quote speaker, 2 entity name, 3 event source or target name, 4 count attribution
	word TEXT COLLATE "C" NOT NULL,
	doc  BIGINT NOT NULL, -- documents.rowid
	idx  INTEGER NOT NULL,
	PRIMARY KEY (kind, word, doc, idx)
);
CREATE INDEX name_words_doc ON name_words(doc);
INSERT INTO store_meta(key, value) SELECT 'name_words', '1' WHERE NOT EXISTS (SELECT 1 FROM documents);
`,
	// 6: the corpus layer's events and stories (store.CorpusStore:
	// corpus.go), the tables of store/sqlite's migration 6.
	`
CREATE TABLE corpus_stories (
	id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	title        TEXT NOT NULL,
	first_day    INTEGER NOT NULL,
	last_day     INTEGER NOT NULL,
	num_articles INTEGER NOT NULL
);
CREATE TABLE corpus_story_articles (
	story BIGINT NOT NULL,
	doc   TEXT COLLATE "C" NOT NULL,
	PRIMARY KEY (story, doc)
);
CREATE INDEX corpus_story_articles_doc ON corpus_story_articles(doc);
CREATE TABLE corpus_story_keys (
	match_key TEXT NOT NULL,
	day       INTEGER NOT NULL,
	story     BIGINT NOT NULL,
	PRIMARY KEY (match_key, day, story) -- serves the lookups by key and day span
);
CREATE INDEX corpus_story_keys_story ON corpus_story_keys(story);
CREATE TABLE corpus_events (
	id           BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	match_key    TEXT NOT NULL,
	code         TEXT NOT NULL,
	root         TEXT NOT NULL,
	source       TEXT NOT NULL,
	target       TEXT NOT NULL,
	country      TEXT NOT NULL,
	place        TEXT NOT NULL,
	place_id     INTEGER NOT NULL,
	first_day    INTEGER NOT NULL,
	last_day     INTEGER NOT NULL,
	story        BIGINT NOT NULL,
	num_mentions INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	num_articles INTEGER NOT NULL
);
CREATE INDEX corpus_events_key ON corpus_events(match_key, last_day);
CREATE INDEX corpus_events_story ON corpus_events(story);
CREATE TABLE corpus_event_mentions (
	event       BIGINT NOT NULL,
	doc         TEXT COLLATE "C" NOT NULL,
	event_index INTEGER NOT NULL,
	outlet      TEXT NOT NULL,
	copy_of     TEXT NOT NULL,
	sentence    INTEGER NOT NULL,
	start_cp    INTEGER NOT NULL,
	end_cp      INTEGER NOT NULL,
	confidence  INTEGER NOT NULL,
	day         INTEGER NOT NULL,
	PRIMARY KEY (event, doc, event_index)
);
CREATE INDEX corpus_event_mentions_doc ON corpus_event_mentions(doc);
`,
	// 7: the corpus layer's tracked figures and their values (corpus.go),
	// the tables of store/sqlite's migration 7.
	`
CREATE TABLE corpus_figures (
	id            BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
	match_key     TEXT NOT NULL,
	category      TEXT NOT NULL,
	object        TEXT NOT NULL,
	country       TEXT NOT NULL,
	place         TEXT NOT NULL,
	first_day     INTEGER NOT NULL,
	last_day      INTEGER NOT NULL,
	story         BIGINT NOT NULL,
	num_values    INTEGER NOT NULL,
	latest        DOUBLE PRECISION NOT NULL,
	min_value     DOUBLE PRECISION NOT NULL,
	max_value     DOUBLE PRECISION NOT NULL,
	agreement     DOUBLE PRECISION NOT NULL,
	contradiction BOOLEAN NOT NULL,
	reason        TEXT NOT NULL
);
CREATE INDEX corpus_figures_key ON corpus_figures(match_key, last_day);
CREATE INDEX corpus_figures_story ON corpus_figures(story);
CREATE TABLE corpus_figure_values (
	figure      BIGINT NOT NULL,
	doc         TEXT COLLATE "C" NOT NULL,
	count_index INTEGER NOT NULL,
	outlet      TEXT NOT NULL,
	copy_of     TEXT NOT NULL,
	value       DOUBLE PRECISION NOT NULL,
	approx      BOOLEAN NOT NULL,
	qualifier   TEXT NOT NULL,
	day         INTEGER NOT NULL,
	published   TEXT COLLATE "C" NOT NULL,
	attribution TEXT NOT NULL,
	text        TEXT NOT NULL,
	start_cp    INTEGER NOT NULL,
	end_cp      INTEGER NOT NULL,
	PRIMARY KEY (figure, doc, count_index)
);
CREATE INDEX corpus_figure_values_doc ON corpus_figure_values(doc);
`,
	// 8 and 9: no change here. In store/sqlite they add the ordered code
	// indexes (code, pub, doc, idx) and the derived tables store_stats and
	// place_names that its listings read; this backend's queries and
	// indexes are its own.
	`SELECT 1`,
	`SELECT 1`,
	// 10: a lighter write path (docs/scaling.md): the mentions table is no
	// longer filled (no query reads it; a document's mentions are in its
	// output), and the sketch and name word rows have no index by document
	// (a retired revision's rows are deleted by their keys, revisions.go).
	// Each was an index entry or a row per mention, word or sketch value.
	// store/sqlite's migration 10 changes nothing.
	`
TRUNCATE mentions;
DROP INDEX sketches_doc;
DROP INDEX name_words_doc;
`,
	// 11: revisions in the corpus layer (as store/sqlite's): which text of
	// an article the layer's rows come from, so that a revision's update
	// takes the previous text's rows out (store.CorpusTx.RemoveArticle)
	// instead of keeping them beside the new ones.
	`
CREATE TABLE corpus_articles (
	doc         TEXT COLLATE "C" PRIMARY KEY,
	text_sha256 TEXT NOT NULL
);
`,
	// 12: the word index of names as one tsvector per original (names.go,
	// docs/scaling.md): the words of each entity, quote speaker, count
	// attribution and event's names move from name_words' rows to the layer
	// rows' words column, each original's distinct words of a kind to
	// bodies.names with a GIN index, and name_words is dropped. store/sqlite's
	// migration 12 changes nothing.
	`
ALTER TABLE entities ADD COLUMN words TEXT[];
ALTER TABLE quotes ADD COLUMN words TEXT[];
ALTER TABLE counts ADD COLUMN words TEXT[];
ALTER TABLE events ADD COLUMN words TEXT[];
ALTER TABLE bodies ADD COLUMN names TSVECTOR;
UPDATE quotes x SET words = n.w FROM (SELECT doc, idx, array_agg(word) w FROM name_words WHERE kind = 1 GROUP BY doc, idx) n WHERE x.doc = n.doc AND x.idx = n.idx;
UPDATE entities x SET words = n.w FROM (SELECT doc, idx, array_agg(word) w FROM name_words WHERE kind = 2 GROUP BY doc, idx) n WHERE x.doc = n.doc AND x.idx = n.idx;
UPDATE events x SET words = n.w FROM (SELECT doc, idx, array_agg(word) w FROM name_words WHERE kind = 3 GROUP BY doc, idx) n WHERE x.doc = n.doc AND x.idx = n.idx;
UPDATE counts x SET words = n.w FROM (SELECT doc, idx, array_agg(word) w FROM name_words WHERE kind = 4 GROUP BY doc, idx) n WHERE x.doc = n.doc AND x.idx = n.idx;
` + fillNames + `;
DROP TABLE name_words;
CREATE INDEX bodies_names ON bodies USING GIN (names);
`,
	// 13: fewer b-tree entries per layer row (docs/scaling.md). The codes
	// that filters select documents by (entity and quote speaker actors,
	// event codes, roots, PLOVER types and actors, count categories,
	// location countries) join the name words in bodies.names, one GIN
	// entry per distinct code of a document (names.go), instead of a
	// b-tree entry per row; the layer listings walk documents_order and
	// each document's rows by primary key (query.go keyed) instead of a
	// per-table order index; locations_point, locations_name_doc and
	// counts_object served no filter (only the scans of whole-table
	// aggregates). store/sqlite's migration 13 changes nothing.
	`
DROP INDEX entities_order;
DROP INDEX quotes_order;
DROP INDEX counts_order;
DROP INDEX events_order;
DROP INDEX entities_actor;
DROP INDEX quotes_speaker_actor;
DROP INDEX counts_category;
DROP INDEX counts_object;
DROP INDEX locations_country;
DROP INDEX locations_point;
DROP INDEX locations_name_doc;
DROP INDEX events_root;
DROP INDEX events_code;
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_plover;
` + fillCodes + `;
`,
	// 14: the output JSON compressed by the writer (output_zstd, zstd.go),
	// stored as it comes: STORAGE EXTERNAL, so the server never tries to
	// compress it again, and rows up to a page's worth stay in the heap
	// (toast_tuple_target) instead of going to TOAST chunks, each a heap
	// row, an index entry and their WAL (docs/scaling.md). Rows written
	// before keep their output text. store/sqlite's migration 14 changes
	// nothing.
	`
ALTER TABLE bodies ADD COLUMN output_zstd BYTEA;
ALTER TABLE bodies ALTER COLUMN output_zstd SET STORAGE EXTERNAL;
ALTER TABLE bodies ALTER COLUMN output DROP NOT NULL;
ALTER TABLE bodies SET (toast_tuple_target = 8160);
`,
	// 15: store/sqlite's lighter write path (its migration15.go: no
	// mentions rows, name words and sketches without an index by document,
	// unused indexes dropped, the output compressed), what migrations 10,
	// 13 and 14 did here; this backend changes nothing.
	`SELECT 1`,
	// 16: store/sqlite's full-text index without the copies and its
	// events_location index (its migration16.go); here a search joins
	// documents and keeps the originals (bodies.fts is the document's own
	// column) and the events' place filter is this backend's own: nothing
	// to change.
	`SELECT 1`,
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// Advisory lock keys (pg_advisory_xact_lock) of this package: one for
// migrations, one that write transactions hold so that the copy rule sees
// every document committed before it (see Store.PutBatch).
const (
	lockMigrate = 0x6e657773_67726170 // "newsgrap"
	lockWrite   = 0x6e657773_77726974 // "newswrit"
)

// migrate brings the database to SchemaVersion, one transaction per
// migration under an advisory lock (so that processes opening a new
// database at once apply each migration once), recording each in
// schema_migrations. A database newer than this code is an error.
func migrate(ctx context.Context, db *pgxpool.Pool) error {
	for v := 1; v <= len(migrations); v++ {
		if migrations[v-1] == "" {
			continue // a number assigned to a migration not in this build yet
		}
		applied, err := migrateOne(ctx, db, v)
		if err != nil {
			return fmt.Errorf("postgres: migration %d: %w", v, err)
		}
		_ = applied
	}
	var have int
	if err := db.QueryRow(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("postgres: read schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("postgres: database schema version %d is newer than this program's %d", have, len(migrations))
	}
	return nil
}

// migrateOne applies migration v unless it is recorded; it reports whether
// it applied it.
func migrateOne(ctx context.Context, db *pgxpool.Pool, v int) (bool, error) {
	tx, err := db.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockMigrate)); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return false, err
	}
	var done int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, v).Scan(&done); err != nil {
		return false, err
	}
	if done > 0 {
		return false, tx.Commit(ctx)
	}
	if _, err := tx.Exec(ctx, migrations[v-1]); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, applied) VALUES ($1, $2)`, v, time.Now().UTC().Format(time.RFC3339)); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}
