// Package parquet writes the corpus as Apache Parquet tables (with
// github.com/parquet-go/parquet-go): events (one row per event that
// happened, with its corpus event's NumMentions, NumSources, NumArticles),
// mentions (one row per evidence span), figures (one row per reported
// value of a tracked figure) and documents (one row per document). Offsets
// are code points, dates YYYY-MM-DD ("" when unknown), as in the other
// exports.
package parquet

import (
	"fmt"
	"io"
	"strings"

	pq "github.com/parquet-go/parquet-go"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/gdeltconv"
)

// Event is one row of the events table.
type Event struct {
	ID           int64    `parquet:"global_event_id"`
	DocID        string   `parquet:"doc_id"`
	EventIndex   int32    `parquet:"event_index"`
	Date         string   `parquet:"date"`
	Code         string   `parquet:"code"`
	Root         string   `parquet:"root"`
	Quad         int32    `parquet:"quad_class"`
	Goldstein    float64  `parquet:"goldstein"`
	Plover       string   `parquet:"plover"`
	SourceActor  string   `parquet:"source_actor"`
	SourceName   string   `parquet:"source_name"`
	TargetActor  string   `parquet:"target_actor"`
	TargetName   string   `parquet:"target_name"`
	Country      string   `parquet:"country"` // ISO alpha-2 of the action place
	Place        string   `parquet:"place"`
	Lat          *float64 `parquet:"lat,optional"`
	Lon          *float64 `parquet:"lon,optional"`
	Tone         *float64 `parquet:"tone,optional"` // the event sentence's tone
	CorpusEvent  int64    `parquet:"corpus_event"`  // 0 when not in the corpus layer
	NumMentions  int32    `parquet:"num_mentions"`
	NumSources   int32    `parquet:"num_sources"`
	NumArticles  int32    `parquet:"num_articles"`
	Outlet       string   `parquet:"outlet"`
	URL          string   `parquet:"url"`
	Reported     bool     `parquet:"reported"`
	EvidenceText string   `parquet:"text"`
}

// Mention is one row of the mentions table: one evidence span of an event.
type Mention struct {
	EventID     int64  `parquet:"global_event_id"`
	DocID       string `parquet:"doc_id"`
	Sentence    int32  `parquet:"sentence"`
	Start       int32  `parquet:"start"`
	End         int32  `parquet:"end"`
	Actor1Start int32  `parquet:"actor1_start"` // -1 when none
	Actor2Start int32  `parquet:"actor2_start"`
	Confidence  int32  `parquet:"confidence"`
	Outlet      string `parquet:"outlet"`
	URL         string `parquet:"url"`
	Date        string `parquet:"date"`
}

// Figure is one row of the figures table: one reported value of a tracked
// figure, with the figure's summary repeated.
type Figure struct {
	FigureID      int64   `parquet:"figure_id"`
	Category      string  `parquet:"category"`
	Object        string  `parquet:"object"`
	Country       string  `parquet:"country"`
	Place         string  `parquet:"place"`
	DocID         string  `parquet:"doc_id"`
	Outlet        string  `parquet:"outlet"`
	Date          string  `parquet:"date"`
	Value         float64 `parquet:"value"`
	Approx        bool    `parquet:"approx"`
	Qualifier     string  `parquet:"qualifier"`
	Attribution   string  `parquet:"attribution"`
	Text          string  `parquet:"text"`
	Start         int32   `parquet:"start"`
	End           int32   `parquet:"end"`
	NumValues     int32   `parquet:"num_values"`
	Latest        float64 `parquet:"latest"`
	Min           float64 `parquet:"min"`
	Max           float64 `parquet:"max"`
	Agreement     float64 `parquet:"agreement"`
	Contradiction bool    `parquet:"contradiction"`
}

// Document is one row of the documents table.
type Document struct {
	ID          string   `parquet:"id"`
	Title       string   `parquet:"title"`
	URL         string   `parquet:"url"`
	Outlet      string   `parquet:"outlet"`
	Published   string   `parquet:"published"` // RFC 3339, "" when unknown
	Language    string   `parquet:"language"`
	Topic       string   `parquet:"topic"`
	Tone        *float64 `parquet:"tone,optional"`
	Words       int32    `parquet:"word_count"`
	Chars       int32    `parquet:"chars"`
	Sentences   int32    `parquet:"sentences"`
	Entities    int32    `parquet:"entities"`
	Quotes      int32    `parquet:"quotes"`
	Counts      int32    `parquet:"counts"`
	Locations   int32    `parquet:"locations"`
	Events      int32    `parquet:"events"`
	Themes      string   `parquet:"themes"` // distinct theme codes, ";"-separated
	DuplicateOf string   `parquet:"duplicate_of"`
}

// CorpusCounts gives an event's corpus event (id and counts), ok false
// when the event is in no corpus event.
type CorpusCounts func(d *document.Document, event int) (id int64, mentions, sources, articles int, ok bool)

func date(d *document.Document, e *document.Event) string {
	if e != nil && e.Date != "" {
		return e.Date
	}
	if t, ok := gdeltconv.Published(d); ok {
		return t.Format("2006-01-02")
	}
	return ""
}

func participant(p *document.Participant) (string, string) {
	if p == nil {
		return "", ""
	}
	return p.Actor, p.Name
}

// Events returns the event rows of docs (events that happened), numbered
// from first as the GDELT Events export numbers them.
func Events(docs []*document.Document, first int64, cc CorpusCounts) []Event {
	var out []Event
	id := first
	for _, d := range docs {
		src := gdeltconv.SourceOf(d)
		for i := range d.Events {
			e := &d.Events[i]
			if e.Negated || e.Hypothetical {
				continue
			}
			r := Event{ID: id, DocID: d.ID, EventIndex: int32(i), Date: date(d, e), Code: e.Code, Root: e.Root, Quad: int32(e.Quad),
				Goldstein: e.Goldstein, Plover: e.Plover, Outlet: src.Name, URL: src.URL, Reported: e.Reported,
				NumMentions: int32(max(1, len(e.Evidence))), NumSources: 1, NumArticles: 1, EvidenceText: d.Slice(e.Span)}
			r.SourceActor, r.SourceName = participant(e.Source)
			r.TargetActor, r.TargetName = participant(e.Target)
			if e.Location >= 0 && e.Location < len(d.Locations) {
				l := d.Locations[e.Location]
				r.Country, r.Place, r.Lat, r.Lon = l.Country, l.Name, l.Lat, l.Lon
			}
			if e.Sentence >= 0 && e.Sentence < len(d.SentenceTone) {
				t := d.SentenceTone[e.Sentence]
				r.Tone = &t
			}
			if cc != nil {
				if cid, m, s, a, ok := cc(d, i); ok {
					r.CorpusEvent, r.NumMentions, r.NumSources, r.NumArticles = cid, int32(m), int32(s), int32(a)
				}
			}
			out = append(out, r)
			id++
		}
	}
	return out
}

// Mentions returns the mention rows of docs, one per evidence span, with
// the ids Events gives.
func Mentions(docs []*document.Document, first int64) []Mention {
	var out []Mention
	id := first
	for _, d := range docs {
		ix := d.Index()
		src := gdeltconv.SourceOf(d)
		for i := range d.Events {
			e := &d.Events[i]
			if e.Negated || e.Hypothetical {
				continue
			}
			evs := e.Evidence
			if len(evs) == 0 {
				evs = []document.Span{e.Span}
			}
			for k, sp := range evs {
				a, b := ix.Runes(sp)
				m := Mention{EventID: id, DocID: d.ID, Sentence: int32(d.SentenceAt(sp.Start)), Start: int32(a), End: int32(b),
					Actor1Start: -1, Actor2Start: -1, Confidence: int32(confidence(e)), Outlet: src.Name, URL: src.URL, Date: date(d, e)}
				if k == 0 && e.Source != nil {
					m.Actor1Start = int32(ix.Rune(e.Source.Span.Start))
				}
				if k == 0 && e.Target != nil {
					m.Actor2Start = int32(ix.Rune(e.Target.Span.Start))
				}
				out = append(out, m)
			}
			id++
		}
	}
	return out
}

func confidence(e *document.Event) int {
	c := 50
	if e.Source != nil && e.Source.Actor != "" && e.Target != nil && e.Target.Actor != "" {
		c = 80
	}
	if e.Reported {
		c -= 20
	}
	return c
}

// Figures returns one row per value of each tracked figure.
func Figures(figs []corpus.TrackedFigure) []Figure {
	var out []Figure
	for _, f := range figs {
		for _, v := range f.Values {
			out = append(out, Figure{FigureID: f.ID, Category: f.Category, Object: f.Object, Country: f.Country, Place: f.Place,
				DocID: v.Doc, Outlet: v.Outlet, Date: corpus.DayString(v.Day), Value: v.Value, Approx: v.Approx, Qualifier: v.Qualifier,
				Attribution: v.Attribution, Text: v.Text, Start: int32(v.Start), End: int32(v.End), NumValues: int32(f.NumValues),
				Latest: f.Latest, Min: f.Min, Max: f.Max, Agreement: f.Agreement, Contradiction: f.Contradiction})
		}
	}
	return out
}

// Documents returns one row per document; duplicateOf gives a stored
// copy's original ("" when d is no copy).
func Documents(docs []*document.Document, duplicateOf func(id string) string) []Document {
	out := make([]Document, 0, len(docs))
	for _, d := range docs {
		r := Document{ID: d.ID, Title: d.Title, URL: d.URL, Outlet: d.Outlet, Language: d.Language, Topic: d.Topic,
			Chars: int32(d.Index().Len()), Sentences: int32(len(d.Sentences)), Entities: int32(len(d.Entities)), Quotes: int32(len(d.Quotes)),
			Counts: int32(len(d.Counts)), Locations: int32(len(d.Locations)), Events: int32(len(d.Events))}
		if t, ok := gdeltconv.Published(d); ok {
			r.Published = t.Format("2006-01-02T15:04:05Z07:00")
		}
		if d.Tone != nil {
			t := d.Tone.Tone
			r.Tone, r.Words = &t, int32(d.Tone.WordCount)
		}
		var themes []string
		for _, t := range d.Themes {
			if !strings.Contains(";"+strings.Join(themes, ";")+";", ";"+t.Theme+";") {
				themes = append(themes, t.Theme)
			}
		}
		r.Themes = strings.Join(themes, ";")
		if duplicateOf != nil {
			r.DuplicateOf = duplicateOf(d.ID)
		}
		out = append(out, r)
	}
	return out
}

// Writer writes rows of one table to a Parquet file in several calls.
type Writer[T any] struct {
	w *pq.GenericWriter[T]
}

// NewWriter starts a Parquet file of rows of type T on w.
func NewWriter[T any](w io.Writer) *Writer[T] {
	return &Writer[T]{w: pq.NewGenericWriter[T](w, pq.Compression(&pq.Zstd))}
}

// Write appends rows.
func (w *Writer[T]) Write(rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	if _, err := w.w.Write(rows); err != nil {
		return fmt.Errorf("parquet: write: %w", err)
	}
	return nil
}

// Close writes the file's footer.
func (w *Writer[T]) Close() error {
	if err := w.w.Close(); err != nil {
		return fmt.Errorf("parquet: close: %w", err)
	}
	return nil
}

// Read reads a whole Parquet file of rows of type T (for checks and tests).
func Read[T any](r io.ReaderAt, size int64) ([]T, error) {
	rows, err := pq.Read[T](r, size)
	if err != nil {
		return nil, fmt.Errorf("parquet: read: %w", err)
	}
	return rows, nil
}
