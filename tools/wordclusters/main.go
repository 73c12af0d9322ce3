// Command wordclusters derives hierarchical word clusters from raw news text
// for the NER tagger's cluster features and writes them as word<TAB>bits
// lines (bits: the word's path in a binary tree, "0110...").
//
//	go run ./tools/wordclusters   # BBC + Reuters-21578 + eng.train words → ner/model/clusters.txt
//	                              # and BBC + Reuters-21578 letter case → ner/model/casing.txt
//
// Method: each lower-cased word with enough occurrences gets a vector of
// positive pointwise mutual information with its left and right neighbours
// (over the most frequent context words), reduced by a seeded Gaussian
// random projection and L2-normalized; the vectors are split recursively by
// 2-means (spherical, deterministic initialization) into a binary tree. The
// output is deterministic for the same input.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/ner"
	"github.com/newsgraph/newsgraph/read"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wordclusters", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "output file (default ner/model/clusters.txt in the module)")
	casingOut := fs.String("casing", "", "casing statistics file (default ner/model/casing.txt beside -out)")
	casingMin := fs.Int("casing-min", 2, "smallest word frequency with casing statistics")
	minCount := fs.Int("min", 4, "smallest word frequency clustered")
	maxWords := fs.Int("words", 40000, "largest number of words clustered (most frequent first)")
	contexts := fs.Int("contexts", 2000, "number of context words")
	dim := fs.Int("dim", 512, "projected vector dimension")
	depth := fs.Int("depth", 16, "largest tree depth (bits)")
	leaf := fs.Int("leaf", 4, "smallest cluster that is split further")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	dir := shareddata.Dir()
	if dir == "" {
		fmt.Fprintln(stderr, "wordclusters: no shared data directory")
		return 2
	}
	if *out == "" {
		wd, _ := os.Getwd()
		for d := wd; ; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				*out = filepath.Join(d, "ner", "model", "clusters.txt")
				break
			}
			if filepath.Dir(d) == d {
				fmt.Fprintln(stderr, "wordclusters: no go.mod above the working directory")
				return 1
			}
		}
	}
	var sents [][]string
	cases := map[string]*caseCounts{}
	paths := []string{filepath.Join(dir, "corpus", "bbc"), filepath.Join(dir, "corpus", "reuters21578")}
	err := read.Walk(ctx, paths, nil, read.Options{}, func(r read.Result) error {
		if r.Err != nil || r.Doc == nil {
			return nil
		}
		for _, t := range []string{r.Doc.Title, r.Doc.Text} {
			raw := tokenizeRaw(t)
			countCasing(raw, cases)
			for _, s := range raw {
				for i, w := range s {
					s[i] = normalize(w)
				}
			}
			sents = append(sents, raw...)
		}
		return nil
	})
	if err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	if p := shareddata.Path("ner/conll2003/eng.train"); p != "" {
		f, err := os.Open(p)
		if err != nil {
			fmt.Fprintf(stderr, "wordclusters: %v\n", err)
			return 1
		}
		docs, err := ner.ReadCoNLL(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "wordclusters: %v\n", err)
			return 1
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				ws := make([]string, len(s.Words))
				for i, w := range s.Words {
					ws[i] = normalize(w)
				}
				sents = append(sents, ws)
			}
		}
	}
	words, bits := cluster(sents, *minCount, *maxWords, *contexts, *dim, *depth, *leaf)
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	bw := bufio.NewWriter(f)
	for i, w := range words {
		fmt.Fprintf(bw, "%s\t%s\n", w, bits[i])
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	if *casingOut == "" {
		*casingOut = filepath.Join(filepath.Dir(*out), "casing.txt")
	}
	cf, err := os.Create(*casingOut)
	if err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	nc, err := writeCasing(cf, cases, *casingMin)
	if err == nil {
		err = cf.Close()
	}
	if err != nil {
		fmt.Fprintf(stderr, "wordclusters: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote casing statistics of %d words to %s\n", nc, *casingOut)
	ntok := 0
	for _, s := range sents {
		ntok += len(s)
	}
	fmt.Fprintf(stdout, "wrote %d words from %d tokens to %s\n", len(words), ntok, *out)
	return 0
}

// normalize lower-cases w and maps digits to 0.
func normalize(w string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return unicode.ToLower(r)
	}, w)
}

// tokenize splits text into sentences (on line breaks and sentence-final
// punctuation) of normalized words, splitting punctuation off words the way
// CoNLL does.
func tokenize(text string) [][]string {
	out := tokenizeRaw(text)
	for _, s := range out {
		for i, w := range s {
			s[i] = normalize(w)
		}
	}
	return out
}

// tokenizeRaw is tokenize without normalization: the words as written.
func tokenizeRaw(text string) [][]string {
	var out [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, cur)
		}
		cur = nil
	}
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		for _, f := range strings.Fields(line) {
			// Leading punctuation.
			for len(f) > 0 && strings.ContainsRune(`"'([{`, rune(f[0])) {
				cur = append(cur, f[:1])
				f = f[1:]
			}
			var tail []string
			for len(f) > 0 && strings.ContainsRune(`"')]},.;:!?`, rune(f[len(f)-1])) {
				// Keep the period of abbreviations like "U.S." and "Corp.".
				if f[len(f)-1] == '.' && strings.Count(f, ".") > 1 {
					break
				}
				tail = append(tail, f[len(f)-1:])
				f = f[:len(f)-1]
			}
			if strings.HasSuffix(f, "'s") && len(f) > 2 {
				cur = append(cur, f[:len(f)-2], "'s")
			} else if f != "" {
				cur = append(cur, f)
			}
			final := false
			for i := len(tail) - 1; i >= 0; i-- {
				cur = append(cur, tail[i])
				final = final || tail[i] == "." || tail[i] == "?" || tail[i] == "!"
			}
			if final {
				flush()
			}
		}
	}
	flush()
	return out
}

// vectors returns the vocabulary (most frequent first) and each word's
// normalized, projected PPMI context vector.
func vectors(sents [][]string, minCount, maxWords, nctx, dim int) ([]string, [][]float32) {
	freq := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			freq[w]++
		}
	}
	type wc struct {
		w string
		n int
	}
	var all []wc
	for w, n := range freq {
		all = append(all, wc{w, n})
	}
	sort.Slice(all, func(a, b int) bool {
		if all[a].n != all[b].n {
			return all[a].n > all[b].n
		}
		return all[a].w < all[b].w
	})
	ctxID := map[string]int{}
	for i := 0; i < len(all) && i < nctx; i++ {
		ctxID[all[i].w] = i
	}
	var vocab []string
	wordID := map[string]int{}
	for _, x := range all {
		if x.n < minCount || len(vocab) >= maxWords || !hasLetter(x.w) {
			continue
		}
		wordID[x.w] = len(vocab)
		vocab = append(vocab, x.w)
	}
	// Co-occurrence counts with the words at offsets -2, -1, +1, +2: context
	// id off*nctx + c.
	offsets := [4]int{-2, -1, 1, 2}
	co := make([]map[int32]float32, len(vocab))
	for i := range co {
		co[i] = map[int32]float32{}
	}
	ctxTotal := make([]float64, len(offsets)*nctx)
	total := 0.0
	for _, s := range sents {
		for j, w := range s {
			id, ok := wordID[w]
			if !ok {
				continue
			}
			for o, off := range offsets {
				k := j + off
				if k < 0 || k >= len(s) {
					continue
				}
				if c, ok := ctxID[s[k]]; ok {
					c += o * nctx
					co[id][int32(c)]++
					ctxTotal[c]++
					total++
				}
			}
		}
	}
	// Random projection matrix, seeded.
	rng := rand.New(rand.NewPCG(7, 11))
	proj := make([]float32, len(ctxTotal)*dim)
	for i := range proj {
		proj[i] = float32(rng.NormFloat64())
	}
	vecs := make([][]float32, len(vocab))
	for i := range vocab {
		v := make([]float32, dim)
		rowTotal := 0.0
		for _, n := range co[i] {
			rowTotal += float64(n)
		}
		keys := make([]int, 0, len(co[i]))
		for c := range co[i] {
			keys = append(keys, int(c))
		}
		sort.Ints(keys)
		for _, c := range keys {
			n := float64(co[i][int32(c)])
			pmi := math.Log(n * total / (rowTotal * ctxTotal[c]))
			if pmi <= 0 {
				continue
			}
			p := proj[c*dim : c*dim+dim]
			for k := range v {
				v[k] += float32(pmi) * p[k]
			}
		}
		normalizeVec(v)
		vecs[i] = v
	}
	return vocab, vecs
}

// cluster builds the binary tree and returns words with their bit paths, in
// order of decreasing frequency.
func cluster(sents [][]string, minCount, maxWords, nctx, dim, depth, leaf int) ([]string, []string) {
	vocab, vecs := vectors(sents, minCount, maxWords, nctx, dim)
	bits := make([]string, len(vocab))
	ids := make([]int, len(vocab))
	for i := range ids {
		ids[i] = i
	}
	split(vecs, ids, "", depth, leaf, bits)
	return vocab, bits
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func normalizeVec(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	n := float32(1 / math.Sqrt(s))
	for k := range v {
		v[k] *= n
	}
}

// split assigns bit paths to ids by recursive spherical 2-means.
func split(vecs [][]float32, ids []int, prefix string, depth, leaf int, bits []string) {
	if len(prefix) >= depth || len(ids) < leaf {
		for _, i := range ids {
			bits[i] = prefix + "0"
			if prefix != "" {
				bits[i] = prefix
			}
		}
		return
	}
	dim := len(vecs[ids[0]])
	// Initialization: split by the sign of the projection on the cluster's
	// principal direction (power iteration from a fixed start), then refine
	// with spherical 2-means.
	mean := make([]float32, dim)
	for _, i := range ids {
		for d, x := range vecs[i] {
			mean[d] += x
		}
	}
	for d := range mean {
		mean[d] /= float32(len(ids))
	}
	pc := make([]float32, dim)
	for d := range pc {
		pc[d] = float32(math.Sin(float64(d+1) * 1.618))
	}
	normalizeVec(pc)
	for it := 0; it < 12; it++ {
		next := make([]float32, dim)
		for _, i := range ids {
			var s float64
			for d, x := range vecs[i] {
				s += float64(x-mean[d]) * float64(pc[d])
			}
			for d, x := range vecs[i] {
				next[d] += float32(s) * (x - mean[d])
			}
		}
		normalizeVec(next)
		pc = next
	}
	c0 := make([]float32, dim)
	c1 := make([]float32, dim)
	for _, i := range ids {
		var s float64
		for d, x := range vecs[i] {
			s += float64(x-mean[d]) * float64(pc[d])
		}
		dst := c0
		if s > 0 {
			dst = c1
		}
		for d, x := range vecs[i] {
			dst[d] += x
		}
	}
	normalizeVec(c0)
	normalizeVec(c1)
	side := make([]bool, len(ids))
	for it := 0; it < 8; it++ {
		changed := false
		for k, i := range ids {
			s := dot(vecs[i], c1) > dot(vecs[i], c0)
			if s != side[k] || it == 0 {
				changed = true
			}
			side[k] = s
		}
		n0 := make([]float32, dim)
		n1 := make([]float32, dim)
		for k, i := range ids {
			dst := n0
			if side[k] {
				dst = n1
			}
			for d, x := range vecs[i] {
				dst[d] += x
			}
		}
		normalizeVec(n0)
		normalizeVec(n1)
		c0, c1 = n0, n1
		if !changed {
			break
		}
	}
	var a, b []int
	for k, i := range ids {
		if side[k] {
			b = append(b, i)
		} else {
			a = append(a, i)
		}
	}
	if len(a) == 0 || len(b) == 0 {
		for _, i := range ids {
			bits[i] = prefix + "0"
		}
		return
	}
	split(vecs, a, prefix+"0", depth, leaf, bits)
	split(vecs, b, prefix+"1", depth, leaf, bits)
}

func dot(a, b []float32) float64 {
	var s float64
	for i := range a {
		s += float64(a[i]) * float64(b[i])
	}
	return s
}
