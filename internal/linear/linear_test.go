package linear

import (
	"bytes"
	"encoding/binary"
	"math"
	"reflect"
	"strings"
	"testing"
)

const magic = "nglinear-test 1\n"

func small() *Model {
	return &Model{Classes: []string{"A", "B"}, W: map[string][]float32{
		"f1": {1, float32(math.Copysign(0, -1))}, "": {0.001, -3.5}, "f\t2": {float32(math.Inf(1)), 1e-40}}}
}

// TestModel_RoundTrip: a model keeps its classes and every weight's bits
// through Encode and Decode, and re-encodes to the same bytes.
func TestModel_RoundTrip(t *testing.T) {
	m := small()
	b, err := m.Encode(magic)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(magic, b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Classes, m.Classes) || got.Len() != len(m.W) || got.W != nil {
		t.Fatalf("got %v, %d features", got.Classes, got.Len())
	}
	for f, w := range m.W {
		gw := got.Weights(f)
		if len(gw) != len(w) {
			t.Fatalf("%q: %d weights, want %d", f, len(gw), len(w))
		}
		for i := range w {
			if math.Float32bits(gw[i]) != math.Float32bits(w[i]) {
				t.Errorf("%q weight %d: %v, want %v", f, i, gw[i], w[i])
			}
		}
	}
	for _, f := range []string{"f", "f2", "f1 ", "zz"} {
		if w := got.Weights(f); w != nil {
			t.Errorf("%q: weights %v of no feature", f, w)
		}
	}
	var order []string
	for f := range got.All() {
		order = append(order, f)
	}
	if want := []string{"", "f\t2", "f1"}; !reflect.DeepEqual(order, want) {
		t.Errorf("All: %q, want %q", order, want)
	}
	again, err := got.Encode(magic)
	if err != nil || !bytes.Equal(again, b) {
		t.Errorf("re-encoded: %v, equal %v", err, bytes.Equal(again, b))
	}
	// an unaligned copy (decoded, not viewed) holds the same weights
	buf := make([]byte, len(b)+1)
	copy(buf[1:], b)
	odd, err := Decode(magic, buf[1:])
	if err != nil || !reflect.DeepEqual(odd.Weights("f1"), got.Weights("f1")) {
		t.Errorf("unaligned: %v %v", err, odd)
	}
	empty, err := (&Model{}).Encode(magic)
	if err != nil {
		t.Fatal(err)
	}
	if m, err := Decode(magic, empty); err != nil || len(m.Classes) != 0 || m.Len() != 0 || m.Weights("") != nil {
		t.Errorf("empty model: %v %v", m, err)
	}
}

// TestEncode_Errors: a feature with the wrong number of weights and a
// class name the classes line cannot hold are errors.
func TestEncode_Errors(t *testing.T) {
	for name, m := range map[string]*Model{
		"weights": {Classes: []string{"A"}, W: map[string][]float32{"f": {1, 2}}},
		"space":   {Classes: []string{"A B"}},
		"newline": {Classes: []string{"A\n"}},
		"empty":   {Classes: []string{"A", ""}},
	} {
		if _, err := m.Encode(magic); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestDecode_Errors: every cut of a good model is an error naming the
// part that is missing; bad magic, padding, classes, order and trailing
// bytes are errors.
func TestDecode_Errors(t *testing.T) {
	m := &Model{Classes: []string{"A", "B"}, W: map[string][]float32{"f1": {1, 2}, "f222": {3, 4}}}
	b, err := m.Encode(magic)
	if err != nil {
		t.Fatal(err)
	}
	// magic, "A B\n", count 2, key 1 (3 bytes), key 2 (5 bytes), padding to 32, 16 bytes of weights
	parts := []struct {
		end  int
		want string
	}{{len(magic), "magic"}, {len(magic) + 4, "classes"}, {len(magic) + 5, "feature count"},
		{len(magic) + 8, "key"}, {len(magic) + 13, "key of feature 2"}, {32, "padding"}, {48, "weights"}}
	if len(b) != 48 {
		t.Fatalf("%d bytes, want 48", len(b))
	}
	for n := range len(b) {
		i := 0
		for parts[i].end <= n {
			i++
		}
		if _, err := Decode(magic, b[:n]); err == nil || !strings.Contains(err.Error(), parts[i].want) {
			t.Errorf("cut at %d of %d: err %v, want one naming %q", n, len(b), err, parts[i].want)
		}
	}
	bad := func(name string, in []byte) {
		t.Helper()
		if _, err := Decode(magic, in); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	bad("magic", append([]byte("x"), b...))
	bad("trailing byte", append(bytes.Clone(b), 0))
	padded := bytes.Clone(b)
	padded[31] = 1
	bad("padding", padded)
	bad("empty class", bytes.Replace(b, []byte("A B\n"), []byte("A  \n"), 1))
	bad("order", bytes.Replace(b, []byte("f222"), []byte("f000"), 1))
	bad("count", append([]byte(magic+"A\n"), 0xff, 0xff, 0xff, 0x7f))
}

// FuzzDecode: any input is a model or an error, never a panic; a model
// has one weight per class for every feature and re-encodes to the input.
func FuzzDecode(f *testing.F) {
	b, _ := small().Encode(magic)
	f.Add(b)
	f.Add([]byte(magic + "\n\x00"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Decode(magic, in)
		if err != nil {
			return
		}
		for feat, w := range m.All() {
			if len(w) != len(m.Classes) || !reflect.DeepEqual(m.Weights(feat), w) {
				t.Fatalf("feature %q: %d weights for %d classes, or not found by its key", feat, len(w), len(m.Classes))
			}
		}
		if out, err := m.Encode(magic); err != nil || !bytes.Equal(out, in) {
			t.Fatalf("re-encoded: %v, %q want %q", err, out, in)
		}
	})
}

// TestModel_Scores: sums, softmax, the best class beside another, and
// support of features for a class.
func TestModel_Scores(t *testing.T) {
	m := &Model{Classes: []string{"NONE", "X", "Y"}, W: map[string][]float32{
		"a": {0, 1, 0}, "b": {1, 0, 2}}}
	if got := m.Scores([]string{"a", "b", "a", "zz"}); !reflect.DeepEqual(got, []float64{1, 2, 2}) {
		t.Errorf("Scores: %v", got)
	}
	p := m.Probs([]string{"a"})
	e := math.E
	want := []float64{1 / (2 + e), e / (2 + e), 1 / (2 + e)}
	for i := range p {
		if math.Abs(p[i]-want[i]) > 1e-12 {
			t.Errorf("Probs: %v, want %v", p, want)
		}
	}
	if c, pc, po := m.Best(p, "NONE"); c != "X" || pc != p[1] || po != p[0] {
		t.Errorf("Best: %s %v %v", c, pc, po)
	}
	for _, tc := range []struct {
		feats        []string
		class, other string
		want         bool
	}{
		{[]string{"a"}, "X", "NONE", true},
		{[]string{"b"}, "X", "NONE", false},
		{[]string{"a", "b"}, "Y", "NONE", true},
		{nil, "X", "NONE", false},
		{[]string{"a"}, "Z", "NONE", false},
		{[]string{"a"}, "X", "Q", false},
	} {
		if got := m.Supports(tc.feats, tc.class, tc.other); got != tc.want {
			t.Errorf("Supports(%v, %s, %s) = %v", tc.feats, tc.class, tc.other, got)
		}
	}
}

// TestUvarint: a number written with the bytes it needs reads back; one
// written with more is malformed.
func TestUvarint(t *testing.T) {
	for _, v := range []uint64{0, 1, 127, 128, 16383, 16384, 1<<63 - 1, 1<<64 - 1} {
		b := binary.AppendUvarint(nil, v)
		if got, w := uvarint(b); got != v || w != len(b) {
			t.Errorf("%d: %d, %d bytes", v, got, w)
		}
		long := append(bytes.Clone(b[:len(b)-1]), b[len(b)-1]|0x80, 0)
		if _, w := uvarint(long); w > 0 {
			t.Errorf("%d in %d bytes: read as %d", v, len(long), w)
		}
	}
}
