// Package linear is the one codec and scorer of newsgraph's sparse linear
// models: per feature string, one float32 weight per class (the event-type
// classifier of package events, the section model of package topic). The
// binary format decodes without parsing a number, and the weights are the
// model file's own bytes where the machine allows (internal/lebytes).
package linear

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"iter"
	"math"
	"math/bits"
	"slices"
	"strings"
	"unsafe"

	"github.com/newsgraph/newsgraph/internal/lebytes"
)

// Model is a sparse linear model: per feature, one weight per class. A
// model being built holds its weights in W; a decoded model is read-only
// and reads its features in place (W is nil, Weights and All read them).
type Model struct {
	Classes []string
	W       map[string][]float32
	idx     *index
}

// index is a decoded model's features read in place: the keys are ranges
// of the model's bytes, found through an open-addressing table of hashes
// built at decoding (no map, no string per feature; two arrays of uint32,
// 200 KB for the event-type model's 18,890 features).
type index struct {
	b     []byte    // the model's bytes
	rec   []uint32  // per feature, the offset in b of its key's length, the key after it
	slots []uint32  // a hash's tag in the bits above idx, the feature + 1 in idx; 0 empty
	idx   uint32    // the mask of the feature bits of a slot
	w     []float32 // the weights, feature after feature
	k     int       // classes
}

// key returns feature j's key.
func (x *index) key(j int) string {
	off := int(x.rec[j])
	l, w := uint64(x.b[off]), 1
	if l >= 0x80 {
		l, w = binary.Uvarint(x.b[off:])
	}
	return unsafe.String(unsafe.SliceData(x.b[off+w:]), int(l))
}

// weights returns feature j's weights.
func (x *index) weights(j int) []float32 {
	return x.w[j*x.k : j*x.k+x.k : j*x.k+x.k]
}

// seed is the hash seed of the decoded models' tables.
var seed = maphash.MakeSeed()

// Weights returns feature f's weights, one per class (nil when the model
// lacks f). The slice must not change.
func (m *Model) Weights(f string) []float32 {
	x := m.idx
	if x == nil {
		return m.W[f]
	}
	if len(x.slots) == 0 {
		return nil
	}
	h := maphash.String(seed, f)
	tag, mask := uint32(h>>32)&^x.idx, uint64(len(x.slots)-1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := x.slots[i]
		if s == 0 {
			return nil
		}
		if s&^x.idx != tag {
			continue
		}
		if j := int(s&x.idx) - 1; x.key(j) == f {
			return x.weights(j)
		}
	}
}

// Len returns the number of features.
func (m *Model) Len() int {
	if m.idx != nil {
		return len(m.idx.rec)
	}
	return len(m.W)
}

// All yields every feature with its weights: a decoded model's in its
// file's (sorted) order, a built one's in map order.
func (m *Model) All() iter.Seq2[string, []float32] {
	return func(yield func(string, []float32) bool) {
		x := m.idx
		if x == nil {
			for f, w := range m.W {
				if !yield(f, w) {
					return
				}
			}
			return
		}
		for j := range x.rec {
			if !yield(x.key(j), x.weights(j)) {
				return
			}
		}
	}
}

// Encode returns m in the binary format, opened by magic (a line naming
// the model's kind and version, such as "ngevents-model 1\n"):
//
//	magic
//	classes joined by spaces, "\n"
//	uvarint feature count n
//	n times: uvarint key length, key bytes (keys sorted, each once)
//	zero bytes up to a multiple of 4 from the start
//	n*K little-endian float32 weights, feature after feature
//
// The features are sorted, so equal models give equal bytes. A class name
// that is empty or holds a space or newline, and a feature without exactly
// one weight per class, are errors.
func (m *Model) Encode(magic string) ([]byte, error) {
	k := len(m.Classes)
	for _, c := range m.Classes {
		if c == "" || strings.ContainsAny(c, " \n") {
			return nil, fmt.Errorf("linear: class %q: empty or with a space or newline", c)
		}
	}
	keys := make([]string, 0, m.Len())
	weights := make(map[string][]float32, m.Len())
	for f, w := range m.All() {
		if len(w) != k {
			return nil, fmt.Errorf("linear: feature %q: %d weights for %d classes", f, len(w), k)
		}
		keys = append(keys, f)
		weights[f] = w
	}
	slices.Sort(keys)
	b := append([]byte(magic), strings.Join(m.Classes, " ")...)
	b = append(b, '\n')
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, f := range keys {
		b = binary.AppendUvarint(b, uint64(len(f)))
		b = append(b, f...)
	}
	for len(b)%4 != 0 {
		b = append(b, 0)
	}
	for _, f := range keys {
		for _, x := range weights[f] {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b, nil
}

// Decode reads a model that Encode wrote with magic in place: the keys
// stay b's bytes, found through a table of their hashes (two arrays, no
// map and no string per feature), and the weights are b's own bytes where
// float32s can be (the model then aliases b, which must not change).
// Input that Encode could not have written is an error that names the
// part missing or malformed, so Encode of a decoded model gives back b.
func Decode(magic string, b []byte) (*Model, error) {
	rest, ok := bytes.CutPrefix(b, []byte(magic))
	if !ok {
		return nil, fmt.Errorf("linear: not a model with magic %q", magic)
	}
	nl := bytes.IndexByte(rest, '\n')
	if nl < 0 {
		return nil, fmt.Errorf("linear: truncated classes (no end of line)")
	}
	m := &Model{}
	if nl > 0 {
		m.Classes = strings.Split(string(rest[:nl]), " ")
		if slices.Contains(m.Classes, "") {
			return nil, fmt.Errorf("linear: empty class name")
		}
	}
	rest = rest[nl+1:]
	k := len(m.Classes)
	n, w := uvarint(rest)
	if w <= 0 {
		return nil, fmt.Errorf("linear: truncated or malformed feature count")
	}
	rest = rest[w:]
	if n > uint64(len(rest)) {
		return nil, fmt.Errorf("linear: truncated keys: %d features in %d bytes", n, len(rest))
	}
	if len(b) >= math.MaxUint32 || n >= math.MaxUint32 {
		return nil, fmt.Errorf("linear: %d bytes: too large a model", len(b))
	}
	// the keys: lengths and bytes, read in place
	rec := make([]uint32, n)
	at := len(b) - len(rest)
	for i := range rec {
		l, w := uvarint(b[at:])
		if w <= 0 || l > uint64(len(b)-at-w) {
			return nil, fmt.Errorf("linear: truncated or malformed key of feature %d of %d", i+1, n)
		}
		rec[i] = uint32(at)
		at += w + int(l)
	}
	rest = b[at:]
	for (len(b)-len(rest))%4 != 0 {
		if len(rest) == 0 {
			return nil, fmt.Errorf("linear: truncated padding")
		}
		if rest[0] != 0 {
			return nil, fmt.Errorf("linear: padding not zero")
		}
		rest = rest[1:]
	}
	if want := n * uint64(k) * 4; uint64(len(rest)) != want {
		return nil, fmt.Errorf("linear: %d bytes of weights, want %d (%d features, %d classes)", len(rest), want, n, k)
	}
	x := &index{b: b, rec: rec, w: lebytes.View[float32](rest), k: k, idx: 1<<bits.Len64(n) - 1}
	size := 0
	if n > 0 {
		size = 1
		for uint64(size)*3 < n*4 { // at most three quarters full
			size <<= 1
		}
	}
	x.slots = make([]uint32, size)
	mask := uint64(size - 1)
	prev := ""
	for j := range rec {
		f := x.key(j)
		if j > 0 && f <= prev {
			return nil, fmt.Errorf("linear: feature %d of %d: keys not sorted", j+1, n)
		}
		prev = f
		h := maphash.String(seed, f)
		i := h & mask
		for x.slots[i] != 0 {
			i = (i + 1) & mask
		}
		x.slots[i] = uint32(h>>32)&^x.idx | uint32(j+1)
	}
	m.idx = x
	return m, nil
}

// uvarint is binary.Uvarint that also takes a number written with more
// bytes than it needs (which Encode never writes) for malformed: w <= 0.
func uvarint(b []byte) (v uint64, w int) {
	v, w = binary.Uvarint(b)
	if w > 0 && w != (bits.Len64(v|1)+6)/7 {
		return 0, -1
	}
	return v, w
}

// Scores returns the sum of feats' weights per class; a feature the model
// lacks adds nothing.
func (m *Model) Scores(feats []string) []float64 {
	s := make([]float64, len(m.Classes))
	for _, f := range feats {
		for i, w := range m.Weights(f) {
			s[i] += float64(w)
		}
	}
	return s
}

// Probs returns the class probabilities of feats: the softmax of their
// scores.
func (m *Model) Probs(feats []string) []float64 {
	return Softmax(m.Scores(feats))
}

// Softmax turns scores s into probabilities in place and returns s.
func Softmax(s []float64) []float64 {
	mx := math.Inf(-1)
	for _, v := range s {
		mx = math.Max(mx, v)
	}
	z := 0.0
	for i, v := range s {
		s[i] = math.Exp(v - mx)
		z += s[i]
	}
	for i := range s {
		s[i] /= z
	}
	return s
}

// Best returns, of the class probabilities p, the most probable class
// other than other with its probability, and the probability of other (0
// when it is no class).
func (m *Model) Best(p []float64, other string) (class string, prob, otherP float64) {
	for i, c := range m.Classes {
		if c == other {
			otherP = p[i]
		} else if p[i] > prob {
			class, prob = c, p[i]
		}
	}
	return class, prob, otherP
}

// Supports reports whether features feats alone score class above class
// other; it is false when feats is empty or either is no class.
func (m *Model) Supports(feats []string, class, other string) bool {
	ci, oi := slices.Index(m.Classes, class), slices.Index(m.Classes, other)
	if ci < 0 || oi < 0 || len(feats) == 0 {
		return false
	}
	s := 0.0
	for _, f := range feats {
		if w := m.Weights(f); w != nil {
			s += float64(w[ci] - w[oi])
		}
	}
	return s > 0
}
