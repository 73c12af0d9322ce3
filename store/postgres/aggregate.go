package postgres

import (
	"context"
	"fmt"
	"github.com/jackc/pgx/v5"
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
		w.eventCode(kind, doc, f.Plover, false, codePlover, `y.plover = ?`, f.Plover)
	}
	if f.Quad != 0 {
		eventCond(`y.quad = ?`, f.Quad)
	}
	if f.SourceActor != "" {
		c, a := codePrefix("y.source_actor", f.SourceActor)
		w.eventCode(kind, doc, f.SourceActor, true, codeSource, c, a...)
	}
	if f.TargetActor != "" {
		c, a := codePrefix("y.target_actor", f.TargetActor)
		w.eventCode(kind, doc, f.TargetActor, true, codeTarget, c, a...)
	}
	if kind == store.KindEvents {
		for _, m := range []struct {
			col string
			m   store.Modality
		}{{"x.negated", f.Negated}, {"x.hypothetical", f.Hypothetical}} {
			switch m.m {
			case store.ModalityExclude:
				w.add(m.col + ` = false`)
			case store.ModalityOnly:
				w.add(m.col + ` = true`)
			}
		}
	}
	if f.Category != "" {
		if kind == store.KindCounts {
			w.codes("x.doc", f.Category, false, "true", nil, codeCategory)
			w.add(`x.category = ?`, f.Category)
		} else {
			w.codes(doc, f.Category, false, doc+` IN (SELECT y.doc FROM counts y WHERE y.category = ?)`, []any{f.Category}, codeCategory)
		}
	}
	if f.Place != "" {
		var cond string
		var arg any
		if store.PlaceIsCountry(f.Place) {
			cond, arg = "country = ?", strings.ToUpper(f.Place)
		} else {
			cond, arg = `name ILIKE ? ESCAPE '\'`, contains(f.Place)
		}
		// A country is one of the document's codes (names.go): an event's
		// and a count's place is one of its document's locations, so the
		// names vector's index serves every kind (a necessary condition
		// for events and counts, whose rows decide).
		country, _ := arg.(string)
		switch kind {
		case store.KindEvents:
			if store.PlaceIsCountry(f.Place) {
				w.codes("x.doc", country, false, "true", nil, codeCountry)
				w.add(`x.country = ?`, arg)
			} else {
				w.add(`x.location ILIKE ? ESCAPE '\'`, arg)
			}
		case store.KindCounts:
			if store.PlaceIsCountry(f.Place) {
				w.codes("x.doc", country, false, "true", nil, codeCountry)
			}
			w.add(`EXISTS (SELECT 1 FROM locations l WHERE l.doc = x.doc AND l.idx = x.loc AND l.`+cond+`)`, arg)
		default:
			exact := doc + ` IN (SELECT l.doc FROM locations l WHERE l.` + cond + `)`
			if store.PlaceIsCountry(f.Place) {
				w.codes(doc, country, false, exact, []any{arg}, codeCountry)
			} else {
				w.add(exact, arg)
			}
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

// eventCode adds the condition of an event code filter (cond on alias y,
// its code v of kind in the names vector, prefix or equal) to the rows of
// kind whose document is doc: on an event row itself, cond and its
// document's codes through the names vector's index (a necessary
// condition); on other rows, their document's codes, with the subquery over
// events as the exact condition for a code too long for the vector.
func (w *where) eventCode(kind store.Kind, doc, v string, prefix bool, code byte, cond string, args ...any) {
	if kind == store.KindEvents {
		w.codes("x.doc", v, prefix, "true", nil, code)
		w.add(strings.ReplaceAll(cond, "y.", "x."), args...)
		return
	}
	w.codes(doc, v, prefix, doc+` IN (SELECT y.doc FROM events y WHERE `+cond+`)`, args, code)
}

// total counts the rows of table (alias x or d) matching w.
func (s *Store) total(ctx context.Context, what, from string, w *where) (int, error) {
	var n int
	if err := s.db.QueryRow(ctx, rebind(`SELECT COUNT(*) FROM `+from+w.String()), w.args...).Scan(&n); err != nil {
		return 0, wrapQueryErr(what+" total", err)
	}
	return n, nil
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
		page = &where{conds: append([]string{}, w.conds...), args: append([]any{}, w.args...)}
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
	n := f.Offset + len(items)
	if len(items) == f.Limit || (len(items) == 0 && f.Offset > 0) || k != nil {
		if n, err = s.total(ctx, string(kind), from, w); err != nil {
			return store.Page[T]{}, err
		}
	}
	return store.Page[T]{Items: items, Total: n}, nil
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
	text := f.Text
	f.Text = ""
	w := filterWhere(store.KindDocuments, f)
	f.Text = text
	var sw where
	searchConds(&sw, f.Query)
	sw.conds, sw.args = append(sw.conds, w.conds...), append(sw.args, w.args...)
	items, err := s.searchRows(ctx, f.Text, &sw, f.Limit, f.Offset)
	if err != nil {
		return store.Page[store.SearchHit]{}, err
	}
	n := f.Offset + len(items)
	if len(items) == f.Limit || (len(items) == 0 && f.Offset > 0) {
		if n, err = s.total(ctx, "search", `bodies b JOIN documents d ON d.rowid = b.rowid`, &sw); err != nil {
			return store.Page[store.SearchHit]{}, err
		}
	}
	return store.Page[store.SearchHit]{Items: items, Total: n}, nil
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
		return ` JOIN documents d ON d.rowid = x.doc`
	case kind == store.KindCounts && (d == store.DimCountry || d == store.DimPlace):
		// From the located counts (index counts_located) to their place.
		return ` JOIN locations l ON x.loc IS NOT NULL AND l.doc = x.doc AND l.idx = x.loc`
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
	gold := `NULL::float8`
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
			sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(*) AS n, NULL::float8 AS g FROM documents d` + w.String()
		} else {
			if !w.onlyOriginals() {
				// From the matching documents to their rows (the layer's primary key).
				sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(DISTINCT y.doc) AS n, NULL::float8 AS g FROM (SELECT d.rowid AS doc FROM documents d` +
					w.String() + `) s JOIN ` + dd[0] + ` y ON y.doc = s.doc WHERE ` + dd[1] + ` <> ''`
			} else {
				sqlText = `SELECT ` + dd[1] + ` AS k, COUNT(DISTINCT y.doc) AS n, NULL::float8 AS g FROM ` + dd[0] + ` y WHERE ` + dd[1] + ` <> ''`
			}
		}
	} else {
		expr := dimExpr(kind, by)
		w.add(expr + ` <> ''`)
		sqlText = `SELECT ` + expr + ` AS k, COUNT(*) AS n, ` + gold + ` AS g FROM ` + layer[kind] + ` x` + dimJoin(kind, by) + w.String()
	}
	sqlText = `SELECT k, n, g FROM (` + sqlText + ` GROUP BY k) grouped ORDER BY n DESC, k COLLATE "C" LIMIT ?`
	out := []store.Group{}
	err = s.query(ctx, "groups", sqlText, append(args, f.Limit), func(r pgx.Rows) error {
		var g store.Group
		var gs *float64
		if err := r.Scan(&g.Key, &g.Count, &gs); err != nil {
			return err
		}
		g.Goldstein = floatPtr(gs)
		out = append(out, g)
		return nil
	})
	return out, err
}

func floatPtr(f *float64) *float64 { return f }

// bucketExpr turns the day expression day into the first day of its bucket.
func bucketExpr(b store.Bucket, day string) (string, error) {
	switch b {
	case store.BucketDay, "":
		return day, nil
	case store.BucketWeek:
		return `to_char(date_trunc('week', (` + day + `)::date), 'YYYY-MM-DD')`, nil
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
		from, day, key, gold = `documents d`, `NULLIF(substr(d.pub, 1, 10), '')`, `''`, `NULL::float8`
		if by != "" {
			dd := docDim[by]
			if dd[0] != "" {
				return nil, fmt.Errorf("%w: a documents series can be split by source, topic or month only", store.ErrBadQuery)
			}
			key = dd[1]
		}
	case store.KindEvents, store.KindQuotes, store.KindCounts:
		from, day, key, gold = layer[kind]+` x`, rowDay, `''`, `NULL::float8`
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
		w.String() + ` GROUP BY b, k) buckets WHERE b IS NOT NULL ORDER BY b, k COLLATE "C"`
	out := []store.SeriesPoint{}
	err = s.query(ctx, "series", sqlText, w.args, func(r pgx.Rows) error {
		var p store.SeriesPoint
		var gs *float64
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
	sqlText := `SELECT s, sn, t, tn, n, g FROM (SELECT ` + src + ` AS s, MIN(COALESCE(x.source_name, '') COLLATE "C") AS sn, ` + tgt + ` AS t,
		MIN(COALESCE(x.target_name, '') COLLATE "C") AS tn, COUNT(*) AS n, AVG(x.goldstein) AS g FROM events x` + w.String() + ` GROUP BY s, t) edges
		WHERE s <> '' AND t <> '' ORDER BY n DESC, s COLLATE "C", t COLLATE "C" LIMIT ?`
	out := []store.Edge{}
	err = s.query(ctx, "network", sqlText, append(w.args, f.Limit), func(r pgx.Rows) error {
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
	// A place is its point and name (grouped by hashing: migration 13
	// dropped the index locations_point, whose write cost per location
	// bought only a sorted scan of the whole table).
	const placeKey = `l.lat, l.lon, l.name`
	var sqlText string
	switch kind {
	case store.KindEvents:
		sqlText = `SELECT l.name, MIN(l.country COLLATE "C"), l.lat, l.lon, COUNT(*) AS n, AVG(x.goldstein)
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
			from = `(SELECT d.rowid AS doc FROM documents d` + w.String() + `) s JOIN locations l ON l.doc = s.doc`
		}
		sqlText = `SELECT l.name, MIN(l.country COLLATE "C"), l.lat, l.lon, COUNT(DISTINCT l.doc) AS n, NULL::float8
			FROM ` + from + ` WHERE l.lat IS NOT NULL AND l.lon IS NOT NULL GROUP BY ` + placeKey
	default:
		return nil, fmt.Errorf("%w: places are of events or documents, not %q", store.ErrBadQuery, kind)
	}
	sqlText += ` ORDER BY n DESC, l.name COLLATE "C" LIMIT ?`
	out := []store.Place{}
	err = s.query(ctx, "places", sqlText, append(w.args, f.Limit), func(r pgx.Rows) error {
		var p store.Place
		var gs *float64
		if err := r.Scan(&p.Name, &p.Country, &p.Lat, &p.Lon, &p.Count, &gs); err != nil {
			return err
		}
		p.Goldstein = floatPtr(gs)
		out = append(out, p)
		return nil
	})
	return out, err
}
