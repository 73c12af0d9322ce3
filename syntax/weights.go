package syntax

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/internal/lebytes"
)

// table is a read-only feature table: one flat open-addressing array of
// slots (a short fingerprint of the feature hash in the high bits, where
// the feature's entries start +1 in the low idxBits; 0 = empty) and one
// flat array of entries: per feature a header (a 24-bit fingerprint and
// the number of entries) and then its entries (class and int16-quantized
// weight). A probe reads one slot; only a slot whose short fingerprint
// matches is followed to its header. Both are read in place from the model file. A
// search stops after maxProbe steps and every index is checked, so a
// corrupt file can neither loop nor panic.
type table struct {
	slots    []uint32
	ents     []uint32 // header fp<<8 | count, then count × class<<16 | uint16(int16 weight)
	mask     uint64
	scale    float32
	classes  int
	maxProbe int
	idxBits  uint
	// occ has bit i set when slot i is occupied: a feature whose home
	// slot is empty is absent, and the bitmap (1/32 of the slots) stays in
	// the cache where the slots do not. Built when the table is loaded.
	occ []uint64
}

// buildOcc fills t.occ from t.slots.
func (t *table) buildOcc() {
	t.occ = make([]uint64, (len(t.slots)+63)/64)
	for i, s := range t.slots {
		if s != 0 {
			t.occ[i>>6] |= 1 << (i & 63)
		}
	}
}

// shortBits is the length of the fingerprint kept in a slot.
func (t *table) shortBits() uint { return min(32-t.idxBits, 24) }

func slotFP(h uint64) uint32 { return uint32(h>>40) & 0xffffff }

// add adds the quantized weights of feature h to scores (in units of
// scale: the argmax of the sums is the argmax of the weights).
func (t *table) add(h uint64, scores []int32) {
	fp := slotFP(h)
	short := fp >> (24 - t.shortBits())
	idxMask := uint32(1)<<t.idxBits - 1
	i := h & t.mask
	ents := t.ents
	for p := 0; p < t.maxProbe; p++ {
		s := t.slots[i]
		if s == 0 {
			return
		}
		if s>>t.idxBits == short {
			s &= idxMask
			if s == 0 || int(s) > len(ents) {
				return
			}
			hd := ents[s-1]
			if hd>>8 == fp {
				n := int(hd & 0xff)
				if int(s)+n > len(ents) {
					return
				}
				for _, e := range ents[s : int(s)+n] {
					if c := int(e >> 16); c < len(scores) {
						scores[c] += int32(int16(uint16(e)))
					}
				}
				return
			}
		}
		i = (i + 1) & t.mask
	}
}

// score fills scores with the sum of the weights of feats. It looks the
// features up in batches: first every feature's slot, then every slot's
// header, then the entries, so that the memory reads of one pass do not
// wait for each other (the tables are larger than the caches).
func (t *table) score(feats []uint64, scores []int32) {
	clear(scores)
	for len(feats) > 0 {
		k := min(len(feats), batch)
		t.scoreBatch(feats[:k], scores)
		feats = feats[k:]
	}
}

const batch = 64

func (t *table) scoreBatch(feats []uint64, scores []int32) {
	var slot, hd [batch]uint32
	ents := t.ents
	if len(ents) == 0 {
		return
	}
	sb, ib := t.shortBits(), t.idxBits
	// pass 1: each feature's slot, probing on over slots whose short
	// fingerprint differs (the next slots share the cache line)
	for k, h := range feats {
		i := h & t.mask
		if t.occ[i>>6]&(1<<(i&63)) == 0 {
			slot[k] = 0
			continue
		}
		short := slotFP(h) >> (24 - sb)
		s := t.slots[i]
		for p := 1; s != 0 && s>>ib != short && p < t.maxProbe; p++ {
			i = (i + 1) & t.mask
			s = t.slots[i]
		}
		if s>>ib != short {
			s = 0
		}
		slot[k] = s
	}
	// pass 2: the headers of the slots found
	idxMask := uint32(1)<<ib - 1
	for k := range feats {
		j := int(slot[k]&idxMask) - 1
		if j < 0 || j >= len(ents) {
			j = 0
		}
		hd[k] = ents[j]
	}
	// pass 3: the entries
	for k, h := range feats {
		s := slot[k]
		if s == 0 {
			continue
		}
		if hd[k]>>8 != slotFP(h) {
			t.add(h, scores) // the short fingerprint matched another feature
			continue
		}
		start := int(s & idxMask)
		n := int(hd[k] & 0xff)
		if start+n > len(ents) {
			continue
		}
		for _, e := range ents[start : start+n] {
			if c := int(e >> 16); c < len(scores) {
				scores[c] += int32(int16(uint16(e)))
			}
		}
	}
}

// trainTable is the averaged perceptron's table while training: exact
// (keyed by the full 64-bit feature hash), with lazy averaging.
//
// With domains (Daumé's "frustratingly easy" adaptation), every feature
// also has a copy per treebank: dom selects the copy updated and scored
// beside the shared one, and averaged folds the target domain's copy into
// the shared feature, so the model costs nothing more at run time.
type trainTable struct {
	index   map[uint64]int32
	feats   [][]tEntry
	general []bool // per feature: a shared feature (not a domain copy)
	dom     int    // the domain of the examples being trained, 0 = none
	classes int
	now     int32 // updates so far (the averaging clock)
}

type tEntry struct {
	n   int32 // updates that touched it
	cls uint16
	w   float32
	tot float64 // sum of w over time up to ts
	ts  int32
}

func newTrainTable(classes int) *trainTable {
	return &trainTable{index: map[uint64]int32{}, classes: classes}
}

// domKey is the key of feature h's copy for domain d.
func domKey(h uint64, d int) uint64 { return fin(h ^ uint64(d)*0x2545F4914F6CDD1D) }

func (t *trainTable) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, h := range feats {
		if k, ok := t.index[h]; ok {
			for _, e := range t.feats[k] {
				scores[e.cls] += e.w
			}
		}
		if t.dom > 0 {
			if k, ok := t.index[domKey(h, t.dom)]; ok {
				for _, e := range t.feats[k] {
					scores[e.cls] += e.w
				}
			}
		}
	}
}

func (t *trainTable) bump(h uint64, cls int, d float32, general bool) {
	k, ok := t.index[h]
	if !ok {
		k = int32(len(t.feats))
		t.index[h] = k
		t.feats = append(t.feats, nil)
		t.general = append(t.general, general)
	}
	es := t.feats[k]
	for i := range es {
		if int(es[i].cls) == cls {
			e := &es[i]
			e.tot += float64(t.now-e.ts) * float64(e.w)
			e.ts = t.now
			e.w += d
			e.n++
			return
		}
	}
	t.feats[k] = append(es, tEntry{cls: uint16(cls), w: d, ts: t.now, n: 1})
}

// update moves the weights of feats towards gold and away from pred.
func (t *trainTable) update(feats []uint64, gold, pred int) {
	t.now++
	if gold == pred {
		return
	}
	for _, h := range feats {
		t.bump(h, gold, 1, true)
		t.bump(h, pred, -1, true)
		if t.dom > 0 {
			dh := domKey(h, t.dom)
			t.bump(dh, gold, 1, false)
			t.bump(dh, pred, -1, false)
		}
	}
}

// tick advances the averaging clock without an update.
func (t *trainTable) tick() { t.now++ }

// averaged returns the averaged, quantized table with the copies of domain
// target (0: none) folded in; entries whose weight rounds to zero, and
// entries touched by fewer than minUpdates updates, are dropped.
func (t *trainTable) averaged(minUpdates int32, target int) *table {
	avg := make([][]float64, len(t.feats))
	for k, es := range t.feats {
		a := make([]float64, len(es))
		for i, e := range es {
			a[i] = (e.tot + float64(t.now-e.ts)*float64(e.w)) / float64(max(t.now, 1))
		}
		avg[k] = a
	}
	keys := make([]uint64, 0, len(t.index))
	for h, k := range t.index {
		if t.general[k] {
			keys = append(keys, h)
		}
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	type merged struct {
		h  uint64
		es []tEntry
		vs []float64
	}
	ms := make([]merged, 0, len(keys))
	maxAbs := 0.0
	for _, h := range keys {
		k := t.index[h]
		es, vs := t.feats[k], avg[k]
		if target > 0 {
			if dk, ok := t.index[domKey(h, target)]; ok {
				es, vs = mergeEntries(es, vs, t.feats[dk], avg[dk])
			}
		}
		for _, v := range vs {
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
		ms = append(ms, merged{h, es, vs})
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	type fe struct {
		h   uint64
		ent []uint32
	}
	var list []fe
	for _, m := range ms {
		es := m.es
		order := make([]int, len(es))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return es[order[a]].cls < es[order[b]].cls })
		var ent []uint32
		for _, i := range order {
			q := math.Round(m.vs[i] / scale)
			if q == 0 || es[i].n < minUpdates || len(ent) == 255 {
				continue
			}
			ent = append(ent, uint32(es[i].cls)<<16|uint32(uint16(int16(q))))
		}
		if len(ent) > 0 {
			list = append(list, fe{m.h, ent})
		}
	}
	size := uint64(1)
	for size < uint64(len(list))*2 {
		size <<= 1
	}
	total := len(list)
	for _, f := range list {
		total += len(f.ent)
	}
	tb := &table{slots: make([]uint32, size), mask: size - 1, scale: float32(scale), classes: t.classes}
	tb.idxBits = 1
	for 1<<tb.idxBits <= total+1 {
		tb.idxBits++
	}
	if tb.idxBits > 28 {
		panic("syntax: feature table too large")
	}
	for _, f := range list {
		i := f.h & tb.mask
		probe := 1
		for tb.slots[i] != 0 {
			i = (i + 1) & tb.mask
			probe++
		}
		tb.maxProbe = max(tb.maxProbe, probe)
		fp := slotFP(f.h)
		tb.ents = append(tb.ents, fp<<8|uint32(len(f.ent)))
		tb.slots[i] = fp>>(24-tb.shortBits())<<tb.idxBits | uint32(len(tb.ents))
		tb.ents = append(tb.ents, f.ent...)
	}
	tb.buildOcc()
	return tb
}

// mergeEntries adds the domain copy's averaged weights (b, bv) to the
// shared feature's (a, av), class by class.
func mergeEntries(a []tEntry, av []float64, b []tEntry, bv []float64) ([]tEntry, []float64) {
	es := append([]tEntry(nil), a...)
	vs := append([]float64(nil), av...)
	for j, e := range b {
		found := false
		for i := range es {
			if es[i].cls == e.cls {
				vs[i] += bv[j]
				es[i].n = max(es[i].n, e.n)
				found = true
				break
			}
		}
		if !found {
			es = append(es, e)
			vs = append(vs, bv[j])
		}
	}
	return es, vs
}

// marshal appends the table to b: classes, maxProbe, scale, slot and
// entry counts, then the slots and entries (8-byte aligned).
func (t *table) marshal(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(t.classes))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.maxProbe))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.scale))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.idxBits))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(t.slots)))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(t.ents)))
	for _, s := range t.slots {
		b = binary.LittleEndian.AppendUint32(b, s)
	}
	for _, e := range t.ents {
		b = binary.LittleEndian.AppendUint32(b, e)
	}
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

var errCorrupt = errors.New("syntax: corrupt model")

// unmarshalTable reads a table from b at off (8-byte aligned) and returns
// it and the offset after it. Slots and entries alias b when b is aligned.
func unmarshalTable(b []byte, off int) (*table, int, error) {
	if off+32 > len(b) {
		return nil, 0, errCorrupt
	}
	t := &table{
		classes:  int(binary.LittleEndian.Uint32(b[off:])),
		maxProbe: int(binary.LittleEndian.Uint32(b[off+4:])),
		scale:    math.Float32frombits(binary.LittleEndian.Uint32(b[off+8:])),
		idxBits:  uint(binary.LittleEndian.Uint32(b[off+12:])),
	}
	ns := binary.LittleEndian.Uint64(b[off+16:])
	ne := binary.LittleEndian.Uint64(b[off+24:])
	off += 32
	if ns == 0 || ns&(ns-1) != 0 || ns > uint64(len(b)-off)/4 || ne > uint64(len(b)-off-int(ns)*4)/4 || t.classes <= 0 || t.classes > 1<<15 || t.maxProbe < 0 || t.idxBits < 1 || t.idxBits > 28 {
		return nil, 0, errCorrupt
	}
	t.mask = ns - 1
	t.slots = lebytes.View[uint32](b[off : off+int(ns)*4])
	off += int(ns) * 4
	t.ents = lebytes.View[uint32](b[off : off+int(ne)*4])
	off += int(ne) * 4
	for off%8 != 0 {
		off++
	}
	if t.maxProbe > int(ns) {
		t.maxProbe = int(ns)
	}
	t.buildOcc()
	return t, off, nil
}
