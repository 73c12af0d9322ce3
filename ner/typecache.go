package ner

import (
	"math"
	"sync"
	"sync/atomic"
)

// Emission scores are sums of feature weights. Most of a token's features
// depend on one word only: its own word-level features (word, lower case,
// shapes, affixes, length, clusters) and the features its neighbours see of
// it (the lower case, shape, word and cluster of the word one or two tokens
// away). Those sums are computed once per word type and model and kept in a
// lock-free direct-mapped cache shared by every goroutine, so that a token
// costs a handful of table lookups (conjunctions, gazetteer and document
// features) instead of about fifty.

// typeVecs holds the score contributions of one word type: its own
// features and those it gives the tokens one and two positions after (m1,
// m2: the word seen as the previous words) and before it (p1, p2).
type typeVecs struct {
	key                  uint64 // the word hash (tokInfo.word)
	self, m1, m2, p1, p2 [nLabels]float32
}

// typeCacheBits sizes the cache: 1<<typeCacheBits slots per model (about
// 350 bytes per filled slot).
const typeCacheBits = 16

// typeCache is a direct-mapped cache from word hash to typeVecs. Entries are
// immutable once published; a slot is replaced wholesale by an atomic
// pointer store, so readers never see a partial entry.
type typeCache struct {
	slots [1 << typeCacheBits]atomic.Pointer[typeVecs]
}

// prepared holds what a model derives from its weights on first use.
type prepared struct {
	once sync.Once
	// cache of word-type score sums.
	cache *typeCache
	// edge holds the contributions of the sentence boundaries: bos.m1 and
	// bos.m2 for the first tokens' missing left context, eos.p1 and eos.p2
	// for the last tokens' missing right context.
	bos, eos typeVecs
	// expTrans and expStart are exp(trans/temp) and exp(start/temp) for
	// the model's temperature (0 for disallowed transitions).
	expTrans [nLabels][nLabels]float32
	expStart [nLabels]float32
	temp     float32
}

// prep returns m's derived tables, computing them on first use. m's weights
// and temperature must not change after the first call.
func (m *Model) prep() *prepared {
	p := m.pre
	if p == nil {
		// Models built by hand (tests) without a prepared block.
		p = &prepared{}
		m.pre = p
	}
	p.once.Do(func() {
		p.cache = new(typeCache)
		b := hashBOS
		p.bos.m1 = m.sum(mix(tLowerM1, b), mix(tShortM1, b), mix(tWordM1, b), mix(tClusFullM1, b))
		p.bos.m2 = m.sum(mix(tLowerM2, b), mix(tShortM2, b))
		e := hashEOS
		p.eos.p1 = m.sum(mix(tLowerP1, e), mix(tShortP1, e), mix(tWordP1, e), mix(tClusFullP1, e))
		p.eos.p2 = m.sum(mix(tLowerP2, e), mix(tShortP2, e))
		p.temp = m.temp
		p.expTrans, p.expStart = expTables(&m.w.trans, &m.w.start, m.temp)
	})
	return p
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

// sum returns the summed weights of features fs.
func (m *Model) sum(fs ...uint64) (sc [nLabels]float32) {
	for _, f := range fs {
		m.w.add(f, &sc)
	}
	return sc
}

// computeType fills v with the type contributions of token t.
func (m *Model) computeType(t *tokInfo, v *typeVecs) {
	v.key = t.word
	if t.clus[3] == 0 {
		// Tokens analyzed without clusters (gazOnly): look them up here,
		// once per word type.
		c := *t
		c.clus = m.lex.clus().lookup(t.lower)
		t = &c
	}
	sc := &v.self
	*sc = [nLabels]float32{}
	w := &m.w
	w.add(tBias, sc)
	w.add(mix(tWord, t.word), sc)
	w.add(mix(tLower, t.lower), sc)
	w.add(mix(tShape, t.shape), sc)
	w.add(mix(tShort, t.short), sc)
	w.add(mix(tLength, t.length), sc)
	pres := [4]uint64{tPre1, tPre2, tPre3, tPre4}
	sufs := [4]uint64{tSuf1, tSuf2, tSuf3, tSuf4}
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			w.add(mix(pres[k], t.pre[k]), sc)
		}
		if t.suf[k] != 0 {
			w.add(mix(sufs[k], t.suf[k]), sc)
		}
	}
	if t.clus[3] != 0 {
		w.add(mix(tClus4, t.clus[0]), sc)
		w.add(mix(tClus6, t.clus[1]), sc)
		w.add(mix(tClus10, t.clus[2]), sc)
		w.add(mix(tClusFull, t.clus[3]), sc)
	}
	v.m1 = m.sum(mix(tLowerM1, t.lower), mix(tShortM1, t.short), mix(tWordM1, t.word), mix(tClusFullM1, t.clus[3]))
	v.m2 = m.sum(mix(tLowerM2, t.lower), mix(tShortM2, t.short))
	v.p1 = m.sum(mix(tLowerP1, t.lower), mix(tShortP1, t.short), mix(tWordP1, t.word), mix(tClusFullP1, t.clus[3]))
	v.p2 = m.sum(mix(tLowerP2, t.lower), mix(tShortP2, t.short))
}

// typeOf returns the type contributions of token t, from the cache or
// computed and published.
func (m *Model) typeOf(p *prepared, t *tokInfo) *typeVecs {
	slot := &p.cache.slots[mix(t.word, 0x7f4a7c15)>>(64-typeCacheBits)]
	if v := slot.Load(); v != nil && v.key == t.word {
		return v
	}
	v := new(typeVecs)
	m.computeType(t, v)
	slot.Store(v)
	return v
}

// ctxFeats appends to buf the features of token i that are not word-type
// contributions: conjunctions with the neighbours, sentence position,
// gazetteer and document features. With the typeVecs of the token and its
// neighbours they make up exactly sentFeats.
func ctxFeats(buf []uint64, toks []tokInfo, i int, doc *docInfo) []uint64 {
	t := &toks[i]
	lm1, lp1 := hashBOS, hashEOS
	sm1, sp1 := hashBOS, hashEOS
	if i > 0 {
		lm1, sm1 = toks[i-1].lower, toks[i-1].short
	}
	if i+1 < len(toks) {
		lp1, sp1 = toks[i+1].lower, toks[i+1].short
	}
	buf = append(buf,
		mix(mix(tShortM1_0, sm1), t.short),
		mix(mix(tShort0_P1, t.short), sp1),
		mix(mix(mix(tShortM1_0_P1, sm1), t.short), sp1),
		mix(mix(tLowerM1_0, lm1), t.lower),
		mix(mix(tLower0_P1, t.lower), lp1),
		mix(mix(tLowerM1_Short0, lm1), t.short),
		mix(mix(tShort0_LowerP1, t.short), lp1),
		mix(mix(tLowerM1_P1, lm1), lp1),
	)
	return posFeats(buf, toks, i, doc)
}
