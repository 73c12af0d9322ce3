// Package testsite serves a small news web on 127.0.0.1 for the tests of
// newsgraph watch: four outlets publishing 200 articles through an RSS 2.0
// feed, an Atom feed, a JSON Feed and a news sitemap (behind a sitemap
// index), twenty wire stories carried by several outlets (edited copies and
// exact copies), and a hostile outlet whose feed lists a redirect to a
// link-local address, a 2 GB gzip bomb generated on the fly, a slow-loris
// body, an image, a page robots.txt forbids and a page that is gone, next
// to a malformed feed. Every server is an httptest server on an ephemeral
// loopback port; nothing else is ever contacted. The stories are generated
// from word lists with a fixed seed: the same site every run.
package testsite

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"time"
)

// Article is one page of the site.
type Article struct {
	Outlet    string
	Path      string
	Title     string
	Published time.Time
	Paras     []string
	Story     int    // index of the story it tells; wire copies share one
	Kind      string // "own", "wire" (first carrier), "edited" or "exact"
}

// URL is the article's address on the running site.
func (a Article) URL(s *Site) string { return s.Outlets[a.Outlet].URL + a.Path }

// Text is the article's body as the HTML reader extracts it.
func (a Article) Text() string { return strings.Join(a.Paras, "\n\n") }

// Site is the running test web.
type Site struct {
	Outlets  map[string]*httptest.Server // harbour, valley, plateau, river, hostile
	Articles []Article                   // the 200 good articles
	// Feeds lists the feeds file lines, good feeds first, then the hostile
	// feed and the malformed one.
	Feeds []string
	// Requests counts every request the site answered; BombBytes the
	// compressed bytes the gzip bomb wrote.
	Requests, BombBytes atomic.Int64
	stop                chan struct{}
}

// Good outlets and how many own stories each publishes; wire stories are
// carried by harbour (the originals), valley (edited) and plateau (exact,
// the first half).
var outlets = []struct {
	name, format string
	own          int
}{
	{"harbour", "rss", 40},
	{"valley", "atom", 40},
	{"plateau", "json", 40},
	{"river", "sitemap", 30},
}

// WireStories is the number of wire stories, ExactCopies how many of them
// plateau carries word for word.
const (
	WireStories = 20
	ExactCopies = 10
)

// Start starts the site; Close stops it.
func Start() *Site {
	s := &Site{Outlets: map[string]*httptest.Server{}, stop: make(chan struct{})}
	rng := rand.New(rand.NewPCG(20261206, 17))
	base := time.Date(2026, 11, 30, 6, 0, 0, 0, time.UTC)
	story := 0
	for _, o := range outlets {
		for i := 0; i < o.own; i++ {
			s.Articles = append(s.Articles, Article{Outlet: o.name, Path: fmt.Sprintf("/news/%s-%03d", o.name, i),
				Title: headline(rng), Published: base.Add(time.Duration(story) * 7 * time.Minute), Paras: paragraphs(rng, 3+rng.IntN(3)), Story: story, Kind: "own"})
			story++
		}
	}
	for w := 0; w < WireStories; w++ {
		paras := paragraphs(rng, 4)
		pub := base.Add(time.Duration(w) * 11 * time.Minute)
		s.Articles = append(s.Articles, Article{Outlet: "harbour", Path: fmt.Sprintf("/wire/%03d", w), Title: headline(rng), Published: pub, Paras: paras, Story: story, Kind: "wire"})
		edited := []string{"SALTMERE (Valley Wire) - " + paras[1], paras[0], paras[2]} // reordered, dateline added, tail cut
		s.Articles = append(s.Articles, Article{Outlet: "valley", Path: fmt.Sprintf("/syndicated/%03d", w), Title: headline(rng), Published: pub.Add(20 * time.Minute), Paras: edited, Story: story, Kind: "edited"})
		if w < ExactCopies {
			s.Articles = append(s.Articles, Article{Outlet: "plateau", Path: fmt.Sprintf("/wire-copy/%03d", w), Title: headline(rng), Published: pub.Add(35 * time.Minute), Paras: paras, Story: story, Kind: "exact"})
		}
		story++
	}
	for _, o := range outlets {
		s.Outlets[o.name] = httptest.NewServer(s.outletHandler(o.name, o.format))
	}
	s.Outlets["hostile"] = httptest.NewServer(s.hostileHandler())
	for _, o := range outlets {
		s.Feeds = append(s.Feeds, s.Outlets[o.name].URL+feedPath(o.format)+" outlet="+o.name)
	}
	s.Feeds = append(s.Feeds, s.Outlets["hostile"].URL+"/rss.xml outlet=hostile", s.Outlets["hostile"].URL+"/broken.xml outlet=hostile")
	return s
}

// Close stops every server (the slow-loris handler included).
func (s *Site) Close() {
	close(s.stop)
	for _, srv := range s.Outlets {
		srv.CloseClientConnections()
		srv.Close()
	}
}

// FeedsFile returns the text of a feeds file for the whole site.
func (s *Site) FeedsFile() string {
	return "# the test site: four outlets, a hostile feed and a malformed one\n" + strings.Join(s.Feeds, "\n") + "\n"
}

// Stories returns the number of distinct stories (own plus wire).
func (s *Site) Stories() int {
	n := WireStories
	for _, o := range outlets {
		n += o.own
	}
	return n
}

func feedPath(format string) string {
	return map[string]string{"rss": "/rss.xml", "atom": "/atom.xml", "json": "/feed.json", "sitemap": "/sitemap.xml"}[format]
}

func (s *Site) outletArticles(outlet string) []Article {
	var out []Article
	for _, a := range s.Articles {
		if a.Outlet == outlet {
			out = append(out, a)
		}
	}
	return out
}

func (s *Site) outletHandler(name, format string) http.Handler {
	mux := http.NewServeMux()
	srvURL := func(r *http.Request) string { return "http://" + r.Host }
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc(feedPath(format), func(w http.ResponseWriter, r *http.Request) {
		var body []byte
		var ct string
		arts := s.outletArticles(name)
		switch format {
		case "rss":
			body, ct = rssFeed(srvURL(r), name, arts), "application/rss+xml; charset=utf-8"
		case "atom":
			body, ct = atomFeed(srvURL(r), name, arts), "application/atom+xml"
		case "json":
			body, ct = jsonFeed(srvURL(r), name, arts), "application/feed+json"
		case "sitemap":
			body, ct = []byte(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>`+srvURL(r)+`/news-sitemap.xml</loc></sitemap></sitemapindex>`), "application/xml"
		}
		serveConditional(w, r, ct, body)
	})
	if format == "sitemap" {
		mux.HandleFunc("/news-sitemap.xml", func(w http.ResponseWriter, r *http.Request) {
			serveConditional(w, r, "application/xml", newsSitemap(srvURL(r), name, s.outletArticles(name)))
		})
	}
	for _, a := range s.outletArticles(name) {
		mux.HandleFunc(a.Path, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write(page(srvURL(r)+a.Path, name, a))
		})
	}
	return s.counted(mux)
}

func (s *Site) counted(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.Requests.Add(1)
		h.ServeHTTP(w, r)
	})
}

// serveConditional answers with an ETag and honours If-None-Match.
func serveConditional(w http.ResponseWriter, r *http.Request, ct string, body []byte) {
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:8]) + `"`
	w.Header().Set("ETag", etag)
	w.Header().Set("Last-Modified", "Mon, 30 Nov 2026 06:00:00 GMT")
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write(body)
}

// Hostile paths, as the hostile feed lists them.
var HostilePaths = []string{"/redirect-metadata", "/bomb", "/slow", "/logo.png", "/private/secret", "/gone"}

func (s *Site) hostileHandler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
	})
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		var items strings.Builder
		for i, p := range HostilePaths {
			fmt.Fprintf(&items, "<item><title>Hostile %d</title><link>http://%s%s</link><guid>hostile-%d</guid></item>", i, r.Host, p, i)
		}
		serveConditional(w, r, "application/rss+xml", []byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>http://`+r.Host+`/</link>`+items.String()+`</channel></rss>`))
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Cut off`)
	})
	mux.HandleFunc("/redirect-metadata", func(w http.ResponseWriter, r *http.Request) {
		// 169.254.169.254 is link-local (cloud metadata): the client must refuse it at dial time.
		http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/iam/security-credentials/", http.StatusFound)
	})
	var member bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&member, gzip.BestCompression)
	zw.Write(make([]byte, 1<<20))
	zw.Close()
	mux.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		for n := 0; n < 2048; n++ { // 2 GiB of zeros, about 2 MB on the wire, written as it is read
			k, err := w.Write(member.Bytes())
			s.BombBytes.Add(int64(k))
			if err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(http.StatusOK)
		for i := 0; i < 300; i++ { // a byte every 200 ms for at most a minute
			if _, err := w.Write([]byte(" ")); err != nil {
				return
			}
			w.(http.Flusher).Flush()
			select {
			case <-time.After(200 * time.Millisecond):
			case <-r.Context().Done():
				return
			case <-s.stop:
				return
			}
		}
	})
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/private/secret", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "robots.txt forbids this page; a polite client never asks", http.StatusForbidden)
	})
	mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusGone)
	})
	return s.counted(mux)
}

func esc(s string) string { return html.EscapeString(s) }

func page(u, outlet string, a Article) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s | %s</title>`, esc(a.Title), esc(outlet))
	fmt.Fprintf(&b, `<meta property="og:site_name" content="%s"><meta property="article:published_time" content="%s"><link rel="canonical" href="%s"></head>`,
		esc(outlet), a.Published.Format(time.RFC3339), esc(u))
	fmt.Fprintf(&b, `<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><header><h1>%s</h1></header><article>`, esc(a.Title))
	for _, p := range a.Paras {
		fmt.Fprintf(&b, "<p>%s</p>", esc(p))
	}
	b.WriteString(`</article><footer>Sign up for our newsletter.</footer></body></html>`)
	return []byte(b.String())
}

func rssFeed(base, outlet string, arts []Article) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>%s/</link><ttl>15</ttl>`, esc(outlet), base)
	for _, a := range arts {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s%s</link><guid isPermaLink="true">%s%s</guid><pubDate>%s</pubDate><description>%s</description></item>`,
			esc(a.Title), base, a.Path, base, a.Path, a.Published.Format(time.RFC1123Z), esc(a.Paras[0]))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func atomFeed(base, outlet string, arts []Article) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>%s</title><link href="%s/"/><id>%s/</id><updated>2026-11-30T06:00:00Z</updated>`, esc(outlet), base, base)
	for _, a := range arts {
		fmt.Fprintf(&b, `<entry><title>%s</title><link rel="alternate" href="%s"/><id>tag:%s,2026:%s</id><published>%s</published><updated>%s</updated><summary>%s</summary></entry>`,
			esc(a.Title), a.Path, outlet, a.Path, a.Published.Format(time.RFC3339), a.Published.Format(time.RFC3339), esc(a.Paras[0]))
	}
	b.WriteString(`</feed>`)
	return []byte(b.String())
}

func jsonFeed(base, outlet string, arts []Article) []byte {
	type item struct {
		ID            string `json:"id"`
		URL           string `json:"url"`
		Title         string `json:"title"`
		Summary       string `json:"summary"`
		DatePublished string `json:"date_published"`
	}
	f := struct {
		Version string `json:"version"`
		Title   string `json:"title"`
		Home    string `json:"home_page_url"`
		Items   []item `json:"items"`
	}{Version: "https://jsonfeed.org/version/1.1", Title: outlet, Home: base + "/"}
	for _, a := range arts {
		f.Items = append(f.Items, item{ID: outlet + a.Path, URL: base + a.Path, Title: a.Title, Summary: a.Paras[0], DatePublished: a.Published.Format(time.RFC3339)})
	}
	js, _ := json.Marshal(f)
	return js
}

func newsSitemap(base, outlet string, arts []Article) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for _, a := range arts {
		fmt.Fprintf(&b, `<url><loc>%s%s</loc><news:news><news:publication><news:name>%s</news:name><news:language>en</news:language></news:publication><news:publication_date>%s</news:publication_date><news:title>%s</news:title></news:news></url>`,
			base, a.Path, esc(outlet), a.Published.Format(time.RFC3339), esc(a.Title))
	}
	b.WriteString(`</urlset>`)
	return []byte(b.String())
}

// Word lists for the generated stories.
var (
	people  = []string{"The mayor", "A council spokeswoman", "The harbour master", "Union leaders", "The regional governor", "Farmers' groups", "The health ministry", "Local traders", "The fire service", "Police officials", "A school principal", "The transport authority", "Residents", "The water board", "A hospital director", "Fishing cooperatives", "The energy regulator", "Teachers", "The port operator", "Rail workers"}
	verbs   = []string{"said", "warned", "announced", "confirmed", "insisted", "told reporters", "estimated", "reported", "admitted", "promised"}
	actions = []string{"that repairs to the {p} would take {n} weeks", "that {n} families had been moved from near the {p}", "that the {p} would reopen after {n} days", "that spending on the {p} would rise by {n} percent", "that {n} inspectors were sent to the {p}", "that the {p} had lost power for {n} hours", "that a new {p} would be built within {n} months", "that {n} workers at the {p} had joined the protest", "that fees at the {p} would be frozen for {n} years", "that {n} boats were stranded near the {p}"}
	places  = []string{"northern bridge", "old market", "ring road", "river port", "central station", "grain terminal", "water plant", "bus depot", "eastern clinic", "ferry landing", "coastal highway", "power station", "city archive", "fish market", "hill reservoir", "airport runway", "tram line", "sports hall", "cargo pier", "lighthouse"}
	towns   = []string{"Saltmere", "Velmora", "Oster", "Kell", "Brindlow", "Ashford Bay", "Marrow", "Tessel", "Quarry Hill", "Lune", "Dunmore", "Pellow"}
	extras  = []string{"Talks are due to resume on %s.", "A final decision is expected on %s.", "Officials will meet again on %s.", "The next inspection is planned for %s.", "Residents were asked to stay informed until %s."}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
	heads   = []string{"{t} faces delays at the {p}", "New plan for the {p} in {t}", "{t} residents question the {p} works", "Budget row over the {p} in {t}", "{t} braces for closure of the {p}"}
)

func pick(rng *rand.Rand, l []string) string { return l[rng.IntN(len(l))] }

func action(rng *rand.Rand) string {
	return strings.NewReplacer("{p}", pick(rng, places), "{n}", fmt.Sprint(2+rng.IntN(90))).Replace(pick(rng, actions))
}

func sentence(rng *rand.Rand) string {
	switch rng.IntN(3) {
	case 0:
		return fmt.Sprintf("%s in %s %s %s.", pick(rng, people), pick(rng, towns), pick(rng, verbs), action(rng))
	case 1:
		return fmt.Sprintf("%s %s %s, %s in %s %s.", pick(rng, people), pick(rng, verbs), action(rng), strings.ToLower(pick(rng, people)), pick(rng, towns), pick(rng, verbs))
	}
	return fmt.Sprintf(pick(rng, extras), pick(rng, days))
}

func paragraphs(rng *rand.Rand, n int) []string {
	out := make([]string, n)
	for i := range out {
		var s []string
		for k := 0; k < 2+rng.IntN(2); k++ {
			s = append(s, sentence(rng))
		}
		out[i] = strings.Join(s, " ")
	}
	return out
}

func headline(rng *rand.Rand) string {
	return strings.NewReplacer("{t}", pick(rng, towns), "{p}", pick(rng, places)).Replace(pick(rng, heads))
}
