// Command bigstore builds a large SQLite store for query timings from a
// store ingested by newsgraph, by replicating its documents at the SQL level
// with new ids, rowids and dates:
//
//	newsgraph ingest --db /tmp/query-base.db ../shared/data/corpus/bbc ../shared/data/corpus/reuters21578
//	go run ./tools/bigstore -from /tmp/query-base.db -to /tmp/query-big.db -copies 9
//
// The output first holds the input (VACUUM INTO), then copies replicas of
// every document: replica k (1..copies) has the id "rK-" + id, the rowid
// rowid + k×stride, its dates shifted by k×shift days, and every row of
// every table that belongs to a document (bodies, the full-text index of
// the rows the input indexes, the
// annotation layers, the name words, the copy sketches and carriers, the
// corpus layer's events, figures and stories) copied with those keys. A
// replica is not a copy of its original in the store's sense (it is not
// linked to it and keeps all its layer rows), so a query finds k+1 times as
// many rows with every filter as on the input; the texts stay the same, so
// the full-text index has the same vocabulary with postings copies+1 times
// as long. Ingesting the corpus ten times with varied ids would store
// nothing new (an identical text is not stored again) and disguising the
// texts so that the copy rule misses them would take ten ingests; row
// replication takes minutes and gives a store with the same documents per
// date, rows per document and name distribution as a real one ten times
// larger (more repetitive in its names, which makes every selective filter
// match more rows than a real store would: the timings err on the slow
// side).
//
// Columns are read from the schema, so columns added by later migrations
// are copied as they are; an input of an older schema is copied as it is
// and migrated with the output (-copies 0 only copies and migrates). At the end the store is opened and closed through
// package store/sqlite (migrations, PRAGMA optimize) as every writer does,
// and the size per document is printed.
package main

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/klauspost/compress/s2"
	msqlite "modernc.org/sqlite"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(argv []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bigstore", flag.ContinueOnError)
	fs.SetOutput(stderr)
	from := fs.String("from", "", "the ingested store to replicate (read only)")
	to := fs.String("to", "", "the store to write (must not exist)")
	copies := fs.Int("copies", 9, "replicas of every document added to the input's")
	shift := fs.Int("shift", 45, "days each replica's dates move from the previous one's")
	if err := fs.Parse(argv); err != nil {
		return 2
	}
	if *from == "" || *to == "" || *copies < 0 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: bigstore -from INGESTED.db -to NEW.db [-copies 9] [-shift 45]")
		return 2
	}
	if err := build(context.Background(), *from, *to, *copies, *shift, stdout); err != nil {
		fmt.Fprintln(stderr, "bigstore:", err)
		return 1
	}
	return 0
}

// table is one table to replicate: the column expressions that differ
// from a plain copy, in terms of the replica's offsets (see replicate).
type table struct {
	name string
	set  map[string]string
}

// The placeholders of the column expressions: :off is the rowid offset,
// :pfx the id prefix, :days the date shift ("+N days"), :dayn the shift in
// whole days, :ce, :cf, :cs the id offsets of corpus events, figures and
// stories.
func tables() []table {
	pub := `CASE WHEN pub = '' THEN '' ELSE strftime('%Y-%m-%dT%H:%M:%SZ', pub, :days) END`
	layer := func(name string, extra map[string]string) table {
		set := map[string]string{"pub": pub, "doc": "doc + :off"}
		for k, v := range extra {
			set[k] = v
		}
		return table{name: name, set: set}
	}
	// day moves a corpus day (store.Undated stays).
	day := func(c string) string {
		return `CASE WHEN ` + c + ` = ` + fmt.Sprint(store.Undated) + ` THEN ` + c + ` ELSE ` + c + ` + :dayn END`
	}
	docID := `:pfx || doc`
	copyOf := `CASE WHEN copy_of = '' THEN '' ELSE :pfx || copy_of END`
	return []table{
		{name: "documents", set: map[string]string{
			"rowid":        "rowid + :off",
			"id":           ":pfx || id",
			"published":    `CASE WHEN published IS NULL THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%SZ', published, :days) END`,
			"pub":          pub,
			"text_sha256":  "text_sha256 || :pfx",
			"duplicate_of": "duplicate_of + :off",
		}},
		{name: "bodies", set: map[string]string{
			"rowid": "rowid + :off",
			"output": `CASE WHEN output = '' THEN '' ELSE json_set(output, '$.id', :pfx || json_extract(output, '$.id'),
				'$.published', (SELECT d.published FROM documents d WHERE d.rowid = bodies.rowid + :off)) END`,
			// The output compressed by the writer (migration 15), changed the same way.
			"output_s2": `CASE WHEN output_s2 IS NULL THEN NULL ELSE s2_encode(json_set(s2_decode(output_s2), '$.id', :pfx || json_extract(s2_decode(output_s2), '$.id'),
				'$.published', (SELECT d.published FROM documents d WHERE d.rowid = bodies.rowid + :off))) END`,
		}},
		layer("mentions", nil),
		layer("entities", nil),
		layer("quotes", nil),
		layer("counts", nil),
		layer("locations", nil),
		layer("events", map[string]string{"date": `CASE WHEN length(date) = 10 THEN date(date, :days) ELSE date END`}),
		{name: "name_words", set: map[string]string{"doc": "doc + :off"}},
		{name: "sketches", set: map[string]string{"doc": "doc + :off"}},
		{name: "carriers", set: map[string]string{"story": "story + :off", "doc": "doc + :off"}},
		{name: "corpus_stories", set: map[string]string{"id": "id + :cs", "first_day": day("first_day"), "last_day": day("last_day")}},
		{name: "corpus_story_articles", set: map[string]string{"story": "story + :cs", "doc": docID}},
		{name: "corpus_story_keys", set: map[string]string{"story": "story + :cs", "day": day("day"), "match_key": ":pfx || match_key"}},
		{name: "corpus_events", set: map[string]string{"id": "id + :ce", "story": "story + :cs", "match_key": ":pfx || match_key",
			"first_day": day("first_day"), "last_day": day("last_day")}},
		{name: "corpus_event_mentions", set: map[string]string{"event": "event + :ce", "doc": docID, "copy_of": copyOf, "day": day("day")}},
		{name: "corpus_figures", set: map[string]string{"id": "id + :cf", "story": "story + :cs", "match_key": ":pfx || match_key",
			"first_day": day("first_day"), "last_day": day("last_day")}},
		{name: "corpus_figure_values", set: map[string]string{"figure": "figure + :cf", "doc": docID, "copy_of": copyOf, "day": day("day"),
			"published": `CASE WHEN published = '' THEN '' ELSE strftime('%Y-%m-%dT%H:%M:%SZ', published, :days) END`}},
	}
}

// s2_decode and s2_encode give SQL the compressed output of bodies
// (store/sqlite's migration 15) as JSON text and back.
func init() {
	msqlite.MustRegisterDeterministicScalarFunction("s2_decode", 1, func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		b, ok := args[0].([]byte)
		if !ok {
			return nil, fmt.Errorf("s2_decode: not a blob")
		}
		js, err := s2.Decode(nil, b)
		return string(js), err
	})
	msqlite.MustRegisterDeterministicScalarFunction("s2_encode", 1, func(_ *msqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		js, ok := args[0].(string)
		if !ok {
			return nil, fmt.Errorf("s2_encode: not text")
		}
		return s2.Encode(nil, []byte(js)), nil
	})
}

func build(ctx context.Context, from, to string, copies, shift int, out io.Writer) error {
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists; remove it first", to)
	}
	if _, err := os.Stat(from); err != nil {
		return err
	}
	t0 := time.Now()
	db, err := sql.Open("sqlite", "file:"+from+"?mode=ro")
	if err != nil {
		return err
	}
	// A newsgraph store of any schema version: the output is migrated at
	// the end (-copies 0 only copies and migrates).
	var v int
	err = db.QueryRowContext(ctx, `SELECT MAX(version) FROM schema_migrations`).Scan(&v)
	if err == nil {
		_, err = db.ExecContext(ctx, `VACUUM INTO ?`, to)
	}
	db.Close()
	if err != nil {
		return fmt.Errorf("copy %s: %w", from, err)
	}
	db, err = sql.Open("sqlite", "file:"+to+"?_pragma=journal_mode(WAL)&_pragma=synchronous(OFF)&_pragma=cache_size(-200000)&_pragma=temp_store(MEMORY)")
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var stride, ce, cf, cs int64
	for _, q := range []struct {
		dst *int64
		sql string
	}{
		{&stride, `SELECT COALESCE(MAX(rowid), 0) FROM documents`},
		{&ce, `SELECT COALESCE(MAX(id), 0) FROM corpus_events`},
		{&cf, `SELECT COALESCE(MAX(id), 0) FROM corpus_figures`},
		{&cs, `SELECT COALESCE(MAX(id), 0) FROM corpus_stories`},
	} {
		if err := db.QueryRowContext(ctx, q.sql).Scan(q.dst); err != nil {
			return err
		}
	}
	var base int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM documents`).Scan(&base); err != nil {
		return err
	}
	fmt.Fprintf(out, "input: %d documents (rowids up to %d), %d replicas\n", base, stride, copies)
	ts := tables()
	stmts := make([]string, len(ts))
	for i, t := range ts {
		if stmts[i], err = insertSQL(ctx, db, t); err != nil {
			return err
		}
	}
	for k := int64(1); k <= int64(copies); k++ {
		tk := time.Now()
		vals := map[string]any{
			"off": k * stride, "pfx": fmt.Sprintf("r%d-", k), "days": fmt.Sprintf("+%d days", k*int64(shift)), "dayn": k * int64(shift),
			"ce": k * ce, "cf": k * cf, "cs": k * cs, "stride": stride, "ce0": ce, "cf0": cf, "cs0": cs,
			"lo": k * stride, "hi": (k + 1) * stride,
		}
		tx, err := db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		for i, s := range stmts {
			if s == "" {
				continue
			}
			args, err := bind(s, vals)
			if err == nil {
				_, err = tx.ExecContext(ctx, s, args...)
			}
			if err != nil {
				tx.Rollback()
				return fmt.Errorf("replica %d: %s: %w", k, ts[i].name, err)
			}
		}
		// The full-text index (external content: bodies) of the new rows
		// whose input row is indexed (its documents_fts_docsize row): the
		// writer indexes originals only, not copies or retired revisions.
		fts := `INSERT INTO documents_fts(rowid, title, text) SELECT rowid, title, text FROM bodies WHERE rowid > :lo AND rowid <= :hi
			AND rowid - :off IN (SELECT id FROM documents_fts_docsize WHERE id <= :stride)`
		args, err := bind(fts, vals)
		if err == nil {
			_, err = tx.ExecContext(ctx, fts, args...)
		}
		if err != nil {
			tx.Rollback()
			return fmt.Errorf("replica %d: full-text index: %w", k, err)
		}
		if err := tx.Commit(); err != nil {
			return err
		}
		fmt.Fprintf(out, "replica %d: %.1f s\n", k, time.Since(tk).Seconds())
	}
	if _, err := db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return err
	}
	db.Close()
	st, err := sqlite.Open(ctx, to) // as every writer: migrate, and PRAGMA optimize on close
	if err != nil {
		return err
	}
	if err := st.Close(); err != nil {
		return err
	}
	return report(ctx, to, time.Since(t0), out)
}

// insertSQL returns the INSERT … SELECT of one replica of t, or "" when the
// store has no such table.
func insertSQL(ctx context.Context, db *sql.DB, t table) (string, error) {
	rows, err := db.QueryContext(ctx, `SELECT name FROM pragma_table_info(?)`, t.name)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var cols, exprs []string
	if t.name == "documents" || t.name == "bodies" {
		cols, exprs = append(cols, "rowid"), append(exprs, t.set["rowid"])
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return "", err
		}
		if c == "rowid" {
			continue
		}
		e, ok := t.set[c]
		if !ok {
			e = `"` + c + `"`
		}
		cols, exprs = append(cols, `"`+c+`"`), append(exprs, e)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if len(cols) == 0 {
		return "", nil
	}
	for c := range t.set {
		if c == "output_s2" {
			continue // a store before migration 15 has none
		}
		if c != "rowid" && !contains(cols, `"`+c+`"`) {
			return "", fmt.Errorf("table %s has no column %s", t.name, c)
		}
	}
	s := `INSERT INTO ` + t.name + `(` + strings.Join(cols, ", ") + `) SELECT ` + strings.Join(exprs, ", ") + ` FROM ` + t.name
	// Only the input's rows: a replica's rows are never copied again.
	switch t.name {
	case "documents", "bodies":
		s += ` WHERE rowid <= :stride`
	case "corpus_stories", "corpus_events", "corpus_figures":
		s += ` WHERE id <= :` + map[string]string{"corpus_stories": "cs", "corpus_events": "ce", "corpus_figures": "cf"}[t.name] + `0`
	case "corpus_story_articles", "corpus_story_keys":
		s += ` WHERE story <= :cs0`
	case "corpus_event_mentions":
		s += ` WHERE event <= :ce0`
	case "corpus_figure_values":
		s += ` WHERE figure <= :cf0`
	case "carriers":
		s += ` WHERE story <= :stride`
	default:
		s += ` WHERE doc <= :stride`
	}
	return s, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// param is a named parameter in the SQL of insertSQL.
var param = regexp.MustCompile(`:[a-z]+[0-9]?`)

// bind returns the named arguments s refers to, from vals.
func bind(s string, vals map[string]any) ([]any, error) {
	var out []any
	seen := map[string]bool{}
	for _, m := range param.FindAllString(s, -1) {
		name := m[1:]
		if seen[name] {
			continue
		}
		v, ok := vals[name]
		if !ok {
			return nil, fmt.Errorf("no value for %s", m)
		}
		seen[name] = true
		out = append(out, sql.Named(name, v))
	}
	return out, nil
}

// report prints the store's size per document.
func report(ctx context.Context, path string, took time.Duration, out io.Writer) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return err
	}
	defer db.Close()
	var n, listed int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*), COUNT(*) FILTER (WHERE duplicate_of IS NULL) FROM documents`).Scan(&n, &listed); err != nil {
		return err
	}
	fmt.Fprintf(out, "%s: %d documents (%d listed), %.1f MB, %.1f KB per document, built in %.0f s\n",
		path, n, listed, float64(st.Size())/1e6, float64(st.Size())/1e3/float64(max(n, 1)), took.Seconds())
	return nil
}
