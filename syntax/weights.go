package syntax

import (
	"encoding/binary"
	"errors"
	"math"
	"sort"
	"unsafe"
)

// table is a read-only feature table: one flat open-addressing array of
// slots (where a feature's entries start, +1; 0 = empty) and one flat array
// of entries: per feature a header (a 24-bit fingerprint of the feature
// hash and the number of entries) and then its entries (class and
// int16-quantized weight). Both are read in place from the model file. A
// search stops after maxProbe steps and every index is checked, so a
// corrupt file can neither loop nor panic.
type table struct {
	slots    []uint32
	ents     []uint32 // header fp<<8 | count, then count × class<<16 | uint16(int16 weight)
	mask     uint64
	scale    float32
	classes  int
	maxProbe int
}

func slotFP(h uint64) uint32 { return uint32(h>>40) & 0xffffff }

// add adds the weights of feature h to scores.
func (t *table) add(h uint64, scores []float32) {
	fp := slotFP(h)
	i := h & t.mask
	ents := t.ents
	for p := 0; p < t.maxProbe; p++ {
		s := t.slots[i]
		if s == 0 {
			return
		}
		if int(s) <= len(ents) {
			hd := ents[s-1]
			if hd>>8 == fp {
				n := int(hd & 0xff)
				if int(s)+n > len(ents) {
					return
				}
				sc := t.scale
				for _, e := range ents[s : int(s)+n] {
					c := int(e >> 16)
					if c < len(scores) {
						scores[c] += float32(int16(uint16(e))) * sc
					}
				}
				return
			}
		}
		i = (i + 1) & t.mask
	}
}

// score fills scores with the sum of the weights of feats.
func (t *table) score(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, h := range feats {
		t.add(h, scores)
	}
}

// trainTable is the averaged perceptron's table while training: exact
// (keyed by the full 64-bit feature hash), with lazy averaging.
type trainTable struct {
	index   map[uint64]int32
	feats   [][]tEntry
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
	}
}

func (t *trainTable) bump(h uint64, cls int, d float32) {
	k, ok := t.index[h]
	if !ok {
		k = int32(len(t.feats))
		t.index[h] = k
		t.feats = append(t.feats, nil)
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
		t.bump(h, gold, 1)
		t.bump(h, pred, -1)
	}
}

// tick advances the averaging clock without an update.
func (t *trainTable) tick() { t.now++ }

// averaged returns the averaged, quantized table; entries whose weight
// rounds to zero, and entries touched by fewer than minUpdates updates, are
// dropped.
func (t *trainTable) averaged(minUpdates int32) *table {
	type fe struct {
		h   uint64
		ent []uint32
	}
	maxAbs := 0.0
	avg := make([][]float64, len(t.feats))
	for k, es := range t.feats {
		a := make([]float64, len(es))
		for i, e := range es {
			v := (e.tot + float64(t.now-e.ts)*float64(e.w)) / float64(max(t.now, 1))
			a[i] = v
			maxAbs = math.Max(maxAbs, math.Abs(v))
		}
		avg[k] = a
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	keys := make([]uint64, 0, len(t.index))
	for h := range t.index {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	var list []fe
	for _, h := range keys {
		k := t.index[h]
		var ent []uint32
		es := t.feats[k]
		order := make([]int, len(es))
		for i := range order {
			order[i] = i
		}
		sort.Slice(order, func(a, b int) bool { return es[order[a]].cls < es[order[b]].cls })
		for _, i := range order {
			q := math.Round(avg[k][i] / scale)
			if q == 0 || es[i].n < minUpdates || len(ent) == 255 {
				continue
			}
			ent = append(ent, uint32(es[i].cls)<<16|uint32(uint16(int16(q))))
		}
		if len(ent) > 0 {
			list = append(list, fe{h, ent})
		}
	}
	size := uint64(1)
	for size < uint64(len(list))*2 {
		size <<= 1
	}
	tb := &table{slots: make([]uint32, size), mask: size - 1, scale: float32(scale), classes: t.classes}
	for _, f := range list {
		i := f.h & tb.mask
		probe := 1
		for tb.slots[i] != 0 {
			i = (i + 1) & tb.mask
			probe++
		}
		tb.maxProbe = max(tb.maxProbe, probe)
		tb.ents = append(tb.ents, slotFP(f.h)<<8|uint32(len(f.ent)))
		tb.slots[i] = uint32(len(tb.ents))
		tb.ents = append(tb.ents, f.ent...)
	}
	return tb
}

// marshal appends the table to b: classes, maxProbe, scale, slot and
// entry counts, then the slots and entries (8-byte aligned).
func (t *table) marshal(b []byte) []byte {
	b = binary.LittleEndian.AppendUint32(b, uint32(t.classes))
	b = binary.LittleEndian.AppendUint32(b, uint32(t.maxProbe))
	b = binary.LittleEndian.AppendUint32(b, math.Float32bits(t.scale))
	b = binary.LittleEndian.AppendUint32(b, 0)
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
	}
	ns := binary.LittleEndian.Uint64(b[off+16:])
	ne := binary.LittleEndian.Uint64(b[off+24:])
	off += 32
	if ns == 0 || ns&(ns-1) != 0 || ns > uint64(len(b)-off)/4 || ne > uint64(len(b)-off-int(ns)*4)/4 || t.classes <= 0 || t.classes > 1<<15 || t.maxProbe < 0 {
		return nil, 0, errCorrupt
	}
	t.mask = ns - 1
	t.slots = u32s(b[off : off+int(ns)*4])
	off += int(ns) * 4
	t.ents = u32s(b[off : off+int(ne)*4])
	off += int(ne) * 4
	for off%8 != 0 {
		off++
	}
	if t.maxProbe > int(ns) {
		t.maxProbe = int(ns)
	}
	return t, off, nil
}

func u32s(b []byte) []uint32 {
	if len(b) == 0 {
		return nil
	}
	if uintptr(unsafe.Pointer(&b[0]))%4 == 0 && littleEndian {
		return unsafe.Slice((*uint32)(unsafe.Pointer(&b[0])), len(b)/4)
	}
	out := make([]uint32, len(b)/4)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[i*4:])
	}
	return out
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()
