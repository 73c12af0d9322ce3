package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/testsite"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func outputs(t *testing.T, db string) []*document.Output {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var out []*document.Output
	st.Each(context.Background(), func(o *document.Output) error { out = append(out, o); return nil })
	return out
}

// TestIngest_WARC ingests a .warc.gz written with gowarc: its HTML
// responses are stored with their URLs and dates, everything else skipped.
func TestIngest_WARC(t *testing.T) {
	dir := t.TempDir()
	page := func(title, date, body string) string {
		meta := ""
		if date != "" {
			meta = `<meta property="article:published_time" content="` + date + `">`
		}
		return `<html><head><title>` + title + `</title>` + meta + `</head><body><article><p>` + body + `</p></article></body></html>`
	}
	warc := filepath.Join(dir, "crawl.warc.gz")
	err := testsite.WriteWARC(warc, []testsite.Record{
		testsite.Rec("request", "https://coast-times.example/news/storm", "2026-12-02T08:00:00Z", "GET /news/storm HTTP/1.1\r\nHost: coast-times.example\r\n\r\n"),
		testsite.Rec("response", "https://coast-times.example/news/storm", "2026-12-02T08:00:01Z", testsite.HTTPResponse("text/html; charset=utf-8", "",
			page("Storm closes coastal road", "2026-12-01T22:00:00Z", "A winter storm closed the coastal road near Brindlow overnight, and the regional governor said crews would clear it by Wednesday."))),
		testsite.Rec("response", "https://valley-post.example/2026/12/02/dam", "2026-12-02T09:30:00Z", testsite.HTTPResponse("text/html", "",
			page("Dam spillway opened", "", "Engineers opened the spillway of the hill reservoir on Tuesday after heavy rain, the water board said."))),
		testsite.Rec("response", "https://coast-times.example/logo.png", "2026-12-02T08:00:02Z", testsite.HTTPResponse("image/png", "", "\x89PNG\r\n\x1a\n")),
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "w.db")
	if code, _, errs := runCLI(t, "", "ingest", "--db", db, warc); code != exitOK {
		t.Fatalf("ingest WARC: exit %d: %s", code, errs)
	}
	var got []string
	for _, o := range outputs(t, db) {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", o.URL, o.Outlet, *o.Published, o.Title))
	}
	want := []string{
		"https://coast-times.example/news/storm|coast-times.example|2026-12-01T22:00:00Z|Storm closes coastal road",
		"https://valley-post.example/2026/12/02/dam|valley-post.example|2026-12-02T09:30:00Z|Dam spillway opened",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stored:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIngest_URL fetches a page given as a URL through the safe client:
// refused on loopback by default, stored with --allow-private.
func TestIngest_URL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><title>Ferry fares frozen</title></head><body><article><p>The transport authority in Kell said on Monday that ferry fares would be frozen for two years.</p></article></body></html>`)
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "u.db")
	code, _, errs := runCLI(t, "", "ingest", "--db", db, srv.URL+"/news/fares")
	if code != exitFailure || !strings.Contains(errs, "refused to connect to 127.0.0.1") {
		t.Fatalf("loopback URL without --allow-private: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "ingest", "--db", db, "--allow-private", srv.URL+"/news/fares"); code != exitOK {
		t.Fatalf("ingest URL: exit %d: %s", code, errs)
	}
	o := outputs(t, db)
	if len(o) != 1 || o[0].URL != srv.URL+"/news/fares" || o[0].Title != "Ferry fares frozen" || !strings.HasPrefix(o[0].Outlet, "127.0.0.1:") {
		t.Errorf("stored %+v", o)
	}
}

// TestWatch_ExampleFeed runs the README's watch line on the example feed
// (local files, no network): every example stored, a second run finds the
// feed unchanged, --status reports the items.
func TestWatch_ExampleFeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "news.db")
	feeds := filepath.Join("..", "..", "docs", "examples", "feeds.txt")
	code, _, errs := runCLI(t, "", "watch", feeds, "--db", db, "--once")
	if code != exitOK || !strings.Contains(errs, "13 new items: 13 stored") {
		t.Fatalf("watch --once: exit %d: %s", code, errs)
	}
	code, _, errs = runCLI(t, "", "watch", feeds, "--db", db, "--once")
	if code != exitOK || !strings.Contains(errs, "1 not modified") || !strings.Contains(errs, "0 stored") {
		t.Fatalf("second watch --once: exit %d: %s", code, errs)
	}
	code, out, errs := runCLI(t, "", "watch", feeds, "--db", db, "--status")
	if code != exitOK || !strings.Contains(out, "items: 13 done, 0 pending, 0 to retry, 0 failed") {
		t.Fatalf("watch --status: exit %d: %s%s", code, out, errs)
	}
	docs := outputs(t, db)
	if len(docs) != 13 || docs[0].Title == "" || docs[0].Published == nil {
		t.Errorf("stored %d documents, first %+v", len(docs), docs[0])
	}
}
