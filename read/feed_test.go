package read

import (
	"context"
	"strings"
	"testing"
	"time"
)

const testRSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Harbour Gazette &amp; Wire</title>
  <link>https://www.harbour-gazette.example/</link>
  <language>en-GB</language>
  <item>
    <title>Ferry strike enters &lt;b&gt;third&lt;/b&gt; day</title>
    <link>/news/ferry-strike?ref=rss</link>
    <guid isPermaLink="false">hg-1001</guid>
    <pubDate>Tue, 01 Dec 2026 08:30:00 +0000</pubDate>
    <description>Crews stayed ashore on Tuesday.</description>
    <content:encoded><![CDATA[<p>Crews stayed ashore on Tuesday as talks over pay stalled.</p><p>The port authority said “no sailings” were planned before Friday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Lighthouse reopens</title>
    <link>https://www.harbour-gazette.example/news/lighthouse</link>
    <pubDate>Mon, 30 Nov 2026 17:00:00 GMT</pubDate>
    <description>&lt;p&gt;The restored lighthouse opened to visitors on Monday.&lt;/p&gt;</description>
  </item>
  <item><title></title><description></description></item>
</channel>
</rss>`

const testAtom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Courier</title>
  <link href="https://valley-courier.example/"/>
  <updated>2026-12-01T09:00:00Z</updated>
  <entry>
    <title>Dam inspection finds cracks</title>
    <link rel="alternate" href="https://valley-courier.example/2026/12/dam"/>
    <id>tag:valley-courier.example,2026:dam</id>
    <updated>2026-12-01T09:00:00Z</updated>
    <published>2026-12-01T07:45:00+01:00</published>
    <summary>Engineers found two cracks in the spillway.</summary>
  </entry>
</feed>`

const testJSONFeed = `{
  "version": "https://jsonfeed.org/version/1.1",
  "title": "Plateau Daily",
  "home_page_url": "https://plateau-daily.example/",
  "items": [
    {"id": "pd-77", "url": "https://plateau-daily.example/p/77", "title": "Market hall burns",
     "content_html": "<p>A fire destroyed the old market hall overnight.</p>", "date_published": "2026-11-29T22:10:00Z"}
  ]
}`

func TestParseFeed_Formats(t *testing.T) {
	for _, tc := range []struct {
		name, data, base string
		format, title    string
		items            []FeedItem
	}{
		{"rss", testRSS, "https://www.harbour-gazette.example/feed.rss", "rss", "Harbour Gazette & Wire", []FeedItem{
			{Key: "hg-1001", URL: "https://www.harbour-gazette.example/news/ferry-strike?ref=rss", Title: "Ferry strike enters third day",
				Published: ts("2026-12-01T08:30:00Z")},
			{Key: "https://www.harbour-gazette.example/news/lighthouse", URL: "https://www.harbour-gazette.example/news/lighthouse",
				Title: "Lighthouse reopens", Published: ts("2026-11-30T17:00:00Z")},
		}},
		{"atom", testAtom, "", "atom", "Valley Courier", []FeedItem{
			{Key: "tag:valley-courier.example,2026:dam", URL: "https://valley-courier.example/2026/12/dam", Title: "Dam inspection finds cracks",
				Published: ts("2026-12-01T06:45:00Z")},
		}},
		{"json", testJSONFeed, "", "json", "Plateau Daily", []FeedItem{
			{Key: "pd-77", URL: "https://plateau-daily.example/p/77", Title: "Market hall burns", Published: ts("2026-11-29T22:10:00Z")},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := ParseFeed([]byte(tc.data), tc.base)
			if err != nil {
				t.Fatal(err)
			}
			if f.Format != tc.format || f.Title != tc.title {
				t.Errorf("format %q title %q, want %q %q", f.Format, f.Title, tc.format, tc.title)
			}
			if len(f.Items) != len(tc.items) {
				t.Fatalf("%d items, want %d: %+v", len(f.Items), len(tc.items), f.Items)
			}
			for i, want := range tc.items {
				got := f.Items[i]
				if got.Key != want.Key || got.URL != want.URL || got.Title != want.Title || !sameTime(got.Published, want.Published) {
					t.Errorf("item %d = {%q %q %q %v}, want {%q %q %q %v}", i, got.Key, got.URL, got.Title, got.Published, want.Key, want.URL, want.Title, want.Published)
				}
			}
		})
	}
}

func ts(s string) *time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return &t
}

func sameTime(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

func TestParseFeed_Malformed(t *testing.T) {
	for name, data := range map[string]string{
		"truncated rss": `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>One`,
		"not a feed":    `<?xml version="1.0"?><catalog><book/></catalog>`,
		"json garbage":  `{"version": "https://jsonfeed.org/version/1", "items": [}`,
		"empty":         ``,
	} {
		if f, err := ParseFeed([]byte(data), ""); err == nil {
			t.Errorf("%s: no error, got %+v", name, f)
		} else if !strings.HasPrefix(err.Error(), "feed: ") {
			t.Errorf("%s: error %q does not start with feed:", name, err)
		}
	}
}

// TestWalk_FeedFiles ingests feed files: one document per item from the
// feed's own content, links made absolute, items without text reported.
func TestWalk_FeedFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.rss", []byte(testRSS))
	write(t, dir, "b.xml", []byte(testAtom))
	write(t, dir, "c.json", []byte(testJSONFeed))
	write(t, dir, "d.xml", []byte(`<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://x.example/a</loc></url></urlset>`))
	rs := collect(t, []string{dir}, "", Options{})
	var docs, errs []string
	for _, r := range rs {
		if r.Err != nil {
			errs = append(errs, r.Origin+": "+r.Err.Error())
			continue
		}
		d := r.Doc
		docs = append(docs, d.Title+"|"+d.URL+"|"+d.Outlet+"|"+d.Text)
		if d.ID != URLID(d.URL) {
			t.Errorf("%s: id %s is not the URL's", d.URL, d.ID)
		}
	}
	wantDocs := []string{
		"Ferry strike enters third day|https://www.harbour-gazette.example/news/ferry-strike?ref=rss|harbour-gazette.example|Crews stayed ashore on Tuesday as talks over pay stalled.\n\nThe port authority said “no sailings” were planned before Friday.",
		"Lighthouse reopens|https://www.harbour-gazette.example/news/lighthouse|harbour-gazette.example|The restored lighthouse opened to visitors on Monday.",
		"Dam inspection finds cracks|https://valley-courier.example/2026/12/dam|valley-courier.example|Engineers found two cracks in the spillway.",
		"Market hall burns|https://plateau-daily.example/p/77|plateau-daily.example|A fire destroyed the old market hall overnight.",
	}
	if strings.Join(docs, "\n---\n") != strings.Join(wantDocs, "\n---\n") {
		t.Errorf("docs:\n%s\nwant:\n%s", strings.Join(docs, "\n---\n"), strings.Join(wantDocs, "\n---\n"))
	}
	if len(errs) != 1 || !strings.Contains(errs[0], "d.xml: sitemap: lists 1 pages") {
		t.Errorf("errors: %q", errs)
	}
}

func TestOutletAndURLID(t *testing.T) {
	for in, want := range map[string]string{
		"https://www.bbc.co.uk/news/world-1":    "bbc.co.uk",
		"https://feeds.reuters.com/x":           "reuters.com",
		"http://127.0.0.1:8081/a":               "127.0.0.1:8081",
		"http://localhost/a":                    "localhost",
		"https://News.Example.COM./a":           "example.com",
		"examples/01-ceasefire-appeal.txt":      "",
		"https://user.github.io/blog/post.html": "user.github.io",
	} {
		if got := OutletFromURL(in); got != want {
			t.Errorf("OutletFromURL(%q) = %q, want %q", in, got, want)
		}
	}
	if URLID("HTTPS://Example.org:443/a#top") != URLID("https://example.org/a") || URLID("https://example.org/a?x=1") == URLID("https://example.org/a") {
		t.Error("URLID does not normalize scheme, host, port and fragment only")
	}
}

func FuzzParseFeed(f *testing.F) {
	for _, s := range []string{testRSS, testAtom, testJSONFeed, `<rss><channel><item><link>x</link></item></channel></rss>`, `<feed><entry><link href="//a"/></entry></feed>`, `{"version":"https://jsonfeed.org/version/1","items":[{"id":1}]}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := ParseFeed(data, "https://feeds.example/f.xml")
		if err != nil {
			return
		}
		for _, it := range fd.Items {
			d, err := ItemDocument(fd, it)
			if err == nil {
				checkDoc(t, Result{Doc: d, Origin: "fuzz"})
			}
		}
	})
}

func FuzzReadXML(f *testing.F) {
	for _, s := range []string{testRSS, testAtom, `<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>`, `<?xml version="1.0"?><html><body><p>Hello there.</p></body></html>`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		readXML(context.Background(), "fuzz", data, func(r Result) error {
			checkDoc(t, r)
			return nil
		})
	})
}
