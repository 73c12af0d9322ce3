package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// Aggregator is the analysis side of a store that the dashboard reads:
// filtered listings with their total, grouped counts (facets), time series,
// the actor network and the places of events and stories. A backend
// implements it beside Store (store/sqlite does; storetest.TestAggregator is
// the conformance suite another backend runs).
//
// Every method is safe for concurrent use and takes a Filter, which it
// normalizes first (an invalid one is an ErrBadQuery). Grouped results are
// ordered largest first, then by key; series by bucket, then key.
type Aggregator interface {
	// ListEvents returns the page of events matching f (f.Limit, f.Offset)
	// in listing order, and how many match in all.
	ListEvents(ctx context.Context, f Filter) (Page[EventRow], error)
	// ListCounts returns the page of numeric claims matching f, with their
	// places, and their total.
	ListCounts(ctx context.Context, f Filter) (Page[FigureRow], error)
	// ListQuotes returns the page of quotes matching f and their total.
	ListQuotes(ctx context.Context, f Filter) (Page[QuoteRow], error)
	// ListDocuments returns the page of documents matching f and their total.
	ListDocuments(ctx context.Context, f Filter) (Page[DocumentSummary], error)
	// SearchDocuments ranks the documents matching f.Text (required) and the
	// other filters, best first, with their total.
	SearchDocuments(ctx context.Context, f Filter) (Page[SearchHit], error)
	// Groups counts the rows of kind matching f by one dimension (see
	// Dimensions for the ones each kind has), at most f.Limit groups, largest
	// first. Rows whose key is empty are not counted. For KindDocuments a
	// group counts documents (a document with two places in one country
	// counts once); for the other kinds it counts rows.
	Groups(ctx context.Context, kind Kind, f Filter, by Dim) ([]Group, error)
	// Series counts the rows of kind matching f per time bucket (the event's
	// date from its text when known, else the document's publication date;
	// undated rows are left out), split by the dimension by ("" for one
	// series). Events carry their mean Goldstein score.
	Series(ctx context.Context, kind Kind, f Filter, bucket Bucket, by Dim) ([]SeriesPoint, error)
	// Network returns the source → target edges of the events matching f,
	// weighted by count with their mean Goldstein score, at most f.Limit
	// edges, heaviest first. An actor is its CAMEO code, or its name when it
	// has none; events without both sides are left out.
	Network(ctx context.Context, f Filter) ([]Edge, error)
	// Places returns where the rows of kind matching f are: for
	// KindEvents the events' action places (count and mean Goldstein), for
	// KindDocuments every geoparsed place of the matching documents (count of
	// documents). Only places with coordinates; at most f.Limit, largest first.
	Places(ctx context.Context, kind Kind, f Filter) ([]Place, error)
}

// Kind names the rows a Filter selects.
type Kind string

// The kinds of rows an Aggregator counts.
const (
	KindDocuments Kind = "documents"
	KindEvents    Kind = "events"
	KindQuotes    Kind = "quotes"
	KindCounts    Kind = "counts"
)

// Dim is a dimension to group by.
type Dim string

// Dimensions of the rows. Dimensions lists which kind has which.
const (
	DimQuad        Dim = "quad"          // CAMEO quad class 1..4
	DimPlover      Dim = "plover"        // PLOVER event type
	DimRoot        Dim = "root"          // CAMEO root code
	DimCode        Dim = "code"          // CAMEO event code
	DimSourceActor Dim = "source_actor"  // the event's source actor (code, else name)
	DimTargetActor Dim = "target_actor"  // the event's target actor (code, else name)
	DimActor       Dim = "actor"         // documents: entity actor codes
	DimCountry     Dim = "country"       // ISO 3166-1 alpha-2 of the place
	DimPlace       Dim = "place"         // place name
	DimSource      Dim = "source"        // the document's source
	DimTopic       Dim = "topic"         // the document's section
	DimMonth       Dim = "month"         // YYYY-MM of the publication date (or the event's date)
	DimCategory    Dim = "category"      // count category: KILL, INJURE, ...
	DimObject      Dim = "object"        // what a count counts
	DimSpeaker     Dim = "speaker"       // quote speaker name
	DimSpeakerCode Dim = "speaker_actor" // the quote speaker's actor code
)

// Dimensions lists the dimensions each kind can be grouped by.
var Dimensions = map[Kind][]Dim{
	KindDocuments: {DimSource, DimTopic, DimMonth, DimActor, DimRoot, DimPlover, DimCountry, DimPlace},
	KindEvents:    {DimQuad, DimPlover, DimRoot, DimCode, DimSourceActor, DimTargetActor, DimCountry, DimPlace, DimSource, DimTopic, DimMonth},
	KindQuotes:    {DimSpeaker, DimSpeakerCode, DimSource, DimTopic, DimMonth},
	KindCounts:    {DimCategory, DimObject, DimCountry, DimPlace, DimSource, DimTopic, DimMonth},
}

// Bucket is the width of a time series bucket.
type Bucket string

// Series buckets: a day, or an ISO week starting on Monday, or a month.
const (
	BucketDay   Bucket = "day"
	BucketWeek  Bucket = "week"
	BucketMonth Bucket = "month"
)

// Modality says whether negated or hypothetical events are kept.
type Modality string

// Modalities: "" and ModalityInclude keep both, ModalityExclude drops the
// flagged events, ModalityOnly keeps only them.
const (
	ModalityInclude Modality = "include"
	ModalityExclude Modality = "exclude"
	ModalityOnly    Modality = "only"
)

// Filter is a Query with the dashboard's further filters. Zero fields do not
// filter. Place, Outlet and Topic apply to the row's document (for events
// and counts Place is the row's own place when it has one: see each field).
type Filter struct {
	Query
	// Plover is a PLOVER event type, exact: "PROTEST". Events only; other
	// kinds keep documents with such an event.
	Plover string
	// Quad is a CAMEO quad class 1..4 (events; other kinds: documents with
	// such an event).
	Quad int
	// SourceActor and TargetActor are actor code prefixes of the event's
	// source and target (events; other kinds: documents with such an event).
	SourceActor, TargetActor string
	// Place is an ISO 3166-1 alpha-2 country code (two letters, exact) or a
	// place name (contains, case-insensitive). Events and counts match their
	// own place; documents and quotes match any geoparsed place of the document.
	Place string
	// Outlet is the document's source, exact.
	Outlet string
	// Topic is the document's section, exact: "politics".
	Topic string
	// Category is a count category, exact: "KILL" (counts; other kinds:
	// documents with such a count).
	Category string
	// Negated and Hypothetical keep or drop negated and hypothetical events.
	Negated, Hypothetical Modality
	// TotalCap, when positive, lets the List methods stop counting: a
	// backend may count at most TotalCapOf(f)+1 matching rows and, when
	// that many match, answer Total = TotalCapOf(f) with Page.Capped set.
	// Zero asks for the exact total (a backend may always answer it);
	// Groups, Series, Network and Places ignore it.
	TotalCap int
}

// TotalCapOf is the number of rows a capped total of f counts up to: f's
// TotalCap, or the end of its page when that is further (so that a capped
// total still tells whether a next page exists); 0 when f has no cap.
func TotalCapOf(f Filter) int {
	if f.TotalCap <= 0 {
		return 0
	}
	return max(f.TotalCap, f.Offset+f.Limit)
}

// Page is one page of rows and how many rows match in all.
type Page[T any] struct {
	Items []T
	// Total is the number of matching rows; with Capped, a lower bound.
	Total int
	// Capped reports that counting stopped (Filter.TotalCap): more than
	// Total rows match.
	Capped bool
}

// FigureRow is a numeric claim with the place the text links it to, as the
// figure tracker lists it.
type FigureRow struct {
	CountRow
	Place   string `json:"place"`   // the place's name, "" when the claim has none
	Country string `json:"country"` // the place's ISO 3166-1 alpha-2 code or ""
}

// Group is the number of rows with one key.
type Group struct {
	Key       string   `json:"key"`
	Count     int      `json:"count"`
	Goldstein *float64 `json:"goldstein"` // mean Goldstein score (events), else null
}

// SeriesPoint is the number of rows in one time bucket with one key.
type SeriesPoint struct {
	Bucket    string   `json:"bucket"` // first day of the bucket, YYYY-MM-DD
	Key       string   `json:"key"`    // the split dimension's value, "" for one series
	Count     int      `json:"count"`
	Goldstein *float64 `json:"goldstein"` // mean Goldstein score (events), else null
}

// Edge is the events from one actor to another.
type Edge struct {
	Source     string  `json:"source"` // actor code, or name when uncoded
	SourceName string  `json:"source_name"`
	Target     string  `json:"target"`
	TargetName string  `json:"target_name"`
	Count      int     `json:"count"`
	Goldstein  float64 `json:"goldstein"` // mean
}

// Place is a located group of rows.
type Place struct {
	Name      string   `json:"name"`
	Country   string   `json:"country"`
	Lat       float64  `json:"lat"`
	Lon       float64  `json:"lon"`
	Count     int      `json:"count"`
	Goldstein *float64 `json:"goldstein"` // mean Goldstein score (events), else null
}

// Normalize checks f and fills its defaults like Query.Normalize; it also
// upper-cases codes and rejects unknown modalities and quad classes.
func (f Filter) Normalize() (Filter, error) {
	q, err := f.Query.Normalize()
	if err != nil {
		return f, err
	}
	f.Query = q
	f.Plover = strings.ToUpper(strings.TrimSpace(f.Plover))
	f.SourceActor = strings.ToUpper(strings.TrimSpace(f.SourceActor))
	f.TargetActor = strings.ToUpper(strings.TrimSpace(f.TargetActor))
	f.Place = strings.TrimSpace(f.Place)
	f.Outlet = strings.TrimSpace(f.Outlet)
	f.Topic = strings.ToLower(strings.TrimSpace(f.Topic))
	f.Category = strings.ToUpper(strings.TrimSpace(f.Category))
	if f.TotalCap < 0 {
		return f, fmt.Errorf("%w: negative total cap %d", ErrBadQuery, f.TotalCap)
	}
	if f.Quad < 0 || f.Quad > 4 {
		return f, fmt.Errorf("%w: quad class %d is not 1..4", ErrBadQuery, f.Quad)
	}
	for _, m := range []*Modality{&f.Negated, &f.Hypothetical} {
		switch *m {
		case "", ModalityInclude:
			*m = ModalityInclude
		case ModalityExclude, ModalityOnly:
		default:
			return f, fmt.Errorf("%w: %q is not include, exclude or only", ErrBadQuery, *m)
		}
	}
	return f, nil
}

// PlaceIsCountry reports whether a Place filter value is a country code (two
// ASCII letters) rather than a place name.
func PlaceIsCountry(p string) bool {
	return len(p) == 2 && isLetter(p[0]) && isLetter(p[1])
}

func isLetter(c byte) bool { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') }

// CheckDim reports an ErrBadQuery when kind cannot be grouped by d.
func CheckDim(kind Kind, d Dim) error {
	dims, ok := Dimensions[kind]
	if !ok {
		return fmt.Errorf("%w: unknown kind %q", ErrBadQuery, kind)
	}
	if !slices.Contains(dims, d) {
		names := make([]string, len(dims))
		for i, x := range dims {
			names[i] = string(x)
		}
		return fmt.Errorf("%w: %s cannot be grouped by %q (one of %s)", ErrBadQuery, kind, d, strings.Join(names, ", "))
	}
	return nil
}
