package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

var _ store.Aggregator = (*Store)(nil)

// eventDay is an event's day: its date from the text when it has a full one,
// else its document's publication day; NULL when neither is known.
const eventDay = `CASE WHEN length(x.date) = 10 THEN x.date ELSE NULLIF(substr(x.pub, 1, 10), '') END`

// rowDay is a layer row's (or a document's) publication day, NULL when undated.
const rowDay = `NULLIF(substr(x.pub, 1, 10), '')`

// prepareFilter normalizes f and rejects a Text with no searchable term.
func prepareFilter(f store.Filter) (store.Filter, error) {
	f, err := f.Normalize()
	if err != nil {
		return f, err
	}
	if _, err := prepare(f.Query); err != nil {
		return f, err
	}
	return f, nil
}

// alias is the table alias the conditions of kind are written against.
func alias(kind store.Kind) string {
	if kind == store.KindDocuments {
		return "d"
	}
	return "x"
}

// filterWhere returns the conditions of f on rows of kind: the Query's, as
// the Store listings apply them, and then the Filter's own.
func filterWhere(kind store.Kind, f store.Filter) *where {
	w := &where{}
	t := alias(kind)
	doc := t + ".doc"
	switch kind {
	case store.KindEvents:
		eventConds(w, f.Query)
	case store.KindQuotes:
		quoteConds(w, f.Query)
	case store.KindCounts:
		countConds(w, f.Query)
	default:
		doc = "d.rowid"
		docFilters(w, f.Query, 0, "d")
	}
	// An event condition (on alias y): on the row itself for events, else
	// the document must have a matching event.
	eventCond := func(cond string, args ...any) {
		if kind == store.KindEvents {
			w.add(strings.ReplaceAll(cond, "y.", "x."), args...)
			return
		}
		w.add(doc+` IN (SELECT y.doc FROM events y WHERE `+cond+`)`, args...)
	}
	if f.Plover != "" {
		eventCond(`y.plover = ?`, f.Plover)
	}
	if f.Quad != 0 {
		eventCond(`y.quad = ?`, f.Quad)
	}
	if f.SourceActor != "" && kind == store.KindEvents {
		w.codePrefixIn("events", []string{"source_actor"}, f.SourceActor)
	} else if f.SourceActor != "" {
		c, a := codePrefix("y.source_actor", f.SourceActor)
		eventCond(c, a...)
	}
	if f.TargetActor != "" {
		c, a := codePrefix("y.target_actor", f.TargetActor)
		eventCond(c, a...)
	}
	if kind == store.KindEvents {
		for _, m := range []struct {
			col string
			m   store.Modality
		}{{"x.negated", f.Negated}, {"x.hypothetical", f.Hypothetical}} {
			switch m.m {
			case store.ModalityExclude:
				w.add(m.col + ` = 0`)
			case store.ModalityOnly:
				w.add(m.col + ` = 1`)
			}
		}
	}
	if f.Category != "" {
		if kind == store.KindCounts {
			w.add(`x.category = ?`, f.Category)
		} else {
			w.add(doc+` IN (SELECT y.doc FROM counts y WHERE y.category = ?)`, f.Category)
		}
	}
	if f.Place != "" {
		var cond string
		var arg any
		if store.PlaceIsCountry(f.Place) {
			cond, arg = "country = ?", strings.ToUpper(f.Place)
		} else {
			// The names containing f.Place, from the distinct names
			// (place_names, totals.go); then their rows by name.
			cond, arg = `name IN (SELECT name FROM place_names WHERE name LIKE ? ESCAPE '\')`, contains(f.Place)
		}
		switch kind {
		case store.KindEvents:
			if store.PlaceIsCountry(f.Place) {
				w.add(`x.country = ?`, arg)
			} else {
				// The events at a matching name (an event's location is
				// the name of one of its document's locations, so it is
				// in place_names), from their index (events_location,
				// migration 16): a set of rows the page and the total
				// start from when it is small, instead of a LIKE tested
				// on every event in listing order.
				w.add(`(x.doc, x.idx) IN (SELECT y.doc, y.idx FROM events y WHERE y.location IN (SELECT name FROM place_names WHERE name LIKE ? ESCAPE '\'))`, arg)
			}
		case store.KindCounts:
			// The documents with such a place first (a set the total and
			// the page can start from, layerSet), then the count's own
			// place. A page that reads the listing order needs only the
			// latter, which implies the former: its rows are the located
			// counts (a test of the row itself), each then looked up.
			// A total starts from the matching places and joins their
			// counts by the count's place (via).
			w.via = &via{from: `locations l CROSS JOIN counts x ON x.doc = l.doc AND x.loc = l.idx`, cond: `l.` + cond,
				args: []any{arg}, replaces: []int{len(w.conds), len(w.conds) + 1}}
			w.addSetAlt(`x.doc IN (SELECT l.doc FROM locations l WHERE l.`+cond+`)`, []any{arg}, `x.loc IS NOT NULL`, nil)
			w.add(`EXISTS (SELECT 1 FROM locations l WHERE l.doc = x.doc AND l.idx = x.loc AND l.`+cond+`)`, arg)
		default:
			w.addSet(doc+` IN (SELECT l.doc FROM locations l WHERE l.`+cond+`)`,
				`EXISTS (SELECT 1 FROM locations l WHERE l.doc = `+doc+` AND l.`+cond+`)`, arg)
		}
	}
	if f.Outlet != "" || f.Topic != "" {
		var conds []string
		var args []any
		if f.Outlet != "" {
			conds, args = append(conds, "source = ?"), append(args, f.Outlet)
		}
		if f.Topic != "" {
			conds, args = append(conds, "topic = ?"), append(args, f.Topic)
		}
		if kind == store.KindDocuments {
			for i, c := range conds {
				w.add("d."+c, args[i])
			}
		} else {
			w.add(doc+` IN (SELECT rowid FROM documents WHERE `+strings.Join(conds, " AND ")+`)`, args...)
		}
	}
	return w
}

// total counts the rows of table (alias x or d) matching w. With upTo
// positive it counts at most upTo+1 of them (the same plans, each
// stopping after that many rows: a broad filter no longer reads every
// match) and, when more than upTo match, answers upTo and capped; the
// listed documents (store_stats) are exact whatever upTo.
func (s *Store) total(ctx context.Context, what, from string, w *where, upTo int) (n int, capped bool, err error) {
	if from == "documents d" && w.onlyOriginals() {
		n, err := s.listedDocuments(ctx) // not a count of every row
		return n, false, err
	}
	// rows counts the rows of a plan: all of them, or the first upTo+1
	// (lim is then the LIMIT's argument).
	rows, lim := func(q string) string { return `SELECT COUNT(*) FROM ` + q }, []any{}
	if upTo > 0 {
		rows, lim = func(q string) string { return `SELECT COUNT(*) FROM (SELECT 1 FROM ` + q + ` LIMIT ?)` }, []any{upTo + 1}
	}
	sqlText := rows(from + w.String())
	args := append(append([]any{}, w.args...), lim...)
	if from == "documents d" {
		if q, a, ok := docSets(w, upTo > 0); ok {
			sqlText, args = q, append(a, lim...)
		}
	} else if v := w.via; v != nil && len(w.nargs) == len(w.conds) {
		rest := &where{}
		rest.add(v.cond, v.args...)
		at := 0
		for i, c := range w.conds {
			a := w.args[at : at+w.nargs[i]]
			at += w.nargs[i]
			if !slices.Contains(v.replaces, i) {
				rest.add(c, a...)
			}
		}
		sqlText, args = rows(v.from+rest.String()), append(rest.args, lim...)
	} else if set, rest, a, ok := layerSet(w); ok {
		// From the documents of the set to their rows (the layer's primary
		// key), instead of testing every row of the layer.
		sqlText = `WITH s(doc) AS (` + set + `) ` + rows(`(SELECT DISTINCT doc FROM s) u CROSS JOIN `+from+` ON x.doc = u.doc`+rest.String())
		args = append(append(a, rest.args...), lim...)
	}
	if err := s.db.QueryRowContext(ctx, sqlText, args...).Scan(&n); err != nil {
		return 0, false, wrapQueryErr(what+" total", err)
	}
	if upTo > 0 && n > upTo {
		return upTo, true, nil
	}
	return n, false, nil
}

// docSets returns, when every condition of the documents filter w is a
// set of documents (a layer's rows, the full-text index, the topic or
// source), the query counting the originals in all of them and its
// arguments, so that a total reads the sets from their indexes instead of
// looking up each document. Layer rows belong to originals only (copies
// keep none) but repeat a document; so does the full-text index
// (originals only since migration 16). With capped,
// the query ends in a LIMIT whose argument the caller appends: the first
// set is read in its index's order, each document once, and tested
// against the others, so that it stops after the limit.
func docSets(w *where, capped bool) (string, []any, bool) {
	if len(w.nargs) != len(w.conds) {
		return "", nil, false
	}
	const fts = `SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?`
	var sets []string
	var args []any
	distinct := true // every set is of distinct rowids
	at := 0
	for i, c := range w.conds {
		a := w.args[at : at+w.nargs[i]]
		at += w.nargs[i]
		var set string
		switch {
		case c == originalsOnly:
			continue
		case c == "d.topic = ?" || c == "d.source = ?":
			set = `SELECT rowid FROM documents WHERE duplicate_of IS NULL AND ` + strings.TrimPrefix(c, "d.")
		case c == "d.rowid IN ("+fts+")":
			set = fts // the index holds the originals only (migration 16)
		default:
			for _, p := range []string{"d.rowid IN (", "(d.rowid) IN ("} {
				if strings.HasPrefix(c, p) && strings.HasSuffix(c, ")") {
					set, distinct = c[len(p):len(c)-1], false
				}
			}
		}
		if set == "" {
			return "", nil, false
		}
		sets, args = append(sets, `SELECT * FROM (`+set+`)`), append(args, a...)
	}
	switch {
	case len(sets) == 0:
		return "", nil, false
	case capped:
		var in []string
		for _, x := range sets[1:] {
			in = append(in, ` AND doc IN (`+x+`)`)
		}
		return `WITH s(doc) AS (` + sets[0] + `) SELECT COUNT(*) FROM (SELECT DISTINCT doc FROM s WHERE 1` + strings.Join(in, "") + ` LIMIT ?)`, args, true
	case len(sets) == 1 && distinct:
		return `SELECT COUNT(*) FROM (` + sets[0] + `)`, args, true
	case len(sets) == 1:
		return `WITH s(doc) AS (` + sets[0] + `) SELECT COUNT(DISTINCT doc) FROM s`, args, true
	}
	return `SELECT COUNT(*) FROM (` + strings.Join(sets, " INTERSECT ") + `)`, args, true // INTERSECT keeps each rowid once
}

// layerSet returns the first condition of the layer filter w (alias x)
// that is a set of documents ("x.doc IN (...)"), its arguments, and the
// other conditions.
func layerSet(w *where) (set string, rest *where, args []any, ok bool) {
	if len(w.nargs) != len(w.conds) {
		return "", nil, nil, false
	}
	at := 0
	for i, c := range w.conds {
		if strings.HasPrefix(c, "x.doc IN (") && strings.HasSuffix(c, ")") {
			rest = &where{conds: append(append([]string{}, w.conds[:i]...), w.conds[i+1:]...)}
			rest.args = append(append([]any{}, w.args[:at]...), w.args[at+w.nargs[i]:]...)
			return c[len("x.doc IN (") : len(c)-1], rest, append([]any{}, w.args[at:at+w.nargs[i]]...), true
		}
		at += w.nargs[i]
	}
	return "", nil, nil, false
}

// listPage runs rows and total over the conditions of f on kind.
func listPage[T any](ctx context.Context, s *Store, kind store.Kind, f store.Filter, from string,
	rows func(context.Context, *where, int, int) ([]T, error)) (store.Page[T], error) {
	f, err := prepareFilter(f)
	if err != nil {
		return store.Page[T]{}, err
	}
	w := filterWhere(kind, f)
	k, err := s.resolveAfter(ctx, f.Query)
	if err != nil {
		return store.Page[T]{}, err
	}
	page := w
	if k != nil { // the page starts after k; the total counts every match
		page = &where{conds: append([]string{}, w.conds...), args: append([]any{}, w.args...), split: w.split, nargs: append([]int{}, w.nargs...), alts: w.alts}
		alias := "x"
		if kind == store.KindDocuments {
			alias = "d"
		}
		page.after(alias, k)
	}
	items, err := rows(ctx, page, f.Limit, f.Offset)
	if err != nil {
		return store.Page[T]{}, err
	}
	p := store.Page[T]{Items: items, Total: f.Offset + len(items)}
	if len(items) == f.Limit || (len(items) == 0 && f.Offset > 0) || k != nil {
		if p.Total, p.Capped, err = s.total(ctx, string(kind), from, w, store.TotalCapOf(f)); err != nil {
			return store.Page[T]{}, err
		}
	}
	return p, nil
}

// ListEvents lists events with their total; see store.Aggregator.
func (s *Store) ListEvents(ctx context.Context, f store.Filter) (store.Page[store.EventRow], error) {
	return listPage(ctx, s, store.KindEvents, f, "events x", s.eventRows)
}

// ListCounts lists numeric claims with their total; see store.Aggregator.
func (s *Store) ListCounts(ctx context.Context, f store.Filter) (store.Page[store.FigureRow], error) {
	return listPage(ctx, s, store.KindCounts, f, "counts x", s.figureRows)
}

// ListQuotes lists quotes with their total; see store.Aggregator.
func (s *Store) ListQuotes(ctx context.Context, f store.Filter) (store.Page[store.QuoteRow], error) {
	return listPage(ctx, s, store.KindQuotes, f, "quotes x", s.quoteRows)
}

// ListDocuments lists documents with their total; see store.Aggregator.
func (s *Store) ListDocuments(ctx context.Context, f store.Filter) (store.Page[store.DocumentSummary], error) {
	return listPage(ctx, s, store.KindDocuments, f, "documents d", s.documentRows)
}

// SearchDocuments ranks documents with their total; see store.Aggregator.
func (s *Store) SearchDocuments(ctx context.Context, f store.Filter) (store.Page[store.SearchHit], error) {
	f, err := prepareFilter(f)
	if err != nil {
		return store.Page[store.SearchHit]{}, err
	}
	if f.Text == "" {
		return store.Page[store.SearchHit]{}, fmt.Errorf("%w: search needs a query text", store.ErrBadQuery)
	}
	// The search's conditions (the match and the Query's filters), then
	// the Filter's own (filterWhere without the Query's).
	var sw where
	searchConds(&sw, f.Query)
	own := f
	own.Query = store.Query{}
	sw.and(filterWhere(store.KindDocuments, own))
	nw, err := s.narrowSets(ctx, &sw)
	if err != nil {
		return store.Page[store.SearchHit]{}, err
	}
	// The total is the window's (rankPage): the matches ranked, at most
	// store.SearchWindow, capped when more match; a TotalCap below it caps it
	// as the lists do.
	items, n, more, err := s.searchRows(ctx, nw, ftsQuery(f.Text), f.Limit, f.Offset)
	if err != nil {
		return store.Page[store.SearchHit]{}, err
	}
	p := store.Page[store.SearchHit]{Items: items, Total: n, Capped: more}
	if c := store.TotalCapOf(f); c > 0 && n > c {
		p.Total, p.Capped = c, true
	}
	return p, nil
}

// layer is the table of a row kind other than documents.
var layer = map[store.Kind]string{store.KindEvents: "events", store.KindQuotes: "quotes", store.KindCounts: "counts"}

// actorKey is an event side's key: its actor code, else its name.
func actorKey(side string) string {
	return `CASE WHEN x.` + side + `_actor <> '' THEN x.` + side + `_actor ELSE COALESCE(x.` + side + `_name, '') END`
}

// dimJoin is the join a layer row x needs for dimension d: its document d
// or its place l.
func dimJoin(kind store.Kind, d store.Dim) string {
	switch {
	case d == store.DimSource || d == store.DimTopic:
		// The layer's rows first (their filters are on x), then their document.
		return ` CROSS JOIN documents d ON d.rowid = x.doc`
	case kind == store.KindCounts && (d == store.DimCountry || d == store.DimPlace):
		// From the located counts (index counts_located) to their place.
		return ` CROSS JOIN locations l ON x.loc IS NOT NULL AND l.doc = x.doc AND l.idx = x.loc`
	}
	return ""
}

// dimExpr is the SQL expression of dimension d on a layer row x with the
// join of dimJoin.
func dimExpr(kind store.Kind, d store.Dim) string {
	day := rowDay
	if kind == store.KindEvents {
		day = eventDay
	}
	switch d {
	case store.DimQuad:
		return `CAST(x.quad AS TEXT)`
	case store.DimPlover, store.DimRoot, store.DimCode, store.DimCategory, store.DimObject, store.DimSpeaker:
		return `x.` + string(d)
	case store.DimSpeakerCode:
		return `x.speaker_actor`
	case store.DimSourceActor:
		return actorKey("source")
	case store.DimTargetActor:
		return actorKey("target")
	case store.DimCountry:
		if kind == store.KindCounts {
			return `l.country`
		}
		return `x.country`
	case store.DimPlace:
		if kind == store.KindCounts {
			return `l.name`
		}
		return `x.location`
	case store.DimSource:
		return `d.source`
	case store.DimTopic:
		return `d.topic`
	case store.DimMonth:
		return `substr(` + day + `, 1, 7)`
	}
	return `''`
}

// docDim is, for a documents group by d, the table and column whose
// distinct documents are counted ("" table: a column of documents itself).
var docDim = map[store.Dim][2]string{
	store.DimSource:  {"", "d.source"},
	store.DimTopic:   {"", "d.topic"},
	store.DimMonth:   {"", "substr(d.pub, 1, 7)"},
	store.DimActor:   {"entities", "y.actor"},
	store.DimRoot:    {"events", "y.root"},
	store.DimPlover:  {"events", "y.plover"},
	store.DimCountry: {"locations", "y.country"},
	store.DimPlace:   {"locations", "y.name"},
}

// Groups counts rows by one dimension; see store.Aggregator.
func (s *Store) Groups(ctx context.Context, kind store.Kind, f store.Filter, by store.Dim) ([]store.Group, error) {
	if err := store.CheckDim(kind, by); err != nil {
		return nil, err
	}
	f, err := prepareFilter(f)
	if err != nil {
		return nil, err
	}
	w := filterWhere(kind, f)
	gold := `NULL`
	if kind == store.KindEvents {
		gold = `AVG(x.goldstein)`
	}
	// Rows with an empty key are dropped before grouping.
	var sqlText string
	args := w.args
	if kind == store.KindDocuments {
		dd := docDim[by]
		if dd[0] == "" {
			w.add(dd[1] + ` <> ''`)
			sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(*) AS n, NULL AS g FROM documents d` + w.String()
		} else {
			if !w.onlyOriginals() {
				// From the matching documents to their rows (the layer's primary key).
				sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(DISTINCT y.doc) AS n, NULL AS g FROM (SELECT d.rowid AS doc FROM documents d` +
					w.String() + `) s CROSS JOIN ` + dd[0] + ` y ON y.doc = s.doc WHERE ` + dd[1] + ` <> ''`
			} else {
				sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(DISTINCT y.doc) AS n, NULL AS g FROM ` + dd[0] + ` y WHERE ` + dd[1] + ` <> ''`
			}
		}
	} else {
		expr := dimExpr(kind, by)
		w.add(expr + ` <> ''`)
		sqlText = `SELECT ` + expr + ` AS k, COUNT(*) AS n, ` + gold + ` AS g FROM ` + layer[kind] + ` x` + dimJoin(kind, by) + w.String()
	}
	sqlText = `SELECT k, n, g FROM (` + sqlText + ` GROUP BY k) ORDER BY n DESC, k LIMIT ?`
	out := []store.Group{}
	err = s.query(ctx, "groups", sqlText, append(args, f.Limit), func(r *sql.Rows) error {
		var g store.Group
		var gs sql.NullFloat64
		if err := r.Scan(&g.Key, &g.Count, &gs); err != nil {
			return err
		}
		g.Goldstein = floatPtr(gs)
		out = append(out, g)
		return nil
	})
	return out, err
}

func floatPtr(f sql.NullFloat64) *float64 {
	if !f.Valid {
		return nil
	}
	v := f.Float64
	return &v
}

// bucketExpr turns the day expression day into the first day of its bucket.
func bucketExpr(b store.Bucket, day string) (string, error) {
	switch b {
	case store.BucketDay, "":
		return day, nil
	case store.BucketWeek:
		return `date(` + day + `, '-6 days', 'weekday 1')`, nil
	case store.BucketMonth:
		return `substr(` + day + `, 1, 7) || '-01'`, nil
	}
	return "", fmt.Errorf("%w: bucket %q is not day, week or month", store.ErrBadQuery, b)
}

// Series counts rows per time bucket; see store.Aggregator.
func (s *Store) Series(ctx context.Context, kind store.Kind, f store.Filter, bucket store.Bucket, by store.Dim) ([]store.SeriesPoint, error) {
	if by != "" {
		if err := store.CheckDim(kind, by); err != nil {
			return nil, err
		}
	}
	f, err := prepareFilter(f)
	if err != nil {
		return nil, err
	}
	w := filterWhere(kind, f)
	var from, day, key, gold string
	switch kind {
	case store.KindDocuments:
		from, day, key, gold = `documents d`, `NULLIF(substr(d.pub, 1, 10), '')`, `''`, `NULL`
		if by != "" {
			dd := docDim[by]
			if dd[0] != "" {
				return nil, fmt.Errorf("%w: a documents series can be split by source, topic or month only", store.ErrBadQuery)
			}
			key = dd[1]
		}
	case store.KindEvents, store.KindQuotes, store.KindCounts:
		from, day, key, gold = layer[kind]+` x`, rowDay, `''`, `NULL`
		if kind == store.KindEvents {
			day, gold = eventDay, `AVG(x.goldstein)`
		}
		if by != "" {
			key = dimExpr(kind, by)
			from += dimJoin(kind, by)
		}
	default:
		return nil, fmt.Errorf("%w: unknown kind %q", store.ErrBadQuery, kind)
	}
	b, err := bucketExpr(bucket, day)
	if err != nil {
		return nil, err
	}
	sqlText := `SELECT b, k, n, g FROM (SELECT ` + b + ` AS b, COALESCE(` + key + `, '') AS k, COUNT(*) AS n, ` + gold + ` AS g FROM ` + from +
		w.String() + ` GROUP BY b, k) WHERE b IS NOT NULL ORDER BY b, k`
	out := []store.SeriesPoint{}
	err = s.query(ctx, "series", sqlText, w.args, func(r *sql.Rows) error {
		var p store.SeriesPoint
		var gs sql.NullFloat64
		if err := r.Scan(&p.Bucket, &p.Key, &p.Count, &gs); err != nil {
			return err
		}
		p.Goldstein = floatPtr(gs)
		out = append(out, p)
		return nil
	})
	return out, err
}

// Network returns the actor network; see store.Aggregator.
func (s *Store) Network(ctx context.Context, f store.Filter) ([]store.Edge, error) {
	f, err := prepareFilter(f)
	if err != nil {
		return nil, err
	}
	w := filterWhere(store.KindEvents, f)
	src, tgt := actorKey("source"), actorKey("target")
	sqlText := `SELECT s, sn, t, tn, n, g FROM (SELECT ` + src + ` AS s, MIN(COALESCE(x.source_name, '')) AS sn, ` + tgt + ` AS t,
		MIN(COALESCE(x.target_name, '')) AS tn, COUNT(*) AS n, AVG(x.goldstein) AS g FROM events x` + w.String() + ` GROUP BY s, t)
		WHERE s <> '' AND t <> '' ORDER BY n DESC, s, t LIMIT ?`
	out := []store.Edge{}
	err = s.query(ctx, "network", sqlText, append(w.args, f.Limit), func(r *sql.Rows) error {
		var e store.Edge
		if err := r.Scan(&e.Source, &e.SourceName, &e.Target, &e.TargetName, &e.Count, &e.Goldstein); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// Places returns located groups of events or documents; see store.Aggregator.
func (s *Store) Places(ctx context.Context, kind store.Kind, f store.Filter) ([]store.Place, error) {
	f, err := prepareFilter(f)
	if err != nil {
		return nil, err
	}
	w := filterWhere(kind, f)
	// A place is its point and name (the index locations_point serves the
	// grouping).
	const placeKey = `l.lat, l.lon, l.name`
	var sqlText string
	switch kind {
	case store.KindEvents:
		sqlText = `SELECT l.name, MIN(l.country), l.lat, l.lon, COUNT(*) AS n, AVG(x.goldstein)
			FROM events x JOIN locations l ON l.doc = x.doc AND l.idx = x.loc` + w.String()
		if len(w.conds) == 0 {
			sqlText += ` WHERE`
		} else {
			sqlText += ` AND`
		}
		sqlText += ` l.lat IS NOT NULL AND l.lon IS NOT NULL GROUP BY ` + placeKey
	case store.KindDocuments:
		from := `locations l`
		if !w.onlyOriginals() { // from the matching documents to their places
			from = `(SELECT d.rowid AS doc FROM documents d` + w.String() + `) s CROSS JOIN locations l ON l.doc = s.doc`
		}
		sqlText = `SELECT l.name, MIN(l.country), l.lat, l.lon, COUNT(DISTINCT l.doc) AS n, NULL
			FROM ` + from + ` WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL GROUP BY ` + placeKey
	default:
		return nil, fmt.Errorf("%w: places are of events or documents, not %q", store.ErrBadQuery, kind)
	}
	sqlText += ` ORDER BY n DESC, 1 LIMIT ?`
	out := []store.Place{}
	err = s.query(ctx, "places", sqlText, append(w.args, f.Limit), func(r *sql.Rows) error {
		var p store.Place
		var gs sql.NullFloat64
		if err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Count, &gs); err != nil {
			return err
		}
		p.Goldstein = floatPtr(gs)
		out = append(out, p)
		return nil
	})
	return out, err
}
