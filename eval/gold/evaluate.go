package gold

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/events"
)

// Process is a pipeline's Process method: what Evaluate runs on each story.
type Process = func(context.Context, *document.Document) error

// The report layers Evaluate returns, in this order.
const (
	LayerEntities  = "gold/entities"
	LayerQuotes    = "gold/quotes"
	LayerCounts    = "gold/counts"
	LayerLocations = "gold/locations"
	LayerEvents    = "gold/events"
)

// Evaluate reads the gold file at path, builds each story's document
// (document.New(id, text) with Title and Published), runs process on it,
// converts it with Output and scores every layer against the gold. It returns
// one report per layer (entities, quotes, counts, locations, events). A story
// whose processing fails is counted as predicting nothing and named in the
// notes; Evaluate returns an error only when the gold cannot be read or ctx
// is done.
func Evaluate(ctx context.Context, path string, process Process) ([]*eval.Report, error) {
	stories, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	reps, err := Score(ctx, stories, process)
	if err != nil {
		return nil, err
	}
	for _, r := range reps {
		r.Data = path
	}
	return reps, nil
}

// Score runs process on each story and scores every layer; see Evaluate.
func Score(ctx context.Context, stories []*Story, process Process) ([]*eval.Report, error) {
	var sc scorer
	for _, s := range stories {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		d := document.New(s.ID, s.Text)
		d.Title = s.Title
		if t, ok := s.PublishedTime(); ok {
			d.Published = &t
		}
		out, err := run(ctx, d, process)
		if err != nil {
			sc.failures = append(sc.failures, fmt.Sprintf("%s: %v", s.ID, err))
			out = &document.Output{}
		}
		sc.add(s, out)
	}
	return sc.reports(len(stories)), nil
}

// run processes d and converts it to the output contract; a panic in the
// process or in the conversion (a span outside the text) becomes an error.
func run(ctx context.Context, d *document.Document, process Process) (out *document.Output, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("gold: panic: %v", r)
		}
	}()
	if err := process(ctx, d); err != nil {
		return nil, err
	}
	return d.Output(document.OutputOptions{}), nil
}

// scorer accumulates scores over stories.
type scorer struct {
	failures []string

	mentions, mentionSpan map[string]*eval.Score // by coarse type; "all" for the total
	actorGold, actorOK    int                    // gold entities with an actor code; correct codes
	actorMatched          int                    // of those, how many a predicted entity matched

	quotes, quotesDirect, quotesReported eval.Score
	quoteMatched, directOK, speakerGold  int
	speakerOK                            int

	countVO, countVOC, countSpan eval.Score

	locs                   eval.Score
	loc161, locCountryGold int
	locCountryOK           int
	errKm                  []float64

	events, eventsExact eval.Score
}

// coarse maps an output-contract entity type to the class scored:
// PER, ORG, LOC (GPE, LOC, FAC), NORP, MISC (the rest).
func coarse(t string) string {
	switch t {
	case "PERSON":
		return "PER"
	case "ORG":
		return "ORG"
	case "GPE", "LOC", "FAC":
		return "LOC"
	case "NORP":
		return "NORP"
	}
	return "MISC"
}

func (sc *scorer) score(m map[string]*eval.Score, k string) *eval.Score {
	if m[k] == nil {
		m[k] = &eval.Score{}
	}
	return m[k]
}

func (sc *scorer) add(s *Story, o *document.Output) {
	sc.addEntities(s, o)
	sc.addQuotes(s, o)
	sc.addCounts(s, o)
	sc.addLocations(s, o)
	sc.addEvents(s, o)
}

type spanKey struct{ a, b int }

func (sc *scorer) addEntities(s *Story, o *document.Output) {
	if sc.mentions == nil {
		sc.mentions = map[string]*eval.Score{}
		sc.mentionSpan = map[string]*eval.Score{}
	}
	gold := map[spanKey]string{}
	for _, e := range s.Entities {
		for _, m := range e.Mentions {
			gold[spanKey{m.Start, m.End}] = coarse(e.Type)
		}
	}
	pred := map[spanKey]string{}
	for _, m := range o.Mentions {
		if m.Kind != "" && m.Kind != string(document.Name) {
			continue
		}
		pred[spanKey{m.Start, m.End}] = coarse(m.Type)
	}
	for k, gt := range gold {
		pt, ok := pred[k]
		switch {
		case ok && pt == gt:
			sc.score(sc.mentions, gt).TP++
			sc.score(sc.mentions, "all").TP++
		default:
			sc.score(sc.mentions, gt).FN++
			sc.score(sc.mentions, "all").FN++
			if ok {
				sc.score(sc.mentions, pt).FP++
				sc.score(sc.mentions, "all").FP++
			}
		}
		if ok {
			sc.score(sc.mentionSpan, "all").TP++
		} else {
			sc.score(sc.mentionSpan, "all").FN++
		}
	}
	for k, pt := range pred {
		if _, ok := gold[k]; !ok {
			sc.score(sc.mentions, pt).FP++
			sc.score(sc.mentions, "all").FP++
			sc.score(sc.mentionSpan, "all").FP++
		}
	}
	// Actor codes: each gold entity with a code is matched to the predicted
	// entity of the same name, else to the one holding one of its mention spans.
	for _, e := range s.Entities {
		if e.Actor == "" {
			continue
		}
		sc.actorGold++
		pe := matchEntity(e, o)
		if pe == nil {
			continue
		}
		sc.actorMatched++
		if pe.Actor != nil && *pe.Actor == e.Actor {
			sc.actorOK++
		}
	}
}

func matchEntity(e Entity, o *document.Output) *document.OutEntity {
	for i := range o.Entities {
		if strings.EqualFold(o.Entities[i].Name, e.Name) {
			return &o.Entities[i]
		}
	}
	spans := map[spanKey]bool{}
	for _, m := range e.Mentions {
		spans[spanKey{m.Start, m.End}] = true
	}
	for _, m := range o.Mentions {
		if m.Entity != nil && *m.Entity >= 0 && *m.Entity < len(o.Entities) && spans[spanKey{m.Start, m.End}] {
			return &o.Entities[*m.Entity]
		}
	}
	return nil
}

// overlapHalf is issue 4's matching rule: the spans overlap by at least half
// of either one.
func overlapHalf(a0, a1, b0, b1 int) bool {
	ov := min(a1, b1) - max(a0, b0)
	if ov <= 0 {
		return false
	}
	return 2*ov >= a1-a0 || 2*ov >= b1-b0
}

// nameWords returns the lower-cased words of a name, without titles and
// function words, for speaker comparison.
func nameWords(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if !stopName[w] {
			m[w] = true
		}
	}
	return m
}

var stopName = map[string]bool{"the": true, "of": true, "a": true, "an": true, "and": true, "for": true, "in": true, "on": true, "mr": true, "mrs": true, "ms": true, "dr": true, "s": true}

func sharesWord(a, b string) bool {
	wa := nameWords(a)
	for w := range nameWords(b) {
		if wa[w] {
			return true
		}
	}
	return false
}

func (sc *scorer) addQuotes(s *Story, o *document.Output) {
	used := make([]bool, len(o.Quotes))
	for _, g := range s.Quotes {
		bucket := &sc.quotesReported
		if g.Direct {
			bucket = &sc.quotesDirect
		}
		j := -1
		for i, p := range o.Quotes {
			if !used[i] && overlapHalf(g.Start, g.End, p.Start, p.End) {
				j = i
				break
			}
		}
		if j < 0 {
			sc.quotes.FN++
			bucket.FN++
			continue
		}
		used[j] = true
		p := o.Quotes[j]
		sc.quotes.TP++
		bucket.TP++
		sc.quoteMatched++
		if p.Direct == g.Direct {
			sc.directOK++
		}
		if g.Speaker != "" {
			sc.speakerGold++
			if p.Speaker != nil && sharesWord(p.Speaker.Name, g.Speaker) {
				sc.speakerOK++
			}
		}
	}
	for i, p := range o.Quotes {
		if used[i] {
			continue
		}
		sc.quotes.FP++
		if p.Direct {
			sc.quotesDirect.FP++
		} else {
			sc.quotesReported.FP++
		}
	}
}

// objectHead normalizes a counted object to its head word: lower case, last
// word, a plural -s dropped, so "apartment blocks" and "block" compare equal.
func objectHead(s string) string {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return ""
	}
	h := f[len(f)-1]
	switch {
	case strings.HasSuffix(h, "ies") && len(h) > 4:
		h = h[:len(h)-3] + "y"
	case strings.HasSuffix(h, "ss"):
	case strings.HasSuffix(h, "s") && len(h) > 3:
		h = h[:len(h)-1]
	}
	return h
}

func valueKey(v float64) string { return fmt.Sprintf("%.6g", v) }

// multiset scores two multisets of keys.
func multiset(gold, pred []string) eval.Score {
	m := map[string]int{}
	for _, k := range gold {
		m[k]++
	}
	var s eval.Score
	for _, k := range pred {
		if m[k] > 0 {
			m[k]--
			s.TP++
		} else {
			s.FP++
		}
	}
	s.FN = len(gold) - s.TP
	return s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (sc *scorer) addCounts(s *Story, o *document.Output) {
	var gvo, gvoc, pvo, pvoc, gsp, psp []string
	for _, c := range s.Counts {
		vo := valueKey(c.Value) + "|" + objectHead(c.Object)
		gvo = append(gvo, vo)
		gvoc = append(gvoc, vo+"|"+c.Category)
		gsp = append(gsp, fmt.Sprintf("%d|%d|%s", c.Start, c.End, valueKey(c.Value)))
	}
	for _, c := range o.Counts {
		vo := valueKey(c.Value) + "|" + objectHead(deref(c.Object))
		pvo = append(pvo, vo)
		pvoc = append(pvoc, vo+"|"+deref(c.Category))
		psp = append(psp, fmt.Sprintf("%d|%d|%s", c.Start, c.End, valueKey(c.Value)))
	}
	sc.countVO.Add(multiset(gvo, pvo))
	sc.countVOC.Add(multiset(gvoc, pvoc))
	sc.countSpan.Add(multiset(gsp, psp))
}

// haversineKm is the great-circle distance between two points in km.
func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Min(1, math.Sqrt(a)))
}

func (sc *scorer) addLocations(s *Story, o *document.Output) {
	used := make([]bool, len(o.Locations))
	for i, p := range o.Locations {
		// The gold leaves out demonyms and places inside organisation
		// names (README): those predictions are neither right nor wrong.
		used[i] = p.Kind == document.LocDemonym || p.Kind == document.LocNested
	}
	for _, g := range s.Locations {
		j := -1
		for i, p := range o.Locations {
			if !used[i] && p.Start < g.End && g.Start < p.End {
				j = i
				break
			}
		}
		if j < 0 {
			sc.locs.FN++
			continue
		}
		used[j] = true
		p := o.Locations[j]
		sc.locs.TP++
		if g.Country != "" {
			sc.locCountryGold++
			if p.Country != nil && strings.EqualFold(*p.Country, g.Country) {
				sc.locCountryOK++
			}
		}
		if g.Feature == "country" {
			if p.Country != nil && strings.EqualFold(*p.Country, g.Country) {
				sc.loc161++
			}
		} else if p.Lat != nil && p.Lon != nil {
			d := haversineKm(g.Lat, g.Lon, *p.Lat, *p.Lon)
			sc.errKm = append(sc.errKm, d)
			if d <= 161 {
				sc.loc161++
			}
		}
	}
	for i := range o.Locations {
		if !used[i] {
			sc.locs.FP++
		}
	}
}

// country is the country part of an actor code as eval/events scores it:
// events.CountryOf, so role-only codes ("GOV") give "", IGOUNO gives UNO and
// IGOEEC gives EUR.
func country(actor string) string {
	return events.CountryOf(actor)
}

func actorCode(a *document.OutActor) string {
	if a == nil || a.Actor == nil {
		return ""
	}
	return *a.Actor
}

func (sc *scorer) addEvents(s *Story, o *document.Output) {
	var g3, gx, p3, px []string
	for _, e := range s.Events {
		g3 = append(g3, e.Root+"|"+country(e.Source)+"|"+country(e.Target))
		gx = append(gx, e.Code+"|"+e.Source+"|"+e.Target)
	}
	for _, e := range o.Events {
		if e.Negated || e.Hypothetical {
			continue
		}
		src, tgt := actorCode(e.Source), actorCode(e.Target)
		p3 = append(p3, e.Root+"|"+country(src)+"|"+country(tgt))
		px = append(px, e.Code+"|"+src+"|"+tgt)
	}
	sc.events.Add(multiset(g3, p3))
	sc.eventsExact.Add(multiset(gx, px))
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (sc *scorer) reports(n int) []*eval.Report {
	data := fmt.Sprintf("%d gold stories", n)
	notes := func(r *eval.Report) {
		for _, f := range sc.failures {
			r.Notes = append(r.Notes, "failed: "+f)
		}
	}
	ent := &eval.Report{Layer: LayerEntities, Data: data}
	ent.AddScore("mentions (span+type)", deref2(sc.mentions["all"]))
	for _, t := range []string{"PER", "ORG", "LOC", "NORP", "MISC"} {
		if x := sc.mentions[t]; x != nil {
			ent.AddScore("mentions "+t, *x)
		}
	}
	ent.AddScore("mentions (span only)", deref2(sc.mentionSpan["all"]))
	ent.AddMetric("actor accuracy", frac(sc.actorOK, sc.actorGold), "")
	ent.AddMetric("actor accuracy (matched)", frac(sc.actorOK, sc.actorMatched), "")
	ent.Notes = append(ent.Notes, "mentions: name mentions, exact span; types PERSON→PER, GPE/LOC/FAC→LOC, NORP, ORG, rest MISC",
		fmt.Sprintf("actor accuracy: %d of %d gold entities with a CAMEO code (entity matched by name, else by a mention span)", sc.actorOK, sc.actorGold))
	notes(ent)

	q := &eval.Report{Layer: LayerQuotes, Data: data}
	q.AddScore("quotes", sc.quotes)
	q.AddScore("direct", sc.quotesDirect)
	q.AddScore("reported", sc.quotesReported)
	q.AddMetric("direct flag accuracy", frac(sc.directOK, sc.quoteMatched), "")
	q.AddMetric("speaker accuracy", frac(sc.speakerOK, sc.speakerGold), "")
	q.Notes = append(q.Notes, "a quote matches when the overlap is at least half of either span; speaker correct when the predicted name shares a word with the gold speaker")
	notes(q)

	c := &eval.Report{Layer: LayerCounts, Data: data}
	c.AddScore("value+object", sc.countVO)
	c.AddScore("value+object+category", sc.countVOC)
	c.AddScore("span+value", sc.countSpan)
	c.Notes = append(c.Notes, "multisets per story; object compared by head word, plural -s dropped")
	notes(c)

	l := &eval.Report{Layer: LayerLocations, Data: data}
	l.AddScore("toponyms (overlap)", sc.locs)
	l.AddMetric("accuracy@161km", frac(sc.loc161, sc.locs.TP), "")
	l.AddMetric("country accuracy", frac(sc.locCountryOK, sc.locCountryGold), "")
	if len(sc.errKm) > 0 {
		e := append([]float64(nil), sc.errKm...)
		sort.Float64s(e)
		l.AddMetric("median error", e[len(e)/2], "km")
	}
	l.Notes = append(l.Notes, "accuracy and country accuracy over matched toponyms; a toponym predicted without coordinates counts as wrong; a country name counts as within 161 km when its country is right; median error over the other toponyms")
	notes(l)

	ev := &eval.Report{Layer: LayerEvents, Data: data}
	ev.AddScore("root+source+target country", sc.events)
	ev.AddScore("code+source+target exact", sc.eventsExact)
	ev.Notes = append(ev.Notes, "predicted events that are negated or hypothetical are not counted; country = events.CountryOf of the actor code (role-only codes give none, IGOUNO → UNO, IGOEEC → EUR)")
	notes(ev)
	return []*eval.Report{ent, q, c, l, ev}
}

func deref2(s *eval.Score) eval.Score {
	if s == nil {
		return eval.Score{}
	}
	return *s
}
