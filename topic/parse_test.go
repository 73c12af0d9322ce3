package topic

import (
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/cputime"
	"github.com/newsgraph/newsgraph/internal/linear"
)

// small is a two-word model: log((c+1)/12) for counts c.
func small(t testing.TB) []byte {
	lp := func(cs ...float64) []float32 {
		out := make([]float32, len(cs))
		for i, c := range cs {
			out[i] = float32(math.Log((c + 1) / 12))
		}
		return out
	}
	b, err := (&linear.Model{Classes: Labels, W: map[string][]float32{
		"vote": lp(0, 0, 9, 0, 1.5), "goal": lp(0, 0, 0, 3, 0)}}).Encode(ModelMagic)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestDecode reads a small model and classifies with it (P of "vote"
// twice: 1/(1 + 3·0.1² + 0.25²)); a model of other
// classes, another magic and a cut file are errors naming the problem.
func TestDecode(t *testing.T) {
	m, err := Decode(small(t))
	if err != nil {
		t.Fatal(err)
	}
	if r := m.Classify("The vote, the vote."); r.Label != "politics" || math.Abs(r.P-1/1.0925) > 1e-6 {
		t.Errorf("Classify: %+v", r)
	}
	if r := m.Classify("A goal!"); r.Label != "sport" {
		t.Errorf("Classify: %+v", r)
	}
	other, err := (&linear.Model{Classes: []string{"a", "b"}}).Encode(ModelMagic)
	if err != nil {
		t.Fatal(err)
	}
	events, err := (&linear.Model{Classes: Labels}).Encode("ngevents-model 1\n")
	if err != nil {
		t.Fatal(err)
	}
	b := small(t)
	for _, tc := range []struct {
		name string
		in   []byte
		err  string
	}{
		{"classes", other, "classes [a b]"},
		{"magic", events, "not a model"},
		{"cut", b[:len(b)-3], "weights"},
	} {
		if _, err := Decode(tc.in); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: %v, want an error naming %q", tc.name, err, tc.err)
		}
	}
}

// FuzzDecode checks that Decode returns a model or an error, never panics,
// and that a model it returns classifies.
func FuzzDecode(f *testing.F) {
	f.Add(small(f))
	f.Add([]byte(ModelMagic + strings.Join(Labels, " ") + "\n\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Decode(b)
		if err != nil {
			return
		}
		m.Classify("vote goal the match " + string(b))
	})
}

// BenchmarkDecode measures reading the embedded model, what every start
// pays.
func BenchmarkDecode(b *testing.B) {
	b.ReportAllocs()
	stop := cputime.Bench(b)
	n := 0
	for b.Loop() {
		if _, err := Decode(embedded); err != nil {
			b.Fatal(err)
		}
		n++
	}
	stop(n)
}
