package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"sync"
)

// TrainOptions configure Train.
type TrainOptions struct {
	// Epochs is the largest number of passes over the training data (default 12).
	Epochs int
	// Seed fixes the shuffling order; training is deterministic for a seed.
	Seed uint64
	// Stacked adds a second pass that sees the first pass's tags of the same
	// words elsewhere in the document; its training features come from
	// Folds-fold jackknifed first-pass tags.
	Stacked bool
	// Folds is the number of jackknife folds for Stacked (default 5).
	Folds int
	// Clusters are words with their cluster bit strings (may be empty).
	ClusterWords, ClusterPaths []string
	// GazNames are gazetteer names (words separated by spaces) with their
	// classes in GazClasses: country, demonym, bigcity, city, adm1, region.
	GazNames, GazClasses []string
	// Dev scores a model on held-out data (higher is better); when set, each
	// pass keeps the epoch with the best score. When nil, all epochs run.
	Dev func(*Model) float64
	// MinWeight drops averaged weights smaller than this in absolute value
	// when the model is exported (default 0.01).
	MinWeight float64
	// Log receives progress lines; nil discards them.
	Log io.Writer
}

// trainSent is one training sentence with its analyzed tokens and gold labels.
type trainSent struct {
	doc  int
	toks []tokInfo
	gold []uint8
}

// Train trains a model on docs. It is deterministic for given options and
// data. It returns an error when docs has no tokens.
func Train(docs []Doc, opt TrainOptions) (*Model, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 12
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
	clus := &lexicon{c: newClusters(opt.ClusterWords, opt.ClusterPaths), g: newGazTable(opt.GazNames, opt.GazClasses)}
	// Analyze every sentence once, per document.
	var docToks [][][]tokInfo
	var sents []trainSent
	for di, d := range docs {
		var dt [][]tokInfo
		for _, s := range d.Sentences {
			toks := analyzeSentence(nil, s.Words, clus)
			dt = append(dt, toks)
			sents = append(sents, trainSent{doc: di, toks: toks, gold: bilou(SpansFromTags(s.Tags), len(s.Words))})
		}
		docToks = append(docToks, dt)
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("ner: train: no sentences")
	}
	infos := make([]*docInfo, len(docs))
	for di := range docs {
		infos[di] = buildDocInfo(docToks[di])
	}
	logf("first pass: %d documents, %d sentences", len(docs), len(sents))
	first, firstEpochs := trainPass(sents, infos, clus, opt, opt.Epochs, opt.Dev, logf)
	if !opt.Stacked {
		return first, nil
	}
	// Jackknife: tag each fold's documents with a model trained on the others.
	labels := make([][][]uint8, len(docs))
	var wg sync.WaitGroup
	var mu sync.Mutex
	sem := make(chan struct{}, 2)
	for f := 0; f < opt.Folds; f++ {
		wg.Add(1)
		go func(f int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			var part []trainSent
			for _, s := range sents {
				if s.doc%opt.Folds != f {
					part = append(part, s)
				}
			}
			m, _ := trainPass(part, infos, clus, opt, firstEpochs, nil, nil)
			var sc scratch
			for di := f; di < len(docs); di += opt.Folds {
				ls := make([][]uint8, len(docToks[di]))
				for i, toks := range docToks[di] {
					ls[i] = m.decode(toks, infos[di], &sc, nil)
				}
				mu.Lock()
				labels[di] = ls
				mu.Unlock()
			}
		}(f)
	}
	wg.Wait()
	stacked := make([]*docInfo, len(docs))
	for di := range docs {
		stacked[di] = &docInfo{seen: infos[di].seen, types: collectTypes(docToks[di], labels[di])}
	}
	var dev func(*Model) float64
	if opt.Dev != nil {
		dev = func(m *Model) float64 { m.First = first; return opt.Dev(m) }
	}
	logf("second pass (stacked, %d folds, %d first-pass epochs)", opt.Folds, firstEpochs)
	second, _ := trainPass(sents, stacked, clus, opt, opt.Epochs, dev, logf)
	second.First = first
	return second, nil
}

// trainPass runs the averaged structured perceptron and returns the model of
// the best epoch by dev (or the last epoch) and that epoch count.
func trainPass(sents []trainSent, infos []*docInfo, clus *lexicon, opt TrainOptions, epochs int, dev func(*Model) float64, logf func(string, ...any)) (*Model, int) {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	// Index the features of every token.
	index := make(map[uint64]int32)
	feats := make([][]int32, len(sents)) // per sentence, flattened with -1 between tokens
	var buf []uint64
	for si, s := range sents {
		var fs []int32
		for j := range s.toks {
			buf = sentFeats(buf[:0], s.toks, j, infos[s.doc])
			for _, f := range buf {
				if f == 0 {
					f = 1
				}
				id, ok := index[f]
				if !ok {
					id = int32(len(index))
					index[f] = id
				}
				fs = append(fs, id)
			}
			fs = append(fs, -1)
		}
		feats[si] = fs
	}
	keys := make([]uint64, len(index))
	for k, id := range index {
		keys[id] = k
	}
	nf := len(index)
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
			y = viterbi(em, back, &trans, &start, y)
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
		m := averaged(keys, w, u, tw[:], tu[:], c, clus, opt.MinWeight)
		if dev == nil {
			logf("epoch %d: %d sentence errors", ep, errs)
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
func averaged(keys []uint64, w []float32, u []float64, tw []float32, tu []float64, c float64, lx *lexicon, minW float64) *Model {
	m := &Model{lex: lx, temp: 1, pre: new(prepared)}
	var fkeys []uint64
	var counts []uint8
	var labs []uint8
	var vals []float32
	for id, k := range keys {
		n := 0
		for l := 0; l < nLabels; l++ {
			v := float64(w[id*nLabels+l]) - u[id*nLabels+l]/c
			if math.Abs(v) >= minW {
				labs = append(labs, uint8(l))
				vals = append(vals, float32(v))
				n++
			}
		}
		if n > 0 {
			fkeys = append(fkeys, k)
			counts = append(counts, uint8(n))
		}
	}
	m.w.build(fkeys, counts, labs, vals)
	m.nfeat, m.nweights = len(fkeys), len(vals)
	for p := 0; p < nLabels; p++ {
		for q := 0; q < nLabels; q++ {
			m.w.trans[p][q] = float32(float64(tw[p*nLabels+q]) - tu[p*nLabels+q]/c)
		}
		m.w.start[p] = float32(float64(tw[nLabels*nLabels+p]) - tu[nLabels*nLabels+p]/c)
	}
	return m
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
	var s scratch
	for _, d := range docs {
		toks := make([][]tokInfo, len(d.Sentences))
		for i, st := range d.Sentences {
			toks[i] = analyzeSentence(nil, st.Words, m.lex)
		}
		doc := buildDocInfo(toks)
		if m.First != nil {
			labels := make([][]uint8, len(toks))
			for i := range toks {
				labels[i] = m.First.decode(toks[i], doc, &s, nil)
			}
			doc.types = collectTypes(toks, labels)
		}
		for i, st := range d.Sentences {
			if len(st.Words) == 0 {
				continue
			}
			m.emissions(toks[i], doc, &s)
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
		nll := 0.0
		for _, it := range items {
			s.em = it.em
			m.marginals(&s, temp)
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
