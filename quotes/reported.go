package quotes

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// markQuotes sets tok.sent to the direct quote (index+1) that contains each
// token, marks included, or 0.
func (x *extractor) markQuotes() {
	for i := range x.t {
		x.t[i].sent = 0
	}
	for qi, q := range x.dq {
		end := q.n
		if end > len(x.t) {
			end = len(x.t)
		}
		for j := q.o; j < end; j++ {
			x.t[j].sent = int32(qi + 1)
		}
	}
}

// sentenceBounds returns [s, e) of the sentence holding token i: e is the
// index of the ending mark or len(t).
func (x *extractor) sentenceBounds(i int) (int, int) {
	s := i
	for s > 0 && !x.endsSentence(s-1) {
		s--
	}
	e := i
	for e < len(x.t) && !x.endsSentence(e) {
		e++
	}
	return s, e
}

// endsSentence reports whether token i ends a sentence: a full stop outside
// quotes, or a closing mark after a full stop followed by a capitalised word
// or another quote (“All options remain open.” According to police, …).
func (x *extractor) endsSentence(i int) bool {
	t := x.t
	if t[i].k == kEnd {
		return true
	}
	if t[i].k != kClose || i == 0 || t[i-1].k != kPunct {
		return false
	}
	if c := x.text[t[i-1].s]; c != '.' && c != '!' && c != '?' {
		return false
	}
	return i+1 == len(t) || t[i+1].k == kOpen || t[i+1].k == kWord && t[i+1].cap && x.f(i+1)&fSpeech == 0
}

// reported finds reported speech in the current paragraph.
func (x *extractor) reported() []attr {
	x.markQuotes()
	t := x.t
	var out []attr
	ss := 0
	for ss < len(t) {
		se := ss
		for se < len(t) && !x.endsSentence(se) {
			se++
		}
		if se < len(t) && t[se].k == kClose {
			out = x.sentence(ss, se+1, out)
		} else {
			out = x.sentence(ss, se, out)
		}
		ss = se + 1
	}
	return out
}

// content returns the byte span of tokens [a, b) or false when it holds
// fewer than three words or is exactly one direct quote.
func (x *extractor) content(a, b int) (document.Span, bool) {
	for a < b && x.t[a].k == kPunct && (x.isPunct(a, ',') || x.isPunct(a, ':')) {
		a++
	}
	for b > a && x.t[b-1].k == kPunct && (x.isPunct(b-1, ',') || x.isPunct(b-1, ';') || x.isPunct(b-1, ':')) {
		b--
	}
	if a >= b || x.words(a, b) < 3 {
		return document.Span{}, false
	}
	// skip a dateline: GENEVA (Wire) — Talks …
	if x.t[a].k == kWord && isUpperWord(x.w(a)) {
		for k := a; k < b && k < a+8; k++ {
			if x.isDash(k) {
				if x.words(k+1, b) >= 3 {
					a = k + 1
				}
				break
			}
			if x.t[k].k == kWord && !x.t[k].cap {
				break
			}
		}
	}
	if x.t[a].k == kOpen && x.t[a].sent != 0 && x.t[b-1].sent == x.t[a].sent {
		return document.Span{}, false // a direct quote: handled as such
	}
	return document.Span{Start: x.t[a].s, End: x.t[b-1].e}, true
}

func (x *extractor) cueOf(a, b int) (string, document.Span) {
	sp := document.Span{Start: x.t[a].s, End: x.t[b-1].e}
	return x.text[sp.Start:sp.End], sp
}

// sentence finds the attributions of tokens [ss, se).
func (x *extractor) sentence(ss, se int, out []attr) []attr {
	t := x.t
	var last *document.Speaker
	for i := ss; i < se; i++ {
		if t[i].k != kWord || t[i].sent != 0 {
			continue
		}
		w := x.w(i)
		f := x.f(i)
		// according to X, ... / ..., according to X.
		if eqFold(w, "according") && i+1 < se && eqFold(x.w(i+1), "to") {
			a, b, ok := x.subjectAfter(i+2, se)
			if !ok {
				continue
			}
			cue, cs := x.cueOf(i, i+2)
			var c document.Span
			if x.isPunct(i-1, ',') {
				c, ok = x.content(ss, i-1)
			} else if x.words(ss, i) == 0 {
				c, ok = x.content(b, se)
			} else {
				ok = false
			}
			if ok {
				last = x.speaker(a, b)
				out = append(out, attr{content: c, cue: cue, cueSpan: cs, spk: last})
			}
			continue
		}
		// X's statement that ...
		if f&fNominal != 0 && i+1 < se && eqFold(x.w(i+1), "that") && i > ss {
			pw := x.w(i - 1)
			if t[i-1].k == kWord && (strings.HasSuffix(pw, "'s") || strings.HasSuffix(pw, "’s")) {
				a, b, ok := x.subjectBefore(i, ss)
				if ok {
					c, ok2 := x.content(i+2, se)
					if ok2 {
						sp := x.speaker(a, b)
						end := sp.End - 2
						if strings.HasSuffix(pw, "’s") {
							end = sp.End - len("’s")
						}
						if end > sp.Start {
							sp.Span.End = end
							sp.Name = x.text[sp.Start:sp.End]
							sp.Entity = -1
							x.resolve(sp)
						}
						cue, cs := x.cueOf(i, i+1)
						out = append(out, attr{content: c, cue: cue, cueSpan: cs, spk: sp})
					}
				}
			}
			continue
		}
		if f&fSpeech == 0 || !x.verbAt(i) || t[i].cap {
			continue
		}
		ing := strings.HasSuffix(w, "ing")
		// ..., adding that ... — continues the last speaker of the sentence
		if ing {
			if last != nil && x.isPunct(i-1, ',') {
				j := i + 1
				if i+1 < se && eqFold(x.w(i+1), "that") {
					j = i + 2
				} else if f&fBare == 0 {
					continue
				}
				if c, ok := x.content(j, se); ok {
					cue, cs := x.cueOf(i, i+1)
					out = append(out, attr{content: c, cue: cue, cueSpan: cs, spk: last})
				}
			}
			continue
		}
		if f&fPast == 0 {
			continue
		}
		// ..., X said. / ..., said X.
		if a, b, ok := x.trailing(i, ss, se); ok {
			cEnd := a - 1
			if x.w(i) == "" {
				continue
			}
			var spk *document.Speaker
			if a > i { // inverted
				cEnd = i - 1
			}
			spk = x.speaker(a, b)
			if c, ok := x.content(ss, cEnd); ok && t[cEnd].sent == 0 {
				cue, cs := x.cueOf(i, i+1)
				out = append(out, attr{content: c, cue: cue, cueSpan: cs, spk: spk})
				last = spk
			}
			continue
		}
		// X said (that) ...
		a, b, ok := x.subjectBefore(i, ss)
		if !ok {
			continue
		}
		if a > ss && !(x.isPunct(a-1, ',') || t[a-1].k == kWord && x.f(a-1)&fClause != 0) {
			continue
		}
		// "if the army continued operations": a condition, not a report
		if a > ss && t[a-1].k == kWord && (eqFold(x.w(a-1), "if") || eqFold(x.w(a-1), "unless")) {
			continue
		}
		j := i + 1
		cueEnd := i + 1
		if j < se && f&fParticle == 0 && x.f(j)&fParticle != 0 && eqFold(w, "pointed") {
			j++
			cueEnd = j
		}
		if eqFold(w, "pointed") && cueEnd == i+1 {
			continue
		}
		if x.negated(i, a) && j < se && t[j].k == kWord && isOpenQuestion(x.w(j)) {
			continue // "did not say whether ...": an unanswered question, not a claim
		}
		c, ok := x.clause(i, j, se, f)
		if !ok {
			continue
		}
		sp := x.speakerFor(a, b, i)
		cue, cs := x.cueOf(i, cueEnd)
		out = append(out, attr{content: c, cue: cue, cueSpan: cs, spk: sp})
		last = sp
	}
	return out
}

// trailing matches ", X said." or ", said X." for the verb at v: the
// attribution follows a comma and ends the sentence, perhaps with adjuncts
// ("in a statement", "on Monday"). It returns the speaker tokens.
func (x *extractor) trailing(v, ss, se int) (int, int, bool) {
	// what follows the verb must not be a clause: no "that", no colon, few words
	rest := x.words(v+1, se)
	for j := v + 1; j < se; j++ {
		if x.t[j].k == kWord && x.f(j)&fSpeech != 0 && x.f(j)&fPast != 0 {
			return 0, 0, false
		}
		if x.t[j].k == kWord && eqFold(x.w(j), "that") || x.isPunct(j, ':') || x.t[j].k == kOpen {
			return 0, 0, false
		}
	}
	if x.isPunct(v-1, ',') && v-1 > ss {
		if x.f(v)&fTold != 0 {
			return 0, 0, false // "…, told CBS News.": the addressee, not the speaker
		}
		a, b, ok := x.subjectAfter(v+1, se)
		if ok && rest <= 12 && !(b < se && x.t[b].k == kWord && x.f(b)&fAux != 0 && !strings.HasSuffix(x.w(b), "ly")) {
			return a, b, true
		}
		// "Its chief executive, 58, said the company would invest": a clause
		// follows, so the phrase after the verb is its subject, not a speaker
		return 0, 0, false
	}
	a, b, ok := x.subjectBefore(v, ss)
	if !ok || a-1 <= ss || !x.isPunct(a-1, ',') || rest > 10 {
		return 0, 0, false
	}
	return a, b, true
}

// clause returns the content after the cue verb at v, starting at token j:
// "that ...", ": ...", or a bare clause for verbs that take one. "told"
// skips its addressee first.
func (x *extractor) clause(v, j, se int, f uint32) (document.Span, bool) {
	t := x.t
	if j >= se {
		return document.Span{}, false
	}
	// skip adjuncts and the addressee up to "that" when it comes soon
	comma := false
	for k := j; k < se && k < j+9; k++ {
		if t[k].k != kWord && !x.isPunct(k, ',') && !x.isPunct(k, '.') {
			break
		}
		if t[k].k == kWord && eqFold(x.w(k), "that") {
			return x.content(k+1, se)
		}
		if t[k].k == kWord && x.f(k)&fSpeech != 0 && x.f(k)&fPast != 0 {
			break
		}
		// a finite auxiliary or copula ("said the rise was necessary to
		// cut subsidies that cost ...") means the bare clause has begun:
		// a later "that" belongs to it, not to the cue. After a comma it
		// may sit in a parenthetical ("cautioned, as did the campaign,
		// that ...") or follow an inserted cue ("the truth, he said then,
		// was that ...").
		if x.isPunct(k, ',') {
			comma = true
		}
		if !comma && t[k].k == kWord && x.f(k)&(fAux|fNotSpeaker) == fAux|fNotSpeaker {
			break
		}
	}
	if x.isPunct(j, ':') {
		return x.content(j+1, se)
	}
	if f&fTold != 0 && t[j].k == kWord {
		// told reporters / told him / told the Associated Press
		k := j
		af := x.f(k)
		switch {
		case af&fAddressee != 0 && af&fDet == 0:
			k++
		case t[k].cap:
			for k < se && t[k].k == kWord && t[k].cap {
				k++
			}
		default:
			return document.Span{}, false
		}
		if k < se && (x.isPunct(k, ':') || x.isPunct(k, ',')) {
			k++
		}
		j = k
		if j >= se {
			return document.Span{}, false
		}
		if x.f(j)&fTime != 0 || x.f(j)&fPrep != 0 || eqFold(x.w(j), "to") {
			return document.Span{}, false
		}
		return x.content(j, se)
	}
	if f&fBare == 0 || t[j].k != kWord {
		if t[j].k == kOpen {
			return document.Span{}, false
		}
		return document.Span{}, false
	}
	jf := x.f(j)
	if jf&(fPrep|fTime) != 0 && jf&fDet == 0 || jf&fAux != 0 && jf&fPron == 0 || eqFold(x.w(j), "to") || eqFold(x.w(j), "so") {
		return document.Span{}, false
	}
	if jf&fClause != 0 && jf&fDet == 0 && !eqFold(x.w(j), "if") && !eqFold(x.w(j), "whether") {
		return document.Span{}, false
	}
	return x.content(j, se)
}

// negated reports whether the speech verb at v is negated or refused between
// its subject (ending before token b) and the verb: "did not say", "would
// n't say", "never said", "declined to say", "refused to say".
func (x *extractor) negated(v, b int) bool {
	for k := v - 1; k >= b && k >= v-4; k-- {
		if x.t[k].k != kWord {
			return false
		}
		w := x.w(k)
		switch {
		case inSet(negations, w), strings.HasSuffix(w, "n't"), strings.HasSuffix(w, "n’t"):
			return true
		case inSet(refusals, w):
			return k+1 < v && eqFold(x.w(k+1), "to")
		}
	}
	return false
}

// isOpenQuestion reports whether w opens an embedded question: whether, if,
// or a wh-word.
func isOpenQuestion(w string) bool {
	return inSet(openQuestions, w)
}
