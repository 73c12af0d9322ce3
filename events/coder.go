package events

// Trigger finding: the per-document coder state, the lexicon match over a
// sentence's tokens (matchAll), and the reading of a trigger's form: verb
// or noun, negated, hypothetical, passive, quoted.

import (
	"context"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// coder holds per-document state; it lives on one goroutine.
type coder struct {
	s *Stage
	d *document.Document
	// ctx, when set, is the document's context: code stops between
	// sentences once it is done (the pipeline's per-document budget).
	ctx context.Context
	// mentionsBySent lists mention indices per sentence, in text order.
	mentionsBySent [][]int
	codes          []string // resolved actor code per mention
	head           []int    // head mention of a modifier mention, -1
	lowText        string   // the normalized text (Document.Lower)
	headline       int8     // the sentence is in title case: 1, not: -1, not known yet: 0 (titleCase)
	wrapped        bool     // the text is hard-wrapped (hardWrapped)
	// matched keeps each sentence's matches once found, so the main-event
	// vote reads the triggers the coder found without matching again; nil
	// when not memoized
	matched map[int][]match
	// steps records, with Document.Explain, the named steps that decided
	// each trigger's code, source and target; nil otherwise
	steps map[document.Span][4]string

	// per sentence
	si       int
	first    int   // first token of the sentence
	n        int   // tokens in the sentence
	mAt      []int // mention index covering token (relative), -1
	consumed []bool

	// quoteSpans is the union of the quotes' spans, sorted and disjoint
	// (quoted), built on first use.
	quoteSpans     []document.Span
	quoteSpansDone bool
	// byTok maps tokens to mentions (mentionTokens), built on first use
	byTok []int
	// form[t] is document token t's form (Lexicon.formOf), exact[t] when
	// the form decides what the token matches
	form  []int32
	exact []bool
}

// newCoder returns the coder of d, with every mention's actor code in
// context (the actors stage's Mention.ContextActor) and the mentions
// grouped by sentence.
func newCoder(s *Stage, d *document.Document) *coder {
	c := &coder{s: s, d: d, mentionsBySent: make([][]int, len(d.Sentences)), lowText: d.LowerSlice(document.Span{Start: 0, End: len(d.Text)})}
	if d.Explain {
		c.steps = map[document.Span][4]string{}
	}
	c.codes, c.head = make([]string, len(d.Mentions)), make([]int, len(d.Mentions))
	c.wrapped = hardWrapped(d.Text)
	c.form, c.exact = make([]int32, len(d.Tokens)), make([]bool, len(d.Tokens))
	for t, tk := range d.Tokens {
		c.form[t], c.exact[t] = s.lex.formOf(d.Text[tk.Start:tk.End], c.lowText[tk.Start:tk.End])
	}
	story, one := "", true // the one country the story names, if one
	for i, m := range d.Mentions {
		c.codes[i], c.head[i] = m.ContextActor, m.Qualifies
		si := d.SentenceAt(m.Start)
		if si >= 0 {
			c.mentionsBySent[si] = append(c.mentionsBySent[si], i)
		}
		if cc := CountryOf(m.ContextActor); cc != "" && !strings.HasPrefix(m.ContextActor, "IGO") {
			one = one && (story == "" || story == cc)
			story = cc
		}
	}
	if one && story != "" {
		// policy rule 1 at story level: a role the text gives no country
		// ("the government", "students") in a story that names one
		// country is that country's
		for i, code := range c.codes {
			if len(code) == 3 && storyRoles[code] {
				c.codes[i] = story + code
			}
		}
	}
	return c
}

// load makes sentence si the current sentence: its token range, the
// mention covering each token and whether it is a title-case headline.
func (c *coder) load(si int) {
	c.si = si
	s := c.d.Sentences[si]
	c.first, c.n = s.FirstToken, s.EndToken-s.FirstToken
	if cap(c.mAt) < c.n {
		c.mAt = make([]int, c.n)
		c.consumed = make([]bool, c.n)
	}
	c.mAt, c.consumed = c.mAt[:c.n], c.consumed[:c.n]
	for i := range c.mAt {
		c.mAt[i], c.consumed[i] = -1, false
	}
	c.headline = 0
	for _, mi := range c.mentionsBySent[si] {
		m := c.d.Mentions[mi]
		idx := mi
		if h := c.head[mi]; h >= 0 {
			idx = h // "Venezuela's supreme court": the modifier stands for its head
		}
		for t := c.d.TokenAt(m.Start) - c.first; t >= 0 && t < c.n && c.d.Tokens[c.first+t].Start < m.End; t++ {
			if c.mAt[t] < 0 {
				c.mAt[t] = idx
			}
		}
	}
}

// titleCase reports whether the current sentence is a title-case headline,
// found on first use.
func (c *coder) titleCase() bool {
	if c.headline != 0 {
		return c.headline > 0
	}
	words, caps := 0, 0
	for i := 0; i < c.n; i++ {
		if c.d.Tokens[c.first+i].Kind == document.Word && !titleFunctions.Value(c.tok(i)) {
			words++
			if t := c.tok(i); t[0] >= 'A' && t[0] <= 'Z' {
				caps++
			}
		}
	}
	c.headline = -1
	if words >= 3 && caps*10 >= words*7 {
		c.headline = 1
	}
	return c.headline > 0
}

// titleFunctions is titleFunction behind a filter: titleCase asks about
// every word of a sentence.
var titleFunctions = keyfilter.NewMap(titleFunction, keyfilter.Ends)

func (c *coder) tok(i int) string { return c.d.TokenText(c.first + i) }

// low returns token i in ASCII lowercase, without allocating.
func (c *coder) low(i int) string {
	t := c.d.Tokens[c.first+i]
	return c.lowText[t.Start:t.End]
}

func (c *coder) isPunct(i int) bool {
	k := c.d.Tokens[c.first+i].Kind
	return k == document.Punct || k == document.Symbol
}

// hardPunct reports punctuation that ends a gap: anything but currency
// signs, hyphens and the possessive.
func (c *coder) hardPunct(i int) bool {
	return c.isPunct(i) && !softPunct[c.tok(i)]
}

func (c *coder) span(start, end int) document.Span {
	return document.Span{Start: c.d.Tokens[c.first+start].Start, End: c.d.Tokens[c.first+end-1].End}
}

// actor returns the CAMEO actor code of mention mi in context (layer
// "actors"), "" for mi < 0.
func (c *coder) actor(mi int) string {
	if mi < 0 {
		return ""
	}
	return c.codes[mi]
}

// mentionRange returns the relative token range of mention mi.
func (c *coder) mentionRange(mi int) (int, int) {
	m := c.d.Mentions[mi]
	s := c.d.TokenAt(m.Start) - c.first
	e := s
	for e < c.n && c.d.Tokens[c.first+e].Start < m.End {
		e++
	}
	return s, e
}

type match struct {
	p          *pattern
	start, end int
	target     int // mention index from an X slot, -1
}

// matchAll finds the best non-overlapping matches of the sentence, left to right.
func (c *coder) matchAll() []match {
	if ms, ok := c.matched[c.si]; ok {
		return slices.Clone(ms)
	}
	var out []match
	lex := c.s.lex
	for i := 0; i < c.n; i++ {
		if c.isPunct(i) {
			continue
		}
		best := match{start: -1}
		// patterns from item from at token i+from (1: the first matched)
		try := func(pi, from int) {
			p := lex.patterns[pi]
			end, tgt, ok := c.try(p, from, i+from, -1)
			if !ok || p.verbal && !c.verbReading(i, end > i+1) {
				// a verb pattern where the word reads as a noun ("a
				// meeting with") leaves the place to a noun pattern
				return
			}
			if best.p == nil || p.words > best.p.words || (p.words == best.p.words && end > best.end) ||
				(p.words == best.p.words && end == best.end && p.line < best.p.line && pi < len(lex.patterns)) {
				best = match{p: p, start: i, end: end, target: tgt}
			}
		}
		if c.exact[c.first+i] {
			// a pattern whose next word item no token it can reach
			// matches is not tried (next.mask; a gap spans up to three
			// tokens, more only with the parse's premodifiers)
			word, gap := c.formBit(i+1), ^uint64(0)
			if !hasSyntax(c.d, c.si) {
				gap = word | c.formBit(i+2) | c.formBit(i+3) | c.formBit(i+4)
			}
			for _, f := range lex.firsts[c.form[c.first+i]] {
				if f.mask == ^uint64(0) || f.gap && f.mask&gap != 0 || !f.gap && f.mask&word != 0 {
					try(int(f.pi), 1)
				}
			}
		} else {
			k1, k2, two := tokenKeys(c.low(i))
			for _, pi := range lex.index[k1] {
				try(pi, 0)
			}
			for _, pi := range lex.index[k2] {
				if two {
					try(pi, 0)
				}
			}
		}
		if best.p == nil {
			continue
		}
		if best.p.discard {
			i = best.end - 1
			continue
		}
		if c.quantity(i) {
			continue
		}
		out = append(out, best)
		i = best.end - 1
	}
	out = c.refine(out)
	if c.matched != nil {
		c.matched[c.si] = slices.Clone(out)
	}
	return out
}

// wordAt reports whether word item it matches token t: by the token's form
// when it decides (Lexicon.formOf; the item's ids list the forms it matches).
func (c *coder) wordAt(it *item, t int) bool {
	if c.exact[c.first+t] {
		_, ok := slices.BinarySearch(it.ids, c.form[c.first+t])
		return ok
	}
	return it.matches(c.tok(t))
}

// formBit returns token t's bit of next.mask: none past the sentence or
// when it is no form (which no item matches), all when its form does not
// decide.
func (c *coder) formBit(t int) uint64 {
	if t >= c.n || c.exact[c.first+t] && c.form[c.first+t] == 0 {
		return 0
	}
	if !c.exact[c.first+t] {
		return ^uint64(0)
	}
	return 1 << (c.form[c.first+t] & 63)
}

// quantity reports a trigger at i that reads as a change of a quantity:
// followed by a preposition of data/words.txt [quantityPreps], a number
// and a unit of [quantityUnits] or nothing more ("production declined to
// 2,978 units", "charges of 7.9 mln dlrs"); a number of people or a term
// is an act's ("the release of 30 detainees", "sentenced to 10 years").
func (c *coder) quantity(i int) bool {
	if i+2 >= c.n || !quantityPreps[c.low(i+1)] || c.d.Tokens[c.first+i+2].Kind != document.Number {
		return false
	}
	j := i + 3
	for j < c.n && c.d.Tokens[c.first+j].Kind == document.Number {
		j++
	}
	return j >= c.n || c.isPunct(j) || quantityUnits[c.low(j)]
}

// try matches items[it:] at token t and returns the end token.
func (c *coder) try(p *pattern, it, t, tgt int) (int, int, bool) {
	if it == len(p.items) {
		return t, tgt, true
	}
	item := &p.items[it]
	switch item.kind {
	case itemWords:
		if t < c.n && c.wordAt(item, t) {
			return c.try(p, it+1, t+1, tgt)
		}
		return 0, 0, false
	case itemGap:
		for g := 0; g <= 3 && t+g <= c.n; g++ {
			if g > 0 && c.hardPunct(t+g-1) && !quoteMarks[c.tok(t+g-1)] {
				// (a quotation mark wraps words and ends nothing: called
				// the vote a "sham")
				break
			}
			if e, tg, ok := c.try(p, it+1, t+g, tgt); ok {
				return e, tg, true
			}
		}
		// with the parse, a gap also spans the premodifiers of the next
		// word's phrase, however many ("halted a planned 2 billion euro
		// wheat deal with": the object's head is the verb's object)
		if g := c.premodifiers(t); g > 3 {
			return c.try(p, it+1, t+g, tgt)
		}
		return 0, 0, false
	case itemTarget:
		// skip a determiner
		if t < c.n && isDet(c.tok(t)) {
			t++
		}
		t = c.titleBefore(t)
		if t < c.n && c.mAt[t] >= 0 {
			_, e := c.mentionRange(c.mAt[t])
			mi := c.mAt[t]
			// coordination "X and Y": the match goes on after the last conjunct
			for e+1 < c.n && isAnd(c.tok(e)) && c.mAt[e+1] >= 0 {
				_, e = c.mentionRange(c.mAt[e+1])
			}
			return c.try(p, it+1, e, mi)
		}
		for g := 1; g <= 5 && t+g <= c.n; g++ {
			if c.isPunct(t + g - 1) {
				break
			}
			if e, tg, ok := c.try(p, it+1, t+g, tgt); ok {
				return e, tg, true
			}
		}
	}
	return 0, 0, false
}

// premodifiers returns the number of tokens from relative token t that
// all depend, directly or through each other, on the token right after
// them (a noun phrase's determiner, numbers, adjectives and compounds
// before its head), 0 without the parse or when the run is broken.
func (c *coder) premodifiers(t int) int {
	if !hasSyntax(c.d, c.si) {
		return 0
	}
	for h := t + 1; h < c.n && h <= t+maxPremodifiers; h++ {
		if c.isPunct(h - 1) {
			return 0
		}
		ok := true
		for k := t; k < h && ok; k++ {
			head := c.d.Tokens[c.first+k].Head - c.first
			ok = head > k && head <= h
		}
		if pos := c.d.Tokens[c.first+h].POS; ok && (pos == "NOUN" || pos == "PROPN") { // a noun phrase's head
			return h - t
		}
	}
	return 0
}

// maxPremodifiers bounds premodifiers' run.
const maxPremodifiers = 8

// titleBefore returns the token of the mention that follows a title of up
// to three capitalised words at t ("called on President Reagan", "met
// Foreign Minister Ana Ruiz"), t itself when t holds a mention or no such
// title.
func (c *coder) titleBefore(t int) int {
	if t >= c.n || c.mAt[t] >= 0 || c.titleCase() {
		return t
	}
	for k := t; k < c.n && k < t+3; k++ {
		w := c.tok(k)
		if c.isPunct(k) || w[0] < 'A' || w[0] > 'Z' {
			return t
		}
		if k+1 < c.n && c.mAt[k+1] >= 0 {
			return k + 1
		}
	}
	return t
}

// verbReading reports whether the token at i can be a verb: not right after
// a determiner, possessive or preposition ("the attack", "for talks").
// A multi-word match (long) already shows the verb's frame, so "by" or
// "of" after it ("spoke by phone") does not make it a noun.
func (c *coder) verbReading(i int, long bool) bool {
	if i == 0 {
		return true
	}
	p := strings.ToLower(c.tok(i - 1))
	if gerundPreps[p] && strings.HasSuffix(c.low(i), "ing") && (i < 2 || !nounDets[c.low(i-2)]) {
		// a gerund after a preposition keeps its verb frame: "accused X
		// of shelling", "the possibility of suspending talks"
		return true
	}
	if nounMarkers[p] {
		return false
	}
	// a currency after a nationality adjective is money: "Irish pounds"
	// (data/words.txt [currencyWords]; a plural people word is a subject:
	// "Britons pound ...")
	if currencyWords[c.low(i)] {
		if _, ok := country.ByDemonym(c.tok(i - 1)); ok && !strings.HasSuffix(p, "s") {
			return false
		}
	}
	// a name after a preposition, then a trigger that ends the phrase, is
	// a noun phrase: "released detainees from Evin prison near Tehran"
	// (a past form in -ed is the verb: "thousands of Kenyans marched in")
	if pt := c.tok(i - 1); i >= 2 && pt[0] >= 'A' && pt[0] <= 'Z' && !c.titleCase() && !strings.HasSuffix(c.low(i), "ed") &&
		(i+1 >= c.n || c.isPunct(i+1) || nounFollowers[c.low(i+1)]) && namePreps[c.low(i-2)] {
		return false
	}
	// a month before a number is a date, even in a dateline ("March 12")
	if _, ok := months[c.low(i)]; ok && i+1 < c.n && c.d.Tokens[c.first+i+1].Kind == document.Number {
		return false
	}
	// a capitalized word inside a sentence is a name, not a verb ("March")
	if t := c.tok(i); t[0] >= 'A' && t[0] <= 'Z' && !c.titleCase() {
		return false
	}
	if i+1 < c.n && !long && nounPreps[c.low(i+1)] && !c.passive(i) {
		// "the visit by", "arrest of": a noun, unless passive ("was arrested by")
		return false
	}
	return true
}

func isDet(w string) bool { return determiners[strings.ToLower(w)] }

func isAnd(w string) bool { return w == "and" || w == "," || w == "&" }

// negated reports a negator within the three words before the trigger.
func (c *coder) negated(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if c.isPunct(j) {
			break
		}
		if negators[c.low(j)] {
			return true
		}
	}
	return false
}

// hypothetical reports a match that states no act that happened: a future,
// conditional or intended one (futureMarked) or a prospective mention ("the
// next OPEC meeting", background.go).
func (c *coder) hypothetical(m match) bool {
	return c.futureMarked(m.start, m.p) || c.prospectMention(m)
}

// futureMarked reports a modal or conditional before the trigger at i in
// its clause, an intention word followed by "to" ("vowed to retaliate"),
// an infinitive base-form trigger, or a conditional opening the sentence.
func (c *coder) futureMarked(i int, p *pattern) bool {
	sawTo := false
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if c.isPunct(j) {
			break
		}
		w := c.low(j)
		if modals[w] && j >= i-4 && !((p.code.Root == "03" || p.code.Root == "13") && (w == "will" || w == "would" || w == "'ll")) {
			// (a statement of intent or a threat is itself the event:
			// "Japan would give 2 billion yen" is a pledge made now,
			// "warned that it would restart the offensive" a threat)
			return true
		}
		if w == "to" {
			sawTo = true
			if j > 0 && enactVerbs[c.low(j-1)] {
				// a vote to do something does it: senators who vote
				// to halt an arms sale have halted it
				return false
			}
			if p.verbal && j >= i-2 && slices.ContainsFunc(p.items[0].alts, func(a alt) bool { return a.word == c.low(i) }) {
				// the bare base form of the pattern's first verb
				return true
			}
		}
		if intents[w] && sawTo {
			return true
		}
		if w == "of" && j > 0 && prospects[c.low(j-1)] {
			// "raised the possibility of suspending talks"
			return true
		}
	}
	if c.n > 0 && conditionOpeners[c.low(0)] {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-12 && !c.isPunct(j); j-- {
		if conditions[c.low(j)] { // "until it agrees to stop", "if the court rejects"
			return true
		}
	}
	// a condition after the trigger in its clause: "would restart the
	// offensive if the deal collapsed", "to renew the bombing if talks fail"
	// (a threat or a pledge on a condition is still made: "warned that it
	// would strike if ...")
	for j := i + 1; j < c.n && j <= i+10 && p.code.Root != "13" && p.code.Root != "03"; j++ {
		if c.hardPunct(j) && c.tok(j) != "," {
			break
		}
		if w := c.low(j); w == "if" || w == "unless" {
			return true
		}
	}
	return false
}

// passive reports "was killed", "were reportedly arrested", "had been shelled".
func (c *coder) passive(i int) bool {
	t := c.low(i)
	if !strings.HasSuffix(t, "ed") && !strings.HasSuffix(t, "en") {
		if _, ok := irregular[t]; !ok {
			return false
		}
	}
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		w := c.low(j)
		if beForms[w] {
			return true
		}
		if !strings.HasSuffix(w, "ly") && w != "not" && w != "also" && w != "allegedly" {
			return false
		}
	}
	return false
}

// quoted reports whether byte offset off lies inside a quote's content: a
// binary search of the quotes' union (a scan of every quote per call made
// long documents quadratic).
func (c *coder) quoted(off int) bool {
	if !c.quoteSpansDone {
		c.quoteSpansDone = true
		c.quoteSpans = quoteUnion(c.d.Quotes)
	}
	k := sort.Search(len(c.quoteSpans), func(k int) bool { return c.quoteSpans[k].End > off })
	return k < len(c.quoteSpans) && c.quoteSpans[k].Start <= off
}

// quoteUnion returns the union of the quotes' spans as sorted, disjoint
// spans (empty spans hold no offset and are left out).
func quoteUnion(qs []document.Quote) []document.Span {
	var out []document.Span
	for _, q := range qs {
		if q.Start < q.End {
			out = append(out, q.Span)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	k := 0
	for _, sp := range out {
		if k > 0 && sp.Start <= out[k-1].End {
			out[k-1].End = max(out[k-1].End, sp.End)
			continue
		}
		out[k] = sp
		k++
	}
	return out[:k]
}

// step records the steps that decided the code (with detail), the source
// and the target of the events of trigger span, with Document.Explain.
func (c *coder) step(span document.Span, code, detail, src, tgt string) {
	if c.steps != nil {
		c.steps[span] = [4]string{code, detail, src, tgt}
	}
}

// explain traces every event's steps: code, source and target.
func (c *coder) explain(evs []document.Event) {
	for i, e := range evs {
		st, ok := c.steps[e.Span]
		if !ok {
			continue
		}
		c.d.Trace(document.LayerEvents, i, "code", st[0], st[1])
		if e.Source != nil && st[2] != "" {
			c.d.Trace(document.LayerEvents, i, "source", st[2], e.Source.Actor)
		}
		if e.Target != nil && st[3] != "" {
			c.d.Trace(document.LayerEvents, i, "target", st[3], e.Target.Actor)
		}
	}
}
