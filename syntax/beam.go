package syntax

import (
	"fmt"
	"math/rand/v2"
)

// Beam search over the parser's moves (Zhang & Clark 2008, Zhang & Nivre
// 2011): k partial parses are kept at each step, ranked by the sum of their
// moves' scores, and training is the global perceptron with early update
// (Collins & Roark 2004): as soon as no parse that can still reach the gold
// tree is left in the beam, the best-scoring such parse (the gold prefix
// the model likes most, read from the dynamic oracle's costs, so that any
// gold move order counts) is rewarded over the beam's best, move by move.
// A move that is the only legal one (shift onto an empty stack, the root's
// arc) adds nothing to a parse's score and is not trained, as in the
// greedy parser.

type beamItem struct {
	st    pstate
	score float64
	cost  int // gold arcs lost so far (training)
	hist  []uint16
}

// copyFrom makes s a copy of o, reusing s's memory.
func (s *pstate) copyFrom(o *pstate) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	s.head = append(s.head[:0], o.head...)
	s.label = append(s.label[:0], o.label...)
	s.lc1 = append(s.lc1[:0], o.lc1...)
	s.lc2 = append(s.lc2[:0], o.lc2...)
	s.rc1 = append(s.rc1[:0], o.rc1...)
	s.rc2 = append(s.rc2[:0], o.rc2...)
	s.nl = append(s.nl[:0], o.nl...)
	s.nr = append(s.nr[:0], o.nr...)
	s.ls = append(s.ls[:0], o.ls...)
	s.rs = append(s.rs[:0], o.rs...)
}

// forced returns the only legal move of s, or -1 when there are more.
func (s *pstate) forced(rootLabel int) int {
	switch {
	case len(s.stack) == 0:
		return shift
	case int(s.b) == s.n && len(s.stack) == 1:
		return 1 + rootLabel
	}
	return -1
}

// beamCand is a scored expansion of beam item from by move a.
type beamCand struct {
	from  int
	a     int
	score float64
	cost  int
}

// better orders candidates: higher score first, then earlier item and move
// (deterministic).
func (c beamCand) better(d beamCand) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	if c.from != d.from {
		return c.from < d.from
	}
	return c.a < d.a
}

// topK keeps the k best of cands in top (sorted, best first).
func topK(top []beamCand, c beamCand, k int) []beamCand {
	if len(top) == k && !c.better(top[k-1]) {
		return top
	}
	if len(top) < k {
		top = append(top, c)
	} else {
		top[k-1] = c
	}
	for j := len(top) - 1; j > 0 && top[j].better(top[j-1]); j-- {
		top[j], top[j-1] = top[j-1], top[j]
	}
	return top
}

// beamSearch holds a beam's two generations of items.
type beamSearch struct {
	cur, next []*beamItem
	cands     []beamCand
}

func (b *beamSearch) init(n, k int) {
	for len(b.cur) < k {
		b.cur = append(b.cur, &beamItem{})
		b.next = append(b.next, &beamItem{})
	}
	b.cur = b.cur[:1]
	it := b.cur[0]
	it.st.reset(n)
	it.score, it.cost, it.hist = 0, 0, it.hist[:0]
}

// advance replaces the beam by the items of top.
func (b *beamSearch) advance(top []beamCand, nl int) {
	b.next = b.next[:cap(b.next)]
	for j, c := range top {
		it, from := b.next[j], b.cur[c.from]
		it.st.copyFrom(&from.st)
		it.st.apply(c.a, nl)
		it.score, it.cost = c.score, c.cost
		it.hist = append(append(it.hist[:0], from.hist...), uint16(c.a))
	}
	b.next = b.next[:len(top)]
	b.cur, b.next = b.next, b.cur[:cap(b.cur)]
}

// parseBeam parses p.ws and p.tags with a beam of p.beam items into p.st.
// The role caches of the greedy parser are kept for the roles whose
// features read their token alone; s0's read the stack under it, which
// differs between items, and are scored per item.
func (p *Parser) parseBeam() {
	m := p.m
	nl := len(m.labels)
	nc := 1 + 2*nl
	n := len(p.ws)
	k := p.beam
	slots := (n + 2) * nRoles
	if cap(p.valid) < slots {
		p.valid = make([]bool, slots)
		p.cache = make([]int32, slots*nc)
	}
	p.valid, p.cache = p.valid[:slots], p.cache[:slots*nc]
	clear(p.valid)
	if p.bs == nil {
		p.bs = &beamSearch{}
	}
	bs := p.bs
	bs.init(n, k)
	sc := p.scores[:nc]
	for !bs.cur[0].st.terminal() {
		top := bs.cands[:0]
		for j, it := range bs.cur {
			s := &it.st
			if a := s.forced(m.rootLabel); a >= 0 {
				top = topK(top, beamCand{from: j, a: a, score: it.score}, k)
				continue
			}
			p.feats = dynamicFeatures(s, p.ws, p.tags, p.feats[:0])
			m.parser.score(p.feats, sc)
			for role, i := range s.roles() {
				if role == roleS0 {
					p.roleFs = roleFeatures(role, i, s, p.ws, p.tags, p.roleFs[:0])
					m.parser.score(p.roleFs, p.tmp[:nc])
					for c, v := range p.tmp[:nc] {
						sc[c] += v
					}
					continue
				}
				ck := (int(i)+1)*nRoles + role
				vec := p.cache[ck*nc : (ck+1)*nc]
				if !p.valid[ck] {
					p.roleFs = roleFeatures(role, i, s, p.ws, p.tags, p.roleFs[:0])
					m.parser.score(p.roleFs, vec)
					p.valid[ck] = true
				}
				for c, v := range vec {
					sc[c] += v
				}
			}
			for a, v := range sc {
				if s.legal(a, nl, m.rootLabel) {
					top = topK(top, beamCand{from: j, a: a, score: it.score + float64(v)}, k)
				}
			}
		}
		bs.cands = top
		bs.advance(top, nl)
	}
	p.st.copyFrom(&bs.cur[0].st)
}

// beamEpochs trains the parser's table tt on the sentences ex[order[...]]
// for opt.BeamEpochs epochs with a beam of opt.Beam items and early update
// (after trainParser's greedy epochs, on the same weights).
func beamEpochs(tt *trainTable, ex []*example, order []int, m *Model, opt TrainOptions, rng *rand.Rand, held []*example) {
	nl := len(m.labels)
	nc := 1 + 2*nl
	k := opt.Beam
	scores := make([]float32, nc)
	cost := make([]int, nc)
	var fs []uint64
	var bs beamSearch
	var gold, pred []uint16
	var rs pstate
	// seqUpdate rewards the moves of g over those of q from where they part.
	seqUpdate := func(e *example, g, q []uint16) {
		c := 0
		for c < len(g) && c < len(q) && g[c] == q[c] {
			c++
		}
		for _, side := range [2]struct {
			seq []uint16
			d   float32
		}{{g, 1}, {q, -1}} {
			rs.reset(len(e.ws))
			for j, a := range side.seq {
				if j >= c && rs.forced(m.rootLabel) < 0 {
					fs = parseFeatures(&rs, e.ws, e.ptags, fs[:0])
					for _, h := range fs {
						tt.bump(h, int(a), side.d, true)
						if tt.dom > 0 {
							tt.bump(domKey(h, tt.dom), int(a), side.d, false)
						}
					}
				}
				rs.apply(int(a), nl)
			}
		}
	}
	for ep := 0; ep < opt.BeamEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		right, total, early := 0, 0, 0
		for _, ki := range order {
			e := ex[ki]
			if opt.Target > 0 {
				tt.dom = e.a.Domain
			}
			tt.now++
			bs.init(len(e.ws), k)
			for !bs.cur[0].st.terminal() {
				top := bs.cands[:0]
				bestGold := beamCand{from: -1}
				for j, it := range bs.cur {
					s := &it.st
					minCost := 0
					if it.cost == 0 {
						// relative to the item's best move: a tree that is
						// not projective has no move of cost 0 at some step
						s.costs(e.gh, e.gl, nl, m.rootLabel, cost)
						minCost = 1 << 30
						for _, c := range cost {
							if c >= 0 && c < minCost {
								minCost = c
							}
						}
					}
					consider := func(c beamCand) {
						if it.cost == 0 {
							c.cost = cost[c.a] - minCost
							if c.cost == 0 && (bestGold.from < 0 || c.better(bestGold)) {
								bestGold = c
							}
						} else {
							c.cost = it.cost
						}
						top = topK(top, c, k)
					}
					if a := s.forced(m.rootLabel); a >= 0 {
						consider(beamCand{from: j, a: a, score: it.score})
						continue
					}
					fs = parseFeatures(s, e.ws, e.ptags, fs[:0])
					tt.score(fs, scores)
					for a, v := range scores {
						if s.legal(a, nl, m.rootLabel) {
							consider(beamCand{from: j, a: a, score: it.score + float64(v)})
						}
					}
				}
				goldIn := false
				for _, c := range top {
					if c.cost == 0 {
						goldIn = true
						break
					}
				}
				last := len(bs.cur[0].hist)+1 == 2*len(e.ws)
				if !goldIn || last && top[0].cost > 0 {
					// early update (or the final beam's best is wrong)
					gold = append(append(gold[:0], bs.cur[bestGold.from].hist...), uint16(bestGold.a))
					pred = append(append(pred[:0], bs.cur[top[0].from].hist...), uint16(top[0].a))
					seqUpdate(e, gold, pred)
					if !last {
						early++
					}
					bs.cands = top
					bs.advance(top, nl)
					break
				}
				bs.cands = top
				bs.advance(top, nl)
			}
			st := &bs.cur[0].st
			for i := range e.ws {
				if st.terminal() && st.head[i] == e.gh[i] {
					right++
				}
				total++
			}
		}
		msg := fmt.Sprintf("parser beam epoch %d (beam %d): train UAS %.4f (of complete parses), %d early updates", ep+1, k, float64(right)/float64(max(total, 1)), early)
		if len(held) > 0 {
			mm := *m
			mm.parser = tt.averaged(opt.MinUpdates, opt.Target)
			mm.beam = k
			u, l, n := scoreHeld(&mm, held)
			msg += fmt.Sprintf(" held-out UAS %.4f LAS %.4f (%d tokens)", u, l, n)
			mm.beam = 1
			u, l, _ = scoreHeld(&mm, held)
			msg += fmt.Sprintf("; greedy decoding UAS %.4f LAS %.4f", u, l)
		}
		fmt.Fprintln(opt.Log, msg)
	}
}
