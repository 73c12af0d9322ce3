package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os/signal"
	"syscall"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/watch"
)

func init() {
	register(command{name: "watch", summary: "poll feeds and sitemaps, fetch new articles safely, extract and store them", run: runWatch})
}

const watchExamples = `  newsgraph watch docs/examples/feeds.txt --db news.db --once   # one poll of a local example feed
  newsgraph watch docs/examples/feeds.txt --db news.db --status # cursors, items and failed fetches
  newsgraph watch feeds.txt --db news.db                      # poll until interrupted
  newsgraph watch feeds.txt --json > watch.log                # JSON lines for services

A feeds file lists one feed (RSS, Atom, JSON Feed) or sitemap per line, a URL or
a local path, with optional outlet="Name" and every=10m; # starts a comment.
The state (cursors, items, fetch log) is in the database: a restart, even
after kill -9, goes on where the last run stopped.`

func runWatch(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "watch", "watch [flags] FEEDS.txt", watchExamples)
	db := fs.String("db", defaultDB, dbFlagHelp)
	once := fs.Bool("once", false, "poll every feed once, fetch what is new, and exit")
	jsonLog := fs.Bool("json", false, "write every poll, article and cycle as a JSON line on standard output")
	quiet := fs.Bool("quiet", false, "no progress and no summary lines")
	status := fs.Bool("status", false, "print each feed's state, its items by status and the latest failed fetches, and exit")
	allowPrivate := fs.Bool("allow-private", false, "allow loopback, private (RFC 1918), CGNAT and unique-local addresses (intranets, tests); link-local and multicast stay refused")
	every := fs.Duration("every", 15*time.Minute, "poll interval of feeds without every=")
	delay := fs.Duration("delay", fetch.DefaultMinDelay, "least time between two requests to one site (robots.txt Crawl-delay may raise it)")
	timeout := fs.Duration("timeout", fetch.DefaultBodyTimeout, "longest time to receive one response body")
	maxItems := fs.Int("max-items", 500, "items taken from one poll of a feed, newest first")
	var in inputFlags
	fs.Int64Var(&in.maxBytes, "max-bytes", read.DefaultMaxBytes, "largest feed or article accepted, in bytes (after decompression)")
	fs.StringVar(&in.dict, "dict", "", "user actor dictionary (TSV or YAML) adding or overriding actors")
	fs.StringVar(&in.lexicon, "lexicon", "", "user event lexicon extending the built-in one")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	files := args(fs)
	if len(files) != 1 {
		writeErr(e.stderr, "watch: want one feeds file, got %d arguments", len(files))
		return exitUsage
	}
	if *every < time.Minute || *delay < 0 || *timeout <= 0 || *maxItems <= 0 || in.maxBytes <= 0 {
		writeErr(e.stderr, "watch: --every must be at least 1m, --delay not negative, --timeout, --max-items and --max-bytes positive")
		return exitUsage
	}
	srcs, err := watch.ReadSources(files[0])
	if err != nil {
		writeErr(e.stderr, "watch: %v", err)
		return exitUsage
	}
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	opened, err := openStoreWrite(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "watch: %v", err)
		return exitFailure
	}
	defer opened.Close()
	st, ok := opened.(watch.Store)
	if !ok {
		writeErr(e.stderr, "watch: the store %s does not keep feed state", *db)
		return exitFailure
	}
	if *status {
		if err := printWatchStatus(ctx, e, st, srcs); err != nil {
			writeErr(e.stderr, "watch: %v", err)
			return exitFailure
		}
		return exitOK
	}
	p, err := in.pipeline()
	if err != nil {
		writeErr(e.stderr, "watch: %v", err)
		return exitFailure
	}
	minDelay := *delay
	if minDelay == 0 {
		minDelay = -1 // fetch.Options: 0 means the default
	}
	w := &watch.Watcher{
		Client: fetch.New(fetch.Options{AllowPrivate: *allowPrivate, MaxBytes: in.maxBytes, BodyTimeout: *timeout, MinDelay: minDelay}),
		Store:  st,
		Process: func(ctx context.Context, d *document.Document) error {
			return p.Process(ctx, d)
		},
		Options: watch.Options{Every: *every, MaxItems: *maxItems, MaxBytes: in.maxBytes},
	}
	failures := 0
	bar := newProgress(e.stderr, !*quiet && !*jsonLog && e.isTerminal)
	docs, failed := 0, 0
	enc := json.NewEncoder(e.stdout)
	w.Log = func(ev watch.Event) {
		if ev.Error != "" && !ev.Retry {
			failures++
		}
		switch {
		case *jsonLog:
			enc.Encode(ev)
		case *quiet:
		case ev.Kind == "cycle":
			bar.done()
			fmt.Fprintln(e.stderr, ev.String())
		case ev.Error != "" && !ev.Retry:
			bar.done()
			fmt.Fprintf(e.stderr, "newsgraph: %s\n", ev.String())
		}
		if ev.Kind == "article" {
			if ev.DocID != "" {
				docs++
			} else if !ev.Retry {
				failed++
			}
			bar.update(docs, failed)
		}
	}
	if *once {
		_, err = w.Once(ctx, srcs)
	} else {
		err = w.Run(ctx, srcs)
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			err = nil // interrupted: a normal end for a long-running watch
		}
	}
	bar.done()
	if err != nil {
		writeErr(e.stderr, "watch: %v", err)
		return exitFailure
	}
	if failures > 0 && *once {
		return exitFailure
	}
	return exitOK
}

// urlFetcher reads URL inputs of extract and ingest through the safe
// client (robots.txt, SSRF guard, caps, timeouts).
func urlFetcher(allowPrivate bool, maxBytes int64) read.Fetcher {
	var c *fetch.Client
	return func(ctx context.Context, u string) ([]byte, string, string, error) {
		if c == nil {
			c = fetch.New(fetch.Options{AllowPrivate: allowPrivate, MaxBytes: maxBytes})
		}
		resp, err := c.Get(ctx, fetch.Request{URL: u, Accept: []string{"text/html", "application/xhtml+xml", "+xml", "application/xml", "text/xml", "application/feed+json", "application/json", "text/plain"}})
		if err != nil {
			return nil, "", "", err
		}
		return resp.Body, resp.ContentType, resp.URL, nil
	}
}

// printWatchStatus writes each source's state, its items by status and the
// latest failed fetches with their reasons.
func printWatchStatus(ctx context.Context, e *env, st watch.Store, srcs []watch.Source) error {
	for _, src := range srcs {
		fs, err := st.FeedState(ctx, src.Feed)
		if err != nil {
			return err
		}
		items, err := st.FeedItems(ctx, src.Feed)
		if err != nil {
			return err
		}
		by := map[string]int{}
		for _, it := range items {
			by[it.Status]++
		}
		when := func(t *time.Time) string {
			if t == nil {
				return "never"
			}
			return t.UTC().Format(time.RFC3339)
		}
		fmt.Fprintf(e.stdout, "%s\n  last poll %s, next %s, %d consecutive failures; items: %d done, %d pending, %d to retry, %d failed\n",
			src.Feed, when(fs.LastPoll), when(fs.NextPoll), fs.Failures, by["done"], by["pending"], by["retry"], by["failed"])
		if fs.LastError != "" {
			fmt.Fprintf(e.stdout, "  last error: %s\n", fs.LastError)
		}
		log, err := st.FetchLog(ctx, src.Feed, 200)
		if err != nil {
			return err
		}
		shown := 0
		for _, l := range log {
			if l.Error == "" || shown == 10 {
				continue
			}
			shown++
			fmt.Fprintf(e.stdout, "  %s %s %s: %s\n", l.Time.UTC().Format(time.RFC3339), l.Reason, l.URL, l.Error)
		}
	}
	return nil
}
