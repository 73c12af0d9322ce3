// Package watch follows news sources: it polls feeds (RSS, Atom, JSON Feed)
// and news sitemaps on their schedules with conditional GETs, fetches the
// articles they list through the one safe client (package fetch), turns
// each into an annotated document and stores it.
//
// The state lives in the store (store.FeedStore): a poll records the
// feed's cursor and its new items in one transaction, and an article's
// document is stored in the same transaction that marks its item done. So
// a process killed at any moment loses nothing (an item stays pending until
// its document is stored; a poll not recorded is made again) and stores
// nothing twice (a document's id is its item's URL, and an item done is
// never fetched again).
//
// Fetching and storing are separate steps: Article turns an item into a
// document and its log entry without touching the store, Complete records
// the outcome; a queue can sit between them.
package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/store"
)

// Store is what watching needs of a store.
type Store interface {
	store.Store
	store.FeedStore
}

// Options tune a Watcher; zero values take the defaults in brackets.
type Options struct {
	Every       time.Duration // poll interval of feeds without every= [15m]
	MaxItems    int           // items taken from one poll, newest first [500]
	MaxAttempts int           // fetches of an item before it fails for good [3]
	RetryDelay  time.Duration // wait before the first retry, doubling after [5m]
	Origins     int           // origins fetched from at once (each one request at a time) [8]
	MaxBytes    int64         // cap on local feed and article files [read.DefaultMaxBytes]
}

func (o Options) withDefaults() Options {
	if o.Every <= 0 {
		o.Every = 15 * time.Minute
	}
	if o.MaxItems <= 0 {
		o.MaxItems = 500
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 3
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = 5 * time.Minute
	}
	if o.Origins <= 0 {
		o.Origins = 8
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = read.DefaultMaxBytes
	}
	return o
}

// Watcher polls sources and stores their articles.
type Watcher struct {
	Client *fetch.Client
	Store  Store
	// Process annotates a document (the pipeline); nil stores the text only.
	Process func(context.Context, *document.Document) error
	// Log receives every poll, article and cycle summary; nil discards
	// them. It is called from several goroutines, one call at a time.
	Log     func(Event)
	Options Options
	// Now is the clock (tests); nil is time.Now.
	Now func() time.Time

	logMu sync.Mutex
}

// Event is one thing the watcher did.
type Event struct {
	Time    time.Time `json:"time"`
	Kind    string    `json:"kind"` // "poll", "article" or "cycle"
	Feed    string    `json:"feed,omitempty"`
	URL     string    `json:"url,omitempty"`
	Status  int       `json:"status,omitempty"`  // HTTP status
	Reason  string    `json:"reason,omitempty"`  // see store.FetchLog.Reason
	Error   string    `json:"error,omitempty"`   // why it failed
	New     int       `json:"new,omitempty"`     // poll: items the feed listed for the first time
	DocID   string    `json:"doc_id,omitempty"`  // article: the document stored or known
	CopyOf  string    `json:"copy_of,omitempty"` // article: the original a stored copy links to
	Retry   bool      `json:"retry,omitempty"`   // article: failed for now, tried again later
	Summary *Summary  `json:"summary,omitempty"` // cycle
}

// Summary counts one cycle: polls, then fetches of every pending item.
type Summary struct {
	Polled      int           `json:"polled"`
	NotModified int           `json:"not_modified"`
	FeedErrors  int           `json:"feed_errors"`
	NewItems    int           `json:"new_items"`
	Stored      int           `json:"stored"`   // new documents, copies included
	Copies      int           `json:"copies"`   // stored documents linked to an original
	Known       int           `json:"known"`    // items whose text or URL was already stored
	Failed      int           `json:"failed"`   // items given up
	Retrying    int           `json:"retrying"` // items to try again later
	Elapsed     time.Duration `json:"elapsed_ns"`
}

func (s *Summary) add(o Summary) {
	s.Polled += o.Polled
	s.NotModified += o.NotModified
	s.FeedErrors += o.FeedErrors
	s.NewItems += o.NewItems
	s.Stored += o.Stored
	s.Copies += o.Copies
	s.Known += o.Known
	s.Failed += o.Failed
	s.Retrying += o.Retrying
}

func (w *Watcher) now() time.Time {
	if w.Now != nil {
		return w.Now()
	}
	return time.Now()
}

func (w *Watcher) emit(e Event) {
	if w.Log == nil {
		return
	}
	if e.Time.IsZero() {
		e.Time = w.now()
	}
	w.logMu.Lock()
	defer w.logMu.Unlock()
	w.Log(e)
}

// Media types asked for feeds and sitemaps, and for articles.
var (
	feedTypes    = []string{"application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/xml", "text/xml", "+xml", "text/", "application/x-gzip", "application/gzip"}
	articleTypes = []string{"text/html", "application/xhtml+xml"}
)

// Once polls every source now, whatever its schedule, then fetches every
// pending item (those left by an earlier run first). It returns the cycle's
// summary; an error means the store failed or ctx ended.
func (w *Watcher) Once(ctx context.Context, srcs []Source) (Summary, error) {
	return w.cycle(ctx, srcs)
}

// Run polls each source when it is due (its every=, else Options.Every;
// failing feeds back off up to a day), fetches what the polls found, and
// sleeps until the next source is due, until ctx ends.
func (w *Watcher) Run(ctx context.Context, srcs []Source) error {
	for {
		now := w.now()
		var due []Source
		next := now.Add(24 * time.Hour)
		for _, s := range srcs {
			st, err := w.Store.FeedState(ctx, s.Feed)
			if err != nil {
				return err
			}
			if st.NextPoll == nil || !st.NextPoll.After(now) {
				due = append(due, s)
				continue
			}
			if st.NextPoll.Before(next) {
				next = *st.NextPoll
			}
		}
		if _, err := w.cycle(ctx, due); err != nil {
			return err
		}
		if len(due) > 0 {
			continue // the polls just made set new due times
		}
		t := time.NewTimer(max(time.Second, time.Until(next)))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (w *Watcher) cycle(ctx context.Context, srcs []Source) (Summary, error) {
	start := time.Now()
	var sum Summary
	left, err := w.fetchPending(ctx)
	sum.add(left)
	if err != nil {
		return sum, err
	}
	polled, err := w.pollAll(ctx, srcs)
	sum.add(polled)
	if err != nil {
		return sum, err
	}
	fetched, err := w.fetchPending(ctx)
	sum.add(fetched)
	sum.Elapsed = time.Since(start)
	if err == nil && (len(srcs) > 0 || sum != Summary{Elapsed: sum.Elapsed}) {
		w.emit(Event{Kind: "cycle", Summary: &sum})
	}
	return sum, err
}

// pollAll polls the sources, several origins at once.
func (w *Watcher) pollAll(ctx context.Context, srcs []Source) (Summary, error) {
	o := w.Options.withDefaults()
	var mu sync.Mutex
	var sum Summary
	err := eachLimited(ctx, len(srcs), o.Origins, func(ctx context.Context, i int) error {
		s, err := w.Poll(ctx, srcs[i])
		mu.Lock()
		sum.add(s)
		mu.Unlock()
		return err
	})
	return sum, err
}

// Poll polls one source and records its outcome: the new cursor and items,
// or the failure (one error per feed; the cursor is kept). It returns an
// error only when the store fails or ctx ends.
func (w *Watcher) Poll(ctx context.Context, src Source) (Summary, error) {
	o := w.Options.withDefaults()
	st, err := w.Store.FeedState(ctx, src.Feed)
	if err != nil {
		return Summary{}, err
	}
	now := w.now()
	every := src.Every
	if every <= 0 {
		every = o.Every
	}
	log := store.FetchLog{Time: now, Feed: src.Feed, URL: src.Feed, Kind: "feed"}
	st.LastPoll = &now
	var data []byte
	final := src.Feed
	etag, lastMod := st.ETag, st.LastModified // the new cursor, kept only if the poll succeeds
	if src.Local() {
		// A local feed's cursor is its modification time and size.
		if fi, serr := os.Stat(src.Feed); serr == nil {
			stamp := fmt.Sprintf("%s %d", fi.ModTime().UTC().Format(time.RFC3339Nano), fi.Size())
			if stamp == st.LastModified {
				next := now.Add(every)
				st.NextPoll, st.Failures, st.LastError = &next, 0, ""
				log.Reason = "not-modified"
				if _, err := w.Store.RecordPoll(ctx, st, nil, log); err != nil {
					return Summary{}, err
				}
				w.emit(Event{Kind: "poll", Feed: src.Feed, Reason: log.Reason})
				return Summary{Polled: 1, NotModified: 1}, nil
			}
			lastMod = stamp
		}
		data, err = readLocal(src.Feed, o.MaxBytes)
		log.Bytes = len(data)
	} else {
		var resp *fetch.Response
		resp, err = w.Client.Get(ctx, fetch.Request{URL: src.Feed, Accept: feedTypes, ETag: st.ETag, LastModified: st.LastModified})
		if err == nil {
			log.Status, log.Bytes, log.Duration, final = resp.Status, len(resp.Body), resp.Elapsed, resp.URL
			data = resp.Body
			if resp.NotModified {
				next := now.Add(every)
				st.NextPoll, st.Failures, st.LastStatus, st.LastError = &next, 0, resp.Status, ""
				log.Reason = "not-modified"
				if _, err := w.Store.RecordPoll(ctx, st, nil, log); err != nil {
					return Summary{}, err
				}
				w.emit(Event{Kind: "poll", Feed: src.Feed, Status: resp.Status, Reason: log.Reason})
				return Summary{Polled: 1, NotModified: 1}, nil
			}
		}
		var fe *fetch.Error
		if errors.As(err, &fe) {
			log.Status = fe.Status
		}
		if err == nil {
			etag, lastMod = resp.ETag, resp.LastModified
		}
	}
	var items []store.FeedItem
	reason := "ok"
	if err != nil {
		reason = fetch.Reason(err)
		if src.Local() {
			reason = "file"
		}
	} else if items, err = w.listItems(ctx, src, final, data); err != nil {
		reason = "parse"
	}
	if err != nil {
		if ctx.Err() != nil {
			return Summary{}, ctx.Err() // shutting down: nothing to record
		}
		st.Failures++
		next := now.Add(min(24*time.Hour, every<<min(st.Failures-1, 10)))
		st.NextPoll, st.LastStatus, st.LastError = &next, log.Status, err.Error()
		log.Reason, log.Error = reason, err.Error()
		if _, err := w.Store.RecordPoll(ctx, st, nil, log); err != nil {
			return Summary{}, err
		}
		w.emit(Event{Kind: "poll", Feed: src.Feed, Status: log.Status, Reason: reason, Error: log.Error})
		return Summary{Polled: 1, FeedErrors: 1}, nil
	}
	next := now.Add(every)
	st.NextPoll, st.Failures, st.LastStatus, st.LastError = &next, 0, log.Status, ""
	st.ETag, st.LastModified = etag, lastMod
	log.Reason = "ok"
	added, err := w.Store.RecordPoll(ctx, st, items, log)
	if err != nil {
		return Summary{}, err
	}
	w.emit(Event{Kind: "poll", Feed: src.Feed, Status: log.Status, Reason: "ok", New: added})
	return Summary{Polled: 1, NewItems: added}, nil
}

// readLocal reads a local file of at most max bytes.
func readLocal(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s is larger than %d bytes", path, max)
	}
	return data, nil
}

// maxChildSitemaps bounds the sitemaps of one index fetched per poll.
const maxChildSitemaps = 20

// listItems parses a poll's body, a feed or a sitemap (an index's sitemaps
// are fetched too), into items: the newest MaxItems, in the source's order.
func (w *Watcher) listItems(ctx context.Context, src Source, base string, data []byte) ([]store.FeedItem, error) {
	o := w.Options.withDefaults()
	var items []store.FeedItem
	if sm, err := read.ParseSitemap(data); err == nil {
		entries := sm.Entries
		for i, child := range sm.Sitemaps {
			if i == maxChildSitemaps {
				break
			}
			if src.Local() {
				return nil, fmt.Errorf("sitemap index %s: a local index cannot list remote sitemaps", src.Feed)
			}
			resp, err := w.Client.Get(ctx, fetch.Request{URL: child, Accept: feedTypes})
			if err != nil {
				return nil, fmt.Errorf("sitemap %s: %w", child, err)
			}
			csm, err := read.ParseSitemap(resp.Body)
			if err != nil {
				return nil, fmt.Errorf("sitemap %s: %w", child, err)
			}
			entries = append(entries, csm.Entries...)
		}
		for _, e := range entries {
			it := store.FeedItem{Feed: src.Feed, Key: e.URL, URL: e.URL, Title: e.Title, Published: e.Published, Outlet: src.Outlet}
			if it.Outlet == "" {
				it.Outlet = e.Outlet
			}
			if it.Published == nil {
				it.Published = e.LastMod
			}
			items = append(items, it)
		}
	} else {
		f, err := read.ParseFeed(data, base)
		if err != nil {
			if errors.Is(err, read.ErrNotFeed) {
				return nil, errors.New("neither a feed (RSS, Atom, JSON Feed) nor a sitemap")
			}
			return nil, err
		}
		for _, fi := range f.Items {
			if fi.URL == "" {
				continue
			}
			items = append(items, store.FeedItem{Feed: src.Feed, Key: fi.Key, URL: fi.URL, Title: fi.Title, Published: fi.Published, Outlet: src.Outlet})
		}
	}
	// Remote sources list web pages only; a local feed may list files.
	kept := items[:0]
	seen := map[string]bool{}
	for _, it := range items {
		if (!isHTTP(it.URL) && !src.Local()) || seen[it.Key] {
			continue
		}
		seen[it.Key] = true
		kept = append(kept, it)
	}
	items = kept
	if len(items) > o.MaxItems {
		idx := make([]int, len(items))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return newer(items[idx[a]], items[idx[b]]) })
		keep := map[int]bool{}
		for _, i := range idx[:o.MaxItems] {
			keep[i] = true
		}
		kept := items[:0]
		for i, it := range items {
			if keep[i] {
				kept = append(kept, it)
			}
		}
		items = kept
	}
	return items, nil
}

func newer(a, b store.FeedItem) bool {
	switch {
	case a.Published == nil:
		return false
	case b.Published == nil:
		return true
	}
	return a.Published.After(*b.Published)
}

// originKey groups items by where they are fetched from.
func originKey(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || !isHTTP(raw) {
		return "file:"
	}
	return u.Scheme + "://" + u.Host
}

// eachLimited runs fn(i) for i in [0,n) on at most limit goroutines; the
// first error cancels the others' context and is returned.
func eachLimited(ctx context.Context, n, limit int, fn func(context.Context, int) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	sem := make(chan struct{}, max(1, limit))
	for i := 0; i < n; i++ {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			if err := fn(ctx, i); err != nil {
				once.Do(func() { first = err; cancel() })
			}
		}(i)
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}
