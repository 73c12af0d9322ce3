package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func newTestServer(t *testing.T) *httptest.Server {
	t.Helper()
	_, ts := newTestAPI(t)
	return ts
}

// newTestAPI returns the API over a store of the storetest documents and a
// test server running it.
func newTestAPI(t *testing.T) (*Server, *httptest.Server) {
	t.Helper()
	st := openAPIStore(t) // backend_test.go: SQLite, or PostgreSQL in TestAPI_Postgres's run
	if _, err := st.PutBatch(context.Background(), storetest.MustDocs(t)); err != nil {
		t.Fatal(err)
	}
	s, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	t.Cleanup(ts.Close)
	return s, ts
}

func get(t *testing.T, ts *httptest.Server, path string, into any) int {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") && ct != "application/geo+json" {
		t.Errorf("GET %s: Content-Type %q", path, ct)
	}
	if into != nil {
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatalf("GET %s: %v\n%s", path, err, body)
		}
	}
	return resp.StatusCode
}

type listResp struct {
	Items      []map[string]any `json:"items"`
	Limit      int              `json:"limit"`
	Offset     int              `json:"offset"`
	NextOffset *int             `json:"next_offset"`
	Next       *string          `json:"next"`
}

func field(items []map[string]any, key string) []string {
	var out []string
	for _, it := range items {
		out = append(out, it[key].(string))
	}
	return out
}

func TestAPI_Lists(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		path string
		key  string
		want []string
	}{
		{"/api/documents", "id", []string{"khartoum-protest", "geneva-talks", "sao-paulo-strike"}},
		{"/api/documents?since=2024-05-01", "id", []string{"khartoum-protest"}},
		{"/api/documents?until=2024-03-04", "id", []string{"geneva-talks"}},
		{"/api/documents?text=metro", "id", []string{"sao-paulo-strike"}},
		{"/api/events?root=18", "text", []string{"fired live rounds", "denied"}},
		{"/api/events?code=04&actor=TUR", "text", []string{"met"}},
		{"/api/events?entity=protesters&root=14", "text", []string{"marching"}},
		{"/api/quotes?speaker=fidan", "text", []string{"We came to listen, and we will come back,"}},
		{"/api/quotes?actor=SDN", "speaker", []string{"Central Committee of Sudanese Doctors"}},
		{"/api/counts?entity=doctors", "text", []string{"at least 12", "dozens"}},
		{"/api/counts?root=14&since=2024-01-01T00:00:00Z", "text", []string{"at least 12", "dozens"}},
		{"/api/entities?actor=BRA", "name", []string{"Ana Ribeiro", "Metro workers", "São Paulo"}},
		{"/api/entities?entity=nations", "name", []string{"United Nations"}},
		{"/api/search?q=refugees", "doc_id", []string{"geneva-talks"}},
		{"/api/search?q=police&since=2024-06-01", "doc_id", nil},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			var r listResp
			if code := get(t, ts, c.path, &r); code != http.StatusOK {
				t.Fatalf("status %d", code)
			}
			if got := field(r.Items, c.key); !reflect.DeepEqual(got, c.want) {
				t.Errorf("%s = %v, want %v", c.key, got, c.want)
			}
			if r.Items == nil || r.Limit != DefaultLimit || r.Offset != 0 || r.Next != nil || r.NextOffset != nil {
				t.Errorf("envelope = %+v", r)
			}
		})
	}
}

func TestAPI_EventRow(t *testing.T) {
	ts := newTestServer(t)
	var r struct{ Items []store.EventRow }
	if code := get(t, ts, "/api/events?code=143", &r); code != 200 || len(r.Items) != 1 {
		t.Fatalf("status %d, %+v", code, r)
	}
	e := r.Items[0]
	if e.Start != 39 || e.End != 57 || e.SentenceStart != 0 || e.SentenceEnd != 89 || e.Source == nil || e.Source.Actor != "BRALAB" || e.Target != nil {
		t.Errorf("event = %+v", e)
	}
}

func TestAPI_Pagination(t *testing.T) {
	ts := newTestServer(t)
	var all []string
	path := "/api/events?limit=2"
	for pages := 0; path != ""; pages++ {
		if pages > 5 {
			t.Fatal("pagination does not end")
		}
		var r listResp
		if code := get(t, ts, path, &r); code != 200 {
			t.Fatalf("GET %s: %d", path, code)
		}
		if r.Limit != 2 || len(r.Items) > 2 {
			t.Fatalf("page %+v", r)
		}
		for _, it := range r.Items {
			all = append(all, it["doc_id"].(string)+":"+it["text"].(string))
		}
		path = ""
		if r.Next != nil {
			if r.NextOffset == nil || *r.NextOffset != r.Offset+2 || !strings.Contains(*r.Next, "offset=") {
				t.Fatalf("next = %v / %v", r.Next, r.NextOffset)
			}
			path = *r.Next
		}
	}
	want := []string{"khartoum-protest:fired live rounds", "khartoum-protest:marching", "khartoum-protest:denied", "geneva-talks:met", "sao-paulo-strike:walked off the job"}
	if !reflect.DeepEqual(all, want) {
		t.Errorf("paged events = %v, want %v", all, want)
	}
	// Exactly one page: no next.
	var r listResp
	get(t, ts, "/api/documents?limit=3", &r)
	if len(r.Items) != 3 || r.Next != nil {
		t.Errorf("limit=3 page = %d items, next %v", len(r.Items), r.Next)
	}
}

func TestAPI_Document(t *testing.T) {
	ts := newTestServer(t)
	var o document.Output
	if code := get(t, ts, "/api/documents/sao-paulo-strike", &o); code != 200 {
		t.Fatalf("status %d", code)
	}
	want := storetest.MustDocs(t)[2].Output(document.OutputOptions{WithText: true})
	if !reflect.DeepEqual(&o, want) {
		t.Errorf("document = %+v\nwant %+v", o, want)
	}
}

func TestAPI_Errors(t *testing.T) {
	ts := newTestServer(t)
	cases := []struct {
		path   string
		status int
		msg    string
	}{
		{"/api/documents/nope", 404, "no such document"},
		{"/api/documents/wire/2024/001", 404, "no such document"},
		{"/api/documents/", 404, "no document id"},
		{"/api/documents/geneva-talks?x=1", 400, "no query parameters"},
		{"/api/nowhere", 404, "no route"},
		{"/api/events?limit=0", 400, "limit"},
		{"/api/events?limit=abc", 400, "limit"},
		{"/api/events?limit=1001", 400, "limit"},
		{"/api/events?offset=-1", 400, "offset"},
		{"/api/events?since=yesterday", 400, "since"},
		{"/api/events?since=2024-06-01&until=2024-01-01", 400, "not before"},
		{"/api/events?root=1x", 400, "digits"},
		{"/api/events?colour=red", 400, `unknown parameter "colour"`},
		{"/api/events?root=14&root=18", 400, "given 2 times"},
		{"/api/events?q=police", 400, "parameter q is for /api/search"},
		{"/api/search", 400, "required"},
		{"/api/search?q=%21%21", 400, "no searchable word"},
		{"/api/search?q=x&text=y", 400, "use q"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			var e apiError
			code := get(t, ts, c.path, &e)
			if code != c.status || e.Error.Status != c.status || !strings.Contains(e.Error.Message, c.msg) {
				t.Errorf("status %d, body %+v; want %d containing %q", code, e, c.status, c.msg)
			}
		})
	}
	resp, err := http.Post(ts.URL+"/api/events", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") == "" {
		t.Errorf("POST status %d, Allow %q", resp.StatusCode, resp.Header.Get("Allow"))
	}
}

// failing is a store whose reads fail, for the 500 path.
type failing struct{ store.Store }

func (failing) Events(context.Context, store.Query) ([]store.EventRow, error) {
	return nil, errors.New("disk on fire")
}

func TestAPI_InternalError(t *testing.T) {
	s, err := New(failing{})
	if err != nil {
		t.Fatal(err)
	}
	var logged error
	s.OnError = func(_ *http.Request, err error) { logged = err }
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/api/events", nil))
	if rec.Code != 500 || strings.Contains(rec.Body.String(), "fire") || logged == nil {
		t.Errorf("status %d body %s logged %v", rec.Code, rec.Body, logged)
	}
}

func TestAPI_OpenAPICoversRoutes(t *testing.T) {
	s, ts := newTestAPI(t)
	var doc struct {
		OpenAPI string `json:"openapi"`
		Paths   map[string]map[string]struct {
			Parameters []struct {
				Name     string `json:"name"`
				In       string `json:"in"`
				Required bool   `json:"required"`
			} `json:"parameters"`
			Responses map[string]any `json:"responses"`
		} `json:"paths"`
		Components struct {
			Schemas map[string]any `json:"schemas"`
		} `json:"components"`
	}
	if code := get(t, ts, "/api/openapi.json", &doc); code != 200 || !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("status %d, openapi %q", code, doc.OpenAPI)
	}
	routes := s.routes()
	if len(doc.Paths) != len(routes) {
		t.Errorf("%d documented paths, %d routes", len(doc.Paths), len(routes))
	}
	for _, rt := range routes {
		op, ok := doc.Paths[rt.path]["get"]
		if !ok {
			t.Errorf("route %s is not documented", rt.path)
			continue
		}
		if _, ok := op.Responses["200"]; !ok {
			t.Errorf("%s: no 200 response", rt.path)
		}
		// Every documented parameter is accepted by the route (no 400 for
		// "unknown parameter"), and the route is served (not the 404 fallback).
		if strings.Contains(rt.path, "{") {
			var o map[string]any
			if code := get(t, ts, strings.Replace(rt.path, "{id}", "geneva-talks", 1), &o); code != 200 {
				t.Errorf("%s: status %d", rt.path, code)
			}
			continue
		}
		valid := map[string]string{"limit": "5", "offset": "0", "since": "2024-01-01", "until": "2024-12-31", "root": "14", "code": "14",
			"quad": "1", "negated": "include", "hypothetical": "include", "format": "json", "kind": "events", "by": "root", "bucket": "week", "q": "police", "dims": "root"}
		for _, p := range op.Parameters {
			val := map[string]string{"limit": "5", "offset": "0", "since": "2024-01-01", "until": "2024-12-31", "root": "14", "code": "14",
				"quad": "1", "negated": "include", "hypothetical": "include", "format": "json", "kind": "events", "by": "root", "bucket": "week", "dims": "root"}[p.Name]
			if val == "" {
				val = "x"
			}
			u := rt.path + "?" + p.Name + "=" + val
			for _, other := range op.Parameters { // the required others, with valid values
				if other.Required && other.Name != p.Name {
					u += "&" + other.Name + "=" + valid[other.Name]
				}
			}
			var e apiError
			if code := get(t, ts, u, &e); code != 200 {
				t.Errorf("GET %s: status %d %s", u, code, e.Error.Message)
			}
		}
	}
	for _, name := range []string{"EventRow", "QuoteRow", "CountRow", "EntityRow", "DocumentSummary", "SearchHit", "Stats", "Error", "DocumentOutput"} {
		if _, ok := doc.Components.Schemas[name]; !ok {
			t.Errorf("schema %s missing", name)
		}
	}
	// Every route answers JSON (the fallback 404 would also be JSON, so check
	// the paths the mux knows are exactly the documented ones).
	for path := range doc.Paths {
		found := false
		for _, rt := range routes {
			found = found || rt.path == path
		}
		if !found {
			t.Errorf("documented path %s has no route", path)
		}
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"limit=5&offset=2", "since=2024-01-01&until=2024-02-01", "q=%22x", "root=1&root=2", "limit=-1", "until=2024-13-01"} {
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, raw string, search bool) {
		v, err := urlParse(raw)
		if err != nil {
			return
		}
		q, err := parseQuery(v, search)
		if err == nil && (q.Limit < 1 || q.Limit > MaxLimit || q.Offset < 0) {
			t.Errorf("accepted %q with limit %d offset %d", raw, q.Limit, q.Offset)
		}
	})
}

func urlParse(raw string) (map[string][]string, error) { return url.ParseQuery(raw) }
