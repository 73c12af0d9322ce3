package sqlite

import (
	"fmt"

	"github.com/klauspost/compress/s2"
)

// Migration 15 is this backend's lighter write path (what store/postgres's
// migrations 10 and 14 did there; docs/benchmarks.md, "Ingest: a lighter
// SQLite write path"). A BBC article was ~140 rows and ~300 b-tree entries
// of which no query read a third:
//   - the mentions table is dropped: no query read it, and a document's
//     mentions are in its output (bodies);
//   - name_words and sketches lose their index by document and their
//     foreign key (each row's insert looked its document up, and a
//     cascading delete would need that index): a retired revision's rows
//     are deleted by their keys, made again from its layer rows and its
//     text (revisions.go). Their rows are copied as they are;
//   - the indexes that no query used are dropped: entities_name and
//     quotes_speaker (the entity and speaker filters read name_words since
//     migration 5), counts_object (no filter or grouping by object);
//   - the output JSON is compressed by the writer (bodies.output_s2, S2,
//     klauspost/compress's Snappy extension: a BBC article's 11.4 KB become
//     4.0 KB in ~30 us; zstd's fastest level makes 2.9 KB in 70-120 us,
//     more CPU than the smaller row saves) with
//     bodies.output left ”; rows written before keep their output text and
//     read back the same (storedOutput).
const migration15 = `
DROP TABLE mentions;
CREATE TABLE name_words_15 (
	kind INTEGER NOT NULL, -- 1 quote speaker, 2 entity name, 3 event source or target name, 4 count attribution
	word TEXT NOT NULL,
	doc  INTEGER NOT NULL, -- documents.rowid
	idx  INTEGER NOT NULL,
	PRIMARY KEY (kind, word, doc, idx)
) WITHOUT ROWID;
INSERT INTO name_words_15(kind, word, doc, idx) SELECT kind, word, doc, idx FROM name_words;
DROP TABLE name_words;
ALTER TABLE name_words_15 RENAME TO name_words;
CREATE TABLE sketches_15 (
	h   INTEGER NOT NULL, -- a shingle hash, as a signed 64-bit integer
	doc INTEGER NOT NULL, -- documents.rowid
	PRIMARY KEY (h, doc)
) WITHOUT ROWID;
INSERT INTO sketches_15(h, doc) SELECT h, doc FROM sketches;
DROP TABLE sketches;
ALTER TABLE sketches_15 RENAME TO sketches;
ALTER TABLE bodies ADD COLUMN output_s2 BLOB;
DROP INDEX entities_name;
DROP INDEX quotes_speaker;
DROP INDEX counts_object;
`

func init() {
	addMigration(15, migration15)
}

// compressOutput returns js compressed for bodies.output_s2.
func compressOutput(js []byte) []byte {
	return s2.Encode(nil, js)
}

// storedOutput returns the output JSON of a bodies row: output_s2
// decompressed, or the output text of a row written before migration 15.
func storedOutput(js string, z []byte) ([]byte, error) {
	if z == nil {
		return []byte(js), nil
	}
	b, err := s2.Decode(nil, z)
	if err != nil {
		return nil, fmt.Errorf("sqlite: decompress stored document: %w", err)
	}
	return b, nil
}
