package events

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strings"
	"testing"
)

// BenchmarkReadModel: parsing the embedded event-type model, the largest
// part of a one-line extract's start-up.
func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		zr, err := gzip.NewReader(bytes.NewReader(embeddedModel))
		if err != nil {
			b.Fatal(err)
		}
		raw, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := readModel(bufio.NewScanner(bytes.NewReader(raw)), bytes.Count(raw, []byte{10})); err != nil {
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
