// Package store defines newsgraph's persistent store: the Store interface,
// the query filter and the row types that queries return. Backends live in
// subpackages named after what they wrap (store/sqlite today; a PostgreSQL
// backend can satisfy the same interface later).
//
// Every offset in a row is a Unicode code point offset into the stored
// document's text, end exclusive, exactly as in the output contract
// (document.Output), so a user can go from a number to its sentence.
package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// DefaultPath is the database file used when no --db is given: newsgraph.db
// in the working directory.
const DefaultPath = "newsgraph.db"

// ErrNotFound is returned (wrapped) by Store.Document for an unknown id.
var ErrNotFound = errors.New("store: not found")

// ErrBadQuery is returned (wrapped) when a Query cannot be run, for example a
// full-text expression the backend rejects or a negative limit.
var ErrBadQuery = errors.New("store: bad query")

// SearchWindow is how many matches a backend that ranks a window of them
// (store/sqlite) ranks: the most recently stored ones that pass the
// search's filters. Older matches are not returned, and a search's total
// counts at most SearchWindow (Capped when more match).
const SearchWindow = 5000

// Store is a persistent collection of annotated documents.
//
// Implementations must be safe for concurrent use by multiple goroutines.
// List methods return rows in a stable order: documents by publication time,
// newest first (undated documents last), then latest stored first; rows
// inside a document in text order. Search orders by relevance instead. Pagination with Limit/Offset over that
// order is therefore consistent while no documents are added.
type Store interface {
	// Put stores d with all its annotations in one transaction. It is
	// idempotent: a document whose exact text is already stored (under its
	// ID or another) is not stored again, and inserted reports false. A
	// different text under a stored ID becomes a new revision (ConflictRevise,
	// see PutEach), and inserted reports true.
	Put(ctx context.Context, d *document.Document) (inserted bool, err error)
	// PutBatch stores docs in one transaction (fast ingest) with the same
	// rules as Put and returns how many were stored (new or new revisions).
	// On error nothing of the batch is stored.
	PutBatch(ctx context.Context, docs []*document.Document) (inserted int, err error)
	// PutEach stores docs in one transaction like PutBatch, doing with a
	// changed text under a stored ID what opt.OnConflict says, and returns
	// one PutResult per document, in order (nil documents get Unchanged).
	// On error nothing of the batch is stored.
	PutEach(ctx context.Context, docs []*document.Document, opt PutOptions) ([]PutResult, error)
	// Document returns the stored document id in the output contract with
	// its text and every annotation. An unknown id yields an error wrapping
	// ErrNotFound.
	Document(ctx context.Context, id string) (*document.Output, error)
	// Documents lists documents matching q (Actor: has an entity or event
	// actor with that code prefix; Root/Code: has such an event; Speaker:
	// has a quote by that speaker; Entity: has an entity of that name (names match by word prefixes, see Query);
	// Text: full-text match; Since/Until: publication time).
	Documents(ctx context.Context, q Query) ([]DocumentSummary, error)
	// Events lists events matching q (Actor: source or target actor code
	// prefix; Root: exact root; Code: code prefix; Entity: source or target
	// name matches; Speaker: ignored).
	Events(ctx context.Context, q Query) ([]EventRow, error)
	// Quotes lists quotes matching q (Speaker: speaker name matches;
	// Actor: the speaker entity's actor code prefix; Entity: in a document
	// with an entity of that name).
	Quotes(ctx context.Context, q Query) ([]QuoteRow, error)
	// Counts lists numeric claims matching q (Entity: attributed-to name
	// matches; Actor, Root, Code: in a document with such an actor or
	// event; Speaker: ignored).
	Counts(ctx context.Context, q Query) ([]CountRow, error)
	// Entities lists per-document entities matching q (Entity: name
	// matches; Actor: actor code prefix; Root/Code/Speaker: in a document
	// with such an event or speaker).
	Entities(ctx context.Context, q Query) ([]EntityRow, error)
	// Search runs the full-text query q.Text over titles and texts and
	// returns hits ranked best first with a highlighted snippet. Other
	// filters of q apply as in Documents. An empty q.Text is an ErrBadQuery.
	// A backend may rank a bounded window of the matches instead of all of
	// them (store/sqlite ranks the SearchWindow most recently stored
	// matches); pages past the window are empty.
	Search(ctx context.Context, q Query) ([]SearchHit, error)
	// Stats counts what is stored.
	Stats(ctx context.Context) (Stats, error)
	// Each calls fn for every stored document, with text, in insertion
	// order, streaming (a small chunk of documents in memory at a time). An error from fn
	// stops the iteration and is returned.
	Each(ctx context.Context, fn func(*document.Output) error) error
	// Close releases the store's resources.
	Close() error
}

// OnConflict says what a store does with a document whose ID is stored with
// a different text.
type OnConflict string

const (
	// ConflictRevise (the default) stores the new text as the ID's current
	// revision; the previous one is kept, unlisted, under RevisionID(id, n)
	// and Document still returns it.
	ConflictRevise OnConflict = "revise"
	// ConflictSkip keeps the stored text and drops the new one.
	ConflictSkip OnConflict = "skip"
	// ConflictReplace stores the new text and deletes the previous one.
	ConflictReplace OnConflict = "replace"
	// ConflictFail stores nothing for the document (Outcome Conflict).
	ConflictFail OnConflict = "fail"
)

// ParseOnConflict checks a --on-conflict value ("" is ConflictRevise).
func ParseOnConflict(s string) (OnConflict, error) {
	switch c := OnConflict(strings.ToLower(strings.TrimSpace(s))); c {
	case "":
		return ConflictRevise, nil
	case ConflictRevise, ConflictSkip, ConflictReplace, ConflictFail:
		return c, nil
	}
	return "", fmt.Errorf("unknown conflict rule %q (want revise, skip, replace or fail)", s)
}

// PutOptions configure PutEach.
type PutOptions struct {
	OnConflict OnConflict // "" means ConflictRevise
}

// Outcome is what a store did with one document.
type Outcome string

const (
	Stored    Outcome = "stored"    // a new ID
	Unchanged Outcome = "unchanged" // its exact text is stored (under its ID or another): nothing new
	Revised   Outcome = "revised"   // a new revision of a stored ID; the previous is kept
	Replaced  Outcome = "replaced"  // a new text of a stored ID; the previous is deleted
	Skipped   Outcome = "skipped"   // a new text of a stored ID, dropped (ConflictSkip)
	Conflict  Outcome = "conflict"  // a new text of a stored ID, refused (ConflictFail)
)

// PutResult is the outcome of storing one document.
type PutResult struct {
	Outcome Outcome
	// Revision is the document's revision number after the put (1 for a
	// new ID); Previous the ID under which the previous revision is kept
	// (Revised only).
	Revision int
	Previous string
}

// RevisionID is the ID under which revision n of the document id is kept
// once a newer revision is stored: "id@rev" followed by n.
func RevisionID(id string, n int) string { return fmt.Sprintf("%s@rev%d", id, n) }

// Query selects rows. Zero fields do not filter. String filters are matched
// case-insensitively; what each one matches depends on the row kind (see the
// Store methods). Text is a full-text expression: bare words must all occur
// (prefix matching with a trailing *), "double quoted" phrases must occur as
// written, and an upper-case OR between terms means either. Name filters
// (Speaker, Entity) match by words, so that a backend answers them from an
// index: the name and the filter are split into words (runs of letters and
// digits, lower-cased), and every word of the filter must start a word of
// the name, in any order ("fid", "Fidan Hakan" match "Hakan Fidan"; "idan"
// does not). A name filter without a word is an ErrBadQuery.
type Query struct {
	Actor   string     // CAMEO actor code prefix: "SYR" matches SYR, SYRGOV, SYRMIL
	Root    string     // two-digit CAMEO root, exact: "19"
	Code    string     // CAMEO event code prefix: "19" matches 190, 193, 1951
	Speaker string     // quote speaker name: every word of it starts a word of the name ("fid" matches Hakan Fidan)
	Entity  string     // entity name, matched like Speaker
	Text    string     // full-text query over document title and text
	Since   *time.Time // published at or after (inclusive)
	Until   *time.Time // published before (exclusive)
	Limit   int        // at most this many rows; 0 means DefaultLimit
	Offset  int        // skip this many rows
	// After, when set, starts the page just after the row it names in the
	// listing order (keyset pagination: a page costs the same however deep
	// it is). Documents, Events, Quotes, Counts and Entities honour it;
	// Search (ranked) does not. It cannot be combined with Offset; an
	// unknown document id is an ErrBadQuery.
	After *Key
}

// Key names a row of a listing: its document and, for a layer's rows,
// its index in the document's layer (ignored for documents).
type Key struct {
	DocID string
	Index int
}

// DefaultLimit is the row limit of a Query whose Limit is 0; MaxLimit is the
// largest Limit a backend must honour.
const (
	DefaultLimit = 50
	MaxLimit     = 10000
)

// Normalize checks q and fills its defaults: it trims the string filters,
// sets Limit to DefaultLimit when 0 and reports an ErrBadQuery for negative
// or too large limits and offsets, and for Since not before Until.
func (q Query) Normalize() (Query, error) {
	q.Actor = strings.ToUpper(strings.TrimSpace(q.Actor))
	q.Root = strings.TrimSpace(q.Root)
	q.Code = strings.TrimSpace(q.Code)
	q.Speaker = strings.TrimSpace(q.Speaker)
	q.Entity = strings.TrimSpace(q.Entity)
	q.Text = strings.TrimSpace(q.Text)
	switch {
	case q.Limit < 0:
		return q, fmt.Errorf("%w: negative limit %d", ErrBadQuery, q.Limit)
	case q.Limit > MaxLimit:
		return q, fmt.Errorf("%w: limit %d is over the maximum %d", ErrBadQuery, q.Limit, MaxLimit)
	case q.Limit == 0:
		q.Limit = DefaultLimit
	}
	if q.Offset < 0 {
		return q, fmt.Errorf("%w: negative offset %d", ErrBadQuery, q.Offset)
	}
	if q.After != nil && q.Offset > 0 {
		return q, fmt.Errorf("%w: after and offset cannot be combined", ErrBadQuery)
	}
	if q.Since != nil && q.Until != nil && !q.Since.Before(*q.Until) {
		return q, fmt.Errorf("%w: since %s is not before until %s", ErrBadQuery, q.Since.Format(time.RFC3339), q.Until.Format(time.RFC3339))
	}
	for _, c := range q.Root + q.Code {
		if c < '0' || c > '9' {
			return q, fmt.Errorf("%w: CAMEO root and code are digits, got root %q code %q", ErrBadQuery, q.Root, q.Code)
		}
	}
	return q, nil
}

// ParseTime parses a --since/--until style value: a date (YYYY-MM-DD, UTC)
// or an RFC 3339 time. With until set, a bare date means the end of that day,
// so the returned time is the start of the next day (Query.Until is
// exclusive); an RFC 3339 time is returned as given.
func ParseTime(s string, until bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		if until {
			t = t.AddDate(0, 0, 1)
		}
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: time %q is neither YYYY-MM-DD nor RFC 3339", ErrBadQuery, s)
	}
	return t.UTC(), nil
}

// DocumentSummary is one document in a listing.
type DocumentSummary struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	URL       string  `json:"url"`
	Source    string  `json:"source"`
	Published *string `json:"published"` // RFC 3339 or null
	Language  string  `json:"language"`
	Chars     int     `json:"chars"` // length of the text in code points
	Entities  int     `json:"entities"`
	Quotes    int     `json:"quotes"`
	Counts    int     `json:"counts"`
	Locations int     `json:"locations"`
	Events    int     `json:"events"`
}

// Actor is an event participant in a row.
type Actor struct {
	Name  string `json:"name"`
	Actor string `json:"actor"` // CAMEO actor code or ""
}

// EventRow is one coded event with its evidence sentence.
type EventRow struct {
	DocID         string  `json:"doc_id"`
	Published     *string `json:"published"`
	Index         int     `json:"index"` // position in the document's events
	Start         int     `json:"start"`
	End           int     `json:"end"`
	Text          string  `json:"text"` // the trigger words
	SentenceStart int     `json:"sentence_start"`
	SentenceEnd   int     `json:"sentence_end"`
	Sentence      string  `json:"sentence"` // the evidence sentence
	Code          string  `json:"code"`
	Root          string  `json:"root"`
	Quad          int     `json:"quad"`
	Goldstein     float64 `json:"goldstein"`
	Plover        string  `json:"plover"`
	PloverMode    string  `json:"plover_mode"`
	Source        *Actor  `json:"source"`
	Target        *Actor  `json:"target"`
	Location      string  `json:"location"` // location name or ""
	Country       string  `json:"country"`  // ISO 3166-1 alpha-2 or ""
	Negated       bool    `json:"negated"`
	Hypothetical  bool    `json:"hypothetical"`
	Reported      bool    `json:"reported"`
	Date          string  `json:"date"` // YYYY-MM-DD from the text or ""
}

// QuoteRow is one quote with its speaker.
type QuoteRow struct {
	DocID        string  `json:"doc_id"`
	Published    *string `json:"published"`
	Index        int     `json:"index"`
	Start        int     `json:"start"`
	End          int     `json:"end"`
	Text         string  `json:"text"`
	Direct       bool    `json:"direct"`
	Cue          string  `json:"cue"`
	Speaker      string  `json:"speaker"` // "" when unattributed
	SpeakerActor string  `json:"speaker_actor"`
	SpeakerStart *int    `json:"speaker_start"`
	SpeakerEnd   *int    `json:"speaker_end"`
}

// CountRow is one numeric claim with its sentence.
type CountRow struct {
	DocID         string   `json:"doc_id"`
	Published     *string  `json:"published"`
	Index         int      `json:"index"`
	Start         int      `json:"start"`
	End           int      `json:"end"`
	Text          string   `json:"text"`
	Value         float64  `json:"value"`
	Upper         *float64 `json:"upper"`
	Percent       bool     `json:"percent"`
	Approx        bool     `json:"approx"`
	Qualifier     string   `json:"qualifier"`
	Unit          string   `json:"unit"`
	Currency      string   `json:"currency"`
	Object        string   `json:"object"`
	Category      string   `json:"category"`
	AttributedTo  string   `json:"attributed_to"`
	SentenceStart int      `json:"sentence_start"`
	SentenceEnd   int      `json:"sentence_end"`
	Sentence      string   `json:"sentence"`
}

// EntityRow is one entity of one document.
type EntityRow struct {
	DocID     string  `json:"doc_id"`
	Published *string `json:"published"`
	Index     int     `json:"index"` // the entity's id in the document
	Name      string  `json:"name"`
	Type      string  `json:"type"`
	Actor     string  `json:"actor"`
	Mentions  int     `json:"mentions"`
	Start     int     `json:"start"` // first mention
	End       int     `json:"end"`
}

// SearchHit is one full-text match.
type SearchHit struct {
	DocID     string  `json:"doc_id"`
	Title     string  `json:"title"`
	Published *string `json:"published"`
	Snippet   string  `json:"snippet"` // matched terms between [ and ]
	Rank      float64 `json:"rank"`    // lower is better (BM25)
}

// Stats counts what a store holds: stories (originals) and their layers.
type Stats struct {
	Documents int `json:"documents"`
	Mentions  int `json:"mentions"`
	Entities  int `json:"entities"`
	Quotes    int `json:"quotes"`
	Counts    int `json:"counts"`
	Locations int `json:"locations"`
	Events    int `json:"events"`
	// Copies counts the stored near copies, which Documents and the layer
	// counts leave out (store/copies.go).
	Copies int `json:"copies"`
}
