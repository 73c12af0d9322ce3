package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/store"
)

// The corpus layer's endpoints (package corpus): tracked figures with
// every report, corpus events with their mentions, stories. They exist
// only when the store keeps the layer.

var (
	pFigureCategory = param{name: "category", in: "query", typ: "string", desc: "count category of the figure (KILL, WOUND, ARREST, DISPLACE, ...)"}
	pDoc            = param{name: "doc", in: "query", typ: "string", desc: "only those of this document id"}
	pStory          = param{name: "story", in: "query", typ: "integer", desc: "only those of this story id"}
)

// corpusRoutes adds the corpus endpoints when the store keeps the layer
// (the dashboard detects them in the OpenAPI document).
func (s *Server) corpusRoutes(rs []route) []route {
	if _, ok := s.st.(store.CorpusStore); !ok {
		return rs
	}
	return append(rs,
		route{path: "/api/figures", summary: "Figures tracked across sources: each value with its article, outlet, date and attribution; agreement, spread, the latest value and a contradiction flag",
			params: []param{pFigureCategory, pDoc, pStory, pLimit, pOffset}, item: corpus.TrackedFigure{}, list: true,
			handler: corpusHandler(s, corpus.Figures)},
		route{path: "/api/corpus-events", summary: "Events reported by several articles, with NumMentions, NumSources, NumArticles and every mention",
			params: []param{pDoc, pStory, pLimit, pOffset}, item: corpus.Event{}, list: true,
			handler: corpusHandler(s, corpus.Events)},
		route{path: "/api/stories", summary: "Articles grouped by the happening they report, with a title and a span of dates",
			params: []param{pDoc, pLimit, pOffset}, item: corpus.Story{}, list: true,
			handler: corpusHandler(s, corpus.Stories)},
	)
}

// corpusHandler serves a page of corpus rows from fn.
func corpusHandler[T any](s *Server, fn func(context.Context, store.CorpusStore, store.CorpusQuery) ([]T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cs, ok := s.st.(store.CorpusStore)
		if !ok {
			writeError(w, http.StatusNotImplemented, "this store keeps no corpus layer")
			return
		}
		q, err := parseCorpusQuery(r.URL.Query())
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		limit := q.Limit
		q.Limit++
		items, err := fn(r.Context(), cs, q)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		p := page[T]{Items: items, Limit: limit, Offset: q.Offset}
		if len(items) > limit {
			p.Items = items[:limit]
			n := q.Offset + limit
			v := r.URL.Query()
			v.Set("offset", strconv.Itoa(n))
			v.Set("limit", strconv.Itoa(limit))
			next := r.URL.Path + "?" + v.Encode()
			p.NextOffset, p.Next = &n, &next
		}
		writeJSON(w, http.StatusOK, p)
	}
}

func parseCorpusQuery(v url.Values) (store.CorpusQuery, error) {
	q := store.CorpusQuery{Limit: DefaultLimit}
	for k, vs := range v {
		if len(vs) > 1 {
			return q, fmt.Errorf("parameter %q given %d times", k, len(vs))
		}
		val := vs[0]
		var err error
		switch k {
		case "category":
			q.Category = strings.ToUpper(val)
		case "doc":
			q.Doc = val
		case "story":
			q.Story, err = strconv.ParseInt(val, 10, 64)
			if err == nil && q.Story < 1 {
				err = fmt.Errorf("not positive")
			}
		case "limit":
			q.Limit, err = strconv.Atoi(val)
			if err == nil && (q.Limit < 1 || q.Limit > MaxLimit) {
				err = fmt.Errorf("not in 1..%d", MaxLimit)
			}
		case "offset":
			q.Offset, err = strconv.Atoi(val)
			if err == nil && q.Offset < 0 {
				err = fmt.Errorf("negative")
			}
		default:
			return q, fmt.Errorf("unknown parameter %q", k)
		}
		if err != nil {
			return q, fmt.Errorf("parameter %s=%q: %v", k, val, err)
		}
	}
	return q, nil
}
