package topic

import (
	"bytes"
	"compress/gzip"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cputime"
)

// TestParse reads small models: counts (float32 holds neither 0.1 nor
// 16777217 exactly), a word given twice (the last counts win), CRLF line
// ends, and the errors of malformed files.
func TestParse(t *testing.T) {
	good := "#total\t10\t10\t10\t10\t10\nvote\t0\t0\t7\t0\t0\r\ngoal\t0.1\t0\t0\t3\t16777217\n" +
		"poll\t0.1\t0\t64\t0\t16777217\nvote\t0\t0\t9\t0\t1.5\ngoal\t0\t0\t0\t3\t0\n"
	m, err := Parse(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	// Three distinct words: log((c+1)/(10+3)).
	want := func(c float64) float32 { return float32(math.Log((c + 1) / 13)) }
	for _, tc := range []struct {
		word string
		lp   []float32
	}{
		{"vote", []float32{want(0), want(0), want(9), want(0), want(1.5)}},
		{"goal", []float32{want(0), want(0), want(0), want(3), want(0)}},
		{"poll", []float32{want(0.1), want(0), want(64), want(0), want(16777217)}},
		{"ball", nil},
	} {
		got := m.lookup([]byte(tc.word))
		if len(got) != len(tc.lp) {
			t.Fatalf("%s: %v, want %v", tc.word, got, tc.lp)
		}
		for i := range got {
			if got[i] != tc.lp[i] {
				t.Errorf("%s: %v, want %v", tc.word, got, tc.lp)
				break
			}
		}
	}
	if r := m.Classify("The vote, the vote."); r.Label != "politics" {
		t.Errorf("Classify: %+v", r)
	}
	for _, tc := range []struct{ in, err string }{
		{"vote\t1\t2\t3\t4\t5\n", "no #total line"},
		{"#total\t1\t1\t1\t1\t1\nvote\t1\t2\n", "line 2: 3 fields, want 6"},
		{"#total\t1\t1\t1\t1\t1\nvote\t1\tx\t3\t4\t5\n", `line 2: bad count "x"`},
		{"#total\t1\t1\t1\t1\t1\nvote\t1\t-2\t3\t4\t5\n", `line 2: bad count "-2"`},
		{"#total\t1\t1\t1\t1\t1\n\n", "line 2: 1 fields, want 6"},
	} {
		if _, err := Parse(strings.NewReader(tc.in)); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("Parse(%q): %v, want %q", tc.in, err, tc.err)
		}
	}
}

// FuzzParse checks that Parse returns a model or an error, never panics,
// and that a model it returns classifies.
// TestInflate checks the embedded model's reader: the same model as Parse
// of the gzip stream, and an error, not a short or long model, when the
// trailer's size or the data is wrong.
func TestInflate(t *testing.T) {
	data, err := inflate(embedded)
	if err != nil {
		t.Fatal(err)
	}
	got, err := parse(data)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(embedded))
	if err != nil {
		t.Fatal(err)
	}
	want, err := Parse(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Error("inflate+parse and Parse of the gzip stream differ")
	}
	n := len(embedded)
	for name, z := range map[string][]byte{
		"size+1":    append(append([]byte(nil), embedded[:n-4]...), byte(len(data)+1), byte((len(data)+1)>>8), byte((len(data)+1)>>16), byte((len(data)+1)>>24)),
		"size-1":    append(append([]byte(nil), embedded[:n-4]...), byte(len(data)-1), byte((len(data)-1)>>8), byte((len(data)-1)>>16), byte((len(data)-1)>>24)),
		"truncated": embedded[:n/2],
		"empty":     nil,
		"corrupt":   append(append(append([]byte(nil), embedded[:n/2]...), 0xff, 0xff, 0xff), embedded[n/2+3:]...),
	} {
		if _, err := inflate(z); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add("#total\t10\t10\t10\t10\t10\nvote\t0\t0\t7\t0\t0\n")
	f.Add("#total\t1\t1\t1\t1\t1\nvote\t1e3\t2\t3\t4\t5\r\nvote\t1\t2\t3\t4\t5")
	f.Add("\t\t\t\t\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		m.Classify("vote goal the match " + s)
	})
}

// BenchmarkParse measures reading the embedded model (gzip and parse), what
// every start pays.
func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	stop := cputime.Bench(b)
	n := 0
	for b.Loop() {
		data, err := inflate(embedded)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := parse(data); err != nil {
			b.Fatal(err)
		}
		n++
	}
	stop(n)
}
