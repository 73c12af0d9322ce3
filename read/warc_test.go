package read

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/testsite"
)

const testSitemap = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url>
    <loc>https://river-post.example/2026/12/01/bridge</loc>
    <lastmod>2026-12-01T10:00:00Z</lastmod>
    <news:news>
      <news:publication><news:name>The River Post</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-12-01T09:15:00+00:00</news:publication_date>
      <news:title>Old bridge closes for repairs</news:title>
    </news:news>
  </url>
  <url><loc>https://river-post.example/about</loc><lastmod>2026-01-05</lastmod></url>
  <url><loc>javascript:alert(1)</loc></url>
</urlset>`

func TestParseSitemap(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(testSitemap))
	zw.Close()
	for name, data := range map[string][]byte{"plain": []byte(testSitemap), "gzip": gz.Bytes()} {
		sm, err := ParseSitemap(data)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if sm.Index || len(sm.Entries) != 2 {
			t.Fatalf("%s: %+v", name, sm)
		}
		e := sm.Entries[0]
		if e.URL != "https://river-post.example/2026/12/01/bridge" || e.Outlet != "The River Post" || e.Title != "Old bridge closes for repairs" ||
			e.Language != "en" || !sameTime(e.Published, ts("2026-12-01T09:15:00Z")) || !sameTime(e.LastMod, ts("2026-12-01T10:00:00Z")) {
			t.Errorf("%s: entry 0 = %+v", name, e)
		}
		if e := sm.Entries[1]; e.URL != "https://river-post.example/about" || e.Published != nil || !sameTime(e.LastMod, ts("2026-01-05T00:00:00Z")) {
			t.Errorf("%s: entry 1 = %+v", name, e)
		}
	}
	idx, err := ParseSitemap([]byte(`<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>https://river-post.example/news.xml</loc></sitemap></sitemapindex>`))
	if err != nil || !idx.Index || len(idx.Sitemaps) != 1 || idx.Sitemaps[0] != "https://river-post.example/news.xml" {
		t.Errorf("index: %v %+v", err, idx)
	}
	for name, data := range map[string]string{
		"html":      "<html><body>hi</body></html>",
		"truncated": `<urlset><url><loc>https://a.example/</loc>`,
		"empty":     "",
	} {
		if _, err := ParseSitemap([]byte(data)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	var many strings.Builder
	many.WriteString("<urlset>")
	for i := 0; i <= maxSitemapEntries; i++ {
		fmt.Fprintf(&many, "<url><loc>https://a.example/%d</loc></url>", i)
	}
	many.WriteString("</urlset>")
	if _, err := ParseSitemap([]byte(many.String())); err == nil || !strings.Contains(err.Error(), "more than 50000") {
		t.Errorf("50,001 entries: %v", err)
	}
}

// writeTestWARC writes a crawl of four captures (two HTML pages, one
// Latin-1 and gzip-encoded, an image, a 404) plus request and metadata
// records, each record gzip-compressed as crawlers write them.
func writeTestWARC(t testing.TB, dir string, compress bool) string {
	t.Helper()
	page1 := `<html><head><title>Harbour cranes idle</title><meta property="article:published_time" content="2026-11-30T06:00:00Z"><link rel="canonical" href="https://quay-news.example/cranes"></head><body><article><p>The harbour cranes stood idle for a second day as the strike continued.</p><p>Union leaders said talks would resume on Thursday.</p></article></body></html>`
	page2 := "<html><head><title>Caf\xe9 fire</title></head><body><p>A fire gutted the caf\xe9 on the corner of Mill Street late on Sunday, the fire brigade said.</p></body></html>"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(page2))
	zw.Close()
	recs := []testsite.Record{
		testsite.Rec("request", "https://quay-news.example/cranes?utm=x", "2026-12-01T10:00:00Z", "GET /cranes?utm=x HTTP/1.1\r\nHost: quay-news.example\r\n\r\n"),
		testsite.Rec("response", "https://quay-news.example/cranes?utm=x", "2026-12-01T10:00:01Z", testsite.HTTPResponse("text/html; charset=utf-8", "", page1)),
		testsite.Rec("response", "https://mill-street.example/fire", "2026-12-01T10:05:00Z", testsite.HTTPResponse("text/html; charset=iso-8859-1", "Content-Encoding: gzip\r\n", gz.String())),
		testsite.Rec("response", "https://quay-news.example/logo.png", "2026-12-01T10:00:02Z", testsite.HTTPResponse("image/png", "", "\x89PNG\r\n\x1a\n")),
		testsite.Rec("response", "https://quay-news.example/missing", "2026-12-01T10:00:03Z", strings.Replace(testsite.HTTPResponse("text/html", "", "<p>gone</p>"), "200 OK", "404 Not Found", 1)),
		testsite.Rec("metadata", "https://quay-news.example/cranes?utm=x", "2026-12-01T10:00:04Z", "via: https://quay-news.example/\r\n"),
	}
	name := "crawl.warc"
	if compress {
		name += ".gz"
	}
	p := filepath.Join(dir, name)
	if err := testsite.WriteWARC(p, recs, compress); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWalk_WARC(t *testing.T) {
	for _, compress := range []bool{true, false} {
		p := writeTestWARC(t, t.TempDir(), compress)
		rs := collect(t, []string{p}, "", Options{})
		if len(rs) != 2 {
			t.Fatalf("compress=%v: %d results, want 2: %+v", compress, len(rs), rs)
		}
		for _, r := range rs {
			if r.Err != nil {
				t.Fatalf("%s: %v", r.Origin, r.Err)
			}
		}
		a, b := rs[0].Doc, rs[1].Doc
		if a.URL != "https://quay-news.example/cranes?utm=x" || a.CanonicalURL != "https://quay-news.example/cranes" || a.Outlet != "quay-news.example" ||
			a.Title != "Harbour cranes idle" || !sameTime(a.Published, ts("2026-11-30T06:00:00Z")) || a.Meta["warc_date"] != "2026-12-01T10:00:01Z" ||
			a.Text != "The harbour cranes stood idle for a second day as the strike continued.\n\nUnion leaders said talks would resume on Thursday." {
			t.Errorf("page 1: %+v", a)
		}
		if b.URL != "https://mill-street.example/fire" || b.Title != "Café fire" || !sameTime(b.Published, ts("2026-12-01T10:05:00Z")) ||
			b.Meta["published_from"] != "warc-date" || !strings.HasPrefix(b.Text, "A fire gutted the café on the corner") {
			t.Errorf("page 2 (Latin-1, gzip): %+v %q", b, b.Text)
		}
		if !strings.HasPrefix(rs[0].Origin, p+"@") || rs[0].Doc.Source != p {
			t.Errorf("origin %q source %q", rs[0].Origin, rs[0].Doc.Source)
		}
	}
}

func TestWalk_WARCBad(t *testing.T) {
	dir := t.TempDir()
	p := writeTestWARC(t, dir, false)
	data, _ := os.ReadFile(p)
	write(t, dir, "cut.warc", data[:len(data)*2/5])
	write(t, dir, "none.warc", []byte("WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2026-12-01T00:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n"))
	write(t, dir, "junk.warc.gz", []byte("\x1f\x8b\x08\x00not really gzip"))
	rs := collect(t, []string{filepath.Join(dir, "cut.warc"), filepath.Join(dir, "none.warc"), filepath.Join(dir, "junk.warc.gz")}, "", Options{})
	var errs int
	for _, r := range rs {
		if r.Err != nil {
			errs++
			t.Logf("%s: %v", r.Origin, r.Err)
		}
	}
	if errs != 3 {
		t.Errorf("%d errors, want one per bad file", errs)
	}
}

func FuzzReadWARC(f *testing.F) {
	p := writeTestWARC(f, f.TempDir(), false)
	data, _ := os.ReadFile(p)
	f.Add(data)
	f.Add(data[:300])
	pz := writeTestWARC(f, f.TempDir(), true)
	dz, _ := os.ReadFile(pz)
	f.Add(dz)
	f.Fuzz(func(t *testing.T, data []byte) {
		readWARC(context.Background(), "fuzz", bytes.NewReader(data), Options{MaxBytes: 1 << 16}, func(r Result) error {
			checkDoc(t, r)
			return nil
		})
	})
}

func FuzzParseSitemap(f *testing.F) {
	f.Add([]byte(testSitemap))
	f.Add([]byte(`<sitemapindex><sitemap><loc>https://a.example/s.xml</loc></sitemap></sitemapindex>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sm, err := ParseSitemap(data)
		if err != nil {
			return
		}
		for _, e := range sm.Entries {
			if !isHTTP(e.URL) {
				t.Fatalf("entry %q is not http(s)", e.URL)
			}
		}
	})
}
