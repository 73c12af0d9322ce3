package ner

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
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

// weights is the read-only feature table: an open-addressing hash table from
// feature hash to the feature's non-zero per-label weights. Slots and
// entries are 8 and 4 bytes so that the hot table stays small in cache.
type weights struct {
	mask  uint64
	slots []slot   // open addressing; fp 0 = empty
	keys  []uint64 // full feature hash per slot (for export only)
	ents  []uint32 // label<<16 | uint16(int16 quantized weight), contiguous per feature
	scale float32  // weight = int16 * scale
	trans [nLabels][nLabels]float32
	start [nLabels]float32
}

// slot is one table slot: a 32-bit fingerprint of the feature hash and its
// entries [row>>5, row>>5 + row&31).
type slot struct {
	fp, row uint32
}

// fingerprint returns the slot fingerprint of f (never 0).
func fingerprint(f uint64) uint32 { return uint32(f>>32) | 1 }

// home returns f's first probe position.
func (w *weights) home(f uint64) uint64 { return (f * 0x9e3779b97f4a7c15) >> 20 & w.mask }

// add adds the weights of feature f to sc.
func (w *weights) add(f uint64, sc *[nLabels]float32) {
	if w.slots == nil {
		return
	}
	fp := fingerprint(f)
	i := w.home(f)
	for {
		s := w.slots[i]
		if s.fp == fp {
			r := s.row >> 5
			for _, e := range w.ents[r : r+s.row&31] {
				sc[(e>>16)%nLabels] += float32(int16(uint16(e))) * w.scale
			}
			return
		}
		if s.fp == 0 {
			return
		}
		i = (i + 1) & w.mask
	}
}

// Model is a trained tagger model: feature weights, transitions and word
// clusters. It is read-only after loading.
type Model struct {
	w   weights
	lex *lexicon
	// First is the first-pass model of a stacked model (whose features
	// include the first pass's tags of the same word elsewhere in the
	// document), or nil for a single-pass model.
	First *Model
	// temp divides scores before they are turned into probabilities (Span.Score).
	temp float32
	// nfeat and nweights count the features and non-zero weights (for logs).
	nfeat, nweights int
	// pre holds tables derived from the weights on first use (see prep).
	pre *prepared
}

// modelMagic starts every model file.
const modelMagic = "NGNER03\n"

// sparseFeature is one feature's non-zero weights, for writing.
type sparseFeature struct {
	key  uint64
	labs []uint8
	vals []float32
}

// writeModel writes the model's layers in the binary format (gzip).
func writeModel(w io.Writer, layers []modelLayer, lx *lexicon) error {
	clus, gaz := lx.clus(), lx.gazTable()
	if clus == nil {
		clus = &clusters{}
	}
	if gaz == nil {
		gaz = &gazTable{}
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("ner: write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	le := binary.LittleEndian
	var scratch [8]byte
	put32 := func(v uint32) { le.PutUint32(scratch[:4], v); bw.Write(scratch[:4]) }
	put64 := func(v uint64) { le.PutUint64(scratch[:8], v); bw.Write(scratch[:8]) }
	bw.WriteString(modelMagic)
	// Clusters.
	put32(uint32(len(clus.keys)))
	for i, k := range clus.keys {
		put64(k)
		put32(clus.paths[i])
		bw.WriteByte(clus.lens[i])
	}
	put32(uint32(len(gaz.keys)))
	for i, k := range gaz.keys {
		put64(k)
		bw.WriteByte(gaz.classes[i])
	}
	put32(uint32(len(layers)))
	for _, l := range layers {
		for p := 0; p < nLabels; p++ {
			for c := 0; c < nLabels; c++ {
				put32(math.Float32bits(l.trans[p][c]))
			}
		}
		for c := 0; c < nLabels; c++ {
			put32(math.Float32bits(l.start[c]))
		}
		put32(math.Float32bits(l.temp))
		// Quantize every weight to int16 with one scale per layer.
		var maxAbs float32
		for _, f := range l.feats {
			for _, v := range f.vals {
				maxAbs = float32(math.Max(float64(maxAbs), math.Abs(float64(v))))
			}
		}
		scale := maxAbs / 32767
		if scale == 0 {
			scale = 1
		}
		put32(math.Float32bits(scale))
		put32(uint32(len(l.feats)))
		// Keys delta-coded (sorted) compress well.
		prev := uint64(0)
		for _, f := range l.feats {
			put64(f.key - prev)
			prev = f.key
		}
		for _, f := range l.feats {
			bw.WriteByte(uint8(len(f.labs)))
		}
		for _, f := range l.feats {
			bw.Write(f.labs)
		}
		for _, f := range l.feats {
			for _, v := range f.vals {
				q := int16(math.Round(float64(v / scale)))
				le.PutUint16(scratch[:2], uint16(q))
				bw.Write(scratch[:2])
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("ner: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("ner: write model: %w", err)
	}
	return nil
}

// modelLayer is one pass's weights in writable form.
type modelLayer struct {
	temp  float32
	trans [nLabels][nLabels]float32
	start [nLabels]float32
	feats []sparseFeature // sorted by key
}

// errFormat is returned for a malformed model file.
var errFormat = errors.New("malformed model file")

// ReadModel reads a model written by the trainer (gzip-compressed binary).
// It returns an error wrapping the cause for a truncated or malformed file.
func ReadModel(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	m, err := parseModel(raw)
	if err != nil {
		return nil, fmt.Errorf("ner: read model: %w", err)
	}
	return m, nil
}

// parser reads little-endian values from a byte slice, recording the first error.
type parser struct {
	b   []byte
	err error
}

func (p *parser) take(n int) []byte {
	if p.err != nil || n < 0 || n > len(p.b) {
		p.err = errFormat
		return nil
	}
	v := p.b[:n]
	p.b = p.b[n:]
	return v
}

func (p *parser) u32() uint32 {
	if b := p.take(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (p *parser) u64() uint64 {
	if b := p.take(8); b != nil {
		return binary.LittleEndian.Uint64(b)
	}
	return 0
}

func parseModel(raw []byte) (*Model, error) {
	p := &parser{b: raw}
	if string(p.take(len(modelMagic))) != modelMagic {
		return nil, errFormat
	}
	nc := int(p.u32())
	if p.err != nil || nc > len(p.b)/13 {
		return nil, errFormat
	}
	clus := &clusters{keys: make([]uint64, nc), paths: make([]uint32, nc), lens: make([]uint8, nc)}
	for i := 0; i < nc; i++ {
		clus.keys[i] = p.u64()
		clus.paths[i] = p.u32()
		if b := p.take(1); b != nil {
			clus.lens[i] = b[0]
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	clus.build()
	ng := int(p.u32())
	if p.err != nil || ng > len(p.b)/9 {
		return nil, errFormat
	}
	gaz := &gazTable{keys: make([]uint64, ng), classes: make([]uint8, ng)}
	for i := 0; i < ng; i++ {
		gaz.keys[i] = p.u64()
		if b := p.take(1); b != nil {
			gaz.classes[i] = b[0]
		}
	}
	if p.err != nil {
		return nil, p.err
	}
	gaz.build()
	lx := &lexicon{c: clus, g: gaz}
	nl := int(p.u32())
	if p.err != nil || nl < 1 || nl > 2 {
		return nil, errFormat
	}
	var models []*Model
	for li := 0; li < nl; li++ {
		m := &Model{lex: lx, temp: 1, pre: new(prepared)}
		for a := 0; a < nLabels; a++ {
			for c := 0; c < nLabels; c++ {
				m.w.trans[a][c] = math.Float32frombits(p.u32())
			}
		}
		for c := 0; c < nLabels; c++ {
			m.w.start[c] = math.Float32frombits(p.u32())
		}
		if t := math.Float32frombits(p.u32()); t > 0 && !math.IsInf(float64(t), 0) {
			m.temp = t
		}
		scale := math.Float32frombits(p.u32())
		if scale != scale || math.IsInf(float64(scale), 0) {
			return nil, errFormat
		}
		nf := int(p.u32())
		if p.err != nil || nf > len(p.b)/9 {
			return nil, errFormat
		}
		keys := make([]uint64, nf)
		prev := uint64(0)
		for i := range keys {
			prev += p.u64()
			keys[i] = prev
		}
		counts := p.take(nf)
		total := 0
		for _, c := range counts {
			total += int(c)
		}
		labs := p.take(total)
		vb := p.take(2 * total)
		if p.err != nil {
			return nil, p.err
		}
		for _, l := range labs {
			if l >= nLabels {
				return nil, errFormat
			}
		}
		vals := make([]float32, total)
		for i := range vals {
			vals[i] = float32(int16(binary.LittleEndian.Uint16(vb[2*i:]))) * scale
		}
		m.w.build(keys, counts, labs, vals)
		models = append(models, m)
	}
	if len(p.b) != 0 {
		return nil, errFormat
	}
	if len(models) == 2 {
		models[1].First = models[0]
		return models[1], nil
	}
	return models[0], nil
}

// build fills the open-addressing table from parallel arrays (counts[i]
// entries of labs and vals per key), quantizing the weights to int16.
func (w *weights) build(keys []uint64, counts []uint8, labs []uint8, vals []float32) {
	size := uint64(1)
	for size < uint64(len(keys))*2+2 {
		size <<= 1
	}
	w.mask = size - 1
	w.slots = make([]slot, size)
	w.keys = make([]uint64, size)
	var maxAbs float64
	for _, v := range vals {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	w.scale = float32(maxAbs / 32767)
	if w.scale == 0 {
		w.scale = 1
	}
	w.ents = make([]uint32, len(labs))
	for i := range labs {
		q := math.Round(float64(vals[i] / w.scale))
		q = math.Max(-32767, math.Min(32767, q))
		w.ents[i] = uint32(labs[i])<<16 | uint32(uint16(int16(q)))
	}
	off := uint32(0)
	for i, k := range keys {
		j := w.home(k)
		for w.slots[j].fp != 0 {
			j = (j + 1) & w.mask
		}
		w.slots[j] = slot{fp: fingerprint(k), row: off<<5 | uint32(counts[i]&31)}
		w.keys[j] = k
		off += uint32(counts[i])
	}
}

// layers returns the passes of m in file order.
func (m *Model) layers() []*Model {
	if m.First != nil {
		return []*Model{m.First, m}
	}
	return []*Model{m}
}

// Marshal returns the model file bytes for m (the format ReadModel reads).
func (m *Model) Marshal() ([]byte, error) {
	var ls []modelLayer
	for _, x := range m.layers() {
		l := x.w.export()
		l.temp = x.temp
		ls = append(ls, l)
	}
	var b bytes.Buffer
	if err := writeModel(&b, ls, m.lex); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// export turns the table back into sorted sparse features.
func (w *weights) export() modelLayer {
	l := modelLayer{trans: w.trans, start: w.start}
	for i, s := range w.slots {
		if s.fp == 0 {
			continue
		}
		f := sparseFeature{key: w.keys[i]}
		r := s.row >> 5
		for _, e := range w.ents[r : r+s.row&31] {
			f.labs = append(f.labs, uint8(e>>16))
			f.vals = append(f.vals, float32(int16(uint16(e)))*w.scale)
		}
		l.feats = append(l.feats, f)
	}
	sort.Slice(l.feats, func(a, b int) bool { return l.feats[a].key < l.feats[b].key })
	return l
}

// ReadModelBytes is ReadModel over a byte slice.
func ReadModelBytes(b []byte) (*Model, error) { return ReadModel(bytes.NewReader(b)) }
