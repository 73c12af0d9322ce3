package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph/document"
)

// Feed is a parsed RSS (0.9x, 1.0, 2.0), Atom or JSON Feed.
type Feed struct {
	Format   string // "rss", "atom" or "json"
	Title    string
	Link     string // the site's address
	Language string
	Items    []FeedItem
}

// FeedItem is one entry of a feed: where the article is and what the feed
// says about it.
type FeedItem struct {
	// Key identifies the item across polls: its GUID or id, else its link.
	Key       string
	URL       string // the article's absolute address, "" when the item has none
	Title     string
	Published *time.Time // published, else updated; nil when neither parses
	Summary   string     // the description or summary (often HTML)
	Content   string     // full content (content:encoded, Atom content, content_html), "" when absent
}

// ErrNotFeed is returned (wrapped) by ParseFeed for data that is none of the
// feed formats.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON feed")

// ParseFeed parses feed data. base is the feed's own address (a URL or a
// file path), used to resolve relative item links; "" leaves them as
// given. A malformed feed is one error naming the problem.
func ParseFeed(data []byte, base string) (f *Feed, err error) {
	defer func() {
		// The parser is a library: a panic on hostile input is one feed's error.
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("feed: parser failed: %v", p)
		}
	}()
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	gf, err := gofeed.NewParser().Parse(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, fmt.Errorf("feed: %w", ErrNotFeed)
		}
		return nil, fmt.Errorf("feed: %s: %w", gofeedFormat(data), err)
	}
	f = &Feed{Format: gf.FeedType, Title: clean(gf.Title), Link: gf.Link, Language: gf.Language}
	linkBase := base
	if linkBase == "" || !isHTTP(linkBase) {
		if isHTTP(gf.Link) {
			linkBase = gf.Link
		}
	}
	for _, it := range gf.Items {
		if it == nil {
			continue
		}
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		link = resolve(linkBase, base, strings.TrimSpace(link))
		item := FeedItem{
			Key: strings.TrimSpace(it.GUID), URL: link, Title: clean(it.Title),
			Summary: it.Description, Content: it.Content,
		}
		if item.Key == "" {
			item.Key = link
		}
		switch {
		case it.PublishedParsed != nil:
			t := it.PublishedParsed.UTC()
			item.Published = &t
		case it.UpdatedParsed != nil:
			t := it.UpdatedParsed.UTC()
			item.Published = &t
		}
		if item.Key == "" && item.Title == "" {
			continue // nothing to identify or read
		}
		f.Items = append(f.Items, item)
	}
	return f, nil
}

func gofeedFormat(data []byte) string {
	switch gofeed.DetectFeedType(bytes.NewReader(data[:min(len(data), 4096)])) {
	case gofeed.FeedTypeAtom:
		return "atom"
	case gofeed.FeedTypeJSON:
		return "json feed"
	}
	return "rss"
}

func isHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// resolve makes link absolute against the feed's http(s) address (its own,
// else its channel link), or, for a local feed with no web address, against
// the file's directory (the result is then a path).
func resolve(httpBase, fileBase, link string) string {
	if link == "" {
		return ""
	}
	if u, err := url.Parse(link); err == nil && u.IsAbs() {
		return link
	}
	if isHTTP(httpBase) {
		if b, err := url.Parse(httpBase); err == nil {
			if u, err := b.Parse(link); err == nil {
				return u.String()
			}
		}
	}
	if fileBase != "" && !isHTTP(fileBase) {
		// A local feed without a web address: its links are files beside it.
		return filepath.Join(filepath.Dir(fileBase), filepath.FromSlash(link))
	}
	return link
}

// clean collapses whitespace in a one-line field such as a title, removing
// markup some feeds leave in titles.
func clean(s string) string {
	if strings.ContainsAny(s, "<&") {
		s = fragmentText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

// fragmentText renders an HTML fragment (a feed item's content) as text,
// paragraphs separated by blank lines, as the HTML reader renders pages.
func fragmentText(s string) string {
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	if body := findElement(root, atom.Body); body != nil {
		return renderText(body)
	}
	return renderText(root)
}

// ItemDocument turns a feed item into a document from what the feed itself
// carries: the full content when present, else the summary. It is what
// ingest does with a feed file (no fetching); watch fetches the article.
// An item with no text is an error.
func ItemDocument(f *Feed, it FeedItem) (*document.Document, error) {
	body, from := it.Content, "content"
	if strings.TrimSpace(fragmentText(body)) == "" {
		body, from = it.Summary, "summary"
	}
	text := fragmentText(body)
	if strings.TrimSpace(text) == "" {
		return nil, fmt.Errorf("feed item %q has no text (the feed carries no content or summary)", firstNonEmpty(it.URL, it.Key, it.Title))
	}
	d, err := newDoc(text)
	if err != nil {
		return nil, err
	}
	if it.URL != "" && isHTTP(it.URL) {
		d.ID = URLID(it.URL)
		d.Outlet = OutletFromURL(it.URL)
	}
	d.Title, d.URL, d.Published = it.Title, it.URL, it.Published
	if f.Language != "" {
		d.Language = strings.ToLower(strings.SplitN(f.Language, "-", 2)[0])
	}
	d.Meta = map[string]any{"feed_text": from}
	if f.Title != "" {
		d.Meta["feed_title"] = f.Title
	}
	return d, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// readFeed reads a feed file: one document per item, from the feed's own
// content (see ItemDocument), each bad item reported as "origin#n".
func readFeed(ctx context.Context, origin string, data []byte, fn func(Result) error) error {
	f, err := ParseFeed(data, origin)
	if err != nil {
		return fn(Result{Err: err, Origin: origin})
	}
	if len(f.Items) == 0 {
		return fn(Result{Err: errors.New("feed: no items"), Origin: origin})
	}
	for i, it := range f.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s#%d", origin, i+1)
		d, err := ItemDocument(f, it)
		if d != nil {
			d.Source = origin
		}
		if err := fn(Result{Doc: d, Err: err, Origin: where}); err != nil {
			return err
		}
	}
	return nil
}

// readXML reads an XML file by its root element: a feed (rss, RDF, Atom
// feed) gives its items, a sitemap one error (it lists pages to fetch, not
// text: use newsgraph watch), XHTML goes to the HTML reader.
func readXML(ctx context.Context, origin string, data []byte, fn func(Result) error) error {
	switch root := xmlRoot(data); root {
	case "rss", "rdf", "feed":
		return readFeed(ctx, origin, data, fn)
	case "urlset", "sitemapindex":
		sm, err := ParseSitemap(data)
		if err != nil {
			return fn(Result{Err: err, Origin: origin})
		}
		return fn(Result{Err: fmt.Errorf("sitemap: lists %d pages and %d sitemaps but carries no text; fetch them with newsgraph watch", len(sm.Entries), len(sm.Sitemaps)), Origin: origin})
	case "html":
		d, err := HTML(data, "")
		if err != nil {
			return fn(Result{Err: err, Origin: origin})
		}
		d.Source = origin
		return fn(Result{Doc: d, Origin: origin})
	case "":
		return fn(Result{Err: errors.New("xml: no root element (malformed XML)"), Origin: origin})
	default:
		return fn(Result{Err: fmt.Errorf("xml: root element <%s> is not a feed, sitemap or XHTML page", root), Origin: origin})
	}
}

// xmlRoot returns the lower-case local name of data's first element, "" when
// none is found in the first 64 KB.
func xmlRoot(data []byte) string {
	d := xml.NewDecoder(bytes.NewReader(data[:min(len(data), 64<<10)]))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return strings.ToLower(se.Name.Local)
		}
	}
}

// isJSONFeed reports whether the buffered stream starts a JSON Feed object
// (its "version" names jsonfeed.org).
func isJSONFeed(br *bufio.Reader) bool {
	head, _ := br.Peek(min(2048, br.Buffered())) // what is there: never wait on a pipe
	t := bytes.TrimLeft(head, "\ufeff \t\r\n")
	return len(t) > 0 && t[0] == '{' && bytes.Contains(head, []byte("jsonfeed.org/version"))
}

// readJSONFeed reads a whole JSON Feed (at most MaxBytes) as a feed file.
func readJSONFeed(ctx context.Context, origin string, r io.Reader, opt Options, fn func(Result) error) error {
	data, err := io.ReadAll(io.LimitReader(r, opt.maxBytes()+1))
	if err != nil {
		return fn(Result{Err: fmt.Errorf("read error: %w", err), Origin: origin})
	}
	if int64(len(data)) > opt.maxBytes() {
		return fn(Result{Err: fmt.Errorf("feed is larger than --max-bytes %d", opt.maxBytes()), Origin: origin})
	}
	return readFeed(ctx, origin, data, fn)
}
