package ner

import (
	"sync/atomic"
)

// Emission scores are sums of feature weights. Most of a token's features
// depend on its word only: its own word-level features (word, lower case,
// shapes, affixes, length, clusters, casing class) and the features its
// neighbours see of it (the lower case, shape, word, cluster and casing
// class of the word one or two tokens away). Those sums are computed once
// per word type, regime and pass, the first time a token needs them (its
// own when it is scored, the neighbours' when a token next to it is), and
// kept with the word's analysis in a lock-free set-associative cache that
// every goroutine and every document share, so that a token costs a hash
// of its bytes, one cache probe and about a dozen table lookups
// (conjunctions, gazetteer and document features). The neighbour sums of
// a word the model does not know depend on its shape, cluster and casing
// class only and are shared (ctxCache), as are word pairs' (pairCache,
// keyed by what their features read).

// typeEntry is one cached word type: its analysis (tokInfo without the
// text and position flags) and, computed when first needed (many never
// are: quiet tokens far from any capital), per pass the sums of the
// features it gives its neighbours (needed when a token within two of it is
// scored) and of its own (needed when it is scored itself: for about a
// quarter of a corpus's types, never).
type typeEntry struct {
	key  uint64 // hash of the word's bytes and regime (typeKey)
	ti   tokInfo
	ctx  atomic.Pointer[ctxSums]
	self atomic.Pointer[selfSums]
}

// ctxSums are a word type's sums of the parts partM1..partP2:
// [pass][part-1][label].
type ctxSums [2][nParts - 1][nLabels]float32

// selfSums are a word type's sums of partSelf: [pass][label].
type selfSums [2][nLabels]float32

// typeCacheBits sizes the caches: 1<<typeCacheBits sets of two entries
// each (a word type takes at most about 800 bytes, a word pair 300; a news
// corpus of 2,000 stories has about 40,000 word types).
const typeCacheBits = 15

// typeCache is a two-way set-associative cache from typeKey to typeEntry.
// Entries are published by atomic pointer stores and never change after
// but for their sums, themselves published once by an atomic pointer
// (concurrent first uses compute the same sums; one wins), so readers never
// see a partial entry. A new entry goes to the first way of its set and the
// entry it displaces to the second.
type typeCache struct {
	sets [1 << typeCacheBits][2]atomic.Pointer[typeEntry]
}

// typeKey hashes the bytes of w and the regime.
func typeKey(w string, fold bool) uint64 {
	h := hashString(fnvOffset, w)
	if fold {
		h = mix(h, 0xf01d)
	}
	return h | 1
}

// entry returns the cached type of word w (key k) in the given regime,
// analyzing and publishing it on a miss.
func (t *Tagger) entry(w string, k uint64, fold bool) *typeEntry {
	set := &t.cache.sets[mix(k, 0x7f4a7c15)>>(64-typeCacheBits)]
	first := set[0].Load()
	if first != nil && first.key == k {
		return first
	}
	if e := set[1].Load(); e != nil && e.key == k {
		return e
	}
	e := &typeEntry{key: k}
	analyze(w, &e.ti, fold, t.m.lex)
	// The entry outlives the document: it keeps no piece of its text (the
	// users of ti set the word they tag).
	e.ti.text = ""
	if first != nil {
		set[1].Store(first)
	}
	set[0].Store(e)
	return e
}

// ctxOf returns the neighbour parts' sums of e, computing and publishing
// them on first use; w is a word of the type.
func (t *Tagger) ctxOf(e *typeEntry, w string) *ctxSums {
	if v := e.ctx.Load(); v != nil {
		return v
	}
	var v *ctxSums
	if e.ti.flags&flagKnown == 0 {
		v = t.unknownCtx(e, w)
	} else {
		v = new(ctxSums)
		t.partSums(e, w, partM1, nParts, func(li, part int) *[nLabels]float32 { return &v[li][part-1] })
	}
	e.ctx.CompareAndSwap(nil, v)
	return e.ctx.Load()
}

// ctxEntry is one entry of ctxCache.
type ctxEntry struct {
	key  uint64
	sums ctxSums
}

// ctxCache holds the neighbour sums of words the model does not know,
// shared by every such word of the same short shape, cluster, casing class
// and regime: typeKeys reads nothing else of them for those parts. It is
// direct-mapped and publishes entries like typeCache.
type ctxCache struct {
	sets [1 << ctxCacheBits]atomic.Pointer[ctxEntry]
}

// ctxCacheBits sizes ctxCache (the 14,257 unknown word types of BBC
// train.csv have about 5,200 distinct contexts).
const ctxCacheBits = 14

// unknownCtx returns the neighbour sums of e, a word the model does not
// know, from ctxCache or computed and published there.
func (t *Tagger) unknownCtx(e *typeEntry, w string) *ctxSums {
	ti := &e.ti
	k := mix(mix(mix(ti.short, ti.clus), uint64(ti.cas)<<1|ti.salt()>>24), 0xc7c5) | 1
	set := &t.ctxs.sets[mix(k, 0x3c6ef372)>>(64-ctxCacheBits)]
	if c := set.Load(); c != nil && c.key == k {
		return &c.sums
	}
	c := &ctxEntry{key: k}
	t.partSums(e, w, partM1, nParts, func(li, part int) *[nLabels]float32 { return &c.sums[li][part-1] })
	set.Store(c)
	return &c.sums
}

// selfOf returns the own part's sums of e, computing and publishing them
// on first use; w is a word of the type (for its affixes).
func (t *Tagger) selfOf(e *typeEntry, w string) *selfSums {
	if v := e.self.Load(); v != nil {
		return v
	}
	v := new(selfSums)
	t.partSums(e, w, partSelf, partSelf+1, func(li, _ int) *[nLabels]float32 { return &v[li] })
	e.self.CompareAndSwap(nil, v)
	return e.self.Load()
}

// partSums adds to vec(li, part) the features of every pass li and part in
// [lo, hi) of e (word w), each vector's in typeKeys order.
func (t *Tagger) partSums(e *typeEntry, w string, lo, hi int, vec func(li, part int) *[nLabels]float32) {
	ti := e.ti
	ti.text = w
	// Every pass's and part's features in one batch (addBatch); the passes
	// share one table.
	var karr [128]uint64
	var tarr [128]int32
	var vecs [2 * nParts]*[nLabels]float32
	keys, tgt := karr[:0], tarr[:0]
	ls := t.m.layers()
	for li, m := range ls {
		salt := ti.salt() + m.salt
		for part := lo; part < hi; part++ {
			vecs[li*nParts+part] = vec(li, part)
			n := len(keys)
			keys = typeKeys(keys, &ti, part, salt)
			for range keys[n:] {
				tgt = append(tgt, int32(li*nParts+part))
			}
		}
		if li+1 == len(ls) || ls[li+1].w != m.w {
			m.w.addBatch(keys, tgt, vecs[:]) // (passes with separate tables while training)
			keys, tgt = keys[:0], tgt[:0]
		}
	}
}

// edgeVecs are the contributions of the missing neighbours at a sentence's
// edges, per pass and regime: index [layer][fold] of bos (parts m1, m2) and
// eos (parts p1, p2).
type edgeVecs [2][2][nParts][nLabels]float32

// newEdgeVecs sums the sentinel features of m's passes.
func newEdgeVecs(m *Model) *edgeVecs {
	e := new(edgeVecs)
	var arr [64]uint64
	buf := arr[:0]
	for li, l := range m.layers() {
		for fold, salt := range [2]uint64{0, saltFold} {
			for _, part := range [4]int{partM1, partM2, partP1, partP2} {
				buf = typeKeys(buf[:0], edgeTok(part == partM1 || part == partM2), part, salt+l.salt)
				for _, f := range buf {
					l.w.add(f, &e[li][fold][part])
				}
			}
		}
	}
	return e
}

// pairEntry is one cached pair of adjacent tokens: per pass the sums of the
// features the pair gives its right word and its left word (pairKeys).
type pairEntry struct {
	key  uint64
	vecs [2][2][nLabels]float32
}

// pairCache is typeCache for word pairs.
type pairCache struct {
	sets [1 << typeCacheBits][2]atomic.Pointer[pairEntry]
}

// pairKey hashes what pairKeys reads of tokens a and b: their short shapes,
// coarse casing classes, regime and, of a word the model knows, its lower
// case. Pairs with the same key have the same features in the same order,
// so the same sums: a word the model does not know pairs by its shape, and
// "Mr" before any unknown capitalized word is one entry.
func pairKey(a, b *tokInfo) uint64 {
	var la, lb uint64
	if a.flags&flagKnown != 0 {
		la = a.lower
	}
	if b.flags&flagKnown != 0 {
		lb = b.lower
	}
	h := mix(a.short, b.short)
	h = mix(h, casCoarse(a)<<16|casCoarse(b)<<1|(a.salt()|b.salt())>>24)
	return mix(mix(h, la), lb) | 1
}

// pair returns the sums of the pair of tokens a and b, from the cache or
// computed and published on a miss.
func (t *Tagger) pair(a, b *tokInfo) *pairEntry {
	k := pairKey(a, b)
	set := &t.pairs.sets[mix(k, 0x2545f491)>>(64-typeCacheBits)]
	first := set[0].Load()
	if first != nil && first.key == k {
		return first
	}
	if e := set[1].Load(); e != nil && e.key == k {
		return e
	}
	e := &pairEntry{key: k}
	t.pairSums(a, b, e)
	if first != nil {
		set[1].Store(first)
	}
	set[0].Store(e)
	return e
}

// pairSums adds the pair features of a and b to e.
func (t *Tagger) pairSums(a, b *tokInfo, e *pairEntry) {
	var karr [32]uint64
	var tarr [32]int32
	var vecs [4]*[nLabels]float32
	keys, tgt := karr[:0], tarr[:0]
	ls := t.m.layers()
	for li, m := range ls {
		salt := (a.salt() | b.salt()) + m.salt // a sentence has one regime; edges have none
		for side := pairRight; side <= pairLeft; side++ {
			vecs[li*2+side] = &e.vecs[li][side]
			n := len(keys)
			keys = pairKeys(keys, a, b, side, salt)
			for range keys[n:] {
				tgt = append(tgt, int32(li*2+side))
			}
		}
		if li+1 == len(ls) || ls[li+1].w != m.w {
			m.w.addBatch(keys, tgt, vecs[:])
			keys, tgt = keys[:0], tgt[:0]
		}
	}
}
