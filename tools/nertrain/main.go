// Command nertrain trains newsgraph's statistical NER model (package ner) on
// CoNLL-2003 and writes the model file that package ner embeds.
//
//	go run ./tools/nertrain                # eng.train, tuned on eng.testa, writes ner/model/ner.model
//	go run ./tools/nertrain -stacked=false # one pass only
//
// Inputs besides the CoNLL files: ner/model/clusters.txt (go run
// ./tools/wordclusters) and ner/model/gazetteer.txt (go generate ./ner).
//
// Training is deterministic: a fixed seed and a fixed data order give the
// same model bytes. The number of epochs of each pass is chosen by exact-span
// F1 on PER/LOC/ORG of the development file (the only tuned setting).
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
	"strings"
	"time"

	evalner "github.com/newsgraph/newsgraph/eval/ner"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/ner"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nertrain", flag.ContinueOnError)
	fs.SetOutput(stderr)
	train := fs.String("train", "", "training file (default: shared ner/conll2003/eng.train)")
	dev := fs.String("dev", "", "development file for choosing epochs (default: shared ner/conll2003/eng.testa)")
	out := fs.String("out", "", "model file to write (default: ner/model/ner.model in the module)")
	clus := fs.String("clusters", "", "word clusters file, word<TAB>bits per line (default: ner/model/clusters.txt in the module when present; \"none\" disables)")
	gaz := fs.String("gazetteer", "", "gazetteer names file, class<TAB>name per line (default: ner/model/gazetteer.txt in the module when present; \"none\" disables)")
	epochs := fs.Int("epochs", 15, "largest number of epochs per pass")
	stacked := fs.Bool("stacked", true, "train a second, document-level pass over jackknifed first-pass tags")
	folds := fs.Int("folds", 5, "jackknife folds for the stacked pass")
	seed := fs.Uint64("seed", 1, "shuffling seed")
	minWeight := fs.Float64("minweight", 0.01, "drop averaged weights smaller than this in absolute value")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	if *train == "" {
		*train = shareddata.Path("ner/conll2003/eng.train")
	}
	if *dev == "" {
		*dev = shareddata.Path("ner/conll2003/eng.testa")
	}
	if *train == "" {
		fmt.Fprintln(stderr, "nertrain: no training file (give -train or provide ../shared/data)")
		return 2
	}
	if *out == "" {
		*out = filepath.Join(root, "ner", "model", "ner.model")
	}
	if *clus == "" {
		if p := filepath.Join(root, "ner", "model", "clusters.txt"); fileExists(p) {
			*clus = p
		}
	}
	if *gaz == "" {
		if p := filepath.Join(root, "ner", "model", "gazetteer.txt"); fileExists(p) {
			*gaz = p
		}
	}
	trainDocs, err := readDocs(*train)
	if err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	opt := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Stacked: *stacked, Folds: *folds, MinWeight: *minWeight, Log: stderr}
	if *clus != "" && *clus != "none" {
		opt.ClusterWords, opt.ClusterPaths, err = readClusters(*clus)
		if err != nil {
			fmt.Fprintf(stderr, "nertrain: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "clusters: %d words from %s\n", len(opt.ClusterWords), *clus)
	}
	var devDocs []ner.Doc
	if *gaz != "" && *gaz != "none" {
		// The file is class<TAB>name: read it with the same two-column reader.
		opt.GazClasses, opt.GazNames, err = readClusters(*gaz)
		if err != nil {
			fmt.Fprintf(stderr, "nertrain: %v\n", err)
			return 1
		}
		fmt.Fprintf(stderr, "gazetteer: %d names from %s\n", len(opt.GazNames), *gaz)
	}
	if *dev != "" {
		devDocs, err = readDocs(*dev)
		if err != nil {
			fmt.Fprintf(stderr, "nertrain: %v\n", err)
			return 1
		}
		opt.Dev = func(m *ner.Model) float64 {
			c, _, _, err := evalner.Score(ctx, devDocs, evalner.TaggerFunc(ner.NewTagger(m)))
			if err != nil {
				return 0
			}
			s := c.Sum("PER", "LOC", "ORG")
			return s.F1()
		}
	}
	t0 := time.Now()
	m, err := ner.Train(trainDocs, opt)
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
	if err := os.WriteFile(*out, b, 0o644); err != nil {
		fmt.Fprintf(stderr, "nertrain: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %s (%d bytes) in %s\n", *out, len(b), time.Since(t0).Round(time.Second))
	return 0
}

func readDocs(path string) ([]ner.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f)
}

// readClusters reads two-column TAB-separated lines (word<TAB>bits).
func readClusters(path string) (words, paths []string, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, p, ok := strings.Cut(sc.Text(), "\t")
		if !ok || w == "" || p == "" {
			continue
		}
		words = append(words, w)
		paths = append(paths, p)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", path, err)
	}
	return words, paths, nil
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
