package events

// The learned event-type classifier: multinomial logistic regression over
// a sentence's words, the lexicon's matches in it and the frame of its
// main predicate, with PLOVER types and NONE as classes. tools/eventtrain
// trains it (deterministically) on the NGEC synthetic PLOVER stories and
// the development golds and writes data/types.model.gz; on the synthetic
// stories' held-out templates (PloverHeldOut) the sentence type is right
// for the share the tool prints, recorded in docs/benchmarks.md.

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"hash/fnv"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
)

//go:embed data/types.model.gz
var embeddedModel []byte

// None is the classifier's class of a sentence that states no event.
const None = "NONE"

// Model is a trained classifier: per feature, one weight per class.
type Model struct {
	Classes []string
	W       map[string][]float32
}

var loaded struct {
	once sync.Once
	m    *Model
	err  error
}

// builtinModel returns the embedded model, parsed once.
func builtinModel() (*Model, error) {
	loaded.once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(embeddedModel))
		if err != nil {
			loaded.err = fmt.Errorf("events: model: %w", err)
			return
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			loaded.err = fmt.Errorf("events: model: %w", err)
			return
		}
		// one feature a line: the line count sizes the map
		loaded.m, loaded.err = readModel(bufio.NewScanner(bytes.NewReader(raw)), bytes.Count(raw, []byte{'\n'}))

	})
	return loaded.m, loaded.err
}

// ReadModel reads a model in the format WriteTo writes: a first line of
// classes, then "feature<TAB>w1 w2 ... wK" lines.
func ReadModel(sc *bufio.Scanner) (*Model, error) { return readModel(sc, 0) }

// readModel is ReadModel with a size hint: about how many features the
// model holds. Every weight lives in one backing array, grown in chunks,
// and each line's weights are parsed in place (no per-line field slices).
func readModel(sc *bufio.Scanner, hint int) (*Model, error) {
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	if !sc.Scan() {
		return nil, fmt.Errorf("events: model: empty")
	}
	m := &Model{Classes: strings.Fields(sc.Text()), W: make(map[string][]float32, hint)}
	k := len(m.Classes)
	var backing []float32
	for n := 2; sc.Scan(); n++ {
		line := sc.Bytes()
		tab := bytes.IndexByte(line, '\t')
		if tab < 0 {
			return nil, fmt.Errorf("events: model: line %d: want feature and %d weights", n, k)
		}
		if len(backing) < k {
			backing = make([]float32, k*max(hint, 1024))
		}
		w := backing[:k:k]
		i, rest := 0, line[tab+1:]
		for len(rest) > 0 {
			if rest[0] == ' ' {
				rest = rest[1:]
				continue
			}
			end := bytes.IndexByte(rest, ' ')
			if end < 0 {
				end = len(rest)
			}
			if i == k {
				i++ // too many weights
				break
			}
			v, err := strconv.ParseFloat(string(rest[:end]), 32)
			if err != nil {
				return nil, fmt.Errorf("events: model: line %d: %w", n, err)
			}
			w[i] = float32(v)
			i++
			rest = rest[end:]
		}
		if i != k {
			return nil, fmt.Errorf("events: model: line %d: want feature and %d weights", n, k)
		}
		backing = backing[k:]
		m.W[string(line[:tab])] = w
	}
	return m, sc.Err()
}

// Probs returns the class probabilities of a feature list (softmax of the
// summed weights).
func (m *Model) Probs(feats []string) []float64 {
	s := make([]float64, len(m.Classes))
	for _, f := range feats {
		for i, w := range m.W[f] {
			s[i] += float64(w)
		}
	}
	mx := math.Inf(-1)
	for _, v := range s {
		mx = math.Max(mx, v)
	}
	z := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - mx)
		z += s[i]
	}
	for i := range s {
		s[i] /= z
	}
	return s
}

// Best returns the most probable class other than NONE and its
// probability, and the probability of NONE.
func (m *Model) Best(p []float64) (class string, prob, none float64) {
	for i, c := range m.Classes {
		if c == None {
			none = p[i]
		} else if p[i] > prob {
			class, prob = c, p[i]
		}
	}
	return class, prob, none
}

// Supports reports whether features fs alone score class above NONE.
func (m *Model) Supports(fs []string, class string) bool {
	ci, ni := -1, -1
	for i, c := range m.Classes {
		switch c {
		case class:
			ci = i
		case None:
			ni = i
		}
	}
	if ci < 0 || ni < 0 || len(fs) == 0 {
		return false
	}
	s := 0.0
	for _, f := range fs {
		if w := m.W[f]; w != nil {
			s += float64(w[ci] - w[ni])
		}
	}
	return s > 0
}

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
	if !hasSyntax(d) {
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
