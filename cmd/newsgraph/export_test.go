package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"newsgraph/document"
	"newsgraph/store/storetest"
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
		{[]string{"export", "--format", "gdelt-v3", "--db", db}, exitUsage, `unknown --format "gdelt-v3" (want jsonl`, ""},
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
