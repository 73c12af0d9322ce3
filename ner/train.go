package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the largest number of passes over the training data (default 12).
	Epochs int
	// SecondEpochs is Epochs for the second pass of a stacked model
	// (default Epochs).
	SecondEpochs int
	// Seed fixes the shuffling order; training is deterministic for a seed.
	Seed uint64
	// Stacked adds a second pass that sees the first pass's tags of the same
	// words elsewhere in the document; its training features come from
	// Folds-fold jackknifed first-pass tags.
	Stacked bool
	// Folds is the number of jackknife folds for Stacked (default 5).
	Folds int
	// Caseless adds a lower-cased copy of every training document, from
	// which the weights of folded text (ALL CAPS, lower case, headlines)
	// are learned. Folded text is analyzed in lower case, so the copy
	// stands for upper-cased text as well.
	Caseless bool
	// ClusterWords and ClusterPaths are words with their cluster bit
	// strings (may be empty).
	ClusterWords, ClusterPaths []string
	// CaseWords and CaseCounts are words with how often raw news text
	// writes them in lower case, capitalized and in capitals where the
	// writer chose (tools/wordclusters).
	CaseWords  []string
	CaseCounts [][3]int
	// GazNames are gazetteer names (words separated by spaces) with their
	// classes in GazClasses: country, demonym, bigcity, city, adm1, region.
	GazNames, GazClasses []string
	// Dev scores a model on held-out data (higher is better); when set, each
	// pass keeps the epoch with the best score. When nil, all epochs run.
	Dev func(*Model) float64
	// MinWeight drops averaged weights smaller than this in absolute value
	// when the model is exported (default 0.01).
	MinWeight float64
	// MinCount drops features seen fewer times in the training data
	// (default 1: keep all).
	MinCount int
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// trainSent is one training sentence with its analyzed tokens and gold labels.
type trainSent struct {
	doc  int
	toks []tokInfo
	gold []uint8
}

// Lower returns docs with every word lower-cased (tags unchanged).
func Lower(docs []Doc) []Doc { return mapWords(docs, strings.ToLower) }

// Upper returns docs with every word upper-cased (tags unchanged).
func Upper(docs []Doc) []Doc { return mapWords(docs, strings.ToUpper) }

func mapWords(docs []Doc, f func(string) string) []Doc {
	out := make([]Doc, len(docs))
	for i, d := range docs {
		out[i].Sentences = make([]Sentence, len(d.Sentences))
		for j, s := range d.Sentences {
			ws := make([]string, len(s.Words))
			for k, w := range s.Words {
				ws[k] = f(w)
			}
			out[i].Sentences[j] = Sentence{Words: ws, Tags: s.Tags}
		}
	}
	return out
}

// Train trains a model on docs. It is deterministic for given options and
// data. It returns an error when docs has no tokens.
func Train(docs []Doc, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
	}
	if opt.SecondEpochs <= 0 {
		opt.SecondEpochs = opt.Epochs
	}
	if opt.Folds <= 1 {
		opt.Folds = 5
	}
	if opt.MinWeight <= 0 {
		opt.MinWeight = 0.01
	}
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	lx := newLexicon(vocabulary(docs), opt.ClusterWords, opt.ClusterPaths, opt.CaseWords, opt.CaseCounts, opt.GazNames, opt.GazClasses)
	// orig[i] is the training document that document i copies, for the
	// jackknife folds: a copy is always in its original's fold.
	orig := make([]int, len(docs))
	for i := range docs {
		orig[i] = i
	}
	if opt.Caseless {
		docs = append(append([]Doc(nil), docs...), Lower(docs)...)
		orig = append(orig, orig...)
	}
	// Analyze every document once.
	docToks := make([][][]tokInfo, len(docs))
	infos := make([]*docInfo, len(docs))
	var sents []trainSent
	for di, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		docToks[di] = analyzeDoc(words, lx)
		infos[di] = newDocInfo(docToks[di])
		for i, s := range d.Sentences {
			sents = append(sents, trainSent{doc: di, toks: docToks[di][i], gold: bilou(SpansFromTags(s.Tags), len(s.Words))})
		}
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner: train: no sentences")
	}
	logf("first pass: %d documents, %d sentences", len(docs), len(sents))
	first, firstEpochs := trainPass(sents, infos, lx, opt, 0, opt.Epochs, opt.Dev, logf)
	if !opt.Stacked {
		first.finish()
		return first, nil
	}
	// Jackknife: tag each fold's documents with a model trained on the
	// others (one fold at a time, to bound memory).
	labels := make([][][]uint8, len(docs))
	for f := 0; f < opt.Folds; f++ {
		var part []trainSent
		for _, s := range sents {
			if orig[s.doc]%opt.Folds != f {
				part = append(part, s)
			}
		}
		m, _ := trainPass(part, infos, lx, opt, 0, firstEpochs, nil, nil)
		for di := range docs {
			if orig[di]%opt.Folds != f {
				continue
			}
			labels[di] = make([][]uint8, len(docToks[di]))
			for i, toks := range docToks[di] {
				labels[di][i] = m.decodeSlow(toks, infos[di], nil)
			}
		}
	}
	stacked := make([]*docInfo, len(docs))
	for di := range docs {
		d := infos[di].clone()
		d.collectTypes(docToks[di], labels[di])
		stacked[di] = d
	}
	var dev func(*Model) float64
	if opt.Dev != nil {
		dev = func(m *Model) float64 {
			m.First = first
			m.w = mergeWeights(first, m)
			return opt.Dev(m)
		}
	}
	logf("second pass (stacked, %d folds, %d first-pass epochs)", opt.Folds, firstEpochs)
	second, _ := trainPass(sents, stacked, lx, opt, saltLayer, opt.SecondEpochs, dev, logf)
	second.First = first
	second.finish()
	return second, nil
}

// vocabulary returns the distinct lower-cased words of docs, sorted.
func vocabulary(docs []Doc) []string {
	seen := map[string]bool{}
	for _, d := range docs {
		for _, s := range d.Sentences {
			for _, w := range s.Words {
				seen[strings.ToLower(w)] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// clone returns a copy of d's tables.
func (d *docInfo) clone() *docInfo {
	c := *d
	c.keys = append([]uint64(nil), d.keys...)
	c.flags = append([]uint8(nil), d.flags...)
	c.counts = append([][5]uint16(nil), d.counts...)
	return &c
}

// finish gives the passes of a trained model one shared weight table and
// drops the training-time feature lists.
func (m *Model) finish() {
	w := mergeWeights(m.layers()...)
	for _, l := range m.layers() {
		l.w = w
		l.feats = nil
	}
}

// mergeWeights returns one table with the features of every pass.
func mergeWeights(ms ...*Model) *weights {
	var all []sparseFeature
	for _, m := range ms {
		all = append(all, m.feats...)
	}
	w := buildWeights(all)
	return &w
}

// trainPass runs the averaged structured perceptron and returns the model of
// the best epoch by dev (or the last epoch) and that epoch count. salt is
// the pass's template salt.
func trainPass(sents []trainSent, infos []*docInfo, lx *lexicon, opt TrainOptions, salt uint64, epochs int, dev func(*Model) float64, logf func(string, ...any)) (*Model, int) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// Count the features, then index those seen often enough.
	var buf []uint64
	var count map[uint64]int32
	if opt.MinCount > 1 {
		count = make(map[uint64]int32)
		for _, s := range sents {
			for j := range s.toks {
				buf = sentFeats(buf[:0], s.toks, j, infos[s.doc], salt)
				for _, f := range buf {
					count[f]++
				}
			}
		}
	}
	index := make(map[uint64]int32)
	var keys []uint64
	feats := make([][]int32, len(sents)) // per sentence, flattened with -1 between tokens
	for si, s := range sents {
		var fs []int32
		for j := range s.toks {
			buf = sentFeats(buf[:0], s.toks, j, infos[s.doc], salt)
			for _, f := range buf {
				if count != nil && int(count[f]) < opt.MinCount {
					continue
				}
				id, ok := index[f]
				if !ok {
					id = int32(len(keys))
					index[f] = id
					keys = append(keys, f)
				}
				fs = append(fs, id)
			}
			fs = append(fs, -1)
		}
		feats[si] = fs
	}
	count, index = nil, nil
	nf := len(keys)
	w := make([]float32, nf*nLabels)
	u := make([]float64, nf*nLabels)
	// Transitions then start weights, flattened.
	var tw [nLabels*nLabels + nLabels]float32
	var tu [nLabels*nLabels + nLabels]float64
	c := 1.0
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x6e6572))
	var em [][nLabels]float32
	var back [][nLabels]uint8
	var y []uint8
	var trans [nLabels][nLabels]float32
	var start [nLabels]float32
	bestScore, bestEpoch := math.Inf(-1), 0
	var best *Model
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs := 0
		for _, si := range order {
			s := &sents[si]
			n := len(s.toks)
			if cap(em) < n {
				em = make([][nLabels]float32, n)
				back = make([][nLabels]uint8, n)
			}
			em, back = em[:n], back[:n]
			j := 0
			em[0] = [nLabels]float32{}
			for _, id := range feats[si] {
				if id < 0 {
					j++
					if j < n {
						em[j] = [nLabels]float32{}
					}
					continue
				}
				row := w[int(id)*nLabels : int(id)*nLabels+nLabels]
				for l := range row {
					em[j][l] += row[l]
				}
			}
			for p := 0; p < nLabels; p++ {
				for q := 0; q < nLabels; q++ {
					trans[p][q] = tw[p*nLabels+q]
				}
				start[p] = tw[nLabels*nLabels+p]
			}
			y = viterbi(em, back, &trans, &start, y[:0])
			wrong := false
			for k := range y {
				if y[k] != s.gold[k] {
					wrong = true
					break
				}
			}
			if wrong {
				errs++
				upd := func(idx int, d float32) {
					w[idx] += d
					u[idx] += c * float64(d)
				}
				j := 0
				for _, id := range feats[si] {
					if id < 0 {
						j++
						continue
					}
					if y[j] != s.gold[j] {
						upd(int(id)*nLabels+int(s.gold[j]), 1)
						upd(int(id)*nLabels+int(y[j]), -1)
					}
				}
				tupd := func(idx int, d float32) {
					tw[idx] += d
					tu[idx] += c * float64(d)
				}
				if y[0] != s.gold[0] {
					tupd(nLabels*nLabels+int(s.gold[0]), 1)
					tupd(nLabels*nLabels+int(y[0]), -1)
				}
				for k := 1; k < n; k++ {
					if y[k] != s.gold[k] || y[k-1] != s.gold[k-1] {
						tupd(int(s.gold[k-1])*nLabels+int(s.gold[k]), 1)
						tupd(int(y[k-1])*nLabels+int(y[k]), -1)
					}
				}
			}
			c++
		}
		if dev == nil && ep < epochs {
			logf("epoch %d: %d sentence errors", ep, errs)
			continue
		}
		m := averaged(keys, w, u, tw[:], tu[:], c, lx, salt, opt.MinWeight)
		m.epochs = ep
		if dev == nil {
			logf("epoch %d: %d sentence errors (%d features, %d weights)", ep, errs, m.nfeat, m.nweights)
			return m, ep
		}
		score := dev(m)
		logf("epoch %d: %d sentence errors, dev %.4f (%d features, %d weights)", ep, errs, score, m.nfeat, m.nweights)
		if score > bestScore {
			bestScore, bestEpoch, best = score, ep, m
		}
	}
	return best, bestEpoch
}

// averaged builds a model from the averaged weights w - u/c, dropping small ones.
func averaged(keys []uint64, w []float32, u []float64, tw []float32, tu []float64, c float64, lx *lexicon, salt uint64, minW float64) *Model {
	m := &Model{lex: lx, temp: 1, salt: salt}
	for id, k := range keys {
		f := sparseFeature{key: k}
		for l := 0; l < nLabels; l++ {
			v := float64(w[id*nLabels+l]) - u[id*nLabels+l]/c
			if math.Abs(v) >= minW {
				f.labs = append(f.labs, uint8(l))
				f.vals = append(f.vals, float32(v))
			}
		}
		if len(f.labs) > 0 {
			m.feats = append(m.feats, f)
			m.nweights += len(f.labs)
		}
	}
	m.nfeat = len(m.feats)
	m.w = mergeWeights(m)
	for p := 0; p < nLabels; p++ {
		for q := 0; q < nLabels; q++ {
			m.trans[p][q] = float32(float64(tw[p*nLabels+q]) - tu[p*nLabels+q]/c)
		}
		m.start[p] = float32(float64(tw[nLabels*nLabels+p]) - tu[nLabels*nLabels+p]/c)
	}
	return m
}

// decodeSlow returns the labels of one analyzed sentence with every feature
// looked up (no type cache), with the tagger's quiet tokens: for training,
// where models are short-lived.
func (m *Model) decodeSlow(toks []tokInfo, doc *docInfo, y []uint8) []uint8 {
	if !needsScoring(toks) {
		for range toks {
			y = append(y, 0)
		}
		return y
	}
	em := make([][nLabels]float32, len(toks))
	m.emissionsSlow(toks, doc, em)
	return viterbi(em, make([][nLabels]uint8, len(toks)), &m.trans, &m.start, y)
}

// emissionsSlow fills em with the scores of every feature of every token
// (quiet tokens: O only).
func (m *Model) emissionsSlow(toks []tokInfo, doc *docInfo, em [][nLabels]float32) {
	act := quietMask(nil, toks)
	var buf []uint64
	for j := range toks {
		if !act[j] {
			em[j] = quietScores
			continue
		}
		em[j] = [nLabels]float32{}
		buf = sentFeats(buf[:0], toks, j, doc, m.salt)
		for _, f := range buf {
			m.w.add(f, &em[j])
		}
	}
}

// Calibrate sets the temperature that turns m's scores into the
// probabilities of Span.Score: the value on a fixed grid that minimizes the
// per-token negative log-likelihood of the gold labels of docs. It returns
// the temperature chosen (1 when docs have no tokens). It modifies m: call it
// before m is shared with a Tagger.
func (m *Model) Calibrate(docs []Doc) float32 {
	type item struct {
		em   [][nLabels]float32
		gold []uint8
	}
	var items []item
	t := NewTagger(m)
	s := new(scratch)
	for _, d := range docs {
		s.words, s.bounds = s.words[:0], append(s.bounds[:0], 0)
		for _, st := range d.Sentences {
			s.words = append(s.words, st.Words...)
			s.bounds = append(s.bounds, len(s.words))
		}
		sents := t.analyze(s)
		if m.First != nil {
			labels := make([][]uint8, len(sents))
			for i := range sents {
				labels[i] = t.decode(m.First, 0, i, s, nil)
			}
			s.doc.collectTypes(sents, labels)
		}
		layer := len(m.layers()) - 1
		for i, st := range d.Sentences {
			if len(st.Words) == 0 {
				continue
			}
			t.emissions(m, layer, i, s)
			items = append(items, item{em: append([][nLabels]float32(nil), s.em...), gold: bilou(SpansFromTags(st.Tags), len(st.Words))})
		}
	}
	best, bestNLL := float32(1), math.Inf(1)
	if len(items) == 0 {
		m.temp = best
		return best
	}
	for k := 0; k < 24; k++ {
		temp := float32(0.25 * math.Pow(1.5, float64(k)))
		tr, st := expTables(&m.trans, &m.start, temp)
		nll := 0.0
		for _, it := range items {
			s.em = it.em
			marginals(s, &tr, &st, temp)
			for j, g := range it.gold {
				nll -= math.Log(float64(s.alpha[j][g]) + 1e-9)
			}
		}
		if nll < bestNLL {
			best, bestNLL = temp, nll
		}
	}
	m.temp = best
	return best
}
