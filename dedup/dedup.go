// Package dedup recognises near-duplicate news texts: syndicated wire copy
// republished with another headline, paragraphs reordered, the tail cut or
// a few words changed.
//
// A text is reduced to the set of its word 5-shingles (five consecutive
// words, lower-cased, punctuation dropped), each hashed to 64 bits. Its
// signature is a bottom-k MinHash sketch: the SketchSize smallest shingle
// hashes. Two texts whose sketches share at least MinShared values are
// candidates (values shared by more than MaxPostings originals are
// boilerplate and ignored); a candidate is a copy when the overlap coefficient of the two
// shingle sets (the share of the shorter text's shingles found in the
// longer) reaches Threshold. The overlap coefficient, not Jaccard, decides,
// because a copy cut to its first half shares all of its shingles with the
// original but only half of the union.
//
// The measured precision and recall on edited BBC and Reuters stories are in
// eval_test.go's doc comment and docs/benchmarks.md
// (go test ./dedup -run TestEval -v).
package dedup

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Parameters of the method. Changing any of them changes stored sketches:
// a store keeps the version it was filled with (Version).
const (
	ShingleWords = 5
	SketchSize   = 16
	MinShared    = 2
	// MinShingles is the least number of distinct shingles a text needs to
	// take part (about 20 words): shorter texts match only exactly.
	MinShingles = 16
	// MaxPostings bounds candidate generation: a sketch value shared by more
	// originals than this is boilerplate (a footer every story of an outlet
	// carries) and is not used to find candidates, so a lookup costs at most
	// SketchSize × MaxPostings comparisons of sketch entries.
	MaxPostings = 100
	// Threshold is the overlap coefficient from which a candidate is a copy.
	Threshold = 0.6
	// Version names these parameters for stores that persist sketches.
	Version = 1
)

// Shingles returns the sorted, distinct 64-bit hashes of text's word
// 5-shingles. A text of fewer than five words yields one shingle of all its
// words, an empty text none.
func Shingles(text string) []uint64 {
	words := wordHashes(text)
	if len(words) == 0 {
		return nil
	}
	n := len(words) - ShingleWords + 1
	if n < 1 {
		n = 1
	}
	out := make([]uint64, 0, n)
	for i := 0; i < n; i++ {
		h := uint64(14695981039346656037)
		for j := i; j < min(i+ShingleWords, len(words)); j++ {
			h ^= words[j]
			h *= 1099511628211
			h = mix(h)
		}
		out = append(out, h)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// wordHashes hashes each word of text: a maximal run of letters, digits and
// marks, lower-cased.
func wordHashes(text string) []uint64 {
	var out []uint64
	h, in := uint64(14695981039346656037), false
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) {
			r = unicode.ToLower(r)
			for k := 0; k < 4 && r != 0; k++ { // FNV-1a over the rune's bytes
				h ^= uint64(r & 0xff)
				h *= 1099511628211
				r >>= 8
			}
			in = true
			continue
		}
		if in {
			out = append(out, mix(h))
			h, in = 14695981039346656037, false
		}
	}
	if in {
		out = append(out, mix(h))
	}
	return out
}

// mix is the splitmix64 finaliser: it spreads FNV's bits so that the
// smallest hashes are a uniform sample of the shingles.
func mix(z uint64) uint64 {
	z ^= z >> 30
	z *= 0xbf58476d1ce4e5b9
	z ^= z >> 27
	z *= 0x94d049bb133111eb
	z ^= z >> 31
	return z
}

// Sketch returns the k smallest values of the sorted shingle set.
func Sketch(shingles []uint64, k int) []uint64 {
	return slices.Clone(shingles[:min(k, len(shingles))])
}

// Shared counts the values two sorted sets have in common.
func Shared(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Compare returns the overlap coefficient |A∩B| / min(|A|,|B|) and the
// Jaccard index |A∩B| / |A∪B| of two sorted shingle sets (0 when either is
// empty).
func Compare(a, b []uint64) (overlap, jaccard float64) {
	if len(a) == 0 || len(b) == 0 {
		return 0, 0
	}
	n := Shared(a, b)
	return float64(n) / float64(min(len(a), len(b))), float64(n) / float64(len(a)+len(b)-n)
}

// Eligible reports whether a shingle set is long enough for near-duplicate
// matching.
func Eligible(shingles []uint64) bool { return len(shingles) >= MinShingles }

// Candidate reports whether two sketches share enough values for the texts
// to be compared.
func Candidate(a, b []uint64) bool { return Shared(a, b) >= MinShared }

// Index finds the stored text a new one copies. It keeps the sketch and
// shingles of each original; copies are not indexed (a copy of a copy links
// to the original it resembles). The zero value is not usable; use NewIndex.
// An Index is not safe for concurrent use.
type Index struct {
	// Threshold is the overlap from which Find reports a copy; NewIndex
	// sets the package's Threshold.
	Threshold float64
	postings  map[uint64][]int
	shingles  [][]uint64
	ids       []string
}

// NewIndex returns an empty index.
func NewIndex() *Index { return &Index{Threshold: Threshold, postings: map[uint64][]int{}} }

// Match is the original a text copies.
type Match struct {
	ID      string
	Overlap float64 // the overlap coefficient that decided
	Jaccard float64
}

// Find returns the indexed original that shingles copies best, if any
// reaches Threshold.
func (x *Index) Find(shingles []uint64) (Match, bool) {
	c := x.Candidates(shingles)
	if len(c) == 0 || c[0].Overlap < x.Threshold {
		return Match{}, false
	}
	return c[0], true
}

// IsCopy reports whether a candidate's scores make it a copy.
func IsCopy(m Match) bool { return m.Overlap >= Threshold }

// Candidates returns every indexed original whose sketch shares at least
// MinShared values with shingles' sketch, with its scores, best overlap
// first (ties by id).
func (x *Index) Candidates(shingles []uint64) []Match {
	if !Eligible(shingles) {
		return nil
	}
	counts := map[int]int{}
	for _, h := range Sketch(shingles, SketchSize) {
		if p := x.postings[h]; len(p) <= MaxPostings {
			for _, d := range p {
				counts[d]++
			}
		}
	}
	var out []Match
	for d, c := range counts {
		if c < MinShared {
			continue
		}
		o, j := Compare(shingles, x.shingles[d])
		out = append(out, Match{ID: x.ids[d], Overlap: o, Jaccard: j})
	}
	Rank(out)
	return out
}

// Rank orders matches best overlap first, then higher Jaccard, then id.
func Rank(ms []Match) {
	slices.SortFunc(ms, func(a, b Match) int {
		switch {
		case a.Overlap != b.Overlap:
			return cmpDesc(a.Overlap, b.Overlap)
		case a.Jaccard != b.Jaccard:
			return cmpDesc(a.Jaccard, b.Jaccard)
		}
		return strings.Compare(a.ID, b.ID)
	})
}

func cmpDesc(a, b float64) int {
	if a > b {
		return -1
	}
	return 1
}

// Add indexes an original.
func (x *Index) Add(id string, shingles []uint64) {
	if !Eligible(shingles) {
		return
	}
	d := len(x.ids)
	x.ids = append(x.ids, id)
	x.shingles = append(x.shingles, shingles)
	for _, h := range Sketch(shingles, SketchSize) {
		x.postings[h] = append(x.postings[h], d)
	}
}
