package syntax

import (
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
)

// TrainOptions configure Train.
type TrainOptions struct {
	TagEpochs, ParseEpochs int
	// Folds is the number of jackknife folds whose taggers tag the parser's
	// training data (so that it learns from predicted tags, as it will
	// see them); 1 trains the parser on gold tags.
	Folds int
	// Seed fixes the shuffling and the exploration of the dynamic oracle.
	Seed uint64
	// Explore is the probability of following the model's own move once
	// past the first parser epoch (Goldberg & Nivre's exploration).
	Explore float64
	// Clusters maps lower-case words to their cluster path (bits | len<<24).
	Clusters map[string]uint32
	// Heldout, when set, is scored after every epoch (to choose epochs).
	Heldout []*Aligned
	// MinUpdates drops from the parser's table the weights fewer updates
	// touched (a smaller model; 1 keeps all).
	MinUpdates int32
	// ReportMinUpdates lists MinUpdates values whose held-out scores and
	// table sizes are printed after the last epoch (to choose one).
	ReportMinUpdates []int32
	// Variants, when set, is called after training with a copy of the
	// model whose parser keeps only the weights touched by at least mu
	// updates, for every mu in VariantMinUpdates (smaller models to
	// compare).
	Variants          func(mu int32, m *Model)
	VariantMinUpdates []int32
	// Target, when > 0, trains every feature with a copy per treebank
	// (Aligned.Domain) and keeps the shared weights plus the copy of
	// domain Target: the model speaks that treebank's conventions.
	Target int
	// DictFolds > 1 describes each training sentence with a tag
	// dictionary built from the other folds' sentences (jackknifed, as
	// the tags are for the parser), so that the tagger and the parser
	// learn from the dictionary as it is at run time: silent on the words
	// the treebanks do not have. The model keeps the whole dictionary.
	DictFolds int
	// TagPasses 2 (with Folds > 1 and Heldout, an experiment) also trains
	// a second tagger that reads the first pass's tags of the word and of
	// the two words after it (jackknifed for the training sentences) and
	// scores it on Heldout, whose parser scores then use its tags. The
	// model does not carry the second tagger.
	TagPasses int
	// Beam > 1 goes on training the parser after its ParseEpochs greedy
	// epochs (dynamic oracle) for BeamEpochs epochs with beam search of
	// that width and early update (beamEpochs), on the same weights; the
	// model parses with that beam.
	Beam, BeamEpochs int
	// MaxViolation makes the beam's update the max-violation one (Huang
	// et al. 2012: the whole sentence is searched and the prefixes where
	// the beam's best wrong parse outscores the best gold one by most are
	// updated) instead of the early update.
	MaxViolation bool
	// Factored predicts the move (shift, left, right) before the label:
	// a move table of three classes scored in every state and a label
	// table scored only for the arc chosen (Model.label); not with Beam.
	Factored bool
	// OwnLabels (with Factored) gives the most frequent labels but root
	// a move class of their own per direction, so that their arcs need
	// no label table.
	OwnLabels int
	Log       io.Writer
	Info      string
}

// Train learns a model from retokenized treebank sentences.
func Train(sents []*Aligned, opt TrainOptions) (*Model, error) {
	if len(sents) == 0 {
		return nil, fmt.Errorf("syntax: no training sentences")
	}
	if opt.Log == nil {
		opt.Log = io.Discard
	}
	if opt.Folds < 1 {
		opt.Folds = 1
	}
	m := &Model{clusters: opt.Clusters, info: opt.Info}
	if m.clusters == nil {
		m.clusters = map[string]uint32{}
	}
	classSet, labelSet := map[string]bool{}, map[string]bool{"root": true}
	for _, s := range sents {
		if s.TagsOnly {
			continue
		}
		for i := range s.Forms {
			classSet[s.UPOS[i]+"\t"+s.XPOS[i]] = true
			labelSet[s.Dep[i]] = true
		}
	}
	m.classes = sortedKeys(classSet)
	m.labels = sortedKeys(labelSet)
	if len(m.labels) > 255 {
		return nil, fmt.Errorf("syntax: %d labels, at most 255", len(m.labels))
	}
	for i, l := range m.labels {
		if l == "root" {
			m.rootLabel = i
		}
	}
	classID := map[string]int{}
	for i, c := range m.classes {
		u, x, _ := strings.Cut(c, "\t")
		classID[c] = i
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
		m.uposID = append(m.uposID, uposIndex(u))
	}
	labelID := map[string]int{}
	for i, l := range m.labels {
		labelID[l] = i
	}
	// lemmas
	ll := newLemmaLearner()
	for _, s := range sents {
		if s.TagsOnly {
			continue
		}
		for i, f := range s.Forms {
			if s.UPOS[i] == "PUNCT" || s.UPOS[i] == "NUM" || s.UPOS[i] == "SYM" {
				continue
			}
			ll.add(uposIndex(s.UPOS[i]), f, s.Lemma[i])
		}
	}
	m.lemmas, m.rules = ll.build()

	m.dict = buildDict(sents, classID)
	m.lex = buildLex(m.clusters, m.dict)
	byXPOS := map[string][]int32{}
	for i, x := range m.xpos {
		byXPOS[x] = append(byXPOS[x], int32(i))
	}
	lexOf := func(int) map[string]lexEntry { return m.lex }
	if opt.DictFolds > 1 {
		lexes := make([]map[string]lexEntry, opt.DictFolds)
		for f := range lexes {
			var rest []*Aligned
			for k, s := range sents {
				if k%opt.DictFolds != f {
					rest = append(rest, s)
				}
			}
			lexes[f] = buildLex(m.clusters, buildDict(rest, classID))
		}
		lexOf = func(k int) map[string]lexEntry { return lexes[k%opt.DictFolds] }
	}
	ex := make([]*example, len(sents))
	for k, s := range sents {
		ex[k] = newExample(s, lexOf(k), classID, labelID)
		if s.TagsOnly {
			ex[k].allow = make([][]int32, len(s.Forms))
			for i := range s.Forms {
				ex[k].gtags[i] = -1
				ex[k].allow[i] = byXPOS[s.XPOS[i]]
			}
		}
	}
	var held []*example
	for _, s := range opt.Heldout {
		held = append(held, newExample(s, m.lex, classID, labelID))
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))

	// tagger
	fmt.Fprintf(opt.Log, "tagger: %d classes, %d sentences\n", len(m.classes), len(ex))
	m.tagger = trainTagger(ex, m, opt, rng, held, false)
	// predicted tags for the parser's training data
	if opt.Folds > 1 {
		for f := 0; f < opt.Folds; f++ {
			var tr, te []*example
			for k, e := range ex {
				if k%opt.Folds == f {
					te = append(te, e)
				} else {
					tr = append(tr, e)
				}
			}
			fold := *m
			fo := opt
			fo.Log = io.Discard
			fold.tagger = trainTagger(tr, &fold, fo, rand.New(rand.NewPCG(opt.Seed+uint64(f)+1, 0x5eed)), nil, false)
			for _, e := range te {
				if !e.a.TagsOnly {
					e.predictTags(&fold)
				}
				if opt.TagPasses == 2 {
					e.first = make([]int32, len(e.ws))
					e.predictInto(&fold, e.first)
				}
			}
		}
	} else {
		for _, e := range ex {
			copy(e.ptags, e.gtags)
		}
	}
	for _, e := range held {
		e.predictTags(m)
	}
	if opt.TagPasses == 2 && opt.Folds > 1 && len(held) > 0 {
		for _, e := range held {
			e.first = append([]int32(nil), e.ptags...)
		}
		reportTagErrors(opt.Log, m, held)
		fmt.Fprintln(opt.Log, "second tagger pass:")
		t2 := trainTagger(ex, m, opt, rand.New(rand.NewPCG(opt.Seed, 0x7a65)), held, true)
		for _, e := range held {
			predictTags2(m, t2, e, e.ptags)
		}
	}
	if len(held) > 0 {
		reportTagErrors(opt.Log, m, held)
	}
	fmt.Fprintf(opt.Log, "parser: %d labels\n", len(m.labels))
	if opt.Factored {
		if opt.Beam > 1 {
			return nil, fmt.Errorf("syntax: a factored parser has no beam")
		}
		m.parser, m.label = trainFactored(ex, m, opt, rng, held)
		return m, nil
	}
	m.parser = trainParser(ex, m, opt, rng, held)
	if opt.Beam > 1 {
		m.beam = opt.Beam
	}
	return m, nil
}

// buildDict counts the tagger classes of every lower-case word of the
// treebank sentences (not the TagsOnly ones) into tag dictionary entries
// (dictMask).
func buildDict(sents []*Aligned, classID map[string]int) map[string]uint32 {
	counts := map[string]map[int]int{}
	for _, s := range sents {
		if s.TagsOnly {
			continue
		}
		for i, f := range s.Forms {
			w := dictKey(f)
			c := counts[w]
			if c == nil {
				c = map[int]int{}
				counts[w] = c
			}
			c[classID[s.UPOS[i]+"\t"+s.XPOS[i]]]++
		}
	}
	upos := make([]byte, len(classID))
	for k, id := range classID {
		u, _, _ := strings.Cut(k, "\t")
		upos[id] = uposIndex(u) - 1
	}
	dict := map[string]uint32{}
	for w, c := range counts {
		total, best, bn := 0, -1, 0
		byUPOS := make([]int, len(uposNames))
		for cls, n := range c {
			total += n
			byUPOS[upos[cls]] += n
			if n > bn || n == bn && cls < best {
				best, bn = cls, n
			}
		}
		var v uint32
		for u, n := range byUPOS {
			if n > 0 && float64(n) >= dictShare*float64(total) {
				v |= 1 << u
			}
		}
		if total >= dictSoleMin && float64(bn) >= dictSoleRate*float64(total) {
			v |= uint32(best+1) << 17
		}
		dict[w] = v
	}
	return dict
}

// dictKey is form as describe looks it up: lower case, and digits as 0
// in a word that has one.
func dictKey(form string) string {
	w := []byte(strings.ToLower(form))
	for i, c := range w {
		if c >= '0' && c <= '9' {
			w[i] = '0'
		}
	}
	return string(w)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// example is a training sentence with its features' inputs.
type example struct {
	a     *Aligned
	ws    []wordInfo
	gtags []int32
	ptags []int32
	gh    []int32
	gl    []uint8
	// allow lists, for a TagsOnly sentence, the classes each token may
	// take (gtags are -1 there).
	allow [][]int32
	// first holds the first tagger pass's (jackknifed) tags, for the
	// second pass (TrainOptions.TagPasses).
	first []int32
}

func newExample(s *Aligned, lex map[string]lexEntry, classID, labelID map[string]int) *example {
	n := len(s.Forms)
	e := &example{a: s, ws: make([]wordInfo, n), gtags: make([]int32, n), ptags: make([]int32, n), gh: make([]int32, n+1), gl: make([]uint8, n+1)}
	var buf []byte
	for i, f := range s.Forms {
		buf = describe(f, lex, buf, &e.ws[i])
		e.gtags[i] = int32(classID[s.UPOS[i]+"\t"+s.XPOS[i]])
		h := s.Head[i]
		if h < 0 {
			h = n
		}
		e.gh[i] = int32(h)
		e.gl[i] = uint8(labelID[s.Dep[i]])
	}
	return e
}

func (e *example) predictTags(m *Model) { e.predictInto(m, e.ptags) }

func (e *example) predictInto(m *Model, tags []int32) {
	p := NewParser(m)
	p.ws = e.ws
	p.tags = tags
	p.tag()
}

// tagFeatures2 appends the second tagger pass's features of token i: the
// first pass's features and its tags of i, i+1 and i+2 (first).
func tagFeatures2(ws []wordInfo, first []int32, i, prev1, prev2 int, fs []uint64) []uint64 {
	fs = tagFeatures(ws, i, prev1, prev2, fs)
	ft := func(j int) uint64 {
		if j >= len(ws) {
			return 1
		}
		return uint64(first[j]) + 2
	}
	w := &ws[i]
	p1 := uint64(prev1 + 2)
	return append(fs, f1(60, ft(i)), f1(61, ft(i+1)), f2(62, ft(i+1), ft(i+2)), f2(63, w.lower, ft(i+1)),
		f2(64, p1, ft(i+1)), f3(65, p1, ft(i), ft(i+1)), f2(66, ft(i), w.suf[2]), f2(67, ft(i), w.lower))
}

// predictTags2 tags e with the second pass t2 over e.first into out.
func predictTags2(m *Model, t2 *table, e *example, out []int32) {
	sc := make([]int32, len(m.classes))
	var fs []uint64
	p1, p2 := -1, -1
	for i := range e.ws {
		if c := e.ws[i].sole; c >= 0 {
			out[i] = c
			p2, p1 = p1, int(c)
			continue
		}
		fs = tagFeatures2(e.ws, e.first, i, p1, p2, fs[:0])
		t2.score(fs, sc)
		best := 0
		for c := 1; c < len(sc); c++ {
			if sc[c] > sc[best] {
				best = c
			}
		}
		out[i] = int32(best)
		p2, p1 = p1, best
	}
}

// trainTagger trains the tagger on ex; pass2 makes it the second pass
// (tagFeatures2 over example.first).
func trainTagger(ex []*example, m *Model, opt TrainOptions, rng *rand.Rand, held []*example, pass2 bool) *table {
	tt := newTrainTable(len(m.classes))
	scores := make([]float32, len(m.classes))
	var fs []uint64
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < opt.TagEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			e := ex[k]
			if opt.Target > 0 {
				tt.dom = e.a.Domain
			}
			p1, p2 := -1, -1
			for i := range e.ws {
				if pass2 {
					fs = tagFeatures2(e.ws, e.first, i, p1, p2, fs[:0])
				} else {
					fs = tagFeatures(e.ws, i, p1, p2, fs[:0])
				}
				tt.score(fs, scores)
				best := 0
				for c := 1; c < len(scores); c++ {
					if scores[c] > scores[best] {
						best = c
					}
				}
				g := int(e.gtags[i])
				if g < 0 {
					// TagsOnly: the best-scoring class with the token's PTB
					// tag is the gold one (none: learn nothing)
					g = best
					for k, c := range e.allow[i] {
						if k == 0 || scores[c] > scores[g] {
							g = int(c)
						}
					}
				}
				tt.update(fs, g, best)
				if best == g {
					right++
				}
				total++
				p2, p1 = p1, best
			}
		}
		msg := fmt.Sprintf("tagger epoch %d: train %.4f", ep+1, float64(right)/float64(max(total, 1)))
		if len(held) > 0 {
			mm := *m
			mm.tagger = tt.averaged(1, opt.Target)
			ok, up, n := 0, 0, 0
			for _, e := range held {
				if pass2 {
					predictTags2(m, mm.tagger, e, e.ptags)
				} else {
					e.predictTags(&mm)
				}
				for i := range e.ws {
					if e.ptags[i] == e.gtags[i] {
						ok++
					}
					if m.upos[e.ptags[i]] == m.upos[e.gtags[i]] {
						up++
					}
					n++
				}
			}
			msg += fmt.Sprintf(" held-out %.4f (UPOS %.4f)", float64(ok)/float64(max(n, 1)), float64(up)/float64(max(n, 1)))
		}
		fmt.Fprintln(opt.Log, msg)
	}
	return tt.averaged(1, opt.Target)
}

func trainParser(ex []*example, m *Model, opt TrainOptions, rng *rand.Rand, held []*example) *table {
	nl := len(m.labels)
	nc := 1 + 2*nl
	tt := newTrainTable(nc)
	scores := make([]float32, nc)
	cost := make([]int, nc)
	var fs []uint64
	var st pstate
	order := make([]int, 0, len(ex))
	for i, e := range ex {
		if e.a.Tree {
			order = append(order, i)
		}
	}
	for ep := 0; ep < opt.ParseEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			e := ex[k]
			if opt.Target > 0 {
				tt.dom = e.a.Domain
			}
			st.reset(len(e.ws))
			for !st.terminal() {
				fs = parseFeatures(&st, e.ws, e.ptags, fs[:0])
				tt.score(fs, scores)
				st.costs(e.gh, e.gl, nl, m.rootLabel, cost)
				pred, gold, minCost := -1, -1, 1<<30
				for a := 0; a < nc; a++ {
					if cost[a] < 0 {
						continue
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if cost[a] < minCost {
						minCost = cost[a]
					}
				}
				for a := 0; a < nc; a++ {
					if cost[a] == minCost && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				if cost[pred] == minCost {
					tt.tick()
				} else {
					tt.update(fs, gold, pred)
				}
				next := gold
				if ep > 0 && rng.Float64() < opt.Explore {
					next = pred
				}
				st.apply(next, nl)
			}
			for i := range e.ws {
				if st.head[i] == e.gh[i] {
					right++
				}
				total++
			}
		}
		msg := fmt.Sprintf("parser epoch %d: train UAS %.4f", ep+1, float64(right)/float64(max(total, 1)))
		if len(held) > 0 {
			mm := *m
			mm.parser = tt.averaged(opt.MinUpdates, opt.Target)
			u, l, n := scoreHeld(&mm, held)
			msg += fmt.Sprintf(" held-out UAS %.4f LAS %.4f (%d tokens)", u, l, n)
		}
		fmt.Fprintln(opt.Log, msg)
	}
	if opt.Beam > 1 {
		beamEpochs(tt, ex, order, m, opt, rng, held)
		mb := *m
		mb.beam = opt.Beam
		m = &mb // the reports below parse with the beam
	}
	if len(held) > 0 {
		for _, mu := range opt.ReportMinUpdates {
			mm := *m
			mm.parser = tt.averaged(mu, opt.Target)
			u, l, _ := scoreHeld(&mm, held)
			fmt.Fprintf(opt.Log, "min updates %d: %d slots, %d entries, held-out UAS %.4f LAS %.4f\n", mu, len(mm.parser.slots), len(mm.parser.ents), u, l)
		}
	}
	if len(held) > 0 {
		// the same parser on the gold tags: what a better tagger could
		// give the parser at most
		mm := *m
		mm.parser = tt.averaged(opt.MinUpdates, opt.Target)
		saved := make([][]int32, len(held))
		for k, e := range held {
			saved[k] = append([]int32(nil), e.ptags...)
			copy(e.ptags, e.gtags)
		}
		u, l, _ := scoreHeld(&mm, held)
		for k, e := range held {
			copy(e.ptags, saved[k])
		}
		fmt.Fprintf(opt.Log, "held-out on gold tags (min updates %d): UAS %.4f LAS %.4f\n", opt.MinUpdates, u, l)
	}
	if opt.Variants != nil {
		for _, mu := range opt.VariantMinUpdates {
			mm := *m
			mm.parser = tt.averaged(mu, opt.Target)
			opt.Variants(mu, &mm)
		}
	}
	return tt.averaged(opt.MinUpdates, opt.Target)
}

// trainFactored trains the move table (nMoves classes) and the label
// table (every labelled move) of a parser that predicts the move before
// the label, with the dynamic oracle: a move costs the least of its
// labelled moves, and the label table learns, in the states where an arc
// is taken, the cheapest of that arc's labels over the others.
func trainFactored(ex []*example, m *Model, opt TrainOptions, rng *rand.Rand, held []*example) (*table, *table) {
	nl := len(m.labels)
	nc := 1 + 2*nl
	// the labels with a class of their own: the most frequent, root aside
	count := make([]int, nl)
	for _, e := range ex {
		if e.a.Tree {
			for _, l := range e.gl {
				count[l]++
			}
		}
	}
	byCount := make([]int, 0, nl)
	for l := range nl {
		if l != m.rootLabel {
			byCount = append(byCount, l)
		}
	}
	sort.SliceStable(byCount, func(i, j int) bool { return count[byCount[i]] > count[byCount[j]] })
	var own []uint8
	for _, l := range byCount[:min(max(opt.OwnLabels, 0), nl-2)] {
		own = append(own, uint8(l))
	}
	mset := newMoveSet(nl, own)
	m.moves = mset
	nm := mset.classes()
	tm, tl := newTrainTable(nm), newTrainTable(nc)
	ms := make([]float32, nm)
	mcost := make([]int, nm)
	lsc := make([]float32, nc)
	cost := make([]int, nc)
	var fs []uint64
	var st pstate
	order := make([]int, 0, len(ex))
	for i, e := range ex {
		if e.a.Tree {
			order = append(order, i)
		}
	}
	tables := func(mu int32) *Model {
		mm := *m
		mm.parser, mm.label = tm.averaged(mu, opt.Target), tl.averaged(mu, opt.Target)
		return &mm
	}
	for ep := 0; ep < opt.ParseEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total := 0, 0
		for _, k := range order {
			e := ex[k]
			if opt.Target > 0 {
				tm.dom, tl.dom = e.a.Domain, e.a.Domain
			}
			st.reset(len(e.ws))
			for !st.terminal() {
				fs = parseFeatures(&st, e.ws, e.ptags, fs[:0])
				st.costs(e.gh, e.gl, nl, m.rootLabel, cost)
				for c := range mcost {
					mcost[c] = -1
				}
				for a, x := range cost {
					if c := mset.class(a); x >= 0 && (mcost[c] < 0 || x < mcost[c]) {
						mcost[c] = x
					}
				}
				tm.score(fs, ms)
				pred, gold, minCost := -1, -1, 1<<30
				for c, x := range mcost {
					if x < 0 {
						continue
					}
					if pred < 0 || ms[c] > ms[pred] {
						pred = c
					}
					minCost = min(minCost, x)
				}
				for c, x := range mcost {
					if x == minCost && (gold < 0 || ms[c] > ms[gold]) {
						gold = c
					}
				}
				if mcost[pred] == minCost {
					tm.tick()
				} else {
					tm.update(fs, gold, pred)
				}
				own := ep > 0 && rng.Float64() < opt.Explore
				mc := gold
				if own {
					mc = pred
				}
				if a := mset.move(mc); a >= 0 {
					st.apply(a, nl)
					continue
				}
				lo, hi := restRange(mc, nl)
				lpred, lgold, lmin, legal := -1, -1, 1<<30, 0
				tl.score(fs, lsc)
				for a := lo; a < hi; a++ {
					if cost[a] < 0 || mset.cls[(a-1)%nl] >= 0 {
						continue
					}
					legal++
					if lpred < 0 || lsc[a] > lsc[lpred] {
						lpred = a
					}
					lmin = min(lmin, cost[a])
				}
				for a := lo; a < hi; a++ {
					if cost[a] == lmin && mset.cls[(a-1)%nl] < 0 && (lgold < 0 || lsc[a] > lsc[lgold]) {
						lgold = a
					}
				}
				if legal > 1 {
					if cost[lpred] == lmin {
						tl.tick()
					} else {
						tl.update(fs, lgold, lpred)
					}
				}
				next := lgold
				if own {
					next = lpred
				}
				st.apply(next, nl)
			}
			for i := range e.ws {
				if st.head[i] == e.gh[i] {
					right++
				}
				total++
			}
		}
		msg := fmt.Sprintf("parser epoch %d: train UAS %.4f", ep+1, float64(right)/float64(max(total, 1)))
		if len(held) > 0 {
			u, l, n := scoreHeld(tables(opt.MinUpdates), held)
			msg += fmt.Sprintf(" held-out UAS %.4f LAS %.4f (%d tokens)", u, l, n)
		}
		fmt.Fprintln(opt.Log, msg)
	}
	if len(held) > 0 {
		for _, mu := range opt.ReportMinUpdates {
			mm := tables(mu)
			u, l, _ := scoreHeld(mm, held)
			fmt.Fprintf(opt.Log, "min updates %d: move table %d slots, %d entries; label table %d slots, %d entries; held-out UAS %.4f LAS %.4f\n", mu, len(mm.parser.slots), len(mm.parser.ents), len(mm.label.slots), len(mm.label.ents), u, l)
		}
		mm := tables(opt.MinUpdates)
		saved := make([][]int32, len(held))
		for k, e := range held {
			saved[k] = append([]int32(nil), e.ptags...)
			copy(e.ptags, e.gtags)
		}
		u, l, _ := scoreHeld(mm, held)
		for k, e := range held {
			copy(e.ptags, saved[k])
		}
		fmt.Fprintf(opt.Log, "held-out on gold tags (min updates %d): UAS %.4f LAS %.4f\n", opt.MinUpdates, u, l)
	}
	if opt.Variants != nil {
		for _, mu := range opt.VariantMinUpdates {
			opt.Variants(mu, tables(mu))
		}
	}
	mm := tables(opt.MinUpdates)
	return mm.parser, mm.label
}

// scoreHeld parses held (with their predicted tags) and returns UAS and LAS
// over non-punctuation-agnostic tokens (every token counts).
func scoreHeld(m *Model, held []*example) (uas, las float64, n int) {
	p := NewParser(m)
	hu, hl := 0, 0
	for _, e := range held {
		p.ws, p.tags = e.ws, e.ptags
		p.parse()
		for i := range e.ws {
			if p.st.head[i] == e.gh[i] {
				hu++
				if p.st.label[i] == e.gl[i] {
					hl++
				}
			}
			n++
		}
	}
	return float64(hu) / float64(max(n, 1)), float64(hl) / float64(max(n, 1)), n
}

// reportTagErrors prints the held-out tagger's UPOS accuracy on the words
// the tag dictionary has and on those it lacks, and its most frequent
// UPOS confusions (gold → predicted).
func reportTagErrors(w io.Writer, m *Model, held []*example) {
	var known, knownOK, unk, unkOK int
	conf := map[[2]string]int{}
	for _, e := range held {
		for i, f := range e.a.Forms {
			g, p := m.upos[e.gtags[i]], m.upos[e.ptags[i]]
			ok := g == p
			if _, in := m.dict[dictKey(f)]; in {
				known++
				if ok {
					knownOK++
				}
			} else {
				unk++
				if ok {
					unkOK++
				}
			}
			if !ok {
				conf[[2]string{g, p}]++
			}
		}
	}
	fmt.Fprintf(w, "held-out UPOS: %d words in the tag dictionary %.4f, %d not %.4f\n",
		known, float64(knownOK)/float64(max(known, 1)), unk, float64(unkOK)/float64(max(unk, 1)))
	type pair struct {
		k [2]string
		n int
	}
	var ps []pair
	for k, n := range conf {
		ps = append(ps, pair{k, n})
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].n != ps[j].n {
			return ps[i].n > ps[j].n
		}
		return ps[i].k[0]+ps[i].k[1] < ps[j].k[0]+ps[j].k[1]
	})
	var b strings.Builder
	for i, p := range ps {
		if i == 12 {
			break
		}
		fmt.Fprintf(&b, " %s→%s %d", p.k[0], p.k[1], p.n)
	}
	fmt.Fprintf(w, "held-out UPOS confusions (gold→predicted):%s\n", b.String())
}
