package ner

import (
	"context"
	"fmt"
	"math"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lettercase"
)

// Tagger tags tokenized sentences with a trained model. It is read-only
// after loading (but for its word-type cache, which is safe for concurrent
// use) and safe for concurrent use.
type Tagger struct {
	m     *Model
	cache *typeCache
	pairs *pairCache
	ctxs  *ctxCache
	edges *edgeVecs
	// expTrans and expStart are exp(trans/temp) and exp(start/temp) of the
	// last pass for its temperature (0 for disallowed transitions).
	expTrans [nLabels][nLabels]float32
	expStart [nLabels]float32
	// closed are the transitions between closed labels of each pass
	// (closedTrans).
	closed [2][9][9]float32
	pool   sync.Pool // *scratch
}

// NewTagger returns a tagger over m. m must not change afterwards.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m, cache: new(typeCache), pairs: new(pairCache), ctxs: new(ctxCache), edges: newEdgeVecs(m)}
	t.expTrans, t.expStart = expTables(&m.trans, &m.start, m.temp)
	for li, l := range m.layers() {
		t.closed[li] = closedTrans(&l.trans)
	}
	return t
}

var (
	defaultOnce   sync.Once
	defaultTagger *Tagger
	defaultErr    error
)

// Default returns the embedded model, loaded once (safe for concurrent use).
// Every call returns the same Tagger, or the same error when the embedded
// model cannot be read. The model's tables are the embedded bytes, read in
// place.
func Default() (*Tagger, error) {
	defaultOnce.Do(func() {
		m, err := ReadModelBytes(embeddedModel)
		if err != nil {
			defaultErr = fmt.Errorf("ner: embedded model: %w", err)
			return
		}
		defaultTagger = NewTagger(m)
	})
	return defaultTagger, defaultErr
}

// scratch holds one document's working storage, reused across documents.
type scratch struct {
	words       []string
	bounds      []int // sentence i is words[bounds[i]:bounds[i+1]]
	counts      []lettercase.Count
	tokSents    [][]tokInfo
	labelSents  [][]uint8
	fold        []bool
	toks        []tokInfo
	ents        []*typeEntry
	pairs       []*pairEntry // per sentence i, from bounds[i]+i: the pairs (j-1, j) for j = 0..n
	sums        []*ctxSums   // per token: its type's neighbour sums, once needed
	labels      []uint8
	y           []uint8
	doc         docInfo
	buf         []uint64
	tgt         []int32             // per feature in buf: its token (emissions)
	vecs        []*[nLabels]float32 // per token of the sentence: its scores
	act         []bool
	em          [][nLabels]float32
	back        [][nLabels]uint8
	alpha, beta [][nLabels]float32
	pot         [][nLabels]float32
	spans       []Span
	ends        []int
}

func (t *Tagger) scratch() *scratch {
	if s, ok := t.pool.Get().(*scratch); ok {
		return s
	}
	return new(scratch)
}

// Tag tags every sentence of one document (words per sentence); document-level
// context may be used. The result has one slice per sentence; spans are in
// order and do not overlap. Score is a confidence in [0, 1]: the smallest
// marginal probability of the span's token labels under the model's scores
// turned into a linear-chain distribution (temperature calibrated on
// development data by the trainer).
func (t *Tagger) Tag(sentences [][]string) [][]Span {
	s := t.scratch()
	defer t.pool.Put(s)
	s.words, s.bounds = s.words[:0], append(s.bounds[:0], 0)
	for _, ws := range sentences {
		s.words = append(s.words, ws...)
		s.bounds = append(s.bounds, len(s.words))
	}
	spans, _ := t.tag(context.Background(), s, true)
	return spans
}

// TagDocument tags the sentences of d (the text of their tokens) like Tag,
// without confidence scores (Score is 0): the entities stage's entry point.
// It fails when a sentence's token range or a token's span is outside d.
func (t *Tagger) TagDocument(d *document.Document) ([][]Span, error) {
	return t.tagDocument(context.Background(), d, nil)
}

// TagDocumentContext is TagDocument that stops with ctx's error when ctx
// is done, tested every checkEvery sentences of each pass, so that a
// document's time budget cuts a long document while it is being tagged.
func (t *Tagger) TagDocumentContext(ctx context.Context, d *document.Document) ([][]Span, error) {
	return t.tagDocument(ctx, d, nil)
}

// checkEvery is how many sentences a pass of the tagger runs between two
// tests of its context.
const checkEvery = 256

// tagDocument is TagDocument that also appends to gaz, when it is not nil,
// the gazetteer bits of every token of d's sentences in order.
func (t *Tagger) tagDocument(ctx context.Context, d *document.Document, gaz *[]uint32) ([][]Span, error) {
	s := t.scratch()
	defer t.pool.Put(s)
	if cap(s.words) < len(d.Tokens) {
		s.words = make([]string, 0, len(d.Tokens))
	}
	if cap(s.bounds) < len(d.Sentences)+1 {
		s.bounds = make([]int, 0, len(d.Sentences)+1)
	}
	s.words, s.bounds = s.words[:0], append(s.bounds[:0], 0)
	for i, st := range d.Sentences {
		if st.FirstToken < 0 || st.EndToken > len(d.Tokens) || st.FirstToken > st.EndToken {
			return nil, fmt.Errorf("ner: sentence %d has token range [%d,%d) outside %d tokens", i, st.FirstToken, st.EndToken, len(d.Tokens))
		}
		for k := st.FirstToken; k < st.EndToken; k++ {
			tk := d.Tokens[k]
			if tk.Start < 0 || tk.End > len(d.Text) || tk.Start > tk.End {
				return nil, fmt.Errorf("ner: token %d [%d,%d) outside the text", k, tk.Start, tk.End)
			}
			s.words = append(s.words, d.Text[tk.Start:tk.End])
		}
		s.bounds = append(s.bounds, len(s.words))
	}
	spans, err := t.tag(ctx, s, false)
	if err != nil {
		return nil, err
	}
	if gaz != nil {
		for k := range s.toks {
			*gaz = append(*gaz, s.toks[k].gaz)
		}
	}
	return spans, nil
}

// analyze analyzes the document in s.words and s.bounds for tagging: its
// tokens per sentence (and in s.ents their cached word types).
func (t *Tagger) analyze(s *scratch) (sents [][]tokInfo) {
	n := len(s.words)
	ns := len(s.bounds) - 1
	if cap(s.toks) < n {
		s.toks = make([]tokInfo, n)
		s.ents = make([]*typeEntry, n)
	}
	s.toks, s.ents = s.toks[:n], s.ents[:n]
	// The words as written, and from their cached analysis what the letter
	// case of each sentence shows.
	s.counts = s.counts[:0]
	for i := 0; i < ns; i++ {
		var c lettercase.Count
		for j := s.bounds[i]; j < s.bounds[i+1]; j++ {
			w := s.words[j]
			e := t.entry(w, typeKey(w, false), false)
			s.ents[j] = e
			if f := e.ti.flags; f&flagAlpha != 0 {
				c.AddWord(f&flagHasLow != 0, f&flagHasUp != 0, f&flagCap != 0, w)
			}
		}
		s.counts = append(s.counts, c)
	}
	s.fold = s.fold[:0]
	for range ns {
		s.fold = append(s.fold, false)
	}
	noCase := lettercase.Fold(s.counts, s.fold)
	out := s.tokSents[:0]
	for i := 0; i < ns; i++ {
		a, b := s.bounds[i], s.bounds[i+1]
		fold := s.fold[i]
		for j := a; j < b; j++ {
			w := s.words[j]
			if fold {
				s.ents[j] = t.entry(w, typeKey(w, true), true)
			}
			s.toks[j] = s.ents[j].ti
			s.toks[j].text = w
		}
		toks := s.toks[a:b]
		setSentenceFlags(toks, s.words[a:b], fold, noCase)
		t.m.lex.markGaz(toks)
		out = append(out, toks)
	}
	s.tokSents = out
	s.pairs = s.pairs[:0]
	for range n + ns {
		s.pairs = append(s.pairs, nil)
	}
	s.sums = s.sums[:0]
	for range n {
		s.sums = append(s.sums, nil)
	}
	s.doc.reset(n)
	s.doc.collectSeen(out)
	return out
}

// tag tags the document in s.words and s.bounds; it returns ctx's error
// when ctx is done (tested every checkEvery sentences of each pass).
func (t *Tagger) tag(ctx context.Context, s *scratch, scores bool) ([][]Span, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	sents := t.analyze(s)
	ns := len(sents)
	m := t.m
	if m.First != nil {
		s.labels = s.labels[:0]
		for i := range sents {
			if i%checkEvery == checkEvery-1 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			s.labels = t.decode(m.First, 0, i, s, s.labels)
		}
		s.labelSents = s.labelSents[:0]
		for i := 0; i < ns; i++ {
			s.labelSents = append(s.labelSents, s.labels[s.bounds[i]:s.bounds[i+1]])
		}
		s.doc.collectTypes(sents, s.labelSents)
	}
	layer := len(m.layers()) - 1
	s.spans, s.ends = s.spans[:0], s.ends[:0]
	y := s.y
	for i := range sents {
		if i%checkEvery == checkEvery-1 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		y = t.decode(m, layer, i, s, y[:0])
		first := len(s.spans)
		s.spans = appendSpans(s.spans, y)
		if scores && len(s.spans) > first {
			t.marginals(s, m.temp)
			for k := first; k < len(s.spans); k++ {
				sp := &s.spans[k]
				sp.Score = confidence(s.alpha[sp.Start:sp.End], y[sp.Start:sp.End])
			}
		}
		s.ends = append(s.ends, len(s.spans))
	}
	s.y = y
	out := make([][]Span, ns)
	all := append([]Span(nil), s.spans...)
	prev := 0
	for i, e := range s.ends {
		if e > prev {
			out[i] = all[prev:e:e]
		}
		prev = e
	}
	return out, nil
}

var negInf = float32(math.Inf(-1))

// emissions fills s.em with per-label scores of pass m (layer index li) for
// the tokens of sentence si: the word-type sums of the token and its
// neighbours, the word-pair sums of the pairs it is in, plus the weights of
// the remaining features (restFeats). In a sentence whose case is known,
// tokens farther than quietWindow from any word with an upper-case letter
// are outside every name: their scores force O and their features are not
// looked up.
func (t *Tagger) emissions(m *Model, li int, si int, s *scratch) {
	toks := s.tokSents[si]
	ents := s.ents[s.bounds[si]:s.bounds[si+1]]
	pairs := s.pairs[s.bounds[si]+si : s.bounds[si+1]+si+1]
	n := len(toks)
	if cap(s.em) < n {
		s.em = make([][nLabels]float32, n)
		s.back = make([][nLabels]uint8, n)
	}
	s.em, s.back = s.em[:n], s.back[:n]
	s.act = quietMask(s.act, toks)
	// The neighbour sums of the word types next to the scored tokens.
	sums := s.sums[s.bounds[si]:s.bounds[si+1]]
	for j := range toks {
		if sums[j] == nil && (j >= 2 && s.act[j-2] || j >= 1 && s.act[j-1] || j+1 < n && s.act[j+1] || j+2 < n && s.act[j+2]) {
			sums[j] = t.ctxOf(ents[j], toks[j].text)
		}
	}
	fold := 0
	if n > 0 && toks[0].flags&flagFold != 0 {
		fold = 1
	}
	edge := &t.edges[li][fold]
	s.buf, s.tgt, s.vecs = s.buf[:0], s.tgt[:0], s.vecs[:0]
	for j := range s.em {
		s.vecs = append(s.vecs, &s.em[j])
	}
	for j := 0; j < n; j++ {
		sc := &s.em[j]
		if !s.act[j] {
			*sc = quietScores
			continue
		}
		*sc = t.selfOf(ents[j], toks[j].text)[li]
		m1, m2, p1, p2 := &edge[partM1], &edge[partM2], &edge[partP1], &edge[partP2]
		if j > 0 {
			m1 = &sums[j-1][li][partM1-1]
		}
		if j > 1 {
			m2 = &sums[j-2][li][partM2-1]
		}
		if j+1 < n {
			p1 = &sums[j+1][li][partP1-1]
		}
		if j+2 < n {
			p2 = &sums[j+2][li][partP2-1]
		}
		left, right := t.pairAt(pairs, toks, j), t.pairAt(pairs, toks, j+1)
		pl, pr := &left.vecs[li][pairRight], &right.vecs[li][pairLeft]
		for c := range sc {
			sc[c] += m1[c] + m2[c] + p1[c] + p2[c] + pl[c] + pr[c]
		}
		// The remaining features of every token, looked up in one batch
		// after the loop (addBatch keeps each token's order of sums).
		k := len(s.buf)
		s.buf = restFeats(s.buf, toks, j, &s.doc, toks[j].salt()+m.salt)
		for range s.buf[k:] {
			s.tgt = append(s.tgt, int32(j))
		}
	}
	m.w.addBatch(s.buf, s.tgt, s.vecs)
}

// pairAt returns the pair of tokens j-1 and j of a sentence (with the
// sentence edges at j = 0 and j = len(toks)), memoized in pairs.
func (t *Tagger) pairAt(pairs []*pairEntry, toks []tokInfo, j int) *pairEntry {
	if p := pairs[j]; p != nil {
		return p
	}
	p := t.pair(at(toks, j-1), at(toks, j))
	pairs[j] = p
	return p
}

// quietMask sets act[j] for the tokens that are scored: every token of a
// folded sentence, and in other sentences those within quietWindow of a
// word with an upper-case letter.
func quietMask(act []bool, toks []tokInfo) []bool {
	act = act[:0]
	if len(toks) > 0 && toks[0].flags&flagFold != 0 {
		for range toks {
			act = append(act, true)
		}
		return act
	}
	last := -1 << 30 // index of the last token with an upper-case letter
	for j := range toks {
		if toks[j].flags&flagHasUp != 0 {
			last = j
		}
		act = append(act, j-last <= quietWindow)
	}
	last = 1 << 30
	for j := len(toks) - 1; j >= 0; j-- {
		if toks[j].flags&flagHasUp != 0 {
			last = j
		}
		if last-j <= quietWindow {
			act[j] = true
		}
	}
	return act
}

// quietPot is the potential of a quiet token (O only).
var quietPot = [nLabels]float32{1}

// isQuiet reports whether e equals quietScores.
func isQuiet(e *[nLabels]float32) bool { return *e == quietScores }

// quietWindow is the distance (in tokens) from the nearest word with an
// upper-case letter beyond which a token of a sentence whose case is known
// is tagged O without scoring.
const quietWindow = 1

// quietScores are the emission scores of a token outside every name: O
// only.
var quietScores = func() (sc [nLabels]float32) {
	for c := 1; c < nLabels; c++ {
		sc[c] = negInf
	}
	return sc
}()

// needsScoring reports whether a sentence may hold a name: it is folded or
// has a word with an upper-case letter.
func needsScoring(toks []tokInfo) bool {
	for k := range toks {
		if toks[k].flags&(flagHasUp|flagFold) != 0 {
			return true
		}
	}
	return false
}

// decode appends to y the labels of pass m (layer li) for sentence si.
func (t *Tagger) decode(m *Model, li int, si int, s *scratch, y []uint8) []uint8 {
	toks := s.tokSents[si]
	if !needsScoring(toks) {
		for range toks {
			y = append(y, 0)
		}
		s.em = s.em[:0]
		return y
	}
	t.emissions(m, li, si, s)
	return viterbiClosed(s.em, s.back, &m.trans, &t.closed[li], &m.start, y)
}

// The BILOU structure of the transitions: a closed label (O, L, U) may be
// followed by O, B or U of any type (the closed targets), an open one (B,
// I) only by I or L of its own type. closedPreds and closedTgts list them in
// increasing order (the order of preds).
var (
	closedPreds = [9]uint8{0, 3, 4, 7, 8, 11, 12, 15, 16}
	closedTgts  = [9]uint8{0, 1, 4, 5, 8, 9, 12, 13, 16}
)

// viterbi appends to y the best valid BILOU sequence for emission scores em
// with transitions trans and start scores start. It computes what a loop
// over preds would (the same sums, compared in the same order, ties to the
// first), with the closed labels' scores and the transitions between them
// gathered in fixed arrays.
func viterbi(em [][nLabels]float32, back [][nLabels]uint8, trans *[nLabels][nLabels]float32, start *[nLabels]float32, y []uint8) []uint8 {
	tc := closedTrans(trans)
	return viterbiClosed(em, back, trans, &tc, start, y)
}

// closedTrans returns the transitions between closed labels: [q][k] is the
// transition from closedPreds[k] to closedTgts[q].
func closedTrans(trans *[nLabels][nLabels]float32) (tc [9][9]float32) {
	for q, c := range closedTgts {
		for k, p := range closedPreds {
			tc[q][k] = trans[p][c]
		}
	}
	return tc
}

// viterbiClosed is viterbi with the closed transitions tc of trans
// (closedTrans) computed beforehand.
func viterbiClosed(em [][nLabels]float32, back [][nLabels]uint8, trans *[nLabels][nLabels]float32, tc *[9][9]float32, start *[nLabels]float32, y []uint8) []uint8 {
	n := len(em)
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
	back = back[:n]
	for j := 1; j < n; j++ {
		bk := &back[j]
		e := &em[j]
		var cp [9]float32
		for k, p := range closedPreds {
			cp[k] = cur[p]
		}
		if isQuiet(e) {
			// Only O is possible: one column.
			best, arg := negInf, uint8(0)
			for k := range cp {
				if v := cp[k] + tc[0][k]; v > best {
					best, arg = v, closedPreds[k]
				}
			}
			next = quietScores
			next[0] = best
			bk[0] = arg
			cur = next
			continue
		}
		for q := range tc {
			row := &tc[q]
			// The nine closed predecessors, unrolled (in preds' order).
			best, arg := negInf, uint8(0)
			if v := cp[0] + row[0]; v > best {
				best, arg = v, 0
			}
			if v := cp[1] + row[1]; v > best {
				best, arg = v, 3
			}
			if v := cp[2] + row[2]; v > best {
				best, arg = v, 4
			}
			if v := cp[3] + row[3]; v > best {
				best, arg = v, 7
			}
			if v := cp[4] + row[4]; v > best {
				best, arg = v, 8
			}
			if v := cp[5] + row[5]; v > best {
				best, arg = v, 11
			}
			if v := cp[6] + row[6]; v > best {
				best, arg = v, 12
			}
			if v := cp[7] + row[7]; v > best {
				best, arg = v, 15
			}
			if v := cp[8] + row[8]; v > best {
				best, arg = v, 16
			}
			c := closedTgts[q]
			next[c] = best + e[c]
			bk[c] = arg
		}
		for b := 1; b < nLabels; b += 4 {
			// I and L of the type whose B is b: from its B or I.
			for c := b + 1; c <= b+2; c++ {
				best, arg := negInf, uint8(0)
				if v := cur[b] + trans[b][c]; v > best {
					best, arg = v, uint8(b)
				}
				if v := cur[b+1] + trans[b+1][c]; v > best {
					best, arg = v, uint8(b+1)
				}
				next[c] = best + e[c]
				bk[c] = arg
			}
		}
		cur = next
	}
	best, arg := negInf, 0
	for c := 0; c < nLabels; c++ {
		if canEnd[c] && cur[c] > best {
			best, arg = cur[c], c
		}
	}
	base := len(y)
	for range n {
		y = append(y, 0)
	}
	out := y[base:]
	out[n-1] = uint8(arg)
	for j := n - 1; j > 0; j-- {
		out[j-1] = back[j][out[j]]
	}
	return y
}

// appendSpans appends the spans of a valid BILOU label sequence to out.
func appendSpans(out []Span, y []uint8) []Span {
	start := -1
	for i, l := range y {
		if l == 0 {
			start = -1
			continue
		}
		switch labelPos(int(l)) {
		case posU:
			out = append(out, Span{Start: i, End: i + 1, Type: Types[labelType(int(l))]})
			start = -1
		case posB:
			start = i
		case posL:
			if start >= 0 {
				out = append(out, Span{Start: start, End: i + 1, Type: Types[labelType(int(l))]})
			}
			start = -1
		}
	}
	return out
}

// expTables returns the transition and start potentials for temperature temp.
func expTables(trans *[nLabels][nLabels]float32, start *[nLabels]float32, temp float32) (tr [nLabels][nLabels]float32, st [nLabels]float32) {
	inv := float64(1 / temp)
	for p := 0; p < nLabels; p++ {
		for c := 0; c < nLabels; c++ {
			if allowed[p][c] {
				tr[p][c] = float32(math.Exp(float64(trans[p][c]) * inv))
			}
		}
	}
	for c := 0; c < nLabels; c++ {
		if canStart[c] {
			st[c] = float32(math.Exp(float64(start[c]) * inv))
		}
	}
	return tr, st
}

// marginals computes per-token label marginals of the linear chain of the
// last pass with the scores in s.em divided by temp into s.alpha
// (forward-backward in probability space, rescaled at every position).
func (t *Tagger) marginals(s *scratch, temp float32) {
	tr, st := &t.expTrans, &t.expStart
	if temp != t.m.temp {
		a, b := expTables(&t.m.trans, &t.m.start, temp)
		tr, st = &a, &b
	}
	marginals(s, tr, st, temp)
}

// marginals is Tagger.marginals over potentials tr and st.
func marginals(s *scratch, tr *[nLabels][nLabels]float32, st *[nLabels]float32, temp float32) {
	em := s.em
	n := len(em)
	if cap(s.alpha) < n {
		s.alpha = make([][nLabels]float32, n)
		s.beta = make([][nLabels]float32, n)
		s.pot = make([][nLabels]float32, n)
	}
	s.alpha, s.beta, s.pot = s.alpha[:n], s.beta[:n], s.pot[:n]
	inv := float64(1 / temp)
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
			a[c] = v * s.pot[j][c]
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

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }
