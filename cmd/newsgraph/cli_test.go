package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/contract"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runCLI runs the command line in-process and returns exit code, stdout, stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := run(context.Background(), e, args)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, dir, name string, data string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCLI_Usage(t *testing.T) {
	cases := []struct {
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{nil, exitUsage, "Usage:", ""},
		{[]string{"frobnicate"}, exitUsage, `unknown command "frobnicate"`, ""},
		{[]string{"--help"}, exitOK, "", "Commands:"},
		{[]string{"extract"}, exitUsage, "no input", ""},
		{[]string{"extract", "--help"}, exitOK, "", "Examples:"},
		{[]string{"extract", "--format", "xml", "-"}, exitUsage, `unknown --format "xml"`, ""},
		{[]string{"extract", "--input-format", "pdf", "-"}, exitUsage, `unknown input format "pdf"`, ""},
		{[]string{"extract", "--bogus"}, exitUsage, "flag provided but not defined", ""},
		{[]string{"version"}, exitOK, "", "newsgraph "},
	}
	for _, c := range cases {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			code, out, errs := runCLI(t, "", c.args...)
			if code != c.code || !strings.Contains(errs, c.inStderr) || !strings.Contains(out, c.inStdout) {
				t.Errorf("exit %d (want %d)\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
		})
	}
	for name := range commands {
		code, out, _ := runCLI(t, "", name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: newsgraph "+name) || !strings.Contains(out, "Examples:") {
			t.Errorf("%s --help: exit %d, output %q", name, code, out)
		}
	}
}

// TestCLI_BadInput: each kind of bad input gets a one-line message naming the
// file, exit 1, and the good documents in the same run are still processed.
func TestCLI_BadInput(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.txt", "ROME (Newsgraph) — Italy's president met the Pope on Monday.")
	bad := []struct{ name, data, want string }{
		{"empty.txt", "", "empty document"},
		{"binary.txt", "\x7fELF\x00\x00\x01", "binary file"},
		{"mixed.txt", "Caf\xc3\xa9 caf\xe9", "invalid UTF-8"},
		{"nobody.html", "<html><head><title>t</title></head></html>", "no body text"},
		{"trunc.jsonl", `{"id":"ok","text":"Fine line."}` + "\n" + `{"id":"bad","text":"cut`, "trunc.jsonl:2: invalid JSON"},
		{"huge.txt", strings.Repeat("All quiet. ", 200), "larger than --max-bytes 1000"},
	}
	paths := []string{good}
	for _, b := range bad {
		paths = append(paths, writeFile(t, dir, b.name, b.data))
	}
	code, out, errs := runCLI(t, "", append([]string{"extract", "--max-bytes", "1000"}, paths...)...)
	if code != exitFailure {
		t.Errorf("exit %d, want %d", code, exitFailure)
	}
	for _, b := range bad {
		if !strings.Contains(errs, b.name) || !strings.Contains(errs, b.want) {
			t.Errorf("stderr lacks %s: %s\n%s", b.name, b.want, errs)
		}
	}
	if n := strings.Count(errs, "\n"); n != len(bad) {
		t.Errorf("want one line per failure, got %d lines:\n%s", n, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 { // good.txt and the good JSONL line
		t.Fatalf("want 2 documents on stdout, got %d:\n%s", len(lines), out)
	}
	for _, l := range lines {
		if err := contract.Validate([]byte(l), ""); err != nil {
			t.Error(err)
		}
	}
}

func TestCLI_ExtractJSONArrayAndOrder(t *testing.T) {
	var in strings.Builder
	for i := 0; i < 50; i++ {
		in.WriteString(`{"id":"d` + string(rune('A'+i%26)) + string(rune('a'+i/26)) + `","text":"Story number ` + strings.Repeat("x", i) + `."}` + "\n")
	}
	code, out, errs := runCLI(t, in.String(), "extract", "--format", "json", "--workers", "4", "-")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var docs []map[string]any
	if err := json.Unmarshal([]byte(out), &docs); err != nil {
		t.Fatalf("not a JSON array: %v", err)
	}
	if len(docs) != 50 {
		t.Fatalf("got %d docs", len(docs))
	}
	for i, d := range docs {
		want := "d" + string(rune('A'+i%26)) + string(rune('a'+i/26))
		if d["id"] != want {
			t.Fatalf("doc %d has id %v, want %s: output order must match input order", i, d["id"], want)
		}
	}
}
