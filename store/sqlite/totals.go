package sqlite

import (
	"context"
	"fmt"
	"strings"
)

// statCols are the columns of store_stats (migration 9): what Stats
// answers, kept up to date by triggers on documents so that neither Stats
// nor the total of an unfiltered document listing reads every document.
// Each document row adds its share: an original (duplicate_of NULL) one
// document and its layer counts, a copy that is not a retired revision one
// copy.
var statCols = []struct{ col, share string }{
	{"documents", "(R.duplicate_of IS NULL)"},
	{"mentions", "iif(R.duplicate_of IS NULL, R.n_mentions, 0)"},
	{"entities", "iif(R.duplicate_of IS NULL, R.n_entities, 0)"},
	{"quotes", "iif(R.duplicate_of IS NULL, R.n_quotes, 0)"},
	{"counts", "iif(R.duplicate_of IS NULL, R.n_counts, 0)"},
	{"locations", "iif(R.duplicate_of IS NULL, R.n_locations, 0)"},
	{"events", "iif(R.duplicate_of IS NULL, R.n_events, 0)"},
	{"copies", "(R.duplicate_of IS NOT NULL AND R.superseded = 0)"},
}

// migrationStats creates store_stats, fills it from the stored documents
// and adds the triggers that maintain it.
func migrationStats() string {
	var cols, fill, ins, del, upd []string
	for _, c := range statCols {
		cols = append(cols, c.col+" INTEGER NOT NULL")
		fill = append(fill, "COALESCE(SUM("+strings.ReplaceAll(c.share, "R.", "")+"), 0)")
		n, o := strings.ReplaceAll(c.share, "R.", "NEW."), strings.ReplaceAll(c.share, "R.", "OLD.")
		ins = append(ins, c.col+" = "+c.col+" + "+n)
		del = append(del, c.col+" = "+c.col+" - "+o)
		upd = append(upd, c.col+" = "+c.col+" - "+o+" + "+n)
	}
	return `
CREATE TABLE store_stats (
	id INTEGER PRIMARY KEY CHECK (id = 1),
	` + strings.Join(cols, ",\n\t") + `
);
INSERT INTO store_stats SELECT 1, ` + strings.Join(fill, ", ") + ` FROM documents;
CREATE TRIGGER documents_stats_insert AFTER INSERT ON documents BEGIN
	UPDATE store_stats SET ` + strings.Join(ins, ", ") + `;
END;
CREATE TRIGGER documents_stats_delete AFTER DELETE ON documents BEGIN
	UPDATE store_stats SET ` + strings.Join(del, ", ") + `;
END;
CREATE TRIGGER documents_stats_update AFTER UPDATE OF duplicate_of, superseded, n_mentions, n_entities, n_quotes, n_counts, n_locations, n_events ON documents BEGIN
	UPDATE store_stats SET ` + strings.Join(upd, ", ") + `;
END;
`
}

// migrationPlaceNames creates place_names, every location name stored
// (names are kept when their rows go: a stale name matches no row), so
// that a place-name filter (a substring, which no index serves) scans the
// few thousand distinct names instead of every location.
const migrationPlaceNames = `
CREATE TABLE place_names (name TEXT PRIMARY KEY) WITHOUT ROWID;
INSERT OR IGNORE INTO place_names(name) SELECT DISTINCT name FROM locations;
CREATE TRIGGER locations_place_name AFTER INSERT ON locations BEGIN
	INSERT OR IGNORE INTO place_names(name) VALUES (NEW.name);
END;
`

// migrationListed indexes the originals by topic and by source, so that a
// total of documents with a topic or source counts index entries (docSets).
const migrationListed = `
CREATE INDEX documents_listed_topic ON documents(topic) WHERE duplicate_of IS NULL;
CREATE INDEX documents_listed_source ON documents(source) WHERE duplicate_of IS NULL;
`

// migrationCorpusOrder indexes the corpus layer's stories and events in
// their listing orders (corpus.go: largest first), so that a page reads
// its rows instead of sorting the whole table.
const migrationCorpusOrder = `
CREATE INDEX corpus_stories_order ON corpus_stories(num_articles DESC, id);
CREATE INDEX corpus_events_order ON corpus_events(num_mentions DESC, id);
CREATE INDEX corpus_figures_order ON corpus_figures(num_values DESC, id);
`

// Migration 9: store_stats and place_names, derived tables the triggers
// keep, the originals' topic and source indexes and the corpus listings'.
func init() {
	addMigration(9, migrationStats()+migrationPlaceNames+migrationListed+migrationCorpusOrder)
}

// listedDocuments is the number of listed documents (originals), from
// store_stats.
func (s *Store) listedDocuments(ctx context.Context) (int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT documents FROM store_stats`).Scan(&n); err != nil {
		return 0, fmt.Errorf("sqlite: documents total: %w", err)
	}
	return n, nil
}
