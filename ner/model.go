package ner

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"

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

// sparseFeature is one feature's non-zero weights.
type sparseFeature struct {
	key  uint64
	labs []uint8
	vals []float32
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
//	magic "NGNER05\n"
//	header: 16 uint32: nLayers, words size, words maxProbe, gaz size, gaz
//	        maxProbe, weight buckets, their maxDisp, out-of-line entries,
//	        scale (float32 bits), epochs of the first and second pass, then
//	        reserved zeros
//	per layer: temp, transitions [17][17], start [17] (float32), padded
//	words keys, words values, gaz keys, gaz values (uint64 each)
//	zeros up to a multiple of 64 bytes (no slot spans two cache lines)
//	weight slots (4 uint32 each, see weights), entries (uint32), padded
const modelMagic = "NGNER05\n"

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
		uint32(len(lx.gaz.keys)), uint32(lx.gaz.maxProbe), uint32(len(w.slots) / slotWords), uint32(w.maxProbe),
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
	for _, a := range [][]uint64{lx.words.keys, lx.words.vals, lx.gaz.keys, lx.gaz.vals} {
		for _, v := range a {
			b.Write(le.AppendUint64(nil, v))
		}
	}
	for b.Len()%64 != 0 {
		b.WriteByte(0)
	}
	for _, v := range w.slots {
		put32(v)
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
	if h[5] > 1<<26 {
		return nil, errFormat
	}
	tabAt := (uint64(off) + uint64(nl*layerBytes) + 8*(2*uint64(h[1])+2*uint64(h[3])) + 63) &^ 63
	need := tabAt + 4*slotWords*uint64(h[5]) + (4*uint64(h[7])+7)&^7
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
	w := &weights{maxProbe: int(h[6]), scale: math.Float32frombits(h[8])}
	if h[5] > 0 {
		w.mask = uint64(h[5]) - 1
		off = int(tabAt)
		w.slots = lebytes.View[uint32](b[off : off+4*slotWords*int(h[5])])
		off += 4 * slotWords * int(h[5])
		w.ents = lebytes.View[uint32](b[off : off+4*int(h[7])])
	}
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
