package events

import (
	"strings"

	"newsgraph/cameo"
	"newsgraph/document"
)

// sentence codes the events of sentence si.
func (c *coder) sentence(si int) []document.Event {
	c.load(si)
	var out []document.Event
	seen := map[string]bool{}
	var prevTgts []int // targets of the previous verbal match in the sentence
	prevEnd := -1
	alleged := -1 // end of an accusation trigger whose complement is still open
	for _, m := range c.matchAll() {
		code := m.p.code
		if c.background(m.start, m.end) {
			// "the 2014 attack", "sentenced in 2016", "since the military
			// seized power in 2021": history, not the story's event
			continue
		}
		inAccusation := alleged >= 0 && !c.clauseBreak(alleged, m.start)
		if code.Root == "11" && strings.HasPrefix(c.low(m.start), "accus") {
			alleged = m.end
		}
		var srcs, tgts []int
		if m.p.verbal {
			subj := c.subject(m.start)
			if c.passive(m.start) {
				tgts = subj
				srcs = c.agent(m.end)
			} else {
				srcs = subj
				if m.target >= 0 {
					tgts = c.coord(m.target)
				} else {
					tgts = c.object(m.start+1, m.end, code, m.p)
				}
			}
		} else {
			srcs = c.possessor(m.start)
			if srcs == nil {
				srcs = c.agent(m.end)
			}
			if srcs == nil {
				if lv := c.lightVerb(m.start); lv >= 0 {
					srcs = c.subject(lv)
				}
			}
			tgts = c.object(m.end, m.end, code, m.p)
		}
		srcs = c.withActors(srcs)
		tgts = c.withActors(tgts)
		if m.p.verbal && len(tgts) == 0 && prevEnd >= 0 && sharedTarget(code) && c.conjoined(prevEnd, m.start) {
			// "met X in Baghdad and signed agreements": the second verb
			// of a coordinated predicate shares the first one's partner
			tgts = prevTgts
		}
		if m.p.verbal && !c.passive(m.start) {
			prevTgts, prevEnd = tgts, m.end
		}
		if len(tgts) == 0 && len(srcs) > 1 && symmetric(code) {
			// "India and Pakistan held talks": each is the other's target
			tgts = srcs
		}
		if len(srcs) == 0 && len(tgts) == 0 || !c.s.opts.KeepUnsure && !c.anyCountry(srcs) && !c.anyCountry(tgts) {
			// precision first: an event needs a side with a country
			continue
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
		neg := c.negated(m.start)
		// an act inside an accusation's complement ("accused the army of
		// shelling a market, killing 17") is alleged: the accusation is the
		// event, the act is not counted as one that happened
		hyp := inAccusation || c.hypothetical(m.start, m.p) || c.prospectMention(m)
		rep := c.reported(m.start, m.end)
		for _, s := range srcs {
			for _, t := range tgts {
				sa, ta := c.code(s), c.code(t)
				if s >= 0 && t >= 0 && c.same(s, t) {
					continue
				}
				ecode, tp := code, c.participant(t)
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
				key := sa + "|" + ecode.Code + "|" + ta
				if seen[key] {
					continue
				}
				seen[key] = true
				out = append(out, document.Event{
					Span: trig, Sentence: si, Code: ecode.Code, Root: ecode.Root, Quad: ecode.Quad,
					Goldstein: ecode.Goldstein, Plover: m.p.ploverOf(), PloverMode: m.p.modeOf(),
					Source: c.participant(s), Target: tp, Location: -1,
					Negated: neg, Hypothetical: hyp, Reported: rep, Evidence: []document.Span{trig},
				})
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

func (c *coder) code(mi int) string {
	if mi < 0 {
		return ""
	}
	return c.actor(mi)
}

func (c *coder) withActors(ms []int) []int {
	var out []int
	for _, m := range ms {
		if c.actor(m) != "" || c.s.opts.KeepUnsure {
			out = append(out, m)
		}
	}
	return out
}

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
		if c.tok(e) == "," && c.tok(j-1) == "," && (ne >= c.n || c.tok(ne) != "," && !isAnd(c.low(ne)) && c.low(ne) != "or") {
			// "killing four civilians, Ukrainian officials said": a comma
			// coordinates only inside a list that goes on
			break
		}
		out = append(out, c.mAt[j])
		e = ne
	}
	return out
}

var locPreps = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "across": true, "into": true, "outside": true,
	"inside": true, "to": true, "toward": true, "towards": true, "on": true, "throughout": true,
	"around": true, "by": true, "with": true, "for": true, "over": true, "about": true, "between": true,
}

var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "while": true, "as": true, "since": true, "because": true,
	"although": true, "though": true, "if": true, "unless": true, "who": true, "which": true, "whose": true,
	"including": true, "according": true, "citing": true, "amid": true, "despite": true, "following": true,
	"during": true, "where": true, "once": true, "until": true,
}

var clauseBreaks = map[string]bool{";": true, ":": true, "--": true, "—": true, "–": true, "that": true}

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
				return c.coord(m)
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
		if locPreps[prev] || prev == "of" && c.actorIsPlaceLike(mi) {
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

func (c *coder) actorIsPlaceLike(mi int) bool {
	t := c.d.Mentions[mi].Type
	return t == document.Loc || t == document.FAC
}

var objectStops = map[string]bool{
	";": true, ":": true, "while": true, "but": true, "after": true, "before": true, "as": true,
	"when": true, "which": true, "who": true, "because": true, "amid": true, "despite": true,
	"since": true, "said": true, "says": true, "told": true, "according": true, "following": true,
	"—": true, "--": true, "(": true, "whereas": true, "until": true, "and": true,
}

var objLocPreps = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "across": true, "into": true, "outside": true,
	"inside": true, "throughout": true, "around": true, "through": true,
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
			switch al.word {
			case "on", "against", "of", "with", "to", "into", "at", "between", "for", "from", "in":
				endsPrep = true
			}
		}
	}
	physical := code.Root >= "18" || code.Root == "15" || code.Base() == "042" || code.Code == "0256" || code.Code == "1056"
	for j := a; j < c.n && j < e+10; j++ {
		w := c.low(j)
		if j >= e && (objectStops[w] || w == "," || w == "by") || j > a && c.newlineBefore(j) {
			return nil
		}
		if j >= e && code.Root < "17" && !physical && w == "to" && c.infinitive(j+1) {
			// "urged both sides to return to Cairo": the object phrase ends
			// where the infinitive complement begins
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
			if objLocPreps[w] && !(w == "at" && k+1 < c.n && (c.low(k+1) == "least" || c.low(k+1) == "most")) {
				loc = true
				break
			}
			if c.isPunct(k) || c.mAt[k] >= 0 || locPreps[w] || w == "of" || w == "against" {
				break // another preposition heads the phrase ("aid to Yemen")
			}
		}
		if loc && !physical && !(endsPrep && from-1 <= e) {
			j = me - 1
			continue
		}
		if c.actor(mi) == "" || me <= e && (CountryOf(c.actor(mi)) == "" || s > a && possPronoun(c.low(s-1))) ||
			possPronoun(c.low(s)) && me == s+1 {
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
			k := j + 1
			if k < c.n && isDet(c.tok(k)) {
				k++
			}
			if k < c.n && c.mAt[k] >= 0 {
				return c.coord(c.mAt[k])
			}
			return nil
		}
	}
	return nil
}

// possessor returns the possessor of a nominal trigger ("Sudan's shelling")
// or an adjacent actor modifier ("Russian shelling").
func (c *coder) possessor(i int) []int {
	j := i - 1
	if j >= 0 && isDet(c.tok(j)) && c.low(j) != "its" && c.low(j) != "their" {
		return nil
	}
	if j >= 1 && (c.tok(j) == "'s" || c.tok(j) == "’s" || c.tok(j) == "'") {
		j--
	}
	for j >= 0 && !c.isPunct(j) && c.mAt[j] < 0 && isAdj(c.tok(j)) && j >= i-3 {
		j--
	}
	if j >= 0 && c.mAt[j] >= 0 {
		return []int{c.mAt[j]}
	}
	return nil
}

func isAdj(w string) bool {
	switch strings.ToLower(w) {
	case "heavy", "fresh", "new", "renewed", "latest", "deadly", "sharp", "harsh", "repeated", "continued",
		"overnight", "weekend", "recent", "strong", "brutal", "indiscriminate":
		return true
	}
	return false
}

var lightVerbs = []string{"hold", "order", "voice", "express", "launch", "stage", "carry", "begin", "resume", "make",
	"issue", "announce", "impose", "conduct", "open", "step", "intensify", "escalate", "continue", "mount", "join"}

// lightVerb returns the token index of a light verb within three tokens
// before a nominal trigger ("held talks", "launched a wave of airstrikes"), or -1.
func (c *coder) lightVerb(i int) int {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if c.isPunct(j) {
			return -1
		}
		for _, v := range lightVerbs {
			if inflects(c.tok(j), v) {
				return j
			}
		}
	}
	return -1
}

// reported reports whether the trigger is inside reported content: inside a
// quote (when the quotes layer is filled), after a speech cue, or before a
// trailing ", X said".
func (c *coder) reported(a, b int) bool {
	if len(c.d.Quotes) > 0 {
		off := c.d.Tokens[c.first+a].Start
		for _, q := range c.d.Quotes {
			if q.Start <= off && off < q.End {
				return true
			}
		}
		return false
	}
	for j := 0; j < c.n; j++ {
		if j >= a && j < b {
			continue
		}
		w := c.low(j)
		if speechCues[w] {
			if j < a || (j > b && c.commaBetween(b, j)) {
				return true
			}
		}
	}
	return false
}

func (c *coder) commaBetween(a, b int) bool {
	for k := a; k < b; k++ {
		if c.tok(k) == "," {
			return true
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
	switch c.Root {
	case "04", "06", "19":
		return c.Base() != "042" && c.Base() != "043"
	}
	switch c.Base() {
	case "057", "036", "050", "046":
		return true
	}
	return false
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
	for _, m := range ms {
		if CountryOf(c.actor(m)) != "" {
			return true
		}
	}
	return false
}

func possPronoun(w string) bool {
	switch w {
	case "its", "their", "his", "her", "our", "my", "your":
		return true
	}
	return false
}

// hazards are natural and accidental causes that take actor verbs ("Floods
// kill dozens", "the earthquake destroyed") without being actors.
var hazards = map[string]bool{
	"flood": true, "floods": true, "flooding": true, "earthquake": true, "earthquakes": true, "quake": true,
	"storm": true, "storms": true, "cyclone": true, "hurricane": true, "typhoon": true, "landslide": true,
	"landslides": true, "wildfire": true, "wildfires": true, "drought": true, "rains": true, "rain": true,
	"heatwave": true, "avalanche": true, "tsunami": true, "mudslide": true, "mudslides": true, "outbreak": true,
	"cholera": true, "epidemic": true, "disease": true, "virus": true, "tornado": true, "blizzard": true,
	"eruption": true, "volcano": true, "waters": true, "floodwaters": true, "aftershock": true, "aftershocks": true,
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
	return strings.IndexByte(gap, '\n') >= 0
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
		switch c.low(j) {
		case ";", ":", "but", "while", "and":
			if c.low(j) == "and" && (j == 0 || c.low(j-1) != ",") {
				continue
			}
			return true
		}
	}
	return false
}

// background reports an event that the text dates before the publication
// year: a year earlier than the publication's in the three words before the
// trigger ("the 2014 attack") or in its clause after it ("sentenced by a
// military court in 2016", "seized power in 2021"), unless the year is part
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
		switch c.low(j) {
		case "who", "which", "that", "when", "after", "before", "while", "as", "but":
			return false
		}
		if old(j) {
			return true
		}
	}
	return false
}

// conjunctSubject returns the actor mention that opens a second clause of a
// coordination right before the verb at token i ("Hamas released hostages
// on Sunday and Israel freed prisoners": Israel), or -1. The mention must
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
	if t[0] < 'a' || t[0] > 'z' || isDet(t) || possPronoun(t) || c.mAt[j] >= 0 {
		return false
	}
	return !strings.HasSuffix(t, "s") || strings.HasSuffix(t, "ss")
}
