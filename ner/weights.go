package ner

import (
	"math"
	"sort"
)

// weights is the read-only feature table of every pass of a model, read in
// place from the model file: one open-addressing array of 16-byte slots
// (linear probing from home(f)), each holding a feature's fingerprint, n,
// and its first two weights, so that a lookup of a feature with at most two
// weights (most of those first seen in a document) costs one cache miss
// instead of two (a slot, then its weights elsewhere). A slot is four
// uint32 words:
//
//	fingerprint (0 = empty), n | row<<5, entry 0, entry 1
//
// and the entries from the third on are ents[row : row+n-2]. An entry is
// label<<16 | uint16(int16 weight); a missing entry is 0xffff0000 (a label
// out of range, so it adds nothing). A search stops after maxProbe steps,
// and every index is checked, so a corrupt file cannot make it loop or
// panic.
type weights struct {
	slots    []uint32 // slotWords words per slot
	ents     []uint32 // the entries of every feature from its third on
	mask     uint64   // slots - 1
	maxProbe int
	scale    float32 // weight = int16 * scale
}

const (
	slotWords = 4
	noEntry   = 0xffff0000
)

// fingerprint returns the slot fingerprint of f (never 0).
func fingerprint(f uint64) uint32 { return uint32(f) | 1 }

// find returns the slot of feature f (its index in slots), or -1.
func (w *weights) find(f uint64) int {
	return w.findFrom(fingerprint(f), home(f, w.mask), w.slots[int(home(f, w.mask))*slotWords])
}

// findFrom is find with the fingerprint, home and home slot's first word
// already loaded.
func (w *weights) findFrom(fp uint32, i uint64, s uint32) int {
	for p := 0; ; p++ {
		if s == fp {
			return int(i) * slotWords
		}
		if s == 0 || p >= w.maxProbe {
			return -1
		}
		i = (i + 1) & w.mask
		s = w.slots[int(i)*slotWords]
	}
}

// rest returns the entries of the slot at at from the third on.
func (w *weights) rest(at int) []uint32 {
	meta := w.slots[at+1]
	n, r := int(meta&31), int(meta>>5)
	if n <= 2 || r+n-2 > len(w.ents) {
		return nil
	}
	return w.ents[r : r+n-2]
}

// add adds the weights of feature f to sc.
func (w *weights) add(f uint64, sc *[nLabels]float32) {
	if len(w.slots) == 0 {
		return
	}
	at := w.find(f)
	if at < 0 {
		return
	}
	s := w.slots[at : at+slotWords]
	w.sum(s[2], sc)
	w.sum(s[3], sc)
	for _, e := range w.rest(at) {
		w.sum(e, sc)
	}
}

func (w *weights) sum(e uint32, sc *[nLabels]float32) {
	if l := e >> 16; l < nLabels {
		sc[l] += float32(int16(uint16(e))) * w.scale
	}
}

// addBatch adds the weights of every feature keys[k] to vecs[tgt[k]], in
// the order of keys (so each vector's sums are those of add, bit for bit).
// It looks the features up in groups: first every group member's home
// slot, then the matches, then their weights from the third on, so that
// the cache misses of a group overlap instead of coming one after the
// other.
func (w *weights) addBatch(keys []uint64, tgt []int32, vecs []*[nLabels]float32) {
	if len(w.slots) == 0 {
		return
	}
	const group = 64
	var at [group]int32
	var hs [group]uint64
	var sl, third [group]uint32
	for start := 0; start < len(keys); start += group {
		ks := keys[start:min(start+group, len(keys))]
		for k, f := range ks {
			i := home(f, w.mask)
			hs[k], sl[k] = i, w.slots[int(i)*slotWords]
		}
		for k, f := range ks {
			at[k] = int32(w.findFrom(fingerprint(f), hs[k], sl[k]))
		}
		// every match's third entry is loaded before any is summed, so
		// that their cache misses overlap too
		for k := range ks {
			third[k] = noEntry
			if at[k] >= 0 {
				if r := w.rest(int(at[k])); len(r) > 0 {
					third[k] = r[0]
				}
			}
		}
		for k := range ks {
			if at[k] < 0 {
				continue
			}
			a := int(at[k])
			sc := vecs[tgt[start+k]]
			s := w.slots[a : a+slotWords]
			w.sum(s[2], sc)
			w.sum(s[3], sc)
			if third[k] == noEntry {
				continue
			}
			w.sum(third[k], sc)
			for _, e := range w.rest(a)[1:] {
				w.sum(e, sc)
			}
		}
	}
}

// buildWeights returns the table of feats (any order), quantizing the
// weights to int16 with one scale.
func buildWeights(feats []sparseFeature) weights {
	feats = append([]sparseFeature(nil), feats...)
	sort.Slice(feats, func(a, b int) bool { return feats[a].key < feats[b].key })
	var maxAbs float64
	for _, f := range feats {
		for _, v := range f.vals {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
	}
	scale := float32(maxAbs / 32767)
	if scale == 0 {
		scale = 1
	}
	// At most 70 % full: a search for an absent feature (most searches)
	// then stays within a cache line or two of linear probing.
	size := uint64(4)
	for size*7 < uint64(len(feats))*10+10 {
		size <<= 1
	}
	w := weights{scale: scale, mask: size - 1, slots: make([]uint32, size*slotWords)}
	var es []uint32
	for _, f := range feats {
		es = es[:0]
		for j, l := range f.labs {
			q := math.Round(float64(f.vals[j] / scale))
			q = math.Max(-32767, math.Min(32767, q))
			es = append(es, uint32(l)<<16|uint32(uint16(int16(q))))
		}
		j := home(f.key, w.mask)
		p := 0
		for w.slots[int(j)*slotWords] != 0 {
			j = (j + 1) & w.mask
			p++
		}
		w.put(int(j), fingerprint(f.key), es)
		w.maxProbe = max(w.maxProbe, p)
	}
	return w
}

// put fills slot j with the feature of fingerprint fp and entries es.
func (w *weights) put(j int, fp uint32, es []uint32) {
	s := w.slots[j*slotWords : (j+1)*slotWords]
	s[0], s[1], s[2], s[3] = fp, uint32(len(es))|uint32(len(w.ents))<<5, noEntry, noEntry
	copy(s[2:], es)
	if len(es) > 2 {
		w.ents = append(w.ents, es[2:]...)
	} else {
		s[1] = uint32(len(es))
	}
}
