package quotes

import (
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// cueAfter looks for "…," she said / said Ortega right after the quote q,
// then for a person and a verb outside the lexicon (“…,” Ortega retorted).
func (x *extractor) cueAfter(q *dquote) bool {
	return x.cueAfterKnown(q) || x.unknownVerbAfter(q)
}

// cueAfterKnown is cueAfter with the speech verbs of the lexicon.
func (x *extractor) cueAfterKnown(q *dquote) bool {
	t := x.t
	j := q.n
	if x.isDash(j) {
		// “…” ― Ana Ortega: an attribution line after a dash
		if a, b, ok := x.subjectAfter(j+1, len(t)); ok && t[j+1].cap {
			q.spk = x.speaker(a, b)
			return true
		}
	}
	for j < len(t) && (x.isPunct(j, ',') || x.isDash(j)) {
		j++
	}
	if j == q.n && j < len(t) && q.b > q.a && !isQuoteEndPunct(x.lastChar(q)) {
		// no punctuation: "…a big advocate” of the principle" is mid-sentence
		if t[j].k != kWord || !t[j].cap && x.f(j)&(fPron|fDet) == 0 || x.f(j)&fClause != 0 && x.f(j)&fPron == 0 {
			return false
		}
	}
	comma := false
	for v := j; v < len(t) && v < j+32; v++ {
		if t[v].k != kWord {
			if t[v].k == kPunct && !x.isPunct(v, ':') && !x.isPunct(v, ';') {
				comma = comma || x.isPunct(v, ',')
				continue
			}
			if (t[v].k == kOpen || t[v].k == kClose) && comma {
				continue // an appositive with a title in it: Ana Ortega, wearing “Vote” pins, said
			}
			return false
		}
		w := x.w(v)
		f := x.f(v)
		if eqFold(w, "according") && v+1 < len(t) && eqFold(x.w(v+1), "to") && v == j && !(t[v].cap && x.lastChar(q) == '.') {
			if a, b, ok := x.subjectAfter(v+2, len(t)); ok {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+2)
				return true
			}
			return false
		}
		if f&fSpeech == 0 || f&fPast == 0 && (f&fBase == 0 || v == j) || !x.verbAt(v) {
			continue // base forms only after their subject: “…,” they conclude
		}
		if x.t[v].cap && v > j {
			continue
		}
		if v == j && strings.HasSuffix(w, "ing") {
			// "…,” telling reporters that …: a participle does not invert;
			// the subject of the quote's sentence speaks
			ss, _ := x.sentenceBounds(q.o)
			if a, b, ok := x.sentenceSubject(ss, q.o); ok && ss < q.o {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+1)
				return true
			}
			return false
		}
		if v == j {
			if a, b, ok := x.subjectAfter(v+1, len(t)); ok {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+1)
				return true
			}
			return false
		}
		if c := x.lastChar(q); c == '.' || (c == '?' || c == '!') && v > j+4 {
			// "…unhinged.” Sen. Marco Rubio called the statement…": after a
			// full stop the next sentence is a cue only when it ends soon
			e := v + 1
			for e < len(t) && t[e].k != kEnd && e < v+6 {
				e++
			}
			if e >= len(t) || t[e].k != kEnd {
				return false
			}
		}
		a, b, ok := x.subjectBefore(v, j)
		if !ok || a != j {
			// "…," Mitch McConnell, R-Ky., said: the name that opens the attribution
			k := j
			for k < v && t[k].k == kWord || k < v && x.isPunct(k, '.') && k > j && isAbbrev(x.w(k-1)) {
				k++
			}
			if k > j && k < v && (x.isPunct(k, ',') || x.isPunct(k, '(')) && x.validNP(j, k) && (t[j].cap || x.f(j)&fPron != 0) && x.f(j)&fClause == 0 {
				q.spk = x.speaker(j, k)
				q.cue, q.cueSpan = x.cueOf(v, v+1)
				return true
			}
			if !ok {
				return false
			}
		}
		if a != j {
			// "…," Ortega, the veteran envoy, said: the name before the appositive
			k := j
			for k < a && t[k].k == kWord {
				k++
			}
			if k > j && x.isPunct(k, ',') && x.validNP(j, k) && (t[j].cap || x.f(j)&fPron != 0) && x.f(j)&fClause == 0 {
				a, b = j, k
			} else if a == j+1 && eqFold(x.w(j), "as") {
				// "…,” as Ortega said on Monday
			} else if !x.plainNP(j, a) {
				return false
			}
		}
		q.spk = x.speaker(a, b)
		q.cue, q.cueSpan = x.cueOf(v, v+1)
		return true
	}
	return false
}

// unknownVerbAfter matches a quote followed by a person and one past-tense
// verb that ends the sentence or clause (“…,” an angry Ortega retorted.):
// the verb is not in the lexicon, but the pattern is an attribution.
func (x *extractor) unknownVerbAfter(q *dquote) bool {
	t := x.t
	j := q.n
	if q.c < 0 || j >= len(t) || !x.isPunct(j-1, ',') && x.lastChar(q) != ',' && x.lastChar(q) != '?' && x.lastChar(q) != '!' {
		return false
	}
	for v := j + 1; v < len(t) && v < j+8; v++ {
		if t[v].k != kWord {
			return false
		}
		w := x.w(v)
		if t[v].cap || !strings.HasSuffix(w, "ed") || x.f(v) != 0 {
			continue
		}
		n := v + 1
		if n < len(t) && t[n].k == kWord && (eqFold(x.w(n), "back") || eqFold(x.w(n), "in")) {
			n++ // fired back, chimed in
		}
		if n < len(t) && !(t[n].k == kEnd || x.isPunct(n, ',') || x.isPunct(n, '.') ||
			t[n].k == kWord && !t[n].cap && x.f(n)&fClause != 0 && x.f(n)&fDet == 0) {
			return false // the clause may go on: “…,” Ruiz snorted when asked
		}
		a, b, ok := x.subjectBefore(v, j)
		// a pronoun, a person or organization, or without an entities layer
		// a capitalised name
		if !ok || a != j || !(b-a == 1 && x.f(a)&fPron != 0 || x.hasActorMention(a, b) || len(x.ms) == 0 && t[b-1].cap) {
			return false
		}
		q.spk = x.speaker(a, b)
		q.cue, q.cueSpan = x.cueOf(v, n)
		return true
	}
	return false
}

// cueBefore looks for Ortega said: "…" / she told reporters, "…" before q.
func (x *extractor) cueBefore(q *dquote) bool {
	t := x.t
	k := q.o - 1
	if k >= 0 && (x.isPunct(k, ':') || x.isPunct(k, ',')) {
		k--
	}
	if x.isPunct(q.o-1, ':') {
		// "Republican pollster Daron Shaw: “…”"
		ss, _ := x.sentenceBounds(q.o - 1)
		if a, b, ok := x.subjectBefore(q.o-1, ss); ok && b == q.o-1 && (a == ss || x.isDash(a-1)) && x.allNP(a, b) {
			q.spk = x.speaker(a, b)
			q.cue, q.cueSpan = x.cueOf(q.o-1, q.o)
			return true
		}
	}
	lo := k
	for lo >= 0 && k-lo < 10 && t[lo].k != kEnd && t[lo].k != kClose && t[lo].k != kOpen {
		lo--
	}
	lo++
	for v := k; v >= lo; v-- {
		if t[v].k != kWord {
			continue
		}
		w := x.w(v)
		f := x.f(v)
		if eqFold(w, "according") && v+1 <= k && eqFold(x.w(v+1), "to") {
			if a, b, ok := x.subjectAfter(v+2, q.o); ok {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+2)
				return true
			}
			continue
		}
		if f&fSpeech == 0 || f&fPast == 0 && !(len(w) > 3 && w[len(w)-3:] == "ing") && !x.pluralBase(v) || !x.verbAt(v) {
			continue
		}
		if x.t[v].cap && (v > 0 && !x.endsSentence(v-1) || f&fBare == 0) {
			continue // a capitalised cue only opens a sentence: Said Ana Ortega, “…”
		}
		if len(w) > 3 && w[len(w)-3:] == "ing" && x.isPunct(v-1, ',') {
			// "…, saying “…”": the subject of the sentence speaks, or in
			// "…, Nefzi said, adding “…”" the subject of the speech verb
			// right before the comma
			ss, _ := x.sentenceBounds(v)
			if u := v - 2; u > ss && x.t[u].k == kWord && !x.t[u].cap && x.f(u)&fSpeech != 0 && x.f(u)&fPast != 0 &&
				(strings.HasSuffix(x.w(u), "ed") || x.f(u)&fBare != 0 && !strings.HasSuffix(x.w(u), "s")) {
				if a, b, ok := x.subjectBefore(u, ss); ok && b == u {
					q.spk = x.speaker(a, b)
					q.cue, q.cueSpan = x.cueOf(v, v+1)
					return true
				}
			}
			if a, b, ok := x.sentenceSubject(ss, v); ok {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+1)
				return true
			}
			return false
		}
		ss, _ := x.sentenceBounds(v)
		if a, b, ok := x.subjectBefore(v, ss); ok {
			a, b, v2 := x.outer(ss, a, b, v)
			q.spk = x.speakerFor(a, b, v2)
			q.cue, q.cueSpan = x.cueOf(v2, v2+1)
			return true
		}
		if v > lo && x.t[v-1].k == kWord && eqFold(x.w(v-1), "and") {
			// "I laughed and said, “…”": the subject of the first verb, or
			// the sentence's subject
			ss, _ := x.sentenceBounds(v)
			if v-2 > ss && x.t[v-2].k == kWord && !x.t[v-2].cap && x.f(v-2)&(fDet|fPron|fPrep|fClause) == 0 {
				if a, b, ok := x.subjectBefore(v-2, ss); ok && x.f(a)&fPron != 0 {
					q.spk = x.speaker(a, b)
					q.cue, q.cueSpan = x.cueOf(v, v+1)
					return true
				}
			}
			if a, b, ok := x.sentenceSubject(ss, v); ok {
				q.spk = x.speaker(a, b)
				q.cue, q.cueSpan = x.cueOf(v, v+1)
				return true
			}
		}
		if a, b, ok := x.subjectAfter(v+1, q.o); ok && f&fTold == 0 && !eqFold(w, "put") && (x.isPunct(b, ',') || x.isPunct(b, ':')) {
			q.spk = x.speaker(a, b)
			q.cue, q.cueSpan = x.cueOf(v, v+1)
			return true
		}
		// "..., she said, adding: "…"" and the like: the last speaker applies
		return false
	}
	if v := q.o - 2; (x.isPunct(q.o-1, ',') || x.isPunct(q.o-1, ':')) && v >= 0 && x.t[v].k == kWord && !x.t[v].cap &&
		strings.HasSuffix(x.w(v), "ed") && x.f(v) == 0 {
		// "Clinton thanked the state and then boomed, “…”": a verb outside
		// the lexicon right before the quote, with a person as its subject
		ss, _ := x.sentenceBounds(v)
		a, b, ok := x.subjectBefore(v, ss)
		for ok && b < v && x.t[b].k == kWord && x.f(b)&fAux != 0 {
			b++
		}
		if !ok || !(b-a == 1 && x.f(a)&fPron != 0 || x.hasActorMention(a, b)) {
			a, b, ok = x.firstActorMention(ss, v)
		}
		if ok {
			q.spk = x.speaker(a, b)
			q.cue, q.cueSpan = x.cueOf(v, v+1)
			return true
		}
	}
	if ss, _ := x.sentenceBounds(max(q.o-1, 0)); ss < q.o && x.t[ss].k == kWord && (x.w(ss) == "Said" || x.w(ss) == "Says") {
		// "Said Carla Vidal, who runs a stall near the quay, “…”": the
		// cue opens the sentence, further back than the search above
		if a, b, ok := x.subjectAfter(ss+1, q.o); ok && x.t[ss+1].cap {
			q.spk = x.speaker(a, b)
			q.cue, q.cueSpan = x.cueOf(ss, ss+1)
			return true
		}
	}
	if x.isPunct(q.o-1, ':') {
		// "McCaskill scolded him: “…”": the subject of the introducing clause
		ss, _ := x.sentenceBounds(q.o - 1)
		if a, b, ok := x.sentenceSubject(ss, q.o-1); ok {
			q.spk = x.speaker(a, b)
			return true
		}
	}
	return false
}

// attribute gives every direct quote of the paragraph a cue and speaker,
// drops scare quotes, and appends the paragraph's quotes to x.out.
func (x *extractor) attribute(attrs []attr, continues bool) {
	type item struct {
		q    document.Quote
		step string
	}
	items := make([]item, 0, len(x.dq)+len(attrs))
	for i := range x.dq {
		q := &x.dq[i]
		if x.titleLike(q.o, q.n) && q.o > 0 && x.t[q.o-1].k == kWord && isTitleIntro(x.w(q.o-1)) {
			q.a = -1 // a programme or book title: told “Face the Nation,” on “This Week”
			continue
		}
		if x.definedTerm(q) {
			q.a = -1 // a contract's defined term: (the “Agreement”), “Services” means
			continue
		}
		if x.words(q.o, q.n) == 0 {
			q.a = -1 // punctuation between stray marks is no quote
			continue
		}
		if x.recoverUnclosed(q); q.explicit {
			q.step = "cue inside an unclosed quote"
		}
		steps := cueSteps
		if x.lastChar(q) == '.' {
			// a full stop ends the quoted sentence: the cue before it is likelier
			steps = cueStepsAfterStop
		}
		found := false
		for _, st := range steps {
			if found = st.try(x, q); found {
				q.explicit, q.step = true, st.name
				break
			}
		}
		if found {
			continue
		}
		for _, a := range attrs {
			if a.content.Start <= q.a && a.content.End >= q.b {
				q.spk, q.cue, q.cueSpan = a.spk, a.cue, a.cueSpan
				q.explicit, q.step = true, "inside reported speech"
				break
			}
		}
		if !q.explicit {
			if x.sentenceCue(q); q.explicit {
				q.step = "speech verb earlier in the sentence"
			}
		}
		if !q.explicit && q.n >= len(x.t) {
			if x.dashLine(q); q.explicit {
				q.step = "dash line"
			}
		}
	}
	// speakers named in the paragraph, in text order
	type named struct {
		at  int
		spk *document.Speaker
	}
	var names []named
	pos := func(spk *document.Speaker, cue document.Span) int {
		return max(spk.Start, cue.Start)
	}
	for i := range x.dq {
		if x.dq[i].explicit && x.dq[i].spk != nil {
			names = append(names, named{pos(x.dq[i].spk, x.dq[i].cueSpan), x.dq[i].spk})
		}
	}
	for _, a := range attrs {
		names = append(names, named{pos(a.spk, a.cueSpan), a.spk})
	}
	sort.Slice(names, func(i, j int) bool { return names[i].at < names[j].at })
	distinct := func() *document.Speaker {
		var one *document.Speaker
		for _, n := range names {
			if one == nil {
				one = n.spk
			} else if n.spk.Name != one.Name {
				return nil
			}
		}
		return one
	}()
	for i := range x.dq {
		q := &x.dq[i]
		if q.explicit || q.a < 0 {
			continue
		}
		words := x.words(q.o, q.n)
		var spk *document.Speaker
		// the last speaker before the quote in this paragraph
		lastAt := -1
		for _, n := range names {
			if n.at < q.a {
				spk, q.step, lastAt = n.spk, "last speaker of the paragraph", n.at
			}
		}
		if spk != nil && q.o > 0 {
			// "He went on to call Cruz “…”": a quote inside a sentence whose
			// subject is a person belongs to that person, not to a speaker
			// of an earlier sentence
			ss, _ := x.sentenceBounds(q.o)
			if a, b, ok := x.sentenceSubject(ss, q.o); ok && ss < q.o && b < q.o && x.t[ss].sent == 0 && lastAt < x.t[ss].s &&
				(x.personAt(a, b) || x.roleNP(a, b)) {
				spk, q.step = x.speaker(a, b), "subject of the quote's sentence"
			}
		}
		if spk == nil && x.prevSentenceCue(q) {
			q.step = "cue of the sentence before"
			continue
		}
		if spk == nil && i == 0 && x.carry != nil && (x.carryOpen || q.o == 0 || x.carryColon) {
			spk, q.step = x.carry, "speaker carried from the paragraph before"
		}
		if spk == nil && q.o > 0 {
			// "She applauded him for fighting “…”": the person the quote's
			// sentence is about
			ss, _ := x.sentenceBounds(q.o - 1)
			if a, b, ok := x.sentenceSubject(ss, q.o); ok && ss < q.o && x.t[ss].sent == 0 && x.personAt(a, b) {
				spk, q.step = x.speaker(a, b), "subject of the quote's sentence"
			}
		}
		if spk == nil && distinct != nil {
			spk, q.step = distinct, "the paragraph's one speaker"
		}
		if spk == nil {
			if spk = x.paragraphPerson(q.a); spk != nil {
				q.step = "the paragraph's person"
			}
		}
		if spk == nil && i == 0 && q.o == 0 && x.prevSubject != nil {
			spk, q.step = x.prevSubject, "subject of the paragraph before"
		}
		if spk == nil && q.o > 1 && x.endsSentence(q.o-1) {
			ps, _ := x.sentenceBounds(q.o - 2)
			if a, b, ok := x.sentenceSubject(ps, q.o-1); ok && x.t[ps].sent == 0 && x.personAt(a, b) {
				spk, q.step = x.speaker(a, b), "subject of the sentence before"
			}
		}
		if x.titleLike(q.o, q.n) || x.text[q.a] == '>' {
			q.a = -1
			continue
		}
		if words < 4 && (spk == nil || words < 3) {
			q.a = -1 // scare quote or title
			continue
		}
		if words < 6 && spk == nil {
			q.a = -1
			continue
		}
		q.spk = spk
	}
	for i := range x.dq {
		q := x.dq[i]
		if q.a < 0 {
			continue
		}
		step := q.step
		if q.spk == nil {
			step = "no speaker"
		}
		items = append(items, item{q: document.Quote{Span: document.Span{Start: q.a, End: q.b}, Direct: true, Cue: q.cue, CueSpan: q.cueSpan, Speaker: copySpeaker(q.spk)}, step: step})
	}
	for _, a := range attrs {
		items = append(items, item{q: document.Quote{Span: a.content, Cue: a.cue, CueSpan: a.cueSpan, Speaker: copySpeaker(a.spk)}, step: "reported speech"})
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].q.Start < items[j].q.Start })
	for _, it := range items {
		x.out = append(x.out, it.q)
		x.steps = append(x.steps, it.step)
	}
	// carry the last speaker into the next paragraph
	x.carry, x.carryOpen, x.carryColon = nil, continues, false
	var lastEnd = -1
	for _, it := range items {
		if it.q.Speaker != nil && it.q.End > lastEnd {
			x.carry, lastEnd = it.q.Speaker, it.q.End
		}
	}
	// the person who opens the paragraph's last sentence may speak the
	// quote that fills the next paragraph
	x.prevSubject = nil
	if n := len(x.t); n > 1 && len(x.ms) > 0 {
		ss, _ := x.sentenceBounds(n - 1)
		if a, b, ok := x.sentenceSubject(ss, n-1); ok && x.t[ss].sent == 0 && x.personAt(a, b) {
			x.prevSubject = x.speaker(a, b)
		}
	}
	// "…, he declared:" ending the paragraph introduces the next one
	if n := len(x.t); n > 1 && x.isPunct(n-1, ':') {
		v := n - 2
		for v >= 0 && v > n-8 && x.f(v)&fSpeech == 0 {
			v--
		}
		ss, _ := x.sentenceBounds(n - 1)
		if v >= 0 && x.f(v)&fSpeech != 0 {
			if a, b, ok := x.subjectBefore(v, ss); ok {
				x.carry, x.carryColon = x.speaker(a, b), true
			}
		}
		if !x.carryColon {
			// "President Clinton released the following statement:"
			if a, b, ok := x.sentenceSubject(ss, n-1); ok {
				x.carry, x.carryColon = x.speaker(a, b), true
			}
		}
	}
}

// cueStep is one named step that looks for a direct quote's speaker next
// to it; try reports whether it found one (and set q's speaker and cue).
type cueStep struct {
	name string
	try  func(x *extractor, q *dquote) bool
}

// cueSteps are the steps for a direct quote's own attribution, in order:
// a transcript's speaker label, then a cue after the quote, then one
// before it; cueStepsAfterStop tries the cue before first, for a quote
// whose last sentence ends with a full stop. When none finds a speaker,
// attribute tries reported speech around the quote, a speech verb earlier
// in the sentence, a dash line, and then the paragraph's context (the last
// speaker named, a cue in the sentence before, the speaker carried from
// the paragraph before, the paragraph's one speaker or person).
var (
	cueSteps = []cueStep{
		{"transcript label", (*extractor).transcript},
		{"cue after the quote", (*extractor).cueAfter},
		{"cue before the quote", (*extractor).cueBefore},
	}
	cueStepsAfterStop = []cueStep{cueSteps[0], cueSteps[2], cueSteps[1]}
)

func copySpeaker(s *document.Speaker) *document.Speaker {
	if s == nil {
		return nil
	}
	c := *s
	return &c
}

// paragraphPerson returns the single person named in the paragraph around
// off (through the entities layer), or nil when there are none or several.
func (x *extractor) paragraphPerson(off int) *document.Speaker {
	if len(x.ms) == 0 || len(x.t) == 0 {
		return nil
	}
	ps, pe := x.t[0].s, x.t[len(x.t)-1].e
	ent := -1
	var sp document.Span
	ms := x.ms
	for i := x.mentionsFrom(ps); i < len(ms) && ms[i].Start < pe; i++ {
		m := &ms[i]
		if m.Start < ps || m.End > pe || m.Type != document.Person || m.Kind != document.Name {
			continue
		}
		if ent >= 0 && m.Entity != ent {
			return nil
		}
		ent, sp = m.Entity, m.Span
	}
	if ent < 0 {
		return nil
	}
	s := &document.Speaker{Span: sp, Name: x.text[sp.Start:sp.End], Entity: -1}
	x.resolve(s)
	return s
}

// sentenceSubject returns the noun phrase that opens the sentence starting
// at ss, before token v, skipping an introductory phrase ended by a comma.
//
// When the phrase found that way is not a pronoun and holds no person or
// organization mention, the first person or organization mention of the
// sentence before v that is not the object of a preposition is taken
// instead ("In Ames, Iowa, on Sunday, Mrs. Clinton tried …, saying").
func (x *extractor) sentenceSubject(ss, v int) (int, int, bool) {
	a, b, ok := x.sentenceSubjectNP(ss, v)
	if ok && (b-a == 1 && x.f(a)&fPron != 0 || x.hasActorMention(a, b) || x.roleNP(a, b)) || len(x.ms) == 0 {
		return a, b, ok
	}
	if a2, b2, ok2 := x.firstActorMention(ss, v); ok2 {
		return a2, b2, true
	}
	return a, b, ok
}

// roleNP reports whether tokens [a, b) are a definite description of a
// role: "the" and a lower-case role noun as head ("The Florida senator",
// "The retired neurosurgeon"; data/words.txt [roleNouns], [speakerNouns]).
// As a sentence's subject it is the speaker itself, not a cue to look for
// a name further on.
func (x *extractor) roleNP(a, b int) bool {
	if b-a < 2 || x.t[a].k != kWord || !eqFold(x.w(a), "the") || x.t[b-1].k != kWord || x.t[b-1].cap {
		return false
	}
	h := x.w(b - 1)
	return inSet(roleNouns, h) || x.f(b-1)&fSpeakerNoun != 0
}

// personAt reports whether tokens [a, b) are "he" or "she" or overlap a
// person mention.
func (x *extractor) personAt(a, b int) bool {
	if b-a == 1 && (eqFold(x.w(a), "he") || eqFold(x.w(a), "she")) {
		return true
	}
	sp := document.Span{Start: x.t[a].s, End: x.t[b-1].e}
	for i := x.mentionsFrom(sp.Start); i < len(x.ms) && x.ms[i].Start < sp.End; i++ {
		if x.ms[i].Type == document.Person && x.ms[i].Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// isActor reports whether mention m may speak: a person or organization.
func isActor(m *document.Mention) bool {
	return m.Type == document.Person || m.Type == document.Org
}

// mentionsFrom returns the index of the first mention of d that ends after
// byte offset off (mentions are in text order).
func (x *extractor) mentionsFrom(off int) int {
	ms := x.ms
	lo, hi := 0, len(ms)
	for lo < hi {
		m := (lo + hi) / 2
		if ms[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// hasActorMention reports whether tokens [a, b) overlap a person or
// organization mention.
func (x *extractor) hasActorMention(a, b int) bool {
	sp := document.Span{Start: x.t[a].s, End: x.t[b-1].e}
	ms := x.ms
	for i := x.mentionsFrom(sp.Start); i < len(ms) && ms[i].Start < sp.End; i++ {
		if isActor(&ms[i]) && ms[i].Span.Overlaps(sp) {
			return true
		}
	}
	return false
}

// firstActorMention returns the tokens of the first person or organization
// mention in tokens [ss, v) that is outside quotes and not the object of a
// preposition or a possessive's owner.
func (x *extractor) firstActorMention(ss, v int) (int, int, bool) {
	if ss >= v {
		return 0, 0, false
	}
	ms := x.ms
	// skip a leading subordinate clause: "When Trump suggested …, Rubio fired back"
	if x.t[ss].k == kWord && isSubordinator(x.w(ss)) {
		for c := ss + 1; c < v-1; c++ {
			if x.isPunct(c, ',') {
				ss = c + 1
				break
			}
		}
	}
	lo, hi := x.t[ss].s, x.t[v-1].e
	k := ss
	for i := x.mentionsFrom(lo); i < len(ms) && ms[i].Start < hi; i++ {
		m := &ms[i]
		if !isActor(m) || m.Start < lo || m.End > hi {
			continue
		}
		for k < v && x.t[k].e <= m.Start {
			k++
		}
		if k >= v || x.t[k].s > m.Start {
			continue
		}
		e := k
		for e < v && x.t[e].s < m.End {
			e++
		}
		if x.t[k].sent != 0 || k > ss && x.t[k-1].k == kWord && !x.t[k-1].cap && x.f(k-1)&fPrep != 0 {
			continue
		}
		if w := x.w(e - 1); strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			continue
		}
		if e-k == 1 && x.f(k)&fDet != 0 && x.f(k)&fPron == 0 {
			continue // a possessive determiner owns, it does not speak: "calm his supporters"
		}
		return k, e, true
	}
	return 0, 0, false
}

// sentenceSubjectNP is sentenceSubject from the words alone.
func (x *extractor) sentenceSubjectNP(ss, v int) (int, int, bool) {
	a := ss
	if a < v && x.t[a].k == kWord && isSubordinator(x.w(a)) {
		// "When Wallace died, President Clinton released …": the main
		// clause after the comma
		for c := a + 1; c < v-1 && c < a+16; c++ {
			if x.isPunct(c, ',') {
				ss, a = c+1, c+1
				break
			}
		}
	}
	if a < v && x.t[a].k == kWord && x.f(a)&fClause != 0 && x.f(a)&(fDet|fPron) == 0 && a+1 < v && x.t[a+1].k == kWord {
		ss++ // "As Professor Foner put it:", "But Ortega told…"
		a = ss
	}
	// skip "On Monday," / "In a statement," / "However," / "Following the meeting,"
	for k := ss; k < v && k < ss+16; k++ {
		if x.isPunct(k, ',') {
			fw := x.w(ss)
			if x.f(ss)&(fPrep|fTime|fClause|fAux) != 0 || strings.HasSuffix(fw, "ly") || strings.HasSuffix(fw, "ing") ||
				strings.HasSuffix(fw, "ed") || k == ss+1 && x.f(ss)&(fPron|fDet) == 0 {
				a = k + 1
			}
			break
		}
	}
	b := a
	for b < v && b < a+maxNP && (x.t[b].k == kWord && (x.t[b].cap || x.f(b)&(fDet|fPron) != 0 || b > a && x.f(b)&(fAux|fSpeech|fPrep|fClause) == 0) ||
		b > a && x.isPunct(b, '.') && isAbbrev(x.w(b-1))) {
		if b > a && !x.t[b].cap && strings.HasSuffix(x.w(b), "ed") && x.t[b-1].k == kWord && x.f(b-1)&fDet == 0 {
			break // a past-tense verb after the head: "The senator rejected"
		}
		if x.f(b)&fPron != 0 {
			b++
			break
		}
		b++
	}
	if k := x.verbAt2(a, b); k > a && x.validNP(a, k) {
		return a, k, true
	}
	if b > a && x.validNP(a, b) {
		return a, b, true
	}
	return 0, 0, false
}

// allNP reports whether tokens [a, b) may all belong to a noun phrase.
func (x *extractor) allNP(a, b int) bool {
	for i := a; i < b; i++ {
		if !x.npWordOK(i) && !x.isPunct(i, ',') {
			return false
		}
		if x.t[i].k == kWord && x.f(i)&fSpeech != 0 && !x.t[i].cap {
			return false
		}
	}
	return true
}

// titleLike reports whether the quote between tokens o and n looks like a
// title or headline: most of its words are capitalised.
func (x *extractor) titleLike(o, n int) bool {
	words, caps := 0, 0
	for i := o; i < n && i < len(x.t); i++ {
		if x.t[i].k == kWord {
			words++
			if x.t[i].cap {
				caps++
			}
		}
	}
	return words >= 2 && 3*caps >= 2*words || words == 1 && caps == 1 && n-o <= 3
}

// sentenceCue attributes a partial quote embedded in a sentence whose verb
// before it is a speech or description verb (called him "a total stiff";
// urged voters to "turn away"): the verb's subject speaks.
func (x *extractor) sentenceCue(q *dquote) {
	ss, _ := x.sentenceBounds(q.o)
	if x.t[ss].k == kWord && isSubordinator(x.w(ss)) {
		// a leading subordinate clause is not the attribution: "When Trump
		// announced his candidacy, he referred to migrants as “…”"
		for c := ss + 1; c < q.o-1; c++ {
			if x.isPunct(c, ',') {
				ss = c + 1
				break
			}
		}
	}
	lo := max(ss, q.o-40)
	// the leftmost speech verb with a subject: "Clinton says she appreciated
	// … what she calls a “war of words”" goes to Clinton
	for v := lo; v < q.o; v++ {
		if x.t[v].k != kWord || x.t[v].sent != 0 || x.t[v].cap || !x.verbAt(v) {
			continue
		}
		f := x.f(v)
		if f&fSpeech == 0 || f&fPast == 0 && !strings.HasSuffix(x.w(v), "ing") {
			continue
		}
		a, b, ok := x.subjectBefore(v, ss)
		if ok && b-a == 1 && x.f(a)&fPron != 0 && a > ss && eqFold(x.w(a-1), "what") {
			// "Ban condemned what he called a “brazen breach”": the main subject
			if a2, b2, ok2 := x.sentenceSubject(ss, a-1); ok2 {
				a, b = a2, b2
			}
		}
		if !ok {
			a, b, ok = x.sentenceSubject(ss, v)
		}
		if ok {
			q.spk = x.speakerFor(a, b, v)
			q.cue, q.cueSpan = x.cueOf(v, v+1)
			q.explicit = true
			return
		}
	}
}

// verbAt reports whether the speech word at v is used as a verb: not after
// a determiner or a possessive ("Mr. Obama's remarks", "the claims").
func (x *extractor) verbAt(v int) bool {
	w := x.w(v)
	if eqFold(w, "put") || eqFold(w, "puts") {
		return v+1 < len(x.t) && eqFold(x.w(v+1), "it") // as Ruth Marcus puts it
	}
	if eqFold(w, "shot") {
		return v+1 < len(x.t) && eqFold(x.w(v+1), "back")
	}
	if isNounPlural(w) && v > 0 && x.t[v-1].k == kWord && !x.t[v-1].cap && x.f(v-1)&(fPron|fSpeakerNoun) == 0 && !strings.HasSuffix(x.w(v-1), "ly") &&
		!(v+1 < len(x.t) && (x.t[v+1].k == kOpen || x.isPunct(v+1, ':') || x.t[v+1].k == kWord && eqFold(x.w(v+1), "that"))) {
		return false // a plural noun after a common noun: "the primary states.", "a dozen states held"
	}
	if v > 0 && x.t[v-1].k == kWord && isContractedIs(x.w(v-1)) {
		return true // "He’s predicting"
	}
	if v == 0 || x.t[v-1].k != kWord {
		return true
	}
	if inSet(namingVerbs, w) {
		// "a group called …", "a 2002 class called “…”": a participle naming
		// something introduced by an indefinite article
		for k := v - 1; k >= 0 && k >= v-5 && x.t[k].k == kWord; k-- {
			if eqFold(x.w(k), "a") || eqFold(x.w(k), "an") {
				return false
			}
			if x.f(k)&(fPron|fClause|fAux|fPrep) != 0 || x.f(k)&fDet != 0 {
				break
			}
		}
	}
	p := x.w(v - 1)
	pf := x.f(v - 1)
	if pf&fPrep != 0 && pf&fClause == 0 && !x.t[v-1].cap && !eqFold(p, "to") && !strings.HasSuffix(w, "ing") {
		return false // a participle as an adjective: "by written notice"
	}
	if inSet(passiveAux, p) && !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "s") {
		return false // passive: "could be blamed on", "has been described as"
	}
	if pf&fDet != 0 && pf&fPron == 0 && !eqFold(p, "that") && !(isPronounDet(p) && (strings.HasSuffix(w, "ed") || x.f(v)&fTold != 0 || eqFold(w, "said"))) {
		return false // "the claims", but "another said", "some argued"
	}
	return !strings.HasSuffix(p, "'s") && !strings.HasSuffix(p, "’s")
}

func isQuoteEndPunct(c byte) bool {
	return c == ',' || c == '.' || c == '?' || c == '!' || c == ';' || c == ':'
}

// transcript attributes a quote that opens with an upper-case speaker label
// and a colon ("PENCE: Well, look, …") to that label.
func (x *extractor) transcript(q *dquote) bool {
	t := x.t
	k := q.o + 1
	for k < len(t) && k < q.o+4 && t[k].k == kWord && isUpperWord(x.w(k)) {
		k++
	}
	if k == q.o+1 || !x.isPunct(k, ':') || k >= q.n {
		return false
	}
	q.spk = x.speaker(q.o+1, k)
	q.cue, q.cueSpan = x.cueOf(k, k+1)
	return true
}

func isUpperWord(w string) bool {
	if len(w) < 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] >= 'a' && w[i] <= 'z' {
			return false
		}
	}
	return w[0] >= 'A' && w[0] <= 'Z'
}

// plainNP reports whether tokens [a, b) hold no clause words or finite
// speech verbs: the words before a speaker's head phrase belong to it.
func (x *extractor) plainNP(a, b int) bool {
	for i := a; i < b; i++ {
		if x.t[i].k != kWord {
			if x.t[i].k != kPunct || x.isPunct(i, ':') || x.isPunct(i, ';') {
				return false
			}
			continue
		}
		f := x.f(i)
		if !x.t[i].cap && (f&fClause != 0 && f&fDet == 0 || f&fSpeech != 0 && f&fPast != 0) {
			return false
		}
	}
	return true
}

// recoverUnclosed handles a quote whose closing mark is missing: when the
// quote holds an attribution that ends a sentence ("…is rising, Mayor Ruiz
// said."), the quote ends at the comma before it and the attribution
// speaks.
func (x *extractor) recoverUnclosed(q *dquote) {
	if q.c >= 0 || q.spk != nil {
		return
	}
	t := x.t
	end := q.n
	if end > len(t) {
		end = len(t)
	}
	for v := q.o + 2; v < end; v++ {
		if t[v].k != kWord || x.f(v)&fSpeech == 0 || x.f(v)&fPast == 0 {
			continue
		}
		e := v + 1
		for e < end && !x.isPunct(e, '.') && !x.isPunct(e, '!') && !x.isPunct(e, '?') && t[e].k != kEnd {
			e++
		}
		a, b, ok := x.trailing(v, q.o+1, e)
		if !ok {
			continue
		}
		comma := a - 1
		if a > v {
			comma = v - 1
		}
		if comma <= q.o+1 || !x.isPunct(comma, ',') {
			continue
		}
		q.b = t[comma].e
		q.spk = x.speaker(a, b)
		q.cue, q.cueSpan = x.cueOf(v, v+1)
		q.explicit = true
		return
	}
}

// isTitleIntro reports whether w commonly introduces a title in quotation
// marks rather than a quotation.
func isTitleIntro(w string) bool {
	return inSet(titleIntros, w)
}

// outer returns the attribution that embeds the speech verb at v with
// subject [a, b): in "He says he believes the campaign has “…”" the quote
// is reported by the leftmost speaker of the sentence, so when a finite
// speech verb with its own subject precedes a, its subject and verb are
// returned. Otherwise a, b and v come back unchanged.
func (x *extractor) outer(ss, a, b, v int) (int, int, int) {
	for u := ss; u < a; u++ {
		if x.t[u].k != kWord || x.t[u].sent != 0 || x.t[u].cap {
			continue
		}
		f := x.f(u)
		if f&fSpeech == 0 || f&fPast == 0 || f&(fBare|fTold) == 0 || !x.verbAt(u) {
			continue
		}
		// the embedded clause must start right after the outer verb, its
		// addressee (told reporters he …) or an adverb (said, however, that)
		k := u + 1
		if f&fTold != 0 {
			for k < a && k < u+7 && x.npWordOK(k) && !(x.t[k].k == kWord && eqFold(x.w(k), "that")) {
				k++
			}
		}
		for k < a && (x.t[k].k == kWord && (eqFold(x.w(k), "that") || eqFold(x.w(k), "if") ||
			x.f(k)&(fTime|fAux) != 0 && x.f(k)&(fPrep|fPron) == 0) || x.isPunct(k, ',')) {
			k++
		}
		if k != a {
			continue
		}
		if a2, b2, ok := x.subjectBefore(u, ss); ok {
			return a2, b2, u
		}
	}
	return a, b, v
}

// lastChar returns the last byte of q's content before any closing single
// marks of an inner quotation ('old-school,' → ',').
func (x *extractor) lastChar(q *dquote) byte {
	b := q.b
	for b > q.a {
		r, n := decodeLast(x.text, b)
		if !isSingleQuote(r) || b-n <= q.a {
			break
		}
		b -= n
	}
	return x.text[b-1]
}

// isNounPlural reports whether the speech verb form w is also a common
// plural noun (states, reports, remarks), which it is when it ends a phrase.
func isNounPlural(w string) bool {
	return inSet(nounPlurals, w)
}

// isPronounDet reports whether the determiner w also stands alone as a
// subject: "another said", "some argued".
func isPronounDet(w string) bool {
	return inSet(pronounDeterminers, w)
}

// isContractedIs reports whether w is a pronoun with a contracted "is" or
// "has" (he’s, she's), not a possessive.
func isContractedIs(w string) bool {
	for _, suf := range [...]string{"'s", "’s"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) && inSet(contractedIs, w[:len(w)-len(suf)]) {
			return true
		}
	}
	return false
}

// pluralBase reports whether the base-form speech verb at v follows a plural
// or first-person subject: "They argue that", "officials warn".
func (x *extractor) pluralBase(v int) bool {
	if x.f(v)&fBase == 0 || v == 0 || x.t[v-1].k != kWord {
		return false
	}
	p := x.w(v - 1)
	return eqFold(p, "they") || eqFold(p, "we") || eqFold(p, "i") || x.f(v-1)&fSpeakerNoun != 0
}

// prevSentenceCue attributes a quote that follows a short sentence
// introducing it: "Dianne Bystrom agreed. “…”", "Sami recalled how the
// highway looked. “…”". The speech verb must come early in the sentence,
// after the phrase that opens it.
func (x *extractor) prevSentenceCue(q *dquote) bool {
	k := q.o - 1
	if k < 1 || x.t[k].k != kEnd {
		return false
	}
	ps, _ := x.sentenceBounds(k - 1)
	for v := ps + 1; v < k && v < ps+12; v++ {
		if x.t[v].k != kWord || x.t[v].cap || x.t[v].sent != 0 {
			if x.t[v].k == kOpen || x.t[v].k == kClose {
				return false
			}
			continue
		}
		f := x.f(v)
		if f&fSpeech == 0 || f&fPast == 0 && !x.pluralBase(v) || !x.verbAt(v) || isThought(x.w(v)) {
			continue
		}
		a, b, ok := x.subjectBefore(v, ps)
		if ok && a != ps {
			a, b, ok = x.sentenceSubject(ps, v)
		}
		if !ok && eqFold(x.w(v-1), "and") {
			a, b, ok = x.sentenceSubject(ps, v)
		}
		if !ok {
			return false
		}
		q.spk = x.speaker(a, b)
		q.cue, q.cueSpan = x.cueOf(v, v+1)
		q.explicit = true
		return true
	}
	return false
}

// dashLine attributes a quote that fills its paragraph to a name on the
// next line after a dash, as fact-checks and quote lists print them:
//
//	“…”
//	- Ana Ortega.
func (x *extractor) dashLine(q *dquote) {
	n := x.nextPara
	if n.End <= n.Start || q.o != 0 {
		return
	}
	r, w := decode(x.text, n.Start)
	if r != '-' && r != '—' && r != '–' && r != '―' {
		return
	}
	a := n.Start + w
	for a < n.End && isSpaceByte(x.text[a]) {
		a++
	}
	b := n.End
	for b > a && (x.text[b-1] == '.' || isSpaceByte(x.text[b-1])) {
		b--
	}
	if a >= b || x.text[a] < 'A' || x.text[a] > 'Z' || strings.Count(x.text[a:b], " ") > 9 || strings.ContainsAny(x.text[a:b], "\"“”-—–") {
		return
	}
	// a name, not a subheading: the words before any comma are capitalised
	head, _, _ := strings.Cut(x.text[a:b], ",")
	for _, w := range strings.Fields(head) {
		if c := w[0]; c >= 'a' && c <= 'z' {
			return
		}
	}
	s := &document.Speaker{Span: document.Span{Start: a, End: b}, Name: x.text[a:b], Entity: -1}
	x.resolve(s)
	q.spk = s
	q.explicit = true
}

// isThought reports whether the verb form w reports a thought or feeling
// rather than speech (fears, believed, hopes).
func isThought(w string) bool {
	for _, p := range thoughtPrefixes {
		if len(w) >= len(p) && eqFold(w[:len(p)], p) {
			return true
		}
	}
	return false
}

// isSubordinator reports whether w opens a subordinate clause that ends at
// a comma before the main clause (When …, If …); "As" and "But" do not, as
// in "As Ortega put it," or "But Ortega, noting …, said".
func isSubordinator(w string) bool {
	return inSet(subordinators, w)
}
