package ner

import (
	"math"
	"math/rand"
	"slices"
	"testing"
)

// TestWeights_roundTrip checks that a table built from features and read
// back from its model file gives every feature its quantized weights, by
// add and by addBatch alike, and nothing to a feature it does not hold.
func TestWeights_roundTrip(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	var feats []sparseFeature
	for i := 0; i < 20000; i++ {
		f := sparseFeature{key: rng.Uint64()}
		n := 2 + rng.Intn(nLabels-1)
		if i%2 == 0 {
			n = 2 + rng.Intn(3)
		}
		for _, l := range rng.Perm(nLabels)[:n] {
			f.labs = append(f.labs, uint8(l))
			f.vals = append(f.vals, float32(rng.NormFloat64()))
		}
		feats = append(feats, f)
	}
	w := buildWeights(feats)
	b, err := (&Model{temp: 1, lex: &lexicon{}, w: &w}).Marshal()
	if err != nil {
		t.Fatal(err)
	}
	r, err := ReadModelBytes(b)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(r.w.slots, w.slots) || !slices.Equal(r.w.ents, w.ents) || r.w.scale != w.scale {
		t.Fatal("the table read back differs from the one written")
	}
	var keys []uint64
	var tgt []int32
	var vecs []*[nLabels]float32
	got := make([][nLabels]float32, len(feats))
	for i, f := range feats {
		var want, one [nLabels]float32
		for j, l := range f.labs {
			q := math.Max(-32767, math.Min(32767, math.Round(float64(f.vals[j]/w.scale))))
			want[l] += float32(int16(q)) * w.scale
		}
		if r.w.add(f.key, &one); one != want {
			t.Fatalf("feature %d: add gives %v, want %v", i, one, want)
		}
		keys, tgt, vecs = append(keys, f.key), append(tgt, int32(i)), append(vecs, &got[i])
	}
	r.w.addBatch(keys, tgt, vecs)
	for i, f := range feats {
		var one [nLabels]float32
		if r.w.add(f.key, &one); got[i] != one {
			t.Fatalf("feature %d: addBatch gives %v, add %v", i, got[i], one)
		}
	}
	var zero [nLabels]float32
	for i := 0; i < 20000; i++ {
		var one [nLabels]float32
		if r.w.add(rng.Uint64(), &one); one != zero {
			t.Errorf("absent feature with weights %v", one)
		}
	}
}
