package storetest

import (
	"context"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// CorpusBackend is a store that keeps the corpus layer.
type CorpusBackend interface {
	store.Store
	corpus.Backend
}

// tollDoc builds an invented report of a shelling with a KILL figure (and,
// with trigger, the attack event RUSMIL→UKR): text must contain "Russian
// forces", "Kharkiv", trigger and figure.
func tollDoc(id, outlet, published, text, trigger, figure string, value float64) (*document.Document, error) {
	d := document.New(id, text)
	d.Outlet, d.Published = outlet, date(published)
	b := &builder{d: d}
	b.sentences(text)
	src := b.entity("Russian forces", document.Org, "RUSMIL", "Russian forces")
	tgt := b.entity("Kharkiv", document.GPE, "UKR", "Kharkiv")
	d.Events = append(d.Events, document.Event{Span: b.span(trigger, 0), Code: "190", Root: "19", Quad: 4, Goldstein: -10, Plover: "ASSAULT",
		Source: &document.Participant{Name: "Russian forces", Actor: "RUSMIL", Entity: src},
		Target: &document.Participant{Name: "Kharkiv", Actor: "UKR", Entity: tgt}, Location: -1, IsRoot: true})
	d.Counts = append(d.Counts, document.Count{Span: b.span(figure, 0), Value: value, Object: "people", ObjectSpan: b.span("people", 0),
		Category: "KILL", AttributedTo: -1, Location: -1})
	return d, b.err
}

// tollDocs returns the shelling report of Wire A (toll 12), its revision
// (toll 30) and Wire B's report of the same shelling (toll 10).
func tollDocs(t *testing.T) (a1, a2, b *document.Document) {
	t.Helper()
	a1, err1 := tollDoc("toll-a", "Wire A", "2025-03-04T08:00:00Z",
		"Russian forces shelled a crowded market in Kharkiv on Tuesday morning, killing 12 people, officials in the region said.", "shelled", "12 people", 12)
	a2, err2 := tollDoc("toll-a", "Wire A", "2025-03-04T15:00:00Z",
		"Russian forces shelled a crowded market in Kharkiv on Tuesday morning, killing 30 people, officials in the region said in an update as rescuers cleared the rubble.",
		"shelled", "30 people", 30)
	b, err3 := tollDoc("toll-b", "Wire B", "2025-03-04T10:00:00Z",
		"The death toll rose to 10 people after Russian forces struck a busy square in the north-eastern city of Kharkiv, emergency services reported.", "struck", "10 people", 10)
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return a1, a2, b
}

// CorpusReviseSuite checks the corpus layer (package corpus) over a store
// through a revision: an article stored again under its id with a new text
// (the toll rose from 12 to 30) replaces its earlier text's mention, figure
// value and story membership, and the corpus event, figure and story are
// recomputed (the fallen-toll contradiction of the first text goes); a
// revision that reports nothing takes its corpus event, figure and story
// away. Updating again, or with the earlier text, changes nothing. open
// returns an empty store (closed by the caller's cleanup); every backend
// runs it.
func CorpusReviseSuite(t *testing.T, open func(t *testing.T) CorpusBackend) {
	ctx := context.Background()
	s := open(t)
	a1, a2, b := tollDocs(t)
	c1 := document.New("depot-fire", "A fire at a chemical depot near the port of Odesa injured 4 workers on Wednesday, the emergency service said.")
	c1.Outlet, c1.Published = "Wire C", date("2025-03-05T09:00:00Z")
	bc := &builder{d: c1}
	bc.sentences(c1.Text)
	c1.Events = []document.Event{{Span: bc.span("fire", 0), Code: "180", Root: "18", Quad: 4, Goldstein: -9, Location: -1}}
	c1.Counts = []document.Count{{Span: bc.span("4 workers", 0), Value: 4, Object: "workers", Category: "WOUND", AttributedTo: -1, Location: -1}}
	if bc.err != nil {
		t.Fatal(bc.err)
	}
	c2 := document.New("depot-fire", "Officials corrected an earlier report about the port depot on Thursday: nobody was hurt and the blaze was put out within the hour.")
	c2.Outlet, c2.Published = "Wire C", date("2025-03-06T09:00:00Z")
	c2.Sentences = []document.Sentence{{Span: document.Span{End: len(c2.Text)}}}

	put := func(docs ...*document.Document) {
		t.Helper()
		if _, err := s.PutEach(ctx, docs, store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := corpus.Update(ctx, s, docs, corpus.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	// layer is what the listings say of the layer.
	type layer struct {
		Events  []store.CorpusEvent
		Figures []store.Figure
		Values  [][]store.FigureValue
		Stories []store.CorpusStory
		Members [][]string
	}
	read := func() layer {
		t.Helper()
		var l layer
		var err error
		if l.Events, err = s.CorpusEvents(ctx, store.CorpusQuery{}); err != nil {
			t.Fatal(err)
		}
		if l.Figures, err = s.Figures(ctx, store.CorpusQuery{}); err != nil {
			t.Fatal(err)
		}
		for _, f := range l.Figures {
			vs, err := s.FigureValues(ctx, f.ID)
			if err != nil {
				t.Fatal(err)
			}
			l.Values = append(l.Values, vs)
		}
		if l.Stories, err = s.Stories(ctx, store.CorpusQuery{}); err != nil {
			t.Fatal(err)
		}
		for _, st := range l.Stories {
			arts, err := s.StoryArticles(ctx, st.ID)
			if err != nil {
				t.Fatal(err)
			}
			l.Members = append(l.Members, arts)
		}
		return l
	}
	day := corpus.Day(*a1.Published)

	put(a1, b, c1)
	before := read()
	if len(before.Figures) != 2 || len(before.Events) != 2 || len(before.Stories) != 2 {
		t.Fatalf("before the revision: %d figures, %d corpus events, %d stories; want 2 of each", len(before.Figures), len(before.Events), len(before.Stories))
	}
	if f := before.Figures[0]; f.Latest != 10 || !f.Contradiction || f.NumValues != 2 {
		t.Errorf("before the revision the toll figure is %+v; want latest 10 of 2 values, a contradiction (12 fell to 10)", f)
	}

	put(a2, c2)
	after := read()
	fig := before.Figures[0]
	wantFig := store.Figure{ID: fig.ID, Key: "KILL|people|", Category: "KILL", Object: "people", FirstDay: day, LastDay: day, Story: fig.Story,
		NumValues: 2, Latest: 30, Min: 10, Max: 30, Agreement: 0.5}
	if !reflect.DeepEqual(after.Figures, []store.Figure{wantFig}) {
		t.Errorf("figures after the revisions:\n got %+v\nwant %+v (the revised toll, the depot's figure gone)", after.Figures, []store.Figure{wantFig})
	}
	var docs []string
	var vals []float64
	for _, v := range after.Values[0] {
		docs, vals = append(docs, v.Doc), append(vals, v.Value)
	}
	if !reflect.DeepEqual(docs, []string{"toll-b", "toll-a"}) || !reflect.DeepEqual(vals, []float64{10, 30}) {
		t.Errorf("the toll's values are of %v: %v; want [toll-b toll-a]: [10 30] (no value of the retired text)", docs, vals)
	}
	ev := before.Events[0]
	wantEv := store.CorpusEvent{ID: ev.ID, Key: "19|RUSMIL|UKR", Code: "190", Root: "19", Source: "RUSMIL", Target: "UKR", FirstDay: day, LastDay: day,
		Story: fig.Story, NumMentions: 2, NumSources: 2, NumArticles: 2}
	if !reflect.DeepEqual(after.Events, []store.CorpusEvent{wantEv}) {
		t.Errorf("corpus events after the revisions:\n got %+v\nwant %+v (the depot's event gone)", after.Events, []store.CorpusEvent{wantEv})
	}
	if len(after.Stories) != 2 || after.Stories[0].ID != fig.Story || after.Stories[0].NumArticles != 2 ||
		!reflect.DeepEqual(after.Members, [][]string{{"toll-a", "toll-b"}, {"depot-fire"}}) || after.Stories[1].NumArticles != 1 {
		t.Errorf("stories after the revisions: %+v of %v; want the shelling's with toll-a and toll-b, a new one with depot-fire", after.Stories, after.Members)
	}
	for _, id := range []string{"depot-fire", "toll-a@rev1", "depot-fire@rev1"} {
		if sts, err := s.Stories(ctx, store.CorpusQuery{Doc: id}); err != nil || len(sts) != map[bool]int{true: 1}[id == "depot-fire"] {
			t.Errorf("Stories(doc %s) = %+v, %v", id, sts, err)
		}
		if figs, err := s.Figures(ctx, store.CorpusQuery{Doc: id}); err != nil || len(figs) != 0 {
			t.Errorf("Figures(doc %s) = %+v, %v; want none", id, figs, err)
		}
	}

	// Again, the earlier texts (the store keeps the revisions) and an
	// unknown id: nothing changes.
	put(a2, b, c2)
	unknown := *b
	unknown.ID = "never-stored"
	if err := corpus.Update(ctx, s, []*document.Document{a1, c1, &unknown}, corpus.Options{}); err != nil {
		t.Fatal(err)
	}
	if again := read(); !reflect.DeepEqual(again, after) {
		t.Errorf("updating again changed the layer:\n got %+v\nwant %+v", again, after)
	}
}

// CorpusReviseInBatchSuite checks a revision that comes in the same update
// as a new article of the same event and figure, after it: the revision's
// earlier rows go while the new article's rows, written by the same
// transaction, stay (a backend that keeps the transaction's writes until
// its commit must take them into account). open returns an empty store.
func CorpusReviseInBatchSuite(t *testing.T, open func(t *testing.T) CorpusBackend) {
	ctx := context.Background()
	s := open(t)
	a1, a2, b := tollDocs(t)
	for _, docs := range [][]*document.Document{{a1}, {b, a2}} {
		if _, err := s.PutEach(ctx, docs, store.PutOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := corpus.Update(ctx, s, docs, corpus.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := s.CorpusEvents(ctx, store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].NumMentions != 2 || evs[0].NumArticles != 2 || evs[0].NumSources != 2 {
		t.Errorf("corpus events = %+v; want one with 2 mentions, 2 articles, 2 sources", evs)
	}
	for _, e := range evs {
		ms, err := s.CorpusEventMentions(ctx, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var docs []string
		for _, m := range ms {
			docs = append(docs, m.Doc)
		}
		if !reflect.DeepEqual(docs, []string{"toll-a", "toll-b"}) && !reflect.DeepEqual(docs, []string{"toll-b", "toll-a"}) {
			t.Errorf("event %d's mentions are of %v; want toll-a and toll-b", e.ID, docs)
		}
	}
	figs, err := s.Figures(ctx, store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(figs) != 1 || figs[0].NumValues != 2 || figs[0].Latest != 30 || figs[0].Min != 10 || figs[0].Max != 30 {
		t.Fatalf("figures = %+v; want one of 2 values, latest 30, from 10 to 30", figs)
	}
	vs, err := s.FigureValues(ctx, figs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var docs []string
	var vals []float64
	for _, v := range vs {
		docs, vals = append(docs, v.Doc), append(vals, v.Value)
	}
	if !reflect.DeepEqual(docs, []string{"toll-b", "toll-a"}) || !reflect.DeepEqual(vals, []float64{10, 30}) {
		t.Errorf("the toll's values are of %v: %v; want [toll-b toll-a]: [10 30]", docs, vals)
	}
}
