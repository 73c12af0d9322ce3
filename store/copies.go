package store

import "context"

// Copies: how a store treats syndicated and repeated stories.
//
// A document whose text copies an already stored one (the same text, the
// same id, or a near-duplicate by package dedup: word 5-shingles, overlap
// coefficient ≥ dedup.Threshold) is a copy of that story's original, the
// first of its texts stored. The rule every backend follows:
//
//   - An exact copy (same id or same text) is not stored again; the outlet
//     and URL that carried it are recorded as a carrier of the story.
//   - A near copy is stored (its text and output stay readable by id, and
//     Each exports it with duplicate_of and similarity), but its annotations
//     are not indexed: listings, searches, aggregates, Stats and the event
//     exports count each story once, through its original.
//   - Every outlet that carried a story is a Carrier: the original's, each
//     near copy's and each exact copy's. NumSources counts distinct outlets
//     (an empty outlet, as from a local file, counts as one).
//   - A copy links to an original, never to another copy; the original does
//     not change when later texts arrive.

// Carrier is one outlet's publication of a story.
type Carrier struct {
	DocID      string  `json:"doc_id"` // the stored document, "" for an exact copy (not stored again)
	Outlet     string  `json:"outlet"`
	URL        string  `json:"url"`  // where it was read from ("" when unknown)
	Kind       string  `json:"kind"` // "original", "near" or "exact"
	Similarity float64 `json:"similarity"`
}

// Story is a story with every outlet that carried it.
type Story struct {
	ID         string    `json:"id"` // the original's document id
	Carriers   []Carrier `json:"carriers"`
	NumSources int       `json:"num_sources"`
}

// CopyStore is implemented by stores that recognise copies (see above).
// The corpus layer uses NumSources for GDELT's NumSources and NumArticles.
type CopyStore interface {
	// Story returns the story document id belongs to, whether id is its
	// original or a copy: the original's id, its carriers (original first,
	// then in the order they were seen) and NumSources. An unknown id is an
	// error wrapping ErrNotFound.
	Story(ctx context.Context, id string) (Story, error)
	// NumSources returns, for each known id (original or copy), the number
	// of distinct outlets that carried its story; unknown ids are absent
	// from the map.
	NumSources(ctx context.Context, ids []string) (map[string]int, error)
}
