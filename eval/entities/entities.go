// Package entities evaluates the entities stage on embedded golden wire
// stories (testdata/stories): each expectation names a mention, the entity
// it must resolve to and that entity's CAMEO actor code.
package entities

import (
	"bufio"
	"context"
	"embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	entstage "github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/text"
)

//go:embed testdata/stories
var stories embed.FS

// Expectation is one line of a golden story file: the n-th occurrence
// (1-based, exact case) of Mention in the text must be a mention whose
// entity is named Entity and has actor code Actor ("" for none).
type Expectation struct {
	Mention    string
	Occurrence int
	Entity     string
	Actor      string
}

// Story is a wire story with its golden expectations.
type Story struct {
	Name   string
	Text   string
	Expect []Expectation
}

// Stories returns the embedded golden stories (testdata/stories/*.txt with
// *.golden files of tab-separated expectations).
func Stories() ([]Story, error) {
	names, err := fs.Glob(stories, "testdata/stories/*.txt")
	if err != nil {
		return nil, fmt.Errorf("entities: stories: %w", err)
	}
	var out []Story
	for _, n := range names {
		txt, err := stories.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("entities: stories: %w", err)
		}
		g, err := stories.ReadFile(strings.TrimSuffix(n, ".txt") + ".golden")
		if err != nil {
			return nil, fmt.Errorf("entities: stories: %w", err)
		}
		exp, err := ParseGolden(strings.NewReader(string(g)))
		if err != nil {
			return nil, fmt.Errorf("entities: stories: %s: %w", n, err)
		}
		out = append(out, Story{Name: strings.TrimSuffix(path.Base(n), ".txt"), Text: string(txt), Expect: exp})
	}
	return out, nil
}

// ParseGolden reads expectations: one per line, "mention TAB occurrence TAB
// entity name TAB actor"; "#" starts a comment line.
func ParseGolden(r io.Reader) ([]Expectation, error) {
	var out []Expectation
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("line %d: want 4 tab-separated fields, have %d", n, len(f))
		}
		occ, err := strconv.Atoi(f[1])
		if err != nil || occ < 1 {
			return nil, fmt.Errorf("line %d: bad occurrence %q", n, f[1])
		}
		out = append(out, Expectation{Mention: f[0], Occurrence: occ, Entity: f[2], Actor: f[3]})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// Failure is an expectation a document does not meet.
type Failure struct {
	Expectation
	Got string // what was found instead
}

// Check scores d (already processed) against exp: for each expectation,
// whether the mention exists with its exact span (mention), whether its
// entity has the expected name (coref) and the expected actor (actor).
func Check(d *document.Document, exp []Expectation) (mention, coref, actor eval.Score, fails []Failure) {
	for _, e := range exp {
		span, ok := nthIndex(d.Text, e.Mention, e.Occurrence)
		if !ok {
			fails = append(fails, Failure{e, "mention text not in story"})
			mention.FN++
			coref.FN++
			actor.FN++
			continue
		}
		mi := -1
		for i, m := range d.Mentions {
			if m.Span == span {
				mi = i
				break
			}
		}
		if mi < 0 {
			fails = append(fails, Failure{e, "no mention with this exact span"})
			mention.FN++
			coref.FN++
			actor.FN++
			continue
		}
		mention.TP++
		m := d.Mentions[mi]
		if m.Entity < 0 || m.Entity >= len(d.Entities) {
			fails = append(fails, Failure{e, "unresolved"})
			coref.FN++
			actor.FN++
			continue
		}
		ent := d.Entities[m.Entity]
		if ent.Name == e.Entity {
			coref.TP++
		} else {
			coref.FP++
			fails = append(fails, Failure{e, fmt.Sprintf("entity %q", ent.Name)})
		}
		if ent.Actor == e.Actor {
			actor.TP++
		} else {
			actor.FP++
			fails = append(fails, Failure{e, fmt.Sprintf("actor %q", ent.Actor)})
		}
	}
	return mention, coref, actor, fails
}

// nthIndex finds the n-th whole-word occurrence of sub in s (case-sensitive).
func nthIndex(s, sub string, n int) (document.Span, bool) {
	off := 0
	for {
		i := strings.Index(s[off:], sub)
		if i < 0 || sub == "" {
			return document.Span{}, false
		}
		st, en := off+i, off+i+len(sub)
		off = st + 1
		if wordByteBefore(s, st) || wordByteAt(s, en) {
			continue
		}
		n--
		if n == 0 {
			return document.Span{Start: st, End: en}, true
		}
	}
}

func wordByteBefore(s string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func wordByteAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return i < len(s) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Evaluate runs process (a pipeline's Process that fills tokens, sentences
// and entities; nil means the text and entities stages built here) over the
// embedded golden stories and reports mention, coreference and actor-code
// accuracy. failures, when not nil, receives one line per unmet
// expectation.
func Evaluate(ctx context.Context, process func(context.Context, *document.Document) error, failures io.Writer) (*eval.Report, error) {
	if process == nil {
		p, err := textAndEntities()
		if err != nil {
			return nil, err
		}
		process = p
	}
	sts, err := Stories()
	if err != nil {
		return nil, err
	}
	rep := &eval.Report{Layer: "entities", Data: "embedded golden wire stories (eval/entities/testdata/stories): exact mention spans, coreference (entity name), CAMEO actor codes"}
	var mention, coref, actor eval.Score
	for _, st := range sts {
		d := document.New(st.Name, st.Text)
		if err := process(ctx, d); err != nil {
			return nil, fmt.Errorf("entities: eval %s: %w", st.Name, err)
		}
		m, c, a, fails := Check(d, st.Expect)
		mention.Add(m)
		coref.Add(c)
		actor.Add(a)
		if failures != nil {
			for _, f := range fails {
				fmt.Fprintf(failures, "%s: %q #%d: want entity %q actor %q: %s\n", st.Name, f.Mention, f.Occurrence, f.Entity, f.Actor, f.Got)
			}
		}
	}
	rep.AddScore("mentions", mention)
	rep.AddScore("coreference", coref)
	rep.AddScore("actors", actor)
	return rep, nil
}

// textAndEntities returns the text and entities stages as one Process.
func textAndEntities() (func(context.Context, *document.Document) error, error) {
	s, err := entstage.New(entstage.Options{})
	if err != nil {
		return nil, err
	}
	return func(ctx context.Context, d *document.Document) error {
		if err := text.New().Process(ctx, d); err != nil {
			return err
		}
		return s.Process(ctx, d)
	}, nil
}

// Main is `newsgraph eval entities`: it scores the stage on the embedded
// golden stories and prints the report. Flags: -v lists unmet
// expectations, -format text|markdown|json. Exit codes: 0 ok, 1 failure,
// 2 usage.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, nil)
}

// MainWith is Main over a given pipeline Process (nil: text + entities).
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process func(context.Context, *document.Document) error) int {
	fset := flag.NewFlagSet("eval entities", flag.ContinueOnError)
	fset.SetOutput(stderr)
	verbose := fset.Bool("v", false, "list unmet expectations")
	format := fset.String("format", "text", "output format: text, markdown or json")
	if err := fset.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	var fw io.Writer
	if *verbose {
		fw = stderr
	}
	rep, err := Evaluate(ctx, process, fw)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	switch *format {
	case "text":
		err = rep.WriteText(stdout)
	case "markdown":
		err = rep.WriteMarkdown(stdout)
	case "json":
		err = rep.WriteJSON(stdout)
	default:
		fmt.Fprintf(stderr, "eval entities: unknown format %q\n", *format)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	return 0
}
