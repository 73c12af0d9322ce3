package events

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
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
		if _, err := decodeModel(embeddedModel); err != nil {
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

// TestDecodeModel_SameWeights: the embedded model decodes to exactly the
// float32 weights strconv.ParseFloat gives for its text, feature by feature.
func TestDecodeModel_SameWeights(t *testing.T) {
	m, err := decodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(embeddedModel))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")
	if got, want := strings.Join(m.Classes, " "), strings.Join(strings.Fields(lines[0]), " "); got != want {
		t.Fatalf("classes %q, want %q", got, want)
	}
	if len(m.W) != len(lines)-1 {
		t.Fatalf("%d features, want %d", len(m.W), len(lines)-1)
	}
	for _, line := range lines[1:] {
		feat, ws, _ := strings.Cut(line, "\t")
		got := m.W[feat]
		fs := strings.Fields(ws)
		if len(got) != len(fs) {
			t.Fatalf("%q: %d weights, want %d", feat, len(got), len(fs))
		}
		for i, f := range fs {
			v, err := strconv.ParseFloat(f, 32)
			if err != nil {
				t.Fatal(err)
			}
			if math.Float32bits(got[i]) != math.Float32bits(float32(v)) {
				t.Fatalf("%q weight %d: %v, want %v", feat, i, got[i], float32(v))
			}
		}
	}
	again, err := ReadModel(bufio.NewScanner(bytes.NewReader(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, m) {
		t.Error("ReadModel and decodeModel differ")
	}
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
