// Package events codes CAMEO events with their PLOVER type from the sentences,
// tokens, syntax and actor-coded mentions of a Document.
//
// An event's code is decided in named, ordered steps (extract --explain
// shows which): a lexicon pattern (lexicon.tsv, extensible by a user file,
// parsed in lexicon.go, matched in coder.go; "discard" lines hide the
// patterns inside a non-event phrase), then, for a sentence no pattern
// matches, the learned classifier (classify.go, trained by tools/eventtrain)
// with its roles read from the main predicate's frame (frame.go, learned.go;
// it needs the syntax layer). Sentence refinements of the matches:
// refine.go; sources and targets of pattern matches: actors.go (clause
// subjects, objects, passive agents, "from" phrases, possessors,
// coordination, the speaker of a quote for speech acts) reading each
// mention's actor code in context from the actors stage; prospects:
// background.go; document-level merging, dates and locations: document.go;
// the story's main event (vote, then classifier): main.go; precision gates
// (pages that are no news, soft sections, sourceless events): section.go;
// word lists: data/words.txt (words.go). An event is kept only when a side
// has a country (its source must, except for violence and coercion);
// Options.KeepUnsure relaxes both. Negated and hypothetical (future,
// conditional, proposed) events are kept but flagged; events inside
// reported speech are flagged Reported.
package events

import (
	"context"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/linear"
)

// Options configure the stage.
type Options struct {
	// Lexicon is an optional user lexicon file in the lexicon.tsv format; its
	// patterns extend the built-in ones.
	Lexicon string
	// KeepUnsure keeps events with no side that has a country and events
	// whose source names no country (see sourced). Off by default.
	KeepUnsure bool
}

// Stage is the event-coding pipeline stage. It is safe for concurrent use.
type Stage struct {
	lex   *Lexicon
	model *linear.Model
	opts  Options
}

// New returns the stage with the built-in lexicon extended by
// opts.Lexicon when set. It fails when the user lexicon cannot be read or
// parsed.
func New(opts Options) (*Stage, error) {
	lex, err := Builtin()
	if err != nil {
		return nil, err
	}
	if opts.Lexicon != "" {
		f, err := os.Open(opts.Lexicon)
		if err != nil {
			return nil, fmt.Errorf("events: open lexicon: %w", err)
		}
		defer f.Close()
		lex, err = ParseLexicon(f, opts.Lexicon, lex)
		if err != nil {
			return nil, err
		}
	}
	if err := wordsErr(); err != nil {
		return nil, fmt.Errorf("events: %w", err)
	}
	m, err := builtinModel()
	if err != nil {
		return nil, err
	}
	return &Stage{lex: lex, model: m, opts: opts}, nil
}

var builtin struct {
	once sync.Once
	lex  *Lexicon
	err  error
}

// Builtin returns the compiled built-in lexicon, parsed once and shared.
func Builtin() (*Lexicon, error) {
	builtin.once.Do(func() {
		builtin.lex, builtin.err = parseLexicon(builtinLexicon, "lexicon.tsv", nil)
	})
	return builtin.lex, builtin.err
}

// Name returns "events".
func (s *Stage) Name() string { return "events" }

// Requires returns the layers the coder reads: paragraphs, sentences,
// tokens, mentions, entities, their actor codes in context and the story
// setting, and the page's genre (a page that is no news has no events).
func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerParagraphs, document.LayerSentences, document.LayerTokens,
		document.LayerMentions, document.LayerEntities, document.LayerActors, document.LayerSetting, document.LayerGenre}
}

// Optional returns the layers that improve the events when their stages
// run: locations (an event's place), quotes (reported speech), topic (the
// sport and arts gate) and syntax (the frames of the classifier's step).
func (s *Stage) Optional() []document.Layer {
	return []document.Layer{document.LayerLocations, document.LayerQuotes, document.LayerTopic, document.LayerSyntax}
}

// Provides returns the events layer.
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerEvents} }

// Process codes d's events, replacing d.Events, and sets d.MainEvent.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if nonNews(d) {
		d.Events, d.MainEvent = nil, nil
		return nil
	}
	c := newCoder(s, d)
	c.ctx = ctx
	c.matched = make(map[int][]match, len(d.Sentences))
	d.Events = s.code(c)
	if err := ctx.Err(); err != nil {
		return err
	}
	d.MainEvent = s.mainEvent(c, d.Events)
	if d.Explain {
		c.explain(d.Events)
	}
	return nil
}

// Code returns d's events without modifying d.
func (s *Stage) Code(d *document.Document) []document.Event {
	if nonNews(d) {
		return nil
	}
	return s.code(newCoder(s, d))
}

// code codes the events of the coder's document.
func (s *Stage) code(c *coder) []document.Event {
	d := c.d
	var out []document.Event
	for si := range d.Sentences {
		if c.ctx != nil && si&63 == 0 && c.ctx.Err() != nil {
			return nil
		}
		evs := c.sentence(si)
		if len(evs) == 0 {
			evs = c.classified(si)
		}
		for _, e := range mutual(d, evs) {
			if !interaction(e) {
				continue
			}
			e = stateProtest(e)
			e.Plover, e.PloverMode = ploverFuture(e.Plover, e.PloverMode, e.Hypothetical)
			out = append(out, e)
		}
	}
	return s.sourced(market(softSection(d, finish(d, out))))
}

// mutual adds the other directions of a mutual act (policy rule 6):
// talks, meetings, negotiations, cooperation, agreements and joint exercises
// are done by each side with the other, so "X held talks with Y" is also Y's
// talks with X, and "X and Y signed a protocol with Z" is every pair of the
// three both ways. Visits, hosting and mediation have a direction and are not
// mirrored. An exchange ("X and Y swapped prisoners") is each side's act
// toward the other. Events are grouped by trigger; the work is linear in the
// sentence's events times the parties of one trigger.
func mutual(d *document.Document, evs []document.Event) []document.Event {
	n := len(evs)
	for i := 0; i < n; i++ {
		e := evs[i]
		if exchange(d, e) {
			evs = swapped(evs, i, false)
			n = len(evs)
			continue
		}
		if between(d, e) {
			// "fighting between X and Y", "talks between X and Y": the
			// parties are each other's source and target
			evs = swapped(evs, i, true)
			n = len(evs)
			continue
		}
		if !mutualCode(e.Code) && !fighting(d, e) || e.Source == nil || e.Target == nil || e.Source.Actor == "" || e.Target.Actor == "" {
			continue
		}
		if i > 0 && evs[i-1].Span == e.Span && evs[i-1].Code == e.Code {
			continue // the trigger's group was handled at its first event
		}
		// the parties of this trigger: its sources (coordinated subjects
		// act with each other too) and its targets (each acts back on
		// every source; targets of one act are not each other's partners)
		var srcs, tgts []*document.Participant
		hasS, hasT := map[string]bool{}, map[string]bool{}
		pairs := map[[2]string]bool{}
		for j := i; j < n && evs[j].Span == e.Span && evs[j].Code == e.Code; j++ {
			if p := evs[j].Source; p != nil && p.Actor != "" && !hasS[party(d, p)] {
				hasS[party(d, p)] = true
				srcs = append(srcs, p)
			}
			if p := evs[j].Target; p != nil && p.Actor != "" && !hasT[party(d, p)] {
				hasT[party(d, p)] = true
				tgts = append(tgts, p)
			}
			pairs[[2]string{party(d, evs[j].Source), party(d, evs[j].Target)}] = true
		}
		parties := maps.Clone(hasS)
		if maps.Copy(parties, hasT); len(parties) > 4 {
			continue // a list too long to be the parties of one act
		}
		add := func(a, b *document.Participant) {
			if party(d, a) == party(d, b) || pairs[[2]string{party(d, a), party(d, b)}] {
				return
			}
			pairs[[2]string{party(d, a), party(d, b)}] = true
			m := e
			m.Source, m.Target = a, b
			evs = append(evs, m)
		}
		for _, a := range srcs {
			for _, b := range srcs {
				add(a, b)
			}
		}
		for _, t := range tgts {
			for _, s := range srcs {
				add(t, s)
			}
		}
	}
	return evs
}

// exchange reports a trigger with no target whose coordinated sources act
// on each other: an exchange ("exchanged prisoners", "a prisoner swap") or
// a ceasefire agreed by both sides (0871).
func exchange(d *document.Document, e document.Event) bool {
	if e.Target != nil && e.Target.Actor != "" || e.Source == nil || e.Source.Actor == "" {
		return false
	}
	if e.Code == "0871" {
		return true
	}
	t := strings.ToLower(d.Slice(e.Span))
	return strings.Contains(t, "exchange") || strings.Contains(t, "swap")
}

// between reports a source-less mutual act between parties: "fighting
// between", "talks between".
func between(d *document.Document, e document.Event) bool {
	if actorOf(e.Source) != "" || actorOf(e.Target) == "" || !mutualCode(e.Code) && e.Code != "190" {
		return false
	}
	return strings.HasSuffix(strings.ToLower(d.Slice(e.Span)), "between")
}

// swapped replaces the one-sided events of the trigger at evs[i] (no target,
// or with byTarget no source) by one event per ordered pair of their
// parties, when there are two to four.
func swapped(evs []document.Event, i int, byTarget bool) []document.Event {
	e := evs[i]
	j := i
	var srcs []*document.Participant
	seen := map[string]bool{}
	for ; j < len(evs) && evs[j].Span == e.Span && evs[j].Code == e.Code; j++ {
		p, other := evs[j].Source, evs[j].Target
		if byTarget {
			p, other = other, p
		}
		if actorOf(other) != "" {
			break
		}
		if a := actorOf(p); a != "" && !seen[a] {
			seen[a] = true
			srcs = append(srcs, p)
		}
	}
	if len(srcs) < 2 || len(srcs) > 4 {
		return evs
	}
	var pairs []document.Event
	for _, a := range srcs {
		for _, b := range srcs {
			if a.Actor != b.Actor {
				m := e
				m.Source, m.Target = a, b
				pairs = append(pairs, m)
			}
		}
	}
	return slices.Concat(evs[:i], pairs, evs[j:])
}

// fighting reports a clash, a battle or an exchange of fire (190), which
// both sides fight: "X clashed with Y" is also Y's fighting with X.
func fighting(d *document.Document, e document.Event) bool {
	if e.Code != "190" {
		return false
	}
	t := strings.ToLower(d.Slice(e.Span))
	return strings.Contains(t, "clash") || strings.Contains(t, "exchange") || strings.Contains(t, "fighting") ||
		strings.Contains(t, "battle") || strings.HasPrefix(t, "fought")
}

// mutualCode reports the CAMEO codes of acts both sides do together.
func mutualCode(code string) bool {
	return !hasAnyPrefix(code, oneSidedCodes) && hasAnyPrefix(code, mutualCodes)
}

// namedNGO reports the code of a named non-governmental organisation
// ("NGOAMN" Amnesty International) or of a named intergovernmental one with
// no code of its own ("IGO": the Paris Club): a transnational actor with no
// country whose acts are news at country level, unlike a bare "NGO" role.
func namedNGO(code string) bool {
	return len(code) >= 6 && strings.HasPrefix(code, "NGO") || code == "IGO"
}

// interaction reports whether e is an interaction CAMEO codes: an
// investigation or a visit needs someone investigated or visited, a
// reduction of relations a partner, a resignation someone it yields to,
// consultations, material cooperation and demands a counterpart
// (data/words.txt [partnerRoots]: "the board was meeting today", "corn
// demand has been met" name none; a mediator of "the truce" is one), and a
// leader's trip inside their own country is no visit.
func interaction(e document.Event) bool {
	tgt, src := actorOf(e.Target), actorOf(e.Source)
	switch {
	case strings.HasPrefix(e.Code, "042"):
		return tgt != "" && !(len(tgt) == 3 && CountryOf(tgt) == tgt && CountryOf(src) == tgt)
	case partnerRoots[e.Root] && !strings.HasPrefix(e.Code, "045"), e.Code == "0831":
		// (reducing relations needs a recipient: "expelled the vessel"
		// from waters is no diplomatic expulsion)
		return tgt != ""
	}
	return true
}

// stateProtest recodes a protest act whose source is a government or an
// international body as the state act it is (data/words.txt
// [stateRecodes]): a ministry's protest over a dam is an official
// complaint (114).
func stateProtest(e document.Event) document.Event {
	src := actorOf(e.Source)
	if c, ok := cameo.Lookup(stateRecodes[e.Code]); ok && (strings.HasSuffix(src, "GOV") || strings.HasPrefix(src, "IGO")) {
		e.Code, e.Root, e.Quad, e.Goldstein, e.Plover, e.PloverMode = c.Code, c.Root, c.Quad, c.Goldstein, PloverOf(c), c.PloverMode
	}
	return e
}

// Match is one lexicon match, with or without actors.
type Match struct {
	Span         document.Span // the trigger's text
	Sentence     int           // index of the sentence in d.Sentences
	Code         cameo.Code    // the pattern's CAMEO code
	Plover, Mode string        // PLOVER type and mode of the match
	Negated      bool          // the trigger is negated
	Hypothetical bool          // the act is future, conditional or a prospect
}

// Matches returns every lexicon match in d in text order, whether or not
// actors were found (but not a verb whose subject is a natural hazard): the
// trigger layer a classifier can use.
func (s *Stage) Matches(d *document.Document) []Match {
	return matchesWith(newCoder(s, d), len(d.Sentences))
}

// matchesWith returns the matches of the first n sentences of the coder's
// document.
func matchesWith(c *coder, n int) []Match {
	d := c.d
	var out []Match
	for si := range min(n, len(d.Sentences)) {
		c.load(si)
		for _, m := range c.matchAll() {
			if m.p.verbal && c.hazardSubject(m.start) {
				continue // "floods killed", "the quake struck": no actor's act
			}
			hyp := c.hypothetical(m)
			typ, mode := ploverFuture(m.p.ploverOf(), m.p.modeOf(), hyp)
			out = append(out, Match{Span: c.span(m.start, m.end), Sentence: si, Code: m.p.code, Plover: typ, Mode: mode,
				Negated: c.negated(m.start), Hypothetical: hyp})
		}
	}
	return out
}

// ploverFuture applies the PLOVER manual's rule for announced retreats: a
// RETREAT that is only promised or planned ("would withdraw its troops")
// is a verbal CONCEDE.
func ploverFuture(typ, mode string, hypothetical bool) (string, string) {
	if hypothetical && typ == "RETREAT" {
		return "CONCEDE", ""
	}
	return typ, mode
}

// NewWithLexicon returns the stage over an already parsed lexicon.
func NewWithLexicon(lex *Lexicon, opts Options) *Stage {
	m, _ := builtinModel() // the embedded model parses (TestModel)
	return &Stage{lex: lex, model: m, opts: opts}
}
