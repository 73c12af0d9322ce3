package ner

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestViterbi_matchesReference: the unrolled viterbi gives viterbiRef's
// labels and back pointers on random scores, with ties (small integers),
// quiet tokens, disallowed labels (-Inf) and the embedded model's
// transitions.
func TestViterbi_matchesReference(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for it := 0; it < 20000; it++ {
		n := 1 + rng.IntN(12)
		em := make([][nLabels]float32, n)
		tie := it%2 == 0
		val := func() float32 {
			if tie {
				return float32(rng.IntN(5) - 2)
			}
			return float32(rng.NormFloat64() * 10)
		}
		for j := range em {
			switch rng.IntN(6) {
			case 0:
				em[j] = quietScores
			default:
				for c := range em[j] {
					em[j][c] = val()
					if rng.IntN(10) == 0 {
						em[j][c] = negInf
					}
				}
			}
		}
		trans, start := &tg.m.trans, &tg.m.start
		if it%3 != 0 {
			var tr [nLabels][nLabels]float32
			var st [nLabels]float32
			for p := range tr {
				for c := range tr[p] {
					tr[p][c] = val()
				}
				st[p] = val()
			}
			trans, start = &tr, &st
		}
		b1, b2 := make([][nLabels]uint8, n), make([][nLabels]uint8, n)
		got := viterbi(em, b1, trans, start, []uint8{9})
		want := viterbiRef(em, b2, trans, start, []uint8{9})
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: labels %v, reference %v (em %v)", it, got, want, em)
		}
		for j := 1; j < n; j++ {
			if isQuiet(&em[j]) {
				if b1[j][0] != b2[j][0] {
					t.Fatalf("case %d token %d: back %v, reference %v", it, j, b1[j][0], b2[j][0])
				}
			} else if b1[j] != b2[j] {
				t.Fatalf("case %d token %d: back %v, reference %v", it, j, b1[j], b2[j])
			}
		}
	}
}

// BenchmarkViterbi compares the unrolled viterbi with the reference on
// sentences of 25 scored tokens.
func BenchmarkViterbi(b *testing.B) {
	tg, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	em := make([][nLabels]float32, 25)
	for j := range em {
		for c := range em[j] {
			em[j][c] = float32(rng.NormFloat64() * 10)
		}
	}
	back := make([][nLabels]uint8, len(em))
	y := make([]uint8, 0, len(em))
	for _, bc := range []struct {
		name string
		f    func([][nLabels]float32, [][nLabels]uint8, *[nLabels][nLabels]float32, *[nLabels]float32, []uint8) []uint8
	}{{"unrolled", viterbi}, {"reference", viterbiRef}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				y = bc.f(em, back, &tg.m.trans, &tg.m.start, y[:0])
			}
		})
	}
}
