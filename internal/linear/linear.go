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
	"math"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/lebytes"
)

// Model is a sparse linear model: per feature, one weight per class. A
// decoded model is read-only (its weights may be the decoded bytes).
type Model struct {
	Classes []string
	W       map[string][]float32
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
	keys := make([]string, 0, len(m.W))
	for f, w := range m.W {
		if len(w) != k {
			return nil, fmt.Errorf("linear: feature %q: %d weights for %d classes", f, len(w), k)
		}
		keys = append(keys, f)
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
		for _, x := range m.W[f] {
			b = binary.LittleEndian.AppendUint32(b, math.Float32bits(x))
		}
	}
	return b, nil
}

// Decode reads a model that Encode wrote with magic: one map sized by the
// feature count, the keys substrings of one string and the weights one
// array, b's own bytes where float32s can be (the model then aliases b,
// which must not change). Input that Encode could not have written is an
// error that names the part missing or malformed, so Encode of a decoded
// model gives back b.
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
	// the keys: lengths and bytes, then copied into one string
	lens := make([]int, n)
	total, at := 0, rest
	for i := range lens {
		l, w := uvarint(at)
		if w <= 0 || l > uint64(len(at)-w) {
			return nil, fmt.Errorf("linear: truncated or malformed key of feature %d of %d", i+1, n)
		}
		lens[i] = int(l)
		total += int(l)
		at = at[w+int(l):]
	}
	blob := make([]byte, 0, total)
	for _, l := range lens {
		_, w := binary.Uvarint(rest)
		blob = append(blob, rest[w:w+l]...)
		rest = rest[w+l:]
	}
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
	keys := string(blob)
	weights := lebytes.View[float32](rest)
	m.W = make(map[string][]float32, n)
	off := 0
	for i, l := range lens {
		f := keys[off : off+l]
		if i > 0 && f <= keys[off-lens[i-1]:off] {
			return nil, fmt.Errorf("linear: feature %d of %d: keys not sorted", i+1, n)
		}
		m.W[f] = weights[i*k : i*k+k : i*k+k]
		off += l
	}
	return m, nil
}

// uvarint is binary.Uvarint that also takes a number written with more
// bytes than it needs (which Encode never writes) for malformed: w <= 0.
func uvarint(b []byte) (v uint64, w int) {
	v, w = binary.Uvarint(b)
	if w > 0 && w != len(binary.AppendUvarint(nil, v)) {
		return 0, -1
	}
	return v, w
}

// Scores returns the sum of feats' weights per class; a feature the model
// lacks adds nothing.
func (m *Model) Scores(feats []string) []float64 {
	s := make([]float64, len(m.Classes))
	for _, f := range feats {
		for i, w := range m.W[f] {
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
		if w := m.W[f]; w != nil {
			s += float64(w[ci] - w[oi])
		}
	}
	return s > 0
}
