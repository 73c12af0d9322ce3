package fetch

import (
	"context"
	"errors"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Robots is a parsed robots.txt (RFC 9309) for one user-agent token: the
// rules of the group naming the token, else of the "*" group.
type Robots struct {
	rules      []robotsRule
	crawlDelay time.Duration
}

type robotsRule struct {
	allow   bool
	pattern string // path pattern with * and a trailing $
}

// maxRobotsBytes is how much of a robots.txt is parsed (RFC 9309 asks for
// at least 500 KiB).
const maxRobotsBytes = 512 << 10

// ParseRobots parses robots.txt data for the product token agent
// (case-insensitive). Groups are the user-agent lines that precede rules;
// a group naming the token wins over "*"; several matching groups merge.
// Unknown lines are ignored, as the RFC asks.
func ParseRobots(data []byte, agent string) *Robots {
	if len(data) > maxRobotsBytes {
		data = data[:maxRobotsBytes]
	}
	agent = strings.ToLower(agent)
	type group struct {
		agents []string
		rules  []robotsRule
		delay  time.Duration
	}
	var groups []*group
	var cur *group
	inAgents := false
	for _, line := range strings.Split(string(data), "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, val, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		switch key {
		case "user-agent":
			if !inAgents {
				cur = &group{}
				groups = append(groups, cur)
				inAgents = true
			}
			cur.agents = append(cur.agents, strings.ToLower(val))
		case "allow", "disallow":
			inAgents = false
			if cur == nil || (key == "disallow" && val == "") {
				continue // an empty Disallow allows everything: no rule
			}
			cur.rules = append(cur.rules, robotsRule{allow: key == "allow", pattern: val})
		case "crawl-delay":
			inAgents = false
			if cur != nil {
				if f, err := strconv.ParseFloat(val, 64); err == nil && f > 0 && f < 3600 {
					cur.delay = time.Duration(f * float64(time.Second))
				}
			}
		default:
			// sitemap and unknown keys do not end a user-agent run
		}
	}
	pick := func(match func(string) bool) *Robots {
		var r *Robots
		for _, g := range groups {
			for _, a := range g.agents {
				if match(a) {
					if r == nil {
						r = &Robots{}
					}
					r.rules = append(r.rules, g.rules...)
					r.crawlDelay = max(r.crawlDelay, g.delay)
					break
				}
			}
		}
		return r
	}
	token := func(a string) string {
		if i := strings.IndexAny(a, "/ "); i >= 0 {
			return a[:i]
		}
		return a
	}
	if r := pick(func(a string) bool { return a != "*" && token(a) == agent }); r != nil {
		return r
	}
	if r := pick(func(a string) bool { return a == "*" }); r != nil {
		return r
	}
	return &Robots{}
}

// Allowed reports whether the path (with query) may be fetched: the longest
// matching rule decides, Allow winning a tie; no match allows.
// /robots.txt itself is always allowed.
func (r *Robots) Allowed(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if !robotsMatch(rule.pattern, path) {
			continue
		}
		n := len(rule.pattern)
		if n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// CrawlDelay is the group's Crawl-delay, 0 when none.
func (r *Robots) CrawlDelay() time.Duration { return r.crawlDelay }

// robotsMatch matches path against a pattern where * is any run of
// characters and a final $ anchors the end; otherwise it is a prefix match.
// Percent-encoding is compared as written.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	if anchored {
		pattern = pattern[:len(pattern)-1]
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	pos := len(parts[0])
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if i == len(parts)-1 && anchored {
			return len(path)-pos >= len(p) && strings.HasSuffix(path, p)
		}
		j := strings.Index(path[pos:], p)
		if j < 0 {
			return false
		}
		pos += j + len(p)
	}
	return !anchored || pos == len(path)
}

// robotsCache holds one Robots per origin.
type robotsCache struct {
	mu sync.Mutex
	m  map[string]*robotsEntry
}

type robotsEntry struct {
	once    chan struct{} // closed when loaded
	robots  *Robots
	err     error // a blocked origin: the fetch itself must fail
	expires time.Time
}

// How long a robots.txt answer is kept: a good one a day, a server error
// (which disallows everything, as RFC 9309 asks) ten minutes.
const (
	robotsTTL      = 24 * time.Hour
	robotsErrorTTL = 10 * time.Minute
)

// unavailable stands for a robots.txt that could not be read (a server or
// network error): everything is disallowed for now, as RFC 9309 asks, and
// the fetch fails with the transient reason "robots-unavailable".
var unavailable = &Robots{rules: []robotsRule{{allow: false, pattern: "/"}}}

// robotsFor returns the origin's robots.txt, fetching it when not cached.
func (c *Client) robotsFor(ctx context.Context, u *url.URL) (*Robots, error) {
	key := origin(u)
	c.robots.mu.Lock()
	e := c.robots.m[key]
	if e != nil && e.expires.Before(time.Now()) && isClosed(e.once) {
		e = nil
	}
	loader := e == nil
	if loader {
		e = &robotsEntry{once: make(chan struct{})}
		c.robots.m[key] = e
	}
	c.robots.mu.Unlock()
	if loader {
		e.robots, e.err, e.expires = c.loadRobots(ctx, u)
		close(e.once)
		if errors.Is(e.err, context.Canceled) {
			c.robots.mu.Lock()
			delete(c.robots.m, key)
			c.robots.mu.Unlock()
		}
	} else {
		select {
		case <-e.once:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	return e.robots, e.err
}

func isClosed(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}

// loadRobots fetches scheme://host/robots.txt, following redirects.
func (c *Client) loadRobots(ctx context.Context, u *url.URL) (*Robots, error, time.Time) {
	ru := &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	now := time.Now()
	for hop := 0; hop <= MaxRedirects; hop++ {
		resp, next, _, err := c.once(ctx, ru, Request{}, false)
		if err != nil {
			var fe *Error
			if errors.As(err, &fe) && fe.Reason == "http-status" {
				if fe.Status >= 400 && fe.Status < 500 {
					return &Robots{}, nil, now.Add(robotsTTL) // no robots.txt: everything allowed
				}
				return unavailable, nil, now.Add(robotsErrorTTL)
			}
			if r := Reason(err); r == "blocked" || r == "cancelled" || r == "bad-url" {
				return nil, err, now.Add(robotsErrorTTL)
			}
			if r := Reason(err); r == "too-large" || r == "content-type" {
				return &Robots{}, nil, now.Add(robotsTTL)
			}
			return unavailable, nil, now.Add(robotsErrorTTL) // unreachable: wait
		}
		if next == nil {
			return ParseRobots(resp.Body, robotsToken), nil, now.Add(robotsTTL)
		}
		ru = next
	}
	return &Robots{}, nil, now.Add(robotsTTL) // too many redirects: treated as unavailable (allow)
}

// robotsAllow reports whether u may be fetched.
func (c *Client) robotsAllow(ctx context.Context, u *url.URL) (bool, error) {
	r, err := c.robotsFor(ctx, u)
	if err != nil {
		return false, err
	}
	if r == unavailable {
		return false, fail("robots-unavailable", u.String(), 0, errors.New("robots.txt could not be read (server or network error); trying later"))
	}
	p := u.EscapedPath()
	if u.RawQuery != "" {
		p += "?" + u.RawQuery
	}
	return r.Allowed(p), nil
}

// delay is the origin's minimum delay: MinDelay, or a longer cached
// Crawl-delay (at most a minute).
func (c *Client) delay(u *url.URL) time.Duration {
	d := c.opt.MinDelay
	c.robots.mu.Lock()
	e := c.robots.m[origin(u)]
	c.robots.mu.Unlock()
	if e != nil && isClosed(e.once) && e.robots != nil {
		d = max(d, min(e.robots.crawlDelay, time.Minute))
	}
	return d
}
