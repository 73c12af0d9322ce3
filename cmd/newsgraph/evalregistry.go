package main

import (
	"context"
	"io"

	"github.com/newsgraph/newsgraph/eval"
	evcounts "github.com/newsgraph/newsgraph/eval/counts"
	eventities "github.com/newsgraph/newsgraph/eval/entities"
	evevents "github.com/newsgraph/newsgraph/eval/events"
	evgeo "github.com/newsgraph/newsgraph/eval/geo"
	evgold "github.com/newsgraph/newsgraph/eval/gold"
	evner "github.com/newsgraph/newsgraph/eval/ner"
	evquotes "github.com/newsgraph/newsgraph/eval/quotes"
	evsyntax "github.com/newsgraph/newsgraph/eval/syntax"
	evtext "github.com/newsgraph/newsgraph/eval/text"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/stages"
)

// defaultProcess builds the default pipeline for an evaluation, reporting
// a construction error on stderr.
func defaultProcess(stderr io.Writer, cfg stages.Config) process {
	p, err := stages.Default(cfg)
	if err != nil {
		writeErr(stderr, "eval: %v", err)
		return nil
	}
	return p.Process
}

// withPipeline adapts a layer's MainWith to run on the default pipeline.
func withPipeline(mainWith func(context.Context, []string, io.Writer, io.Writer, process) int) func(context.Context, []string, io.Writer, io.Writer) int {
	return withConfig(stages.Config{}, mainWith)
}

// withConfig adapts a layer's MainWith to run on the pipeline of cfg.
func withConfig(cfg stages.Config, mainWith func(context.Context, []string, io.Writer, io.Writer, process) int) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		p := defaultProcess(stderr, cfg)
		if p == nil {
			return exitFailure
		}
		return mainWith(ctx, args, stdout, stderr, p)
	}
}

// withSyntaxFlag adapts a layer's MainWith to take --with-syntax, which runs
// the layer on the pipeline with the syntax stage (as extract --with-syntax
// does), so that a layer can be scored with and without the parse.
func withSyntaxFlag(mainWith func(context.Context, []string, io.Writer, io.Writer, process) int) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		var cfg stages.Config
		rest := make([]string, 0, len(args))
		for _, a := range args {
			switch a {
			case "--with-syntax", "-with-syntax":
				cfg.Syntax = true
				continue
			}
			rest = append(rest, a)
		}
		return withConfig(cfg, mainWith)(ctx, rest, stdout, stderr)
	}
}

// onShared runs evaluate on each shared data file present.
func onShared(rels []string, evaluate func(context.Context, string, process) (*eval.Report, error)) func(context.Context, process) ([]*eval.Report, error) {
	return func(ctx context.Context, p process) ([]*eval.Report, error) {
		var out []*eval.Report
		for _, rel := range rels {
			path := shareddata.Path(rel)
			if path == "" {
				continue
			}
			r, err := evaluate(ctx, path, p)
			if err != nil {
				return out, err
			}
			out = append(out, r)
		}
		return out, nil
	}
}

// onRepo runs evaluate on each gold file of the repository found from the
// working directory upwards.
func onRepo(rels []string, evaluate func(context.Context, string, process) (*eval.Report, error)) func(context.Context, process) ([]*eval.Report, error) {
	return func(ctx context.Context, p process) ([]*eval.Report, error) {
		var out []*eval.Report
		for _, rel := range rels {
			path := eval.FindUp(rel)
			if path == "" {
				continue
			}
			r, err := evaluate(ctx, path, p)
			if err != nil {
				return out, err
			}
			out = append(out, r)
		}
		return out, nil
	}
}

func init() {
	evalLayers = append(evalLayers,
		evalLayer{name: "text", main: evtext.Main, all: func(ctx context.Context, _ process) ([]*eval.Report, error) {
			if shareddata.Path(evtext.DefaultEvalData) == "" {
				return nil, nil
			}
			r, err := evtext.Report(ctx)
			if err != nil {
				return nil, err
			}
			return []*eval.Report{r}, nil
		}},
		// the syntax stage is opt-in: its extract scores run the pipeline
		// with it, as extract --with-tokens does
		evalLayer{name: "syntax", main: withConfig(stages.Config{Syntax: true}, evsyntax.MainWith), all: evsyntax.All, syntax: true},
		evalLayer{name: "ner", main: withPipeline(evner.MainWith), all: evner.All},
		evalLayer{name: "entities", main: withPipeline(eventities.MainWith), all: func(ctx context.Context, p process) ([]*eval.Report, error) {
			r, err := eventities.Evaluate(ctx, p, nil)
			if err != nil {
				return nil, err
			}
			return []*eval.Report{r}, nil
		}},
		evalLayer{name: "geo", main: withPipeline(evgeo.MainWith), all: evgeo.All},
		evalLayer{name: "quotes", main: withPipeline(evquotes.MainWith), all: onShared([]string{"quotes/polnear/dev"}, evquotes.Evaluate)},
		evalLayer{name: "counts", main: withPipeline(evcounts.MainWith), all: onRepo([]string{"testdata/gold/counts/gold.jsonl"}, evcounts.Evaluate)},
		evalLayer{name: "events", main: withSyntaxFlag(evevents.MainWith), all: evevents.All},
		evalLayer{name: "gold", main: withPipeline(evgold.MainWith), all: evgold.All},
	)
}
