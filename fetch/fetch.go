// Package fetch is newsgraph's one HTTP client, used for feeds, sitemaps,
// articles and robots.txt alike. It is polite: robots.txt is honoured (and
// cached per origin), each origin gets one request at a time with a minimum
// delay between requests, and the User-Agent names the project. It is safe:
// timeouts bound connecting, waiting for headers and reading the body; the
// body is capped after decompression (a gzip bomb stops at the cap); at most
// MaxRedirects redirects are followed, each hop checked like the first; the
// content type is checked against what the caller accepts; and every hop's
// address is vetted after DNS resolution, at connect time, so loopback,
// private, link-local, multicast, unspecified and CGNAT addresses are refused
// (DNS rebinding and redirects to such addresses included) unless
// Options.AllowPrivate admits the intranet ones.
//
// A Client is safe for concurrent use; concurrency across origins is the
// caller's choice, within an origin requests take turns.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph/internal/httpbody"
)

// UserAgent is the User-Agent header newsgraph sends by default; robots.txt
// groups for "newsgraph" apply to it.
const UserAgent = "newsgraph/1 (+https://github.com/newsgraph/newsgraph; news research crawler)"

// robotsToken is the product token matched against robots.txt user-agent lines.
const robotsToken = "newsgraph"

// Defaults of Options.
const (
	DefaultMaxBytes       = 10 << 20
	DefaultConnectTimeout = 10 * time.Second
	DefaultHeaderTimeout  = 20 * time.Second
	DefaultBodyTimeout    = 60 * time.Second
	DefaultMinDelay       = time.Second
	MaxRedirects          = 5
)

// Options configure a Client. Zero values take the defaults above.
type Options struct {
	UserAgent string
	// AllowPrivate admits loopback, private (RFC 1918), CGNAT and IPv6
	// unique-local addresses: for intranet sources and tests on 127.0.0.1.
	// Link-local, multicast, unspecified and reserved addresses stay refused.
	AllowPrivate bool
	// MaxBytes caps a response body after decompression.
	MaxBytes int64
	// ConnectTimeout bounds one TCP (and TLS) connection attempt;
	// HeaderTimeout the wait for response headers after the request is
	// sent; BodyTimeout the whole body read.
	ConnectTimeout, HeaderTimeout, BodyTimeout time.Duration
	// MinDelay is the least time between the end of one request to an
	// origin and the start of the next. A robots.txt Crawl-delay longer
	// than it (up to a minute) wins.
	MinDelay time.Duration
	// IgnoreRobots skips robots.txt. Only for sources the user owns.
	IgnoreRobots bool
	// Resolver and Dial replace name resolution and the raw dial (tests:
	// a fake resolver, a dial that records attempts). Addresses are vetted
	// between the two.
	Resolver Resolver
	Dial     DialFunc
}

// Client fetches URLs politely and safely; see the package comment.
type Client struct {
	opt    Options
	http   *http.Client
	gates  gates
	robots robotsCache
}

// New returns a Client with the options' defaults filled in.
func New(o Options) *Client {
	if o.UserAgent == "" {
		o.UserAgent = UserAgent
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.HeaderTimeout <= 0 {
		o.HeaderTimeout = DefaultHeaderTimeout
	}
	if o.BodyTimeout <= 0 {
		o.BodyTimeout = DefaultBodyTimeout
	}
	if o.MinDelay < 0 {
		o.MinDelay = 0
	} else if o.MinDelay == 0 {
		o.MinDelay = DefaultMinDelay
	}
	g := newGuard(&o)
	tr := &http.Transport{
		Proxy:                  nil, // a proxy would dial for us, past the guard
		DialContext:            g.DialContext,
		TLSHandshakeTimeout:    o.ConnectTimeout,
		ResponseHeaderTimeout:  o.HeaderTimeout,
		ExpectContinueTimeout:  time.Second,
		MaxIdleConns:           64,
		MaxIdleConnsPerHost:    2,
		IdleConnTimeout:        60 * time.Second,
		DisableCompression:     true, // decoded here, under the cap
		MaxResponseHeaderBytes: 64 << 10,
		ForceAttemptHTTP2:      true,
	}
	c := &Client{opt: o}
	c.http = &http.Client{
		Transport: tr,
		// Redirects are followed by Get, one checked hop at a time.
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	c.gates.m = map[string]*gate{}
	c.robots.m = map[string]*robotsEntry{}
	return c
}

// Options returns the client's options with defaults filled in.
func (c *Client) Options() Options { return c.opt }

// Request is one fetch.
type Request struct {
	URL string
	// Accept lists acceptable media types ("text/html", "application/rss+xml");
	// a type ending in "/" accepts its whole family ("text/"), one ending in
	// "+xml" or "xml" matches by suffix. Empty accepts anything. A response
	// without a Content-Type passes (the reader sniffs it).
	Accept []string
	// ETag and LastModified make the request conditional (If-None-Match,
	// If-Modified-Since); a 304 answer is a Response with NotModified set.
	ETag, LastModified string
}

// Response is a fetched body.
type Response struct {
	URL          string // the final URL, after redirects
	Status       int
	ContentType  string // the Content-Type header as sent
	Body         []byte // decoded (Content-Encoding removed), at most MaxBytes
	NotModified  bool
	ETag         string
	LastModified string
	Redirects    []string      // the URLs redirected from, in order
	Elapsed      time.Duration // from the first request to the body's end, waiting for turns excluded
}

// Reason classifies a fetch error for the fetch log: one of "blocked",
// "robots", "robots-unavailable", "timeout", "too-large", "content-type",
// "http-status", "redirects", "bad-url", "cancelled" and "network".
func Reason(err error) string {
	var fe *Error
	if errors.As(err, &fe) {
		return fe.Reason
	}
	var be *BlockedError
	switch {
	case errors.As(err, &be):
		return "blocked"
	case errors.Is(err, context.Canceled):
		return "cancelled"
	case isTimeout(err):
		return "timeout"
	}
	return "network"
}

// Error is a fetch failure with its reason (see Reason) and, for
// "http-status", the status code.
type Error struct {
	Reason string
	URL    string
	Status int
	Err    error
}

func (e *Error) Error() string { return fmt.Sprintf("%s: %v", e.URL, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Transient reports whether a retry later may succeed: timeouts, network
// errors, an unreadable robots.txt, 429 and 5xx answers. Blocked addresses, robots refusals, too
// large bodies, wrong types, other statuses and bad URLs are final.
func Transient(err error) bool {
	switch Reason(err) {
	case "timeout", "network", "robots-unavailable":
		return true
	case "http-status":
		var fe *Error
		errors.As(err, &fe)
		return fe.Status == http.StatusTooManyRequests || fe.Status >= 500
	}
	return false
}

func isTimeout(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

func fail(reason, u string, status int, err error) error {
	return &Error{Reason: reason, URL: u, Status: status, Err: err}
}

// Get fetches r.URL: robots.txt first (unless ignored), then the request in
// the origin's turn, following up to MaxRedirects redirects, each hop
// vetted, robot-checked and taking its origin's turn like the first.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := checkURL(r.URL)
	if err != nil {
		return nil, fail("bad-url", r.URL, 0, err)
	}
	var redirects []string
	var elapsed time.Duration
	for hop := 0; ; hop++ {
		if !c.opt.IgnoreRobots {
			if ok, err := c.robotsAllow(ctx, u); err != nil {
				return nil, err
			} else if !ok {
				return nil, fail("robots", u.String(), 0, errors.New("disallowed by robots.txt"))
			}
		}
		resp, next, d, err := c.once(ctx, u, r, hop > 0)
		elapsed += d
		if err != nil {
			return nil, err
		}
		if next == nil {
			resp.Redirects, resp.Elapsed = redirects, elapsed
			return resp, nil
		}
		if hop == MaxRedirects {
			return nil, fail("redirects", r.URL, 0, fmt.Errorf("more than %d redirects", MaxRedirects))
		}
		redirects = append(redirects, u.String())
		u = next
	}
}

// checkURL parses an absolute http(s) URL with a host.
func checkURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("scheme %q is not http or https", u.Scheme)
	}
	if u.Hostname() == "" {
		return nil, errors.New("no host")
	}
	if u.User != nil {
		return nil, errors.New("credentials in URLs are not sent")
	}
	u.Fragment = ""
	return u, nil
}

// once makes one request in the origin's turn. It returns the next URL for
// a redirect, else the response.
func (c *Client) once(ctx context.Context, u *url.URL, r Request, redirected bool) (*Response, *url.URL, time.Duration, error) {
	release, err := c.gates.acquire(ctx, origin(u), c.delay(u))
	if err != nil {
		return nil, nil, 0, fail("cancelled", u.String(), 0, err)
	}
	defer release()
	start := time.Now()
	resp, next, err := c.do(ctx, u, r, redirected)
	return resp, next, time.Since(start), err
}

func (c *Client) do(ctx context.Context, u *url.URL, r Request, redirected bool) (*Response, *url.URL, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, nil, fail("bad-url", u.String(), 0, err)
	}
	req.Header.Set("User-Agent", c.opt.UserAgent)
	req.Header.Set("Accept-Encoding", "gzip, deflate")
	if len(r.Accept) > 0 {
		req.Header.Set("Accept", strings.Join(r.Accept, ", ")+", */*;q=0.1")
	}
	if !redirected {
		if r.ETag != "" {
			req.Header.Set("If-None-Match", r.ETag)
		}
		if r.LastModified != "" {
			req.Header.Set("If-Modified-Since", r.LastModified)
		}
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, nil, classify(u.String(), err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotModified:
		return &Response{URL: u.String(), Status: resp.StatusCode, NotModified: true,
			ETag: firstNonEmpty(resp.Header.Get("ETag"), r.ETag), LastModified: firstNonEmpty(resp.Header.Get("Last-Modified"), r.LastModified)}, nil, nil
	case resp.StatusCode >= 300 && resp.StatusCode < 400 && resp.Header.Get("Location") != "":
		next, err := u.Parse(resp.Header.Get("Location"))
		if err == nil {
			next, err = checkURL(next.String())
		}
		if err != nil {
			return nil, nil, fail("bad-url", u.String(), resp.StatusCode, fmt.Errorf("bad redirect %q: %w", resp.Header.Get("Location"), err))
		}
		return nil, next, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return nil, nil, fail("http-status", u.String(), resp.StatusCode, fmt.Errorf("HTTP %s", resp.Status))
	}
	ct := resp.Header.Get("Content-Type")
	if !accepts(r.Accept, ct) {
		return nil, nil, fail("content-type", u.String(), resp.StatusCode, fmt.Errorf("content type %q is not one of %s", ct, strings.Join(r.Accept, ", ")))
	}
	if resp.ContentLength > c.opt.MaxBytes && resp.Header.Get("Content-Encoding") == "" {
		return nil, nil, fail("too-large", u.String(), resp.StatusCode, fmt.Errorf("body of %d bytes is over the %d-byte cap", resp.ContentLength, c.opt.MaxBytes))
	}
	var timedOut atomic.Bool
	timer := time.AfterFunc(c.opt.BodyTimeout, func() { timedOut.Store(true); cancel() })
	defer timer.Stop()
	body, err := c.readBody(resp)
	if err != nil {
		if timedOut.Load() {
			return nil, nil, fail("timeout", u.String(), resp.StatusCode, fmt.Errorf("body not received within %s", c.opt.BodyTimeout))
		}
		var fe *Error
		if errors.As(err, &fe) {
			fe.URL, fe.Status = u.String(), resp.StatusCode
			return nil, nil, fe
		}
		return nil, nil, classify(u.String(), err)
	}
	return &Response{URL: u.String(), Status: resp.StatusCode, ContentType: ct, Body: body,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}, nil, nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// classify wraps a transport error with its reason.
func classify(u string, err error) error {
	var be *BlockedError
	switch {
	case errors.As(err, &be):
		return fail("blocked", u, 0, be)
	case errors.Is(err, context.Canceled):
		return fail("cancelled", u, 0, err)
	case isTimeout(err):
		return fail("timeout", u, 0, err)
	}
	return fail("network", u, 0, err)
}

// readBody reads the body, undoing Content-Encoding, and refuses more than
// MaxBytes decoded bytes (the raw stream is capped as well).
func (c *Client) readBody(resp *http.Response) ([]byte, error) {
	raw := io.LimitReader(resp.Body, c.opt.MaxBytes+c.opt.MaxBytes/8+4096)
	body, err := httpbody.Read(raw, resp.Header.Get("Content-Encoding"), c.opt.MaxBytes)
	switch {
	case errors.Is(err, httpbody.ErrTooLarge):
		return nil, &Error{Reason: "too-large", Err: err}
	case errors.Is(err, httpbody.ErrUnsupported):
		return nil, &Error{Reason: "content-type", Err: err}
	case errors.Is(err, httpbody.ErrCorrupt):
		return nil, &Error{Reason: "network", Err: err}
	}
	return body, err
}

// accepts reports whether the Content-Type ct is one of want.
func accepts(want []string, ct string) bool {
	if len(want) == 0 || strings.TrimSpace(ct) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	for _, w := range want {
		w = strings.ToLower(w)
		switch {
		case mt == w:
			return true
		case strings.HasSuffix(w, "/") && strings.HasPrefix(mt, w):
			return true
		case strings.HasPrefix(w, "+") && strings.HasSuffix(mt, w):
			return true
		}
	}
	return false
}

// origin is the politeness and robots key of u: scheme://host:port.
func origin(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	return u.Scheme + "://" + strings.ToLower(u.Hostname()) + ":" + port
}

// gates gives each origin one request at a time, spaced by its delay.
type gates struct {
	mu sync.Mutex
	m  map[string]*gate
}

type gate struct {
	turn chan struct{} // holds a token while a request is in flight
	next time.Time     // earliest start of the next request
}

func (g *gates) acquire(ctx context.Context, key string, delay time.Duration) (func(), error) {
	g.mu.Lock()
	gt := g.m[key]
	if gt == nil {
		gt = &gate{turn: make(chan struct{}, 1)}
		g.m[key] = gt
	}
	g.mu.Unlock()
	select {
	case gt.turn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(gt.next); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-gt.turn
			return nil, ctx.Err()
		}
	}
	return func() {
		gt.next = time.Now().Add(delay)
		<-gt.turn
	}, nil
}
