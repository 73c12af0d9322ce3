package httpapi

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/store"
)

func TestGuard(t *testing.T) {
	api, _ := newTestAPI(t)
	tests := []struct {
		name   string
		g      Guard
		host   string
		path   string
		header map[string]string
		status int
		want   string // substring of the body or of a header
	}{
		{"loopback name", Guard{}, "localhost:8080", "/api/stats", nil, 200, ""},
		{"loopback address", Guard{}, "127.0.0.1:8080", "/api/stats", nil, 200, ""},
		{"IPv6 loopback", Guard{}, "[::1]:8080", "/api/stats", nil, 200, ""},
		{"rebinding name refused", Guard{}, "evil.example:8080", "/api/stats", nil, 403, "--allow-host evil.example"},
		{"dashboard too", Guard{}, "evil.example", "/", nil, 403, "not allowed"},
		{"allowed host", Guard{Hosts: []string{"news.example.org"}}, "NEWS.example.org:8080", "/api/stats", nil, 200, ""},
		{"token missing", Guard{Token: "s3cret"}, "localhost", "/api/stats", nil, 401, "Bearer"},
		{"token wrong", Guard{Token: "s3cret"}, "localhost", "/api/stats", map[string]string{"Authorization": "Bearer nope"}, 401, ""},
		{"token given", Guard{Token: "s3cret"}, "localhost", "/api/stats", map[string]string{"Authorization": "Bearer s3cret"}, 200, ""},
		{"token cookie", Guard{Token: "s3cret"}, "localhost", "/api/stats", map[string]string{"Cookie": tokenCookie + "=s3cret"}, 200, ""},
		{"token sets the cookie", Guard{Token: "s3cret"}, "localhost", "/?token=s3cret", nil, 303, tokenCookie + "=s3cret"},
		{"dashboard files need no token", Guard{Token: "s3cret"}, "localhost", "/", nil, 200, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", tc.path, nil)
			r.Host = tc.host
			for k, v := range tc.header {
				r.Header.Set(k, v)
			}
			w := httptest.NewRecorder()
			tc.g.Wrap(api).ServeHTTP(w, r)
			if w.Code != tc.status {
				t.Errorf("status %d, want %d: %s", w.Code, tc.status, w.Body.String())
			}
			if tc.want != "" && !strings.Contains(w.Body.String()+w.Header().Get("Set-Cookie")+w.Header().Get("WWW-Authenticate"), tc.want) {
				t.Errorf("response lacks %q: %v %s", tc.want, w.Header(), w.Body.String())
			}
			if w.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Error("no security headers")
			}
		})
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true, "localhost:80": true, "[::1]:8080": true, "127.0.0.2:1": true,
		"0.0.0.0:8080": false, ":8080": false, "192.168.1.5:8080": false, "[::]:8080": false, "example.org:80": false,
	} {
		if got := IsLoopback(addr); got != want {
			t.Errorf("IsLoopback(%q) = %v, want %v", addr, got, want)
		}
	}
}

func TestServer_CacheControlAndDeadline(t *testing.T) {
	api, _ := newTestAPI(t)
	w := httptest.NewRecorder()
	api.ServeHTTP(w, httptest.NewRequest("GET", "/api/stats", nil))
	if got := w.Header().Get("Cache-Control"); got != "no-store" {
		t.Errorf("API Cache-Control %q, want no-store", got)
	}
	// A store that takes longer than the deadline: 503, and the store saw
	// the deadline in its context.
	slow := &slowStore{Store: api.st}
	s, err := New(slow)
	if err != nil {
		t.Fatal(err)
	}
	s.QueryTimeout = 50 * time.Millisecond
	start := time.Now()
	w = httptest.NewRecorder()
	s.ServeHTTP(w, httptest.NewRequest("GET", "/api/quotes?speaker=fidan", nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" {
		t.Errorf("slow query: status %d %v: %s", w.Code, w.Header(), w.Body.String())
	}
	if took := time.Since(start); took > time.Second {
		t.Errorf("slow query answered after %v", took)
	}
	if !slow.sawDeadline {
		t.Error("the store's context had no deadline")
	}
}

// slowStore's Quotes waits for its context.
type slowStore struct {
	store.Store
	sawDeadline bool
}

func (s *slowStore) Quotes(ctx context.Context, q store.Query) ([]store.QuoteRow, error) {
	_, s.sawDeadline = ctx.Deadline()
	<-ctx.Done()
	return nil, ctx.Err()
}

// TestAPI_KeysetPages: following next (the after= cursor) page by page
// lists what one page lists; a bad cursor is a 400.
func TestAPI_KeysetPages(t *testing.T) {
	_, ts := newTestAPI(t)
	type row struct {
		DocID string `json:"doc_id"`
		Index int    `json:"index"`
	}
	type pg struct {
		Items     []row   `json:"items"`
		Next      *string `json:"next"`
		NextAfter *string `json:"next_after"`
	}
	var all pg
	if code := get(t, ts, "/api/quotes?limit=100", &all); code != 200 || len(all.Items) < 2 {
		t.Fatalf("all quotes: %d, %d rows", code, len(all.Items))
	}
	var paged []row
	u := "/api/quotes?limit=1"
	for u != "" && len(paged) <= len(all.Items) {
		var p pg
		if code := get(t, ts, u, &p); code != 200 {
			t.Fatalf("GET %s: %d", u, code)
		}
		paged = append(paged, p.Items...)
		u = ""
		if p.Next != nil {
			if p.NextAfter == nil || !strings.Contains(*p.Next, "after=") {
				t.Fatalf("next %q without a keyset cursor", *p.Next)
			}
			u = *p.Next
		}
	}
	if fmt.Sprint(paged) != fmt.Sprint(all.Items) {
		t.Errorf("paged %v\nwant %v", paged, all.Items)
	}
	for _, u := range []string{"/api/quotes?after=nope", "/api/quotes?after=0.unknown-id", "/api/quotes?after=0.geneva-talks&offset=2", "/api/search?q=police&after=0.geneva-talks"} {
		var e apiError
		if code := get(t, ts, u, &e); code != 400 {
			t.Errorf("GET %s: %d, want 400", u, code)
		}
	}
}
