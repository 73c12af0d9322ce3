package events

// The story's main event: a vote over the lexicon matches of its lead.

import (
	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
)

// mainLead is how many sentences of a story the main-event vote reads
// trigger by trigger; beyond them only coded events vote (at the lowest
// weight), which keeps the vote's cost off long stories.
const mainLead = 10

// mainEvent decides the story's main event type: a vote over every lexicon
// match of the story's lead (trigger words with or without codable actors,
// since a story's main act often has an actor the coder cannot code), coded
// events counting double, the lead sentences weighing most because wire stories
// state the main event first. Negated matches do not vote; an announced or
// conditional material-conflict act votes as a threat of it. A headline
// (the document's title, as its first sentence) that names an event
// decides alone. evs are the document's coded events; the result points at
// the first of them with the winning type.
func (s *Stage) mainEvent(c *coder, evs []document.Event) *document.MainEvent {
	d := c.d
	type vote struct {
		w  float64 // the type's total weight
		m  Match   // the heaviest match of the type: the evidence
		mw float64 // its weight
	}
	votes := map[string]*vote{}
	head := map[string]*vote{}
	add := func(to map[string]*vote, typ string, w float64, m Match) {
		v := to[typ]
		if v == nil {
			to[typ] = &vote{w: w, m: m, mw: w}
			return
		}
		v.w += w
		if w > v.mw {
			v.m, v.mw = m, w
		}
	}
	weight := func(sent int) float64 { // by the sentence: 6, 2, then 1 up to the fifth
		if lead := []float64{6, 2, 1, 1, 1}; sent < len(lead) {
			return lead[sent]
		}
		return 0.5
	}
	for _, e := range evs {
		if e.Negated || e.Plover == "" {
			continue
		}
		code, _ := cameo.Lookup(e.Code)
		add(votes, voteType(e.Plover, e.Quad, e.Hypothetical), weight(e.Sentence),
			Match{Span: e.Span, Sentence: e.Sentence, Code: code, Plover: e.Plover, Mode: e.PloverMode})
	}
	titled := d.Title != "" && len(d.Sentences) > 0
	for _, m := range matchesWith(c, mainLead) {
		if m.Negated || m.Plover == "" {
			continue
		}
		typ := voteType(m.Plover, m.Code.Quad, m.Hypothetical)
		add(votes, typ, weight(m.Sentence), m)
		if titled && m.Sentence == 0 {
			add(head, typ, float64(m.Span.End-m.Span.Start), m)
		}
	}
	if len(head) > 0 {
		votes = head
	}
	best := ""
	for k, v := range votes {
		if best == "" || v.w > votes[best].w || v.w == votes[best].w && k < best {
			best = k
		}
	}
	if best == "" {
		return s.classifiedMain(c)
	}
	m := votes[best].m
	out := &document.MainEvent{Span: m.Span, Sentence: m.Sentence, Plover: best, PloverMode: m.Mode, Code: m.Code.Code, Event: -1}
	if best != m.Plover {
		out.PloverMode = "" // a threat of the matched act
	}
	for i, e := range evs {
		if !e.Negated && e.Plover == best && voteType(e.Plover, e.Quad, e.Hypothetical) == best {
			out.Event = i
			break
		}
	}
	return out
}

// voteType is the PLOVER type a trigger stands for in a story: a material
// conflict act that is only announced, planned or conditional ("to detain
// journalists if ...") is a threat of it.
func voteType(plover string, quad int, hypothetical bool) string {
	if hypothetical && quad == 4 {
		return "THREATEN"
	}
	return plover
}

// classifiedMain is the main-event step after the vote: when no trigger of
// the lead votes, the classifier's type over the headline and the first
// two sentences (the headline counting double) decides, if its mean
// probability reaches mainMinProb and beats NONE.
func (s *Stage) classifiedMain(c *coder) *document.MainEvent {
	m, d := s.model, c.d
	if m == nil || len(d.Sentences) == 0 {
		return nil
	}
	sum := make([]float64, len(m.Classes))
	w := 0.0
	for si := 0; si < len(d.Sentences) && si < 3; si++ {
		k := 1.0
		if si == 0 {
			k = 2
		}
		for i, p := range m.Probs(c.features(si)) {
			sum[i] += k * p
		}
		w += k
	}
	for i := range sum {
		sum[i] /= w
	}
	typ, p, none := m.Best(sum, None)
	if p < mainMinProb || p <= none {
		return nil
	}
	sent := d.Sentences[0]
	return &document.MainEvent{Span: sent.Span, Sentence: 0, Plover: typ, Code: typeCodes[typ], Event: -1}
}
