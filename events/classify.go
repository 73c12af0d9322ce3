package events

// The learned event-type classifier: multinomial logistic regression over
// a sentence's words, the lexicon's matches in it and the frame of its
// main predicate, with PLOVER types and NONE as classes. tools/eventtrain
// trains it (deterministically) on the NGEC synthetic PLOVER stories and
// the development golds and writes data/types.model (MarshalBinary); on the synthetic
// stories' held-out templates (PloverHeldOut) the sentence type is right
// for the share the tool prints, recorded in docs/benchmarks.md.

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lebytes"
)

//go:embed data/types.model
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

// builtinModel returns the embedded model, decoded once.
func builtinModel() (*Model, error) {
	loaded.once.Do(func() { loaded.m, loaded.err = DecodeModel(embeddedModel) })
	return loaded.m, loaded.err
}

// modelMagic opens the binary model format MarshalBinary writes:
//
//	"ngevents-model 1\n"
//	classes joined by spaces, "\n"
//	uvarint feature count n
//	n times: uvarint key length, key bytes (keys sorted)
//	zero bytes up to a multiple of 4 from the start
//	n*K little-endian float32 weights, feature after feature
//
// It decodes without parsing numbers or inflating, and the weights are
// exactly the float32 values the trainer kept; on a little-endian machine
// with the embedded bytes 4-byte aligned they are read where they lie.
const modelMagic = "ngevents-model 1\n"

// MarshalBinary returns m in the binary model format (DecodeModel reads
// it). The features are sorted, so equal models give equal bytes.
func (m *Model) MarshalBinary() ([]byte, error) {
	k := len(m.Classes)
	keys := make([]string, 0, len(m.W))
	for f, w := range m.W {
		if len(w) != k {
			return nil, fmt.Errorf("events: model: feature %q: %d weights for %d classes", f, len(w), k)
		}
		keys = append(keys, f)
	}
	slices.Sort(keys)
	b := []byte(modelMagic)
	b = append(b, strings.Join(m.Classes, " ")...)
	b = append(b, '\n')
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, f := range keys {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	for _, f := range keys {
		for _, x := range m.W[f] {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b, nil
}

// DecodeModel reads a model in the binary format MarshalBinary writes:
// one map sized by the feature count, the keys substrings of one string
// and the weights in one array, b's own bytes where float32s can (so the
// model then aliases b, which must not change). A short or malformed
// input is an error.
func DecodeModel(b []byte) (*Model, error) {
	rest, ok := bytes.CutPrefix(b, []byte(modelMagic))
	if !ok {
		return nil, fmt.Errorf("events: model: not a binary model")
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("events: model: no classes")
	}
	m := &Model{Classes: strings.Fields(string(rest[:nl]))}
	rest = rest[nl+1:]
	k := len(m.Classes)
	n, w := binary.Uvarint(rest)
	if w <= 0 || n > uint64(len(rest)) {
		return nil, fmt.Errorf("events: model: bad feature count")
	}
	rest = rest[w:]
	// the keys: lengths and bytes, then copied into one string
	lens := make([]int, n)
	total, at := 0, rest
	for i := range lens {
		l, w := binary.Uvarint(at)
		if w <= 0 || l > uint64(len(at)-w) {
			return nil, fmt.Errorf("events: model: feature %d: bad key", i)
		}
		lens[i] = int(l)
		total += int(l)
		at = at[w+int(l):]
	}
	blob := make([]byte, 0, total)
	for _, l := range lens {
		_, w := binary.Uvarint(rest)
		blob = append(blob, rest[w:w+l]...)
		rest = rest[w+l:]
	}
	for (len(b)-len(rest))%4 != 0 {
		if len(rest) == 0 || rest[0] != 0 {
			return nil, fmt.Errorf("events: model: bad padding")
		}
		rest = rest[1:]
	}
	if uint64(len(rest)) != n*uint64(k)*4 {
		return nil, fmt.Errorf("events: model: %d weight bytes, want %d", len(rest), n*uint64(k)*4)
	}
	keys := string(blob)
	weights := lebytes.View[float32](rest)
	m.W = make(map[string][]float32, n)
	off := 0
	for i, l := range lens {
		m.W[keys[off:off+l]] = weights[i*k : i*k+k : i*k+k]
		off += l
	}
	return m, nil
}

// ReadModel reads a model in the text format (the one tools/eventtrain
// wrote before the binary form): a first line of classes, then
// "feature<TAB>w1 w2 ... wK" lines.
func ReadModel(sc *bufio.Scanner) (*Model, error) {
	sc.Buffer(make([]byte, 0, 1<<16), 1<<20)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("events: model: %w", err)
		}
		return nil, fmt.Errorf("events: model: empty")
	}
	m := newModel(sc.Text(), 0)
	for n := 2; sc.Scan(); n++ {
		if err := m.add(n, sc.Text()); err != nil {
			return nil, err
		}
	}
	return m.Model, sc.Err()
}

// modelReader builds a Model line by line: every weight lives in one
// backing array, grown in chunks of hint (or 1024) features, and each
// line's weights are parsed in place (no per-line field slices).
type modelReader struct {
	*Model
	k, hint int
	backing []float32
}

func newModel(classes string, hint int) *modelReader {
	m := &Model{Classes: strings.Fields(classes), W: make(map[string][]float32, hint)}
	return &modelReader{Model: m, k: len(m.Classes), hint: max(hint, 1024)}
}

// add parses line n, "feature<TAB>w1 ... wK", into the model.
func (r *modelReader) add(n int, line string) error {
	k := r.k
	tab := strings.IndexByte(line, '\t')
	if tab < 0 {
		return fmt.Errorf("events: model: line %d: want feature and %d weights", n, k)
	}
	if len(r.backing) < k {
		r.backing = make([]float32, k*r.hint)
	}
	w := r.backing[:k:k]
	i, rest := 0, line[tab+1:]
	for len(rest) > 0 {
		if rest[0] == ' ' {
			rest = rest[1:]
			continue
		}
		end := strings.IndexByte(rest, ' ')
		if end < 0 {
			end = len(rest)
		}
		if i == k {
			i++ // too many weights
			break
		}
		v, err := parseWeight(rest[:end])
		if err != nil {
			return fmt.Errorf("events: model: line %d: %w", n, err)
		}
		w[i] = v
		i++
		rest = rest[end:]
	}
	if i != k {
		return fmt.Errorf("events: model: line %d: want feature and %d weights", n, k)
	}
	r.backing = r.backing[k:]
	r.W[line[:tab]] = w
	return nil
}

// float32pow10 are the powers of ten a float32 holds exactly.
var float32pow10 = [...]float32{1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10}

// parseWeight is strconv.ParseFloat(s, 32) for the plain decimals the
// trainer writes ([-]digits[.digits]): when the digits, as an integer,
// fit a float32 mantissa (< 2^23) and at most 10 follow the point, the
// value is that integer divided by an exact power of ten, one correctly
// rounded float32 operation, which is strconv's own exact path and so the
// same float32. Every other form goes to strconv.
func parseWeight(s string) (float32, error) {
	i, neg := 0, false
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		neg = s[i] == '-'
		i++
	}
	var mant uint32
	digits, frac, point := 0, 0, false
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if mant >= 1<<23/10+1 {
				return slowWeight(s)
			}
			mant = mant*10 + uint32(c-'0')
			digits++
			if point {
				frac++
			}
		case c == '.' && !point:
			point = true
		default:
			return slowWeight(s)
		}
	}
	if digits == 0 || mant >= 1<<23 || frac >= len(float32pow10) {
		return slowWeight(s)
	}
	f := float32(mant)
	if neg {
		f = -f
	}
	if frac > 0 {
		f /= float32pow10[frac]
	}
	return f, nil
}

func slowWeight(s string) (float32, error) {
	v, err := strconv.ParseFloat(s, 32)
	return float32(v), err
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
