package parquet

import (
	"bytes"
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// TestRoundTrip writes the four tables of a hand-made document and reads
// them back with parquet-go's reader: every row comes back equal.
func TestRoundTrip(t *testing.T) {
	text := "Police arrested 40 protesters in Nairobi on Friday."
	d := document.New("d1", text)
	pub := time.Date(2025, 3, 7, 12, 0, 0, 0, time.UTC)
	d.Published, d.URL, d.Outlet, d.Title = &pub, "https://example.org/a", "Example", "Arrests"
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	d.SentenceTone = []float64{-12.5}
	d.Tone = &document.Tone{Tone: -12.5, Negative: 12.5, Polarity: 12.5, WordCount: 8}
	d.Themes = []document.Theme{{Span: document.Span{Start: 7, End: 15}, Theme: "ARREST"}, {Span: document.Span{Start: 19, End: 29}, Theme: "PROTEST"}}
	lat, lon := -1.28, 36.82
	d.Locations = []document.Location{{Span: document.Span{Start: 33, End: 40}, Name: "Nairobi", Country: "KE", Lat: &lat, Lon: &lon, Mention: -1}}
	d.Events = []document.Event{{Span: document.Span{Start: 7, End: 15}, Code: "173", Root: "17", Quad: 4, Goldstein: -5, Location: 0,
		Source: &document.Participant{Name: "Police", Actor: "KENCOP", Entity: -1, Span: document.Span{Start: 0, End: 6}}, Evidence: []document.Span{{Start: 7, End: 15}}}}
	docs := []*document.Document{d}
	check := func(name string, write func(*bytes.Buffer) error, read func(*bytes.Reader) (any, error), want any) {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := read(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s read back\n%+v\nwant\n%+v", name, got, want)
		}
	}
	evs := Events(docs, 7, nil)
	if len(evs) != 1 || evs[0].ID != 7 || *evs[0].Tone != -12.5 || evs[0].Date != "2025-03-07" || evs[0].SourceActor != "KENCOP" {
		t.Fatalf("events %+v", evs)
	}
	check("events", func(b *bytes.Buffer) error { w := NewWriter[Event](b); w.Write(evs); return w.Close() },
		func(r *bytes.Reader) (any, error) { return Read[Event](r, r.Size()) }, evs)
	ms := Mentions(docs, 7)
	check("mentions", func(b *bytes.Buffer) error { w := NewWriter[Mention](b); w.Write(ms); return w.Close() },
		func(r *bytes.Reader) (any, error) { return Read[Mention](r, r.Size()) }, ms)
	ds := Documents(docs, nil)
	if ds[0].Themes != "ARREST;PROTEST" || ds[0].Published != "2025-03-07T12:00:00Z" {
		t.Errorf("document row %+v", ds[0])
	}
	check("documents", func(b *bytes.Buffer) error { w := NewWriter[Document](b); w.Write(ds); return w.Close() },
		func(r *bytes.Reader) (any, error) { return Read[Document](r, r.Size()) }, ds)
	if _, err := Read[Event](bytes.NewReader([]byte("not parquet")), 11); err == nil {
		t.Error("reading garbage succeeded")
	}
}
