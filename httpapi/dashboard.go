package httpapi

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/store"
)

// The dashboard's API (when the store is a store.Aggregator):
//
//	GET /api/events, /counts, /quotes, /documents, /search   the lists take the filters below too,
//	                                                         answer their total (counted up to
//	                                                         Server.TotalCap: past it, total_exact
//	                                                         false, "more than"), and format=csv
//	GET /api/groups?kind=&by=          rows counted by one dimension (facet values)
//	GET /api/facets?kind=              every dimension of a kind at once
//	GET /api/series?kind=&bucket=&by=  rows per day, week or month, split by a dimension
//	GET /api/network                   source → target actor edges of the events
//	GET /api/geo/events                GeoJSON of the events' places
//	GET /api/geo/locations             GeoJSON of the documents' places

var (
	pPlover       = param{name: "plover", in: "query", typ: "string", desc: "PLOVER event type, exact (PROTEST)"}
	pQuad         = param{name: "quad", in: "query", typ: "integer", desc: "CAMEO quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict"}
	pSourceActor  = param{name: "source_actor", in: "query", typ: "string", desc: "event source actor code prefix"}
	pTargetActor  = param{name: "target_actor", in: "query", typ: "string", desc: "event target actor code prefix"}
	pPlace        = param{name: "place", in: "query", typ: "string", desc: "two-letter country code (exact) or place name (contains); events and counts match their own place, the other rows any place of their document"}
	pSource       = param{name: "source", in: "query", typ: "string", desc: "the document's source, exact"}
	pTopic        = param{name: "topic", in: "query", typ: "string", desc: "the document's section, exact (politics)"}
	pCategory     = param{name: "category", in: "query", typ: "string", desc: "count category, exact (KILL)"}
	pNegated      = param{name: "negated", in: "query", typ: "string", desc: "negated events: include (default), exclude or only"}
	pHypothetical = param{name: "hypothetical", in: "query", typ: "string", desc: "hypothetical events: include (default), exclude or only"}
	pFormat       = param{name: "format", in: "query", typ: "string", desc: fmt.Sprintf("json (default) or csv (a download; limit up to %d)", store.MaxLimit)}
	pKind         = param{name: "kind", in: "query", typ: "string", desc: "rows to count: documents, events, quotes or counts", required: true}
	pBy           = param{name: "by", in: "query", typ: "string", desc: "dimension to group by (see /api/facets for each kind's)"}
	pBucket       = param{name: "bucket", in: "query", typ: "string", desc: "day (default), week (from Monday) or month"}

	dashFilters = []param{pPlover, pQuad, pSourceActor, pTargetActor, pPlace, pSource, pTopic, pCategory, pNegated, pHypothetical}
)

// Defaults of the aggregate endpoints' limit parameter.
const (
	defaultGroups = 20
	defaultEdges  = 150
	defaultPlaces = 500
)

// counted is the envelope of a list with its total.
type counted[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"` // rows matching the filters in all; with total_exact false, fewer than match
	// TotalExact is false when counting stopped (Server.TotalCap): more
	// than Total rows match.
	TotalExact bool    `json:"total_exact"`
	Limit      int     `json:"limit"`
	Offset     int     `json:"offset"`
	NextOffset *int    `json:"next_offset"`
	NextAfter  *string `json:"next_after,omitempty"` // keyset cursor of the next page (not for search)
	Next       *string `json:"next"`
}

// groupsResponse is the body of /api/groups.
type groupsResponse struct {
	Kind  string        `json:"kind"`
	By    string        `json:"by"`
	Items []store.Group `json:"items"`
}

// facetsResponse is the body of /api/facets.
type facetsResponse struct {
	Kind   string                   `json:"kind"`
	Facets map[string][]store.Group `json:"facets"`
}

// seriesResponse is the body of /api/series.
type seriesResponse struct {
	Kind   string              `json:"kind"`
	Bucket string              `json:"bucket"`
	By     string              `json:"by"`
	Items  []store.SeriesPoint `json:"items"`
}

// node is an actor in the network.
type node struct {
	ID        string  `json:"id"`   // actor code, or name when uncoded
	Name      string  `json:"name"` // a name seen for it
	Count     int     `json:"count"`
	Goldstein float64 `json:"goldstein"` // mean over its events
}

// networkResponse is the body of /api/network.
type networkResponse struct {
	Nodes []node       `json:"nodes"`
	Edges []store.Edge `json:"edges"`
}

// featureCollection, feature and point are the GeoJSON (RFC 7946) of places.
type featureCollection struct {
	Type     string    `json:"type"` // FeatureCollection
	Features []feature `json:"features"`
}

type feature struct {
	Type       string      `json:"type"` // Feature
	Geometry   point       `json:"geometry"`
	Properties store.Place `json:"properties"`
}

type point struct {
	Type        string    `json:"type"`        // Point
	Coordinates []float64 `json:"coordinates"` // longitude, latitude
}

// dashboardRoutes returns routes with the dashboard's filters, totals and
// CSV on the lists, and its aggregate endpoints, when the store is an
// Aggregator; otherwise routes unchanged.
func (s *Server) dashboardRoutes(routes []route) []route {
	ag, ok := s.st.(store.Aggregator)
	if !ok {
		return routes
	}
	lists := map[string]http.HandlerFunc{
		"/api/documents": countedHandler(s, "documents", ag.ListDocuments),
		"/api/events":    countedHandler(s, "events", ag.ListEvents),
		"/api/quotes":    countedHandler(s, "quotes", ag.ListQuotes),
		"/api/counts":    countedHandler(s, "counts", ag.ListCounts),
		"/api/search":    countedHandler(s, "search", ag.SearchDocuments),
	}
	for i, rt := range routes {
		if h, ok := lists[rt.path]; ok {
			rt.handler, rt.total, rt.csv = h, true, true
			rt.params = append(append(append([]param{}, rt.params...), dashFilters...), pFormat)
			routes[i] = rt
		}
	}
	withFilters := func(ps ...param) []param {
		out := append([]param{}, ps...)
		out = append(out, pActor, pRoot, pCode, pSpeaker, pEntity, pSince, pUntil, pText)
		return append(out, dashFilters...)
	}
	return append(routes,
		route{path: "/api/groups", summary: "Rows matching the filters counted by one dimension, largest first",
			params: withFilters(pKind, param{name: "by", in: "query", typ: "string", desc: pBy.desc, required: true},
				param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("at most this many groups (default %d)", defaultGroups)}, pFormat),
			item: groupsResponse{}, csv: true, handler: s.groups(ag)},
		route{path: "/api/facets", summary: "Every dimension of a kind counted at once (the search and explorer facets)",
			params: withFilters(pKind, param{name: "limit", in: "query", typ: "integer", desc: "values per facet (default 10)"},
				param{name: "dims", in: "query", typ: "string", desc: "comma-separated dimensions to count (default: every dimension of the kind)"}),
			item: facetsResponse{}, handler: s.facets(ag)},
		route{path: "/api/series", summary: "Rows per day, week or month, split by a dimension; events with their mean Goldstein score",
			params: withFilters(pKind, pBucket, pBy, pFormat), item: seriesResponse{}, csv: true, handler: s.series(ag)},
		route{path: "/api/network", summary: "Source → target actor edges of the matching events, weighted by count, with mean Goldstein scores",
			params: withFilters(param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("at most this many edges, heaviest first (default %d)", defaultEdges)}, pFormat),
			item:   networkResponse{}, csv: true, handler: s.network(ag)},
		route{path: "/api/geo/events", summary: "GeoJSON points of the matching events' places, with counts and mean Goldstein scores",
			params: withFilters(param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("at most this many places (default %d)", defaultPlaces)}),
			item:   featureCollection{}, contentType: "application/geo+json", handler: s.geo(ag, store.KindEvents)},
		route{path: "/api/geo/locations", summary: "GeoJSON points of the places of the matching documents, with document counts",
			params: withFilters(param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("at most this many places (default %d)", defaultPlaces)}),
			item:   featureCollection{}, contentType: "application/geo+json", handler: s.geo(ag, store.KindDocuments)},
	)
}

// request is a parsed dashboard request: the filter and the endpoint's own
// parameters.
type request struct {
	f     store.Filter
	own   map[string]string
	csv   bool
	limit int // the limit asked for, before the look-ahead row
}

// parseRequest reads the dashboard filters and the parameters named in own
// (kept raw), checks format and limit (up to store.MaxLimit for CSV), and
// leaves the rest to parseQuery. defLimit is the default limit.
func parseRequest(r *http.Request, search bool, defLimit int, own ...string) (request, error) {
	v := r.URL.Query()
	rest := url.Values{}
	req := request{own: map[string]string{}}
	for k, vs := range v {
		if len(vs) > 1 {
			return req, fmt.Errorf("parameter %q given %d times", k, len(vs))
		}
		val := vs[0]
		switch k {
		case "plover":
			req.f.Plover = val
		case "quad":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > 4 {
				return req, fmt.Errorf("parameter quad: %q is not 1, 2, 3 or 4", val)
			}
			req.f.Quad = n
		case "source_actor":
			req.f.SourceActor = val
		case "target_actor":
			req.f.TargetActor = val
		case "place":
			req.f.Place = val
		case "source":
			req.f.Outlet = val
		case "topic":
			req.f.Topic = val
		case "category":
			req.f.Category = val
		case "negated":
			req.f.Negated = store.Modality(val)
		case "hypothetical":
			req.f.Hypothetical = store.Modality(val)
		case "format":
			switch val {
			case "json":
			case "csv":
				req.csv = true
			default:
				return req, fmt.Errorf("parameter format: %q is not json or csv", val)
			}
		case "limit":
			// checked below, once format is known
		default:
			found := false
			for _, o := range own {
				if k == o {
					req.own[k], found = val, true
				}
			}
			if !found {
				rest[k] = vs
			}
		}
	}
	q, err := parseQuery(rest, search)
	if err != nil {
		return req, err
	}
	req.f.Query = q
	req.f.Limit = defLimit
	if val := v.Get("limit"); val != "" {
		maxLimit := MaxLimit
		if req.csv {
			maxLimit = store.MaxLimit
		}
		n, err := strconv.Atoi(val)
		if err != nil || n < 1 || n > maxLimit {
			return req, fmt.Errorf("parameter limit: %q is not an integer in 1..%d", val, maxLimit)
		}
		req.f.Limit = n
	}
	req.limit = req.f.Limit
	if _, err := req.f.Normalize(); err != nil {
		return req, errors.New(strings.TrimPrefix(err.Error(), store.ErrBadQuery.Error()+": "))
	}
	return req, nil
}

// countedHandler serves a filtered list with its total, as JSON or CSV.
func countedHandler[T any](s *Server, name string, fn func(context.Context, store.Filter) (store.Page[T], error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, name == "search", DefaultLimit)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		req.f.TotalCap = s.TotalCap
		p, err := fn(r.Context(), req.f)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		if req.csv {
			writeCSV(w, name, p.Items)
			return
		}
		out := counted[T]{Items: p.Items, Total: p.Total, TotalExact: !p.Capped, Limit: req.f.Limit, Offset: req.f.Offset}
		if name == "search" && req.f.After != nil {
			writeError(w, http.StatusBadRequest, "parameter after: search is ranked; page it with offset")
			return
		}
		// A capped total counts past the page's end (store.TotalCapOf):
		// more rows follow.
		more := req.f.Offset+len(p.Items) < p.Total || p.Capped
		if req.f.After != nil {
			more = len(p.Items) == req.f.Limit && (p.Total > len(p.Items) || p.Capped)
		}
		if more && len(p.Items) > 0 {
			n := req.f.Offset + len(p.Items)
			v := r.URL.Query()
			v.Set("limit", strconv.Itoa(req.f.Limit))
			if key := rowKey(p.Items[len(p.Items)-1]); key != nil && name != "search" {
				a := formatKey(*key)
				v.Del("offset")
				v.Set("after", a)
				out.NextAfter = &a
			} else {
				v.Set("offset", strconv.Itoa(n))
			}
			if req.f.After == nil {
				out.NextOffset = &n
			}
			next := r.URL.Path + "?" + v.Encode()
			out.Next = &next
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func kindParam(req request) (store.Kind, error) {
	k := store.Kind(req.own["kind"])
	if k == "" {
		return "", errors.New("parameter kind (documents, events, quotes or counts) is required")
	}
	if _, ok := store.Dimensions[k]; !ok {
		return "", fmt.Errorf("parameter kind: %q is not documents, events, quotes or counts", k)
	}
	return k, nil
}

func (s *Server) groups(ag store.Aggregator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, false, defaultGroups, "kind", "by")
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		kind, err := kindParam(req)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		by := store.Dim(req.own["by"])
		if by == "" {
			writeError(w, http.StatusBadRequest, "parameter by (the dimension to group by) is required")
			return
		}
		if err := store.CheckDim(kind, by); err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		gs, err := ag.Groups(r.Context(), kind, req.f, by)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		if req.csv {
			writeCSV(w, string(kind)+"-by-"+string(by), gs)
			return
		}
		writeJSON(w, http.StatusOK, groupsResponse{Kind: string(kind), By: string(by), Items: gs})
	}
}

func (s *Server) facets(ag store.Aggregator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, false, 10, "kind", "dims")
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		kind, err := kindParam(req)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		dims := store.Dimensions[kind]
		if list := req.own["dims"]; list != "" {
			dims = nil
			for _, d := range strings.Split(list, ",") {
				if err := store.CheckDim(kind, store.Dim(d)); err != nil {
					s.writeStoreError(w, r, err)
					return
				}
				if !slices.Contains(dims, store.Dim(d)) {
					dims = append(dims, store.Dim(d))
				}
			}
		}
		res := make([][]store.Group, len(dims))
		errs := make([]error, len(dims))
		var wg sync.WaitGroup
		for i, d := range dims {
			wg.Go(func() { res[i], errs[i] = ag.Groups(r.Context(), kind, req.f, d) })
		}
		wg.Wait()
		out := facetsResponse{Kind: string(kind), Facets: map[string][]store.Group{}}
		for i, d := range dims {
			if errs[i] != nil {
				s.writeStoreError(w, r, errs[i])
				return
			}
			out.Facets[string(d)] = res[i]
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func (s *Server) series(ag store.Aggregator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, false, DefaultLimit, "kind", "bucket", "by")
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		kind, err := kindParam(req)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		bucket := store.Bucket(req.own["bucket"])
		if bucket == "" {
			bucket = store.BucketDay
		}
		pts, err := ag.Series(r.Context(), kind, req.f, bucket, store.Dim(req.own["by"]))
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		if req.csv {
			writeCSV(w, string(kind)+"-per-"+string(bucket), pts)
			return
		}
		writeJSON(w, http.StatusOK, seriesResponse{Kind: string(kind), Bucket: string(bucket), By: req.own["by"], Items: pts})
	}
}

func (s *Server) network(ag store.Aggregator) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, false, defaultEdges)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		edges, err := ag.Network(r.Context(), req.f)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		if req.csv {
			writeCSV(w, "network", edges)
			return
		}
		writeJSON(w, http.StatusOK, networkResponse{Nodes: nodesOf(edges), Edges: edges})
	}
}

// nodesOf returns the actors of edges, most events first, with their
// event count and mean Goldstein score (a self-loop counts once).
func nodesOf(edges []store.Edge) []node {
	idx := map[string]int{}
	var nodes []node
	sums := []float64{}
	add := func(id, name string, e store.Edge) {
		i, ok := idx[id]
		if !ok {
			i = len(nodes)
			idx[id] = i
			nodes = append(nodes, node{ID: id, Name: name})
			sums = append(sums, 0)
		}
		nodes[i].Count += e.Count
		sums[i] += e.Goldstein * float64(e.Count)
	}
	for _, e := range edges {
		add(e.Source, e.SourceName, e)
		if e.Target != e.Source {
			add(e.Target, e.TargetName, e)
		}
	}
	for i := range nodes {
		nodes[i].Goldstein = sums[i] / float64(nodes[i].Count)
	}
	return nodes
}

func (s *Server) geo(ag store.Aggregator, kind store.Kind) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := parseRequest(r, false, defaultPlaces)
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if req.csv {
			writeError(w, http.StatusBadRequest, "GeoJSON endpoints have no CSV format")
			return
		}
		places, err := ag.Places(r.Context(), kind, req.f)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		fc := featureCollection{Type: "FeatureCollection", Features: []feature{}}
		for _, p := range places {
			fc.Features = append(fc.Features, feature{Type: "Feature", Properties: p,
				Geometry: point{Type: "Point", Coordinates: []float64{p.Lon, p.Lat}}})
		}
		writeJSONType(w, http.StatusOK, "application/geo+json", fc)
	}
}

// rowKey returns the keyset key of a listed row, nil for rows without one.
func rowKey(x any) *store.Key {
	switch r := x.(type) {
	case store.DocumentSummary:
		return &store.Key{DocID: r.ID}
	case store.EventRow:
		return &store.Key{DocID: r.DocID, Index: r.Index}
	case store.QuoteRow:
		return &store.Key{DocID: r.DocID, Index: r.Index}
	case store.FigureRow:
		return &store.Key{DocID: r.DocID, Index: r.Index}
	case store.CountRow:
		return &store.Key{DocID: r.DocID, Index: r.Index}
	case store.EntityRow:
		return &store.Key{DocID: r.DocID, Index: r.Index}
	}
	return nil
}
