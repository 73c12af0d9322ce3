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
	"bufio"
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

// ContainerFactor bounds the files read whole that hold many documents
// (CSV, Reuters SGML, RSS/Atom feeds, XML): such a file may be at most
// ContainerFactor times MaxBytes. JSON Lines and WARC are streamed and have
// no file limit, only the per-document one.
const ContainerFactor = 4

func (o Options) maxFileBytes() int64 { return ContainerFactor * o.maxBytes() }

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
		var files []Result
		collectFiles(p, nil, &files)
		sort.Slice(files, func(i, j int) bool { return files[i].Origin < files[j].Origin })
		for _, f := range files {
			if f.Err != nil {
				if err := fn(f); err != nil {
					return err
				}
				continue
			}
			if err := readFile(ctx, f.Origin, opt, fn); err != nil {
				return err
			}
		}
	}
	return nil
}

// collectFiles appends to out the files under dir (as Results with only Origin
// set), skipping hidden entries below the top. Symbolic links are followed,
// to files and to directories; a link back to a directory being walked (a
// loop) and an entry that cannot be read are appended with Err set, so they
// are reported rather than skipped in silence. stack holds the directories
// being walked, for loop detection.
func collectFiles(dir string, stack []os.FileInfo, out *[]Result) {
	di, err := os.Stat(dir)
	if err != nil {
		*out = append(*out, Result{Err: fmt.Errorf("cannot open: %w", unwrapPathError(err)), Origin: dir})
		return
	}
	for _, s := range stack {
		if os.SameFile(s, di) {
			*out = append(*out, Result{Err: errors.New("symbolic link loop: the directory links back to one being read; not followed"), Origin: dir})
			return
		}
	}
	stack = append(stack, di)
	entries, err := os.ReadDir(dir)
	if err != nil {
		*out = append(*out, Result{Err: fmt.Errorf("cannot read directory: %w", unwrapPathError(err)), Origin: dir})
		return
	}
	for _, de := range entries {
		if strings.HasPrefix(de.Name(), ".") {
			continue
		}
		path := filepath.Join(dir, de.Name())
		typ := de.Type()
		if typ&fs.ModeSymlink != 0 {
			fi, err := os.Stat(path)
			if err != nil {
				*out = append(*out, Result{Err: fmt.Errorf("broken symbolic link: %w", unwrapPathError(err)), Origin: path})
				continue
			}
			typ = fi.Mode().Type()
		}
		switch {
		case typ.IsDir():
			collectFiles(path, stack, out)
		case typ.IsRegular():
			*out = append(*out, Result{Origin: path})
		}
	}
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
// name (ext) and content. No format reads more than its limit before
// refusing: a document MaxBytes, a file of many documents read whole
// maxFileBytes; JSON Lines and WARC are streamed.
func readStream(ctx context.Context, origin, name string, r io.Reader, opt Options, fn func(Result) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	format := opt.Format
	if format == "" || format == "auto" {
		format = formatFromName(name)
	}
	if format == "" {
		// Sniff what the first read brings (at most 1 KB), without waiting
		// for more: a pipe may deliver one short record and stay open.
		br.Peek(1)
		head, _ := br.Peek(min(1024, br.Buffered()))
		format = sniff(head)
	}
	// Streamed formats hold many documents: they may be larger than MaxBytes.
	switch format {
	case "jsonl":
		return readJSONL(ctx, origin, br, opt, fn)
	case "warc":
		return readWARC(ctx, origin, br, opt, fn)
	}
	limit, container := opt.maxBytes(), false
	switch format {
	case "csv", "sgml", "feed", "xml":
		limit, container = opt.maxFileBytes(), true
	}
	data, err := io.ReadAll(io.LimitReader(br, limit+1))
	if err != nil {
		return fn(Result{Err: fmt.Errorf("read error: %w", err), Origin: origin})
	}
	if int64(len(data)) > limit {
		if container {
			return fn(Result{Err: fmt.Errorf("%s file is larger than %d bytes (%d × --max-bytes); split it or use JSON Lines", format, limit, ContainerFactor), Origin: origin})
		}
		return fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", opt.maxBytes()), Origin: origin})
	}
	switch format {
	case "csv":
		return readCSV(ctx, origin, data, opt, fn)
	case "sgml":
		return readSGML(ctx, origin, data, opt, fn)
	case "feed", "xml":
		return readXML(ctx, origin, data, fn)
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

// newDoc builds a document over text, rejecting empty text and text with
// a NUL byte, the same way for every reader (a NUL escaped as \u0000 in
// JSON is refused like one in a text file).
func newDoc(text string) (*document.Document, error) {
	if strings.TrimSpace(text) == "" {
		return nil, errors.New("empty document: no text")
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		return nil, fmt.Errorf("binary file: NUL byte at offset %d", i)
	}
	return document.New(StableID(text), text), nil
}
