package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/contract"
)

// TestGolden runs extract on every example story and compares the output
// with testdata/golden/NAME.json. A difference is reported layer by layer,
// every changed span listed (see goldenDiff). go test ./cmd/newsgraph -run
// TestGolden -update rewrites the files and prints the same summary of what
// changed (the test then fails, so that the summary shows without -v and
// the next run checks the new files): read it, and say in the commit what
// changed and why (DEVELOPERS.md, "Golden files"). Every output is
// validated against the contract.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	if len(files) < 10 {
		t.Fatalf("want at least 10 examples, found %d", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			code, out, errs := runCLI(t, "", "extract", "--with-text", f)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var pretty bytes.Buffer
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				var o struct{ Text string }
				json.Unmarshal([]byte(line), &o)
				if err := contract.Validate([]byte(line), o.Text); err != nil {
					t.Fatal(err)
				}
				json.Indent(&pretty, []byte(line), "", "  ")
				pretty.WriteString("\n")
			}
			golden := filepath.Join("testdata", "golden", strings.TrimSuffix(name, filepath.Ext(name))+".json")
			want, err := os.ReadFile(golden)
			if err != nil && !*update {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if bytes.Equal(want, pretty.Bytes()) {
				return
			}
			diff, err := goldenDiff(want, pretty.Bytes())
			if err != nil {
				diff = err.Error()
			}
			if *update {
				if err := os.WriteFile(golden, pretty.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				t.Errorf("rewrote %s; review the change, then run again without -update:\n%s", golden, diff)
				return
			}
			t.Errorf("output differs from %s (read the change; go test ./cmd/newsgraph -run TestGolden -update rewrites it):\n%s", golden, diff)
		})
	}
}

// goldenLayers are the output's layers in the order a diff reports them.
var goldenLayers = []string{"sentences", "mentions", "entities", "quotes", "counts", "locations", "events", "main_event", "topic"}

// goldenDiff compares two golden files (a sequence of documents in the
// output contract) layer by layer: per document and layer, the summary
// line "layer: N removed, M added" and every removed ("-") and added ("+")
// element, with its text. A changed element shows as its old and new form.
// Fields outside the layers (id, title, text, ...) are compared whole.
func goldenDiff(want, got []byte) (string, error) {
	wd, err := decodeDocs(want)
	if err != nil {
		return "", fmt.Errorf("golden file: %w", err)
	}
	gd, err := decodeDocs(got)
	if err != nil {
		return "", fmt.Errorf("output: %w", err)
	}
	var b strings.Builder
	if len(wd) != len(gd) {
		fmt.Fprintf(&b, "%d documents, golden file has %d\n", len(gd), len(wd))
	}
	for i := 0; i < len(wd) && i < len(gd); i++ {
		w, g := wd[i], gd[i]
		id, _ := g["id"].(string)
		var doc strings.Builder
		keys := map[string]bool{}
		for k := range w {
			keys[k] = true
		}
		for k := range g {
			keys[k] = true
		}
		var other []string
		for k := range keys {
			if !contains(goldenLayers, k) && canon(w[k]) != canon(g[k]) {
				other = append(other, k)
			}
		}
		sort.Strings(other)
		for _, k := range other {
			fmt.Fprintf(&doc, "  %s: %s → %s\n", k, short(canon(w[k])), short(canon(g[k])))
		}
		for _, layer := range goldenLayers {
			removed, added := elementDiff(w[layer], g[layer])
			if len(removed) == 0 && len(added) == 0 {
				continue
			}
			fmt.Fprintf(&doc, "  %s: %d removed, %d added\n", layer, len(removed), len(added))
			for _, e := range removed {
				fmt.Fprintf(&doc, "    - %s\n", e)
			}
			for _, e := range added {
				fmt.Fprintf(&doc, "    + %s\n", e)
			}
		}
		if doc.Len() > 0 {
			fmt.Fprintf(&b, "document %s:\n%s", id, doc.String())
		}
	}
	if b.Len() == 0 {
		b.WriteString("only the formatting differs\n")
	}
	return b.String(), nil
}

// decodeDocs reads a sequence of JSON objects.
func decodeDocs(data []byte) ([]map[string]any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []map[string]any
	for dec.More() {
		var m map[string]any
		if err := dec.Decode(&m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// elementDiff returns the elements of layer value w missing from g and
// those of g missing from w (multisets), in order, as one-line JSON. An
// element is compared whole; indices that shift when an earlier element
// comes or goes make it show as changed.
func elementDiff(w, g any) (removed, added []string) {
	ws, gs := elements(w), elements(g)
	count := map[string]int{}
	for _, e := range gs {
		count[e]++
	}
	for _, e := range ws {
		if count[e] > 0 {
			count[e]--
			continue
		}
		removed = append(removed, e)
	}
	count = map[string]int{}
	for _, e := range ws {
		count[e]++
	}
	for _, e := range gs {
		if count[e] > 0 {
			count[e]--
			continue
		}
		added = append(added, e)
	}
	return removed, added
}

// elements returns a layer's elements as canonical one-line JSON (a single
// object, as main_event and topic, is one element).
func elements(v any) []string {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		out := make([]string, len(x))
		for i, e := range x {
			out[i] = canon(e)
		}
		return out
	default:
		return []string{canon(x)}
	}
}

// canon encodes v as compact JSON with sorted keys.
func canon(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

func short(s string) string {
	if len(s) > 120 {
		return s[:117] + "..."
	}
	return s
}

// TestGoldenDiff shows the differ's report on a hand-made change.
func TestGoldenDiff(t *testing.T) {
	want := `{"id": "a", "title": "T", "mentions": [{"start": 0, "end": 5, "text": "Ghana"}, {"start": 9, "end": 12, "text": "Accra"}], "events": []}`
	got := `{"id": "a", "title": "T2", "mentions": [{"start": 0, "end": 5, "text": "Ghana"}, {"start": 9, "end": 12, "text": "Accra", "type": "GPE"}], "events": [{"code": "010"}]}`
	d, err := goldenDiff([]byte(want), []byte(got))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range []string{
		"document a:",
		`  title: "T" → "T2"`,
		"  mentions: 1 removed, 1 added",
		`    - {"end":12,"start":9,"text":"Accra"}`,
		`    + {"end":12,"start":9,"text":"Accra","type":"GPE"}`,
		"  events: 0 removed, 1 added",
		`    + {"code":"010"}`,
	} {
		if !strings.Contains(d, line+"\n") {
			t.Errorf("diff lacks %q:\n%s", line, d)
		}
	}
	if _, err := goldenDiff([]byte("{"), []byte("{}")); err == nil {
		t.Error("bad golden file: no error")
	}
}
