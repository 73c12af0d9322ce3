package events

import (
	"bufio"
	"bytes"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkReadModel: parsing the embedded event-type model, the largest
// part of a one-line extract's start-up.
func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		if _, err := DecodeModel(embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadModel_Lines: every malformed line is an error naming its line;
// a good model keeps each feature's weights apart.
func TestReadModel_Lines(t *testing.T) {
	for _, tc := range []struct{ name, in, err string }{
		{"good", "A B\nf1\t1 -2\nf2\t0.5  3\n", ""},
		{"no tab", "A B\nf1 1 2\n", "line 2"},
		{"too few", "A B\nf1\t1 2\nf2\t1\n", "line 3"},
		{"too many", "A B\nf1\t1 2 3\n", "line 2"},
		{"bad number", "A B\nf1\t1 x\n", "line 2"},
		{"empty", "", "empty"},
	} {
		m, err := ReadModel(bufio.NewScanner(strings.NewReader(tc.in)))
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("%s: err %v, want one naming %q", tc.name, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := fmt.Sprint(m.Classes, m.W["f1"], m.W["f2"]); got != "[A B] [1 -2] [0.5 3]" {
			t.Errorf("%s: got %s", tc.name, got)
		}
	}
}

// FuzzReadModel: any input is a model or an error, never a panic; a model
// has as many weights per feature as classes.
func FuzzReadModel(f *testing.F) {
	f.Add("A B\nf1\t1 -2\n")
	f.Add("A\nf\t\t \n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := ReadModel(bufio.NewScanner(strings.NewReader(in)))
		if err != nil {
			return
		}
		for feat, w := range m.W {
			if len(w) != len(m.Classes) {
				t.Fatalf("feature %q: %d weights for %d classes", feat, len(w), len(m.Classes))
			}
		}
	})
}

// TestDecodeModel_RoundTrip: the embedded model re-encodes to its own
// bytes; a small model keeps its classes and every weight's bits.
func TestDecodeModel_RoundTrip(t *testing.T) {
	m, err := DecodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	b, err := m.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embeddedModel) {
		t.Error("the embedded model does not re-encode to its bytes")
	}
	small := &Model{Classes: []string{"A", "B"}, W: map[string][]float32{
		"f1": {1, float32(math.Copysign(0, -1))}, "": {0.001, -3.5}, "f\t2": {float32(math.Inf(1)), 1e-40}}}
	b, err = small.MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	got, err := DecodeModel(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got.Classes, small.Classes) || len(got.W) != len(small.W) {
		t.Fatalf("got %v %v", got.Classes, got.W)
	}
	for f, w := range small.W {
		for i := range w {
			if math.Float32bits(got.W[f][i]) != math.Float32bits(w[i]) {
				t.Errorf("%q weight %d: %v, want %v", f, i, got.W[f][i], w[i])
			}
		}
	}
	if _, err := (&Model{Classes: []string{"A"}, W: map[string][]float32{"f": {1, 2}}}).MarshalBinary(); err == nil {
		t.Error("a feature with too many weights encoded")
	}
}

// TestDecodeModel_Errors: every cut of a good model, and a bad magic, is an
// error and never a panic.
func TestDecodeModel_Errors(t *testing.T) {
	b, err := (&Model{Classes: []string{"A", "B"}, W: map[string][]float32{"f1": {1, 2}, "f2": {3, 4}}}).MarshalBinary()
	if err != nil {
		t.Fatal(err)
	}
	for n := range len(b) {
		if _, err := DecodeModel(b[:n]); err == nil {
			t.Errorf("cut at %d of %d: no error", n, len(b))
		}
	}
	if _, err := DecodeModel(append([]byte("x"), b...)); err == nil {
		t.Error("bad magic: no error")
	}
	if _, err := DecodeModel(append(b, 0)); err == nil {
		t.Error("trailing byte: no error")
	}
}

// FuzzDecodeModel: any input is a model or an error; a model has as many
// weights per feature as classes.
func FuzzDecodeModel(f *testing.F) {
	b, _ := (&Model{Classes: []string{"A", "B"}, W: map[string][]float32{"f1": {1, 2}}}).MarshalBinary()
	f.Add(b)
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := DecodeModel(in)
		if err != nil {
			return
		}
		for feat, w := range m.W {
			if len(w) != len(m.Classes) {
				t.Fatalf("feature %q: %d weights for %d classes", feat, len(w), len(m.Classes))
			}
		}
	})
}

// TestParseWeight: the same float32 bits (and the same error) as
// strconv.ParseFloat(s, 32), on the fast path and off it.
func TestParseWeight(t *testing.T) {
	in := []string{"0", "-0", "-0.000", "1", "1.", ".5", "+5", "-", ".", "", "x", "1e3", "1.5e-3",
		"8388607", "8388608", "-8388609", "0.0000000001", "0.00000000001", "123456.7", "3.4e39",
		"1_0", "0x10", "inf", "NaN", "00012.500", "1..2", "1.2.3", "--1", "9999999999999999999"}
	for d := -300000; d <= 300000; d += 7 {
		in = append(in, strconv.FormatFloat(float64(d)/1000, 'f', -1, 64), fmt.Sprintf("%.3f", float64(d)/1000))
	}
	for _, s := range in {
		got, gerr := parseWeight(s)
		v, werr := strconv.ParseFloat(s, 32)
		if (gerr == nil) != (werr == nil) || gerr == nil && math.Float32bits(got) != math.Float32bits(float32(v)) {
			t.Errorf("parseWeight(%q) = %v, %v; strconv %v, %v", s, got, gerr, float32(v), werr)
		}
	}
}

// TestDecodeModel_InPlace: on a little-endian machine an aligned model's
// weights are read where they lie; an unaligned copy decodes to the same
// weights.
func TestDecodeModel_InPlace(t *testing.T) {
	m, err := DecodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, len(embeddedModel)+1)
	copy(buf[1:], embeddedModel)
	odd, err := DecodeModel(buf[1:])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, odd) {
		t.Error("an unaligned copy decodes differently")
	}
}
