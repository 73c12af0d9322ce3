package read

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"strings"
)

// Fetcher fetches a web address for the readers: the body (decoded and
// capped), its Content-Type and the final address after redirects. The
// command line gives one built on package fetch (the safe client); package
// read itself never opens a connection.
type Fetcher func(ctx context.Context, url string) (body []byte, contentType, finalURL string, err error)

func isURL(p string) bool { return isHTTP(p) }

// readURL reads one http(s) address given as an input: an HTML page is one
// document (id from its address, outlet its domain), a feed gives its items
// as a feed file does, plain text is read as text; a sitemap or any other
// type is an error.
func readURL(ctx context.Context, u string, opt Options, fn func(Result) error) error {
	if opt.Fetch == nil {
		return fn(Result{Err: errors.New("cannot read a URL here: no fetcher configured"), Origin: u})
	}
	body, ct, final, err := opt.Fetch(ctx, u)
	if err != nil {
		return fn(Result{Err: err, Origin: u})
	}
	mt, _, _ := mime.ParseMediaType(ct)
	switch {
	case mt == "text/html" || mt == "application/xhtml+xml" || (mt == "" && sniff(body) == "html"):
		d, err := HTML(body, ct)
		if err != nil {
			return fn(Result{Err: err, Origin: u})
		}
		d.ID, d.URL, d.Outlet, d.Source = URLID(u), final, OutletFromURL(final), u
		return fn(Result{Doc: d, Origin: u})
	case strings.HasSuffix(mt, "xml") || mt == "application/feed+json" || mt == "application/json" || mt == "":
		if t := strings.TrimLeft(string(body[:min(len(body), 64)]), "\ufeff \t\r\n"); strings.HasPrefix(t, "{") {
			return readFeed(ctx, u, body, fn)
		}
		return readXML(ctx, u, body, fn)
	case mt == "text/plain":
		d, err := Text(body, opt.Encoding)
		if err != nil {
			return fn(Result{Err: err, Origin: u})
		}
		d.ID, d.URL, d.Outlet, d.Source = URLID(u), final, OutletFromURL(final), u
		return fn(Result{Doc: d, Origin: u})
	}
	return fn(Result{Err: fmt.Errorf("content type %q is not a page, feed or text", ct), Origin: u})
}
