// Package corpus is what many articles say together: events of different
// articles that report one happening become one corpus event with a
// mention per article (GDELT's NumMentions, NumSources, NumArticles), the
// same figure reported by several articles becomes one tracked figure with
// each value, its article, outlet, date and attribution (agreement, spread,
// the latest value, a contradiction flag), and articles that share corpus
// events or figures form a story with a title and a span of dates.
//
// Update is incremental: ingesting an article touches only the corpus
// events, figures and stories it matches, found by keyed lookups
// (store.CorpusTx), so its cost stays flat as the store grows.
//
// Matching rules (Options): two events are one corpus event when they have
// the same root (or code, with MatchCode), the same source and target actor
// codes, compatible action places (the same country, or one of them
// unplaced) and dates (the text's date, else the publication day) at most
// Window days apart, counted from the corpus event's dates so that a span
// never exceeds Window days (a daily recurrence is a new event); a figure is
// one tracked figure when the category, the object class (data/objects.txt:
// "civilians" and "people" are one; a count without an object, as a
// headline's "kills 40", counts its category's implied class) and the country agree and the reports
// lie within FigureWindow days (the figure's period).
// An undated report (no date in the text, no publication time) matches
// nothing: it is a corpus event or figure of its own. Copies
// (store.CopyStore) add an article and mentions but no outlet (a
// copy's source is its original's) and no figure value (a copy repeats its
// original's).
package corpus

import (
	"cmp"
	"context"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lexicon"
	"github.com/newsgraph/newsgraph/store"
)

//go:embed data/objects.txt
var dataFS embed.FS

var lex = lexicon.Load(dataFS, "data/objects.txt")

var (
	objectClass   = lex.Map("objectClass")
	impliedObject = lex.Map("impliedObject")
	rates         = lex.Set("rates")
)

// Options configure matching.
type Options struct {
	// Window is how many days apart two reports of one event may date it
	// (default 1).
	Window int
	// MatchCode matches events on the full CAMEO code instead of the root.
	MatchCode bool
	// FigureWindow is how many days apart the reports of one figure may be
	// (default 7).
	FigureWindow int
	// StoryWindow is how many days apart two articles about the same
	// entities and place may be to be one story without a shared event
	// (default 2).
	StoryWindow int
}

func (o Options) norm() Options {
	if o.Window <= 0 {
		o.Window = 1
	}
	if o.FigureWindow <= 0 {
		o.FigureWindow = 7
	}
	if o.StoryWindow <= 0 {
		o.StoryWindow = 2
	}
	return o
}

// cumulative categories only grow: a later lower value contradicts.
var cumulative = map[string]bool{"KILL": true, "WOUND": true, "DISPLACE": true, "EVACUATE": true, "ARREST": true,
	"KIDNAP": true, "AFFECT": true, "DESTROY": true, "DAMAGE": true}

// Day returns t's day since 1970-01-01 UTC.
func Day(t time.Time) int { return int(math.Floor(float64(t.Unix()) / 86400)) }

// DayString formats a day as YYYY-MM-DD ("" for store.Undated).
func DayString(d int) string {
	if d == store.Undated {
		return ""
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format("2006-01-02")
}

// Backend is what Update needs of a store.
type Backend interface {
	store.CorpusStore
	store.CopyStore
}

// Update adds docs (already stored) to the corpus layer in one
// transaction, reading what the store holds of each inside it. A document
// whose text the store does not hold under its id (an exact copy that was
// not stored again, a text the conflict rule kept out) is skipped. A
// revision (the id's text changed since its rows were added) first takes
// the previous text's rows out of the layer and recomputes the corpus
// events, figures and stories they were part of, as the store keeps no
// layer rows of a retired revision. Updating twice with the same
// documents changes nothing.
func Update(ctx context.Context, b Backend, docs []*document.Document, opt Options) error {
	opt = opt.norm()
	if len(docs) == 0 {
		return nil
	}
	return b.UpdateCorpus(ctx, func(tx store.CorpusTx) error {
		if r, ok := tx.(store.CorpusArticlesReader); ok {
			ids := make([]string, len(docs))
			for i, d := range docs {
				ids[i] = d.ID
			}
			if err := r.ReadArticles(ids); err != nil {
				return fmt.Errorf("corpus: %w", err)
			}
		}
		for _, d := range docs {
			if err := updateArticle(tx, d, opt); err != nil {
				return fmt.Errorf("corpus: %s: %w", d.ID, err)
			}
		}
		return nil
	})
}

// updateArticle adds d to the layer unless its text's rows are there.
func updateArticle(tx store.CorpusTx, d *document.Document, opt Options) error {
	a, ok, err := tx.Article(d.ID)
	if err != nil || !ok {
		return err
	}
	h := sha256.Sum256([]byte(d.Text))
	sum := hex.EncodeToString(h[:])
	if a.TextSum != sum || a.LayerSum == sum {
		return nil
	}
	if a.LayerSum != "" {
		if err := Retract(tx, d.ID); err != nil {
			return err
		}
	}
	outlet := d.Outlet
	if a.CopyOf != "" {
		outlet = a.Outlet
	}
	if err := update(tx, d, a.CopyOf, outlet, opt); err != nil {
		return err
	}
	return tx.SetArticle(d.ID, sum)
}

// Retract takes article doc out of the layer inside tx
// (CorpusTx.RemoveArticle) and recomputes what it was part of: the counts
// and day span of each corpus event from its remaining mentions, the
// summary (Assess) and day span of each figure from its remaining values,
// the article count of each story. What was only doc's is deleted.
func Retract(tx store.CorpusTx, doc string) error {
	evs, figs, sts, err := tx.RemoveArticle(doc)
	if err != nil {
		return err
	}
	for i := range evs {
		e := &evs[i]
		ms, err := tx.EventMentions(e.ID)
		if err != nil {
			return err
		}
		e.FirstDay, e.LastDay = store.Undated, store.Undated
		for _, m := range ms {
			e.FirstDay, e.LastDay = widenDays(e.FirstDay, e.LastDay, m.Day)
		}
		if err := saveCounts(tx, e, ms); err != nil {
			return err
		}
	}
	for i := range figs {
		f := &figs[i]
		vs, err := tx.FigureValues(f.ID)
		if err != nil {
			return err
		}
		Assess(f, vs)
		f.FirstDay, f.LastDay = store.Undated, store.Undated
		for _, v := range vs {
			f.FirstDay, f.LastDay = widenDays(f.FirstDay, f.LastDay, v.Day)
		}
		if err := tx.SaveFigure(f); err != nil {
			return err
		}
	}
	for i := range sts {
		s := &sts[i]
		arts, err := tx.StoryArticles(s.ID)
		if err != nil {
			return err
		}
		s.NumArticles = len(arts)
		if err := tx.SaveStory(s); err != nil {
			return err
		}
	}
	return nil
}

// widenDays widens the span [first, last] to day (store.Undated: an
// undated day widens nothing, an undated span takes the day).
func widenDays(first, last, day int) (int, int) {
	if day == store.Undated {
		return first, last
	}
	if first == store.Undated || day < first {
		first = day
	}
	if last == store.Undated || day > last {
		last = day
	}
	return first, last
}

// Apply adds one article to the corpus layer inside tx: copyOf is the
// original's id when d is a copy ("" otherwise) and outlet the outlet its
// text comes from (the original's for a copy). Update calls it for each
// stored document; it is exported for backends and benchmarks that fill
// the layer themselves.
func Apply(tx store.CorpusTx, d *document.Document, copyOf, outlet string, opt Options) error {
	return update(tx, d, copyOf, outlet, opt.norm())
}

// pubDay is the document's publication day, store.Undated when unknown.
func pubDay(d *document.Document) int {
	if d.Published == nil || d.Published.IsZero() {
		return store.Undated
	}
	return Day(d.Published.UTC())
}

func eventDay(d *document.Document, e *document.Event) int {
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		return Day(t)
	}
	return pubDay(d)
}

func span(day, w int) (int, int) {
	if day == store.Undated {
		return day, day
	}
	return day - w, day + w
}

func actor(p *document.Participant) string {
	if p == nil {
		return ""
	}
	return p.Actor
}

// confidence is the mention's confidence in percent (GDELT Mentions
// Confidence): coded actors on both sides weigh most, reported speech less.
func confidence(e *document.Event) int {
	c := 50
	if actor(e.Source) != "" && actor(e.Target) != "" {
		c = 80
	}
	if e.Reported {
		c -= 20
	}
	return c
}

// story bookkeeping of one article
type touched struct {
	stories []int64
	first   int
	last    int
}

func (t *touched) add(story int64, first, last int) {
	if story != 0 && !slices.Contains(t.stories, story) {
		t.stories = append(t.stories, story)
	}
	for _, d := range []int{first, last} {
		if d == store.Undated {
			continue
		}
		if t.first == store.Undated || d < t.first {
			t.first = d
		}
		if t.last == store.Undated || d > t.last {
			t.last = d
		}
	}
}

func update(tx store.CorpusTx, d *document.Document, copyOf, outlet string, opt Options) error {
	ix := d.Index()
	t := touched{first: store.Undated, last: store.Undated}
	var evs []*store.CorpusEvent
	for i := range d.Events {
		e := &d.Events[i]
		if e.Negated || e.Hypothetical {
			continue
		}
		ce, err := matchEvent(tx, d, e, opt)
		if err != nil {
			return err
		}
		a, b := ix.Runes(e.Span)
		added, err := tx.AddEventMention(store.EventMention{Event: ce.ID, Doc: d.ID, EventIndex: i, Outlet: outlet, CopyOf: copyOf,
			Sentence: e.Sentence, Start: a, End: b, Confidence: confidence(e), Day: eventDay(d, e)})
		if err != nil {
			return err
		}
		if added {
			if err := recount(tx, ce); err != nil {
				return err
			}
		}
		evs = append(evs, ce)
		t.add(ce.Story, ce.FirstDay, ce.LastDay)
	}
	var figs []*store.Figure
	if copyOf == "" {
		for i := range d.Counts {
			f, err := trackFigure(tx, d, i, outlet, opt)
			if err != nil {
				return err
			}
			if f != nil {
				figs = append(figs, f)
			}
		}
	}
	if len(t.stories) == 0 {
		// no shared event: an article that only updates a figure ("the
		// toll rose to 30") joins the story of that figure
		for _, f := range figs {
			if f.Story != 0 {
				t.add(f.Story, store.Undated, store.Undated)
				break
			}
		}
	}
	key, day := aboutKey(d), pubDay(d)
	if len(t.stories) == 0 && key != "" && day != store.Undated {
		// nor figure: an article about the same entities and place a few
		// days apart joins that story
		ids, err := tx.FindStories(key, day-opt.StoryWindow, day+opt.StoryWindow)
		if err != nil {
			return err
		}
		if len(ids) > 0 {
			t.add(ids[0], store.Undated, store.Undated)
		}
	}
	t.add(0, day, day)
	st, err := assignStory(tx, d, t, evs, figs)
	if err != nil {
		return err
	}
	if key != "" && day != store.Undated {
		return tx.AddStoryKey(st, key, day)
	}
	return nil
}

// matchEvent returns the corpus event e belongs to, created when none
// matches.
func matchEvent(tx store.CorpusTx, d *document.Document, e *document.Event, opt Options) (*store.CorpusEvent, error) {
	code := e.Root
	if opt.MatchCode {
		code = e.Code
	}
	key := code + "|" + actor(e.Source) + "|" + actor(e.Target)
	day := eventDay(d, e)
	country, place, placeID := "", "", 0
	if e.Location >= 0 && e.Location < len(d.Locations) {
		l := d.Locations[e.Location]
		country, place, placeID = l.Country, l.Name, l.GeonameID
	}
	// an undated report cannot be placed in time: it is its own corpus
	// event (precision first)
	var cands []store.CorpusEvent
	if day != store.Undated {
		from, to := span(day, opt.Window)
		var err error
		if cands, err = tx.FindEvents(key, from, to); err != nil {
			return nil, err
		}
	}
	for i := range cands {
		c := &cands[i]
		if c.Country != "" && country != "" && c.Country != country {
			continue
		}
		// a happening's reports date it within Window of its first date:
		// a daily recurrence is a new corpus event, not a growing one
		if day != store.Undated && c.FirstDay != store.Undated && (day < c.LastDay-opt.Window || day > c.FirstDay+opt.Window) {
			continue
		}
		changed := false
		if c.Place == "" && place != "" {
			c.Country, c.Place, c.PlaceID, changed = country, place, placeID, true
		}
		if day != store.Undated && c.FirstDay != store.Undated {
			if day < c.FirstDay {
				c.FirstDay, changed = day, true
			}
			if day > c.LastDay {
				c.LastDay, changed = day, true
			}
		}
		if changed {
			if err := tx.SaveEvent(c); err != nil {
				return nil, err
			}
		}
		return c, nil
	}
	ce := &store.CorpusEvent{Key: key, Code: e.Code, Root: e.Root, Source: actor(e.Source), Target: actor(e.Target),
		Country: country, Place: place, PlaceID: placeID, FirstDay: day, LastDay: day}
	if err := tx.SaveEvent(ce); err != nil {
		return nil, err
	}
	return ce, nil
}

// recount recomputes NumMentions, NumSources and NumArticles from the
// event's mentions.
func recount(tx store.CorpusTx, ce *store.CorpusEvent) error {
	ms, err := tx.EventMentions(ce.ID)
	if err != nil {
		return err
	}
	return saveCounts(tx, ce, ms)
}

// saveCounts sets the event's counts from its mentions ms and saves it.
func saveCounts(tx store.CorpusTx, ce *store.CorpusEvent, ms []store.EventMention) error {
	outlets, arts := map[string]bool{}, map[string]bool{}
	for _, m := range ms {
		outlets[m.Outlet], arts[m.Doc] = true, true
	}
	ce.NumMentions, ce.NumSources, ce.NumArticles = len(ms), len(outlets), len(arts)
	return tx.SaveEvent(ce)
}

// countPlace returns the location of count i: its own, else its
// sentence's place, else the story's first place.
func countPlace(d *document.Document, c *document.Count) *document.Location {
	if c.Location >= 0 && c.Location < len(d.Locations) {
		return &d.Locations[c.Location]
	}
	if s := d.SentenceAt(c.Start); s >= 0 && s < len(d.SentencePlace) {
		if p := d.SentencePlace[s]; p >= 0 && p < len(d.Locations) {
			return &d.Locations[p]
		}
	}
	for i := range d.Locations {
		if l := &d.Locations[i]; l.IsPlace() && l.Country != "" {
			return l
		}
	}
	return nil
}

// trackFigure adds count i of d to its tracked figure (nil when the count
// is no trackable figure: no category, a percentage or a measure).
func trackFigure(tx store.CorpusTx, d *document.Document, i int, outlet string, opt Options) (*store.Figure, error) {
	c := &d.Counts[i]
	if c.Category == "" || c.Percent || c.Unit != "" || c.Currency != "" {
		return nil, nil
	}
	obj := strings.ToLower(c.Object)
	if cl, ok := objectClass[obj]; ok {
		obj = cl
	} else if obj == "" {
		obj = impliedObject[c.Category]
	}
	country, place := "", ""
	if l := countPlace(d, c); l != nil {
		country, place = l.Country, l.Name
	}
	key := c.Category + "|" + obj + "|" + country
	day := pubDay(d)
	var cands []store.Figure
	if day != store.Undated { // an undated report is a figure of its own
		from, to := span(day, opt.FigureWindow)
		var err error
		if cands, err = tx.FindFigures(key, from, to); err != nil {
			return nil, err
		}
	}
	var f *store.Figure
	for k := range cands {
		// a figure's period is FigureWindow days from its first report
		if day == store.Undated || cands[k].FirstDay == store.Undated || (day >= cands[k].LastDay-opt.FigureWindow && day <= cands[k].FirstDay+opt.FigureWindow) {
			f = &cands[k]
			break
		}
	}
	if f == nil {
		f = &store.Figure{Key: key, Category: c.Category, Object: obj, Country: country, Place: place, FirstDay: day, LastDay: day}
		if err := tx.SaveFigure(f); err != nil {
			return nil, err
		}
	}
	ix := d.Index()
	a, b := ix.Runes(c.Span)
	pub := ""
	if d.Published != nil {
		pub = d.Published.UTC().Format(time.RFC3339)
	}
	attr := c.AttributedName
	if c.AttributedTo >= 0 && c.AttributedTo < len(d.Entities) {
		attr = d.Entities[c.AttributedTo].Name
	}
	vs, err := tx.FigureValues(f.ID)
	if err != nil {
		return nil, err
	}
	for _, v := range vs {
		if v.Doc == d.ID && v.Value == c.Value && v.CountIndex != i {
			return f, nil // the article repeats its own figure
		}
	}
	added, err := tx.AddFigureValue(store.FigureValue{Figure: f.ID, Doc: d.ID, CountIndex: i, Outlet: outlet, Value: c.Value,
		Approx: c.Approx, Qualifier: c.Qualifier, Day: day, Published: pub, Attribution: attr, Text: d.Slice(c.Span), Start: a, End: b})
	if err != nil {
		return nil, err
	}
	if !added {
		return f, nil
	}
	if vs, err = tx.FigureValues(f.ID); err != nil {
		return nil, err
	}
	Assess(f, vs)
	if day != store.Undated {
		if f.FirstDay == store.Undated || day < f.FirstDay {
			f.FirstDay = day
		}
		if day > f.LastDay {
			f.LastDay = day
		}
	}
	if f.Place == "" {
		f.Place = place
	}
	return f, tx.SaveFigure(f)
}

// Tolerance is how far two values of a figure may differ and still agree
// (rounding in the reports): 5 % of the larger, at least 0.5; 10 % when
// either is approximate ("about", "dozens").
func Tolerance(a, b store.FigureValue) float64 {
	r := 0.05
	if a.Approx || b.Approx {
		r = 0.10
	}
	return math.Max(0.5, r*math.Max(math.Abs(a.Value), math.Abs(b.Value)))
}

// Assess fills f's summary from its values (in report order: day, then
// publication time): NumValues, Latest, Min, Max, Agreement (the share of
// values within Tolerance of the latest) and Contradiction with its Reason:
// two reports of one day that differ beyond rounding, or, for a cumulative
// category (KILL, WOUND, ...), a later report lower than an earlier one
// beyond rounding.
func Assess(f *store.Figure, vs []store.FigureValue) {
	vs = slices.Clone(vs)
	slices.SortStableFunc(vs, func(a, b store.FigureValue) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Published, b.Published))
	})
	f.NumValues = len(vs)
	f.Contradiction, f.Reason = false, ""
	if len(vs) == 0 {
		return
	}
	last := vs[len(vs)-1]
	f.Latest, f.Min, f.Max = last.Value, vs[0].Value, vs[0].Value
	agree := 0
	for _, v := range vs {
		f.Min, f.Max = math.Min(f.Min, v.Value), math.Max(f.Max, v.Value)
		if math.Abs(v.Value-last.Value) <= Tolerance(v, last) {
			agree++
		}
	}
	f.Agreement = math.Round(1000*float64(agree)/float64(len(vs))) / 1000
	if a, b, ok := contradiction(tollKind(f), vs); ok {
		f.Contradiction = true
		if cumulative[tollKind(f)] {
			f.Reason = fmt.Sprintf("%s reported %g on %s after %s reported %g on %s: a cumulative toll does not fall",
				b.Outlet, b.Value, DayString(b.Day), a.Outlet, a.Value, DayString(a.Day))
		} else {
			f.Reason = fmt.Sprintf("%s reported %g and %s %g on %s", a.Outlet, a.Value, b.Outlet, b.Value, DayString(a.Day))
		}
	}
}

// contradiction returns the first report b (in report order vs) that
// contradicts an earlier report a, a being the one b departs from most.
func contradiction(category string, vs []store.FigureValue) (a, b store.FigureValue, ok bool) {
	for j := 1; j < len(vs); j++ {
		b := vs[j]
		k := -1
		for i := 0; i < j; i++ {
			a := vs[i]
			switch {
			case cumulative[category] && a.Published < b.Published && a.Value-b.Value > Tolerance(a, b):
			case !cumulative[category] && a.Day == b.Day && math.Abs(a.Value-b.Value) > Tolerance(a, b):
			default:
				continue
			}
			if k < 0 || math.Abs(a.Value-b.Value) > math.Abs(vs[k].Value-b.Value) {
				k = i
			}
		}
		if k >= 0 {
			return vs[k], b, true
		}
	}
	return a, b, false
}

// Contradiction is why a figure's values disagree: Value (of Outlet, in a
// later report for a fallen toll) against Other (of OtherOutlet).
type Contradiction struct {
	Kind        string  `json:"kind"` // "cumulative_toll_fell" or "same_day_disagreement"
	Value       float64 `json:"value"`
	Outlet      string  `json:"outlet"`
	Other       float64 `json:"other"`
	OtherOutlet string  `json:"other_outlet"`
}

// tollKind is the category a figure's values are judged by: "" (no
// cumulative toll) for a rate such as livestock slaughtered ("290,000
// head"), else its category.
func tollKind(f *store.Figure) string {
	if rates[f.Object] {
		return ""
	}
	return f.Category
}

// Contradictions returns the contradiction of figure f's values (in any
// order), nil when they agree.
func Contradictions(f *store.Figure, vs []store.FigureValue) []Contradiction {
	category := tollKind(f)
	vs = slices.Clone(vs)
	slices.SortStableFunc(vs, func(a, b store.FigureValue) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Published, b.Published))
	})
	a, b, ok := contradiction(category, vs)
	if !ok {
		return nil
	}
	kind := "same_day_disagreement"
	if cumulative[category] {
		kind = "cumulative_toll_fell"
	}
	return []Contradiction{{Kind: kind, Value: b.Value, Outlet: b.Outlet, Other: a.Value, OtherOutlet: a.Outlet}}
}

// assignStory puts d in the story of the corpus events it touches,
// merging their stories (the smaller into the larger) when it touches
// several, or in a new story; its figures join that story.
func assignStory(tx store.CorpusTx, d *document.Document, t touched, evs []*store.CorpusEvent, figs []*store.Figure) (int64, error) {
	var stories []store.CorpusStory
	for _, id := range t.stories {
		s, ok, err := tx.Story(id)
		if err != nil {
			return 0, err
		}
		if ok {
			stories = append(stories, s)
		}
	}
	var st store.CorpusStory
	if len(stories) == 0 {
		title := d.Title
		if title == "" && len(d.Sentences) > 0 {
			title = d.Slice(d.Sentences[0].Span)
		}
		st = store.CorpusStory{Title: title, FirstDay: t.first, LastDay: t.last}
		if err := tx.SaveStory(&st); err != nil {
			return 0, err
		}
	} else {
		// the largest story (the oldest of equals) absorbs the others, so
		// that a merge moves the fewest rows
		slices.SortStableFunc(stories, func(a, b store.CorpusStory) int {
			return cmp.Or(cmp.Compare(b.NumArticles, a.NumArticles), cmp.Compare(a.ID, b.ID))
		})
		st = stories[0]
		for _, o := range stories[1:] {
			widen(&st, o.FirstDay, o.LastDay)
			st.NumArticles += o.NumArticles
			if err := tx.MergeStory(o.ID, st.ID); err != nil {
				return 0, err
			}
		}
		widen(&st, t.first, t.last)
	}
	// an event or figure matched twice by this article: its last copy is the freshest
	evs, figs = lastByID(evs, func(e *store.CorpusEvent) int64 { return e.ID }), lastByID(figs, func(f *store.Figure) int64 { return f.ID })
	for _, e := range evs {
		if e.Story != st.ID {
			e.Story = st.ID
			if err := tx.SaveEvent(e); err != nil {
				return 0, err
			}
		}
	}
	for _, f := range figs {
		if f.Story == 0 {
			f.Story = st.ID
			if err := tx.SaveFigure(f); err != nil {
				return 0, err
			}
		}
	}
	added, err := tx.AddStoryArticle(st.ID, d.ID)
	if err != nil {
		return 0, err
	}
	if added {
		st.NumArticles++
	}
	return st.ID, tx.SaveStory(&st)
}

func widen(s *store.CorpusStory, first, last int) {
	for _, d := range []int{first, last} {
		if d == store.Undated {
			continue
		}
		if s.FirstDay == store.Undated || d < s.FirstDay {
			s.FirstDay = d
		}
		if s.LastDay == store.Undated || d > s.LastDay {
			s.LastDay = d
		}
	}
}

// lastByID keeps, of elements with the same id, the last.
func lastByID[T any](xs []*T, id func(*T) int64) []*T {
	at := map[int64]int{}
	var out []*T
	for _, x := range xs {
		if i, ok := at[id(x)]; ok {
			out[i] = x
			continue
		}
		at[id(x)] = len(out)
		out = append(out, x)
	}
	return out
}

// aboutKey is what an article is about, for stories without a shared
// event: its three most mentioned named people and organisations (sorted)
// and its first place's country; "" when it names fewer than three.
func aboutKey(d *document.Document) string {
	type ent struct {
		name string
		n    int
	}
	var es []ent
	for _, e := range d.Entities {
		if (e.Type == document.Person || e.Type == document.Org) && e.Name != "" {
			es = append(es, ent{strings.ToLower(e.Name), len(e.Mentions)})
		}
	}
	if len(es) < 3 {
		return ""
	}
	slices.SortStableFunc(es, func(a, b ent) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name)) })
	names := []string{es[0].name, es[1].name, es[2].name}
	slices.Sort(names)
	country := ""
	for i := range d.Locations {
		if l := &d.Locations[i]; l.IsPlace() && l.Country != "" {
			country = l.Country
			break
		}
	}
	return strings.Join(names, "|") + "|" + country
}
