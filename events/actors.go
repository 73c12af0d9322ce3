package events

// Sources and targets: sentence codes a sentence's matches, finding each
// trigger's source and target from the sentence's structure (subjects,
// objects, "by" agents, possessors, coordination, passives, generic people
// and the setting country) and applying the precision gates on actors.

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/words"
)

// sentence codes the events of sentence si.
func (c *coder) sentence(si int) []document.Event {
	c.load(si)
	var out []document.Event
	seen := map[string]bool{}
	var prevTgts []int // targets of the previous verbal match in the sentence
	var prevSrcs []int // its subject
	prevEnd := -1
	for _, m := range c.matchAll() {
		code := m.p.code
		if c.background(m.start, m.end) {
			// "the 2009 raid", "jailed in 2012", "ever since the junta
			// took over in 2019": history, not the story's event
			continue
		}
		var srcs, tgts []int
		srcStep, tgtStep := "", ""
		verbal := m.p.verbal && !c.nounSubject(m) && !(m.end == m.start+1 && m.start > 0 && compoundModifiers[c.low(m.start-1)])
		if verbal {
			subj := c.subject(m.start)
			if len(prevSrcs) > 0 && prevEnd >= 0 && c.sharesSubject(prevEnd, m.start) {
				// "X denounced the raid as illegal and appealed to
				// France": a coordinated predicate keeps the first verb's
				// subject
				subj = prevSrcs
			} else if subj == nil {
				// "X said the vote was fair and called on the opposition
				// to ...": the speaker's second predicate
				subj, srcStep = c.speakerOfConjunct(m.start), "speaker's second predicate"
			}
			if c.passive(m.start) || c.reducedPassive(m.start) {
				tgts = subj
				srcs = c.agent(m.end)
				srcStep, tgtStep = "passive: by agent", "passive: subject"
				if len(srcs) == 0 && !c.byPhrase(m.end) {
					// "three soldiers were killed": an agentless passive
					// names no one who acted
					continue
				}
			} else {
				srcs = subj
				srcStep, tgtStep = "clause subject", "object"
				if m.target >= 0 && c.determinerPronoun(m.target) {
					// "called on his supporters": the pronoun is the
					// determiner of the object, not the object
					tgts = nil
				} else if m.target >= 0 {
					tgts = c.coord(m.target)
				} else {
					tgts = c.object(m.start+1, m.end, code, m.p)
				}
				if len(tgts) == 0 && code.Root == "12" {
					tgts, tgtStep = c.authorOf(m.end, false), "author of the thing rejected"
				}
			}
		} else if fromSrc := c.fromSource(m); fromSrc != nil {
			// "criticism from Moscow", "a complaint from the Chilean
			// government": the "from" phrase is the actor; who received
			// or drew it is the target ("Cambodia received a protest")
			srcs = fromSrc
			srcStep, tgtStep = "from phrase", "subject of the receiving verb"
			if rv := c.verbBefore(m.start, 6, receiveVerbs, true); rv >= 0 {
				tgts = c.subject(rv)
			}
		} else {
			srcs = c.possessor(m.start)
			srcStep, tgtStep = "possessor", "noun complement"
			if srcs == nil {
				srcs = c.agent(m.end)
				srcStep = "by agent"
			}
			if srcs == nil {
				if lv := c.verbBefore(m.start, 4, lightVerbs, false); lv >= 0 {
					srcs = c.subject(lv)
					srcStep = "subject of the light verb"
				}
			}
			if srcs == nil && code.Root == "04" {
				// "X and Y signed the text after two days of negotiations",
				// "X said at the close of his tour": talks framing the clause
				// are its subject's
				for k := m.start - 1; k >= 0 && k >= m.start-5; k-- {
					if c.isPunct(k) || c.mAt[k] >= 0 {
						break
					}
					if framingWords[c.low(k)] {
						j := k - 1 // a speech verb before the adjunct: its speaker
						for j > 0 && (isDet(c.tok(j)) || locPreps[c.low(j)]) {
							j--
						}
						if srcs = c.subject(k); srcs == nil && j >= 0 && speechCues[c.low(j)] {
							srcs = c.subject(j)
						}
						break
					}
				}
			}
			if m.target >= 0 {
				tgts = c.coord(m.target) // the pattern's X ("firms pulled out of X")
			} else {
				tgts = c.object(m.end, m.end, code, m.p)
			}
			if len(tgts) == 0 && code.Root >= "18" && code.Root <= "20" {
				// "a raid on bases held by the navy": the holder
				tgts, tgtStep = c.authorOf(m.end, true), "holder of the place attacked"
			}
			if len(srcs) == 0 && len(tgts) == 0 && symmetric(code) && c.between(m.end) {
				// "a first meeting between the two delegations"
				e := m.end
				if e < c.n && c.low(e) == "between" {
					e++
				}
				tgts = c.bothSides(min(e+3, c.n))
			}
		}
		srcs = c.withActors(srcs)
		tgts = c.withActors(tgts)
		if code.Root == "19" && c.mutual(code, m.start) {
			// "fighting broke out in Kisumu": where a fight happens is
			// no party to it
			tgts = c.parties(tgts)
		}
		if len(srcs) == 0 && speechRoots[code.Root] {
			if sp := c.quoteSpeaker(m.start); sp >= 0 {
				// "'We will not tolerate this,' the minister said": the
				// criticism, appeal or threat in a quote is the speaker's
				srcs, srcStep = []int{sp}, "quote speaker"
			}
		}
		var generic *document.Participant // "detained 22 people": civilians of the setting
		if len(tgts) == 0 && (code.Root >= "17" && code.Root <= "20" || code.Root == "02") &&
			len(srcs) > 0 && !hasAnyPrefix(c.low(m.start), judicialStems) {
			// a real actor acts on them ("the war has killed thousands of
			// people" has none); convicts hanged or sentenced are no
			// civilian population
			generic = c.genericObject(m.end)
		}
		if h := c.here(m.start, m.end); h != nil && code.Base() == "042" {
			tgts, generic = nil, h // "arrived here": the dateline's country
		}
		if verbal && len(tgts) == 0 && prevEnd >= 0 && sharedTarget(code) && c.conjoined(prevEnd, m.start) {
			// "met X in Baghdad and signed agreements": the second verb
			// of a coordinated predicate shares the first one's partner
			tgts, tgtStep = prevTgts, "shared with the coordinated verb"
		}
		if verbal && !c.passive(m.start) {
			prevTgts, prevSrcs, prevEnd = tgts, srcs, m.end
		}
		if len(tgts) == 0 && len(srcs) > 1 && symmetric(code) {
			// "Peru and Chile held talks": each is the other's target
			tgts, tgtStep = srcs, "each other (coordinated sources)"
		}
		if len(srcs) == 0 && len(tgts) == 0 && generic == nil || !c.s.opts.KeepUnsure && !c.anyCountry(srcs) && !c.anyCountry(tgts) && !c.anyNGO(srcs) &&
			(generic == nil || CountryOf(generic.Actor) == "") {
			// precision first: an event needs a side with a country
			continue
		}
		if generic != nil {
			tgts, tgtStep = []int{genericTarget}, "people of the setting"
		}
		if len(srcs) == 0 {
			srcs = []int{-1}
		}
		if len(tgts) == 0 {
			tgts = []int{-1}
		}
		if m.p.verbal && c.hazardSubject(m.start) {
			// "Floods kill dozens": nature is no actor
			continue
		}
		trig := c.span(m.start, m.end)
		c.step(trig, stepPattern, fmt.Sprintf("lexicon.tsv:%d %s", m.p.line, m.p.src), srcStep, tgtStep)
		neg := c.negated(m.start)
		hyp := c.hypothetical(m)
		rep := c.reported(m.start, m.end)
		for _, s := range srcs {
			for _, t := range tgts {
				sa, ta, tp := c.actor(s), c.actor(t), c.participant(t)
				if t == genericTarget {
					cp := *generic
					ta, tp = cp.Actor, &cp
				}
				if s >= 0 && t >= 0 && c.same(s, t) {
					continue
				}
				ecode, sp := code, c.participant(s)
				if repressive(ecode, sa, ta) {
					// police killing, shooting or attacking civilians and
					// protesters is repression (CAMEO 175), and police act at
					// home: the civilians take the police's country
					ecode = repression
					if tp != nil && CountryOf(ta) == "" && CountryOf(sa) != "" {
						ta = CountryOf(sa) + ta
						cp := *tp
						cp.Actor = ta
						tp = &cp
					}
				}
				key := party(c.d, sp) + "|" + ecode.Code + "|" + party(c.d, tp)
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, document.Event{
					Span: trig, Sentence: si, Code: ecode.Code, Root: ecode.Root, Quad: ecode.Quad,
					Goldstein: ecode.Goldstein, Plover: m.p.ploverOf(), PloverMode: m.p.modeOf(),
					Source: sp, Target: tp, Location: -1,
					Negated: neg, Hypothetical: hyp, Reported: rep, Evidence: []document.Span{trig},
				})
			}
		}
	}
	for i := range out {
		// "threatened to impose tariffs on Japan": a threat's target is
		// the target of the act it threatens
		if out[i].Root != "13" || out[i].Target != nil || out[i].Source == nil {
			continue
		}
		for _, act := range out[i+1:] {
			if act.Hypothetical && act.Target != nil && act.Source != nil && act.Source.Actor == out[i].Source.Actor &&
				strings.EqualFold(strings.TrimSpace(c.d.Slice(document.Span{Start: out[i].Span.End, End: act.Span.Start})), "to") {
				out[i].Target = act.Target
				if st, ok := c.steps[out[i].Span]; ok {
					st[3] = "target of the threatened act"
					c.steps[out[i].Span] = st
				}
				break
			}
		}
	}
	return out
}

// PloverOf returns the code's PLOVER type; CAMEO 02 (appeal), which PLOVER
// folds into REQUEST, maps there.
func PloverOf(c cameo.Code) string {
	if c.Plover != "" {
		return c.Plover
	}
	if c.Root == "02" {
		return "REQUEST"
	}
	return cameo.RootPlover(c.Root)
}

// withActors keeps the mentions of ms that have an actor code (all of
// them with Options.KeepUnsure).
func (c *coder) withActors(ms []int) []int {
	var out []int
	for _, m := range ms {
		if c.actor(m) != "" || c.s.opts.KeepUnsure {
			out = append(out, m)
		}
	}
	return out
}

// participant returns mention mi as an event participant, named by its
// entity when that has a name; nil for mi < 0.
func (c *coder) participant(mi int) *document.Participant {
	if mi < 0 {
		return nil
	}
	m := c.d.Mentions[mi]
	p := &document.Participant{Name: c.d.Slice(m.Span), Actor: c.actor(mi), Entity: m.Entity, Span: m.Span}
	if m.Entity >= 0 && m.Entity < len(c.d.Entities) && c.d.Entities[m.Entity].Name != "" {
		p.Name = c.d.Entities[m.Entity].Name
	}
	return p
}

// coord returns mention mi and the mentions coordinated with it ("India and
// Pakistan", "Iran, Iraq and Syria").
func (c *coder) coord(mi int) []int {
	out := []int{mi}
	firstComma := -1 // index in out of the first conjunct joined by a comma
	_, e := c.mentionRange(mi)
	for e+1 < c.n && (c.tok(e) == "and" || c.tok(e) == ",") {
		j := e + 1
		if c.tok(e) == "," && j < c.n && c.tok(j) == "and" {
			j++
		}
		if j < c.n && isDet(c.tok(j)) {
			j++
		}
		if j >= c.n || c.mAt[j] < 0 || c.mAt[j] == out[len(out)-1] {
			break
		}
		_, ne := c.mentionRange(c.mAt[j])
		if c.tok(e) == "," && c.low(e+1) != "and" && (ne >= c.n || c.tok(ne) != "," && !isAnd(c.low(ne)) && c.low(ne) != "or") {
			// "wounding two guards, Chilean officials said", "from the
			// bank, a Chilean official said": a comma coordinates only
			// inside a list that goes on
			break
		}
		if c.tok(e) == "," && firstComma < 0 {
			firstComma = len(out)
		}
		out = append(out, c.mAt[j])
		e = ne
	}
	if firstComma > 0 && e < c.n && speechCues[c.low(e)] {
		// "a raid on a market in Mali, police and witnesses said":
		// the list after the comma is the speakers
		out = out[:firstComma]
	}
	return out
}

// subject returns the subject mentions of a verb at token i: the leftmost
// actor mention of its clause, skipping locative phrases, parentheticals
// and subordinate clauses; a relative pronoun right before the verb points
// to the mention it follows.
func (c *coder) subject(i int) []int {
	// relative clause: "the militia, which attacked ..."
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := c.low(j)
		if c.isPunct(j) && w != "," {
			break
		}
		if w == "who" || w == "which" {
			k := j - 1
			if k >= 0 && c.tok(k) == "," {
				k--
			}
			if k >= 0 && c.mAt[k] >= 0 && c.actor(c.mAt[k]) != "" {
				return c.coord(c.mAt[k])
			}
			return nil
		}
	}
	if r := c.relativeBefore(i); r >= 0 {
		// "X, which owns the Lima, Quito and Bogota markets, opened
		// talks": the relative clause's words are no subject; its head,
		// before the comma, is
		if h := r - 2; h >= 0 && c.mAt[h] >= 0 && c.actor(c.mAt[h]) != "" {
			return c.coord(c.mAt[h])
		}
		return nil
	}
	if m := c.conjunctSubject(i); m >= 0 {
		return c.coord(m)
	}
	start := 0
	for j := i - 1; j >= 0; j-- {
		w := c.low(j)
		if clauseBreaks[w] || speechCues[w] || c.newlineBefore(j+1) {
			start = j + 1
			break
		}
	}
	// comma chunks, nearest first
	end := i
	last := true
	for end > start {
		cs := end
		for cs > start && c.tok(cs-1) != "," {
			cs--
		}
		if last {
			// a subordinate clause inside the trigger's chunk: "after
			// prosecutors accused him" takes its subject from there only
			for j := end - 1; j >= cs; j-- {
				if w := c.low(j); subordinators[w] && w != "including" && w != "according" {
					if m := c.leftmostActor(j+1, end); m >= 0 {
						return c.coord(m)
					}
					if j > cs {
						return nil
					}
				}
			}
			if m := c.leftmostActor(cs, end); m >= 0 {
				if h, b := c.listHead(c.d.TokenAt(c.d.Mentions[m].Start) - c.first); h >= 0 && b < start {
					m = h
				}
				return c.coord(m)
			}
			if pr := c.bothSides(i); pr != nil {
				return pr // "..., the two countries signed": the pair named before
			}
		} else {
			w := ""
			if cs < end {
				w = c.low(cs)
			}
			skip := subordinators[w] || strings.HasSuffix(w, "ing") || (strings.HasSuffix(w, "ed") && c.mAt[cs] < 0) || w == "a" || w == "an"
			if !skip {
				if m := c.leftmostActor(cs, end); m >= 0 {
					return c.coord(m)
				}
			}
		}
		if cs <= start {
			break
		}
		end = cs - 1 // skip the comma
		last = false
	}
	return nil
}

// authorOf returns the author a rejected thing names after "by" or "from"
// within eight tokens after e ("turned down a request by the farm lobby",
// "declined to take loans from the Bank of Chile"); a place after "from"
// is where, not who. With held, only the holder after "held by" counts
// ("shelling of villages held by the rebels").
func (c *coder) authorOf(e int, held bool) []int {
	for j := e; j < c.n-1 && j < e+8; j++ {
		w := c.low(j)
		if objectStops[w] || w == "," || c.newlineBefore(j) && j > e {
			return nil
		}
		if held && (w != "by" || j == 0 || c.low(j-1) != "held") || !held && w != "by" && w != "from" {
			continue
		}
		k := c.byHead(j + 1)
		if k >= c.n || c.mAt[k] < 0 || c.actor(c.mAt[k]) == "" {
			return nil
		}
		if t := c.d.Mentions[c.mAt[k]].Type; w == "from" && (t == document.GPE || c.actorIsPlaceLike(c.mAt[k])) {
			return nil
		}
		return c.coord(c.mAt[k])
	}
	return nil
}

// byHead returns the token of the name a "by" or "from" phrase at token k
// opens with, past a determiner, two lower-case modifiers and a title ("by
// the fired aide Colonel X"); k when there is none.
func (c *coder) byHead(k int) int {
	t := k
	for n := 0; t < c.n && c.mAt[t] < 0 && n < 3 && (n == 0 && isDet(c.tok(t)) || c.tok(t)[0] >= 'a' && c.tok(t)[0] <= 'z' && !objectStops[c.low(t)]); n++ {
		t++
	}
	if t = c.titleBefore(t); t < c.n && c.mAt[t] >= 0 {
		return t
	}
	return k
}

// relativeBefore returns the token of the "which" or "who" that opens a
// relative clause after a comma and closes, with a comma, at most three
// words before token i ("X, which ..., also began"), or -1.
func (c *coder) relativeBefore(i int) int {
	cc := -1
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if c.tok(j) == "," {
			cc = j
			break
		}
		if c.isPunct(j) || c.mAt[j] >= 0 {
			return -1
		}
	}
	for j := cc - 1; j >= 1; j-- {
		w := c.low(j)
		if c.isPunct(j) && w != "," || speechCues[w] {
			return -1
		}
		if (w == "which" || w == "who") && c.tok(j-1) == "," {
			return j
		}
	}
	return -1
}

// leftmostActor returns the first actor-coded mention in [a, b) that is not
// the object of a locative preposition, or -1.
func (c *coder) leftmostActor(a, b int) int {
	for j := a; j < b; j++ {
		mi := c.mAt[j]
		if mi < 0 {
			continue
		}
		s, e := c.mentionRange(mi)
		if s < j {
			continue
		}
		prev := ""
		if s > 0 {
			prev = c.low(s - 1)
			if isDet(prev) && s > 1 {
				prev = c.low(s - 2)
			}
		}
		if _, b := c.listHead(s); locPreps[prev] || prev == "of" && c.actorIsPlaceLike(mi) || b >= 0 && locPreps[c.low(b)] {
			j = e - 1
			continue
		}
		if c.actor(mi) != "" {
			return mi
		}
		j = e - 1
	}
	return -1
}

// listHead returns the first mention of the list that the mention at
// token s continues, -1 when it continues none, and the token before that
// first mention and its determiner: a list after a locative preposition is
// places ("in Lima, Quito and Bogota"), one opening its clause is all the
// subject ("Chile, Peru and Bolivia oppose the plan").
func (c *coder) listHead(s int) (head, before int) {
	head, before = -1, -1
	if s > 1 && isDet(c.tok(s-1)) {
		s--
	}
	for k := s - 1; k > 0 && (c.tok(k) == "," || c.low(k) == "and") && c.mAt[k-1] >= 0; k = before {
		ms, _ := c.mentionRange(c.mAt[k-1])
		if ms > 1 && isDet(c.tok(ms-1)) {
			ms--
		}
		head, before = c.mAt[k-1], ms-1
	}
	return head, before
}

func (c *coder) actorIsPlaceLike(mi int) bool {
	t := c.d.Mentions[mi].Type
	return t == document.Loc || t == document.FAC
}

// object returns the target mentions of a trigger whose words start at
// token a and end at e: the first actor mention from a+1 within 10 tokens
// after e, in the same clause and before any comma. Mentions after a
// locative preposition ("in Geneva") count only for attacks and fighting
// (roots 18-20), visits and calls for a ceasefire, and when the pattern
// itself ends with the preposition.
func (c *coder) object(a, e int, code cameo.Code, p *pattern) []int {
	endsPrep := false
	last := p.items[len(p.items)-1]
	if last.kind == itemWords {
		for _, al := range last.alts {
			endsPrep = endsPrep || objectPreps[al.word]
		}
	}
	physical := code.Root >= "18" || code.Root == "15" || code.Base() == "042" || code.Code == "0256" || code.Code == "1056"
	for j := a; j < c.n && j < e+10; j++ {
		w := c.low(j)
		if j >= e && (objectStops[w] || w == "," || w == "by") || j > a && c.newlineBefore(j) {
			return nil
		}
		if j >= e && code.Root < "17" && !physical && w == "to" && c.infinitive(j+1) {
			// "pressed the parties to come back to Doha": the object
			// phrase ends where the infinitive complement begins
			return nil
		}
		mi := c.mAt[j]
		if mi < 0 {
			continue
		}
		s, me := c.mentionRange(mi)
		if s < a {
			j = me - 1
			continue
		}
		// a locative preposition up to three words before the mention (or
		// the modifier standing for it): "marched through central Dhaka"
		from := s
		if j < from {
			from = j
		}
		loc := false
		for k := from - 1; k >= a && k >= from-3; k-- {
			w := c.low(k)
			if (words.LocativePreps[w] || topicPreps[w] && sharedTarget(code)) && !(w == "at" && k+1 < c.n && (c.low(k+1) == "least" || c.low(k+1) == "most")) {
				// (a topic, "a deal on coast guard cooperation", is no
				// partner either)
				loc = true
				break
			}
			if c.isPunct(k) || c.mAt[k] >= 0 || locPreps[w] || w == "of" || w == "against" {
				break // another preposition heads the phrase ("aid to Yemen")
			}
		}
		k := from - 1
		if k >= 1 && isDet(c.tok(k)) {
			k--
		}
		if loc && k >= 1 && c.low(k) == "from" && delegates[c.low(k-1)] {
			loc = false // "envoys from the government", "delegations from Sudan's army": who they represent
		}
		if loc && !physical && !(endsPrep && from-1 <= e) {
			j = me - 1
			continue
		}
		if me == s+1 && c.low(s) == "official" && me < c.n && c.mAt[me] < 0 && c.d.Tokens[c.first+me].Kind == document.Word &&
			c.tok(me)[0] >= 'a' && c.tok(me)[0] <= 'z' {
			// "rejected the official results": the adjective, no official
			j = me - 1
			continue
		}
		if c.actor(mi) == "" || me <= e && (CountryOf(c.actor(mi)) == "" || s > a && possPronouns[c.low(s-1)]) ||
			possPronouns[c.low(s)] && me == s+1 {
			// no code, a role word inside the trigger ("held military
			// drills"), or a possessive pronoun, which is the determiner of
			// the object, not the object ("met his counterpart")
			j = me - 1
			continue
		}
		return c.coord(mi)
	}
	return nil
}

// agent returns the mentions of a "by" phrase within 8 tokens after e.
func (c *coder) agent(e int) []int {
	for j := e; j < c.n && j < e+8; j++ {
		w := c.low(j)
		if w == ";" || w == "," && j > e+1 || objectStops[w] && w != "and" {
			return nil
		}
		if w == "by" {
			if k := c.byHead(j + 1); k < c.n && c.mAt[k] >= 0 {
				return c.coord(c.mAt[k])
			}
			return nil
		}
	}
	return nil
}

// fromSource returns the actor of a nominal match whose pattern ends in
// "from" or "by" ("criticism from Moscow", "an appeal by Egypt"): the mention after the preposition,
// past a determiner and up to three modifiers; nil when there is none.
func (c *coder) fromSource(m match) []int {
	if m.end < 1 || m.end > c.n || c.low(m.end-1) != "from" && c.low(m.end-1) != "by" {
		return nil
	}
	last := m.p.items[len(m.p.items)-1]
	if last.kind != itemWords {
		return nil
	}
	for k := m.end; k < c.n && k <= m.end+3; k++ {
		if c.mAt[k] >= 0 {
			return c.coord(c.mAt[k])
		}
		if c.isPunct(k) || objectStops[c.low(k)] {
			return nil
		}
	}
	return nil
}

// possessor returns the possessor of a nominal trigger ("Sudan's shelling",
// "its trade pact") or an adjacent actor modifier ("Russian shelling").
func (c *coder) possessor(i int) []int {
	j := i - 1
	if j >= 1 && c.mAt[j] < 0 && !c.isPunct(j) && !isDet(c.tok(j)) && (possPronouns[c.low(j-1)] || c.tok(j-1) == "'s" || c.tok(j-1) == "’s") {
		j-- // one modifier after a possessive
	}
	if j >= 0 && isDet(c.tok(j)) && c.low(j) != "its" && c.low(j) != "their" {
		return nil
	}
	if j >= 1 && (c.tok(j) == "'s" || c.tok(j) == "’s" || c.tok(j) == "'") {
		j--
	}
	if j >= 0 && c.mAt[j] >= 0 {
		return []int{c.mAt[j]}
	}
	return nil
}

// verbBefore returns the token index of a form of one of verbs within
// window tokens before a nominal trigger at i ("held talks", "launched a
// wave of airstrikes", "received a protest"), or -1; punctuation ends the
// search, and with names an actor mention does too.
func (c *coder) verbBefore(i, window int, verbs []string, names bool) int {
	for j := i - 1; j >= 0 && j >= i-window; j-- {
		if c.isPunct(j) || names && c.mAt[j] >= 0 {
			return -1
		}
		if slices.ContainsFunc(verbs, func(v string) bool { return inflects(c.tok(j), v) }) {
			return j
		}
	}
	return -1
}

// reported reports whether the trigger is inside reported content: inside a
// quote (when the quotes layer is filled), after a speech cue, or before a
// trailing ", X said".
func (c *coder) reported(a, b int) bool {
	if len(c.d.Quotes) > 0 {
		return c.quoted(c.d.Tokens[c.first+a].Start)
	}
	for j := 0; j < c.n; j++ {
		if j >= a && j < b {
			continue
		}
		w := c.low(j)
		if speechCues[w] {
			if j < a || j > b && slices.ContainsFunc(c.d.Tokens[c.first+b:c.first+j], func(t document.Token) bool { return c.d.Text[t.Start:t.End] == "," }) {
				return true
			}
		}
	}
	return false
}

// same reports whether mentions a and b are one actor: the same entity, or
// the same code under the same words.
func (c *coder) same(a, b int) bool {
	ma, mb := c.d.Mentions[a], c.d.Mentions[b]
	if a == b || ma.Entity >= 0 && ma.Entity == mb.Entity {
		return true
	}
	return c.actor(a) == c.actor(b) && strings.EqualFold(c.d.Slice(ma.Span), c.d.Slice(mb.Span))
}

// symmetric reports codes whose coordinated subjects act on each other:
// consultations, agreements, cooperation and fighting.
func symmetric(c cameo.Code) bool {
	if symmetricRoots[c.Root] {
		return !hasAnyPrefix(c.Code, oneSidedCodes) // (visits, hosting, mediation)
	}
	return symmetricBases[c.Base()]
}

func (p *pattern) ploverOf() string {
	if p.plover != "" {
		return p.plover
	}
	return PloverOf(p.code)
}

func (p *pattern) modeOf() string {
	if p.plover != "" {
		return p.mode
	}
	return p.code.PloverMode
}

// anyCountry reports whether one of the mentions has a country-level code.
func (c *coder) anyCountry(ms []int) bool {
	return slices.ContainsFunc(ms, func(m int) bool { return m >= 0 && CountryOf(c.actor(m)) != "" })
}

// sharedTarget reports codes whose partner a coordinated second verb takes
// over from the first: consultation, agreement and cooperation (roots 03-06).
func sharedTarget(c cameo.Code) bool { return c.Root >= "03" && c.Root <= "06" }

// conjoined reports whether the words between tokens a and b join two
// predicates of one subject: an "and" and no actor mention or clause break.
func (c *coder) conjoined(a, b int) bool {
	and := false
	for j := a; j < b; j++ {
		w := c.low(j)
		if w == ";" || clauseBreaks[w] || subordinators[w] || speechCues[w] {
			return false
		}
		if w == "and" {
			and = true
			if j+1 != b {
				return false // the verb follows the "and" directly
			}
		}
	}
	return and
}

// newlineBefore reports a line break between token j-1 and token j: a
// headline or dateline ends there even when no punctuation does.
func (c *coder) newlineBefore(j int) bool {
	if j <= 0 || j >= c.n {
		return false
	}
	gap := c.d.Text[c.d.Tokens[c.first+j-1].End:c.d.Tokens[c.first+j].Start]
	i := strings.IndexByte(gap, '\n')
	if i < 0 {
		return false
	}
	if !c.wrapped {
		return true
	}
	// hard-wrapped copy breaks its lines anywhere: only a blank line or an
	// indented line ends a headline or dateline there
	rest := gap[i+1:]
	return strings.IndexByte(rest, '\n') >= 0 || rest != "" && (rest[0] == ' ' || rest[0] == '\t')
}

// hardWrapped reports text broken into lines of similar length inside its
// paragraphs (wire copy such as Reuters-21578 at about 65 characters): at
// least three lines, and half of all lines, run 40 to 80 characters to a
// line break that no sentence punctuation ends.
func hardWrapped(text string) bool {
	lines := strings.Split(text, "\n")
	wrapped, nonEmpty := 0, 0
	for k, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		nonEmpty++
		if k+1 < len(lines) && len(l) >= 40 && len(l) <= 80 && !strings.ContainsAny(t[len(t)-1:], ".!?\"'”:") {
			wrapped++
		}
	}
	return wrapped >= 3 && wrapped*2 >= nonEmpty
}

// repression is CAMEO 175, "use tactics of violent repression".
var repression, _ = cameo.Lookup("175")

// repressive reports an assault, a killing or a shooting (roots 18 to 20)
// by police (role COP) against civilians or protesters (a target whose
// code is a civilian or opposition role), which CAMEO codes 175.
func repressive(code cameo.Code, src, tgt string) bool {
	if code.Root < "18" || code.Root > "20" || !strings.HasSuffix(src, "COP") || tgt == "" {
		return false
	}
	return strings.HasSuffix(tgt, "CVL") || strings.HasSuffix(tgt, "OPP")
}

// clauseBreak reports a clause boundary between tokens a and b of the
// sentence: a semicolon, a colon, or "and", "but" or "while" opening a new
// clause ("accused X of Y, and police arrested 10").
func (c *coder) clauseBreak(a, b int) bool {
	for j := a; j < b && j < c.n; j++ {
		if w := c.low(j); clauseJoints[w] && (w != "and" || j > 0 && c.low(j-1) == ",") {
			return true
		}
	}
	return false
}

// conjunctSubject returns the actor mention that opens a second clause of a
// coordination right before the verb at token i ("the rebels freed two
// soldiers and Colombia released three fighters": Colombia), or -1. The
// mention must
// follow "and" or "but" whose preceding word is no actor mention (which
// would make it a coordinated subject, "India and Pakistan signed"), with
// at most one word between the mention and the verb.
func (c *coder) conjunctSubject(i int) int {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		mi := c.mAt[j]
		if mi < 0 {
			if c.isPunct(j) {
				return -1
			}
			continue
		}
		if c.actor(mi) == "" {
			return -1
		}
		s, _ := c.mentionRange(mi)
		k := s - 1
		if k < 1 || (c.low(k) != "and" && c.low(k) != "but") || c.mAt[k-1] >= 0 || c.isPunct(k-1) {
			return -1
		}
		return mi
	}
	return -1
}

// infinitive reports a lowercase word at token j that reads as the base form
// of a verb after "to": not a determiner, pronoun, number or plural noun.
func (c *coder) infinitive(j int) bool {
	if j >= c.n || c.d.Tokens[c.first+j].Kind != document.Word {
		return false
	}
	t := c.tok(j)
	if t[0] < 'a' || t[0] > 'z' || isDet(t) || possPronouns[t] || c.mAt[j] >= 0 {
		return false
	}
	return !strings.HasSuffix(t, "s") || strings.HasSuffix(t, "ss")
}

// sharesSubject reports whether the verb at token b is the second predicate
// of a coordination whose first verb ends at token a ("condemned the strike
// and called on", "attacked the town and then burned homes"): an "and" right
// before the verb (an adverb may stand between), no actor mention between
// the "and" and the verb (which would open a clause with its own subject),
// no speech verb, semicolon or colon between the two verbs, and a finite
// second verb (not a participle).
func (c *coder) sharesSubject(a, b int) bool {
	if b+1 < c.n && auxiliaries[c.low(b+1)] {
		return false // "and clashes were reported": a noun, the next clause's subject
	}
	if strings.HasSuffix(c.low(b), "ing") {
		// "imposed sanctions, freezing assets and banning travel": a
		// participle elaborates the first act, it is no second one
		return false
	}
	k := b - 1
	for k > a && coordAdverbs[c.low(k)] {
		k--
	}
	if k <= a || c.low(k) != "and" {
		return false
	}
	for j := a; j < k; j++ {
		w := c.low(j)
		if w == ";" || w == ":" || speechCues[w] || c.newlineBefore(j) {
			return false
		}
	}
	return true
}

// genericTarget stands in a target list for the civilians a generic noun
// names ("detained 22 people"); see genericObject.
const genericTarget = -2

// genericObject returns the civilians named by a plain noun right after a
// trigger ending at token e ("detained 22 people", "killed at least 12
// men and women") as a participant coded CVL with the sentence's setting
// country (policy rules 1 and 5), or nil. Only numbers, quantifiers and
// adjectives may stand between.
func (c *coder) genericObject(e int) *document.Participant {
	for j := e; j < c.n && j < e+8; j++ {
		w := c.low(j)
		if civilianNouns[w] {
			if c.mAt[j] >= 0 {
				return nil
			}
			sp := c.span(j, j+1)
			cc := c.sentenceSetting(true)
			return &document.Participant{Name: c.d.Slice(sp), Actor: cc + "CVL", Entity: -1, Span: sp}
		}
		if mi := c.mAt[j]; mi >= 0 {
			// "hundreds of Mondlane supporters": a name modifying the noun
			if _, me := c.mentionRange(mi); me < c.n && civilianNouns[c.low(me)] {
				j = me - 1
				continue
			}
		}
		if w == "to" && j+1 < c.n && (c.low(j+1) == "disperse" || c.low(j+1) == "break") {
			j++ // "used water cannon to break up the march"
			continue
		}
		if c.mAt[j] >= 0 || c.isPunct(j) || objectStops[w] || w == "by" || locPreps[w] && w != "of" {
			return nil
		}
	}
	return nil
}

// here returns a dateline anaphor ("here") in a trigger's tokens [a, e)
// or the two after them as the dateline's country, or nil.
func (c *coder) here(a, e int) *document.Participant {
	for j := a; j < c.n && j < e+2 && c.d.Setting.Dateline != ""; j++ {
		if datelineAnaphors[c.low(j)] {
			sp := c.span(j, j+1)
			return &document.Participant{Name: c.d.Slice(sp), Actor: c.d.Setting.Dateline, Entity: -1, Span: sp}
		}
	}
	return nil
}

// sentenceSetting returns the setting country of the current sentence
// (the actors stage's document.SentenceSetting), "" when it is not one
// country. For victims (people acted upon: "killed five people in Khan
// Younis") the one country of the places the sentence names decides even
// when an actor of another country appears: the attacker's country is
// stated with the attacker.
func (c *coder) sentenceSetting(victims bool) string {
	st := c.d.SentenceSetting(c.si)
	if victims && st.Places != "" {
		return st.Places
	}
	return st.Country
}

// nounSubject reports a one-word verbal match that reads as a noun
// subject: a plural or "-ing" form followed by a form of "be" or "have"
// ("clashes were reported", "fighting has spread").
func (c *coder) nounSubject(m match) bool {
	if m.end != m.start+1 || m.end >= c.n || !auxiliaries[c.low(m.end)] {
		return false
	}
	w := c.low(m.start)
	return strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ing")
}

// hasAnyPrefix reports whether s starts with one of prefixes.
func hasAnyPrefix(s string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(s, p) })
}

// bothSides returns the two parties that "the two sides", "both
// delegations" (right before the trigger at token i, up to three words
// between) or a clause-initial "Both" right before it stand for: the last
// coordination of two different actors with a country in this sentence
// before the phrase or in the two sentences before ("Ishiba and Lee met
// ... The two sides agreed"), or nil.
func (c *coder) bothSides(i int) []int {
	found := -1
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if j >= 1 && pairNouns[c.low(j)] && (c.low(j-1) == "both" || c.low(j-1) == "two") {
			found = j - 1
			break
		}
		if j == i-1 && c.low(j) == "both" && (j == 0 || c.isPunct(j-1)) {
			found = j // "Both exchanged prisoners": the pronoun
			break
		}
	}
	if found < 0 {
		return nil
	}
	limit := c.d.Tokens[c.first+found].Start
	for si := c.si; si >= 0 && si >= c.si-2; si-- {
		ms := c.mentionsBySent[si]
		for k := len(ms) - 1; k >= 1; k-- {
			a, b := ms[k-1], ms[k]
			ma, mb := c.d.Mentions[a], c.d.Mentions[b]
			if mb.Start >= limit {
				continue
			}
			ca, cb := CountryOf(c.codes[a]), CountryOf(c.codes[b])
			if ca == "" || cb == "" || c.codes[a] == c.codes[b] || ma.Entity >= 0 && ma.Entity == mb.Entity || ma.End > mb.Start {
				continue
			}
			gap := strings.TrimSpace(strings.ToLower(c.d.Text[ma.End:mb.Start]))
			if gap == "and" || gap == "and the" {
				return []int{a, b}
			}
		}
	}
	return nil
}

// determinerPronoun reports a possessive pronoun mention followed by a
// word that is no mention ("his supporters", "their families").
func (c *coder) determinerPronoun(mi int) bool {
	s, e := c.mentionRange(mi)
	return e == s+1 && possPronouns[c.low(s)] && e < c.n && c.mAt[e] < 0 && c.d.Tokens[c.first+e].Kind == document.Word
}

// anyNGO reports whether the mentions include a named non-governmental
// organisation ("Human Rights Watch", NGOHRIHRW), which is a valid source
// without a country (see namedNGO).
func (c *coder) anyNGO(ms []int) bool {
	return slices.ContainsFunc(ms, func(m int) bool { return m >= 0 && namedNGO(c.actor(m)) })
}

// speakerOfConjunct returns the subject of a speech or reporting verb
// whose predicate the verb at token i continues ("X said the vote had been
// fair and called on ...", "She said more snow was likely and told
// drivers ..."): i follows "and" (an adverb may stand between),
// the nearest clause opener before it is a speech verb or "that" whose
// own subject is an actor, and no actor mention stands between that opener
// and the verb. It returns nil otherwise.
func (c *coder) speakerOfConjunct(i int) []int {
	k := i - 1
	for k > 0 && coordAdverbs[c.low(k)] {
		k--
	}
	if k <= 0 || c.low(k) != "and" {
		return nil
	}
	for j := k - 1; j > 0; j-- {
		w := c.low(j)
		if w == ";" || w == ":" || c.newlineBefore(j+1) {
			return nil
		}
		if c.mAt[j] >= 0 && c.actor(c.mAt[j]) != "" {
			return nil // the complement has an actor of its own
		}
		if speechCues[w] || w == "that" || warnVerbs[w] {
			if w == "that" && j > 0 && !speechCues[c.low(j-1)] && !warnVerbs[c.low(j-1)] {
				return nil // a relative "that"
			}
			if w == "that" {
				j--
			}
			return c.subject(j)
		}
	}
	return nil
}

// quoteSpeaker returns the mention of the speaker of the direct quote
// holding relative token i (the attribution's own mention, else the
// speaker entity's nearest mention with an actor code), -1 when there is
// none. Reported speech names its own actors ("X, who urged Y ..., officials
// said" is X's appeal, not the officials').
func (c *coder) quoteSpeaker(i int) int {
	off := c.d.Tokens[c.first+i].Start
	for _, q := range c.d.Quotes {
		if q.Speaker == nil || !q.Direct || off < q.Start || off >= q.End {
			continue
		}
		best := -1
		for mi, m := range c.d.Mentions {
			if c.actor(mi) == "" {
				continue
			}
			if m.Span == q.Speaker.Span {
				return mi
			}
			if q.Speaker.Entity >= 0 && m.Entity == q.Speaker.Entity && (best < 0 || max(m.Start-q.Speaker.Start, q.Speaker.Start-m.Start) < max(c.d.Mentions[best].Start-q.Speaker.Start, q.Speaker.Start-c.d.Mentions[best].Start)) {
				best = mi
			}
		}
		return best
	}
	return -1
}

// hazardSubject reports whether the clause before the verb at i is about a
// natural hazard with no actor mention: the words between the clause start
// and the verb hold a hazard noun and no actor-coded mention.
func (c *coder) hazardSubject(i int) bool {
	found := false
	for j := i - 1; j >= 0 && j >= i-6; j-- {
		w := c.low(j)
		if c.isPunct(j) && w != "-" || clauseBreaks[w] {
			break
		}
		if c.mAt[j] >= 0 && c.actor(c.mAt[j]) != "" {
			return false
		}
		if hazards[w] {
			found = true
		}
	}
	return found
}

// reducedPassive reports a past participle used as a reduced relative
// clause after a number ("among 39 seized from a school", "the 22
// abducted in March"): its subject is the patient, not the doer.
func (c *coder) reducedPassive(i int) bool {
	if i == 0 || !strings.HasSuffix(c.low(i), "ed") {
		return false
	}
	if c.d.Tokens[c.first+i-1].Kind == document.Number {
		return true
	}
	// "two engineers seized at a mine", "critics arrested in a
	// crackdown": a verb that always takes an object, right after a
	// mention and followed by a preposition, is a participle
	if i+1 >= c.n || !c.nounBefore(i) || !objectVerbs[strings.TrimSuffix(c.low(i), "ed")] {
		return false
	}
	// "killed at least 30": a quantity, the object follows
	return participleFollowers[c.low(i+1)] || c.low(i+1) == "at" && i+2 < c.n && c.low(i+2) != "least" && c.low(i+2) != "most"
}

// byPhrase reports a "by" within the clause up to 8 tokens after e.
func (c *coder) byPhrase(e int) bool {
	for j := e; j < c.n && j < e+8; j++ {
		w := c.low(j)
		if w == "by" {
			return true
		}
		if w == ";" || w == "," || objectStops[w] && w != "and" {
			return false
		}
	}
	return false
}

// nounBefore reports a mention or a plural noun (a lower-case word ending
// in "s") right before token i.
func (c *coder) nounBefore(i int) bool {
	if i == 0 {
		return false
	}
	if c.mAt[i-1] >= 0 {
		return true
	}
	w := c.tok(i - 1)
	return len(w) > 3 && w[0] >= 'a' && w[0] <= 'z' && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		c.d.Tokens[c.first+i-1].Kind == document.Word
}

// mutual reports whether the act of a trigger starting at token i binds
// both parties alike, so that "X <act> with Y" is also Y's act toward X
// (policy rule 6): consultations, meetings and negotiations (040, 041, 044,
// 046), cooperation (050), signed agreements (057, but not brokering one)
// and fighting ("clashed with", "fought").
func (c *coder) mutual(code cameo.Code, i int) bool {
	w := c.low(i)
	if b := code.Base(); mutualBases[b] {
		return b != "057" || !strings.HasPrefix(w, "broker")
	}
	return code.Root == "19" && hasAnyPrefix(w, fightStems)
}

// parties returns the mentions of ms that are not places after a locative
// preposition.
func (c *coder) parties(ms []int) []int {
	var out []int
	for _, m := range ms {
		if m < 0 || !words.Locative(c.d, m) {
			out = append(out, m)
		}
	}
	return out
}

// background reports an event that the text dates before the publication
// year: a year earlier than the publication's in the three words before the
// trigger ("the 2009 raid") or in its clause after it ("jailed by a judge
// in 2012", "took over in 2019"), unless the year is part
// of a stated date ("in July 2024", "on 3 March 2022"). The
// clause ends at hard punctuation or a relative or temporal conjunction
// that opens another clause ("who", "which", "when", "after", "before").
// It is false when the publication date is unknown.
func (c *coder) background(start, end int) bool {
	if c.d.Published == nil {
		return false
	}
	pub := c.d.Published.Year()
	old := func(j int) bool {
		y := atoiYear(c.tok(j))
		if y == 0 || y >= pub {
			return false
		}
		// "on 3 March 2022", "in July 2024": a stated date is the event's
		// date (see dateIn), not a mark of background
		if j == 0 {
			return true
		}
		_, month := months[c.low(j-1)]
		return !month && c.d.Tokens[c.first+j-1].Kind != document.Number
	}
	for j := start - 1; j >= 0 && j >= start-3; j-- {
		if c.isPunct(j) {
			break
		}
		if old(j) {
			return true
		}
	}
	for j := end; j < c.n; j++ {
		if c.hardPunct(j) {
			break
		}
		if clauseLinks[c.low(j)] {
			return false
		}
		if old(j) {
			return true
		}
	}
	return false
}

// between reports whether "between" follows token e-1 or ends the trigger
// ("fighting between", "clashes between", "talks between").
func (c *coder) between(e int) bool {
	return e > 0 && c.low(e-1) == "between" || e < c.n && c.low(e) == "between"
}
