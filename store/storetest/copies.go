package storetest

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// CopyBackend is a store that follows the copy rule of store/copies.go.
type CopyBackend interface {
	store.Store
	store.CopyStore
}

// The wire story of CopySuite, in four paragraphs, and its syndicated forms.
var wireParagraphs = []string{
	"Port workers in the southern city of Velmora walked off the job on Monday, halting the loading of grain ships for the second time this month, union officials said.",
	"The strike began at dawn after talks over night-shift pay broke down late on Sunday. About 1,200 dockers joined the walkout, according to the union, which said the stoppage would last at least 48 hours.",
	"The port authority said six vessels were waiting offshore and that it was working with shipping companies to limit the delays. It did not say how much grain was held up.",
	"Grain exporters warned that a longer stoppage could push up freight costs at a time when harvest shipments usually peak. The labour ministry called both sides to a meeting on Wednesday.",
}

// copyDoc builds a document of the given paragraphs with one event on the
// first of "walked", "strike" or "opened" so that layer listings can be checked.
func copyDoc(id, outlet, url string, paras ...string) *document.Document {
	text := strings.Join(paras, "\n\n")
	d := document.New(id, text)
	d.Outlet, d.URL, d.CanonicalURL = outlet, url, url
	d.Title = "Dock strike in Velmora"
	d.Published = date("2026-11-30T09:00:00Z")
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	trigger := "walked"
	for _, t := range []string{"walked", "strike", "opened"} {
		if strings.Contains(text, t) {
			trigger = t
			break
		}
	}
	i := strings.Index(text, trigger)
	d.Events = []document.Event{{Span: document.Span{Start: i, End: i + len(trigger)}, Code: "143", Root: "14", Quad: 3, Goldstein: -6.5, Location: -1,
		Source: &document.Participant{Name: "union", Entity: -1}}}
	return d
}

// CopySuite checks a backend against the copy rule: near copies stored
// and linked but not counted, exact copies recorded as carriers, stories
// and NumSources. open returns a new, empty store.
func CopySuite(t *testing.T, open func(t *testing.T) CopyBackend) {
	ctx := context.Background()
	p := wireParagraphs
	t.Run("near, exact and unrelated", func(t *testing.T) {
		s := open(t)
		orig := copyDoc("wire-1", "wire.example", "https://wire.example/a/1", p...)
		near := copyDoc("daily-7", "daily.example", "https://daily.example/velmora-strike", // reordered, tail cut, a line added
			"VELMORA (Daily) - "+p[1], p[0], p[2])
		exact := copyDoc("herald-3", "herald.example", "https://herald.example/x", p...)
		other := copyDoc("other-1", "wire.example", "https://wire.example/a/2",
			"A new ferry line between the islands of Oster and Kell opened on Saturday, cutting the crossing from four hours to ninety minutes.",
			"The operator said two boats would sail daily in summer and one in winter, and that fares would be held for the first year.")
		for _, tc := range []struct {
			d    *document.Document
			want bool
		}{{orig, true}, {near, true}, {exact, false}, {other, true}, {orig, false}} {
			ok, err := s.Put(ctx, tc.d)
			if err != nil || ok != tc.want {
				t.Fatalf("Put(%s) = %v, %v; want %v", tc.d.ID, ok, err, tc.want)
			}
		}
		o, err := s.Document(ctx, "daily-7")
		if err != nil || o.DuplicateOf != "wire-1" || o.Similarity == nil || *o.Similarity < dedup.Threshold || *o.Similarity > 1 {
			t.Fatalf("copy's output: %v duplicate_of %q similarity %v", err, o.DuplicateOf, o.Similarity)
		}
		if o.Outlet != "daily.example" || len(o.Events) != 1 {
			t.Errorf("copy's own output lost: outlet %q, %d events", o.Outlet, len(o.Events))
		}
		if o, _ := s.Document(ctx, "wire-1"); o.DuplicateOf != "" || o.Similarity != nil {
			t.Errorf("original marked as a copy: %q", o.DuplicateOf)
		}
		st, err := s.Stats(ctx)
		if err != nil || st.Documents != 2 || st.Copies != 1 || st.Events != 2 {
			t.Errorf("Stats = %+v, %v; want 2 stories, 1 copy, 2 events", st, err)
		}
		evs, _ := s.Events(ctx, store.Query{})
		docs, _ := s.Documents(ctx, store.Query{})
		hits, _ := s.Search(ctx, store.Query{Text: "dockers"})
		if len(evs) != 2 || len(docs) != 2 || len(hits) != 1 || hits[0].DocID != "wire-1" {
			t.Errorf("copy counted: %d events, %d documents, search hits %+v", len(evs), len(docs), hits)
		}
		var each []string
		s.Each(ctx, func(o *document.Output) error { each = append(each, o.ID+">"+o.DuplicateOf); return nil })
		if strings.Join(each, " ") != "wire-1> daily-7>wire-1 other-1>" {
			t.Errorf("Each = %q", each)
		}
		for _, id := range []string{"wire-1", "daily-7"} {
			story, err := s.Story(ctx, id)
			if err != nil || story.ID != "wire-1" || story.NumSources != 3 || len(story.Carriers) != 3 {
				t.Fatalf("Story(%s) = %+v, %v", id, story, err)
			}
			want := []store.Carrier{
				{DocID: "wire-1", Outlet: "wire.example", URL: "https://wire.example/a/1", Kind: "original", Similarity: 1},
				{DocID: "daily-7", Outlet: "daily.example", URL: "https://daily.example/velmora-strike", Kind: "near", Similarity: *o.Similarity},
				{DocID: "", Outlet: "herald.example", URL: "https://herald.example/x", Kind: "exact", Similarity: 1},
			}
			for i, c := range story.Carriers {
				if c != want[i] {
					t.Errorf("Story(%s) carrier %d = %+v, want %+v", id, i, c, want[i])
				}
			}
		}
		n, err := s.NumSources(ctx, []string{"wire-1", "daily-7", "other-1", "missing"})
		if err != nil || len(n) != 3 || n["wire-1"] != 3 || n["daily-7"] != 3 || n["other-1"] != 1 {
			t.Errorf("NumSources = %v, %v", n, err)
		}
		if _, err := s.Story(ctx, "missing"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("Story(missing) = %v, want ErrNotFound", err)
		}
	})
	t.Run("a copy of a copy links to the original", func(t *testing.T) {
		s := open(t)
		mustPut(t, s, copyDoc("a", "wire.example", "https://wire.example/1", p...))
		mustPut(t, s, copyDoc("b", "b.example", "https://b.example/1", p[0], p[1], p[2]))
		mustPut(t, s, copyDoc("c", "c.example", "https://c.example/1", p[0], p[1]))
		for _, id := range []string{"b", "c"} {
			if o, _ := s.Document(ctx, id); o.DuplicateOf != "a" {
				t.Errorf("%s: duplicate_of %q, want a", id, o.DuplicateOf)
			}
		}
	})
	t.Run("batch", func(t *testing.T) {
		s := open(t)
		docs := []*document.Document{
			copyDoc("a", "wire.example", "https://wire.example/1", p...),
			copyDoc("b", "b.example", "https://b.example/1", p[3], p[2], p[1], p[0]),
		}
		if n, err := s.PutBatch(ctx, docs); err != nil || n != 2 {
			t.Fatalf("PutBatch = %d, %v", n, err)
		}
		if o, _ := s.Document(ctx, "b"); o.DuplicateOf != "a" {
			t.Errorf("copy within one batch: duplicate_of %q", o.DuplicateOf)
		}
	})
}

func mustPut(t *testing.T, s store.Store, d *document.Document) {
	t.Helper()
	if _, err := s.Put(context.Background(), d); err != nil {
		t.Fatalf("Put(%s): %v", d.ID, err)
	}
}
