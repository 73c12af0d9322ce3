package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/store"
)

// corpusTable answers query figures, corpus-events and stories from the
// corpus layer (package corpus).
func corpusTable(ctx context.Context, cs store.CorpusStore, kind string, q store.CorpusQuery) (*table, error) {
	t := &table{}
	f := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	i := strconv.Itoa
	switch kind {
	case "figures":
		rows, err := corpus.Figures(ctx, cs, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"figure", "category", "object", "place", "first", "last", "values", "latest", "min", "max", "agreement", "contradiction", "reports", "reason"}
		t.wide = map[int]bool{12: true, 13: true}
		for _, r := range rows {
			var reports []string
			for _, v := range r.Values {
				reports = append(reports, fmt.Sprintf("%s %s (%s)", corpus.DayString(v.Day), f(v.Value), v.Outlet))
			}
			t.cells = append(t.cells, []string{strconv.FormatInt(r.ID, 10), r.Category, r.Object, r.Place, r.FirstDate, r.LastDate, i(r.NumValues),
				f(r.Latest), f(r.Min), f(r.Max), f(r.Agreement), strconv.FormatBool(r.Contradiction), strings.Join(reports, "; "), r.Reason})
		}
	case "corpus-events":
		rows, err := corpus.Events(ctx, cs, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"event", "story", "code", "root", "source", "target", "place", "first", "last", "mentions", "sources", "articles"}
		for _, r := range rows {
			t.cells = append(t.cells, []string{strconv.FormatInt(r.ID, 10), strconv.FormatInt(r.Story, 10), r.Code, r.Root, r.Source, r.Target, r.Place,
				r.FirstDate, r.LastDate, i(r.NumMentions), i(r.NumSources), i(r.NumArticles)})
		}
	case "stories":
		rows, err := corpus.Stories(ctx, cs, q)
		if err != nil {
			return nil, err
		}
		t.rows, t.n = rows, len(rows)
		t.header = []string{"story", "title", "first", "last", "articles"}
		t.wide = map[int]bool{1: true}
		for _, r := range rows {
			t.cells = append(t.cells, []string{strconv.FormatInt(r.ID, 10), r.Title, r.FirstDate, r.LastDate, i(r.NumArticles)})
		}
	default:
		return nil, fmt.Errorf("%w: unknown kind %q", store.ErrBadQuery, kind)
	}
	return t, nil
}
