// Package text evaluates the text stage (tokens and sentence boundaries) on
// CoNLL-2003 formatted data.
package text

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	textstage "github.com/newsgraph/newsgraph/text"
)

// DefaultEvalData is the shared-data file Report evaluates on.
const DefaultEvalData = "ner/conll2003/eng.testa"

// EvalCoNLL evaluates the text stage against a CoNLL-2003 file read from r
// (name says what it is in the report). Each document's text is rebuilt from
// its gold tokens: tokens joined by one space, sentences without final
// punctuation (headlines, datelines, bylines) ended by a newline as in wire
// copy, the others joined by a space. It reports
//   - "tokens": gold tokens reproduced exactly (a token the stage splits
//     further or merges counts as a false negative, each wrong piece as a
//     false positive);
//   - "sentence boundaries": sentence ends found versus gold ends.
//
// It returns an error only when r cannot be read or holds no document.
func EvalCoNLL(ctx context.Context, r io.Reader, name string) (*eval.Report, error) {
	var tok, sent eval.Score
	docs := 0
	var cur [][]string
	var s []string
	flushSent := func() {
		if len(s) > 0 {
			cur = append(cur, s)
			s = nil
		}
	}
	flushDoc := func() {
		flushSent()
		if len(cur) > 0 {
			t, b := scoreDoc(cur)
			tok.Add(t)
			sent.Add(b)
			docs++
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("text: eval: %w", err)
		}
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			flushDoc()
			continue
		}
		if strings.TrimSpace(line) == "" {
			flushSent()
			continue
		}
		if i := strings.IndexByte(line, ' '); i > 0 {
			s = append(s, line[:i])
		} else {
			s = append(s, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("text: eval: read %s: %w", name, err)
	}
	flushDoc()
	if docs == 0 {
		return nil, fmt.Errorf("text: eval: %s holds no document", name)
	}
	rep := &eval.Report{Layer: "text", Data: name}
	rep.AddScore("tokens", tok)
	rep.AddScore("sentence boundaries", sent)
	rep.AddMetric("documents", float64(docs), "")
	rep.Notes = append(rep.Notes, "text rebuilt from gold tokens: one space between tokens, a newline after sentences without final punctuation")
	return rep, nil
}

// scoreDoc rebuilds one document and scores tokens and sentence ends.
func scoreDoc(sents [][]string) (tok, bound eval.Score) {
	var b strings.Builder
	gold := map[document.Span]bool{}
	ends := map[int]bool{}
	for i, s := range sents {
		for j, w := range s {
			if j > 0 {
				b.WriteByte(' ')
			}
			start := b.Len()
			b.WriteString(w)
			gold[document.Span{Start: start, End: b.Len()}] = true
		}
		ends[b.Len()] = true
		if i+1 < len(sents) {
			last := s[len(s)-1]
			if last == "." || last == "?" || last == "!" || last == "\"" || last == "'" || last == ")" {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
	}
	d := document.New("conll", b.String())
	textstage.Annotate(d)
	for _, t := range d.Tokens {
		if gold[t.Span] {
			tok.TP++
		} else {
			tok.FP++
		}
	}
	tok.FN = len(gold) - tok.TP
	for _, x := range d.Sentences {
		if ends[x.End] {
			bound.TP++
		} else {
			bound.FP++
		}
	}
	bound.FN = len(ends) - bound.TP
	return tok, bound
}

// Report evaluates the text stage on DefaultEvalData in the shared data
// directory. It returns an error when the data is absent.
func Report(ctx context.Context) (*eval.Report, error) {
	p := shareddata.Path(DefaultEvalData)
	if p == "" {
		return nil, fmt.Errorf("text: eval: shared data %s not found", DefaultEvalData)
	}
	return evalFile(ctx, p)
}

func evalFile(ctx context.Context, path string) (*eval.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("text: eval: %w", err)
	}
	defer f.Close()
	return EvalCoNLL(ctx, f, path)
}

// Main runs the text stage's evaluation as a command: flags -data (a
// CoNLL-2003 file; default the shared eng.testa) and -format (text, markdown
// or json). It returns 0 on success, 1 on failure and 2 on a usage error.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("eval text", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "", "CoNLL-2003 file (default: shared data "+DefaultEvalData+")")
	format := fs.String("format", "text", "output format: text, markdown or json")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval text: unexpected arguments %q\n", fs.Args())
		return 2
	}
	var rep *eval.Report
	var err error
	if *data == "" {
		rep, err = Report(ctx)
	} else {
		rep, err = evalFile(ctx, *data)
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	switch *format {
	case "text":
		err = rep.WriteText(stdout)
	case "markdown", "md":
		err = rep.WriteMarkdown(stdout)
	case "json":
		err = rep.WriteJSON(stdout)
	default:
		fmt.Fprintf(stderr, "eval text: unknown format %q\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
