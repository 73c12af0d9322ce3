package sqlite

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Ordered scans of code filters (migration 8). A layer listing is ordered
// by (pub DESC, doc DESC, idx); a filter on a code column (an actor code, a
// CAMEO code) has an index (code, pub DESC, doc DESC, idx), so an equality
// reads its rows in listing order and stops after the page. A code prefix
// (USA matches USA, USAGOV, USAMIL) is several equalities: the listing reads
// the first offset+limit rows of each code in order and merges them, instead
// of sorting every matching row.
func init() {
	addMigration(8, `
DROP INDEX events_source_actor;
DROP INDEX events_target_actor;
DROP INDEX events_code;
DROP INDEX events_root;
DROP INDEX quotes_speaker_actor;
DROP INDEX entities_actor;
DROP INDEX counts_category;
CREATE INDEX events_source_actor ON events(source_actor, pub DESC, doc DESC, idx);
CREATE INDEX events_target_actor ON events(target_actor, pub DESC, doc DESC, idx);
CREATE INDEX events_code ON events(code, pub DESC, doc DESC, idx);
CREATE INDEX events_root ON events(root, pub DESC, doc DESC, idx);
CREATE INDEX quotes_speaker_actor ON quotes(speaker_actor, pub DESC, doc DESC, idx);
CREATE INDEX entities_actor ON entities(actor, pub DESC, doc DESC, idx);
CREATE INDEX counts_category ON counts(category, pub DESC, doc DESC, idx);
`)
}

// prefixSplit is a code-prefix condition of a where on columns of the
// layer alias x ("one of cols starts with prefix"), recorded so that keyed
// can replace it with one ordered scan per matching code. The condition
// itself is conds[cond] with args[arg:arg+nargs], so every other reader of
// the where (totals, aggregates) applies it as a plain range.
type prefixSplit struct {
	table      string   // the layer table
	cols       []string // its code columns, each with an index (col, pub DESC, doc DESC, idx)
	prefix     string
	cond       int
	arg, nargs int
}

// codePrefixIn adds "one of table's cols starts with p" on alias x, as a
// condition keyed can split.
func (w *where) codePrefixIn(table string, cols []string, p string) {
	var parts []string
	var args []any
	for _, c := range cols {
		s, a := codePrefix("x."+c, p)
		parts, args = append(parts, s), append(args, a...)
	}
	if w.split == nil {
		w.split = &prefixSplit{table: table, cols: cols, prefix: p, cond: len(w.conds), arg: len(w.args), nargs: len(args)}
	}
	w.add(`(`+strings.Join(parts, " OR ")+`)`, args...)
}

// maxSplit is the most codes a split reads separately; a prefix matching
// more (a one-letter prefix) is scanned as a range and sorted.
const maxSplit = 64

// codesWith returns the distinct values of table.col starting with p, in
// order, reading the column's index once per value (a skip scan); more
// than maxSplit values give ok false.
func (s *Store) codesWith(ctx context.Context, table, col, p string) (codes []string, ok bool, err error) {
	q := `WITH RECURSIVE c(v) AS (
		SELECT (SELECT MIN(` + col + `) FROM ` + table + ` WHERE ` + col + ` >= ?1 AND ` + col + ` < ?2)
		UNION ALL
		SELECT (SELECT MIN(` + col + `) FROM ` + table + ` WHERE ` + col + ` > c.v AND ` + col + ` < ?2) FROM c WHERE c.v IS NOT NULL
	) SELECT v FROM c WHERE v IS NOT NULL LIMIT ?3`
	rows, err := s.db.QueryContext(ctx, q, p, p+"\xff", maxSplit+1)
	if err != nil {
		return nil, false, fmt.Errorf("sqlite: codes %s.%s: %w", table, col, err)
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, false, fmt.Errorf("sqlite: codes %s.%s: %w", table, col, err)
		}
		codes = append(codes, v)
	}
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("sqlite: codes %s.%s: %w", table, col, err)
	}
	return codes, len(codes) <= maxSplit, nil
}

// keyed returns a subquery "(...) k" that selects, in listing order (newest
// document first, undated last, then latest insertion first, then text
// order), the keys (pub, doc, idx) of the page of the layer table's rows
// (alias x) matching w, and its arguments; the caller joins the payload to
// it. The table's <table>_order index serves the order, so a page costs
// O(offset+limit) rows when filters are not selective; a code filter reads
// its code's index in the same order (see prefixSplit).
func (s *Store) keyed(ctx context.Context, table string, w *where, limit, offset int) (string, []any, error) {
	const order = ` ORDER BY x.pub DESC, x.doc DESC, x.idx`
	plain := func() (string, []any, error) {
		from, pre, pw, err := s.orderHint(ctx, table, w)
		if err != nil {
			return "", nil, err
		}
		return `(` + pre.with + `SELECT x.pub AS pub, x.doc AS doc, x.idx AS idx FROM ` + from + pw.String() + order + ` LIMIT ? OFFSET ?) k`,
			append(append(append([]any{}, pre.args...), pw.args...), limit, offset), nil
	}
	sp := w.split
	if sp == nil || sp.table != table {
		return plain()
	}
	for _, c := range w.conds {
		// A set of documents would be built again in every branch: the
		// plain query reads it once (and orderHint chooses the way in).
		if strings.HasPrefix(c, "x.doc IN (") || strings.HasPrefix(c, "(x.doc, x.idx) IN (") {
			return plain()
		}
	}
	// The other conditions, shared by every branch.
	rest := &where{conds: append(append([]string{}, w.conds[:sp.cond]...), w.conds[sp.cond+1:]...)}
	rest.args = append(append([]any{}, w.args[:sp.arg]...), w.args[sp.arg+sp.nargs:]...)
	var branches []string
	var args []any
	for _, col := range sp.cols {
		codes, ok, err := s.codesWith(ctx, table, col, sp.prefix)
		if err != nil {
			return "", nil, err
		}
		if !ok {
			return plain()
		}
		for _, c := range codes {
			b := &where{conds: append(append([]string{}, rest.conds...), `x.`+col+` = ?`), args: append(append([]any{}, rest.args...), c)}
			branches = append(branches, `SELECT * FROM (SELECT x.pub AS pub, x.doc AS doc, x.idx AS idx FROM `+table+` x INDEXED BY `+table+`_`+col+b.String()+order+` LIMIT ?)`)
			args = append(append(args, b.args...), limit+offset)
		}
	}
	if len(branches) == 0 {
		return `(SELECT NULL AS pub, NULL AS doc, NULL AS idx WHERE 0) k`, nil, nil
	}
	// UNION, not UNION ALL: a row may match on two columns (an event whose
	// source and target are both USA...).
	return `(SELECT pub, doc, idx FROM (` + strings.Join(branches, " UNION ") + `) ORDER BY pub DESC, doc DESC, idx LIMIT ? OFFSET ?) k`,
		append(args, limit, offset), nil
}

// bigSet is the number of documents from which a set filter ("x.doc IN
// (...)": a full-text match, the documents with an actor or a place) is
// read through the listing order rather than document by document.
const bigSet = 2000

// setSize is the number of rows of set (a query), counted up to bigSet.
func (s *Store) setSize(ctx context.Context, set string, args []any) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM (`+set+`) LIMIT ?)`, append(append([]any{}, args...), bigSet)...).Scan(&n)
	if err != nil {
		return 0, wrapQueryErr("set size", err)
	}
	return n, nil
}

// driver is the WITH clause of a listing driven from a small set, and
// its arguments.
type driver struct {
	with string
	args []any
}

// orderHint returns the FROM clause of a listing of table (alias x; ""
// for documents, alias d) with the conditions w, choosing the way in by
// the size of w's sets of documents (a full-text match, the documents
// with an actor or a place, a name's words), which the planner cannot
// know:
//   - a set under bigSet rows: from the set to its rows (a CROSS JOIN on
//     the table's key), sorting the few rows;
//   - only sets of bigSet rows or more: the table's listing order, which
//     stops after the page, with each big set that has a correlated
//     alternative (where.alts) tested per row instead of built whole;
//   - no set: the planner's choice.
//
// A documents listing's topic or source value is measured the same way:
// a common one (business) is tested per row of the listing order instead
// of read from its index and sorted; a rare one leaves the way in to the
// planner (its index).
func (s *Store) orderHint(ctx context.Context, table string, w *where) (string, driver, *where, error) {
	plain := table + ` x`
	order, key, one := ` INDEXED BY `+table+`_order`, `x.doc`, `x.idx`
	prefixes := []string{"x.doc IN (", "(x.doc, x.idx) IN ("}
	if table == "" {
		plain, order, key = `documents d`, ` INDEXED BY documents_order`, `d.rowid`
		prefixes = []string{"d.rowid IN (", "(d.rowid) IN ("}
	}
	if len(w.nargs) != len(w.conds) {
		return plain, driver{}, w, nil
	}
	var big []int
	small := false // a document column's value is rare
	at := 0
	for i, c := range w.conds {
		args := w.args[at : at+w.nargs[i]]
		first := at
		at += w.nargs[i]
		var set string
		pair := false
		for j, p := range prefixes {
			if strings.HasPrefix(c, p) && strings.HasSuffix(c, ")") {
				set, pair = c[len(p):len(c)-1], j == 1 && table != ""
			}
		}
		// A document column's value (topic, source: the originals'
		// indexes of migration 9) is measured too.
		measure := set
		if col, ok := strings.CutPrefix(c, "d."); ok && table == "" && (col == "topic = ?" || col == "source = ?") {
			measure, set = `SELECT 1 FROM documents WHERE duplicate_of IS NULL AND `+col, ""
		} else if set == "" {
			continue
		}
		n, err := s.setSize(ctx, measure, args)
		if err != nil {
			return "", driver{}, nil, err
		}
		if n >= bigSet {
			big = append(big, i)
			continue
		}
		if set == "" {
			// A rare value: its index finds the few documents (the
			// planner's choice), whatever the sets.
			small = true
			continue
		}
		// A small set: drive from it.
		rest := &where{conds: append(append([]string{}, w.conds[:i]...), w.conds[i+1:]...)}
		rest.args = append(append([]any{}, w.args[:first]...), w.args[at:]...)
		d := driver{args: append([]any{}, args...)}
		var from string
		switch {
		case pair:
			d.with = `WITH s(doc, idx) AS (` + set + `) `
			from = `(SELECT DISTINCT doc, idx FROM s) u CROSS JOIN ` + plain + ` ON ` + key + ` = u.doc AND ` + one + ` = u.idx`
		default:
			d.with = `WITH s(doc) AS (` + set + `) `
			from = `(SELECT DISTINCT doc FROM s) u CROSS JOIN ` + plain + ` ON ` + key + ` = u.doc`
		}
		return from, d, rest, nil
	}
	if len(big) == 0 || small {
		return plain, driver{}, w, nil
	}
	// The conditions with each big set's alternative in its place (with
	// its own arguments; the split's positions are w's, so pw has none).
	pw := &where{}
	at = 0
	for i, c := range w.conds {
		args := w.args[at : at+w.nargs[i]]
		at += w.nargs[i]
		if a, ok := w.alts[i]; ok && slices.Contains(big, i) {
			c, args = a.cond, a.args
		}
		pw.add(c, args...)
	}
	return plain + order, driver{}, pw, nil
}
