package ner

import (
	"encoding/binary"
	"math"
	"math/rand"
	"os"
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
		n := 1 + rng.Intn(17)
		if i%10 == 0 {
			n = 2 + rng.Intn(3)
		}
		for _, l := range rng.Perm(nLabels)[:n] {
			f.labs = append(f.labs, uint8(l))
			f.vals = append(f.vals, float32(rng.NormFloat64()))
		}
		feats = append(feats, f)
	}
	m := &Model{temp: 1, lex: &lexicon{}}
	w := buildWeights(feats)
	m.w = &w
	b, err := m.Marshal()
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
	got := make([][nLabels]float32, len(feats))
	var vecs []*[nLabels]float32
	for i, f := range feats {
		var want, one [nLabels]float32
		for j, l := range f.labs {
			q := math.Max(-32767, math.Min(32767, math.Round(float64(f.vals[j]/w.scale))))
			want[l] += float32(int16(q)) * w.scale
		}
		r.w.add(f.key, &one)
		if one != want {
			t.Fatalf("feature %d: add gives %v, want %v", i, one, want)
		}
		keys, tgt, vecs = append(keys, f.key), append(tgt, int32(i)), append(vecs, &got[i])
	}
	r.w.addBatch(keys, tgt, vecs)
	for i, f := range feats {
		var one [nLabels]float32
		r.w.add(f.key, &one)
		if got[i] != one {
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

// convertV4 returns the model file of format 04 (one slot array of
// fingerprints and where each feature's weights are, the weights in a
// second array) in format 05, and the 04 file's slots and entries.
func convertV4(t *testing.T, old []byte) ([]byte, []uint64, []uint32) {
	le := binary.LittleEndian
	if string(old[:8]) != "NGNER04\n" {
		t.Fatal("not a format 04 model")
	}
	var h [headerWords]uint32
	for i := range h {
		h[i] = le.Uint32(old[8+4*i:])
	}
	layerBytes := (4*(1+nLabels*nLabels+nLabels) + 7) &^ 7
	lexEnd := 8 + 4*headerWords + int(h[0])*layerBytes + 8*(2*int(h[1])+2*int(h[3]))
	slots := make([]uint64, h[5])
	for i := range slots {
		slots[i] = le.Uint64(old[lexEnd+8*i:])
	}
	ents := make([]uint32, h[7])
	for i := range ents {
		ents[i] = le.Uint32(old[lexEnd+8*len(slots)+4*i:])
	}
	w := weights{slots: make([]uint32, len(slots)*slotWords)}
	for j, s := range slots {
		if s != 0 {
			r, n := int(s>>5&(1<<27-1)), int(s&31)
			w.put(j, uint32(s>>32), ents[r:r+n])
		}
	}
	out := append([]byte(modelMagic), old[8:lexEnd]...)
	le.PutUint32(out[8+4*7:], uint32(len(w.ents)))
	for len(out)%64 != 0 {
		out = append(out, 0)
	}
	for _, v := range w.slots {
		out = le.AppendUint32(out, v)
	}
	for _, v := range w.ents {
		out = le.AppendUint32(out, v)
	}
	for len(out)%8 != 0 {
		out = append(out, 0)
	}
	return out, slots, ents
}

// TestWeights_v4 checks, given a model file of format 04 in NER_V4_MODEL
// (`git show 00fef96:ner/model/ner.model`), that its conversion to format
// 05 is the embedded model and that every slot of the embedded model holds
// the same feature and weights as in the 04 file. NER_V4_WRITE names a
// file to write the conversion to.
func TestWeights_v4(t *testing.T) {
	p := os.Getenv("NER_V4_MODEL")
	if p == "" {
		t.Skip("NER_V4_MODEL not set")
	}
	old, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	conv, slots, ents := convertV4(t, old)
	if q := os.Getenv("NER_V4_WRITE"); q != "" {
		if err := os.WriteFile(q, conv, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !slices.Equal(conv, embeddedModel) {
		t.Error("the embedded model is not the conversion of the 04 file")
	}
	m, err := ReadModelBytes(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	w := m.w
	if len(w.slots) != slotWords*len(slots) || w.mask != uint64(len(slots)-1) {
		t.Fatalf("%d slots, want %d", len(w.slots)/slotWords, len(slots))
	}
	bad := 0
	for j, s := range slots {
		at := j * slotWords
		if uint32(s>>32) != w.slots[at] {
			bad++
			continue
		}
		if s == 0 {
			continue
		}
		r, n := int(s>>5&(1<<27-1)), int(s&31)
		got := append([]uint32(nil), w.slots[at+2:at+2+min(n, 2)]...)
		if got = append(got, w.rest(at)...); !slices.Equal(got, ents[r:r+n]) {
			bad++
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d slots differ from the 04 file", bad, len(slots))
	}
}
