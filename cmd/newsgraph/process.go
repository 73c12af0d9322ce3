package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/stages"
	"github.com/newsgraph/newsgraph/store"
)

// inputFlags are the flags shared by every command that reads documents.
type inputFlags struct {
	format   string
	encoding string
	maxBytes int64
	workers  int
	dict     string
	lexicon  string
	// allowPrivate lets URL inputs reach intranet addresses (fetch.Options).
	allowPrivate bool
	// explain makes the stages record their decisions (extract --explain).
	explain bool
	// docTimeout and maxTokens are the per-document budget (pipeline.Budget).
	docTimeout time.Duration
	maxTokens  int
	// syntax adds the syntax stage (--with-syntax; extract --with-tokens).
	syntax bool
	// onConflict is ingest's --on-conflict.
	onConflict store.OnConflict
}

// Defaults of the per-document budget. The token cap is the memory-conscious
// one: the stages hold a few hundred bytes per token (a 2.5 MB text of
// 450,000 tokens peaks near 450 MB), so a document over 500,000 tokens
// (about 2.7 MB of English; news articles are a hundredth of that) fails
// after the text stage instead of holding a worker and a gigabyte.
const (
	defaultDocTimeout = 10 * time.Second
	defaultMaxTokens  = 500_000
)

func (f *inputFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "input-format", "auto", "input format: "+strings.Join(read.Formats, ", ")+" (auto: from the extension, then the content)")
	fs.StringVar(&f.encoding, "encoding", "auto", "plain-text encoding: auto, utf-8, latin1, windows-1252")
	fs.Int64Var(&f.maxBytes, "max-bytes", read.DefaultMaxBytes, "largest document accepted, in bytes")
	fs.IntVar(&f.workers, "workers", 0, "documents processed in parallel (0: one per core)")
	fs.StringVar(&f.dict, "dict", "", "user actor dictionary (TSV or YAML) adding or overriding actors")
	fs.StringVar(&f.lexicon, "lexicon", "", "user event lexicon extending the built-in one")
	fs.BoolVar(&f.allowPrivate, "allow-private", false, "let URL inputs reach loopback and private (RFC 1918) addresses")
	fs.DurationVar(&f.docTimeout, "doc-timeout", defaultDocTimeout, "per-document time budget; a document over it fails, naming the stage that ran out, and the run goes on")
	fs.BoolVar(&f.syntax, "with-syntax", false, "also run the syntax stage (parts of speech, lemmas, dependencies; the events stage uses the parse), about six times slower")
	fs.IntVar(&f.maxTokens, "max-tokens", defaultMaxTokens, "per-document work cap in tokens (about 5.5 bytes each in English); a longer document fails after the text stage")
}

func (f *inputFlags) readOptions() read.Options {
	return read.Options{Format: f.format, Encoding: f.encoding, MaxBytes: f.maxBytes, Fetch: urlFetcher(f.allowPrivate, f.maxBytes)}
}

func (f *inputFlags) pipeline() (*pipeline.Pipeline, error) {
	p, err := stages.Default(stages.Config{DictFile: f.dict, LexiconFile: f.lexicon, Syntax: f.syntax})
	if err != nil {
		return nil, err
	}
	// Zero means the command did not register the flags (watch, demo): the
	// defaults apply (a user's 0 is refused by checkNumbers).
	b := pipeline.Budget{Timeout: f.docTimeout, MaxTokens: f.maxTokens}
	if b.Timeout == 0 {
		b.Timeout = defaultDocTimeout
	}
	if b.MaxTokens == 0 {
		b.MaxTokens = defaultMaxTokens
	}
	return p.WithBudget(b), nil
}

// tally counts a run's outcome.
type tally struct {
	docs, failed int
}

// processAll reads paths, runs p over every document on the worker pool, and
// calls fn for each item in input order (failed items included, Err set).
// Failures are reported on stderr as "newsgraph: ORIGIN: reason". It returns
// an error only for problems that stop the whole run (bad options, fn's error).
func processAll(ctx context.Context, e *env, paths []string, in *inputFlags, p *pipeline.Pipeline, fn func(pipeline.Item) error) (tally, error) {
	var t tally
	opt := in.readOptions()
	if err := opt.Validate(); err != nil {
		return t, err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	items := make(chan pipeline.Item, 64)
	out := make(chan pipeline.Item, 64)
	readErr := make(chan error, 1)
	go func() {
		defer close(items)
		readErr <- read.Walk(ctx, paths, e.stdin, opt, func(r read.Result) error {
			if r.Doc != nil {
				r.Doc.Explain = in.explain
			}
			select {
			case items <- pipeline.Item{Doc: r.Doc, Err: r.Err, Origin: r.Origin}:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	p.Run(ctx, items, out, in.workers)
	var fnErr error
	for it := range out {
		if fnErr != nil {
			continue
		}
		if it.Err != nil {
			t.failed++
			fmt.Fprintf(e.stderr, "newsgraph: %s: %v\n", it.Origin, firstLine(it.Err))
		} else {
			t.docs++
		}
		if err := fn(it); err != nil {
			fnErr = err
			cancel()
		}
	}
	if fnErr != nil {
		return t, fnErr
	}
	select {
	case err := <-readErr:
		if err != nil && ctx.Err() == nil {
			return t, err
		}
	case <-ctx.Done():
		// Interrupted: a reader blocked on standard input or the network
		// is not waited for.
	}
	return t, ctx.Err()
}

// firstLine keeps error messages to one line (stage panics carry a stack).
func firstLine(err error) string {
	s := err.Error()
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// newFlagSet returns a flag set whose --help prints usage with examples.
func newFlagSet(e *env, name, synopsis, examples string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: newsgraph %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
		}
	}
	return fs
}

// parseFlags parses args, returning (exit code, done). --help prints to
// stdout and exits 0; bad flags exit 2.
func parseFlags(e *env, fs *flag.FlagSet, args []string) (int, bool) {
	for _, a := range args {
		if a == "--" {
			break
		}
		if a == "-h" || a == "--help" || a == "-help" {
			fs.SetOutput(e.stdout)
			fs.Usage()
			return exitOK, true
		}
	}
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return exitUsage, true
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			pos = append(pos, rest...)
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	positional[fs] = pos
	if err := checkNumbers(fs); err != nil {
		fmt.Fprintf(fs.Output(), "newsgraph: %v\n", err)
		return exitUsage, true
	}
	return 0, false
}

// checkNumbers rejects a numeric flag given a negative value, or zero
// unless its usage text documents what 0 means ("(0: ...").
func checkNumbers(fs *flag.FlagSet) error {
	var err error
	fs.Visit(func(f *flag.Flag) {
		g, ok := f.Value.(flag.Getter)
		if !ok || err != nil {
			return
		}
		var v float64
		switch x := g.Get().(type) {
		case int:
			v = float64(x)
		case int64:
			v = float64(x)
		case float64:
			v = x
		case time.Duration:
			v = float64(x)
		default:
			return
		}
		switch {
		case v < 0:
			err = fmt.Errorf("--%s %s: must not be negative", f.Name, f.Value)
		case v == 0 && !strings.Contains(f.Usage, "(0:"):
			err = fmt.Errorf("--%s %s: must be more than zero", f.Name, f.Value)
		}
	})
	return err
}

// positional holds each parsed flag set's positional arguments: flags may
// come before, between or after them.
var positional = map[*flag.FlagSet][]string{}

// args returns the positional arguments parseFlags collected for fs.
func args(fs *flag.FlagSet) []string { return positional[fs] }

// writeErr reports a command-level error on stderr.
func writeErr(w io.Writer, format string, a ...any) {
	fmt.Fprintf(w, "newsgraph: "+format+"\n", a...)
}
