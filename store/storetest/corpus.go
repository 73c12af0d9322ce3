package storetest

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// CorpusSuite is the conformance suite of store.CorpusStore: open must
// return an empty store. It checks the keyed lookups (match key and day
// span), idempotent mentions and values, story merges, the listings and
// that a failed update leaves nothing behind.
func CorpusSuite(t *testing.T, open func(t *testing.T) store.CorpusStore) {
	ctx := context.Background()
	cs := open(t)
	var ev1, ev2 store.CorpusEvent
	var fig store.Figure
	var s1, s2 store.CorpusStory
	err := cs.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
		s1 = store.CorpusStory{Title: "first", FirstDay: 100, LastDay: 100}
		s2 = store.CorpusStory{Title: "second", FirstDay: 101, LastDay: 102}
		for _, s := range []*store.CorpusStory{&s1, &s2} {
			if err := tx.SaveStory(s); err != nil || s.ID == 0 {
				t.Fatalf("SaveStory: id %d, %v", s.ID, err)
			}
		}
		ev1 = store.CorpusEvent{Key: "19|RUSMIL|UKR", Code: "194", Root: "19", Source: "RUSMIL", Target: "UKR", Country: "UA", Place: "Kharkiv",
			PlaceID: 706483, FirstDay: 100, LastDay: 101, Story: s1.ID}
		ev2 = store.CorpusEvent{Key: "19|RUSMIL|UKR", Code: "190", Root: "19", FirstDay: 110, LastDay: 110, Story: s2.ID}
		for _, e := range []*store.CorpusEvent{&ev1, &ev2} {
			if err := tx.SaveEvent(e); err != nil || e.ID == 0 {
				t.Fatalf("SaveEvent: id %d, %v", e.ID, err)
			}
		}
		for _, c := range []struct {
			key      string
			from, to int
			want     []int64
		}{
			{"19|RUSMIL|UKR", 99, 99, nil},
			{"19|RUSMIL|UKR", 99, 100, []int64{ev1.ID}},
			{"19|RUSMIL|UKR", 101, 110, []int64{ev1.ID, ev2.ID}},
			{"19|RUSMIL|UKR", 102, 109, nil},
			{"19|RUS|UKR", 100, 101, nil},
		} {
			got, err := tx.FindEvents(c.key, c.from, c.to)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, g := range got {
				ids = append(ids, g.ID)
			}
			if !slices.Equal(ids, c.want) {
				t.Errorf("FindEvents(%s, %d, %d) = %v, want %v", c.key, c.from, c.to, ids, c.want)
			}
		}
		got, _ := tx.FindEvents(ev1.Key, 100, 100)
		if len(got) != 1 || got[0] != ev1 {
			t.Errorf("FindEvents read back %+v, want %+v", got, ev1)
		}
		for _, m := range []store.EventMention{
			{Event: ev1.ID, Doc: "a", EventIndex: 0, Outlet: "A", Sentence: 0, Start: 6, End: 13, Confidence: 80, Day: 100},
			{Event: ev1.ID, Doc: "b", EventIndex: 2, Outlet: "B", Sentence: 1, Start: 40, End: 47, Confidence: 50, Day: 101},
			{Event: ev1.ID, Doc: "c", EventIndex: 0, Outlet: "A", CopyOf: "a", Start: 6, End: 13, Confidence: 80, Day: 100},
		} {
			added, err := tx.AddEventMention(m)
			if err != nil || !added {
				t.Fatalf("AddEventMention: %v %v", added, err)
			}
			if again, err := tx.AddEventMention(m); err != nil || again {
				t.Errorf("AddEventMention twice: added %v, %v", again, err)
			}
		}
		ms, err := tx.EventMentions(ev1.ID)
		if err != nil || len(ms) != 3 || ms[2].Doc != "b" || ms[1].CopyOf != "a" {
			t.Errorf("EventMentions = %+v, %v (want by day, then doc)", ms, err)
		}
		ev1.NumMentions, ev1.NumSources, ev1.NumArticles = 3, 2, 3
		if err := tx.SaveEvent(&ev1); err != nil {
			t.Fatal(err)
		}
		fig = store.Figure{Key: "KILL|people|UA", Category: "KILL", Object: "people", Country: "UA", FirstDay: 100, LastDay: 101, Story: s2.ID}
		if err := tx.SaveFigure(&fig); err != nil || fig.ID == 0 {
			t.Fatalf("SaveFigure: %v", err)
		}
		for _, v := range []store.FigureValue{
			{Figure: fig.ID, Doc: "a", Outlet: "A", Value: 12, Day: 100, Published: "2024-11-12T09:30:00Z", Attribution: "governor", Text: "12 people", Start: 1, End: 10},
			{Figure: fig.ID, Doc: "b", CountIndex: 1, Outlet: "B", Value: 9, Approx: true, Qualifier: "about", Day: 101, Published: "2024-11-13T16:45:00Z"},
		} {
			if added, err := tx.AddFigureValue(v); err != nil || !added {
				t.Fatalf("AddFigureValue: %v %v", added, err)
			}
			if again, err := tx.AddFigureValue(v); err != nil || again {
				t.Errorf("AddFigureValue twice: %v %v", again, err)
			}
		}
		vs, err := tx.FigureValues(fig.ID)
		if err != nil || len(vs) != 2 || vs[0].Value != 12 || !vs[1].Approx || vs[1].Qualifier != "about" || vs[0].Attribution != "governor" {
			t.Errorf("FigureValues = %+v, %v", vs, err)
		}
		fig.NumValues, fig.Latest, fig.Min, fig.Max, fig.Agreement, fig.Contradiction, fig.Reason = 2, 9, 9, 12, 0.5, true, "falls"
		if err := tx.SaveFigure(&fig); err != nil {
			t.Fatal(err)
		}
		if fs, err := tx.FindFigures(fig.Key, 101, 101); err != nil || len(fs) != 1 || fs[0] != fig {
			t.Errorf("FindFigures = %+v, %v; want %+v", fs, err, fig)
		}
		for _, a := range []struct {
			s    int64
			doc  string
			want bool
		}{{s1.ID, "a", true}, {s1.ID, "c", true}, {s2.ID, "b", true}, {s2.ID, "a", true}, {s1.ID, "a", false}} {
			added, err := tx.AddStoryArticle(a.s, a.doc)
			if err != nil || added != a.want {
				t.Fatalf("AddStoryArticle(%d, %s) = %v, %v; want %v", a.s, a.doc, added, err, a.want)
			}
		}
		if err := tx.MergeStory(s2.ID, s1.ID); err != nil {
			t.Fatal(err)
		}
		if _, ok, err := tx.Story(s2.ID); ok || err != nil {
			t.Errorf("merged story still there: %v %v", ok, err)
		}
		arts, err := tx.StoryArticles(s1.ID)
		if err != nil || !slices.Equal(arts, []string{"a", "b", "c"}) {
			t.Errorf("StoryArticles after merge = %v, %v", arts, err)
		}
		if err := tx.AddStoryKey(s1.ID, "a|b|c|KE", 100); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			from, to int
			want     int
		}{{98, 102, 1}, {101, 104, 0}} {
			if ids, err := tx.FindStories("a|b|c|KE", c.from, c.to); err != nil || len(ids) != c.want || (c.want == 1 && ids[0] != s1.ID) {
				t.Errorf("FindStories(%d, %d) = %v, %v", c.from, c.to, ids, err)
			}
		}
		s1.NumArticles, s1.LastDay = 3, 110
		return tx.SaveStory(&s1)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Run("Listings", func(t *testing.T) {
		evs, err := cs.CorpusEvents(ctx, store.CorpusQuery{Story: s1.ID})
		if err != nil || len(evs) != 2 || evs[0].ID != ev1.ID || evs[0].NumMentions != 3 {
			t.Errorf("CorpusEvents(story) = %+v, %v (both in the merged story, most mentioned first)", evs, err)
		}
		if evs, err := cs.CorpusEvents(ctx, store.CorpusQuery{Doc: "b"}); err != nil || len(evs) != 1 || evs[0].ID != ev1.ID {
			t.Errorf("CorpusEvents(doc b) = %+v, %v", evs, err)
		}
		if ms, err := cs.CorpusEventMentions(ctx, ev1.ID); err != nil || len(ms) != 3 {
			t.Errorf("CorpusEventMentions = %d, %v", len(ms), err)
		}
		counts, err := cs.DocEventCounts(ctx, []string{"a", "b", "zz"})
		if err != nil || counts["b"][2].NumSources != 2 || counts["a"][0].ID != ev1.ID || len(counts["zz"]) != 0 {
			t.Errorf("DocEventCounts = %+v, %v", counts, err)
		}
		figs, err := cs.Figures(ctx, store.CorpusQuery{Category: "kill"})
		if err != nil || len(figs) != 1 || figs[0] != (func() store.Figure { f := fig; f.Story = s1.ID; return f })() {
			t.Errorf("Figures = %+v, %v", figs, err)
		}
		if figs, _ := cs.Figures(ctx, store.CorpusQuery{Category: "WOUND"}); len(figs) != 0 {
			t.Errorf("Figures(WOUND) = %+v", figs)
		}
		if vs, err := cs.FigureValues(ctx, fig.ID); err != nil || len(vs) != 2 {
			t.Errorf("FigureValues = %+v, %v", vs, err)
		}
		st, err := cs.Stories(ctx, store.CorpusQuery{Doc: "c"})
		if err != nil || len(st) != 1 || st[0] != s1 {
			t.Errorf("Stories(doc c) = %+v, %v; want %+v", st, err, s1)
		}
		if arts, err := cs.StoryArticles(ctx, s1.ID); err != nil || len(arts) != 3 {
			t.Errorf("StoryArticles = %v, %v", arts, err)
		}
	})
	t.Run("Rollback", func(t *testing.T) {
		boom := errors.New("boom")
		err := cs.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
			e := store.CorpusEvent{Key: "01|X|Y", FirstDay: 1, LastDay: 1}
			if err := tx.SaveEvent(&e); err != nil {
				return err
			}
			return boom
		})
		if !errors.Is(err, boom) {
			t.Fatalf("UpdateCorpus error %v, want boom", err)
		}
		cs.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
			if got, _ := tx.FindEvents("01|X|Y", 0, 2); len(got) != 0 {
				t.Errorf("a failed update left %+v", got)
			}
			return nil
		})
	})
}
