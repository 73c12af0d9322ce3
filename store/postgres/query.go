package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/store"
)

// where accumulates SQL conditions and their arguments.
// originalsOnly is the condition every documents filter starts with. Copies
// and retired revisions keep no layer rows (store/copies.go), so a layer's
// rows already belong to originals only.
const originalsOnly = `d.duplicate_of IS NULL`

// onlyOriginals reports whether w holds nothing but originalsOnly: a
// documents filter that a scan of a layer's rows meets without a join.
func (w *where) onlyOriginals() bool {
	return len(w.conds) == 1 && w.conds[0] == originalsOnly
}

type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
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
// starting with p sorts before p followed by U+10FFFF (the code columns
// have the "C" collation, byte order).
func codePrefix(col, p string) (string, []any) {
	return `(` + col + ` >= ? AND ` + col + ` < ?)`, []any{p, p + "\U0010FFFF"}
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
		w.add(doc+` IN (SELECT rowid FROM bodies WHERE fts @@ ?::tsquery)`, tsQuery(q.Text, true))
	}

	// Documents with a matching row elsewhere: IN (subquery) builds the set
	// of documents once, from the layer's index where there is one.
	// The codes are in the names vector (names.go): the subqueries over the
	// layer tables are the exact conditions for codes too long for it.
	if q.Actor != "" && own&fActor == 0 {
		ec, ea := codePrefix("y.actor", q.Actor)
		sc, sa := codePrefix("y.source_actor", q.Actor)
		tc, ta := codePrefix("y.target_actor", q.Actor)
		w.codes(doc, q.Actor, true, `(`+doc+` IN (SELECT y.doc FROM entities y WHERE `+ec+`)
			OR `+doc+` IN (SELECT y.doc FROM events y WHERE `+sc+` OR `+tc+`))`,
			append(append(ea, sa...), ta...), codeActor, codeSource, codeTarget)
	}
	if q.Root != "" && own&fRoot == 0 {
		w.codes(doc, q.Root, false, doc+` IN (SELECT y.doc FROM events y WHERE y.root = ?)`, []any{q.Root}, codeRoot)
	}
	if q.Code != "" && own&fCode == 0 {
		c, a := codePrefix("y.code", q.Code)
		w.codes(doc, q.Code, true, doc+` IN (SELECT y.doc FROM events y WHERE `+c+`)`, a, codeCode)
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

// keyed returns a subquery "(...) k" that selects, in listing order (newest
// document first, undated last, then latest insertion first, then text
// order), the keys (pub, doc, idx) of the page of the layer table's rows
// (alias x) matching where; the caller joins the payload to it. The order
// is the documents' (documents_order) and, within a document, its rows' by
// the primary key (an incremental sort of one document's rows): a page
// costs O(offset+limit) rows when filters are not selective, and no layer
// table keeps an order index of its own (migration 13). A row's pub is its
// document's, so where's conditions on x.pub are put on d.pub, where the
// index serves them. It takes the LIMIT and OFFSET arguments after where's.
func keyed(table, where string) string {
	return `(SELECT d.pub AS pub, x.doc AS doc, x.idx AS idx FROM documents d JOIN ` + table + ` x ON x.doc = d.rowid` +
		strings.ReplaceAll(where, "x.pub", "d.pub") + ` ORDER BY d.pub DESC, d.rowid DESC, x.idx LIMIT ? OFFSET ?) k`
}

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
	err := s.db.QueryRow(ctx, `SELECT pub, rowid FROM documents WHERE id = $1`, q.After.DocID).Scan(&k.pub, &k.doc)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("%w: after: no document %q", store.ErrBadQuery, q.After.DocID)
	}
	if err != nil {
		return nil, fmt.Errorf("postgres: after: %w", err)
	}
	return k, nil
}

// after adds the keyset condition "past k in the listing order" on alias t
// ("d" for documents: pub DESC, rowid DESC; a layer's alias: pub DESC, doc
// DESC, idx), as store/sqlite does. Its first conjunct is a range on the
// order index's leading column, so the scan starts at k instead of
// skipping rows. A layer's condition is for keyed, which joins the rows'
// documents (alias d): its first conjunct is a row range on
// documents_order's columns.
func (w *where) after(t string, k *afterKey) {
	if k == nil {
		return
	}
	if t == "d" {
		w.add(`d.pub <= ? AND (d.pub < ? OR d.rowid < ?)`, k.pub, k.pub, k.doc)
		return
	}
	w.add(`ROW(`+t+`.pub, d.rowid) <= ROW(?, ?::bigint) AND (`+t+`.pub < ? OR d.rowid < ? OR (d.rowid = ? AND `+t+`.idx > ?))`,
		k.pub, k.doc, k.pub, k.doc, k.doc, k.idx)
}

// prepare normalizes q and rejects a Text with no searchable term.
func prepare(q store.Query) (store.Query, error) {
	q, err := q.Normalize()
	if err != nil {
		return q, err
	}
	if q.Text != "" && tsQuery(q.Text, true) == "" {
		return q, fmt.Errorf("%w: full-text query %q has no searchable word", store.ErrBadQuery, q.Text)
	}
	for _, f := range []struct{ name, v string }{{"speaker", q.Speaker}, {"entity", q.Entity}} {
		if f.v != "" && len(store.NameWords(f.v)) == 0 {
			return q, fmt.Errorf("%w: %s filter %q has no word (letters or digits)", store.ErrBadQuery, f.name, f.v)
		}
	}
	return q, nil
}

// query runs sqlText with args and calls scan for each row.
func (s *Store) query(ctx context.Context, what, sqlText string, args []any, scan func(pgx.Rows) error) error {
	rows, err := s.db.Query(ctx, rebind(sqlText), args...)
	if err != nil {
		return wrapQueryErr(what, err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return fmt.Errorf("postgres: %s: %w", what, err)
		}
	}
	if err := rows.Err(); err != nil {
		return wrapQueryErr(what, err)
	}
	return nil
}

func wrapQueryErr(what string, err error) error {
	if strings.Contains(err.Error(), "tsquery") {
		return fmt.Errorf("postgres: %s: %w: %v", what, store.ErrBadQuery, err)
	}
	return fmt.Errorf("postgres: %s: %w", what, err)
}

func pubPtr(ns *string) *string { return ns }

// headlineOptions are ts_headline's options for a search hit's snippet:
// matched words between [ and ], about 16 words around the best match.
const headlineOptions = `StartSel=[, StopSel=], MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1, FragmentDelimiter=…`

// rebind turns the ? placeholders of sqlText (outside quoted strings and
// identifiers) into PostgreSQL's $1, $2, ...
func rebind(sqlText string) string {
	var b strings.Builder
	b.Grow(len(sqlText) + 16)
	n := 0
	var quote byte
	for i := 0; i < len(sqlText); i++ {
		c := sqlText[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote = c
		case c == '?':
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
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
	sqlText := `SELECT d.id, d.title, d.url, d.source, d.published, d.language, d.chars, d.n_entities, d.n_quotes, d.n_counts,
		d.n_locations, d.n_events FROM documents d` + w.String() + ` ORDER BY ` + docOrder + ` LIMIT ? OFFSET ?`
	out := []store.DocumentSummary{}
	err := s.query(ctx, "documents", sqlText, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x store.DocumentSummary
		var pub *string
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
	// A code condition on the row, and on its document through the names
	// vector's index (a necessary condition: the row's decides).
	if q.Actor != "" {
		sc, sa := codePrefix("x.source_actor", q.Actor)
		tc, ta := codePrefix("x.target_actor", q.Actor)
		w.codes("x.doc", q.Actor, true, "true", nil, codeSource, codeTarget)
		w.add(`(`+sc+` OR `+tc+`)`, append(sa, ta...)...)
	}
	if q.Root != "" {
		w.codes("x.doc", q.Root, false, "true", nil, codeRoot)
		w.add(`x.root = ?`, q.Root)
	}
	if q.Code != "" {
		c, a := codePrefix("x.code", q.Code)
		w.codes("x.doc", q.Code, true, "true", nil, codeCode)
		w.add(c, a...)
	}
	if q.Entity != "" {
		w.words(wordsEvent, q.Entity, "x.doc, x.idx")
	}
}

// eventRows lists the page of events matching w (alias x).
func (s *Store) eventRows(ctx context.Context, w *where, limit, offset int) ([]store.EventRow, error) {
	sqlText := `SELECT d.id, d.published, e.idx, e.start, e."end", e.text, e.sentence_start, e.sentence_end,
		substr(b.text, e.sentence_start + 1, e.sentence_end - e.sentence_start), e.code, e.root, e.quad, e.goldstein, e.plover,
		e.plover_mode, e.source_name, e.source_actor, e.target_name, e.target_actor, e.location, e.country, e.negated,
		e.hypothetical, e.reported, e.date
		FROM ` + keyed("events", w.String()) + ` JOIN events e ON e.doc = k.doc AND e.idx = k.idx JOIN documents d ON d.rowid = k.doc JOIN bodies b ON b.rowid = k.doc
` + keyOrder
	out := []store.EventRow{}
	err := s.query(ctx, "events", sqlText, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x store.EventRow
		var pub, srcName, tgtName *string
		var srcActor, tgtActor string
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.SentenceStart, &x.SentenceEnd, &x.Sentence,
			&x.Code, &x.Root, &x.Quad, &x.Goldstein, &x.Plover, &x.PloverMode, &srcName, &srcActor, &tgtName, &tgtActor,
			&x.Location, &x.Country, &x.Negated, &x.Hypothetical, &x.Reported, &x.Date); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if srcName != nil {
			x.Source = &store.Actor{Name: *srcName, Actor: srcActor}
		}
		if tgtName != nil {
			x.Target = &store.Actor{Name: *tgtName, Actor: tgtActor}
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
		c, a := codePrefix("x.speaker_actor", q.Actor)
		w.codes("x.doc", q.Actor, true, "true", nil, codeSpeaker)
		w.add(c, a...)
	}
	if q.Speaker != "" {
		w.words(wordsSpeaker, q.Speaker, "x.doc, x.idx")
	}
}

// quoteRows lists the page of quotes matching w (alias x).
func (s *Store) quoteRows(ctx context.Context, w *where, limit, offset int) ([]store.QuoteRow, error) {
	sqlText := `SELECT d.id, d.published, x.idx, x.start, x."end", x.text, x.direct, x.cue, x.speaker, x.speaker_actor,
		x.speaker_start, x.speaker_end
		FROM ` + keyed("quotes", w.String()) + ` JOIN quotes x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc` + keyOrder
	out := []store.QuoteRow{}
	err := s.query(ctx, "quotes", sqlText, append(w.args, limit, offset), func(r pgx.Rows) error {
		var x store.QuoteRow
		var pub *string
		var ss, se *int64
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.Direct, &x.Cue, &x.Speaker, &x.SpeakerActor,
			&ss, &se); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if ss != nil && se != nil {
			a, b := int(*ss), int(*se)
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
	sqlText := `SELECT d.id, d.published, x.idx, x.start, x."end", x.text, x.value, x.upper, x.percent, x.approx, x.qualifier,
		x.unit, x.currency, x.object, x.category, x.attributed_to, x.sentence_start, x.sentence_end,
		substr(b.text, x.sentence_start + 1, x.sentence_end - x.sentence_start), COALESCE(l.name, ''), COALESCE(l.country, '')
		FROM ` + keyed("counts", w.String()) + ` JOIN counts x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc JOIN bodies b ON b.rowid = k.doc
		LEFT JOIN locations l ON l.doc = x.doc AND l.idx = x.loc
` + keyOrder
	out := []store.FigureRow{}
	err := s.query(ctx, "counts", sqlText, append(w.args, limit, offset), func(r pgx.Rows) error {
		var f store.FigureRow
		x := &f.CountRow
		var pub *string
		var up *float64
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Start, &x.End, &x.Text, &x.Value, &up, &x.Percent, &x.Approx, &x.Qualifier,
			&x.Unit, &x.Currency, &x.Object, &x.Category, &x.AttributedTo, &x.SentenceStart, &x.SentenceEnd, &x.Sentence,
			&f.Place, &f.Country); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		if up != nil {
			v := *up
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
	entityConds(&w, q)
	w.after("x", k)
	sqlText := `SELECT d.id, d.published, x.idx, x.name, x.type, x.actor, x.n_mentions, x.start, x."end"
		FROM ` + keyed("entities", w.String()) + ` JOIN entities x ON x.doc = k.doc AND x.idx = k.idx JOIN documents d ON d.rowid = k.doc` + keyOrder
	out := []store.EntityRow{}
	err = s.query(ctx, "entities", sqlText, append(w.args, q.Limit, q.Offset), func(r pgx.Rows) error {
		var x store.EntityRow
		var pub *string
		if err := r.Scan(&x.DocID, &pub, &x.Index, &x.Name, &x.Type, &x.Actor, &x.Mentions, &x.Start, &x.End); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		out = append(out, x)
		return nil
	})
	return out, err
}

// entityConds adds q's conditions on entities (alias x).
func entityConds(w *where, q store.Query) {
	docFilters(w, q, fActor|fEntity, "x")
	if q.Actor != "" {
		c, a := codePrefix("x.actor", q.Actor)
		w.codes("x.doc", q.Actor, true, "true", nil, codeActor)
		w.add(c, a...)
	}
	if q.Entity != "" {
		w.words(wordsEntity, q.Entity, "x.doc, x.idx")
	}
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
	if q.After != nil {
		return nil, fmt.Errorf("%w: search is ranked: page it with offset, not after", store.ErrBadQuery)
	}
	var w where
	searchConds(&w, q)
	return s.searchRows(ctx, q.Text, &w, q.Limit, q.Offset)
}

// searchConds adds q's conditions on a ranked search of bodies (alias b)
// joined to documents (alias d).
func searchConds(w *where, q store.Query) {
	w.add(`b.fts @@ ?::tsquery`, tsQuery(q.Text, true))
	q.Text = "" // applied above, ranked
	docFilters(w, q, 0, "d")
}

// searchRows lists the page of ranked hits matching w.
func (s *Store) searchRows(ctx context.Context, text string, w *where, limit, offset int) ([]store.SearchHit, error) {
	// The page first (rank from the index's matches), then its snippets.
	sqlText := `SELECT d.id, d.title, d.published, ts_headline('simple', hb.text, ?::tsquery || ?::tsquery, '` + headlineOptions + `'), -p.rank
		FROM (SELECT b.rowid, ts_rank(b.fts, ?::tsquery) AS rank FROM bodies b JOIN documents d ON d.rowid = b.rowid` + w.String() +
		` ORDER BY rank DESC, b.rowid LIMIT ? OFFSET ?) p JOIN documents d ON d.rowid = p.rowid JOIN bodies hb ON hb.rowid = p.rowid
		ORDER BY p.rank DESC, p.rowid`
	args := append([]any{tsQuery(text, true), tsQuery(text, false), tsQuery(text, true)}, w.args...)
	out := []store.SearchHit{}
	err := s.query(ctx, "search", sqlText, append(args, limit, offset), func(r pgx.Rows) error {
		var x store.SearchHit
		var pub *string
		if err := r.Scan(&x.DocID, &x.Title, &pub, &x.Snippet, &x.Rank); err != nil {
			return err
		}
		x.Published = pubPtr(pub)
		out = append(out, x)
		return nil
	})
	return out, err
}
