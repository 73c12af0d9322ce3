package watch

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/fetch"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/store"
)

// ErrExtract marks an article fetched but not turned into a document (no
// readable text, or the pipeline failed): a final failure, not retried.
var ErrExtract = errors.New("extract")

// Article fetches an item's page and returns its annotated document and
// the fetch's log entry. It does not touch the store: the fetch→document
// step, which Complete follows. The document's id is the item URL's
// (read.URLID), so fetching the same item again yields the same document;
// its title and publication date are the feed's when it gives them, its
// outlet the source's outlet=, a news sitemap's publication name, else the
// domain of the address it was fetched from.
func (w *Watcher) Article(ctx context.Context, it store.FeedItem) (*document.Document, store.FetchLog, error) {
	return w.build(ctx, w.fetchItem(ctx, it))
}

// fetched is an item's fetch: the network half of Article.
type fetched struct {
	it   store.FeedItem
	resp *fetch.Response    // a web page
	doc  *document.Document // a local file, already read
	log  store.FetchLog
	err  error
}

// fetchItem fetches an item's page (or reads a local feed's file).
func (w *Watcher) fetchItem(ctx context.Context, it store.FeedItem) fetched {
	o := w.Options.withDefaults()
	f := fetched{it: it, log: store.FetchLog{Time: w.now(), Feed: it.Feed, URL: it.URL, Kind: "article"}}
	if !isHTTP(it.URL) {
		if isHTTP(it.Feed) {
			f.err = &fetch.Error{Reason: "bad-url", URL: it.URL, Err: errors.New("a remote feed cannot list local files")}
			return f
		}
		start := time.Now()
		f.doc, f.err = readLocalArticle(ctx, it.URL, o.MaxBytes)
		f.log.Duration = time.Since(start)
		return f
	}
	f.resp, f.err = w.Client.Get(ctx, fetch.Request{URL: it.URL, Accept: articleTypes})
	if f.err != nil {
		var fe *fetch.Error
		if errors.As(f.err, &fe) {
			f.log.Status = fe.Status
		}
		return f
	}
	f.log.Status, f.log.Bytes, f.log.Duration = f.resp.Status, len(f.resp.Body), f.resp.Elapsed
	return f
}

// build turns a fetch into the annotated document: the CPU half of Article.
func (w *Watcher) build(ctx context.Context, f fetched) (*document.Document, store.FetchLog, error) {
	it, log := f.it, f.log
	if f.err != nil {
		return nil, log, f.err
	}
	d, final := f.doc, ""
	if f.resp != nil {
		var err error
		d, err = read.HTML(f.resp.Body, f.resp.ContentType)
		if err != nil {
			return nil, log, fmt.Errorf("%w: %v", ErrExtract, err)
		}
		final = f.resp.URL
		d.URL = f.resp.URL
	}
	if isHTTP(it.URL) {
		d.ID = read.URLID(it.URL)
	}
	if it.Title != "" {
		d.Title = it.Title
	}
	if it.Published != nil {
		d.Published = it.Published
	}
	d.Outlet = it.Outlet
	if d.Outlet == "" {
		d.Outlet = read.OutletFromURL(final)
	}
	d.Source = it.Feed
	if w.Process != nil {
		if err := w.Process(ctx, d); err != nil {
			if ctx.Err() != nil {
				return nil, log, ctx.Err()
			}
			return nil, log, fmt.Errorf("%w: %v", ErrExtract, err)
		}
	}
	log.DocID = d.ID
	return d, log, nil
}

// readLocalArticle reads a file a local feed lists, through the readers.
func readLocalArticle(ctx context.Context, path string, max int64) (*document.Document, error) {
	var d *document.Document
	var rerr error
	err := read.Walk(ctx, []string{path}, nil, read.Options{MaxBytes: max}, func(r read.Result) error {
		if d == nil && rerr == nil {
			d, rerr = r.Doc, r.Err
		}
		return nil
	})
	if err == nil {
		err = rerr
	}
	if err == nil && d == nil {
		err = errors.New("no document")
	}
	if err != nil {
		return nil, &fetch.Error{Reason: "file", URL: path, Err: err}
	}
	return d, nil
}

// Complete records the outcome of Article for it: the document stored and
// the item done, or the item retried later (transient failures, until
// Options.MaxAttempts) or failed for good, with the log entry; one store
// transaction. It returns the event describing it.
func (w *Watcher) Complete(ctx context.Context, it store.FeedItem, d *document.Document, log store.FetchLog, ferr error) (Event, error) {
	o := w.Options.withDefaults()
	ev := Event{Kind: "article", Feed: it.Feed, URL: it.URL, Status: log.Status}
	it.Attempts++
	if ferr == nil {
		it.Status, it.Reason, it.DocID = store.ItemDone, "", d.ID
		log.Reason = "stored"
		stored, err := w.Store.CompleteItem(ctx, it, d, log)
		if err != nil {
			return ev, err
		}
		ev.DocID, ev.Reason = d.ID, "stored"
		if cb, ok := w.Store.(corpus.Backend); ok && stored {
			// the corpus layer: corpus events, tracked figures, stories
			if err := corpus.Update(ctx, cb, []*document.Document{d}, corpus.Options{}); err != nil {
				return ev, err
			}
		}
		if !stored {
			ev.Reason = "known"
		} else if o, err := w.Store.Document(ctx, d.ID); err == nil && o.DuplicateOf != "" {
			ev.Reason, ev.CopyOf = "copy", o.DuplicateOf
		}
		return ev, nil
	}
	reason := fetch.Reason(ferr)
	if errors.Is(ferr, ErrExtract) {
		reason = "extract"
	}
	log.Reason, log.Error = reason, ferr.Error()
	ev.Reason, ev.Error = reason, ferr.Error()
	it.Reason = reason
	if fetch.Transient(ferr) && it.Attempts < o.MaxAttempts {
		next := w.now().Add(o.RetryDelay << (it.Attempts - 1))
		it.Status, it.NextTry, ev.Retry = store.ItemRetry, &next, true
	} else {
		it.Status, it.NextTry = store.ItemFailed, nil
	}
	if _, err := w.Store.CompleteItem(ctx, it, nil, log); err != nil {
		return ev, err
	}
	return ev, nil
}

// known completes an item whose document is already stored, without
// fetching it again.
func (w *Watcher) known(ctx context.Context, it store.FeedItem, id string) (Event, bool, error) {
	if _, err := w.Store.Document(ctx, id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return Event{}, false, nil
		}
		return Event{}, false, err
	}
	it.Status, it.DocID, it.Reason = store.ItemDone, id, ""
	if _, err := w.Store.CompleteItem(ctx, it, nil, store.FetchLog{Time: w.now(), Feed: it.Feed, URL: it.URL, Kind: "article", Reason: "known", DocID: id}); err != nil {
		return Event{}, false, err
	}
	return Event{Kind: "article", Feed: it.Feed, URL: it.URL, Reason: "known", DocID: id}, true, nil
}

// fetchPending fetches every pending item due now: one goroutine per
// origin fetches its items in turn (the client spaces an origin's
// requests), Options.Origins origins at once, while a pool as large as the
// machine's cores builds and stores what was fetched, so the time spent
// extracting never adds to the politeness delay.
func (w *Watcher) fetchPending(ctx context.Context) (Summary, error) {
	o := w.Options.withDefaults()
	var sum Summary
	for {
		items, err := w.Store.PendingItems(ctx, w.now(), pendingBatch)
		if err != nil {
			return sum, err
		}
		if len(items) == 0 {
			return sum, nil
		}
		var order []string
		byOrigin := map[string][]store.FeedItem{}
		for _, it := range items {
			k := originKey(it.URL)
			if _, ok := byOrigin[k]; !ok {
				order = append(order, k)
			}
			byOrigin[k] = append(byOrigin[k], it)
		}
		ctx, cancel := context.WithCancel(ctx)
		work := make(chan fetched, runtime.NumCPU())
		var mu sync.Mutex
		var firstErr error
		fail := func(err error) {
			mu.Lock()
			if firstErr == nil {
				firstErr = err
				cancel()
			}
			mu.Unlock()
		}
		done := 0
		var builders sync.WaitGroup
		for range runtime.NumCPU() {
			builders.Add(1)
			go func() {
				defer builders.Done()
				for f := range work {
					ev, err := w.finish(ctx, f)
					if err != nil {
						fail(err)
						continue
					}
					if ev.Kind == "" {
						continue // interrupted: left pending
					}
					w.emit(ev)
					mu.Lock()
					done++
					sum.count(ev)
					mu.Unlock()
				}
			}()
		}
		err = eachLimited(ctx, len(order), o.Origins, func(ctx context.Context, i int) error {
			for _, it := range byOrigin[order[i]] {
				if ctx.Err() != nil {
					return nil
				}
				if isHTTP(it.URL) {
					ev, ok, err := w.known(ctx, it, read.URLID(it.URL))
					if err != nil {
						return err
					}
					if ok {
						w.emit(ev)
						mu.Lock()
						done++
						sum.count(ev)
						mu.Unlock()
						continue
					}
				}
				f := w.fetchItem(ctx, it)
				select {
				case work <- f:
				case <-ctx.Done():
					return nil
				}
			}
			return nil
		})
		close(work)
		builders.Wait()
		cancel()
		if err == nil {
			err = firstErr
		}
		if err != nil {
			return sum, err
		}
		if done == 0 || len(items) < pendingBatch {
			return sum, nil
		}
	}
}

// pendingBatch is how many pending items one round of fetchPending takes.
const pendingBatch = 10000

// count adds an article event to the summary.
func (s *Summary) count(ev Event) {
	switch {
	case ev.Reason == "known":
		s.Known++
	case ev.DocID != "":
		s.Stored++
		if ev.CopyOf != "" {
			s.Copies++
		}
	case ev.Retry:
		s.Retrying++
	default:
		s.Failed++
	}
}

// finish builds and completes one fetched item. An event with no Kind
// means ctx ended before the outcome was known: the item stays pending.
func (w *Watcher) finish(ctx context.Context, f fetched) (Event, error) {
	if ctx.Err() != nil {
		return Event{}, nil
	}
	d, log, ferr := w.build(ctx, f)
	if ferr != nil && (ctx.Err() != nil || fetch.Reason(ferr) == "cancelled" || errors.Is(ferr, context.Canceled)) {
		return Event{}, nil
	}
	ev, err := w.Complete(ctx, f.it, d, log, ferr)
	if err != nil && ctx.Err() != nil {
		return Event{}, nil
	}
	return ev, err
}

// String is one line for a terminal or a log file.
func (e Event) String() string {
	var b strings.Builder
	switch e.Kind {
	case "cycle":
		s := e.Summary
		fmt.Fprintf(&b, "%s polled %d feeds (%d not modified, %d failed), %d new items: %d stored (%d copies), %d already stored, %d failed, %d to retry, in %.1fs",
			e.Time.UTC().Format(time.RFC3339), s.Polled, s.NotModified, s.FeedErrors, s.NewItems, s.Stored, s.Copies, s.Known, s.Failed, s.Retrying, s.Elapsed.Seconds())
	default:
		fmt.Fprintf(&b, "%s %s %s %s", e.Time.UTC().Format(time.RFC3339), e.Kind, e.Reason, firstNonEmpty(e.URL, e.Feed))
		if e.Kind == "poll" && e.New > 0 {
			fmt.Fprintf(&b, " (%d new)", e.New)
		}
		if e.CopyOf != "" {
			fmt.Fprintf(&b, " (copy of %s)", e.CopyOf)
		}
		if e.Error != "" {
			fmt.Fprintf(&b, ": %s", e.Error)
		}
		if e.Retry {
			b.WriteString(" (will retry)")
		}
	}
	return b.String()
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}
