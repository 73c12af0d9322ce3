// Package syntax evaluates the syntax stage (package syntax) on Universal
// Dependencies CoNLL-U files: UPOS, PTB tag, lemma accuracy, UAS and LAS,
// all scored on UD words with punctuation included (the CoNLL 2018 shared
// task's convention), two ways:
//
//   - "gold sentences": each UD sentence's text is rebuilt from its tokens,
//     tokenized by the text stage and analyzed by the syntax model alone
//     (the parser's own accuracy, and its speed);
//   - "extract": each UD document's text (paragraphs from "# newpar") goes
//     through the full pipeline given, with the text stage's own sentences
//     and tokens, as extract --with-tokens sees it.
//
// The parser works on text-stage tokens, which are sometimes coarser than
// UD words ("cease-fire" is one token where EWT has three words, "cannot"
// one where UD has "can" + "not"). Predictions are mapped back to UD words
// without looking at the gold: a token's analysis goes to its last word
// that is not punctuation; its other words attach to that word ("punct"
// for punctuation, "compound" otherwise) with the token's part of speech
// (PUNCT and HYPH for punctuation) and their lower-cased form as lemma.
// Multiword tokens that the text stage splits as UD does ("don't" = "do"
// + "n't", "Kenya's" = "Kenya" + "'s") are scored word by word like any
// other; the rest count through this mapping. A word split over several
// tokens takes the first token's analysis.
package syntax

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	model "github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/text"
)

// DefaultData are the evaluation splits, never trained or tuned on.
var DefaultData = []string{"syntax/ud/en_ewt-ud-test.conllu", "syntax/ud/en_lines-ud-test.conllu"}

// Process is a pipeline's document function.
type Process = func(context.Context, *document.Document) error

// Scores counts word-level agreement.
type Scores struct {
	Words, UPOS, XPOS, Lemma, UAS, LAS int
	Tokens                             int // text-stage tokens analyzed
	Elapsed                            time.Duration
}

func (s *Scores) add(gold model.Word, xpos string, p pred) {
	s.Words++
	if p.upos == gold.UPOS {
		s.UPOS++
	}
	if p.xpos == xpos {
		s.XPOS++
	}
	if p.lemma == gold.Lemma || strings.EqualFold(p.lemma, gold.Lemma) && gold.UPOS != "PROPN" {
		s.Lemma++
	}
	if p.head == gold.Head {
		s.UAS++
		if p.dep == gold.Deprel {
			s.LAS++
		}
	}
}

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// pred is the predicted analysis of one UD word; head is 1-based (0 root).
type pred struct {
	upos, xpos, lemma, dep string
	head                   int
}

// tokAnalysis is a text token's predicted analysis; head indexes the
// same token list (-1 root).
type tokAnalysis struct {
	span                   [2]int
	upos, xpos, lemma, dep string
	head                   int
}

// mapBack maps token analyses onto the words of one sentence whose word
// spans (in the same text as the token spans) are wspans; off is the
// sentence's first word's index in a document-wide numbering (0 here).
func mapBack(words []model.Word, wspans [][2]int, toks []tokAnalysis) []pred {
	nw := len(words)
	tokOf := make([]int, nw)
	for w := range tokOf {
		tokOf[w] = -1
	}
	t := 0
	for w, sp := range wspans {
		for t < len(toks) && toks[t].span[1] <= sp[0] {
			t++
		}
		if t < len(toks) && toks[t].span[0] < sp[1] {
			tokOf[w] = t
		}
	}
	// representative word of each token: its last non-punctuation word
	rep := map[int]int{}
	for w := 0; w < nw; w++ {
		tk := tokOf[w]
		if tk < 0 {
			continue
		}
		r, ok := rep[tk]
		if !ok || !isPunctForm(words[w].Form) || isPunctForm(words[r].Form) {
			rep[tk] = w
		}
	}
	out := make([]pred, nw)
	for w := 0; w < nw; w++ {
		tk := tokOf[w]
		if tk < 0 {
			out[w] = pred{upos: "X", xpos: "FW", lemma: words[w].Form, dep: "dep", head: 0}
			continue
		}
		a := toks[tk]
		r := rep[tk]
		if r != w {
			p := pred{upos: a.upos, xpos: a.xpos, lemma: strings.ToLower(words[w].Form), dep: "compound", head: r + 1}
			if isPunctForm(words[w].Form) {
				p.upos, p.xpos, p.dep, p.lemma = "PUNCT", "HYPH", "punct", words[w].Form
			}
			out[w] = p
			continue
		}
		p := pred{upos: a.upos, xpos: a.xpos, lemma: a.lemma, dep: a.dep}
		if a.head >= 0 {
			if hr, ok := rep[a.head]; ok {
				p.head = hr + 1
			} else {
				p.head = -1 // a head outside the sentence: wrong
			}
		}
		out[w] = p
	}
	return out
}

func isPunctForm(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// goldXPOS returns the PTB tag a word is scored against: the XPOS column
// for EWT, the tag derived from UPOS and features for LinES.
func goldXPOS(ptb bool) func(model.Word) string {
	if ptb {
		return func(w model.Word) string { return w.XPOS }
	}
	return model.PTBFromUD
}

func hasPTB(path string) bool { return strings.Contains(filepath.Base(path), "ewt") }

func tokenize(s string) [][2]int {
	toks := text.Tokenize(s, 0, nil)
	out := make([][2]int, len(toks))
	for i, t := range toks {
		out[i] = [2]int{t.Start, t.End}
	}
	return out
}

func wordSpans(s *model.TreebankSentence) (string, [][2]int) { return s.WordSpans() }

// EvaluateSentences scores the model alone on the gold sentences of path.
func EvaluateSentences(ctx context.Context, path string, m *model.Model) (Scores, error) {
	sents, err := readFile(path)
	if err != nil {
		return Scores{}, err
	}
	xp := goldXPOS(hasPTB(path))
	p := model.NewParser(m)
	var sc Scores
	var a model.Analysis
	var forms []string
	var elapsed time.Duration
	for i := range sents {
		if err := ctx.Err(); err != nil {
			return sc, err
		}
		s := &sents[i]
		txt, wspans := wordSpans(s)
		spans := tokenize(txt)
		forms = forms[:0]
		for _, sp := range spans {
			forms = append(forms, txt[sp[0]:sp[1]])
		}
		t0 := time.Now()
		p.Analyze(forms, &a)
		elapsed += time.Since(t0)
		toks := make([]tokAnalysis, len(spans))
		for k, sp := range spans {
			toks[k] = tokAnalysis{span: sp, upos: a.POS[k], xpos: a.Tag[k], lemma: a.Lemma[k], dep: a.Dep[k], head: a.Head[k]}
		}
		sc.Tokens += len(spans)
		for w, pr := range mapBack(s.Words, wspans, toks) {
			sc.add(s.Words[w], xp(s.Words[w]), pr)
		}
	}
	sc.Elapsed = elapsed
	return sc, nil
}

// EvaluateExtract scores process (a full pipeline) on the documents of
// path: text rebuilt per UD document, sentences and tokens the text
// stage's own.
func EvaluateExtract(ctx context.Context, path string, process Process) (Scores, error) {
	sents, err := readFile(path)
	if err != nil {
		return Scores{}, err
	}
	xp := goldXPOS(hasPTB(path))
	var sc Scores
	for i := 0; i < len(sents); {
		j := i + 1
		for j < len(sents) && !sents[j].NewDoc {
			j++
		}
		if err := scoreDocument(ctx, sents[i:j], process, xp, &sc); err != nil {
			return sc, err
		}
		i = j
	}
	return sc, nil
}

func scoreDocument(ctx context.Context, sents []model.TreebankSentence, process Process, xp func(model.Word) string, sc *Scores) error {
	var b strings.Builder
	offs := make([]int, len(sents))
	spans := make([][][2]int, len(sents))
	for k := range sents {
		txt, ws := wordSpans(&sents[k])
		if k > 0 {
			if sents[k].NewPar {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
		}
		offs[k] = b.Len()
		b.WriteString(txt)
		spans[k] = ws
	}
	d := document.New("ud", b.String())
	t0 := time.Now()
	if err := process(ctx, d); err != nil {
		return err
	}
	sc.Elapsed += time.Since(t0)
	sc.Tokens += len(d.Tokens)
	toks := make([]tokAnalysis, len(d.Tokens))
	for k, t := range d.Tokens {
		toks[k] = tokAnalysis{span: [2]int{t.Start, t.End}, upos: t.POS, xpos: t.Tag, lemma: t.Lemma, dep: t.Dep, head: t.Head}
	}
	// map every sentence's words against all tokens (heads may point into
	// another UD sentence when the text stage's sentences differ: wrong)
	var allWords []model.Word
	var allSpans [][2]int
	first := make([]int, len(sents))
	for k := range sents {
		first[k] = len(allWords)
		for w, sp := range spans[k] {
			allWords = append(allWords, sents[k].Words[w])
			allSpans = append(allSpans, [2]int{sp[0] + offs[k], sp[1] + offs[k]})
		}
	}
	preds := mapBack(allWords, allSpans, toks)
	for k := range sents {
		for w := range sents[k].Words {
			p := preds[first[k]+w]
			// document-wide 1-based head → sentence-relative
			switch {
			case p.head == 0:
			case p.head-1 >= first[k] && p.head-1 < first[k]+len(sents[k].Words):
				p.head -= first[k]
			default:
				p.head = -1
			}
			sc.add(sents[k].Words[w], xp(sents[k].Words[w]), p)
		}
	}
	return nil
}

func readFile(path string) ([]model.TreebankSentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("syntax: eval: %w", err)
	}
	defer f.Close()
	s, err := model.ReadCoNLLU(f)
	if err != nil {
		return nil, fmt.Errorf("syntax: eval: %s: %w", path, err)
	}
	if len(s) == 0 {
		return nil, fmt.Errorf("syntax: eval: %s holds no sentence", path)
	}
	return s, nil
}

// Report evaluates path with the embedded model on gold sentences and,
// when process is not nil, through process.
func Report(ctx context.Context, path string, process Process) (*eval.Report, error) {
	m, err := model.Default()
	if err != nil {
		return nil, err
	}
	gs, err := EvaluateSentences(ctx, path, m)
	if err != nil {
		return nil, err
	}
	r := &eval.Report{Layer: "syntax", Data: path}
	addScores(r, "", gs)
	r.AddMetric("tokens/s (tag+parse+lemma, one core)", float64(gs.Tokens)/gs.Elapsed.Seconds(), "tokens/s")
	if process != nil {
		es, err := EvaluateExtract(ctx, path, process)
		if err != nil {
			return nil, err
		}
		addScores(r, "extract ", es)
	}
	xp := "PTB tags: the XPOS column"
	if !hasPTB(path) {
		xp = "PTB tags: derived from UPOS and features (syntax.PTBFromUD), LinES has its own XPOS"
	}
	r.Notes = append(r.Notes, "scored on UD words, punctuation included; a text-stage token covering several words gives its analysis to its last non-punctuation word (see package doc)", xp,
		"extract: the full pipeline over each UD document's text, the text stage's sentences and tokens")
	return r, nil
}

func addScores(r *eval.Report, prefix string, s Scores) {
	r.AddMetric(prefix+"UPOS", frac(s.UPOS, s.Words), "")
	r.AddMetric(prefix+"XPOS (PTB)", frac(s.XPOS, s.Words), "")
	r.AddMetric(prefix+"lemma", frac(s.Lemma, s.Words), "")
	r.AddMetric(prefix+"UAS", frac(s.UAS, s.Words), "")
	r.AddMetric(prefix+"LAS", frac(s.LAS, s.Words), "")
	r.AddMetric(prefix+"words", float64(s.Words), "")
}

// All evaluates every default split present.
func All(ctx context.Context, process Process) ([]*eval.Report, error) {
	var out []*eval.Report
	for _, rel := range DefaultData {
		p := shareddata.Path(rel)
		if p == "" {
			continue
		}
		r, err := Report(ctx, p, process)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}

// MainWith runs `newsgraph eval syntax [--ud FILE] [--json]`; process is
// the full pipeline for the extract scores (nil skips them).
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process Process) int {
	fs := flag.NewFlagSet("eval syntax", flag.ContinueOnError)
	fs.SetOutput(stderr)
	ud := fs.String("ud", "", "CoNLL-U file to evaluate on (default: the shared EWT test and LinES test)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	noExtract := fs.Bool("no-extract", false, "score the syntax model on gold sentences only, not through the full pipeline")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval syntax: unexpected arguments %q\n", fs.Args())
		return 2
	}
	if *noExtract {
		process = nil
	}
	var paths []string
	if *ud != "" {
		paths = []string{*ud}
	} else {
		for _, rel := range DefaultData {
			if p := shareddata.Path(rel); p != "" {
				paths = append(paths, p)
			}
		}
		if len(paths) == 0 {
			fmt.Fprintln(stderr, "eval syntax: no --ud FILE given and no shared data found")
			return 2
		}
	}
	for _, p := range paths {
		r, err := Report(ctx, p, process)
		if err != nil {
			fmt.Fprintf(stderr, "eval syntax: %v\n", err)
			return 1
		}
		if err := r.Write(stdout, *asJSON); err != nil {
			fmt.Fprintf(stderr, "eval syntax: %v\n", err)
			return 1
		}
	}
	return 0
}
