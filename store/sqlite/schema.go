package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// migrations are applied in order; migration i brings the schema to version
// i+1. Never edit a released migration: append a new one.
var migrations = []string{
	// 1: documents, FTS5 over title and text, one table per annotation layer.
	`
CREATE TABLE documents (
	rowid       INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	title       TEXT NOT NULL DEFAULT '',
	url         TEXT NOT NULL DEFAULT '',
	source      TEXT NOT NULL DEFAULT '',
	published   TEXT,            -- RFC 3339 UTC, NULL when unknown
	pub         TEXT NOT NULL,   -- published, or '' when unknown: the sort key
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

-- The large columns live apart so that listings and joins read small rows.
CREATE TABLE bodies (
	rowid  INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
	title  TEXT NOT NULL,
	text   TEXT NOT NULL,
	output TEXT NOT NULL -- document.Output as JSON, without the text
);

CREATE VIRTUAL TABLE documents_fts USING fts5(
	title, text, content='bodies', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);

CREATE TABLE mentions (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc    INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	"end"  INTEGER NOT NULL,
	text   TEXT NOT NULL,
	type   TEXT NOT NULL,
	kind   TEXT NOT NULL,
	entity INTEGER,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;

CREATE TABLE entities (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc        INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx        INTEGER NOT NULL,
	name       TEXT NOT NULL,
	type       TEXT NOT NULL,
	actor      TEXT NOT NULL DEFAULT '',
	n_mentions INTEGER NOT NULL,
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX entities_order ON entities(pub DESC, doc DESC, idx);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_actor ON entities(actor);

CREATE TABLE quotes (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc           INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx           INTEGER NOT NULL,
	start         INTEGER NOT NULL,
	"end"         INTEGER NOT NULL,
	text          TEXT NOT NULL,
	direct        INTEGER NOT NULL,
	cue           TEXT NOT NULL DEFAULT '',
	speaker       TEXT NOT NULL DEFAULT '',
	speaker_actor TEXT NOT NULL DEFAULT '',
	speaker_start INTEGER,
	speaker_end   INTEGER,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX quotes_order ON quotes(pub DESC, doc DESC, idx);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE counts (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	text           TEXT NOT NULL,
	value          REAL NOT NULL,
	upper          REAL,
	percent        INTEGER NOT NULL,
	approx         INTEGER NOT NULL,
	qualifier      TEXT NOT NULL DEFAULT '',
	unit           TEXT NOT NULL DEFAULT '',
	currency       TEXT NOT NULL DEFAULT '',
	object         TEXT NOT NULL DEFAULT '',
	category       TEXT NOT NULL DEFAULT '',
	attributed_to  TEXT NOT NULL DEFAULT '',
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX counts_order ON counts(pub DESC, doc DESC, idx);
CREATE INDEX counts_category ON counts(category);

CREATE TABLE locations (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx       INTEGER NOT NULL,
	start     INTEGER NOT NULL,
	"end"     INTEGER NOT NULL,
	text      TEXT NOT NULL,
	name      TEXT NOT NULL,
	country   TEXT NOT NULL DEFAULT '',
	adm1      TEXT NOT NULL DEFAULT '',
	lat       REAL,
	lon       REAL,
	feature   TEXT NOT NULL DEFAULT '',
	geonameid INTEGER,
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX locations_country ON locations(country);

CREATE TABLE events (
	pub TEXT NOT NULL, -- the document's sort key, copied for ordered scans
	doc            INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
	idx            INTEGER NOT NULL,
	start          INTEGER NOT NULL,
	"end"          INTEGER NOT NULL,
	text           TEXT NOT NULL,
	sentence_start INTEGER NOT NULL,
	sentence_end   INTEGER NOT NULL,
	code           TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	plover_mode    TEXT NOT NULL DEFAULT '',
	source_name    TEXT,
	source_actor   TEXT NOT NULL DEFAULT '',
	target_name    TEXT,
	target_actor   TEXT NOT NULL DEFAULT '',
	location       TEXT NOT NULL DEFAULT '',
	country        TEXT NOT NULL DEFAULT '',
	negated        INTEGER NOT NULL,
	hypothetical   INTEGER NOT NULL,
	reported       INTEGER NOT NULL,
	date           TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (doc, idx)
) WITHOUT ROWID;
CREATE INDEX events_order ON events(pub DESC, doc DESC, idx);
CREATE INDEX events_root ON events(root);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_source_actor ON events(source_actor);
CREATE INDEX events_target_actor ON events(target_actor);
`,
	// 2: copies (outlet, canonical URL, duplicate_of, sketches, carriers): copies.go.
	migrationCopies,
	// 3: feeds, feed items and the fetch log of newsgraph watch: feeds.go.
	migrationFeeds,
	// 4: the dashboard's aggregates (store/sqlite/aggregate.go): the document's
	// topic and the place of each event and count (an index into the
	// document's locations), back-filled from the output JSON for stored
	// documents; indexes for grouping and filtering.
	`
ALTER TABLE documents ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN loc INTEGER;
ALTER TABLE counts ADD COLUMN loc INTEGER;
UPDATE documents SET topic = COALESCE((SELECT json_extract(b.output, '$.topic.label') FROM bodies b WHERE b.rowid = documents.rowid), '');
UPDATE events SET loc = (SELECT json_extract(b.output, '$.events[' || events.idx || '].location') FROM bodies b WHERE b.rowid = events.doc);
UPDATE counts SET loc = (SELECT json_extract(b.output, '$.counts[' || counts.idx || '].location') FROM bodies b WHERE b.rowid = counts.doc);
CREATE INDEX documents_topic ON documents(topic);
CREATE INDEX documents_source ON documents(source);
CREATE INDEX events_plover ON events(plover);
CREATE INDEX locations_point ON locations(lat, lon, name, country, doc);
CREATE INDEX locations_name_doc ON locations(name, doc);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor);
CREATE INDEX counts_object ON counts(object);
CREATE INDEX counts_located ON counts(loc) WHERE loc IS NOT NULL;
`,
	// 5: revisions of a document id and the word index of speaker and
	// entity names: revisions.go, names.go.
	migrationRevisions,
}

// SchemaVersion is the schema version this package writes.
var SchemaVersion = len(migrations)

// migrate brings the database to SchemaVersion, one transaction per
// migration, recording each in schema_migrations. A database newer than this
// code is an error.
func migrate(ctx context.Context, db *sql.DB) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: create schema_migrations: %w", err)
	}
	var have int
	if err := db.QueryRowContext(ctx, `SELECT COALESCE(MAX(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return fmt.Errorf("sqlite: read schema version: %w", err)
	}
	if have > len(migrations) {
		return fmt.Errorf("sqlite: database schema version %d is newer than this program's %d", have, len(migrations))
	}
	var missing int
	if err := db.QueryRowContext(ctx, `SELECT ? - COUNT(*) FROM schema_migrations WHERE version <= ?`, len(migrations), len(migrations)).Scan(&missing); err != nil {
		return fmt.Errorf("sqlite: read schema version: %w", err)
	}
	// Every migration not recorded is applied, in order (normally the ones
	// above the file's version; a gap is filled too).
	for v := 1; v <= len(migrations) && missing > 0; v++ {
		if migrations[v-1] == "" {
			continue // a number assigned to a migration not in this build yet (see addMigration)
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
		// Another process may have migrated while we waited for the lock.
		var done int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, v).Scan(&done); err != nil {
			tx.Rollback()
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
		if done > 0 {
			tx.Rollback()
			continue
		}
		if _, err := tx.ExecContext(ctx, migrations[v-1]); err != nil {
			tx.Rollback()
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, applied) VALUES (?, ?)`, v, time.Now().UTC().Format(time.RFC3339)); err != nil {
			tx.Rollback()
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("sqlite: migration %d: %w", v, err)
		}
	}
	return nil
}
