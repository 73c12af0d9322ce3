package events

// The learned event-type classifier: multinomial logistic regression over
// a sentence's words, the lexicon's matches in it and the frame of its
// main predicate, with PLOVER types and NONE as classes. tools/eventtrain
// trains it (deterministically) on the NGEC synthetic PLOVER stories and
// the development golds and writes data/types.model (package linear's
// format, ModelMagic); on the synthetic stories' held-out templates
// (PloverHeldOut) the sentence type is right for the share the tool
// prints, recorded in docs/benchmarks.md.

import (
	_ "embed"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/linear"
)

//go:embed data/types.model
var embeddedModel []byte

// None is the classifier's class of a sentence that states no event.
const None = "NONE"

var loaded struct {
	once sync.Once
	m    *linear.Model
	err  error
}

// builtinModel returns the embedded model, decoded once.
func builtinModel() (*linear.Model, error) {
	loaded.once.Do(func() {
		loaded.m, loaded.err = linear.Decode(ModelMagic, embeddedModel)
		if loaded.err != nil {
			loaded.err = fmt.Errorf("events: model: %w", loaded.err)
		}
	})
	return loaded.m, loaded.err
}

// ModelMagic opens the event-type model file (package linear's binary
// format): its classes are the PLOVER types and None, its features those
// of features.
const ModelMagic = "ngevents-model 1\n"

// PloverHeldOut reports whether a synthetic story's title template is in
// the fifth of templates held out from training for measuring (stories of
// one template differ only in the countries filled in, so the split is by
// template).
func PloverHeldOut(template string) bool {
	h := fnv.New32a()
	h.Write([]byte(template))
	return h.Sum32()%5 == 0
}

// Features returns the classifier's features of every sentence of d, as
// the stage computes them (for tools/eventtrain): the document must have
// been through the stages this one requires.
func (s *Stage) Features(d *document.Document) [][]string {
	c := newCoder(s, d)
	out := make([][]string, len(d.Sentences))
	for si := range d.Sentences {
		out[si] = c.features(si)
	}
	return out
}

// features returns sentence si's features: its words (lower case, numbers
// as "#"), the lexicon matches' codes and types, and the frame of the
// sentence's main predicate (lemma, voice, object head, prepositions,
// open complement, negation, modality) when the syntax layer is there.
func (c *coder) features(si int) []string {
	c.load(si)
	return c.featuresOf(c.matchAll())
}

// featuresOf returns the loaded sentence's features with matches ms.
func (c *coder) featuresOf(ms []match) []string {
	d, si := c.d, c.si
	fs := []string{"bias"}
	prev := "^"
	for i := 0; i < c.n; i++ {
		if c.isPunct(i) {
			continue
		}
		w := c.low(i)
		if d.Tokens[c.first+i].Kind == document.Number {
			w = "#"
		}
		fs = append(fs, "w="+w, "s="+stem(w), "b="+prev+"_"+w)
		prev = w
	}
	for _, m := range ms {
		fs = append(fs, "m="+m.p.code.Root, "mt="+m.p.ploverOf(), "mc="+m.p.code.Code)
	}
	if f, ok := c.mainFrame(si); ok {
		fs = append(fs, frameFeatures(d, f)...)
	}
	return fs
}

// frameFeatures are the features of frame f.
func frameFeatures(d *document.Document, f Frame) []string {
	p := "p=" + f.Lemma
	fs := []string{p}
	if f.Passive {
		fs = append(fs, "pass", p+"|pass")
	}
	if f.Negated {
		fs = append(fs, "neg")
	}
	if f.Modal != "" {
		fs = append(fs, "modal="+f.Modal)
	}
	if f.Object >= 0 {
		fs = append(fs, p+"|o="+lemmaOf(d, f.Object))
	}
	for prep := range f.Obl {
		fs = append(fs, p+"|"+prep, "prep="+prep)
	}
	if f.Xcomp >= 0 {
		x := lemmaOf(d, f.Xcomp)
		fs = append(fs, "x="+x, p+"|x="+x)
	}
	return fs
}

// mainFrame returns the frame of sentence si's root predicate when the
// syntax layer is there.
func (c *coder) mainFrame(si int) (Frame, bool) {
	d := c.d
	if !hasSyntax(d, si) {
		return Frame{}, false
	}
	s := d.Sentences[si]
	for t := s.FirstToken; t < s.EndToken; t++ {
		if d.Tokens[t].Head < 0 {
			return frameOf(d, si, t, children(d, si)), true
		}
	}
	return Frame{}, false
}

// stem strips a regular inflection ("pledged", "pledges", "pledging" →
// "pledg") so that a word's forms share a feature.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "e", "s"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}
