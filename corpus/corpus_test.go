package corpus

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

func TestLexicon(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("unused sections %v", u)
	}
}

func val(outlet string, v float64, day int, pub string, approx bool) store.FigureValue {
	return store.FigureValue{Outlet: outlet, Value: v, Day: day, Published: pub, Approx: approx}
}

func TestAssess(t *testing.T) {
	for _, c := range []struct {
		name     string
		category string
		values   []store.FigureValue
		want     store.Figure // the summary fields
	}{
		{"a rising toll agrees with itself", "KILL", []store.FigureValue{
			val("A", 12, 1, "1", false), val("B", 15, 2, "2", false), val("C", 21, 2, "3", false)},
			store.Figure{NumValues: 3, Latest: 21, Min: 12, Max: 21, Agreement: 0.333}},
		{"a later lower toll contradicts", "KILL", []store.FigureValue{
			val("A", 12, 1, "1", false), val("B", 21, 2, "2", false), val("C", 9, 3, "3", false), val("D", 24, 3, "4", false)},
			store.Figure{NumValues: 4, Latest: 24, Min: 9, Max: 24, Agreement: 0.25, Contradiction: true,
				Reason: "C reported 9 on 1970-01-04 after B reported 21 on 1970-01-03: a cumulative toll does not fall"}},
		{"rounding is no contradiction", "KILL", []store.FigureValue{
			val("A", 1210, 1, "1", false), val("B", 1200, 2, "2", true)},
			store.Figure{NumValues: 2, Latest: 1200, Min: 1200, Max: 1210, Agreement: 1}},
		{"order is by day, then publication time", "WOUND", []store.FigureValue{
			val("B", 30, 2, "2", false), val("A", 20, 1, "1", false)},
			store.Figure{NumValues: 2, Latest: 30, Min: 20, Max: 30, Agreement: 0.5}},
		{"a non-cumulative figure contradicts on one day", "AID", []store.FigureValue{
			val("A", 140, 5, "1", false), val("B", 90, 5, "2", false)},
			store.Figure{NumValues: 2, Latest: 90, Min: 90, Max: 140, Agreement: 0.5, Contradiction: true,
				Reason: "A reported 140 and B 90 on 1970-01-06"}},
		{"a rate under a cumulative category may fall", "KILL:head", []store.FigureValue{
			val("A", 290000, 5, "1", false), val("B", 70000, 6, "2", false)},
			store.Figure{NumValues: 2, Latest: 70000, Min: 70000, Max: 290000, Agreement: 0.5}},
		{"a non-cumulative figure may change from day to day", "AID", []store.FigureValue{
			val("A", 140, 5, "1", false), val("B", 90, 6, "2", false)},
			store.Figure{NumValues: 2, Latest: 90, Min: 90, Max: 140, Agreement: 0.5}},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat, obj, _ := strings.Cut(c.category, ":")
			f := store.Figure{Category: cat, Object: obj}
			Assess(&f, c.values)
			c.want.Category, c.want.Object = cat, obj
			if f != c.want {
				t.Errorf("Assess = %+v\n want %+v", f, c.want)
			}
		})
	}
}

// synth returns a synthetic article: n events and a KILL count, with keys
// drawn from space (so that a store of N such articles holds about
// min(N, space) corpus events).
func synth(id string, r *rand.Rand, space, day int) *document.Document {
	text := "Forces attacked the town and 12 people were killed."
	d := document.New(id, text)
	pub := time.Unix(int64(day)*86400+3600, 0).UTC()
	d.Published, d.Outlet, d.Title = &pub, "outlet"+strconv.Itoa(r.IntN(50)), "story "+id
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	d.Locations = []document.Location{{Span: document.Span{Start: 23, End: 27}, Name: "Town", Country: "UA", Mention: -1}}
	for k := 0; k < 3; k++ {
		a := r.IntN(space)
		d.Events = append(d.Events, document.Event{Span: document.Span{Start: 7, End: 15}, Code: "190", Root: "19", Quad: 4, Location: 0,
			Source: &document.Participant{Actor: fmt.Sprintf("A%05d", a), Entity: -1}, Target: &document.Participant{Actor: "UKR", Entity: -1}})
	}
	d.Locations[0].Country = fmt.Sprintf("C%d", r.IntN(100))
	d.Counts = []document.Count{{Span: document.Span{Start: 32, End: 41}, Value: float64(10 + r.IntN(5)), Object: "people", Category: "KILL",
		AttributedTo: -1, Location: 0}}
	return d
}

// fill adds n synthetic articles to the corpus layer of st, 1,000 a
// transaction, over days [0, n/500).
func fill(tb testing.TB, st *sqlite.Store, r *rand.Rand, n, space int) {
	ctx := context.Background()
	for i := 0; i < n; i += 1000 {
		err := st.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
			for j := i; j < min(n, i+1000); j++ {
				if err := Apply(tx, synth("s"+strconv.Itoa(j), r, space, j/500), "", "o", Options{}); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
	}
}

// TestUpdateCostFlat ingests 1,000 new articles into the corpus layers of
// stores of 20,000 and 200,000 articles (NEWSGRAPH_CORPUS_BENCH=1; it
// takes several minutes) and reports wall and CPU time of each, the median
// of three batches; the cost per article must stay within 25 %. The
// articles of every store have the same density (500 a day, actors drawn
// from the same 20,000 codes), so a new article finds as many matches in
// either store and only the store's size differs.
func TestUpdateCostFlat(t *testing.T) {
	if os.Getenv("NEWSGRAPH_CORPUS_BENCH") == "" {
		t.Skip("set NEWSGRAPH_CORPUS_BENCH=1 to run")
	}
	const space = 20000
	var cost []time.Duration
	for _, size := range []int{20000, 200000} {
		st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
		if err != nil {
			t.Fatal(err)
		}
		r := rand.New(rand.NewPCG(1, 2))
		fill(t, st, r, size, space)
		day := size / 500
		var walls, cpus []time.Duration
		for round := 0; round < 3; round++ {
			batch := make([]*document.Document, 1000)
			for i := range batch {
				batch[i] = synth(fmt.Sprintf("new%d-%d", round, i), r, space, day-1+i%3)
			}
			runtime.GC()
			c0 := cputime.Process()
			w0 := time.Now()
			err = st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error {
				for _, d := range batch {
					if err := Apply(tx, d, "", d.Outlet, Options{}); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			walls, cpus = append(walls, time.Since(w0)), append(cpus, cputime.Process()-c0)
		}
		slices.Sort(walls)
		slices.Sort(cpus)
		t.Logf("store of %d articles: 1,000 new articles in %v wall, %v CPU (user+sys), median of 3 (CPU %v)", size,
			walls[1].Round(time.Millisecond), cpus[1].Round(time.Millisecond), cpus)
		cost = append(cost, cpus[1])
		st.Close()
	}
	ratio := float64(cost[1]) / float64(cost[0])
	t.Logf("CPU cost ratio 200k/20k = %.2f", ratio)
	if ratio > 1.25 {
		t.Errorf("CPU cost at 200k is %.2f× the cost at 20k, want within 25 %%", ratio)
	}
}

func BenchmarkApply(b *testing.B) {
	st, err := sqlite.Open(context.Background(), filepath.Join(b.TempDir(), "c.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(1, 2))
	fill(b, st, r, 5000, 5000)
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		d := synth("b"+strconv.Itoa(i), r, 5000, 10)
		err := st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error { return Apply(tx, d, "", d.Outlet, Options{}) })
		if err != nil {
			b.Fatal(err)
		}
	}
}

// TestApply_storyByFigure: an article without a shared event that reports
// a tracked figure joins that figure's story; an unrelated article gets its
// own story.
func TestApply_storyByFigure(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(3, 4))
	a := synth("a", r, 10, 100)
	b := synth("b", r, 10, 101)
	b.Events = nil
	b.Locations[0].Country, b.Counts[0].Value = a.Locations[0].Country, 40
	c := synth("c", r, 10, 300)
	c.Events = nil
	err = st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error {
		for _, d := range []*document.Document{a, b, c} {
			if err := Apply(tx, d, "", d.Outlet, Options{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stories, err := st.Stories(context.Background(), store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	if len(stories) != 2 || stories[0].NumArticles != 2 || stories[0].Title != "story a" || DayString(stories[0].LastDay) != "1970-04-12" {
		t.Errorf("stories %+v, want a+b (days 100–101) and c", stories)
	}
}

// TestApply_undated: undated reports (BBC-like stories without dates) match
// nothing: two undated articles with the same event key and figure stay two
// corpus events, two figures and two stories.
func TestApply_undated(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(5, 6))
	a, b := synth("a", r, 1, 100), synth("b", r, 1, 100)
	a.Published, b.Published = nil, nil
	b.Locations[0].Country = a.Locations[0].Country
	err = st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error {
		for _, d := range []*document.Document{a, b} {
			if err := Apply(tx, d, "", d.Outlet, Options{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	evs, _ := st.CorpusEvents(context.Background(), store.CorpusQuery{})
	figs, _ := st.Figures(context.Background(), store.CorpusQuery{})
	stories, _ := st.Stories(context.Background(), store.CorpusQuery{})
	if len(evs) != 6 || len(figs) != 2 || len(stories) != 2 {
		t.Errorf("%d corpus events, %d figures, %d stories; want 6, 2, 2", len(evs), len(figs), len(stories))
	}
}

// TestApply_storyByEntities: without a shared event or figure, articles
// about the same three people and organisations in one country, two days
// apart, are one story; a week later they are another.
func TestApply_storyByEntities(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	r := rand.New(rand.NewPCG(7, 8))
	var docs []*document.Document
	for i, day := range []int{100, 102, 109} {
		d := synth(fmt.Sprint("e", i), r, 1000, day)
		d.Events, d.Counts = nil, nil
		d.Locations[0].Country = "KE"
		d.Entities = []document.Entity{{Name: "Ana Ortega", Type: document.Person, Mentions: []int{0, 1}},
			{Name: "Red Cross", Type: document.Org, Mentions: []int{2}}, {Name: "Karim Mansour", Type: document.Person, Mentions: []int{3}}}
		docs = append(docs, d)
	}
	err = st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error {
		for _, d := range docs {
			if err := Apply(tx, d, "", d.Outlet, Options{}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	stories, _ := st.Stories(context.Background(), store.CorpusQuery{})
	if len(stories) != 2 || stories[0].NumArticles != 2 || stories[1].NumArticles != 1 {
		t.Errorf("stories %+v, want e0+e1 and e2", stories)
	}
}

// TestApply_headlineToll: a headline's toll without an object ("kills 40")
// and the body's "40 people were killed" are one figure with one value; a
// count of a category without an implied class (DESTROY) keeps its own.
func TestApply_headlineToll(t *testing.T) {
	st, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "c.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	text := "Storm kills 40\n\nThe storm killed 40 people and destroyed 12 bridges."
	d := document.New("h", text)
	pub := time.Unix(100*86400, 0).UTC()
	d.Published, d.Outlet = &pub, "o"
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: 14}}, {Span: document.Span{Start: 16, End: len(text)}}}
	d.Locations = []document.Location{{Span: document.Span{Start: 0, End: 0}, Name: "Town", Country: "UA", Mention: -1}}
	d.Counts = []document.Count{
		{Span: document.Span{Start: 12, End: 14}, Value: 40, Category: "KILL", AttributedTo: -1, Location: 0},
		{Span: document.Span{Start: 33, End: 35}, Value: 40, Object: "people", Category: "KILL", AttributedTo: -1, Location: 0},
		{Span: document.Span{Start: 57, End: 59}, Value: 12, Object: "bridges", Category: "DESTROY", AttributedTo: -1, Location: 0},
	}
	err = st.UpdateCorpus(context.Background(), func(tx store.CorpusTx) error { return Apply(tx, d, "", d.Outlet, Options{}) })
	if err != nil {
		t.Fatal(err)
	}
	figs, err := st.Figures(context.Background(), store.CorpusQuery{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range figs {
		vs, err := st.FigureValues(context.Background(), f.ID)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s|%s|%d values", f.Category, f.Object, len(vs)))
	}
	slices.Sort(got)
	if want := []string{"DESTROY|bridges|1 values", "KILL|people|1 values"}; !slices.Equal(got, want) {
		t.Errorf("figures %q, want %q", got, want)
	}
}
