package sqlite

// Migration 16 takes the copies out of the full-text index, and indexes
// events by their place's name.
//
// The writer indexes originals only (a copy's text is its original's,
// store/copies.go) and a retired revision leaves the index (revisions.go),
// but a store written before that, or replicated by tools/bigstore before
// its fix, indexed every body: a search then had to test each match
// against the copies (documents_copies, built into a set for every
// search). After this migration the index holds the originals alone and a
// search reads it without that test (searchFrom). A row is deleted from
// the index only when it is in it (its documents_fts_docsize row):
// deleting an external content row that was never indexed would corrupt
// the index.
//
// events_location serves the place filter of an events list: the events
// at the names that match (place_names) are read from it instead of a
// LIKE tested on every event in listing order (aggregate.go).
const migration16 = `
INSERT INTO documents_fts(documents_fts, rowid, title, text)
	SELECT 'delete', b.rowid, b.title, b.text FROM bodies b
	WHERE b.rowid IN (SELECT rowid FROM documents WHERE duplicate_of IS NOT NULL)
	AND b.rowid IN (SELECT id FROM documents_fts_docsize);
CREATE INDEX events_location ON events(location);
`

func init() {
	addMigration(16, migration16)
}
