package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestExport(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCLI(t, "", "export", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	docs := storetest.MustDocs(t)
	if len(lines) != len(docs) {
		t.Fatalf("%d lines, want %d", len(lines), len(docs))
	}
	for i, l := range lines {
		var o document.Output
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatal(err)
		}
		if want := docs[i].Output(document.OutputOptions{WithText: true}); !reflect.DeepEqual(&o, want) {
			t.Errorf("line %d = %+v\nwant %+v", i, o, want)
		}
	}

	path := filepath.Join(t.TempDir(), "out.jsonl")
	if code, _, errs := runCLI(t, "", "export", "--format", "jsonl", "--db", db, "-o", path); code != exitOK {
		t.Fatalf("export -o: exit %d: %s", code, errs)
	}
	if b, err := os.ReadFile(path); err != nil || string(b) != out {
		t.Errorf("-o file differs from stdout export (%v)", err)
	}
}

func TestExport_Errors(t *testing.T) {
	db := testDB(t)
	cases := []struct {
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{[]string{"export", "--help"}, exitOK, "", "jsonl:"},
		{[]string{"export", "--format", "gdelt-v3", "--db", db}, exitUsage, `unknown --format "gdelt-v3" (want gdelt-events, gdelt-mentions, gkg, jsonl, parquet-documents, parquet-events, parquet-figures, parquet-mentions, plover)`, ""},
		{[]string{"export", "extra", "--db", db}, exitUsage, "unexpected arguments", ""},
		{[]string{"export", "--db", filepath.Join(t.TempDir(), "none.db")}, exitFailure, "no database at", ""},
		{[]string{"export", "--db", db, "-o", filepath.Join(t.TempDir(), "no", "such", "dir.jsonl")}, exitFailure, "no such file", ""},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(errs, c.inStderr) || !strings.Contains(out, c.inStdout) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
		})
	}
}

// TestExport_Formats exports the examples in every format and checks the
// shape of each: GDELT column counts, PLOVER JSON, GKG records per document.
func TestExport_Formats(t *testing.T) {
	db := filepath.Join(t.TempDir(), "ex.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, filepath.Join("..", "..", "examples")); code != exitOK {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	columns := map[string]int{"gdelt-events": 61, "gdelt-mentions": 16, "gkg": 27}
	for format, n := range columns {
		code, out, errs := runCLI(t, "", "export", "--format", format, "--db", db)
		if code != exitOK {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
			if line == "" {
				continue
			}
			if got := len(strings.Split(line, "\t")); got != n {
				t.Fatalf("%s line %d: %d columns, want %d", format, i+1, got, n)
			}
		}
	}
	code, out, errs := runCLI(t, "", "export", "--format", "plover", "--db", db)
	if code != exitOK {
		t.Fatalf("plover: exit %d: %s", code, errs)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if line != "" && !json.Valid([]byte(line)) {
			t.Fatalf("plover line is not JSON: %s", line)
		}
	}
}
