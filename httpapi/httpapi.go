// Package httpapi serves a newsgraph store as a read-only JSON HTTP API:
//
//	GET /api/documents          document summaries
//	GET /api/documents/{id}     one document with text and every annotation
//	GET /api/events             coded events with their evidence sentence
//	GET /api/quotes             quotes and speakers
//	GET /api/counts             numeric claims with their sentence
//	GET /api/entities           per-document entities
//	GET /api/search?q=          ranked full-text search with snippets
//	GET /api/stats              what the store holds
//	GET /api/openapi.json       the OpenAPI 3 description of all of the above
//
// Lists take the filters of the query command as parameters (actor, root,
// code, speaker, entity, since, until, text) plus limit and offset, and answer
// {"items": [...], "limit", "offset", "next_offset", "next_after", "next"}, where
// next is the URL of the following page (by the keyset cursor after=, except
// for the ranked search) or null on the last page. Errors are JSON
// {"error": {"status", "message"}} with status 400 for bad parameters, 404
// for unknown ids and routes, 405 for other methods, 500 otherwise. Every
// offset is a Unicode code point offset into the document text.
package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// MaxLimit is the largest page size the API serves; DefaultLimit is used when
// the limit parameter is absent.
const (
	MaxLimit     = 1000
	DefaultLimit = 50
)

// Server is the API over one store. It is an http.Handler and safe for
// concurrent use.
//
// Requests run in two lanes: cheap ones (one document by id, the OpenAPI
// document, the dashboard's files) start at once; every other API request
// (lists, search, aggregates) first takes one of HeavyLanes slots, so that
// however many heavy requests arrive, the store keeps connections and the
// machine keeps CPU for the cheap ones. Every API request carries a
// deadline (QueryTimeout) down to the store's queries; a request still
// waiting for a slot or a query when it passes gets 503.
type Server struct {
	st  store.Store
	mux *http.ServeMux
	api []byte // the OpenAPI document, built once
	// OnError, when set, receives the internal errors behind 500 responses
	// (the client sees only a generic message). Set it before serving.
	OnError func(r *http.Request, err error)
	// QueryTimeout bounds each API request (DefaultQueryTimeout).
	QueryTimeout time.Duration
	// TotalCap is how many matching rows a list's total counts at most
	// (past the page's end; store.Filter.TotalCap): a broad filter answers
	// "more than TotalCap" (total_exact false) instead of reading every
	// match. 0 counts every match. New sets DefaultTotalCap.
	TotalCap int
	heavy    chan struct{} // the heavy lane's slots
}

// DefaultQueryTimeout is a Server's QueryTimeout unless set.
const DefaultQueryTimeout = 10 * time.Second

// DefaultTotalCap is a Server's TotalCap: a total is exact up to 1,000
// rows (or the end of the page asked for, when that is further).
const DefaultTotalCap = 1000

// HeavyLanes is how many heavy requests run at once: one per core but one
// (at least 1), so that a core stays free for the cheap lane; the others
// wait for a slot.
var HeavyLanes = max(1, runtime.NumCPU()-1)

// New returns the API server over st, which must not be nil.
func New(st store.Store) (*Server, error) {
	if st == nil {
		return nil, errors.New("httpapi: nil store")
	}
	s := &Server{st: st, mux: http.NewServeMux(), QueryTimeout: DefaultQueryTimeout, TotalCap: DefaultTotalCap, heavy: make(chan struct{}, HeavyLanes)}
	for _, rt := range s.routes() {
		// {id...}: document ids from JSON Lines input may contain slashes.
		s.mux.HandleFunc("GET "+strings.Replace(rt.path, "{id}", "{id...}", 1), rt.handler)
	}
	api, err := json.MarshalIndent(openAPI(s.routes()), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("httpapi: build OpenAPI document: %w", err)
	}
	s.api = api
	s.mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, fmt.Sprintf("no route %s %s; see /api/openapi.json", r.Method, r.URL.Path))
	})
	s.mux.HandleFunc("/", static(dashboardAssets)) // the dashboard (web/)
	return s, nil
}

// ServeHTTP serves one request. A method other than GET or HEAD on a known
// route is a 405.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	setSecurityHeaders(w.Header())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		writeError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed; the API is read-only", r.Method))
		return
	}
	if !strings.HasPrefix(r.URL.Path, "/api/") {
		s.mux.ServeHTTP(w, r) // the dashboard's files
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	timeout := s.QueryTimeout
	if timeout <= 0 {
		timeout = DefaultQueryTimeout
	}
	ctx, cancel := context.WithTimeout(r.Context(), timeout)
	defer cancel()
	r = r.WithContext(ctx)
	if !cheap(r.URL.Path) {
		select {
		case s.heavy <- struct{}{}:
			defer func() { <-s.heavy }()
		case <-ctx.Done():
			s.writeStoreError(w, r, ctx.Err())
			return
		}
	}
	s.mux.ServeHTTP(w, r)
}

// cheap reports whether an API path is served in the cheap lane: one row
// by its key, or a constant.
func cheap(p string) bool {
	return strings.HasPrefix(p, "/api/documents/") || p == "/api/openapi.json"
}

// param describes one query or path parameter.
type param struct {
	name, in, typ, desc string
	required            bool
}

// route is one API endpoint: its pattern, documentation and handler.
type route struct {
	path, summary string
	params        []param
	item          any    // the Go type of one item (list) or of the response
	list          bool   // response is a page of items
	total         bool   // the page has a total (dashboard.go)
	csv           bool   // format=csv answers text/csv
	contentType   string // of the 200 response, when not application/json
	handler       http.HandlerFunc
}

var (
	pActor   = param{name: "actor", in: "query", typ: "string", desc: "CAMEO actor code prefix (SYR matches SYRGOV)"}
	pRoot    = param{name: "root", in: "query", typ: "string", desc: "two-digit CAMEO root code, exact (19)"}
	pCode    = param{name: "code", in: "query", typ: "string", desc: "CAMEO event code prefix (19 matches 190, 193)"}
	pSpeaker = param{name: "speaker", in: "query", typ: "string", desc: "quote speaker: every word is the start of a word of the name (case-insensitive): fid, Hakan Fidan"}
	pEntity  = param{name: "entity", in: "query", typ: "string", desc: "entity name: every word is the start of a word of the name (case-insensitive)"}
	pSince   = param{name: "since", in: "query", typ: "string", desc: "published on or after: YYYY-MM-DD or RFC 3339"}
	pUntil   = param{name: "until", in: "query", typ: "string", desc: "published on or before (a date includes that day) or before an RFC 3339 time"}
	pText    = param{name: "text", in: "query", typ: "string", desc: "full-text filter: words (all must occur), \"phrases\", prefix*, OR"}
	pLimit   = param{name: "limit", in: "query", typ: "integer", desc: fmt.Sprintf("page size, 1..%d (default %d)", MaxLimit, DefaultLimit)}
	pOffset  = param{name: "offset", in: "query", typ: "integer", desc: "rows to skip (use next_offset from the previous page)"}
	pAfter   = param{name: "after", in: "query", typ: "string", desc: "keyset cursor: start after this row (next_after of the previous page; the same cost at any depth; not with offset)"}
	filters  = []param{pActor, pRoot, pCode, pSpeaker, pEntity, pSince, pUntil, pText, pLimit, pOffset, pAfter}
)

func (s *Server) routes() []route {
	return s.corpusRoutes(s.dashboardRoutes([]route{
		{path: "/api/documents", summary: "List documents, newest first", params: filters, item: store.DocumentSummary{}, list: true,
			handler: listHandler(s, store.Store.Documents, func(x store.DocumentSummary) store.Key { return store.Key{DocID: x.ID} })},
		{path: "/api/documents/{id}", summary: "One document with its text and every annotation (output contract v1)",
			params: []param{{name: "id", in: "path", typ: "string", desc: "document id", required: true}},
			item:   document.Output{}, handler: s.document},
		{path: "/api/events", summary: "List coded events with their evidence sentence", params: filters, item: store.EventRow{}, list: true,
			handler: listHandler(s, store.Store.Events, func(x store.EventRow) store.Key { return store.Key{DocID: x.DocID, Index: x.Index} })},
		{path: "/api/quotes", summary: "List quotes with their speakers", params: filters, item: store.QuoteRow{}, list: true,
			handler: listHandler(s, store.Store.Quotes, func(x store.QuoteRow) store.Key { return store.Key{DocID: x.DocID, Index: x.Index} })},
		{path: "/api/counts", summary: "List numeric claims with their sentence", params: filters, item: store.CountRow{}, list: true,
			handler: listHandler(s, store.Store.Counts, func(x store.CountRow) store.Key { return store.Key{DocID: x.DocID, Index: x.Index} })},
		{path: "/api/entities", summary: "List entities per document", params: filters, item: store.EntityRow{}, list: true,
			handler: listHandler(s, store.Store.Entities, func(x store.EntityRow) store.Key { return store.Key{DocID: x.DocID, Index: x.Index} })},
		{path: "/api/search", summary: "Ranked full-text search over titles and texts",
			params: append([]param{{name: "q", in: "query", typ: "string", desc: fmt.Sprintf("search text: words, \"phrases\", prefix*, OR. On a SQLite store the %d most recently stored matches are ranked (bm25) and paged; total counts at most those", store.SearchWindow), required: true}}, pActor, pRoot, pCode, pSpeaker, pEntity, pSince, pUntil, pLimit, pOffset),
			item:   store.SearchHit{}, list: true, handler: listHandler[store.SearchHit](s, store.Store.Search, nil)},
		{path: "/api/stats", summary: "Counts of what the store holds", item: store.Stats{}, handler: s.stats},
		{path: "/api/openapi.json", summary: "This API's OpenAPI 3 document", item: map[string]any{}, handler: s.openapi},
	}))
}

// page is the envelope of every list response.
type page[T any] struct {
	Items      []T     `json:"items"`
	Limit      int     `json:"limit"`
	Offset     int     `json:"offset"`
	NextOffset *int    `json:"next_offset"`
	NextAfter  *string `json:"next_after,omitempty"` // the keyset cursor of the next page (lists in listing order)
	Next       *string `json:"next"`
}

// formatKey and parseKey are the after cursor: "INDEX.DOCID".
func formatKey(k store.Key) string { return strconv.Itoa(k.Index) + "." + k.DocID }

func parseKey(s string) (*store.Key, error) {
	i, id, ok := strings.Cut(s, ".")
	n, err := strconv.Atoi(i)
	if !ok || err != nil || n < 0 || id == "" {
		return nil, fmt.Errorf("parameter after: %q is not a cursor (use next_after from the previous page)", s)
	}
	return &store.Key{DocID: id, Index: n}, nil
}

// listHandler serves a paginated list from fn. With key (lists in listing
// order), the next page's URL uses the keyset cursor of the last row
// (after=), which costs the same at any depth; offset= still works.
func listHandler[T any](s *Server, fn func(store.Store, context.Context, store.Query) ([]T, error), key func(T) store.Key) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := parseQuery(r.URL.Query(), r.URL.Path == "/api/search")
		if err != nil {
			writeError(w, http.StatusBadRequest, err.Error())
			return
		}
		if q.After != nil && key == nil {
			writeError(w, http.StatusBadRequest, "parameter after: this list is ranked; page it with offset")
			return
		}
		limit := q.Limit
		q.Limit++ // one more tells whether there is a next page
		items, err := fn(s.st, r.Context(), q)
		if err != nil {
			s.writeStoreError(w, r, err)
			return
		}
		p := page[T]{Items: items, Limit: limit, Offset: q.Offset}
		if len(items) > limit {
			p.Items = items[:limit]
			n := q.Offset + limit
			v := r.URL.Query()
			v.Set("limit", strconv.Itoa(limit))
			if key != nil {
				a := formatKey(key(p.Items[limit-1]))
				v.Del("offset")
				v.Set("after", a)
				p.NextAfter = &a
				if q.After == nil {
					p.NextOffset = &n
				}
			} else {
				v.Set("offset", strconv.Itoa(n))
				p.NextOffset = &n
			}
			next := r.URL.Path + "?" + v.Encode()
			p.Next = &next
		}
		writeJSON(w, http.StatusOK, p)
	}
}

// parseQuery reads the filter parameters; unknown parameters, repeated
// parameters and malformed values are errors, so a typo never silently
// widens a query.
func parseQuery(v url.Values, search bool) (store.Query, error) {
	q := store.Query{Limit: DefaultLimit}
	for k, vs := range v {
		if len(vs) > 1 {
			return q, fmt.Errorf("parameter %q given %d times", k, len(vs))
		}
		val := vs[0]
		switch k {
		case "actor":
			q.Actor = val
		case "root":
			q.Root = val
		case "code":
			q.Code = val
		case "speaker":
			q.Speaker = val
		case "entity":
			q.Entity = val
		case "text":
			if search {
				return q, errors.New("use q, not text, for the search text")
			}
			q.Text = val
		case "q":
			if !search {
				return q, errors.New("parameter q is for /api/search; use text to filter lists")
			}
			q.Text = val
		case "since", "until":
			t, err := store.ParseTime(val, k == "until")
			if err != nil {
				return q, fmt.Errorf("parameter %s: %q is neither YYYY-MM-DD nor RFC 3339", k, val)
			}
			if k == "since" {
				q.Since = &t
			} else {
				q.Until = &t
			}
		case "limit":
			n, err := strconv.Atoi(val)
			if err != nil || n < 1 || n > MaxLimit {
				return q, fmt.Errorf("parameter limit: %q is not an integer in 1..%d", val, MaxLimit)
			}
			q.Limit = n
		case "offset":
			n, err := strconv.Atoi(val)
			if err != nil || n < 0 {
				return q, fmt.Errorf("parameter offset: %q is not a non-negative integer", val)
			}
			q.Offset = n
		case "after":
			k, err := parseKey(val)
			if err != nil {
				return q, err
			}
			q.After = k
		default:
			return q, fmt.Errorf("unknown parameter %q", k)
		}
	}
	if search && strings.TrimSpace(q.Text) == "" {
		return q, errors.New("parameter q (the search text) is required")
	}
	if _, err := q.Normalize(); err != nil {
		return q, errors.New(strings.TrimPrefix(err.Error(), store.ErrBadQuery.Error()+": "))
	}
	return q, nil
}

func (s *Server) document(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if id == "" {
		writeError(w, http.StatusNotFound, "no document id; use /api/documents to list them")
		return
	}
	if len(r.URL.Query()) > 0 {
		writeError(w, http.StatusBadRequest, "this route takes no query parameters")
		return
	}
	o, err := s.st.Document(r.Context(), id)
	if err != nil {
		s.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	st, err := s.st.Stats(r.Context())
	if err != nil {
		s.writeStoreError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(s.api)
}

// apiError is the body of every error response.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, msg string) {
	var e apiError
	e.Error.Status, e.Error.Message = status, msg
	writeJSON(w, status, e)
}

// writeStoreError maps store errors to statuses: ErrNotFound 404,
// ErrBadQuery 400, anything else 500 (with a generic message; the detail is
// not leaked to clients but passed to OnError).
func (s *Server) writeStoreError(w http.ResponseWriter, r *http.Request, err error) {
	switch {
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "no such document")
	case errors.Is(err, store.ErrBadQuery):
		msg := err.Error()
		if i := strings.Index(msg, store.ErrBadQuery.Error()+": "); i >= 0 {
			msg = msg[i+len(store.ErrBadQuery.Error())+2:]
		}
		writeError(w, http.StatusBadRequest, msg)
	case errors.Is(err, context.DeadlineExceeded) || errors.Is(r.Context().Err(), context.DeadlineExceeded):
		// The driver may report an interrupted query in its own words.
		w.Header().Set("Retry-After", "5")
		writeError(w, http.StatusServiceUnavailable, fmt.Sprintf("the request did not finish within %s; narrow the filters or try again", s.QueryTimeout))
	case errors.Is(err, context.Canceled) || r.Context().Err() != nil:
		writeError(w, 499, "request canceled")
	default:
		if s.OnError != nil {
			s.OnError(r, err)
		}
		writeError(w, http.StatusInternalServerError, "internal error reading the store")
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
