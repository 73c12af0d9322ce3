package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	"github.com/newsgraph/newsgraph/internal/lebytes"
)

// Types are the CoNLL entity types in label order.
var Types = [4]string{"PER", "LOC", "ORG", "MISC"}

// Labels: 0 is O; type t has B=1+4t, I=2+4t, L=3+4t, U=4+4t (BILOU).
const nLabels = 17

const (
	posB = iota
	posI
	posL
	posU
)

func labelOf(typ, pos int) int { return 1 + 4*typ + pos }
func labelType(l int) int      { return (l - 1) / 4 }
func labelPos(l int) int       { return (l - 1) % 4 }

// allowed[p][c] reports whether label c may follow label p; start[c] whether
// c may begin a sentence, final[p] whether p may end one.
var allowed [nLabels][nLabels]bool
var canStart, canEnd [nLabels]bool

// preds[c] lists the labels p with allowed[p][c], in increasing order;
// succs[p] the labels c with allowed[p][c].
var preds, succs [nLabels][]uint8

func init() {
	open := func(l int) bool { return l != 0 && (labelPos(l) == posB || labelPos(l) == posI) }
	for p := 0; p < nLabels; p++ {
		for c := 0; c < nLabels; c++ {
			if open(p) {
				allowed[p][c] = c != 0 && labelType(c) == labelType(p) && (labelPos(c) == posI || labelPos(c) == posL)
			} else {
				allowed[p][c] = c == 0 || labelPos(c) == posB || labelPos(c) == posU
			}
		}
		canStart[p] = p == 0 || labelPos(p) == posB || labelPos(p) == posU
		canEnd[p] = !open(p)
	}
	for c := 0; c < nLabels; c++ {
		for p := 0; p < nLabels; p++ {
			if allowed[p][c] {
				preds[c] = append(preds[c], uint8(p))
			}
			if allowed[c][p] {
				succs[c] = append(succs[c], uint8(p))
			}
		}
	}
}

// weights is the read-only feature table of every pass of a model: one flat
// open-addressing array of slots (a 32-bit fingerprint of the feature hash
// and where its entries are) and one flat array of entries (label and
// int16-quantized weight), both read in place from the model file. A
// search stops after maxProbe steps, so a corrupt file cannot make it loop,
// and every index is checked, so it cannot make it panic.
type weights struct {
	slots    []uint64 // fingerprint<<32 | row<<5 | count; 0 = empty
	ents     []uint32 // label<<16 | uint16(int16 weight), contiguous per feature
	mask     uint64
	maxProbe int
	scale    float32 // weight = int16 * scale
}

// fingerprint returns the slot fingerprint of f (never 0).
func fingerprint(f uint64) uint64 { return uint64(uint32(f) | 1) }

// add adds the weights of feature f to sc.
func (w *weights) add(f uint64, sc *[nLabels]float32) {
	if len(w.slots) == 0 {
		return
	}
	fp := fingerprint(f)
	i := home(f, w.mask)
	for p := 0; p <= w.maxProbe; p++ {
		s := w.slots[i]
		if s>>32 == fp {
			r, n := int(s>>5&(1<<27-1)), int(s&31)
			if r+n > len(w.ents) {
				return
			}
			for _, e := range w.ents[r : r+n] {
				if l := e >> 16; l < nLabels {
					sc[l] += float32(int16(uint16(e))) * w.scale
				}
			}
			return
		}
		if s == 0 {
			return
		}
		i = (i + 1) & w.mask
	}
}

// addBatch adds the weights of every feature keys[k] to vecs[tgt[k]], in
// the order of keys (so each vector's sums are those of add, bit for bit).
// It looks the features up in groups: first every group member's home
// slot, then the matches, then their weights, so that the cache misses of
// a group overlap instead of coming one after the other.
func (w *weights) addBatch(keys []uint64, tgt []int32, vecs []*[nLabels]float32) {
	if len(w.slots) == 0 {
		return
	}
	const group = 64
	var sl, at [group]uint64
	var rows, first, last [group]uint32 // row<<5 | count of each match; its first and last entries
	var hit [group]bool
	for start := 0; start < len(keys); start += group {
		ks := keys[start:min(start+group, len(keys))]
		for k, f := range ks {
			i := home(f, w.mask)
			at[k], sl[k] = i, w.slots[i]
		}
		for k, f := range ks {
			fp := fingerprint(f)
			s, i := sl[k], at[k]
			hit[k] = false
			for p := 0; ; p++ {
				if s>>32 == fp {
					hit[k], rows[k] = true, uint32(s)
					break
				}
				if s == 0 || p >= w.maxProbe {
					break
				}
				i = (i + 1) & w.mask
				s = w.slots[i]
			}
		}
		// every match's first and last entries (a feature's entries may
		// span two cache lines) are loaded before any is summed, so that
		// their cache misses overlap too
		for k := range ks {
			r, n := int(rows[k]>>5&(1<<27-1)), int(rows[k]&31)
			if hit[k] = hit[k] && n > 0 && r+n <= len(w.ents); hit[k] {
				first[k], last[k] = w.ents[r], w.ents[r+n-1]
			}
		}
		for k := range ks {
			if !hit[k] {
				continue
			}
			r, n := int(rows[k]>>5&(1<<27-1)), int(rows[k]&31)
			sc := vecs[tgt[start+k]]
			if l := first[k] >> 16; l < nLabels {
				sc[l] += float32(int16(uint16(first[k]))) * w.scale
			}
			if n == 1 {
				continue
			}
			for _, e := range w.ents[r+1 : r+n-1] {
				if l := e >> 16; l < nLabels {
					sc[l] += float32(int16(uint16(e))) * w.scale
				}
			}
			if l := last[k] >> 16; l < nLabels {
				sc[l] += float32(int16(uint16(last[k]))) * w.scale
			}
		}
	}
}

// sparseFeature is one feature's non-zero weights.
type sparseFeature struct {
	key  uint64
	labs []uint8
	vals []float32
}

// buildWeights returns the table of feats (any order), quantizing the
// weights to int16 with one scale.
func buildWeights(feats []sparseFeature) weights {
	feats = append([]sparseFeature(nil), feats...)
	sort.Slice(feats, func(a, b int) bool { return feats[a].key < feats[b].key })
	var maxAbs float64
	total := 0
	for _, f := range feats {
		for _, v := range f.vals {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
		total += len(f.labs)
	}
	w := weights{scale: float32(maxAbs / 32767)}
	if w.scale == 0 {
		w.scale = 1
	}
	// At most 70 % full: a search for an absent feature (most searches)
	// then stays within a cache line or two of linear probing.
	size := uint64(4)
	for size*7 < uint64(len(feats))*10+10 {
		size <<= 1
	}
	w.mask = size - 1
	w.slots = make([]uint64, size)
	w.ents = make([]uint32, 0, total)
	for _, f := range feats {
		row := uint64(len(w.ents))
		for i, l := range f.labs {
			q := math.Round(float64(f.vals[i] / w.scale))
			q = math.Max(-32767, math.Min(32767, q))
			w.ents = append(w.ents, uint32(l)<<16|uint32(uint16(int16(q))))
		}
		j := home(f.key, w.mask)
		p := 0
		for w.slots[j] != 0 {
			j = (j + 1) & w.mask
			p++
		}
		w.slots[j] = fingerprint(f.key)<<32 | row<<5 | uint64(len(f.labs))
		w.maxProbe = max(w.maxProbe, p)
	}
	return w
}

// Model is a trained tagger model: feature weights, transitions, word
// knowledge. It is read-only after loading.
type Model struct {
	w   *weights // shared by the passes of a stacked model
	lex *lexicon
	// salt is added to every template of this pass (saltLayer for the
	// second pass of a stacked model).
	salt  uint64
	trans [nLabels][nLabels]float32
	start [nLabels]float32
	// First is the first-pass model of a stacked model (whose features
	// include the first pass's tags of the same word elsewhere in the
	// document), or nil for a single-pass model.
	First *Model
	// temp divides scores before they are turned into probabilities (Span.Score).
	temp float32
	// nfeat and nweights count the features and non-zero weights (for logs).
	nfeat, nweights int
	// feats are the pass's features while it is trained (nil otherwise).
	feats []sparseFeature
	// epochs is the number of training epochs of the pass (0 when unknown).
	epochs int
}

// Epochs returns the number of training epochs of each pass, first pass
// first (the trainer chose them on development data; 0 when unknown).
func (m *Model) Epochs() []int {
	var out []int
	for _, l := range m.layers() {
		out = append(out, l.epochs)
	}
	return out
}

// layers returns the passes of m in file order.
func (m *Model) layers() []*Model {
	if m.First != nil {
		return []*Model{m.First, m}
	}
	return []*Model{m}
}

// The model file (little-endian, every section 8-byte aligned so that the
// arrays are used in place):
//
//	magic "NGNER04\n"
//	header: 16 uint32: nLayers, words size, words maxProbe, gaz size, gaz
//	        maxProbe, slots size, slots maxProbe, entries, scale (float32
//	        bits), epochs of the first and second pass, then reserved zeros
//	per layer: temp, transitions [17][17], start [17] (float32), padded
//	words keys, words values, gaz keys, gaz values (uint64 each)
//	weight slots (uint64), entries (uint32), padded
const modelMagic = "NGNER04\n"

const headerWords = 16

// errFormat is returned for a malformed model file.
var errFormat = errors.New("malformed model file")

// Marshal returns the model file bytes for m (the format ReadModel reads).
func (m *Model) Marshal() ([]byte, error) {
	var b bytes.Buffer
	le := binary.LittleEndian
	put32 := func(v uint32) { b.Write(le.AppendUint32(nil, v)) }
	pad := func() {
		for b.Len()%8 != 0 {
			b.WriteByte(0)
		}
	}
	b.WriteString(modelMagic)
	ls := m.layers()
	w, lx := m.w, m.lex
	if w == nil {
		w = &weights{}
	}
	if lx == nil {
		lx = &lexicon{}
	}
	hdr := [headerWords]uint32{uint32(len(ls)), uint32(len(lx.words.keys)), uint32(lx.words.maxProbe),
		uint32(len(lx.gaz.keys)), uint32(lx.gaz.maxProbe), uint32(len(w.slots)), uint32(w.maxProbe),
		uint32(len(w.ents)), math.Float32bits(w.scale), uint32(ls[0].epochs), uint32(ls[len(ls)-1].epochs)}
	for _, v := range hdr {
		put32(v)
	}
	for _, l := range ls {
		put32(math.Float32bits(l.temp))
		for p := 0; p < nLabels; p++ {
			for c := 0; c < nLabels; c++ {
				put32(math.Float32bits(l.trans[p][c]))
			}
		}
		for c := 0; c < nLabels; c++ {
			put32(math.Float32bits(l.start[c]))
		}
		pad()
	}
	for _, a := range [][]uint64{lx.words.keys, lx.words.vals, lx.gaz.keys, lx.gaz.vals, w.slots} {
		for _, v := range a {
			b.Write(le.AppendUint64(nil, v))
		}
	}
	for _, v := range w.ents {
		put32(v)
	}
	pad()
	return b.Bytes(), nil
}

// ReadModel reads a model written by Marshal. It returns an error wrapping
// the cause for a truncated or malformed file.
func ReadModel(r io.Reader) (*Model, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return ReadModelBytes(raw)
}

// ReadModelBytes reads a model from b. On a little-endian machine, when b
// is 8-byte aligned (as a heap buffer or the embedded model is), the model's
// tables are b itself, read in place: b must not change afterwards.
func ReadModelBytes(b []byte) (*Model, error) {
	m, err := parseModel(b)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return m, nil
}

func parseModel(b []byte) (*Model, error) {
	if len(b) < len(modelMagic)+4*headerWords || string(b[:len(modelMagic)]) != modelMagic {
		return nil, errFormat
	}
	le := binary.LittleEndian
	var h [headerWords]uint32
	for i := range h {
		h[i] = le.Uint32(b[len(modelMagic)+4*i:])
	}
	off := len(modelMagic) + 4*headerWords
	nl := int(h[0])
	if nl < 1 || nl > 2 {
		return nil, errFormat
	}
	pow2 := func(n uint32) bool { return n&(n-1) == 0 }
	if !pow2(h[1]) || !pow2(h[3]) || !pow2(h[5]) {
		return nil, errFormat
	}
	layerBytes := (4*(1+nLabels*nLabels+nLabels) + 7) &^ 7
	need := uint64(off) + uint64(nl*layerBytes) + 8*(2*uint64(h[1])+2*uint64(h[3])+uint64(h[5])) + (4*uint64(h[7])+7)&^7
	if need != uint64(len(b)) {
		return nil, errFormat
	}
	var models []*Model
	for li := 0; li < nl; li++ {
		p := b[off : off+layerBytes]
		m := &Model{temp: 1}
		if t := math.Float32frombits(le.Uint32(p)); t > 0 && !math.IsInf(float64(t), 0) {
			m.temp = t
		}
		for a := 0; a < nLabels; a++ {
			for c := 0; c < nLabels; c++ {
				m.trans[a][c] = math.Float32frombits(le.Uint32(p[4*(1+a*nLabels+c):]))
			}
		}
		for c := 0; c < nLabels; c++ {
			m.start[c] = math.Float32frombits(le.Uint32(p[4*(1+nLabels*nLabels+c):]))
		}
		m.salt = uint64(li) * saltLayer
		m.epochs = int(h[9+li])
		models = append(models, m)
		off += layerBytes
	}
	take64 := func(n uint32) []uint64 {
		s := lebytes.View[uint64](b[off : off+8*int(n)])
		off += 8 * int(n)
		return s
	}
	lx := &lexicon{}
	lx.words.keys, lx.words.vals = take64(h[1]), take64(h[1])
	lx.gaz.keys, lx.gaz.vals = take64(h[3]), take64(h[3])
	lx.words.mask, lx.words.maxProbe = uint64(h[1])-1, int(h[2])
	lx.gaz.mask, lx.gaz.maxProbe = uint64(h[3])-1, int(h[4])
	w := &weights{mask: uint64(h[5]) - 1, maxProbe: int(h[6]), scale: math.Float32frombits(h[8])}
	w.slots = take64(h[5])
	w.ents = lebytes.View[uint32](b[off : off+4*int(h[7])])
	if s := w.scale; s != s || math.IsInf(float64(s), 0) {
		return nil, errFormat
	}
	for _, m := range models {
		m.w, m.lex = w, lx
	}
	if len(models) == 2 {
		models[1].First = models[0]
		return models[1], nil
	}
	return models[0], nil
}
