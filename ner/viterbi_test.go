package ner

import (
	"math/rand"
	"slices"
	"testing"
)

// viterbiRef is the plain Viterbi over preds that viterbi must equal.
func viterbiRef(em [][nLabels]float32, trans *[nLabels][nLabels]float32, start *[nLabels]float32) []uint8 {
	n := len(em)
	if n == 0 {
		return nil
	}
	back := make([][nLabels]uint8, n)
	var cur, next [nLabels]float32
	for c := 0; c < nLabels; c++ {
		if canStart[c] {
			cur[c] = start[c] + em[0][c]
		} else {
			cur[c] = negInf
		}
	}
	for j := 1; j < n; j++ {
		for c := 0; c < nLabels; c++ {
			best, arg := negInf, uint8(0)
			for _, p := range preds[c] {
				if v := cur[p] + trans[p][c]; v > best {
					best, arg = v, p
				}
			}
			next[c] = best + em[j][c]
			back[j][c] = arg
		}
		cur = next
	}
	best, arg := negInf, 0
	for c := 0; c < nLabels; c++ {
		if canEnd[c] && cur[c] > best {
			best, arg = cur[c], c
		}
	}
	out := make([]uint8, n)
	out[n-1] = uint8(arg)
	for j := n - 1; j > 0; j-- {
		out[j-1] = back[j][out[j]]
	}
	return out
}

// TestViterbi_matchesReference checks the BILOU-structured Viterbi against
// the plain one on random scores: small integers (many ties), quiet rows
// and the model's own transitions.
func TestViterbi_matchesReference(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewSource(15))
	for it := 0; it < 20000; it++ {
		var trans [nLabels][nLabels]float32
		var start [nLabels]float32
		if it%2 == 0 {
			trans, start = tg.m.trans, tg.m.start
		} else {
			for p := range trans {
				for c := range trans[p] {
					trans[p][c] = float32(r.Intn(5) - 2)
				}
				start[p] = float32(r.Intn(5) - 2)
			}
		}
		n := 1 + r.Intn(12)
		em := make([][nLabels]float32, n)
		for j := range em {
			switch r.Intn(4) {
			case 0:
				em[j] = quietScores
			default:
				for c := range em[j] {
					if it%3 == 0 {
						em[j][c] = float32(r.Intn(4))
					} else {
						em[j][c] = float32(r.NormFloat64() * 3)
					}
				}
			}
		}
		want := viterbiRef(em, &trans, &start)
		got := viterbi(em, make([][nLabels]uint8, n), &trans, &start, nil)
		if !slices.Equal(got, want) {
			t.Fatalf("case %d: viterbi %v, reference %v", it, got, want)
		}
	}
}
