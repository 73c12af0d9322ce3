package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store/sqlite"
)

// TestIngest_Conflicts: a changed text under a stored id is a new revision
// by default, or skipped, replaced or refused with --on-conflict; every case
// is reported per document and counted; an id repeated inside one input is
// reported.
func TestIngest_Conflicts(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "c.db")
	v1 := `{"id":"a","text":"The mayor of Lyon opened a bridge on Monday."}`
	v2 := `{"id":"a","text":"The mayor of Lyon opened a new bridge on Monday."}`
	v3 := `{"id":"a","text":"The mayor of Lyon closed the old ferry on Tuesday."}`
	b := `{"id":"b","text":"Police in Oslo arrested two men on Tuesday."}`
	tests := []struct {
		name     string
		input    string
		flags    []string
		code     int
		wantErr  []string // substrings of stderr
		wantText string   // the current text of "a" afterwards
	}{
		{"first input repeats an id", v1 + "\n" + b + "\n" + v2 + "\n", nil, exitOK,
			[]string{`in.jsonl:3: id "a" appears again in this input (first at in.jsonl:1)`,
				`in.jsonl:3: id "a" was stored with a different text: stored as revision 2, the previous kept as "a@rev1"`,
				"3 read, 2 stored, 0 already stored, 0 failed", "1 new revisions", "1 ids repeated"}, "new bridge"},
		{"same input again", v2 + "\n" + b + "\n", nil, exitOK, []string{"2 read, 0 stored, 2 already stored, 0 failed"}, "new bridge"},
		{"skip", v3 + "\n", []string{"--on-conflict", "skip"}, exitOK,
			[]string{`id "a" is stored with a different text: skipped (--on-conflict=skip)`, "1 skipped"}, "new bridge"},
		{"fail", v3 + "\n", []string{"--on-conflict=fail"}, exitFailure,
			[]string{`not stored (--on-conflict=fail)`, "0 stored, 0 already stored, 1 failed", "1 refused"}, "new bridge"},
		{"replace", v3 + "\n", []string{"--on-conflict=replace"}, exitOK,
			[]string{`replaced (--on-conflict=replace)`, "1 replaced"}, "old ferry"},
		{"bad rule", v3 + "\n", []string{"--on-conflict=merge"}, exitUsage, []string{`unknown conflict rule "merge"`}, "old ferry"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := writeFile(t, dir, "in.jsonl", tc.input)
			t.Chdir(dir)
			argv := append([]string{"ingest", "--db", db}, tc.flags...)
			code, _, errs := runCLI(t, "", append(argv, filepath.Base(in))...)
			if code != tc.code {
				t.Errorf("exit %d, want %d: %s", code, tc.code, errs)
			}
			for _, w := range tc.wantErr {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errs)
				}
			}
			st, err := sqlite.Open(context.Background(), db)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			o, err := st.Document(context.Background(), "a")
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(*o.Text, tc.wantText) {
				t.Errorf("current text %q, want it to contain %q", *o.Text, tc.wantText)
			}
			if o, err := st.Document(context.Background(), "a@rev1"); err != nil || !strings.Contains(*o.Text, "opened a bridge") {
				t.Errorf("revision 1 not kept: %v", err)
			}
		})
	}
}

// TestIngestSummary_Rates: no documents/s when nothing was read; the layer
// counts are of the documents stored.
func TestIngestSummary_Rates(t *testing.T) {
	var b strings.Builder
	e := &env{stderr: &b}
	printIngestSummary(e, "x.db", ingestSummary{failed: 0, elapsed: 3e9})
	if strings.Contains(b.String(), "documents/s") {
		t.Errorf("a rate with nothing read: %s", b.String())
	}
	b.Reset()
	printIngestSummary(e, "x.db", ingestSummary{read: 6, stored: 6, elapsed: 2e9})
	if !strings.Contains(b.String(), "(3 documents/s)") || !strings.Contains(b.String(), "in the documents stored") {
		t.Errorf("summary: %s", b.String())
	}
}
