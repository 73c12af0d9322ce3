package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/dedup"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
	"github.com/newsgraph/newsgraph/read"
	"github.com/newsgraph/newsgraph/stages"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// extracted reads paths and runs the default pipeline over them, as
// extract does; documents with an id or text seen before are dropped (the
// store keeps one of each).
func extracted(t *testing.T, limit int, paths ...string) []*document.Document {
	t.Helper()
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	seenID, seenText := map[string]bool{}, map[string]bool{}
	var docs []*document.Document
	errStop := context.Canceled
	err = read.Walk(context.Background(), paths, nil, read.Options{}, func(r read.Result) error {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Origin, r.Err)
		}
		if limit > 0 && len(docs) >= limit {
			return errStop
		}
		if seenID[r.Doc.ID] || seenText[r.Doc.Text] {
			return nil
		}
		seenID[r.Doc.ID], seenText[r.Doc.Text] = true, true
		if err := p.Process(context.Background(), r.Doc); err != nil {
			t.Fatalf("%s: %v", r.Origin, err)
		}
		docs = append(docs, r.Doc)
		return nil
	})
	if err != nil && err != errStop {
		t.Fatal(err)
	}
	return docs
}

// lossless checks, for docs, that Output → JSON → FromOutput → Output is the
// identity and that every export format written from the store equals the
// same export written from the extracted documents.
func lossless(t *testing.T, docs []*document.Document) {
	t.Helper()
	for _, d := range docs {
		o := d.Output(document.OutputOptions{WithText: true, WithTokens: true})
		a, err := json.Marshal(o)
		if err != nil {
			t.Fatal(err)
		}
		var back document.Output
		if err := json.Unmarshal(a, &back); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(document.FromOutput(&back).Output(document.OutputOptions{WithText: true, WithTokens: true}))
		if !bytes.Equal(a, b) {
			t.Errorf("%s: output → FromOutput → output differs:\n%s", d.ID, around(string(a), string(b)))
		}
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "lossless.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if n, err := st.PutBatch(ctx, docs); err != nil || n != len(docs) {
		t.Fatalf("stored %d of %d documents: %v", n, len(docs), err)
	}
	// Near copies (store/copies.go) are exported by jsonl with their link
	// and left out of the event exports, which count each story once.
	copies := storedCopies(t, st, docs)
	var stories []*document.Document
	for _, d := range docs {
		if copies[d.ID] == "" {
			stories = append(stories, d)
		}
	}
	var names []string
	for n := range exporters {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		ex := exporters[name]
		if ex.docs == nil {
			t.Errorf("export %s cannot write extracted documents", name)
			continue
		}
		var fromStore, fromExtract bytes.Buffer
		if err := ex.write(ctx, st, &fromStore); err != nil {
			t.Fatalf("%s from the store: %v", name, err)
		}
		input := stories
		if name == "jsonl" {
			input = docs
		}
		var next int64 = 1
		for i := 0; i < len(input); i += exportBatch {
			if err := ex.docs(&fromExtract, input[i:min(i+exportBatch, len(input))], &next); err != nil {
				t.Fatalf("%s from extract: %v", name, err)
			}
		}
		if fromStore.Len() == 0 {
			t.Errorf("%s: empty export", name)
		}
		got := fromStore.String()
		if name == "jsonl" {
			got = withoutCopyLinks(t, got)
		}
		if got != fromExtract.String() {
			t.Errorf("%s: export from the store differs from the export of extracted documents:\n%s",
				name, lineDiff(fromExtract.String(), got))
		}
	}
}

// storedCopies returns the stored near copies (id → original), checking
// each against package dedup directly.
func storedCopies(t *testing.T, st *sqlite.Store, docs []*document.Document) map[string]string {
	t.Helper()
	text := map[string]string{}
	for _, d := range docs {
		text[d.ID] = d.Text
	}
	copies := map[string]string{}
	err := st.Each(context.Background(), func(o *document.Output) error {
		if o.DuplicateOf == "" {
			return nil
		}
		copies[o.ID] = o.DuplicateOf
		if ov, _ := dedup.Compare(dedup.Shingles(text[o.ID]), dedup.Shingles(text[o.DuplicateOf])); ov < dedup.Threshold || o.Similarity == nil || *o.Similarity != ov {
			t.Errorf("%s: stored as a copy of %s (similarity %v), dedup gives overlap %.3f", o.ID, o.DuplicateOf, o.Similarity, ov)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return copies
}

// withoutCopyLinks removes duplicate_of and similarity from JSON Lines
// output, re-encoding the lines that carry them as the jsonl export does.
func withoutCopyLinks(t *testing.T, s string) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	for _, line := range strings.SplitAfter(s, "\n") {
		if !strings.Contains(line, `"duplicate_of":`) {
			b.WriteString(line)
			continue
		}
		var o document.Output
		if err := json.Unmarshal([]byte(line), &o); err != nil {
			t.Fatal(err)
		}
		o.DuplicateOf, o.Similarity = "", nil
		enc.Encode(&o)
	}
	return b.String()
}

// around shows where two JSON texts first differ, with some context.
func around(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return "- …" + a[from:min(len(a), i+80)] + "\n+ …" + b[from:min(len(b), i+80)]
}

// lineDiff returns the first differing line of two exports.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			return "line " + itoa(i+1) + ":\nextract " + wl[i] + "\nstore   " + gl[i]
		}
	}
	return "extract has " + itoa(len(wl)) + " lines, store " + itoa(len(gl))
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

// TestExport_StoreEqualsExtract is the lossless-model property on the
// examples: every export (GDELT Mentions actor offsets and PLOVER raw_text
// included) is the same from the store as from extract.
func TestExport_StoreEqualsExtract(t *testing.T) {
	docs := extracted(t, 0, filepath.Join("..", "..", "examples"))
	spans := 0
	for _, d := range docs {
		for _, e := range d.Events {
			for _, p := range []*document.Participant{e.Source, e.Target} {
				if p != nil && p.Span.End > p.Span.Start {
					spans++
				}
			}
		}
	}
	if spans == 0 {
		t.Fatal("no event participant with a span in the examples: the check checks nothing")
	}
	lossless(t, docs)
}

// TestExport_StoreEqualsExtract_BBC runs the same property on the first
// 300 documents of the BBC validation split when ../shared is present.
func TestExport_StoreEqualsExtract_BBC(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	path := shareddata.Require(t, "corpus/bbc/val.csv")
	lossless(t, extracted(t, 300, path))
}
