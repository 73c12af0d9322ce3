package store

import (
	"context"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// FeedStore keeps what newsgraph watch needs to survive a kill at any
// moment: each feed's cursor, each item a feed listed with its status, and a
// log of every fetch. Every method is one transaction, so a restart finds
// either the state before a call or the state after it: an item is never
// lost (it stays pending until its document is stored) and never stored
// twice (storing the document and marking the item done commit together).
// Implementations must be safe for concurrent use.
type FeedStore interface {
	// FeedState returns the feed's state; a feed never polled has the zero
	// state with URL set, and no error.
	FeedState(ctx context.Context, feed string) (FeedState, error)
	// RecordPoll stores a poll's outcome: the feed's new state, the items it
	// listed (new ones added as pending in the order given, known ones left
	// as they are) and its log entry. It returns how many items were new.
	RecordPoll(ctx context.Context, st FeedState, items []FeedItem, log FetchLog) (added int, err error)
	// PendingItems returns up to limit items to fetch: pending ones and
	// retries due by now, ordered by feed (first polled first) and by the
	// order the feed listed them.
	PendingItems(ctx context.Context, now time.Time, limit int) ([]FeedItem, error)
	// CompleteItem records the outcome of fetching an item: doc is stored as
	// Put stores it (nil when the fetch failed), the item takes status
	// it.Status (ItemDone, ItemRetry with it.NextTry, or ItemFailed) with
	// Attempts, Reason and DocID (when doc is not new, the id of the
	// document already stored under its id or text), and the log entry is
	// written. It reports whether doc was new. An item already done is left
	// as it is (the log entry is still written). A log entry with Reason
	// "stored" for a document that was not new is written as "known".
	CompleteItem(ctx context.Context, it FeedItem, doc *document.Document, log FetchLog) (stored bool, err error)
	// FeedItems lists the items of one feed ("" for all) in PendingItems'
	// order, whatever their status.
	FeedItems(ctx context.Context, feed string) ([]FeedItem, error)
	// FetchLog lists the log, newest first; feed "" for every feed, limit 0
	// for DefaultLimit.
	FetchLog(ctx context.Context, feed string, limit int) ([]FetchLog, error)
}

// FeedState is a feed's cursor and health.
type FeedState struct {
	URL          string     `json:"url"` // the feed's address or file path, as the feeds file gives it
	ETag         string     `json:"etag"`
	LastModified string     `json:"last_modified"`
	LastPoll     *time.Time `json:"last_poll"`
	NextPoll     *time.Time `json:"next_poll"`
	Failures     int        `json:"failures"` // consecutive failed polls
	LastStatus   int        `json:"last_status"`
	LastError    string     `json:"last_error"`
}

// Item statuses.
const (
	ItemPending = "pending"
	ItemRetry   = "retry"
	ItemDone    = "done"
	ItemFailed  = "failed"
)

// FeedItem is one entry a feed listed.
type FeedItem struct {
	Feed      string     `json:"feed"`
	Key       string     `json:"key"` // GUID, else link: unique within the feed
	URL       string     `json:"url"`
	Title     string     `json:"title"`
	Published *time.Time `json:"published"`
	Outlet    string     `json:"outlet"` // the outlet the source names ("" to take it from the URL)
	Status    string     `json:"status"`
	Attempts  int        `json:"attempts"`
	NextTry   *time.Time `json:"next_try"`
	Reason    string     `json:"reason"` // why it failed or is retried
	DocID     string     `json:"doc_id"` // the document stored (or already stored) for it
}

// FetchLog is one fetch: a feed poll or an article.
type FetchLog struct {
	Time     time.Time     `json:"time"`
	Feed     string        `json:"feed"`
	URL      string        `json:"url"`
	Kind     string        `json:"kind"`   // "feed" or "article"
	Status   int           `json:"status"` // HTTP status, 0 when none was received
	Reason   string        `json:"reason"` // "ok", "not-modified", "stored", "copy", "known", a fetch.Reason, "parse", "extract"
	Error    string        `json:"error"`
	Bytes    int           `json:"bytes"`
	Duration time.Duration `json:"duration_ns"`
	DocID    string        `json:"doc_id"`
}
