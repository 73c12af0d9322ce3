package quotes

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

const maxNP = 8

// npWordOK reports whether token i may be part of a speaker noun phrase.
func (x *extractor) npWordOK(i int) bool {
	t := x.t[i]
	if t.k == kWord {
		f := x.f(i)
		if t.cap {
			// capitalised clause words at the start of a sentence ("But", "And") end the phrase
			return f&(fClause|fAux) == 0 || f&fPron != 0 || isAbbrev(x.w(i))
		}
		if f&fClause != 0 && f&fDet == 0 {
			return false
		}
		if f&fSpeech != 0 && f&fPast != 0 && f&(fSpeakerNoun|fNominal) == 0 {
			return false
		}
		return f&fAux == 0 || f&fDet != 0
	}
	if t.k == kPunct {
		c := x.text[t.s]
		// Sen. Ted Cruz; Johnson & Johnson; Jean-Luc
		if c == '.' && i > 0 && x.t[i-1].k == kWord && x.t[i-1].e == t.s && isAbbrev(x.w(i-1)) {
			return true
		}
		return c == '&' || c == '\'' && i > 0 && x.t[i-1].e == t.s
	}
	return false
}

// validNP reports whether tokens [a, b) look like a speaker.
func (x *extractor) validNP(a, b int) bool {
	if a >= b {
		return false
	}
	head := b - 1
	for head > a && x.t[head].k != kWord {
		head--
	}
	if x.t[head].k != kWord {
		return false
	}
	hf := x.f(head)
	if b-a == 1 && (eqFold(x.w(head), "another") || eqFold(x.w(head), "one") || eqFold(x.w(head), "others")) {
		return true // "Yet another said", "one said"
	}
	if hf&fDet != 0 && hf&fPron == 0 || !x.t[head].cap && strings.HasSuffix(x.w(head), "ing") && b-a == 1 {
		return false
	}
	if hf&fNotSpeaker != 0 && hf&fPron == 0 {
		return false
	}
	if hf&fPron != 0 {
		return b-a == 1 && !eqFold(x.w(head), "who") && !eqFold(x.w(head), "you")
	}
	// a participle with its object is not a speaker: "calling the reports",
	// "channeling his roots", "referencing a super PAC"
	if b-a > 1 && x.t[a].k == kWord && !x.t[a].cap && strings.HasSuffix(x.w(a), "ing") && x.t[a+1].k == kWord && x.f(a+1)&(fDet|fPron) != 0 {
		return false
	}
	if hf&fPrep != 0 || hf&fTime != 0 {
		return false
	}
	hw := x.w(head)
	if hw[0] >= '0' && hw[0] <= '9' && !strings.Contains(hw, "-year-old") {
		return false // but "the 46-year-old" speaks
	}
	if x.verbInside(a, b, head) {
		return false
	}
	if x.t[head].cap || hf&fSpeakerNoun != 0 {
		return true
	}
	// a lower-case head needs a determiner, a number or a possessive before it
	for i := a; i < head; i++ {
		if x.f(i)&fDet != 0 || x.t[i].cap || x.t[i].k == kWord && x.w(i)[0] >= '0' && x.w(i)[0] <= '9' || strings.HasSuffix(x.w(i), "'s") || strings.HasSuffix(x.w(i), "’s") {
			return true
		}
	}
	return false
}

// verbInside reports whether the phrase [a, b) with head token head holds
// a finite verb, so that it is a clause and no speaker: a negated verb
// ("the donor didn't disclose his degree"), a common irregular past form
// ("The former president spoke hours"), or a past form after a bare noun
// at its end ("a court document filed").
func (x *extractor) verbInside(a, b, head int) bool {
	if x.verbAt2(a, b) >= 0 {
		return true
	}
	if h := x.w(head); head > a && !x.t[head].cap && strings.HasSuffix(h, "ed") && x.f(head)&fSpeakerNoun == 0 {
		p := head - 1
		return x.t[p].k == kWord && !x.t[p].cap && x.f(p)&(fDet|fPron|fPrep|fAux) == 0 && !strings.HasSuffix(x.w(p), "ly")
	}
	return false
}

// verbAt2 returns the first finite verb after the first word of [a, b): a
// negated form or a common irregular past (fVerb), or -1.
func (x *extractor) verbAt2(a, b int) int {
	for i := a + 1; i < b; i++ {
		if x.t[i].k != kWord || x.t[i].cap {
			continue
		}
		if w := x.w(i); strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n’t") || x.f(i)&fVerb != 0 {
			return i
		}
	}
	return -1
}

// subjectBefore finds the speaker phrase that ends before the verb at v,
// looking no further back than lo. It skips auxiliaries and adverbs (has,
// also, later) and, for "Ortega, 54, said" or "Ortega, the envoy, said",
// the appositive. It returns the token range [a, b).
func (x *extractor) subjectBefore(v, lo int) (int, int, bool) {
	if a, b, ok := x.withAbsolute(v, lo); ok {
		return a, b, true
	}
	if a, b, ok := x.relativeAntecedent(v, lo); ok {
		return a, b, true
	}
	j := v - 1
	for j >= lo && x.t[j].k == kWord && !x.t[j].cap && (x.f(j)&fAux != 0 || strings.HasSuffix(x.w(j), "ly")) && x.f(j)&fDet == 0 {
		j--
	}
	b := j + 1
	if j >= lo && x.t[j].k == kWord && x.f(j)&fPron != 0 && !eqFold(x.w(j), "it") && !eqFold(x.w(j), "who") && !eqFold(x.w(j), "you") {
		return j, j + 1, true // a subject pronoun is the whole phrase: "at the mention of email she laughed"
	}
	n := 0
	for j >= lo && n < maxNP {
		if x.isPunct(j, ')') && b == j+1 {
			// Rep. Gwen Moore (D-Wis.) said: skip the parenthesis
			k := j - 1
			for k >= lo && k > j-8 && !x.isPunct(k, '(') {
				k--
			}
			if k >= lo && x.isPunct(k, '(') {
				j = k - 1
				b = k
				continue
			}
		}
		if !x.npWordOK(j) {
			break
		}
		j--
		n++
	}
	a := j + 1
	// "40% of Labour claims as": a phrase that opens with "of" after a
	// head the scan could not take (a symbol such as "%", not a clause's
	// punctuation: "Rodgers, of the bank, said" keeps its appositive) is
	// that head's complement, no subject
	if a < b && a-1 >= lo && a-1 >= 0 && x.t[a].k == kWord && eqFold(x.w(a), "of") && x.t[a-1].k == kPunct &&
		!strings.ContainsRune(",;:.!?()[]\"'“”‘’-–—", rune(x.text[x.t[a-1].s])) {
		return 0, 0, false
	}
	// trim a leading preposition phrase start or stray determiner-less words
	for a < b && x.t[a].k == kWord && !x.t[a].cap && x.f(a)&(fPrep|fClause|fAux) != 0 && x.f(a)&fDet == 0 {
		a++
	}
	for a < b && x.t[a].k == kPunct {
		a++
	}
	// "led by the veteran envoy": a phrase opening with a bare lower-case
	// word runs through a verb; the speaker is the object of its preposition
	if a < b && x.t[a].k == kWord && !x.t[a].cap && x.f(a)&(fDet|fPron|fSpeakerNoun) == 0 && !startsDigit(x.w(a)) &&
		!strings.HasSuffix(x.w(a), "'s") && !strings.HasSuffix(x.w(a), "’s") {
		verb := eqFold(x.w(a), "led") || strings.HasSuffix(x.w(a), "ed") || strings.HasSuffix(x.w(a), "ing")
		for p := b - 2; p > a; p-- {
			// "military officials on both sides" keeps its head: only a verb
			// form or a passive agent ("by") cuts the phrase
			if x.t[p].k == kWord && !x.t[p].cap && x.f(p)&fPrep != 0 && !eqFold(x.w(p), "of") && (verb || eqFold(x.w(p), "by")) {
				a = p + 1
				break
			}
		}
	}
	// "the envoy who leads the delegation, told": the relative clause's antecedent speaks
	// but in "which he described as", the pronoun or name after "which" is
	// the subject itself
	if a > lo && a <= b && x.t[a-1].k == kWord && (eqFold(x.w(a-1), "who") || eqFold(x.w(a-1), "which")) &&
		(a == b || !x.t[a].cap && x.f(a)&(fPron|fDet) == 0) {
		k := a - 1
		if k-1 > lo && x.isPunct(k-1, ',') {
			k-- // "led by Ana Ortega, who called": the phrase before the comma
		}
		if a2, b2, ok := x.subjectBefore(k, lo); ok {
			return a2, b2, true
		}
	}
	// "Trump, in Kentucky, said": a prepositional inset, not the subject
	if a > lo && a < b && x.t[a-1].k == kWord && x.f(a-1)&fPrep != 0 && !x.t[a-1].cap && a-2 > lo && x.isPunct(a-2, ',') &&
		!strings.HasSuffix(x.w(v), "ing") {
		return x.subjectBefore(a-2, lo)
	}
	if k := x.verbAt2(a, b); k > a && x.validNP(a, k) {
		return a, k, true // "Bryne went on to say": the phrase before the verb
	}
	if x.validNP(a, b) {
		return a, b, true
	}
	// Ortega, 54, said
	if a == b && !strings.HasSuffix(x.w(v), "ing") || a < b && x.words(a, b) == 1 && x.w(b - 1)[0] >= '0' && x.w(b - 1)[0] <= '9' {
		if a-1 >= lo && x.isPunct(a-1, ',') && a-1 > lo {
			if c := x.whoseClause(a-1, lo); c > lo {
				// "Lind, whose district lies along the coast, said": the
				// clause closed by the comma is the antecedent's
				return x.subjectBefore(c, lo)
			}
			a2, b2, ok := x.subjectBefore(a-1, lo)
			// the phrase before the comma must open its clause, not be the
			// object of a word before it ("was behind her tone, called her")
			if ok && a2 > lo && x.t[a2-1].k == kWord && !x.t[a2-1].cap && x.f(a2-1)&fClause == 0 {
				return 0, 0, false
			}
			// "Vian, the editor of the Vatican's newspaper, L'Osservatore
			// Romano, said": appositives between commas; the name that opens
			// the clause speaks
			for l, a3 := 0, a2; ok && l < 3 && a3-1 > lo && x.isPunct(a3-1, ','); l++ {
				a4, b4, ok4 := x.subjectBefore(a3-1, lo)
				if !ok4 {
					break
				}
				w4 := x.w(a4)
				if x.f(a4)&(fPrep|fTime) != 0 || strings.HasSuffix(w4, "ing") || strings.HasSuffix(w4, "ed") {
					break // an introductory phrase: "In a statement, …"
				}
				if x.t[b4-1].cap && (a4 == lo || x.t[a4-1].k == kWord && x.f(a4-1)&fClause != 0 || x.endsSentence(a4-1)) {
					return a4, b4, true // a name, not a role ("His lawyer, Chidi Eze, told" keeps the name)
				}
				a3 = a4
			}
			return a2, b2, ok
		}
	}
	return 0, 0, false
}

// subjectAfter finds the speaker phrase that starts at token s (said Ana
// Ortega, the envoy; said the ministry).
func (x *extractor) subjectAfter(s, hi int) (int, int, bool) {
	if s < hi && x.t[s].k == kWord && !x.t[s].cap && x.f(s)&fPrep != 0 {
		return 0, 0, false // said of the plan
	}
	j := s
	n := 0
	for j < hi && n < maxNP {
		if !x.npWordOK(j) {
			break
		}
		f := x.f(j)
		if x.t[j].k == kWord && !x.t[j].cap && f&fPrep != 0 && !eqFold(x.w(j), "of") && !eqFold(x.w(j), "for") {
			break
		}
		if x.t[j].k == kWord && f&fTime != 0 && f&fDet == 0 && (!x.t[j].cap || f&fPrep == 0) && !(j > s && x.f(j-1)&fDet != 0) {
			break // but a time word after a determiner modifies: "a Wednesday editorial"
		}
		j++
		n++
	}
	b := j
	for b > s && x.t[b-1].k == kWord && !x.t[b-1].cap && x.f(b-1)&(fPrep|fDet) != 0 {
		b--
	}
	if b > s && x.validNP(s, b) {
		return s, b, true
	}
	return 0, 0, false
}

// speaker builds the Speaker of tokens [a, b), resolved through the
// entities layer when a mention overlaps the span.
func (x *extractor) speaker(a, b int) *document.Speaker {
	sp := document.Span{Start: x.t[a].s, End: x.t[b-1].e}
	// strip a trailing possessive: not needed for speakers, kept as written
	s := &document.Speaker{Span: sp, Name: x.text[sp.Start:sp.End], Entity: -1}
	x.resolve(s)
	if b-a == 1 {
		x.pronounFallback(s, x.w(a))
	}
	return s
}

// pronounFallback re-resolves a "he" or "she" speaker that the entities
// layer left unresolved, resolved to something other than a person, or
// resolved to a person of the other gender: the most recent earlier quote
// whose speaker is a person of a compatible gender speaks again. This is
// the quotes-local fallback for coreference errors; a pronoun the entities
// layer resolved plausibly is kept as it is.
func (x *extractor) pronounFallback(s *document.Speaker, w string) {
	var g string
	switch {
	case eqFold(w, "he"):
		g = "m"
	case eqFold(w, "she"):
		g = "f"
	default:
		return
	}
	ents := x.d.Entities
	if len(ents) == 0 {
		return
	}
	if s.Entity >= 0 && s.Entity < len(ents) {
		e := &ents[s.Entity]
		if e.Type == document.Person && (e.Gender == "" || e.Gender == g) {
			return
		}
	}
	for i, n := len(x.out)-1, 0; i >= 0 && n < 30; i, n = i-1, n+1 {
		p := x.out[i].Speaker
		if p == nil || p.Entity < 0 || p.Entity >= len(ents) || p.Entity == s.Entity {
			continue
		}
		e := &ents[p.Entity]
		if e.Type != document.Person || e.Gender != g || e.Plural {
			continue
		}
		s.Entity = p.Entity
		if e.Name != "" {
			s.Name = e.Name
		}
		return
	}
}

// resolve sets s.Entity and s.Name from the mention overlapping s.Span,
// preferring names, then the mention that ends last (the head).
func (x *extractor) resolve(s *document.Speaker) {
	ms := x.ms
	if len(ms) == 0 {
		return
	}
	// first mention ending after the span start
	lo, hi := 0, len(ms)
	for lo < hi {
		m := (lo + hi) / 2
		if ms[m].End <= s.Start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	// the mention must hold the phrase's head or start it. The head is the
	// last word before a post-modifier ("Ana Ruiz of Banco Atlántico", "a
	// spokesman for the army": the person, not the affiliation), else the
	// last word ("the ceremony on a screen on the Mall" is not the Mall
	// speaking).
	end := x.headEnd(s.Span)
	lastWord := end
	for lastWord > s.Start && !isSpaceByte(x.text[lastWord-1]) {
		lastWord--
	}
	best := -1
	score := -1
	for i := lo; i < len(ms) && ms[i].Start < end; i++ {
		m := ms[i]
		if !m.Span.Overlaps(s.Span) || m.Entity < 0 || m.Entity >= len(x.d.Entities) {
			continue
		}
		if m.End <= lastWord && m.Start != s.Start {
			continue
		}
		sc := 1
		switch m.Kind {
		case document.Name:
			sc = 3
		case document.Nominal:
			sc = 2
		}
		if m.Type == document.Person || m.Type == document.Org || m.Type == document.GPE || m.Type == document.NORP {
			sc += 3
		}
		if s.Span.Contains(m.Span) {
			sc += 6
		}
		if sc >= score {
			best, score = i, sc
		}
	}
	if best >= 0 {
		e := ms[best].Entity
		s.Entity = e
		if n := x.d.Entities[e].Name; n != "" {
			s.Name = n
		}
	}
}

// relativeAntecedent handles a speech verb inside a relative clause whose
// subject is the relative pronoun ("Trump, who has a commanding lead in
// delegates, mocked"; "Beck, who has in the past described"): it returns
// the phrase before "who" or "which". A relative clause with its own
// subject ("which he described as") is left alone.
func (x *extractor) relativeAntecedent(v, lo int) (int, int, bool) {
	sub := -1 // the last subordinator the scan crossed ("since he ended his bid")
	for w := v - 1; w > lo && w >= v-24; w-- {
		if w < v-14 && sub < 0 {
			return 0, 0, false // a longer clause needs a subordinate clause to explain its length
		}
		t := x.t[w]
		if t.k != kWord {
			if t.k == kPunct && (x.isPunct(w, ',') || x.isPunct(w, '.') || x.isPunct(w, '\'')) {
				continue
			}
			return 0, 0, false
		}
		if eqFold(x.w(w), "who") || eqFold(x.w(w), "which") {
			if w == v-1 {
				return 0, 0, false // "Ortega, who said": handled by the caller
			}
			end := v
			if sub > w {
				end = sub // "Holt, who has campaigned for Banks since he left the race, said": the subordinate clause has its own subject
			}
			for k := w + 1; k < end; k++ {
				if x.t[k].k != kWord {
					continue
				}
				if (k == w+1 || sub < w) && (x.f(k)&fPron != 0 || x.t[k].cap && !(x.t[k-1].k == kWord && x.f(k-1)&fPrep != 0)) {
					return 0, 0, false // the clause has its own subject
				}
				if x.f(k)&fSpeech != 0 && x.f(k)&fPast != 0 {
					return 0, 0, false
				}
			}
			k := w
			if x.isPunct(k-1, ',') {
				k--
			}
			if k <= lo {
				return 0, 0, false
			}
			return x.subjectBefore(k, lo)
		}
		if isSubordinator(x.w(w)) && !x.t[w].cap && w > lo && x.t[w-1].k == kWord && x.commaBefore(v) > w {
			sub = w // inside the relative clause, which a comma closes before the verb: look on for "who"
			continue
		}
		if x.f(w)&fClause != 0 && x.f(w)&fDet == 0 {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// withAbsolute finds the subject of an -ing verb at v in an absolute
// construction ("ends with a narrator saying", "with many fans and
// neighbours chanting"): the phrase between a lower-case "with" and the
// verb, which may join two nouns with "and". It returns [a, b).
func (x *extractor) withAbsolute(v, lo int) (int, int, bool) {
	if v <= 0 || x.t[v].k != kWord || !strings.HasSuffix(x.w(v), "ing") {
		return 0, 0, false
	}
	for w := v - 1; w > lo && w >= v-maxNP-1; w-- {
		if x.t[w].k != kWord && !x.npWordOK(w) {
			return 0, 0, false
		}
		if x.t[w].k == kWord && !x.t[w].cap && eqFold(x.w(w), "with") {
			if w+1 < v && x.validNP(w+1, v) {
				return w + 1, v, true
			}
			return 0, 0, false
		}
		if x.t[w].k == kWord && !x.npWordOK(w) && !eqFold(x.w(w), "and") {
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// whoseClause returns, when the comma at c closes a relative clause opened
// by "whose" (", whose district lies along the coast,"), the index of the
// comma before "whose"; else -1. The clause holds no other comma (but a name
// between commas, "whose hometown, Port Arlo, is"), quotation mark or sentence
// end and is at most 30 tokens long.
func (x *extractor) whoseClause(c, lo int) int {
	for w := c - 1; w > lo && w >= c-30; w-- {
		t := x.t[w]
		if t.k != kWord {
			if t.k == kPunct && !x.isPunct(w, ',') && !x.endsSentence(w) {
				continue
			}
			if x.isPunct(w, ',') {
				// a name between commas inside the clause: "whose
				// hometown, Port Arlo, is"
				k := w - 1
				for k > lo && w-k <= 4 && x.t[k].k == kWord && x.t[k].cap {
					k--
				}
				if k < w-1 && x.isPunct(k, ',') {
					w = k
					continue
				}
			}
			return -1
		}
		if eqFold(x.w(w), "whose") {
			if x.isPunct(w-1, ',') && w-1 > lo {
				return w - 1
			}
			return -1
		}
	}
	return -1
}

// commaBefore returns the index of the comma right before the verb at v,
// with only auxiliaries and adverbs between them ("…, has also said"), or -1.
func (x *extractor) commaBefore(v int) int {
	j := v - 1
	for j >= 0 && x.t[j].k == kWord && !x.t[j].cap && (x.f(j)&fAux != 0 || strings.HasSuffix(x.w(j), "ly")) && x.f(j)&fDet == 0 {
		j--
	}
	if j >= 0 && x.isPunct(j, ',') {
		return j
	}
	return -1
}

// speakerFor builds the speaker of the speech verb at v whose subject
// phrase is [a, b). When the verb's subject is a relative pronoun after
// that phrase ("Mike Pence, who called their son “…”"), the attribution
// rests on the pronoun: the span is "who" and the name and entity are the
// antecedent's.
func (x *extractor) speakerFor(a, b, v int) *document.Speaker {
	s := x.speaker(a, b)
	if r := x.relPronoun(v); r >= b {
		s.Span = document.Span{Start: x.t[r].s, End: x.t[r].e}
	}
	return s
}

// relPronoun returns the relative pronoun (who, which, that after a noun)
// that is the subject of the verb at v, with only auxiliaries, adverbs and
// prepositional phrases between them, or -1.
func (x *extractor) relPronoun(v int) int {
	for w := v - 1; w >= 0 && w >= v-10; w-- {
		if x.t[w].k != kWord {
			return -1
		}
		ww := x.w(w)
		if eqFold(ww, "who") || eqFold(ww, "which") || eqFold(ww, "that") && w > 0 && x.t[w-1].k == kWord &&
			x.f(w-1)&(fSpeech|fAux|fPrep|fClause|fDet|fPron) == 0 {
			for k := w + 1; k < v; k++ {
				if x.f(k)&fPron != 0 || x.t[k].cap && !(x.t[k-1].k == kWord && x.f(k-1)&fPrep != 0) {
					return -1 // the clause has its own subject: which he described
				}
			}
			return w
		}
		if x.f(w)&fClause != 0 && x.f(w)&fDet == 0 {
			return -1
		}
	}
	return -1
}

// headEnd returns where the head of the speaker phrase sp ends: before
// its first post-modifier, a lower-case preposition or a comma after at
// least one word (Ana Ruiz of Banco Atlántico; a spokesman for the army;
// Ortega, the envoy), or at sp.End.
func (x *extractor) headEnd(sp document.Span) int {
	words := 0
	for i := sp.Start; i < sp.End; {
		j := i
		for j < sp.End && !isSpaceByte(x.text[j]) {
			j++
		}
		w := x.text[i:j]
		if words > 0 && w != "" && w[0] >= 'a' && w[0] <= 'z' && flagsOf(w)&fPrep != 0 && !x.inName(i, j) {
			return i
		}
		if words > 0 && strings.HasSuffix(w, ",") {
			return i + len(w) - 1
		}
		words++
		for j < sp.End && isSpaceByte(x.text[j]) {
			j++
		}
		i = j
	}
	return sp.End
}

// inName reports whether bytes [a, b) lie inside one name mention
// ("University of Michigan"): a preposition there is part of the name.
func (x *extractor) inName(a, b int) bool {
	for i := x.mentionsFrom(a); i < len(x.ms) && x.ms[i].Start < b; i++ {
		if m := x.ms[i]; m.Kind == document.Name && m.Start < a && m.End >= b {
			return true
		}
	}
	return false
}

func startsDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }
