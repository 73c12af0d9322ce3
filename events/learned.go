package events

// The classifier's step: a sentence the lexicon has no trigger for is
// coded from the learned type (classify.go) and the roles of its main
// predicate's frame (frame.go); it needs the syntax layer.

import (
	"fmt"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
)

// Decision steps of an event's code, in order; Event traces name them.
const (
	stepPattern    = "lexicon pattern"
	stepClassifier = "classifier"
)

// typeCodes are the CAMEO codes the classifier's types are coded with
// (data/words.txt [typeCodes]); minProb is its confidence threshold.
var minProb, mainMinProb = classifierSetting("minProb"), classifierSetting("mainMinProb")

func classifierSetting(name string) float64 {
	v, ok := lex.Floats("classifier")[name]
	if !ok {
		return 2 // never: a missing setting turns the step off
	}
	return v
}

// classified codes sentence si from the classifier; it returns nil when
// the lexicon matched in the sentence, the model is not confident, or the
// roles name no actor with a country.
func (c *coder) classified(si int) []document.Event {
	m := c.s.model
	if m == nil || len(c.mentionsBySent[si]) == 0 || !hasSyntax(c.d, si) {
		return nil
	}
	if c.load(si); len(c.matchAll()) > 0 {
		return nil
	}
	// roles first: they are cheap and most sentences name no two actors
	pred, src, tgt, srcStep, tgtStep := c.classifiedRoles(si)
	if pred < 0 || src < 0 || src == tgt || tgt >= 0 && c.same(src, tgt) {
		return nil
	}
	srcs, tgts := []int{src}, []int{tgt}
	if tgt < 0 {
		tgts = nil
	}
	if !c.anyCountry(srcs) && !c.anyCountry(tgts) {
		return nil
	}
	typ, prob, none := m.Best(m.Probs(c.features(si)), None)
	code, ok := cameo.Lookup(typeCodes[typ])
	if !ok || prob < minProb || prob <= none || !m.Supports(frameFeatures(c.d, c.frameAt(si, pred)), typ, None) {
		// (the predicate's own frame must speak for the type, not only
		// the sentence's other words: "declared X the winner against ...")
		return nil
	}
	p := &pattern{code: code, verbal: true, items: []item{{kind: itemWords, alts: []alt{newAlt(c.low(pred), false)}}}}
	trig := c.span(pred, pred+1)
	c.step(trig, stepClassifier, fmt.Sprintf("%s p=%.2f", typ, prob), srcStep, tgtStep)
	return []document.Event{{
		Span: trig, Sentence: si, Code: code.Code, Root: code.Root, Quad: code.Quad, Goldstein: code.Goldstein,
		Plover: typ, Source: c.participant(src), Target: c.participant(tgt), Location: -1,
		Negated: c.negated(pred), Hypothetical: c.futureMarked(pred, p), Reported: c.reported(pred, pred+1),
		Evidence: []document.Span{trig},
	}}
}

// classifiedRoles returns the predicate (relative token), the source and
// the target mention of sentence si (-1 when absent) and the steps that
// chose them, from the main predicate's frame (its reported clause when
// the predicate is a speech verb). Without the syntax layer it returns no
// predicate: read without a parse, a sentence's actors and verb were right
// too seldom (on the all-layer gold the step added false events only).
func (c *coder) classifiedRoles(si int) (pred, src, tgt int, srcStep, tgtStep string) {
	d := c.d
	f, ok := c.mainFrame(si)
	if !ok {
		return -1, -1, -1, "", ""
	}
	kids := children(d, si)
	f = c.frameAt(si, f.Pred-c.first)
	if c.byTok == nil {
		c.byTok = mentionTokens(d)
	}
	byTok := c.byTok
	named := func(t int) bool {
		mi := argMention(d, si, t, kids, byTok)
		return mi >= 0 && c.actor(mi) != ""
	}
	s, srcStep := roleSource(d, si, f, kids)
	t, tgtStep := roleTarget(f, named)
	src, tgt = argMention(d, si, s, kids, byTok), argMention(d, si, t, kids, byTok)
	if src >= 0 && c.actor(src) == "" {
		src = -1
	}
	if tgt >= 0 && c.actor(tgt) == "" {
		tgt = -1
	}
	return f.Pred - c.first, src, tgt, srcStep, tgtStep
}

// frameAt returns the frame of relative token pred of sentence si, or of
// its reported clause when pred is a speech verb ("X said Y did Z").
func (c *coder) frameAt(si, pred int) Frame {
	kids := children(c.d, si)
	f := frameOf(c.d, si, c.first+pred, kids)
	if f.Ccomp >= 0 && speechCues[c.low(pred)] {
		f = frameOf(c.d, si, f.Ccomp, kids)
	}
	return f
}
