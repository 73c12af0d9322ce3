package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
)

func init() {
	register(command{name: "extract", summary: "extract annotations from articles and print them as JSON", run: runExtract})
}

const extractExamples = `  newsgraph extract examples/01-ceasefire-appeal.txt
  newsgraph extract --format json --with-text examples/13-rescue-at-sea.html
  cat examples/14-wire-briefs.jsonl | newsgraph extract - > annotated.jsonl
  newsgraph extract --input-format text --workers 2 corpus/
  newsgraph extract --explain examples/01-ceasefire-appeal.txt
  newsgraph extract --with-tokens examples/01-ceasefire-appeal.txt`

func runExtract(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "extract", "extract [flags] PATH...|-", extractExamples)
	var in inputFlags
	in.register(fs)
	format := fs.String("format", "jsonl", "output: jsonl (one object per line) or json (an array)")
	withText := fs.Bool("with-text", false, "include each document's text in the output")
	withTokens := fs.Bool("with-tokens", false, "include every token with its part of speech, PTB tag, lemma, head and dependency relation (\"tokens\")")
	fs.BoolVar(&in.explain, "explain", false, "add \"explain\": which named step decided each quote's speaker, count's object, entity's actor code and mention's actor code in context")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	paths := args(fs)
	if len(paths) == 0 {
		writeErr(e.stderr, "extract: no input; give files, directories or - for standard input")
		return exitUsage
	}
	if *format != "jsonl" && *format != "json" {
		writeErr(e.stderr, "extract: unknown --format %q (want jsonl or json)", *format)
		return exitUsage
	}
	if *withTokens {
		in.syntax = true // tokens carry the parse
	}
	p, err := in.pipeline()
	if err != nil {
		writeErr(e.stderr, "extract: %v", err)
		return exitFailure
	}
	w := bufio.NewWriterSize(e.stdout, 1<<16)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	first := true
	if *format == "json" {
		w.WriteString("[")
	}
	t, err := processAll(ctx, e, paths, &in, p, func(it pipeline.Item) error {
		if it.Err != nil {
			return nil
		}
		out := it.Doc.Output(document.OutputOptions{WithText: *withText, WithTokens: *withTokens})
		if *format == "json" {
			if !first {
				w.WriteString(",")
			}
			w.WriteString("\n")
		}
		first = false
		return enc.Encode(out)
	})
	if *format == "json" {
		if !first {
			w.WriteString("\n")
		}
		w.WriteString("]\n")
	}
	if ferr := w.Flush(); ferr != nil && err == nil {
		err = ferr
	}
	if errors.Is(err, context.Canceled) && ctx.Err() != nil {
		writeErr(e.stderr, "extract: interrupted after %d documents (%d failed)", t.docs, t.failed)
		return exitFailure
	}
	if err != nil {
		writeErr(e.stderr, "extract: %v", err)
		if errors.Is(err, read.ErrUsage) {
			return exitUsage
		}
		return exitFailure
	}
	if t.failed > 0 {
		return exitFailure
	}
	return exitOK
}
