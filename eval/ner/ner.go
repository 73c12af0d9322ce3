// Package ner evaluates named-entity recognition on CoNLL-2003 formatted
// data: exact-span precision, recall and F1 per type (PER, LOC, ORG, MISC),
// for PER+LOC+ORG (without MISC) and for all four types, plus throughput.
//
// The tagging function is either the raw statistical tagger (TaggerFunc) or
// a full pipeline whose mentions are mapped back to CoNLL tokens (StageFunc).
package ner

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	tagger "github.com/newsgraph/newsgraph/ner"
)

// TagFunc tags the sentences of one document (words per sentence) and
// returns spans per sentence (token indices, CoNLL types).
type TagFunc func(ctx context.Context, sentences [][]string) ([][]tagger.Span, error)

// TaggerFunc returns a TagFunc that runs the statistical tagger t directly.
func TaggerFunc(t *tagger.Tagger) TagFunc {
	return func(_ context.Context, sentences [][]string) ([][]tagger.Span, error) {
		return t.Tag(sentences), nil
	}
}

// StageFunc returns a TagFunc that builds a Document from the sentences
// (BuildDocument), runs process over it (the entities stage, or a whole
// pipeline) and maps its name mentions back to the CoNLL tokens by byte
// offsets. The mapping uses the tokens BuildDocument made, kept aside, so a
// process that re-segments the text (the text stage) does not disturb it.
func StageFunc(process func(context.Context, *document.Document) error) TagFunc {
	return func(ctx context.Context, sentences [][]string) ([][]tagger.Span, error) {
		d := BuildDocument("conll", sentences)
		toks := append([]document.Token(nil), d.Tokens...)
		sents := append([]document.Sentence(nil), d.Sentences...)
		if err := process(ctx, d); err != nil {
			return nil, fmt.Errorf("ner eval: %w", err)
		}
		return mentionSpans(d.Mentions, toks, sents), nil
	}
}

// BuildDocument returns a Document whose text is the words of each sentence
// joined by single spaces, one sentence per line, with the sentences and
// tokens layers (and one paragraph) filled directly so that tokenization
// matches the input exactly.
func BuildDocument(id string, sentences [][]string) *document.Document {
	n := 0
	for _, s := range sentences {
		for _, w := range s {
			n += len(w) + 1
		}
	}
	buf := make([]byte, 0, n)
	var toks []document.Token
	var sents []document.Sentence
	for si, s := range sentences {
		if si > 0 {
			buf = append(buf, '\n')
		}
		sent := document.Sentence{Span: document.Span{Start: len(buf)}, FirstToken: len(toks)}
		for wi, w := range s {
			if wi > 0 {
				buf = append(buf, ' ')
			}
			start := len(buf)
			buf = append(buf, w...)
			toks = append(toks, document.Token{Span: document.Span{Start: start, End: len(buf)}, Kind: kindOf(w), SpaceBefore: true})
		}
		sent.End = len(buf)
		sent.EndToken = len(toks)
		sents = append(sents, sent)
	}
	d := document.New(id, string(buf))
	d.Tokens = toks
	d.Sentences = sents
	if len(buf) > 0 {
		d.Paragraphs = []document.Span{{Start: 0, End: len(buf)}}
	}
	return d
}

func kindOf(w string) document.TokenKind {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLetter(r):
		return document.Word
	case unicode.IsDigit(r):
		return document.Number
	case unicode.IsPunct(r):
		return document.Punct
	default:
		return document.Symbol
	}
}

// ConllType maps a mention type to its CoNLL type: PERSON→PER, GPE and
// LOC→LOC, ORG→ORG, NORP, FAC, EVENT, LAW and MISC→MISC; "" for others.
func ConllType(t document.EntityType) string {
	switch t {
	case document.Person:
		return "PER"
	case document.GPE, document.Loc:
		return "LOC"
	case document.Org:
		return "ORG"
	case document.NORP, document.FAC, document.EventName, document.Law, document.Misc:
		return "MISC"
	}
	return ""
}

// MentionSpans maps d's name mentions to token spans per sentence of d: a
// mention covers every token it overlaps, within the sentence where it
// starts. Mentions that are not names, or whose type has no CoNLL
// equivalent, are skipped.
func MentionSpans(d *document.Document) [][]tagger.Span {
	return mentionSpans(d.Mentions, d.Tokens, d.Sentences)
}

func mentionSpans(ms []document.Mention, toks []document.Token, sents []document.Sentence) [][]tagger.Span {
	out := make([][]tagger.Span, len(sents))
	for _, m := range ms {
		if m.Kind != document.Name {
			continue
		}
		typ := ConllType(m.Type)
		if typ == "" || m.End <= m.Start {
			continue
		}
		// The first token ending after m.Start.
		a := sort.Search(len(toks), func(i int) bool { return toks[i].End > m.Start })
		if a == len(toks) || toks[a].Start >= m.End {
			continue
		}
		// Its sentence: the last one starting at or before token a.
		si := sort.Search(len(sents), func(i int) bool { return sents[i].FirstToken > a }) - 1
		if si < 0 || a >= sents[si].EndToken {
			continue
		}
		s := sents[si]
		b := a
		for b < s.EndToken && toks[b].Start < m.End {
			b++
		}
		out[si] = append(out[si], tagger.Span{Start: a - s.FirstToken, End: b - s.FirstToken, Type: typ, Score: 1})
	}
	return out
}

// Counts holds exact-span scores per CoNLL type.
type Counts map[string]*eval.Score

// Add scores predicted spans against gold spans for one sentence.
func (c Counts) Add(gold, pred []tagger.Span) {
	type key struct {
		a, b int
		t    string
	}
	g := make(map[key]bool, len(gold))
	for _, s := range gold {
		g[key{s.Start, s.End, s.Type}] = true
	}
	get := func(t string) *eval.Score {
		if c[t] == nil {
			c[t] = &eval.Score{}
		}
		return c[t]
	}
	seen := make(map[key]bool, len(pred))
	for _, s := range pred {
		k := key{s.Start, s.End, s.Type}
		if seen[k] {
			continue
		}
		seen[k] = true
		if g[k] {
			get(s.Type).TP++
		} else {
			get(s.Type).FP++
		}
	}
	for k := range g {
		if !seen[k] {
			get(k.t).FN++
		}
	}
}

// Sum returns the total over the given types.
func (c Counts) Sum(types ...string) eval.Score {
	var s eval.Score
	for _, t := range types {
		if x := c[t]; x != nil {
			s.Add(*x)
		}
	}
	return s
}

// Row names in the report.
const (
	RowNoMisc = "PER+LOC+ORG"
	RowAll    = "PER+LOC+ORG+MISC"
)

// Recase returns a copy of docs whose words are in letter case c (the gold
// tags unchanged): the upper- and lower-cased variants of a CoNLL file.
func Recase(docs []tagger.Doc, c eval.Case) []tagger.Doc {
	if c == eval.AsIs {
		return docs
	}
	out := make([]tagger.Doc, len(docs))
	for i, d := range docs {
		out[i].Sentences = make([]tagger.Sentence, len(d.Sentences))
		for j, s := range d.Sentences {
			ws := make([]string, len(s.Words))
			for k, w := range s.Words {
				ws[k] = c.Apply(w)
			}
			out[i].Sentences[j] = tagger.Sentence{Words: ws, Tags: s.Tags}
		}
	}
	return out
}

// Score tags every document of docs with tag and returns the counts, the
// number of tokens and the time spent tagging.
func Score(ctx context.Context, docs []tagger.Doc, tag TagFunc) (Counts, int, time.Duration, error) {
	c := Counts{}
	tokens := 0
	var spent time.Duration
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return nil, 0, 0, err
		}
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
			tokens += len(s.Words)
		}
		t0 := time.Now()
		pred, err := tag(ctx, words)
		spent += time.Since(t0)
		if err != nil {
			return nil, 0, 0, err
		}
		for i, s := range d.Sentences {
			var p []tagger.Span
			if i < len(pred) {
				p = pred[i]
			}
			c.Add(tagger.SpansFromTags(s.Tags), p)
		}
	}
	return c, tokens, spent, nil
}

// Evaluate reads the CoNLL file at path, tags it with tag (the embedded
// tagger when tag is nil) and returns the report: one row per type, the
// PER+LOC+ORG and PER+LOC+ORG+MISC totals, and tokens/s.
func Evaluate(ctx context.Context, path string, tag TagFunc) (*eval.Report, error) {
	return EvaluateCase(ctx, path, tag, eval.AsIs)
}

// EvaluateCase is Evaluate on the file's words in letter case c (upper- or
// lower-cased; the gold spans are the same).
func EvaluateCase(ctx context.Context, path string, tag TagFunc, lc eval.Case) (*eval.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("ner eval: %w", err)
	}
	defer f.Close()
	docs, err := tagger.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("ner eval: %w", err)
	}
	mode := "pipeline mentions"
	if tag == nil {
		t, err := tagger.Default()
		if err != nil {
			return nil, fmt.Errorf("ner eval: %w", err)
		}
		tag = TaggerFunc(t)
		mode = "statistical tagger"
	}
	c, tokens, spent, err := Score(ctx, Recase(docs, lc), tag)
	if err != nil {
		return nil, fmt.Errorf("ner eval: %w", err)
	}
	r := &eval.Report{Layer: "ner", Data: filepath.Base(path) + lc.Label() + " (" + mode + ")"}
	for _, t := range tagger.Types {
		r.AddScore(t, c.Sum(t))
	}
	r.AddScore(RowNoMisc, c.Sum("PER", "LOC", "ORG"))
	r.AddScore(RowAll, c.Sum("PER", "LOC", "ORG", "MISC"))
	if spent > 0 {
		r.AddMetric("tokens/s", float64(tokens)/spent.Seconds(), "tokens/s")
	}
	r.AddMetric("tokens", float64(tokens), "")
	r.Notes = append(r.Notes, "exact token spans; tagged by "+mode)
	if all := c.Sum("PER", "LOC", "ORG", "MISC"); all.TP+all.FP == 0 && all.FN > 0 {
		r.Notes = append(r.Notes, "nothing was tagged: does the pipeline have a stage that provides mentions? (--raw evaluates the statistical tagger)")
	}
	return r, nil
}

// DefaultData lists the CoNLL files (relative to the shared data directory)
// that All evaluates.
var DefaultData = []string{"ner/conll2003/eng.testa"}

// All evaluates every default data file present with the raw tagger and,
// when process is not nil, with the mentions process produces, as written
// and upper- and lower-cased (four reports per file); it returns no reports
// when the data is absent.
func All(ctx context.Context, process func(context.Context, *document.Document) error) ([]*eval.Report, error) {
	var out []*eval.Report
	for _, rel := range DefaultData {
		p := shareddata.Path(rel)
		if p == "" {
			continue
		}
		r, err := Evaluate(ctx, p, nil)
		if err != nil {
			return out, err
		}
		out = append(out, r)
		if process != nil {
			for _, lc := range []eval.Case{eval.AsIs, eval.Upper, eval.Lower} {
				r, err := EvaluateCase(ctx, p, StageFunc(process), lc)
				if err != nil {
					return out, err
				}
				out = append(out, r)
			}
		}
	}
	return out, nil
}

// Main runs `newsgraph eval ner --conll FILE [--json]` with the raw tagger and
// returns the exit code: 0 ok, 1 failure, 2 usage.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith is Main with a pipeline's process whose mentions are evaluated
// (nil, or the --raw flag, evaluates the raw tagger).
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fs := flag.NewFlagSet("eval ner", flag.ContinueOnError)
	fs.SetOutput(stderr)
	conll := fs.String("conll", "", "CoNLL-2003 file to evaluate on (default: the shared eng.testa)")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	raw := fs.Bool("raw", false, "evaluate the raw statistical tagger even when a pipeline is available")
	caseName := fs.String("case", "", "letter case of the words: upper or lower (default: as written)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	lc, err := eval.ParseCase(*caseName)
	if err != nil {
		fmt.Fprintf(stderr, "eval ner: --case: %v\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval ner: unexpected arguments %q\n", fs.Args())
		return 2
	}
	path := *conll
	if path == "" {
		path = shareddata.Path(DefaultData[0])
		if path == "" {
			fmt.Fprintln(stderr, "eval ner: no --conll FILE given and no shared data found")
			return 2
		}
	}
	var tag TagFunc
	if process != nil && !*raw {
		tag = StageFunc(process)
	}
	r, err := EvaluateCase(ctx, path, tag, lc)
	if err != nil {
		fmt.Fprintf(stderr, "eval ner: %v\n", err)
		return 1
	}
	err = r.Write(stdout, *asJSON)
	if err != nil {
		fmt.Fprintf(stderr, "eval ner: %v\n", err)
		return 1
	}
	return 0
}
