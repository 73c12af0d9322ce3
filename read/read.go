// Package read turns what the user gives (files, directories, standard input)
// into Documents: plain text in UTF-8, Latin-1 or Windows-1252, HTML pages
// (main content extracted), JSON Lines, and two corpus layouts used for
// benchmarks (the BBC CSV and Reuters-21578 SGML).
//
// Every problem is reported per document with its origin (file, file:line);
// one bad document never stops the others. A reader never changes the text it
// produces afterwards: every offset newsgraph outputs indexes that text.
package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// DefaultMaxBytes is the default limit on one document's size.
const DefaultMaxBytes = 10 << 20

// Formats are the input format names accepted by Options.Format.
var Formats = []string{"auto", "text", "html", "jsonl", "csv", "sgml", "feed", "warc"}

// Options configure reading.
type Options struct {
	// Format forces an input format (one of Formats); "" or "auto" detects
	// it from the file extension, then from the content.
	Format string
	// MaxBytes is the largest document accepted; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Encoding forces the text encoding of plain-text input: "auto" (the
	// default), "utf-8", "latin1" or "windows-1252".
	Encoding string
	// Fetch reads http(s) paths (url.go); nil makes them an error.
	Fetch Fetcher
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Result is one document read, or the error met while reading it.
type Result struct {
	Doc    *document.Document
	Err    error
	Origin string // "path", "path:line" or "stdin"
}

// ErrUsage marks errors in the options themselves (exit code 2).
var ErrUsage = errors.New("usage")

// Validate checks the options.
func (o Options) Validate() error {
	switch o.Format {
	case "", "auto", "text", "html", "jsonl", "csv", "sgml", "feed", "warc":
	default:
		return fmt.Errorf("%w: unknown input format %q (want one of %s)", ErrUsage, o.Format, strings.Join(Formats, ", "))
	}
	switch strings.ToLower(o.Encoding) {
	case "", "auto", "utf-8", "utf8", "latin1", "latin-1", "iso-8859-1", "windows-1252", "cp1252":
	default:
		return fmt.Errorf("%w: unknown encoding %q (want auto, utf-8, latin1 or windows-1252)", ErrUsage, o.Encoding)
	}
	return nil
}

// Walk reads every path in order ("-" is stdin; an http(s) address is
// fetched with opt.Fetch; directories are read recursively in lexical
// order, skipping hidden entries) and calls fn with
// each result in input order. It stops early only when fn returns an error
// or ctx is cancelled; per-document problems arrive as Results with Err set.
func Walk(ctx context.Context, paths []string, stdin io.Reader, opt Options, fn func(Result) error) error {
	if err := opt.Validate(); err != nil {
		return err
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if err := readStream(ctx, "stdin", "", stdin, opt, fn); err != nil {
				return err
			}
			continue
		}
		if isURL(p) {
			if err := readURL(ctx, p, opt, fn); err != nil {
				return err
			}
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			if err := fn(Result{Err: fmt.Errorf("cannot open: %w", unwrapPathError(err)), Origin: p}); err != nil {
				return err
			}
			continue
		}
		if !st.IsDir() {
			if err := readFile(ctx, p, opt, fn); err != nil {
				return err
			}
			continue
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, de fs.DirEntry, err error) error {
			if err != nil {
				files = append(files, path) // reported when opened
				return nil
			}
			name := de.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if de.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !de.IsDir() && de.Type().IsRegular() {
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			return werr
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(ctx, f, opt, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func readFile(ctx context.Context, path string, opt Options, fn func(Result) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fn(Result{Err: fmt.Errorf("cannot open: %w", unwrapPathError(err)), Origin: path})
	}
	defer f.Close()
	return readStream(ctx, path, path, f, opt, fn)
}

// readStream reads one file or stream whose format is decided from its
// name (ext) and content.
func readStream(ctx context.Context, origin, name string, r io.Reader, opt Options, fn func(Result) error) error {
	format := opt.Format
	if format == "" || format == "auto" {
		format = formatFromName(name)
	}
	// Streamed formats hold many documents: they may be larger than MaxBytes.
	switch format {
	case "jsonl":
		return readJSONL(ctx, origin, r, opt, fn)
	case "warc":
		return readWARC(ctx, origin, r, opt, fn)
	}
	limit := opt.maxBytes()
	if format == "" || format == "csv" || format == "sgml" || format == "feed" || format == "xml" {
		limit = 1 << 40
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return fn(Result{Err: fmt.Errorf("read error: %w", err), Origin: origin})
	}
	if format == "" {
		format = sniff(data)
		if format == "jsonl" {
			return readJSONL(ctx, origin, strings.NewReader(string(data)), opt, fn)
		}
	}
	switch format {
	case "csv":
		return readCSV(ctx, origin, data, opt, fn)
	case "sgml":
		return readSGML(ctx, origin, data, opt, fn)
	case "feed", "xml":
		return readXML(ctx, origin, data, fn)
	}
	if int64(len(data)) > opt.maxBytes() {
		return fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", opt.maxBytes()), Origin: origin})
	}
	var d *document.Document
	switch format {
	case "html":
		d, err = HTML(data, "")
	default:
		d, err = Text(data, opt.Encoding)
	}
	if err != nil {
		return fn(Result{Err: err, Origin: origin})
	}
	d.Source = origin
	return fn(Result{Doc: d, Origin: origin})
}

// formatFromName returns the format an extension implies, or "".
func formatFromName(name string) string {
	if n := strings.ToLower(name); strings.HasSuffix(n, ".warc") || strings.HasSuffix(n, ".warc.gz") {
		return "warc"
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".rss", ".atom":
		return "feed"
	case ".xml":
		return "xml" // a feed or a sitemap: decided by readXML
	case ".txt", ".text", ".md":
		return "text"
	case ".html", ".htm", ".xhtml":
		return "html"
	case ".jsonl", ".ndjson", ".json":
		return "jsonl"
	case ".csv":
		return "csv"
	case ".sgm", ".sgml":
		return "sgml"
	}
	return ""
}

// sniff guesses a format from content.
func sniff(data []byte) string {
	s := strings.TrimLeft(string(data[:min(len(data), 1024)]), "\ufeff \t\r\n")
	ls := strings.ToLower(s)
	switch {
	case strings.HasPrefix(s, "{") || strings.HasPrefix(s, "["):
		return "jsonl"
	case strings.HasPrefix(ls, "<!doctype html") || strings.HasPrefix(ls, "<html") || strings.HasPrefix(ls, "<head") || strings.HasPrefix(ls, "<body"):
		return "html"
	case strings.HasPrefix(s, "<!DOCTYPE lewis") || strings.HasPrefix(s, "<REUTERS"):
		return "sgml"
	case strings.HasPrefix(s, "<?xml") || strings.HasPrefix(ls, "<rss") || strings.HasPrefix(ls, "<feed") || strings.HasPrefix(ls, "<rdf:rdf"):
		return "xml"
	}
	return "text"
}

// StableID returns the id newsgraph gives a document without one: the first
// 16 hex digits of the SHA-256 of its text.
func StableID(text string) string { return document.StableID(text) }

// newDoc builds a document over text, rejecting empty text.
func newDoc(text string) (*document.Document, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("empty document: no text")
	}
	return document.New(StableID(text), text), nil
}
