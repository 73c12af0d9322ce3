package ner

import (
	"bytes"
	"fmt"
	"math"
	"sync"
)

// Tagger tags tokenized sentences with a trained model. It is read-only
// after loading and safe for concurrent use.
type Tagger struct {
	m *Model
}

// NewTagger returns a tagger over m. m must not change afterwards.
func NewTagger(m *Model) *Tagger { return &Tagger{m: m} }

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the embedded model, loaded once (safe for concurrent use).
// Every call returns the same Tagger, or the same error when the embedded
// model cannot be read.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		m, err := ReadModel(bytes.NewReader(embeddedModel))
		if err != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", err)
			return
		}
		defaultTagger = NewTagger(m)
	})
	return defaultTagger, defaultErr
}

// scratch holds per-call buffers for decoding.
type scratch struct {
	buf         []uint64
	tv          []*typeVecs
	act         []bool
	em          [][nLabels]float32
	back        [][nLabels]uint8
	alpha, beta [][nLabels]float32
	pot         [][nLabels]float32
}

var negInf = float32(math.Inf(-1))

// emissions fills s.em with per-label scores for every token: the word-type
// sums of the token and its neighbours (see typeOf) plus the weights of the
// remaining features (ctxFeats).
func (m *Model) emissions(toks []tokInfo, doc *docInfo, s *scratch) {
	n := len(toks)
	if cap(s.em) < n {
		s.em = make([][nLabels]float32, n)
		s.back = make([][nLabels]uint8, n)
	}
	s.em = s.em[:n]
	s.back = s.back[:n]
	p := m.prep()
	// Tokens farther than quietWindow from any word with an upper-case
	// letter are outside every name: their scores force O and their
	// features are not looked up.
	s.act = s.act[:0]
	last := -1 << 30 // index of the last token with an upper-case letter
	for j := range toks {
		if toks[j].flags&flagHasUp != 0 {
			last = j
		}
		s.act = append(s.act, j-last <= quietWindow)
	}
	last = 1 << 30
	for j := n - 1; j >= 0; j-- {
		if toks[j].flags&flagHasUp != 0 {
			last = j
		}
		if last-j <= quietWindow {
			s.act[j] = true
		}
	}
	s.tv = s.tv[:0]
	for j := range toks {
		var v *typeVecs
		if s.act[max(j-2, 0)] || s.act[j] || s.act[min(j+2, n-1)] || (j > 0 && s.act[j-1]) || (j+1 < n && s.act[j+1]) {
			v = m.typeOf(p, &toks[j])
		}
		s.tv = append(s.tv, v)
	}
	for j := 0; j < n; j++ {
		sc := &s.em[j]
		if !s.act[j] {
			*sc = quietScores
			continue
		}
		*sc = s.tv[j].self
		m1, m2, p1, p2 := &p.bos.m1, &p.bos.m2, &p.eos.p1, &p.eos.p2
		if j > 0 {
			m1 = &s.tv[j-1].m1
		}
		if j > 1 {
			m2 = &s.tv[j-2].m2
		}
		if j+1 < n {
			p1 = &s.tv[j+1].p1
		}
		if j+2 < n {
			p2 = &s.tv[j+2].p2
		}
		for c := range sc {
			sc[c] += m1[c] + m2[c] + p1[c] + p2[c]
		}
		s.buf = ctxFeats(s.buf[:0], toks, j, doc)
		for _, f := range s.buf {
			m.w.add(f, sc)
		}
	}
}

// quietPot is the potential of a quiet token (O only).
var quietPot = [nLabels]float32{1}

// isQuiet reports whether e equals quietScores.
func isQuiet(e *[nLabels]float32) bool { return *e == quietScores }

// quietWindow is the distance (in tokens) from the nearest word with an
// upper-case letter beyond which a token is tagged O without scoring.
const quietWindow = 1

// quietScores are the emission scores of a token outside every name: O
// only.
var quietScores = func() (sc [nLabels]float32) {
	for c := 1; c < nLabels; c++ {
		sc[c] = negInf
	}
	return sc
}()

// viterbi returns the best valid BILOU sequence for emission scores em with
// transitions from w, writing into y.
func viterbi(em [][nLabels]float32, back [][nLabels]uint8, trans *[nLabels][nLabels]float32, start *[nLabels]float32, y []uint8) []uint8 {
	n := len(em)
	y = y[:0]
	if n == 0 {
		return y
	}
	var cur, next [nLabels]float32
	for c := 0; c < nLabels; c++ {
		if canStart[c] {
			cur[c] = start[c] + em[0][c]
		} else {
			cur[c] = negInf
		}
	}
	for j := 1; j < n; j++ {
		bk := &back[j]
		e := &em[j]
		if e[1] == negInf && e[2] == negInf && e[nLabels-1] == negInf && e[0] == 0 && isQuiet(e) {
			// Only O is possible: one column.
			best, arg := negInf, uint8(0)
			for _, p := range preds[0] {
				if v := cur[p] + trans[p][0]; v > best {
					best, arg = v, p
				}
			}
			next = quietScores
			next[0] = best
			bk[0] = arg
			cur = next
			continue
		}
		for c := 0; c < nLabels; c++ {
			best, arg := negInf, uint8(0)
			for _, p := range preds[c] {
				if v := cur[p] + trans[p][c]; v > best {
					best, arg = v, p
				}
			}
			next[c] = best + e[c]
			bk[c] = arg
		}
		cur = next
	}
	best, arg := negInf, 0
	for c := 0; c < nLabels; c++ {
		if canEnd[c] && cur[c] > best {
			best, arg = cur[c], c
		}
	}
	if cap(y) < n {
		y = make([]uint8, 0, n)
	}
	y = y[:n]
	y[n-1] = uint8(arg)
	for j := n - 1; j > 0; j-- {
		y[j-1] = back[j][y[j]]
	}
	return y
}

// decode tags one analyzed sentence.
func (m *Model) decode(toks []tokInfo, doc *docInfo, s *scratch, y []uint8) []uint8 {
	if !hasUpper(toks) {
		// Every token is quiet: all O.
		if cap(y) < len(toks) {
			y = make([]uint8, 0, len(toks))
		}
		y = y[:len(toks)]
		clear(y)
		return y
	}
	m.emissions(toks, doc, s)
	return viterbi(s.em, s.back, &m.w.trans, &m.w.start, y)
}

// analyzeDoc analyzes every sentence of a document into one backing array.
func analyzeDoc(sentences [][]string, lx *lexicon) [][]tokInfo {
	n := 0
	for _, s := range sentences {
		n += len(s)
	}
	all := make([]tokInfo, n)
	toks := make([][]tokInfo, len(sentences))
	off := 0
	for i, s := range sentences {
		toks[i] = analyzeSentence(all[off:off:off+len(s)], s, lx)
		off += len(s)
	}
	return toks
}

// hasUpper reports whether a token of toks has an upper-case letter.
func hasUpper(toks []tokInfo) bool {
	for k := range toks {
		if toks[k].flags&flagHasUp != 0 {
			return true
		}
	}
	return false
}

// collectTypes counts, per lower-cased capitalized word, the types the
// labels give it across the document (index 4 counts span-initial uses).
func collectTypes(toks [][]tokInfo, labels [][]uint8) map[uint64]*[5]uint16 {
	out := make(map[uint64]*[5]uint16)
	for i, ys := range labels {
		for j, l := range ys {
			if l == 0 {
				continue
			}
			t := &toks[i][j]
			if t.flags&flagCap == 0 {
				continue
			}
			c := out[t.lower]
			if c == nil {
				c = new([5]uint16)
				out[t.lower] = c
			}
			if c[labelType(int(l))] < math.MaxUint16 {
				c[labelType(int(l))]++
			}
			if p := labelPos(int(l)); (p == posB || p == posU) && c[4] < math.MaxUint16 {
				c[4]++
			}
		}
	}
	return out
}

// Tag tags every sentence of one document (words per sentence); document-level
// context may be used. The result has one slice per sentence; spans are in
// order and do not overlap. Score is a confidence in [0, 1]: the smallest
// marginal probability of the span's token labels under the model's scores
// turned into a linear-chain distribution (temperature calibrated on
// development data by the trainer).
func (t *Tagger) Tag(sentences [][]string) [][]Span {
	return t.m.tagAnalyzed(analyzeDoc(sentences, t.m.lex.gazOnly()))
}

func (m *Model) tagAnalyzed(toks [][]tokInfo) [][]Span {
	doc := buildDocInfo(toks)
	var s scratch
	if m.First != nil {
		labels := make([][]uint8, len(toks))
		for i := range toks {
			labels[i] = m.First.decode(toks[i], doc, &s, nil)
		}
		doc.types = collectTypes(toks, labels)
	}
	out := make([][]Span, len(toks))
	var y []uint8
	for i := range toks {
		y = m.decode(toks[i], doc, &s, y)
		spans := spansFromLabels(y)
		if len(spans) > 0 {
			m.marginals(&s, m.temp)
			for k := range spans {
				spans[k].Score = confidence(s.alpha[spans[k].Start:spans[k].End], y[spans[k].Start:spans[k].End])
			}
		}
		out[i] = spans
	}
	return out
}

// marginals computes per-token label marginals of the linear chain with
// scores divided by temp into s.alpha (forward-backward in probability
// space, rescaled at every position).
func (m *Model) marginals(s *scratch, temp float32) {
	em := s.em
	n := len(em)
	if cap(s.alpha) < n {
		s.alpha = make([][nLabels]float32, n)
		s.beta = make([][nLabels]float32, n)
		s.pot = make([][nLabels]float32, n)
	}
	s.alpha, s.beta, s.pot = s.alpha[:n], s.beta[:n], s.pot[:n]
	inv := float64(1 / temp)
	// Transition potentials; disallowed transitions are 0.
	pre := m.prep()
	tr, st := pre.expTrans, pre.expStart
	if temp != pre.temp {
		tr, st = expTables(&m.w.trans, &m.w.start, temp)
	}
	// Emission potentials, shifted by the position's maximum.
	for j := 0; j < n; j++ {
		if isQuiet(&em[j]) {
			s.pot[j] = quietPot
			continue
		}
		mx := em[j][0]
		for _, v := range em[j] {
			mx = max(mx, v)
		}
		for c := 0; c < nLabels; c++ {
			s.pot[j][c] = float32(math.Exp(float64(em[j][c]-mx) * inv))
		}
	}
	norm := func(v *[nLabels]float32) {
		var z float32
		for _, x := range v {
			z += x
		}
		if z > 0 && !math.IsInf(float64(z), 0) {
			for c := range v {
				v[c] /= z
			}
		}
	}
	for c := 0; c < nLabels; c++ {
		s.alpha[0][c] = 0
		s.alpha[0][c] = st[c] * s.pot[0][c]
	}
	norm(&s.alpha[0])
	for j := 1; j < n; j++ {
		a := &s.alpha[j]
		*a = [nLabels]float32{}
		if s.pot[j] == quietPot {
			// Only O: one column.
			for p := 0; p < nLabels; p++ {
				a[0] += s.alpha[j-1][p] * tr[p][0]
			}
			norm(a)
			continue
		}
		prev := &s.alpha[j-1]
		for c := 0; c < nLabels; c++ {
			var v float32
			for _, p := range preds[c] {
				v += prev[p] * tr[p][c]
			}
			a[c] = v
		}
		for c := 0; c < nLabels; c++ {
			a[c] *= s.pot[j][c]
		}
		norm(a)
	}
	for c := 0; c < nLabels; c++ {
		s.beta[n-1][c] = 0
		if canEnd[c] {
			s.beta[n-1][c] = 1
		}
	}
	for j := n - 2; j >= 0; j-- {
		b := &s.beta[j]
		if s.pot[j+1] == quietPot {
			w0 := s.beta[j+1][0]
			for p := 0; p < nLabels; p++ {
				b[p] = tr[p][0] * w0
			}
			norm(b)
			continue
		}
		var w [nLabels]float32
		for c := 0; c < nLabels; c++ {
			w[c] = s.pot[j+1][c] * s.beta[j+1][c]
		}
		for p := 0; p < nLabels; p++ {
			var v float32
			for _, c := range succs[p] {
				v += tr[p][c] * w[c]
			}
			b[p] = v
		}
		norm(b)
	}
	for j := 0; j < n; j++ {
		for c := 0; c < nLabels; c++ {
			s.alpha[j][c] *= s.beta[j][c]
		}
		norm(&s.alpha[j])
	}
}

// confidence is the smallest marginal probability of the chosen labels.
func confidence(marg [][nLabels]float32, y []uint8) float64 {
	minP := 1.0
	for j := range marg {
		minP = min(minP, float64(marg[j][y[j]]))
	}
	return minP
}
