// Command parsetrain rebuilds the syntax stage's embedded model
// (syntax/model/syntax.model) from the Universal Dependencies treebanks in
// ../shared/data/syntax/ud: UD English LinES train and dev and UD English
// EWT dev (licences in NOTICE). EWT test and LinES test are never read
// here; they are the evaluation splits (newsgraph eval syntax). Choices
// (epochs, LinES dev, per-treebank weights) were made with -tune on a slice
// of EWT dev held out of training.
//
// Every feature is trained with a copy per treebank and the model keeps the
// shared weights plus EWT's copy (-target 1): it follows EWT's conventions,
// the closer to news of the two, while learning from LinES too.
//
// Sentences are retokenized the way the text stage tokenizes (package
// text) so that the model learns on the tokens it will see at run time.
// LinES has no PTB tags: they are derived from its UPOS and features
// (syntax.PTBFromUD). Word clusters come from ner/model/clusters.txt.
//
// -news ner/conll2003/eng.train also teaches the tagger the PTB tags of
// CoNLL-2003's training split (Reuters news): its running-text sentences,
// as a third treebank whose tokens learn the tagger class with their PTB
// tag that the tagger scores highest (syntax.Aligned.TagsOnly). They have
// no trees and no lemmas. The embedded model is trained without them
// (the default, -news ""): CoNLL-2003 is for research use only, and a model
// that learned from it would carry those terms. CoNLL-2003 test is never
// read.
//
// The tag dictionary (the parts of speech the treebanks give a word) that
// the training sentences see is built from the other nine tenths of the
// sentences (-dict-folds 10), so that the tagger and the parser learn how
// little it says of a word the treebanks lack, as at run time.
//
// Training is deterministic (fixed seed, fixed order): the same data give
// the same file byte for byte.
//
//	go run ./tools/parsetrain                 # writes syntax/model/syntax.model
//	go run ./tools/parsetrain -tune           # holds out every 5th EWT dev sentence and scores it per epoch
//	go run ./tools/parsetrain -tune -parse-epochs 0 -folds 1   # the tagger alone (minutes, not an hour)
//
// With -tune the held-out report also gives the tagger's UPOS accuracy on
// the words the tag dictionary has and on those it lacks, its most frequent
// UPOS confusions, and the parser's scores on the held-out slice's gold tags
// (the most a better tagger could give it). -tag-passes 2 (with -tune) also
// trains and scores a second tagger pass that reads the first pass's tags
// of the word and the two after it; the model does not carry it.
//
// -beam K (an experiment, not the embedded model) goes on training the
// parser after its greedy epochs for -beam-epochs epochs with a beam of K
// partial parses and the early update (-max-violation: the max-violation
// update), and the model parses with that beam; with -tune each beam epoch
// also scores the same weights parsed greedily. On the EWT slice it lost to
// the greedy parser at 2.7-3.8 times its CPU (docs/benchmarks.md, "A beam
// for the parser").
//
// -factored predicts the move before the label: a move table whose classes
// are shift, a left and a right arc for each of the -own-labels most
// frequent labels, and a left and a right arc for the other labels, scored
// in every state; a label table scored only when one of those other arcs is
// taken, over its labels (docs/benchmarks.md, "Move before label").
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/lettercase"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/text"
)

// Training files, relative to the shared data directory, and whether their
// XPOS column is PTB.
type trainFile struct {
	rel    string
	ptb    bool
	domain int // 1 EWT, 2 LinES (TrainOptions.Target)
}

var trainFiles = []trainFile{
	{"syntax/ud/en_lines-ud-train.conllu", false, 2},
	{"syntax/ud/en_ewt-ud-dev.conllu", true, 1},
}

// factored trains a parser that predicts the move before the label
// (syntax.TrainOptions.Factored).
var factored = flag.Bool("factored", false, "predict the move (shift, left, right) before the label: a 3-class move table scored in every state, a label table only for the arc taken")

// ownLabels gives the most frequent labels a move class of their own in a
// factored parser (syntax.TrainOptions.OwnLabels).
var ownLabels = flag.Int("own-labels", 0, "with -factored: the most frequent labels get a move class of their own per direction (their arcs need no label table)")

func main() {
	out := flag.String("out", "syntax/model/syntax.model", "model file to write")
	clusters := flag.String("clusters", "ner/model/clusters.txt", "word clusters (word TAB bit path)")
	casing := flag.String("casing", "ner/model/casing.txt", "news casing counts (word TAB lower TAB capitalized TAB capitals)")
	tagEpochs := flag.Int("tag-epochs", 8, "tagger epochs")
	parseEpochs := flag.Int("parse-epochs", 14, "parser epochs")
	minUpdates := flag.Int("min-updates", 3, "drop weights touched by fewer updates")
	folds := flag.Int("folds", 4, "jackknife folds for the parser's predicted tags")
	explore := flag.Float64("explore", 0.9, "probability of following the model's move (dynamic oracle)")
	withLinesDev := flag.Bool("lines-dev", true, "also train on LinES dev")
	noLines := flag.Bool("no-lines", false, "train on EWT dev alone (no LinES data; see NOTICE)")
	tune := flag.Bool("tune", false, "hold out a slice of the training data (-heldout), score it after every epoch, write nothing")
	heldout := flag.String("heldout", "ewt", "with -tune: ewt holds out every 5th EWT dev sentence, all every 10th training sentence")
	variants := flag.Bool("variants", false, "also write the model pruned at min updates 3, 4 and 6 (OUT.muN), to compare")
	news := flag.String("news", "", "PTB-tagged news (CoNLL-2003 columns, e.g. ner/conll2003/eng.train: research use only) that trains the tagger alone, relative to the shared data; empty: none")
	dictFolds := flag.Int("dict-folds", 10, "jackknife folds for the tag dictionary the training sentences see (1: the whole dictionary)")
	tagPasses := flag.Int("tag-passes", 1, "with -tune: 2 also trains and scores a second tagger pass that reads the first pass's tags to the right (not kept in the model)")
	beam := flag.Int("beam", 1, "parser beam width: > 1 goes on training after the greedy epochs with beam search and early update (-beam-epochs) and parses with that beam (1: greedy, dynamic oracle)")
	maxViolation := flag.Bool("max-violation", false, "with -beam > 1: the max-violation update instead of the early update")
	beamEpochs := flag.Int("beam-epochs", 4, "with -beam > 1: beam epochs after the -parse-epochs greedy ones")
	target := flag.Int("target", 1, "treebank whose conventions the model keeps (1 EWT, 2 LinES; 0: no per-treebank weights)")
	flag.Parse()
	if err := run(*out, *clusters, *casing, *tagEpochs, *parseEpochs, *folds, int32(*minUpdates), *explore, *withLinesDev, *noLines, *tune, *target, *heldout == "ewt", *variants, *news, *dictFolds, *tagPasses, *beam, *beamEpochs, *maxViolation); err != nil {
		fmt.Fprintln(os.Stderr, "parsetrain:", err)
		os.Exit(1)
	}
}

// Tokenize returns the byte spans of the text stage's tokens of s.
func Tokenize(s string) [][2]int {
	toks := text.Tokenize(s, 0, nil)
	out := make([][2]int, len(toks))
	for i, t := range toks {
		out[i] = [2]int{t.Start, t.End}
	}
	return out
}

func run(out, clusterPath, casingPath string, tagEpochs, parseEpochs, folds int, minUpdates int32, explore float64, linesDev, noLines, tune bool, target int, ewtHeld, variants bool, news string, dictFolds, tagPasses, beam, beamEpochs int, maxViolation bool) error {
	switch {
	case tagPasses != 1 && tagPasses != 2:
		return fmt.Errorf("-tag-passes %d: 1 or 2", tagPasses)
	case tagPasses == 2 && (!tune || folds < 2):
		return fmt.Errorf("-tag-passes 2 needs -tune and -folds 2 or more (the second pass is scored, not kept)")
	}
	files := trainFiles
	if noLines {
		files = files[1:]
	}
	if linesDev && !noLines {
		files = append(files, trainFile{"syntax/ud/en_lines-ud-dev.conllu", false, 2})
	}
	var sents []*syntax.Aligned
	var names []string
	merged, notTree := 0, 0
	for _, f := range files {
		p := shareddata.Path(f.rel)
		if p == "" {
			return fmt.Errorf("%s not found (../shared/data)", f.rel)
		}
		fh, err := os.Open(p)
		if err != nil {
			return err
		}
		ts, err := syntax.ReadCoNLLU(fh)
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", f.rel, err)
		}
		xpos := syntax.PTBFromUD
		if f.ptb {
			xpos = func(w syntax.Word) string { return w.XPOS }
		}
		for i := range ts {
			a := syntax.Align(&ts[i], Tokenize, xpos)
			a.Domain = f.domain
			if len(a.Forms) != len(ts[i].Words) {
				merged++
			}
			if !a.Tree {
				notTree++
			}
			sents = append(sents, a)
		}
		names = append(names, filepath.Base(p)+" ("+strconv.Itoa(len(ts))+" sentences)")
	}
	if news != "" {
		p := shareddata.Path(news)
		if p == "" {
			return fmt.Errorf("%s not found (../shared/data)", news)
		}
		ns, err := readNews(p)
		if err != nil {
			return err
		}
		sents = append(sents, ns...)
		names = append(names, filepath.Base(p)+" (PTB tags of "+strconv.Itoa(len(ns))+" sentences, tagger only)")
	}
	fmt.Fprintf(os.Stderr, "%d sentences; %d retokenized differently from UD; %d not a tree after retokenizing (left out of the parser's training)\n", len(sents), merged, notTree)
	cl, err := readClusters(clusterPath)
	if err != nil {
		return err
	}
	if err := readCasing(casingPath, cl); err != nil {
		return err
	}
	opt := syntax.TrainOptions{TagEpochs: tagEpochs, ParseEpochs: parseEpochs, Folds: folds, Seed: 13, Explore: explore, MinUpdates: minUpdates, Target: target, DictFolds: dictFolds, Beam: beam, BeamEpochs: beamEpochs, MaxViolation: maxViolation, Factored: *factored, OwnLabels: *ownLabels, Clusters: cl, Log: os.Stderr,
		Info: fmt.Sprintf("trained by tools/parsetrain on %s; tagger %d epochs, parser %d epochs, %d jackknife folds, %d tag dictionary folds, explore %.2f, min updates %d, target treebank %d",
			strings.Join(names, ", "), tagEpochs, parseEpochs, folds, dictFolds, explore, minUpdates, target)}
	if *factored {
		opt.Info += fmt.Sprintf(", move before label (%d labels with a move class of their own)", *ownLabels)
	}
	if beam > 1 {
		upd := "early update"
		if maxViolation {
			upd = "max-violation update"
		}
		opt.Info += fmt.Sprintf(", then %d epochs with beam %d (%s)", beamEpochs, beam, upd)
	}
	train := sents
	if tune {
		opt.TagPasses = tagPasses
		opt.ReportMinUpdates = []int32{1, 2, 3, 4, 6}
		train = nil
		ewt := 0
		for i, s := range sents {
			if s.Domain == 1 {
				ewt++
			}
			if ewtHeld && s.Domain == 1 && ewt%5 == 4 || !ewtHeld && i%10 == 9 {
				opt.Heldout = append(opt.Heldout, s)
			} else {
				train = append(train, s)
			}
		}
	}
	if !tune && variants {
		opt.VariantMinUpdates = []int32{3, 4, 6}
		opt.Variants = func(mu int32, m *syntax.Model) {
			p := fmt.Sprintf("%s.mu%d", out, mu)
			if err := os.WriteFile(p, m.Marshal(), 0o644); err == nil {
				fmt.Fprintf(os.Stderr, "wrote %s\n", p)
			}
		}
	}
	m, err := syntax.Train(train, opt)
	if err != nil {
		return err
	}
	if tune {
		return nil
	}
	b := m.Marshal()
	if err := os.WriteFile(out, b, 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", out, len(b))
	return nil
}

// readClusters reads word TAB path lines into word → bits | len<<24.
func readClusters(path string) (map[string]uint32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]uint32{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		w, p, ok := strings.Cut(sc.Text(), "\t")
		if !ok || len(p) == 0 || len(p) > 24 {
			continue
		}
		v, err := strconv.ParseUint(p, 2, 24)
		if err != nil {
			continue
		}
		out[strings.ToLower(w)] = uint32(v) | uint32(len(p))<<24
	}
	return out, sc.Err()
}

// readCasing adds the casing class (syntax.CasingClass) of every word of
// path to cl, in bits 29-31.
func readCasing(path string, cl map[string]uint32) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Split(sc.Text(), "\t")
		if len(fs) != 4 {
			continue
		}
		var n [3]int
		for i := range n {
			v, err := strconv.Atoi(fs[i+1])
			if err != nil {
				return fmt.Errorf("%s: %q: %w", path, sc.Text(), err)
			}
			n[i] = v
		}
		w := strings.ToLower(fs[0])
		cl[w] = cl[w]&(1<<29-1) | syntax.CasingClass(n[0], n[1], n[2])<<29
	}
	return sc.Err()
}

// readNews reads a CoNLL-2003 file (token, PTB tag, chunk, entity per
// line, a blank line between sentences) into tagger-only sentences
// (syntax.Aligned.TagsOnly, domain 3). Kept are sentences of five or more
// tokens with a verb and at most a quarter numbers: running text, not the
// results tables and datelines. A sentence written in capitals is folded
// to lower case, as the syntax stage folds it at run time.
func readNews(path string) ([]*syntax.Aligned, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []*syntax.Aligned
	var forms, tags []string
	flush := func() {
		defer func() { forms, tags = nil, nil }()
		verb, nums := false, 0
		var lc lettercase.Count
		for i, t := range tags {
			verb = verb || strings.HasPrefix(t, "VB") || t == "MD"
			if t == "CD" {
				nums++
			}
			lc.Add(forms[i])
		}
		if len(forms) < 5 || !verb || nums*4 > len(forms) {
			return
		}
		n := len(forms)
		a := &syntax.Aligned{Forms: forms, XPOS: tags, UPOS: make([]string, n), Lemma: make([]string, n), Dep: make([]string, n), Head: make([]int, n), Domain: 3, TagsOnly: true}
		for i := range a.Head {
			a.Head[i] = -1
			if lc.Capitals() {
				a.Forms[i] = strings.ToLower(a.Forms[i])
			}
		}
		out = append(out, a)
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 {
			flush()
			continue
		}
		if fs[0] == "-DOCSTART-" {
			continue
		}
		forms = append(forms, fs[0])
		tags = append(tags, newsTag(fs[0], fs[1]))
	}
	flush()
	return out, sc.Err()
}

// newsTag maps CoNLL-2003's PTB tags onto EWT's spelling of them: brackets
// are -LRB- / -RRB-, a straight double quote is “ or ” (left to the
// tagger: it gets a tag no class has, so it teaches nothing).
func newsTag(form, tag string) string {
	switch tag {
	case "(":
		return "-LRB-"
	case ")":
		return "-RRB-"
	case "\"":
		return "?"
	}
	return tag
}
