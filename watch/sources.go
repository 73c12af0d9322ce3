package watch

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Source is one line of a feeds file: a feed or sitemap to poll.
type Source struct {
	// Feed is an http(s) URL, or the absolute path of a local feed file.
	Feed string
	// Outlet names the publication for every article of the feed; "" takes
	// a news sitemap's publication name, else the article URL's domain.
	Outlet string
	// Every is the feed's poll interval; 0 uses Options.Every.
	Every time.Duration
	// Line is the line of the feeds file it came from.
	Line int
}

// Local reports whether the source is a file rather than a URL.
func (s Source) Local() bool { return !isHTTP(s.Feed) }

func isHTTP(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://")
}

// ReadSources reads a feeds file: one feed per line, "#" starts a comment,
// blank lines are skipped. A line is a URL (http or https) or a path to a
// local feed file (relative to the feeds file's directory), then options:
//
//	https://example.org/world/rss.xml outlet="Example News" every=10m
//	feeds/local.xml
//
// outlet= names the outlet (quoted when it has spaces), every= sets the
// poll interval (at least one minute; Go duration syntax). Every problem is
// reported with its line number, all of them at once.
func ReadSources(path string) ([]Source, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("feeds file: %w", err)
	}
	defer f.Close()
	dir := filepath.Dir(path)
	return ParseSources(f, path, dir)
}

// ParseSources parses feeds-file text (see ReadSources); relative paths are
// resolved against dir; name is used in error messages.
func ParseSources(r io.Reader, name, dir string) ([]Source, error) {
	var out []Source
	var errs []string
	seen := map[string]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if i := strings.Index(line, "#"); i >= 0 && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t') {
			line = line[:i]
		}
		fields, err := splitFields(line)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: %v", name, n, err))
			continue
		}
		if len(fields) == 0 {
			continue
		}
		src := Source{Feed: fields[0], Line: n}
		if isHTTP(src.Feed) {
			u, err := url.Parse(src.Feed)
			if err != nil || u.Host == "" {
				errs = append(errs, fmt.Sprintf("%s:%d: bad URL %q", name, n, src.Feed))
				continue
			}
		} else if strings.Contains(src.Feed, "://") {
			errs = append(errs, fmt.Sprintf("%s:%d: %q: only http and https URLs or local paths", name, n, src.Feed))
			continue
		} else {
			p := strings.TrimPrefix(src.Feed, "file:")
			if !filepath.IsAbs(p) {
				p = filepath.Join(dir, p)
			}
			abs, err := filepath.Abs(p)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: %v", name, n, err))
				continue
			}
			src.Feed = abs
		}
		bad := false
		for _, opt := range fields[1:] {
			k, v, ok := strings.Cut(opt, "=")
			switch {
			case !ok:
				errs = append(errs, fmt.Sprintf("%s:%d: option %q is not key=value", name, n, opt))
				bad = true
			case k == "outlet":
				src.Outlet = v
			case k == "every":
				d, err := time.ParseDuration(v)
				if err != nil || d < time.Minute {
					errs = append(errs, fmt.Sprintf("%s:%d: every=%s: want a duration of at least 1m (10m, 1h)", name, n, v))
					bad = true
				}
				src.Every = d
			default:
				errs = append(errs, fmt.Sprintf("%s:%d: unknown option %q (want outlet= or every=)", name, n, k))
				bad = true
			}
		}
		if bad {
			continue
		}
		if prev, dup := seen[src.Feed]; dup {
			errs = append(errs, fmt.Sprintf("%s:%d: %s is already listed on line %d", name, n, src.Feed, prev))
			continue
		}
		seen[src.Feed] = n
		out = append(out, src)
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Sprintf("%s: %v", name, err))
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("feeds file: %s", strings.Join(errs, "; "))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("feeds file: %s lists no feed", name)
	}
	return out, nil
}

// splitFields splits on spaces, keeping double-quoted runs ("a b" or
// key="a b") together without their quotes.
func splitFields(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote, have = !inQuote, true
		case (r == ' ' || r == '\t') && !inQuote:
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if inQuote {
		return nil, fmt.Errorf("unclosed quote")
	}
	if have {
		out = append(out, cur.String())
	}
	return out, nil
}
