// Command topictrain counts words per section in the BBC news corpus's
// training split and writes the naive Bayes model of package topic, each
// word's add-one smoothed log P(word | section) in package linear's format:
//
//	go run ./tools/topictrain        # ../shared/data/corpus/bbc/train.csv → topic/model.bin
//
// Words seen in fewer than -min-docs training documents are dropped. The
// output is deterministic (sorted words). The val and test splits are left
// for `go test ./topic`.
package main

import (
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/linear"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/topic"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("topictrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	in := fs.String("in", shareddata.Path("corpus/bbc/train.csv"), "BBC training split (CSV text,category)")
	out := fs.String("out", filepath.Join("topic", "model.bin"), "model file to write")
	minDocs := fs.Int("min-docs", 3, "keep words seen in at least this many documents")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *in == "" {
		fmt.Fprintln(stderr, "topictrain: BBC training split not found; pass -in")
		return 1
	}
	if err := train(*in, *out, *minDocs); err != nil {
		fmt.Fprintln(stderr, "topictrain:", err)
		return 1
	}
	return 0
}

func train(in, out string, minDocs int) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	label := map[string]int{}
	for i, l := range topic.Labels {
		label[l] = i
	}
	k := len(topic.Labels)
	counts := map[string][]float64{}
	df := map[string]int{}
	for i, r := range rows {
		if i == 0 || len(r) < 2 {
			continue // header
		}
		li, ok := label[strings.TrimSpace(r[1])]
		if !ok {
			return fmt.Errorf("%s: row %d: unknown category %q", in, i+1, r[1])
		}
		seen := map[string]bool{}
		topic.Words(r[0], func(b []byte) {
			w := string(b)
			c := counts[w]
			if c == nil {
				c = make([]float64, k)
				counts[w] = c
			}
			c[li]++
			if !seen[w] {
				seen[w] = true
				df[w]++
			}
		})
	}
	var words []string
	totals := make([]float64, k)
	for w, c := range counts {
		if df[w] < minDocs {
			continue
		}
		words = append(words, w)
		for i := range k {
			totals[i] += c[i]
		}
	}
	slices.Sort(words)
	// log P(word | label), add-one smoothed over the kept vocabulary
	nv := float64(len(words))
	m := &linear.Model{Classes: topic.Labels, W: make(map[string][]float32, len(words))}
	for _, w := range words {
		lp := make([]float32, k)
		for i := range k {
			lp[i] = float32(math.Log((counts[w][i] + 1) / (totals[i] + nv)))
		}
		m.W[w] = lp
	}
	b, err := m.Encode(topic.ModelMagic) // sorted keys: reproducible bytes
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	return os.WriteFile(out, b, 0o644)
}
