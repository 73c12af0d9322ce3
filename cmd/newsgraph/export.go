package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

func init() {
	register(command{name: "export", summary: "export every stored document (jsonl; more formats plug in)", run: runExport})
}

const exportExamples = `  newsgraph export --format jsonl > corpus.jsonl
  newsgraph export --format jsonl --db archive.db -o archive.jsonl`

// exporter writes every document of a store in one format.
type exporter struct {
	summary string
	// write streams the store to w; st.Each visits documents in insertion
	// order with text and annotations in the output contract.
	write func(ctx context.Context, st store.Store, w io.Writer) error
	// docs, when set, writes documents the caller holds (write is then
	// batched(docs) over the store's documents rebuilt by
	// document.FromOutput); next carries state across batches.
	docs func(w io.Writer, docs []*document.Document, next *int64) error
}

// exporters maps --format names to writers. To add a format (gdelt-events,
// gdelt-mentions, gkg, plover), add one entry here, typically in the
// format's own file's init:
//
//	exporters["plover"] = exporter{summary: "PLOVER events, one JSON object per line", write: func(ctx context.Context, st store.Store, w io.Writer) error {
//		return st.Each(ctx, func(o *document.Output) error { return plover.Write(w, o) })
//	}}
var exporters = map[string]exporter{
	"jsonl": {summary: "the output contract with text, one document per line (same as extract --with-text)", write: exportJSONL, docs: jsonlDocs},
}

func exportJSONL(ctx context.Context, st store.Store, w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return st.Each(ctx, func(o *document.Output) error { return enc.Encode(o) })
}

// jsonlDocs writes docs as export --format jsonl writes them from the store.
func jsonlDocs(w io.Writer, docs []*document.Document, _ *int64) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		if err := enc.Encode(d.Output(document.OutputOptions{WithText: true})); err != nil {
			return err
		}
	}
	return nil
}

func exportNames() []string {
	names := make([]string, 0, len(exporters))
	for n := range exporters {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func exportFormats() string {
	var b strings.Builder
	for _, n := range exportNames() {
		fmt.Fprintf(&b, "\n    %s: %s", n, exporters[n].summary)
	}
	return b.String()
}

func runExport(ctx context.Context, e *env, argv []string) int {
	fs := newFlagSet(e, "export", "export [--format NAME] [--db FILE] [-o FILE]", exportExamples)
	format := fs.String("format", "jsonl", "output format:"+exportFormats())
	db := storeFlag(fs)
	out := fs.String("o", "", "write to FILE instead of standard output")
	if code, done := parseFlags(e, fs, argv); done {
		return code
	}
	if len(args(fs)) > 0 {
		writeErr(e.stderr, "export: unexpected arguments %q", args(fs))
		return exitUsage
	}
	ex, ok := exporters[*format]
	if !ok {
		writeErr(e.stderr, "export: unknown --format %q (want %s)", *format, strings.Join(exportNames(), ", "))
		return exitUsage
	}
	st, err := openExisting(ctx, *db)
	if err != nil {
		writeErr(e.stderr, "export: %v", err)
		return exitFailure
	}
	defer st.Close()
	var w io.Writer = e.stdout
	var f *os.File
	if *out != "" && *out != "-" {
		if f, err = os.Create(*out); err != nil {
			writeErr(e.stderr, "export: %v", err)
			return exitFailure
		}
		w = f
	}
	bw := bufio.NewWriterSize(w, 1<<16)
	err = ex.write(ctx, st, bw)
	if ferr := bw.Flush(); err == nil {
		err = ferr
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		writeErr(e.stderr, "export: %v", err)
		return exitFailure
	}
	return exitOK
}
