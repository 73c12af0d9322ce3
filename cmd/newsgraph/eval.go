package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/stages"
)

func init() {
	register(command{name: "eval", summary: "score every layer against gold data (or one layer: eval ner|quotes|counts|events|geo)", run: runEval})
}

const evalExamples = `  newsgraph eval                                   # every layer on its default data, report to stdout
  newsgraph eval --out reports/                    # also write reports/eval.md and reports/eval.json
  newsgraph eval ner --conll ../shared/data/ner/conll2003/eng.testa
  newsgraph eval quotes --polnear ../shared/data/quotes/polnear/dev
  newsgraph eval counts --gold testdata/gold/counts/gold.jsonl
  newsgraph eval events --gold testdata/gold/events/gold.jsonl
  newsgraph eval geo --xml ../shared/data/geo/TR-News.xml`

// process is a pipeline's Process method: what every evaluation runs.
type process = func(context.Context, *document.Document) error

// evalLayer is one layer's evaluation: its own command line, and a run on
// its default data for the combined report.
type evalLayer struct {
	name string
	main func(ctx context.Context, args []string, stdout, stderr io.Writer) int
	// all runs the layer on its default data sets; it returns no reports
	// when the data is absent.
	all func(ctx context.Context, p process) ([]*eval.Report, error)
	// syntax runs the layer's pipeline with the syntax stage, which the
	// default pipeline leaves out (as extract --with-tokens does).
	syntax bool
}

// evalLayers lists the layers in pipeline order; stages add theirs in
// evalregistry.go.
var evalLayers []evalLayer

func runEval(ctx context.Context, e *env, argv []string) int {
	if len(argv) > 0 && !strings.HasPrefix(argv[0], "-") {
		for _, l := range evalLayers {
			if l.name == argv[0] {
				return l.main(ctx, argv[1:], e.stdout, e.stderr)
			}
		}
		writeErr(e.stderr, "eval: unknown layer %q (want one of %s)", argv[0], layerNames())
		return exitUsage
	}
	fs := newFlagSet(e, "eval", "eval [--out DIR] [--json] | eval LAYER [flags]", evalExamples)
	out := fs.String("out", "", "write eval.md and eval.json into this directory")
	asJSON := fs.Bool("json", false, "print JSON instead of text")
	only := fs.String("layers", "", "comma-separated layers to run (default: all)")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	p, err := stages.Default(stages.Config{})
	if err != nil {
		writeErr(e.stderr, "eval: %v", err)
		return exitFailure
	}
	var ps *pipeline.Pipeline // with the syntax stage, built when a layer needs it
	var reports []*eval.Report
	failed := false
	for _, l := range evalLayers {
		if *only != "" && !contains(strings.Split(*only, ","), l.name) {
			continue
		}
		process := p.Process
		if l.syntax {
			if ps == nil {
				if ps, err = stages.Default(stages.Config{Syntax: true}); err != nil {
					writeErr(e.stderr, "eval: %v", err)
					return exitFailure
				}
			}
			process = ps.Process
		}
		rs, err := l.all(ctx, process)
		if err != nil {
			writeErr(e.stderr, "eval %s: %v", l.name, err)
			failed = true
			continue
		}
		if len(rs) == 0 {
			fmt.Fprintf(e.stderr, "eval %s: no data found, skipped\n", l.name)
		}
		reports = append(reports, rs...)
	}
	for _, r := range reports {
		if *asJSON {
			r.WriteJSON(e.stdout)
		} else {
			r.WriteText(e.stdout)
			fmt.Fprintln(e.stdout)
		}
	}
	if *out != "" {
		if err := writeEvalReports(*out, reports); err != nil {
			writeErr(e.stderr, "eval: %v", err)
			return exitFailure
		}
	}
	if failed {
		return exitFailure
	}
	return exitOK
}

func writeEvalReports(dir string, reports []*eval.Report) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	md, err := os.Create(filepath.Join(dir, "eval.md"))
	if err != nil {
		return err
	}
	defer md.Close()
	fmt.Fprintf(md, "# newsgraph evaluation\n\n")
	for _, r := range reports {
		if err := r.WriteMarkdown(md); err != nil {
			return err
		}
		fmt.Fprintln(md)
	}
	js, err := os.Create(filepath.Join(dir, "eval.json"))
	if err != nil {
		return err
	}
	defer js.Close()
	fmt.Fprintln(js, "[")
	for i, r := range reports {
		if i > 0 {
			fmt.Fprintln(js, ",")
		}
		if err := r.WriteJSON(js); err != nil {
			return err
		}
	}
	fmt.Fprintln(js, "]")
	return nil
}

func layerNames() string {
	var n []string
	for _, l := range evalLayers {
		n = append(n, l.name)
	}
	sort.Strings(n)
	return strings.Join(n, ", ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.TrimSpace(x) == s {
			return true
		}
	}
	return false
}
