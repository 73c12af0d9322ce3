package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

// where accumulates SQL conditions and their arguments.
// originalsOnly is the condition every documents filter starts with. Copies
// and retired revisions keep no layer rows (store/copies.go, revisions.go),
// so a layer's rows already belong to originals only.
const originalsOnly = `d.duplicate_of IS NULL`

// onlyOriginals reports whether w holds nothing but originalsOnly: a
// documents filter that a scan of a layer's rows meets without a join.
func (w *where) onlyOriginals() bool {
	return len(w.conds) == 1 && w.conds[0] == originalsOnly
}

type where struct {
	conds []string
	args  []any
	split *prefixSplit // a code prefix keyed may split (ordered.go)
	nargs []int        // the number of args of each cond (added with add)
	// alts holds, for a cond that is a set of documents, the same test
	// correlated to the row (EXISTS on the row's document), which reads
	// a few rows per document instead of building the set: the better
	// way in when the set is big (bigSet, ordered.go).
	alts map[int]alt
	// via, when set, is a better way in for a total of the rows (a
	// layer's own place: from the matching places to their rows).
	via *via
}

// via is a FROM clause with its condition and arguments that a total of w
// starts from instead of w's conditions at positions replaces.
type via struct {
	from, cond string
	args       []any
	replaces   []int
}

// alt is a correlated alternative of a set condition, with its arguments.
type alt struct {
	cond string
	args []any
}

// addSet adds cond, a set of documents, with its correlated alternative
// alt (the same arguments in the same order).
func (w *where) addSet(cond, alt string, args ...any) {
	w.addSetAlt(cond, args, alt, args)
}

// addSetAlt adds cond, a set of documents, with its correlated
// alternative alt, whose arguments are altArgs.
func (w *where) addSetAlt(cond string, args []any, altCond string, altArgs []any) {
	if w.alts == nil {
		w.alts = map[int]alt{}
	}
	w.alts[len(w.conds)] = alt{altCond, altArgs}
	w.add(cond, args...)
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
	w.nargs = append(w.nargs, len(args))
}

// words adds the name-word condition of kind on cols (wordsCond); a
// name without a word matches nothing (prepare refuses it first).
func (w *where) words(kind int, name, cols string) {
	if c, a, ok := wordsCond(kind, name, cols); ok {
		w.add(c, a...)
	} else {
		w.add(`0`)
	}
}

func (w *where) String() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

// like escapes s for LIKE ... ESCAPE '\'.
func like(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

func contains(s string) string { return "%" + like(s) + "%" }

// codePrefix is the condition "col starts with p" for an upper-case code
// column (actor codes, CAMEO codes) as a range, so that the column's index
// serves it (a LIKE would be case-insensitive and scan): every UTF-8 string
// starting with p sorts before p followed by the byte 0xff.
func codePrefix(col, p string) (string, []any) {
	return `(` + col + ` >= ? AND ` + col + ` < ?)`, []any{p, p + "\xff"}
}

// filter names a Query field a row kind handles itself rather than at
// document level.
type filter uint8

const (
	fActor filter = 1 << iota
	fRoot
	fCode
	fSpeaker
	fEntity
)

// docFilters adds the document-level conditions of q, except the filters in
// own, which the caller applies to its rows. t is the alias of the table
// filtered: "d" for documents, "x" for a layer table (whose doc and pub
// columns copy the document's rowid and sort key).
func docFilters(w *where, q store.Query, own filter, t string) {
	doc := "d.rowid"
	if t != "d" {
		doc = t + ".doc"
	}
	if t == "d" {
		w.add(originalsOnly) // copies are listed through their original (store/copies.go)
	}
	if q.Since != nil {
		w.add(t+`.pub >= ?`, q.Since.UTC().Format("2006-01-02T15:04:05Z"))
	}
	if q.Until != nil {
		w.add(t+`.pub <> '' AND `+t+`.pub < ?`, q.Until.UTC().Format("2006-01-02T15:04:05Z"))
	}
	if q.Text != "" {
		w.add(doc+` IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)`, ftsQuery(q.Text))
	}

	// Documents with a matching row elsewhere: IN (subquery) builds the set
	// of documents once, from the layer's index where there is one. The
	// actor's set is a UNION ALL (IN keeps each document once anyway), so
	// that a reader of its first rows (a set's size, a capped total)
	// streams them instead of sorting every match first.
	if q.Actor != "" && own&fActor == 0 {
		ec, ea := codePrefix("y.actor", q.Actor)
		sc, sa := codePrefix("y.source_actor", q.Actor)
		tc, ta := codePrefix("y.target_actor", q.Actor)
		w.addSet(doc+` IN (SELECT y.doc FROM entities y WHERE `+ec+
			` UNION ALL SELECT y.doc FROM events y WHERE `+sc+` UNION ALL SELECT y.doc FROM events y WHERE `+tc+`)`,
			`(EXISTS (SELECT 1 FROM entities y WHERE y.doc = `+doc+` AND `+ec+`)
			OR EXISTS (SELECT 1 FROM events y WHERE y.doc = `+doc+` AND (`+sc+` OR `+tc+`)))`,
			append(append(ea, sa...), ta...)...)
	}
	if q.Root != "" && own&fRoot == 0 {
		w.add(doc+` IN (SELECT y.doc FROM events y WHERE y.root = ?)`, q.Root)
	}
	if q.Code != "" && own&fCode == 0 {
		c, a := codePrefix("y.code", q.Code)
		w.add(doc+` IN (SELECT y.doc FROM events y WHERE `+c+`)`, a...)
	}
	if q.Speaker != "" && own&fSpeaker == 0 {
		w.words(wordsSpeaker, q.Speaker, doc)
	}
	if q.Entity != "" && own&fEntity == 0 {
		w.words(wordsEntity, q.Entity, doc)
	}
}

// docOrder is the stable document listing order: newest first, undated
// last, then latest insertion first; the index documents_order serves it.
const docOrder = `d.pub DESC, d.rowid DESC`

// keyOrder orders the payload rows joined to keyed.
const keyOrder = ` ORDER BY k.pub DESC, k.doc DESC, k.idx`

// afterKey is a store.Key resolved to the document's sort key and rowid.
type afterKey struct {
	pub string
	doc int64
	idx int
}

// resolveAfter looks up q.After's document (nil when q has no After).
func (s *Store) resolveAfter(ctx context.Context, q store.Query) (*afterKey, error) {
	if q.After == nil {
		return nil, nil
	}
	k := &afterKey{idx: q.After.Index}
	err := s.db.QueryRowContext(ctx, `SELECT pub, rowid FROM documents WHERE id = ?`, q.After.DocID).Scan(&k.pub, &k.doc)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: after: no document %q", store.ErrBadQuery, q.After.DocID)
	}
	if err != nil {
		return nil, fmt.Errorf("sqlite: after: %w", err)
	}
	return k, nil
}

// after adds the keyset condition "past k in the listing order" on alias t
// ("d" for documents: pub DESC, rowid DESC; a layer's alias: pub DESC, doc
// DESC, idx). Its first conjunct is a range on the order index's leading
// column, so the scan starts at k instead of skipping rows.
func (w *where) after(t string, k *afterKey) {
	if k == nil {
		return
	}
	if t == "d" {
		w.add(`d.pub <= ? AND (d.pub < ? OR d.rowid < ?)`, k.pub, k.pub, k.doc)
		return
	}
	w.add(t+`.pub <= ? AND (`+t+`.pub < ? OR `+t+`.doc < ? OR (`+t+`.doc = ? AND `+t+`.idx > ?))`, k.pub, k.pub, k.doc, k.doc, k.idx)
}

// prepare normalizes q and rejects a Text with no searchable term.
func prepare(q store.Query) (store.Query, error) {
	q, err := q.Normalize()
	if err != nil {
		return q, err
	}
	if q.Text != "" && ftsQuery(q.Text) == "" {
		return q, fmt.Errorf("%w: full-text query %q has no searchable word", store.ErrBadQuery, q.Text)
	}
	for _, f := range []struct{ name, v string }{{"speaker", q.Speaker}, {"entity", q.Entity}} {
		if f.v != "" && len(nameWords(f.v)) == 0 {
			return q, fmt.Errorf("%w: %s filter %q has no word (letters or digits)", store.ErrBadQuery, f.name, f.v)
		}
	}
	return q, nil
}

// query runs sqlText with args and calls scan for each row.
func (s *Store) query(ctx context.Context, what, sqlText string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.db.QueryContext(ctx, sqlText, args...)
	if err != nil {
		return wrapQueryErr(what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("sqlite: %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return wrapQueryErr(what, err)
	}
	return nil
}

func wrapQueryErr(what string, err error) error {
	if strings.Contains(err.Error(), "fts5") {
		return fmt.Errorf("sqlite: %s: %w: %v", what, store.ErrBadQuery, err)
	}
	return fmt.Errorf("sqlite: %s: %w", what, err)
}

func pubPtr(ns sql.NullString) *string {
	if !ns.Valid {
		return nil
	}
	s := ns.String
	return &s
}

// Documents lists documents; see store.Store.
func (s *Store) Documents(ctx context.Context, q store.Query) ([]store.DocumentSummary, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	k, err := s.resolveAfter(ctx, q)
	if err != nil {
		return nil, err
	}
	var w where
	docFilters(&w, q, 0, "d")
	w.after("d", k)
	return s.documentRows(ctx, &w, q.Limit, q.Offset)
}

// documentRows lists the page of documents matching w (alias d).
func (s *Store) documentRows(ctx context.Context, w *where, limit, offset int) ([]store.DocumentSummary, error) {
	from, pre, pw, err := s.orderHint(ctx, "", w) // the way in by the sets' sizes (ordered.go)
	if err != nil {
		return nil, err
	}
	sqlText := pre.with + `SELECT d.id, d.title, d.url, d.source, d.published, d.language, d.chars, d.n_entities, d.n_quotes, d.n_counts,
		d.n_locations, d.n_events FROM ` + from + pw.String() + ` ORDER BY ` + docOrder + ` LIMIT ? OFFSET ?`
	out := []store.DocumentSummary{}
	err = s.query(ctx, "documents", sqlText, append(append(append([]any{}, pre.args...), pw.args...), limit, offset), func(r *sql.Rows) error {
		var x store.DocumentSummary
		var pub sql.NullString
		if err := r.Scan(&x.ID, &x.Title, &x.URL, &x.Source, &pub, &x.Language, &x.Chars, &x.Entities, &x.Quotes, &x.Counts,
			&x.Locations, &x.Events); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		out = append(out, x)
		return nil
	})
	return out, err
}

// Events lists events; see store.Store.
func (s *Store) Events(ctx context.Context, q store.Query) ([]store.EventRow, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	k, err := s.resolveAfter(ctx, q)
	if err != nil {
		return nil, err
	}
	var w where
	eventConds(&w, q)
	w.after("x", k)
	return s.eventRows(ctx, &w, q.Limit, q.Offset)
}

// eventConds adds q's conditions on events (alias x).
func eventConds(w *where, q store.Query) {
	docFilters(w, q, fActor|fRoot|fCode|fEntity|fSpeaker, "x")
	if q.Actor != "" {
		w.codePrefixIn("events", []string{"source_actor", "target_actor"}, q.Actor)
	}
	if q.Root != "" {
		w.add(`x.root = ?`, q.Root)
	}
	if q.Code != "" {
		w.codePrefixIn("events", []string{"code"}, q.Code)
	}
	if q.Entity != "" {
		w.words(wordsEvent, q.Entity, "x.doc, x.idx")
	}
}

// eventRows lists the page of events matching w (alias x).
func (s *Store) eventRows(ctx context.Context, w *where, limit, offset int) ([]store.EventRow, error) {
	k, args, err := s.keyed(ctx, "events", w, limit, offset)
	if err != nil {
		return nil, err
	}
	sqlText := `SELECT d.id, d.published, e.idx, e.start, e."end", e.text, e.sentence_start, e.sentence_end,
		substr(b.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.code, e.root, e.quad, e.goldstein, e.plover,
		e.plover_mode, e.source_name, e.source_actor, e.target_name, e.target_actor, e.location, e.country, e.negated,
		e.hypothetical, e.reported, e.date
		FROM ` + k + ` JOIN events e ON e.doc = k.doc AND e.idx = k.idx JOIN documents d ON d.rowid = k.doc JOIN bodies b ON b.rowid = k.doc
` + keyOrder
	out := []store.EventRow{}
	err = s.query(ctx, "events", sqlText, args, func(r *sql.Rows) error {
		var x store.EventRow
		var pub, srcName, tgtName sql.NullString
		var srcActor, tgtActor string
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.SentenceStart, &x.SentenceEnd, &x.Sentence,
			&x.Code, &x.Root, &x.Quad, &x.Goldstein, &x.Plover, &x.PloverMode, &srcName, &srcActor, &tgtName, &tgtActor,
			&x.Location, &x.Country, &x.Negated, &x.Hypothetical, &x.Reported, &x.Date); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if srcName.Valid {
			x.Source = &store.Actor{Name: srcName.String, Actor: srcActor}
		}
		if tgtName.Valid {
			x.Target = &store.Actor{Name: tgtName.String, Actor: tgtActor}
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// Quotes lists quotes; see store.Store.
func (s *Store) Quotes(ctx context.Context, q store.Query) ([]store.QuoteRow, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	k, err := s.resolveAfter(ctx, q)
	if err != nil {
		return nil, err
	}
	var w where
	quoteConds(&w, q)
	w.after("x", k)
	return s.quoteRows(ctx, &w, q.Limit, q.Offset)
}

// quoteConds adds q's conditions on quotes (alias x).
func quoteConds(w *where, q store.Query) {
	docFilters(w, q, fActor|fSpeaker, "x")
	if q.Actor != "" {
		w.codePrefixIn("quotes", []string{"speaker_actor"}, q.Actor)
	}
	if q.Speaker != "" {
		w.words(wordsSpeaker, q.Speaker, "x.doc, x.idx")
	}
}

// quoteRows lists the page of quotes matching w (alias x).
func (s *Store) quoteRows(ctx context.Context, w *where, limit, offset int) ([]store.QuoteRow, error) {
	k, args, err := s.keyed(ctx, "quotes", w, limit, offset)
	if err != nil {
		return nil, err
	}
	sqlText := `SELECT d.id, d.published, x.idx, x.start, x."end", x.text, x.direct, x.cue, x.speaker, x.speaker_actor,
		x.speaker_start, x.speaker_end
		FROM ` + k + ` JOIN quotes x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc` + keyOrder
	out := []store.QuoteRow{}
	err = s.query(ctx, "quotes", sqlText, args, func(r *sql.Rows) error {
		var x store.QuoteRow
		var pub sql.NullString
		var ss, se sql.NullInt64
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.Direct, &x.Cue, &x.Speaker, &x.SpeakerActor,
			&ss, &se); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if ss.Valid && se.Valid {
			a, b := int(ss.Int64), int(se.Int64)
			x.SpeakerStart, x.SpeakerEnd = &a, &b
		}
		out = append(out, x)
		return nil
	})
	return out, err
}

// Counts lists numeric claims; see store.Store.
func (s *Store) Counts(ctx context.Context, q store.Query) ([]store.CountRow, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	k, err := s.resolveAfter(ctx, q)
	if err != nil {
		return nil, err
	}
	var w where
	countConds(&w, q)
	w.after("x", k)
	rows, err := s.figureRows(ctx, &w, q.Limit, q.Offset)
	out := make([]store.CountRow, len(rows))
	for i, r := range rows {
		out[i] = r.CountRow
	}
	return out, err
}

// countConds adds q's conditions on counts (alias x).
func countConds(w *where, q store.Query) {
	docFilters(w, q, fEntity|fSpeaker, "x")
	if q.Entity != "" {
		w.words(wordsCount, q.Entity, "x.doc, x.idx")
	}
}

// figureRows lists the page of counts matching w (alias x) with their places.
func (s *Store) figureRows(ctx context.Context, w *where, limit, offset int) ([]store.FigureRow, error) {
	k, args, err := s.keyed(ctx, "counts", w, limit, offset)
	if err != nil {
		return nil, err
	}
	sqlText := `SELECT d.id, d.published, x.idx, x.start, x."end", x.text, x.value, x.upper, x.percent, x.approx, x.qualifier,
		x.unit, x.currency, x.object, x.category, x.attributed_to, x.sentence_start, x.sentence_end,
		substr(b.text, x.sentence_start + 1, x.sentence_end - x.sentence_start), COALESCE(l.name, ''), COALESCE(l.country, '')
		FROM ` + k + ` JOIN counts x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc JOIN bodies b ON b.rowid = k.doc
		LEFT JOIN locations l ON l.doc = x.doc AND l.idx = x.loc
` + keyOrder
	out := []store.FigureRow{}
	err = s.query(ctx, "counts", sqlText, args, func(r *sql.Rows) error {
		var f store.FigureRow
		x := &f.CountRow
		var pub sql.NullString
		var up sql.NullFloat64
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.Value, &up, &x.Percent, &x.Approx, &x.Qualifier,
			&x.Unit, &x.Currency, &x.Object, &x.Category, &x.AttributedTo, &x.SentenceStart, &x.SentenceEnd, &x.Sentence,
			&f.Place, &f.Country); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if up.Valid {
			v := up.Float64
			x.Upper = &v
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

// Entities lists per-document entities; see store.Store.
func (s *Store) Entities(ctx context.Context, q store.Query) ([]store.EntityRow, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	k, err := s.resolveAfter(ctx, q)
	if err != nil {
		return nil, err
	}
	var w where
	docFilters(&w, q, fActor|fEntity, "x")
	if q.Actor != "" {
		w.codePrefixIn("entities", []string{"actor"}, q.Actor)
	}
	if q.Entity != "" {
		w.words(wordsEntity, q.Entity, "x.doc, x.idx")
	}
	w.after("x", k)
	kq, args, err := s.keyed(ctx, "entities", &w, q.Limit, q.Offset)
	if err != nil {
		return nil, err
	}
	sqlText := `SELECT d.id, d.published, x.idx, x.name, x.type, x.actor, x.n_mentions, x.start, x."end"
		FROM ` + kq + ` JOIN entities x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc` + keyOrder
	out := []store.EntityRow{}
	err = s.query(ctx, "entities", sqlText, args, func(r *sql.Rows) error {
		var x store.EntityRow
		var pub sql.NullString
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Name, &x.Type, &x.Actor, &x.Mentions, &x.Start, &x.End); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		out = append(out, x)
		return nil
	})
	return out, err
}

// Search runs a ranked full-text search; see store.Store.
func (s *Store) Search(ctx context.Context, q store.Query) ([]store.SearchHit, error) {
	q, err := prepare(q)
	if err != nil {
		return nil, err
	}
	if q.After != nil {
		return nil, fmt.Errorf("%w: search is ranked: page it with offset, not after", store.ErrBadQuery)
	}
	if q.Text == "" {
		return nil, fmt.Errorf("%w: search needs a query text", store.ErrBadQuery)
	}
	var w where
	searchConds(&w, q)
	nw, err := s.narrowSets(ctx, &w)
	if err != nil {
		return nil, err
	}
	hits, _, _, err := s.searchRows(ctx, nw, ftsQuery(q.Text), q.Limit, q.Offset)
	return hits, err
}

// docColumnSets are the documents filters on a column of documents that
// a search reads as sets of documents from the column's index (the
// listing order's for dates, the originals' for topic and source), so
// that the match needs no document row (searchFrom).
var docColumnSets = map[string]string{
	`d.pub >= ?`:                `SELECT rowid FROM documents WHERE pub >= ?`,
	`d.pub <> '' AND d.pub < ?`: `SELECT rowid FROM documents WHERE pub <> '' AND pub < ?`,
	`d.topic = ?`:               `SELECT rowid FROM documents WHERE duplicate_of IS NULL AND topic = ?`,
	`d.source = ?`:              `SELECT rowid FROM documents WHERE duplicate_of IS NULL AND source = ?`,
}

// narrowSets returns the search w (searchConds: its first condition is
// the match) with its filters on a column of documents as sets of
// documents (docColumnSets), and each big set of documents (bigSet rows
// or more: the documents with an actor, a place, of a year) narrowed to
// the matching documents before it is built: the set's rows are read
// from their index and only those of a matching document kept (+doc:
// tested against the match, not looked up document by document), so that
// a common actor's 65,000 documents are not gathered to keep the few
// thousand that match.
func (s *Store) narrowSets(ctx context.Context, w *where) (*where, error) {
	if len(w.nargs) != len(w.conds) || len(w.conds) == 0 || w.nargs[0] != 1 {
		return w, nil
	}
	match := w.args[0]
	const p = "d.rowid IN ("
	out := &where{}
	at := 0
	for i, c := range w.conds {
		args := w.args[at : at+w.nargs[i]]
		at += w.nargs[i]
		if set, ok := docColumnSets[c]; ok && i > 0 {
			c = p + set + ")"
		}
		if i > 0 && strings.HasPrefix(c, p) && strings.HasSuffix(c, ")") {
			set := c[len(p) : len(c)-1]
			n, err := s.setSize(ctx, set, args)
			if err != nil {
				return nil, err
			}
			if n >= bigSet {
				c = p + `WITH s(doc) AS (` + set + `) SELECT doc FROM s WHERE +doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))`
				args = append(append([]any{}, args...), match)
			}
		}
		out.add(c, args...)
	}
	return out, nil
}

// and appends the conditions of o to w, except originalsOnly (which w
// holds already), each set with its alternative.
func (w *where) and(o *where) {
	at := 0
	for i, c := range o.conds {
		args := o.args[at : at+o.nargs[i]]
		at += o.nargs[i]
		switch a, ok := o.alts[i]; {
		case c == originalsOnly:
		case ok:
			w.addSetAlt(c, args, a.cond, a.args)
		default:
			w.add(c, args...)
		}
	}
}

// searchConds adds q's conditions on a ranked search of documents_fts
// joined to documents (alias d).
func searchConds(w *where, q store.Query) {
	w.add(`documents_fts MATCH ?`, ftsQuery(q.Text))
	q.Text = "" // applied above, ranked
	docFilters(w, q, 0, "d")
}

// searchFrom is the FROM clause and conditions of the search w (made by
// searchConds): when every filter is a set of documents (or none), the
// index alone (which holds the originals only: migration 16) with each
// set a test of the match's rowid (+: not a constraint handed to the
// index, which would search the match once per value), so that no
// document row is read per match; with other filters, the index joined to
// documents (alias d).
func searchFrom(w *where) (string, *where) {
	joined := `documents_fts JOIN documents d ON d.rowid = documents_fts.rowid`
	if len(w.nargs) != len(w.conds) || len(w.conds) == 0 {
		return joined, w
	}
	out := &where{}
	out.add(w.conds[0], w.args[:w.nargs[0]]...)
	at := w.nargs[0]
	for i, c := range w.conds[1:] {
		args := w.args[at : at+w.nargs[i+1]]
		at += w.nargs[i+1]
		if c == originalsOnly {
			continue
		}
		set := ""
		for _, p := range []string{"d.rowid IN (", "(d.rowid) IN ("} {
			if strings.HasPrefix(c, p) && strings.HasSuffix(c, ")") {
				set = c[len(p) : len(c)-1]
			}
		}
		if set == "" {
			return joined, w
		}
		out.add(`+documents_fts.rowid IN (`+set+`)`, args...)
	}
	return `documents_fts`, out
}

// ranked is a search hit's rowid and bm25 rank.
type ranked struct {
	r    int64
	rank float64
}

// rankPage ranks the matches of the search from/w (searchFrom) in the
// window (store.SearchWindow) and returns the page, the number of ranked
// matches and whether more match than the window holds. The window's
// rows are read in rowid order from the index, newest first, with their
// bm25 rank (computed for those rows only) and ranked here. Ranking every
// match read each one's column sizes (a statement per match, half of a
// search's CPU): a common word's 30,000 matches in a 200,000-document
// store cost 50-130 ms; the window bounds that work whatever the store's
// size (docs/benchmarks.md).
func (s *Store) rankPage(ctx context.Context, from string, w *where, limit, offset int) (page []ranked, n int, more bool, err error) {
	window := store.SearchWindow
	if s.window > 0 {
		window = s.window
	}
	var all []ranked
	sqlText := `SELECT documents_fts.rowid AS r, bm25(documents_fts) AS rank FROM ` + from + w.String() + ` ORDER BY documents_fts.rowid DESC LIMIT ?`
	err = s.query(ctx, "search", sqlText, append(append([]any{}, w.args...), window+1), func(r *sql.Rows) error {
		var x ranked
		if err := r.Scan(&x.r, &x.rank); err != nil {
			return err
		}
		all = append(all, x)
		return nil
	})
	if err != nil {
		return nil, 0, false, err
	}
	if len(all) > window {
		all, more = all[:window], true
	}
	slices.SortFunc(all, func(a, b ranked) int {
		if c := cmp.Compare(a.rank, b.rank); c != 0 {
			return c
		}
		return cmp.Compare(a.r, b.r)
	})
	n = len(all)
	return all[min(offset, n):min(offset+limit, n)], n, more, nil
}

// searchRows lists the page of ranked hits matching w (searchConds of the
// query text match). The page is ranked first, from the index; its
// snippets, which read each text again, are made for the page alone, in
// one pass of the match over the page's rowid range: a cursor opened per
// hit would expand the query again each time (a prefix query merges the
// postings of every word it matches on each open).
func (s *Store) searchRows(ctx context.Context, w *where, match string, limit, offset int) (out []store.SearchHit, n int, more bool, err error) {
	from, fw := searchFrom(w)
	page, n, more, err := s.rankPage(ctx, from, fw, limit, offset)
	out = []store.SearchHit{}
	if err != nil || len(page) == 0 {
		return out, n, more, err
	}
	lo, hi := page[0].r, page[0].r
	args := []any{match, 0, 0}
	for _, x := range page {
		lo, hi = min(lo, x.r), max(hi, x.r)
		args = append(args, x.r)
	}
	args[1], args[2] = lo, hi
	// +rowid: the page's rowids are a test of the rows, not constraints
	// handed to the index (one search per value).
	sqlText := `SELECT p.r, d.id, d.title, d.published, p.snippet FROM (SELECT rowid AS r, snippet(documents_fts, -1, '[', ']', '…', 16) AS snippet
		FROM documents_fts WHERE documents_fts MATCH ? AND rowid BETWEEN ? AND ? AND +rowid IN (?` + strings.Repeat(`, ?`, len(page)-1) + `)) p
		JOIN documents d ON d.rowid = p.r`
	hits := make(map[int64]store.SearchHit, len(page))
	err = s.query(ctx, "search", sqlText, args, func(r *sql.Rows) error {
		var x store.SearchHit
		var rowid int64
		var pub sql.NullString
		if err := r.Scan(&rowid, &x.DocID, &x.Title, &pub, &x.Snippet); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		hits[rowid] = x
		return nil
	})
	if err != nil {
		return out, n, more, err
	}
	for _, x := range page {
		if h, ok := hits[x.r]; ok {
			h.Rank = x.rank
			out = append(out, h)
		}
	}
	return out, n, more, nil
}
