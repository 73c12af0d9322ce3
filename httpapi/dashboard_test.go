package httpapi

import (
	"context"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestAPI_DashboardLists(t *testing.T) {
	ts := newTestServer(t)
	var p struct {
		listResp
		Total int `json:"total"`
	}
	if code := get(t, ts, "/api/events?plover=PROTEST&limit=1", &p); code != 200 {
		t.Fatalf("status %d", code)
	}
	if p.Total != 2 || len(p.Items) != 1 || p.NextOffset == nil || *p.NextOffset != 1 || p.Next == nil ||
		!strings.Contains(*p.Next, "plover=PROTEST") {
		t.Errorf("events page: %+v", p)
	}
	p.Next = nil
	if code := get(t, ts, "/api/events?plover=PROTEST&limit=1&offset=1", &p); code != 200 || p.Total != 2 || p.Next != nil {
		t.Errorf("last page: status %d %+v", code, p)
	}
	if get(t, ts, "/api/events?quad=4&negated=exclude", &p); p.Total != 1 {
		t.Errorf("asserted material conflict: total %d", p.Total)
	}
	if get(t, ts, "/api/documents?place=BR", &p); p.Total != 1 || p.Items[0]["id"] != "sao-paulo-strike" {
		t.Errorf("documents in BR: %+v", p)
	}
	if get(t, ts, "/api/search?q=police&quad=4", &p); p.Total != 1 || p.Items[0]["doc_id"] != "khartoum-protest" {
		t.Errorf("search: %+v", p)
	}
	var e apiError
	if code := get(t, ts, "/api/events?quad=7", &e); code != 400 || !strings.Contains(e.Error.Message, "quad") {
		t.Errorf("quad=7: %d %q", code, e.Error.Message)
	}
	if code := get(t, ts, "/api/events?limit=5000", &e); code != 400 {
		t.Errorf("limit=5000 as JSON: status %d", code)
	}
}

func TestAPI_CSV(t *testing.T) {
	ts := newTestServer(t)
	resp, err := http.Get(ts.URL + "/api/events?format=csv&limit=5000&root=18")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="events.csv"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	recs, err := csv.NewReader(resp.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records, want header + 2", len(recs))
	}
	head := strings.Join(recs[0], ",")
	for _, col := range []string{"doc_id", "sentence", "source_name", "source_actor", "target_name", "goldstein", "negated"} {
		if !strings.Contains(","+head+",", ","+col+",") {
			t.Errorf("no column %s in %s", col, head)
		}
	}
	row := map[string]string{}
	for i, c := range recs[0] {
		row[c] = recs[2][i]
	}
	if row["code"] != "183" || row["target_name"] != "" || row["negated"] != "true" || row["goldstein"] != "-10" {
		t.Errorf("second row: %v", row)
	}
	if got := csvCell(reflect.ValueOf(struct{ S string }{"=HYPERLINK(1)"}), []int{0}); got != "'=HYPERLINK(1)" {
		t.Errorf("formula cell written as %q", got)
	}
}

func TestAPI_Aggregates(t *testing.T) {
	ts := newTestServer(t)
	var g groupsResponse
	if code := get(t, ts, "/api/groups?kind=events&by=root", &g); code != 200 || len(g.Items) != 3 || g.Items[0].Key != "14" {
		t.Errorf("groups: %d %+v", code, g)
	}
	var f facetsResponse
	if code := get(t, ts, "/api/facets?kind=documents&limit=3", &f); code != 200 || len(f.Facets["country"]) != 2 || len(f.Facets["actor"]) != 3 {
		t.Errorf("facets: %d %+v", code, f)
	}
	f = facetsResponse{}
	if code := get(t, ts, "/api/facets?kind=events&dims=plover,root", &f); code != 200 || len(f.Facets) != 2 || len(f.Facets["plover"]) != 3 {
		t.Errorf("facets with dims: %d %+v", code, f)
	}
	var s seriesResponse
	if code := get(t, ts, "/api/series?kind=events&bucket=week&by=quad", &s); code != 200 || len(s.Items) != 3 || s.Items[0].Bucket != "2024-03-04" {
		t.Errorf("series: %d %+v", code, s)
	}
	var n networkResponse
	if code := get(t, ts, "/api/network", &n); code != 200 || len(n.Edges) != 2 || len(n.Nodes) != 4 {
		t.Errorf("network: %d %+v", code, n)
	}
	var fc featureCollection
	if code := get(t, ts, "/api/geo/events", &fc); code != 200 || fc.Type != "FeatureCollection" || len(fc.Features) != 2 ||
		fc.Features[0].Geometry.Coordinates[0] != 6.14569 || fc.Features[0].Properties.Name != "Geneva" {
		t.Errorf("geo events: %d %+v", code, fc)
	}
	if code := get(t, ts, "/api/geo/locations?place=BR", &fc); code != 200 || len(fc.Features) != 1 {
		t.Errorf("geo locations: %d %+v", code, fc)
	}
	var e apiError
	for path, want := range map[string]string{
		"/api/groups?kind=events":                "dimension",
		"/api/groups?by=root":                    "kind",
		"/api/groups?kind=events&by=speaker":     "cannot be grouped",
		"/api/series?kind=events&bucket=year":    "bucket",
		"/api/facets?kind=mentions":              "kind",
		"/api/facets?kind=events&dims=speaker":   "cannot be grouped",
		"/api/network?limit=0":                   "limit",
		"/api/geo/events?format=csv":             "CSV",
		"/api/groups?kind=events&by=root&kind=x": "given 2 times",
	} {
		if code := get(t, ts, path, &e); code != 400 || !strings.Contains(e.Error.Message, want) {
			t.Errorf("GET %s: %d %q, want 400 with %q", path, code, e.Error.Message, want)
		}
	}
}

func TestAPI_SecurityHeadersAndDashboard(t *testing.T) {
	ts := newTestServer(t)
	for _, path := range []string{"/", "/api/stats", "/api/nothing", "/nothing", "/api/events?format=csv"} {
		resp, err := http.Get(ts.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != ContentSecurityPolicy || !strings.HasPrefix(got, "default-src 'self'") {
			t.Errorf("GET %s: CSP %q", path, got)
		}
		if got := resp.Header.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("GET %s: X-Content-Type-Options %q", path, got)
		}
		if path == "/" {
			if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/html; charset=utf-8" {
				t.Errorf("GET /: %d %q", resp.StatusCode, ct)
			}
			if strings.Contains(string(body), "<script>") || strings.Contains(string(body), " style=") {
				t.Errorf("index.html has an inline script or style attribute")
			}
		}
	}
}

// FuzzParseRequest checks that the dashboard's parameter parser never
// accepts a limit out of range, an unknown modality or quad class.
func FuzzParseRequest(f *testing.F) {
	for _, s := range []string{"limit=5&quad=2", "negated=only&hypothetical=exclude", "format=csv&limit=10000", "kind=events&by=root",
		"place=GB&plover=PROTEST&source_actor=SYR", "quad=9", "limit=0", "negated=maybe"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		r, err := http.NewRequest("GET", "/api/events?"+raw, nil)
		if err != nil {
			return
		}
		req, err := parseRequest(r, false, DefaultLimit, "kind", "by")
		if err != nil {
			return
		}
		maxLimit := MaxLimit
		if req.csv {
			maxLimit = 10000
		}
		nf, nerr := req.f.Normalize()
		if req.f.Limit < 1 || req.f.Limit > maxLimit || req.f.Offset < 0 || nerr != nil || nf.Quad < 0 || nf.Quad > 4 {
			t.Errorf("accepted %q: %+v (%v)", raw, req.f, nerr)
		}
	})
}

// TestAPI_CappedTotals serves 30 synthetic documents with a TotalCap of
// 10: a broad list answers total 10 with total_exact false and a next
// page; a page ending past the cap counts to its end; the last page and
// the stored document count are exact.
func TestAPI_CappedTotals(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "capped.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(context.Background(), storetest.Synthetic(30)); err != nil {
		t.Fatal(err)
	}
	api, err := New(st)
	if err != nil {
		t.Fatal(err)
	}
	api.TotalCap = 10
	ts := httptest.NewServer(api)
	defer ts.Close()
	type page struct {
		Total      int     `json:"total"`
		TotalExact *bool   `json:"total_exact"`
		NextOffset *int    `json:"next_offset"`
		Next       *string `json:"next"`
		Items      []any   `json:"items"`
	}
	type want struct {
		total      int
		exact      bool
		items      int
		nextOffset int // -1: none
	}
	for _, c := range []struct {
		path string
		want want
	}{
		{"/api/events?limit=5", want{10, false, 5, 5}},
		{"/api/events?limit=5&offset=10", want{15, false, 5, 15}},
		{"/api/events?limit=5&offset=25", want{30, true, 5, -1}},
		{"/api/events?limit=5&offset=28", want{30, true, 2, -1}},
		{"/api/documents?limit=5", want{30, true, 5, 5}},
		{"/api/documents?limit=5&actor=LBN", want{10, false, 5, 5}},
		{"/api/quotes?limit=5&place=LB", want{10, false, 5, 5}},
		{"/api/counts?limit=50&category=KILL", want{30, true, 30, -1}},
		{"/api/search?q=tripoli&limit=5", want{10, false, 5, 5}},
		{"/api/search?q=tripoli&limit=5&offset=25", want{30, true, 5, -1}},
	} {
		var p page
		if code := get(t, ts, c.path, &p); code != 200 {
			t.Fatalf("GET %s: status %d", c.path, code)
		}
		next := -1
		if p.NextOffset != nil {
			next = *p.NextOffset
		}
		got := want{p.Total, p.TotalExact != nil && *p.TotalExact, len(p.Items), next}
		if got != c.want || p.TotalExact == nil || (next < 0) != (p.Next == nil) {
			t.Errorf("GET %s: total %d, total_exact %v, %d items, next_offset %d (next %v); want %+v", c.path, p.Total, p.TotalExact, len(p.Items), next, p.Next, c.want)
		}
	}
}
