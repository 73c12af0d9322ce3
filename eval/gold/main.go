package gold

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/eval"
)

// DefaultFile is the all-layer gold set, relative to the module root.
const DefaultFile = "testdata/gold/all/gold.jsonl"

// DefaultPath returns the path of DefaultFile found by walking up from the
// working directory to the module root, or "" when there is none.
func DefaultPath() string { return eval.FindUp(DefaultFile) }

// All evaluates process on the default gold set (DefaultPath) for the
// combined `newsgraph eval`; it returns no reports and no error when the gold
// file is not found.
func All(ctx context.Context, process Process) ([]*eval.Report, error) {
	p := DefaultPath()
	if p == "" {
		return nil, nil
	}
	return Evaluate(ctx, p, process)
}

// Main is `newsgraph eval gold [--gold FILE] [--json]`: it scores
// DefaultProcess against the gold file and prints one report per layer as
// text (or JSON). It returns 0 on success, 2 on a usage error and 1 on any
// other failure, including a nil DefaultProcess.
func Main(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return MainWith(ctx, args, stdout, stderr, DefaultProcess)
}

// DefaultProcess is the Process that Main evaluates. The CLI sets it to the
// default pipeline's Process (stages.Default) before calling Main; it is nil
// otherwise, so that this package does not depend on every stage.
var DefaultProcess Process

// MainWith is Main with an explicit process.
func MainWith(ctx context.Context, args []string, stdout, stderr io.Writer, process Process) int {
	fs := flag.NewFlagSet("eval gold", flag.ContinueOnError)
	fs.SetOutput(stderr)
	path := fs.String("gold", "", "all-layer gold JSONL file (default "+DefaultFile+" found from the working directory)")
	asJSON := fs.Bool("json", false, "print the reports as JSON")
	layers := fs.String("layers", "", "comma-separated layers to report (entities, quotes, counts, locations, events; default all): a gold half annotated on some layers only, such as testdata/gold/all/heldout.jsonl (quotes, counts)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: newsgraph eval gold [--gold FILE] [--layers LIST] [--json]\n\n"+
			"Scores every layer (entities, quotes, counts, locations, events) against the all-layer gold set.\n\n"+
			"example:\n  newsgraph eval gold --gold %s\n\nflags:\n", DefaultFile)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "eval gold: unexpected argument %q\n", fs.Arg(0))
		fs.Usage()
		return 2
	}
	if process == nil {
		fmt.Fprintln(stderr, "eval gold: no pipeline to evaluate")
		return 1
	}
	p := *path
	if p == "" {
		if p = DefaultPath(); p == "" {
			fmt.Fprintf(stderr, "eval gold: %s not found; pass --gold FILE\n", DefaultFile)
			return 2
		}
	}
	t0 := time.Now()
	reps, err := Evaluate(ctx, p, process)
	if err != nil {
		fmt.Fprintf(stderr, "eval gold: %v\n", err)
		return 1
	}
	el := time.Since(t0)
	if *layers != "" {
		keep := map[string]bool{}
		for _, l := range strings.Split(*layers, ",") {
			keep["gold/"+strings.TrimSpace(l)] = true
		}
		kept := reps[:0]
		for _, r := range reps {
			if keep[r.Layer] {
				kept = append(kept, r)
			}
		}
		if len(kept) == 0 {
			fmt.Fprintf(stderr, "eval gold: no layer of %q\n", *layers)
			return 2
		}
		reps = kept
	}
	if *asJSON {
		for _, r := range reps {
			if err := r.WriteJSON(stdout); err != nil {
				fmt.Fprintf(stderr, "eval gold: %v\n", err)
				return 1
			}
		}
		return 0
	}
	for _, r := range reps {
		if err := r.WriteText(stdout); err != nil {
			fmt.Fprintf(stderr, "eval gold: %v\n", err)
			return 1
		}
		fmt.Fprintln(stdout)
	}
	fmt.Fprintf(stdout, "elapsed %s\n", el.Round(time.Millisecond))
	return 0
}
