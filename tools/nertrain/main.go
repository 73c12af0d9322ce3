// Command nertrain trains newsgraph's statistical NER model (package ner) on
// CoNLL-2003 and writes the model file that package ner embeds.
//
//	go run ./tools/nertrain                # eng.train, tuned on eng.testa, writes ner/model/ner.model
//	go run ./tools/nertrain -stacked=false # one pass only
//	go run ./tools/nertrain -kfold 5       # 5-fold estimate on eng.train + eng.testa (writes no model)
//
// Inputs besides the CoNLL files: ner/model/clusters.txt and
// ner/model/casing.txt (go run ./tools/wordclusters) and
// ner/model/gazetteer.txt (go generate ./ner).
//
// The model learns folded text (ALL CAPS, lower case) from a lower-cased
// copy of every training document (-caseless). The number of epochs of each
// pass is the only tuned setting: the epoch with the best mean of the
// exact-span F1 on PER/LOC/ORG of the development file as written and
// lower-cased (with -caseless=false, as written only). The model file
// records the epochs chosen.
//
// -kfold K estimates how the tagger and the rules of the entities stage
// (frozen: the same code for every fold) generalize: the documents of the
// training and development files, split into K folds by document, each fold
// tagged by a model retrained on the others with the shipped model's epochs
// (or -epochs and -second-epochs), scored through the entities stage, as
// written and upper- and lower-cased.
//
// Training is deterministic: a fixed seed and a fixed data order give the
// same model bytes.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/eval"
	evalner "github.com/newsgraph/newsgraph/eval/ner"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/ner"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// config is what the flags say.
type config struct {
	train, dev, out, clus, casing, gaz string
	opt                                ner.TrainOptions
	kfold                              int
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nertrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.train, "train", "", "training file (default: shared ner/conll2003/eng.train)")
	fs.StringVar(&c.dev, "dev", "", "development file for choosing epochs (default: shared ner/conll2003/eng.testa)")
	fs.StringVar(&c.out, "out", "", "model file to write (default: ner/model/ner.model in the module)")
	fs.StringVar(&c.clus, "clusters", "", "word clusters file, word<TAB>bits per line (default: ner/model/clusters.txt in the module when present; \"none\" disables)")
	fs.StringVar(&c.casing, "casing", "", "casing statistics file, word<TAB>lower<TAB>capitalized<TAB>capitals per line (default: ner/model/casing.txt in the module when present; \"none\" disables)")
	fs.StringVar(&c.gaz, "gazetteer", "", "gazetteer names file, class<TAB>name per line (default: ner/model/gazetteer.txt in the module when present; \"none\" disables)")
	fs.IntVar(&c.opt.Epochs, "epochs", 15, "largest number of epochs per pass (with -kfold: first-pass epochs, default the shipped model's)")
	fs.IntVar(&c.opt.SecondEpochs, "second-epochs", 0, "with -kfold: second-pass epochs (default the shipped model's)")
	fs.BoolVar(&c.opt.Stacked, "stacked", true, "train a second, document-level pass over jackknifed first-pass tags")
	fs.BoolVar(&c.opt.Caseless, "caseless", true, "learn folded text (ALL CAPS, lower case) from lower-cased copies of the training documents")
	fs.IntVar(&c.opt.Folds, "folds", 5, "jackknife folds for the stacked pass")
	fs.Uint64Var(&c.opt.Seed, "seed", 1, "shuffling seed")
	fs.Float64Var(&c.opt.MinWeight, "minweight", 0.01, "drop averaged weights smaller than this in absolute value")
	fs.IntVar(&c.opt.MinCount, "mincount", 2, "drop features seen fewer times in the training data")
	fs.IntVar(&c.kfold, "kfold", 0, "estimate accuracy by K-fold cross-validation over the training and development documents instead of writing a model")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "nertrain: unexpected arguments %q\n", fs.Args())
		return 2
	}
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if c.kfold == 1 || c.kfold < 0 {
		fmt.Fprintln(stderr, "nertrain: -kfold needs at least 2 folds")
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	if c.train == "" {
		c.train = shareddata.Path("ner/conll2003/eng.train")
	}
	if c.dev == "" {
		c.dev = shareddata.Path("ner/conll2003/eng.testa")
	}
	if c.train == "" {
		fmt.Fprintln(stderr, "nertrain: no training file (give -train or provide ../shared/data)")
		return 2
	}
	if c.out == "" {
		c.out = filepath.Join(root, "ner", "model", "ner.model")
	}
	for _, x := range []struct {
		p    *string
		name string
	}{{&c.clus, "clusters.txt"}, {&c.casing, "casing.txt"}, {&c.gaz, "gazetteer.txt"}} {
		if *x.p == "" {
			if p := filepath.Join(root, "ner", "model", x.name); fileExists(p) {
				*x.p = p
			}
		}
	}
	if err := c.lexicon(stderr); err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	c.opt.Log = stderr
	if c.kfold > 0 {
		if !set["epochs"] || !set["second-epochs"] {
			tg, err := ner.Default()
			if err != nil {
				fmt.Fprintf(stderr, "nertrain: %v\n", err)
				return 1
			}
			ep := tg.Model().Epochs()
			if !set["epochs"] {
				c.opt.Epochs = ep[0]
			}
			if !set["second-epochs"] {
				c.opt.SecondEpochs = ep[len(ep)-1]
			}
		}
		if c.opt.Epochs <= 0 || c.opt.Stacked && c.opt.SecondEpochs <= 0 {
			fmt.Fprintln(stderr, "nertrain: -kfold: the shipped model records no epochs; give -epochs and -second-epochs")
			return 2
		}
		if err := kfold(ctx, c, stdout); err != nil {
			fmt.Fprintf(stderr, "nertrain: %v\n", err)
			return 1
		}
		return 0
	}
	trainDocs, err := readDocs(c.train)
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	var devDocs []ner.Doc
	if c.dev != "" {
		devDocs, err = readDocs(c.dev)
		if err != nil {
			fmt.Fprintf(stderr, "nertrain: %v\n", err)
			return 1
		}
		cases := []eval.Case{eval.AsIs}
		if c.opt.Caseless {
			cases = append(cases, eval.Lower)
		}
		variants := make([][]ner.Doc, len(cases))
		for i, lc := range cases {
			variants[i] = evalner.Recase(devDocs, lc)
		}
		c.opt.Dev = func(m *ner.Model) float64 {
			tg := ner.NewTagger(m)
			sum := 0.0
			var parts []string
			for i, docs := range variants {
				f := devF1(ctx, docs, evalner.TaggerFunc(tg))
				sum += f
				parts = append(parts, fmt.Sprintf("%s %.4f", caseName(cases[i]), f))
			}
			fmt.Fprintf(stderr, "  dev F1 PER+LOC+ORG: %s\n", strings.Join(parts, ", "))
			return sum / float64(len(variants))
		}
	}
	t0 := time.Now()
	m, err := ner.Train(trainDocs, c.opt)
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	if len(devDocs) > 0 {
		fmt.Fprintf(stderr, "score temperature: %g\n", m.Calibrate(devDocs))
	}
	b, err := m.Marshal()
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	if err := os.WriteFile(c.out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes, epochs %v) in %s\n", c.out, len(b), m.Epochs(), time.Since(t0).Round(time.Second))
	return 0
}

// lexicon reads the clusters, casing and gazetteer files into c.opt.
func (c *config) lexicon(stderr io.Writer) error {
	var err error
	if c.clus != "" && c.clus != "none" {
		if c.opt.ClusterWords, c.opt.ClusterPaths, err = readColumns(c.clus); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "clusters: %d words from %s\n", len(c.opt.ClusterWords), c.clus)
	}
	if c.casing != "" && c.casing != "none" {
		if c.opt.CaseWords, c.opt.CaseCounts, err = readCasing(c.casing); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "casing: %d words from %s\n", len(c.opt.CaseWords), c.casing)
	}
	if c.gaz != "" && c.gaz != "none" {
		// The file is class<TAB>name: read it with the same two-column reader.
		if c.opt.GazClasses, c.opt.GazNames, err = readColumns(c.gaz); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "gazetteer: %d names from %s\n", len(c.opt.GazNames), c.gaz)
	}
	return nil
}

// devF1 is the exact-span F1 on PER+LOC+ORG of tag on docs (0 on error).
func devF1(ctx context.Context, docs []ner.Doc, tag evalner.TagFunc) float64 {
	c, _, _, err := evalner.Score(ctx, docs, tag)
	if err != nil {
		return 0
	}
	s := c.Sum("PER", "LOC", "ORG")
	return s.F1()
}

func caseName(c eval.Case) string {
	if c == eval.AsIs {
		return "as written"
	}
	return string(c) + "-cased"
}

func readDocs(path string) ([]ner.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

// readColumns reads two-column TAB-separated lines (word<TAB>bits).
func readColumns(path string) (a, b []string, err error) {
	err = readLines(path, func(line string) error {
		x, y, ok := strings.Cut(line, "\t")
		if ok && x != "" && y != "" {
			a, b = append(a, x), append(b, y)
		}
		return nil
	})
	return a, b, err
}

// readCasing reads word<TAB>lower<TAB>capitalized<TAB>capitals lines.
func readCasing(path string) (words []string, counts [][3]int, err error) {
	n := 0
	err = readLines(path, func(line string) error {
		n++
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" {
			return fmt.Errorf("line %d: want 4 TAB-separated columns", n)
		}
		var c [3]int
		for i := range c {
			v, err := strconv.Atoi(f[i+1])
			if err != nil || v < 0 {
				return fmt.Errorf("line %d: bad count %q", n, f[i+1])
			}
			c[i] = v
		}
		words, counts = append(words, f[0]), append(counts, c)
		return nil
	})
	return words, counts, err
}

func readLines(path string, line func(string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if err := line(sc.Text()); err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// moduleRoot finds the directory holding go.mod, walking up from the working directory.
func moduleRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("module root: %w", err)
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if fileExists(filepath.Join(dir, "go.mod")) {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", errors.New("module root: no go.mod above the working directory")
		}
	}
}
