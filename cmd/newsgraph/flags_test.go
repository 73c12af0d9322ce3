package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLI_NumericFlags: negative numbers, and zero where 0 means nothing,
// are usage errors (exit 2) naming the flag.
func TestCLI_NumericFlags(t *testing.T) {
	ex := filepath.Join("..", "..", "examples", "01-ceasefire-appeal.txt")
	tests := []struct {
		argv []string
		want string
	}{
		{[]string{"extract", "--workers", "-1", ex}, "--workers -1: must not be negative"},
		{[]string{"extract", "--max-bytes", "-5", ex}, "--max-bytes -5: must not be negative"},
		{[]string{"extract", "--max-bytes", "0", ex}, "--max-bytes 0: must be more than zero"},
		{[]string{"ingest", "--doc-timeout", "-1s", ex}, "--doc-timeout -1s: must not be negative"},
		{[]string{"ingest", "--max-tokens", "0", ex}, "--max-tokens 0: must be more than zero"},
		{[]string{"bench", "--limit", "-2", ex}, "--limit -2: must not be negative"},
		{[]string{"query", "events", "--limit", "-1"}, "--limit -1: must not be negative"},
		{[]string{"watch", "--every", "0s", "feeds.txt"}, "--every 0s: must be more than zero"},
	}
	for _, tc := range tests {
		code, _, errs := runCLI(t, "", tc.argv...)
		if code != exitUsage || !strings.Contains(errs, tc.want) {
			t.Errorf("%q: exit %d, stderr %q; want exit 2 and %q", tc.argv, code, errs, tc.want)
		}
	}
	// 0 where the flag documents it stays valid.
	if code, _, errs := runCLI(t, "", "extract", "--workers", "0", ex); code != exitOK {
		t.Errorf("--workers 0: exit %d: %s", code, errs)
	}
}

// TestCLI_BenchExitCode: bench follows the exit code contract: 1 when an
// input failed.
func TestCLI_BenchExitCode(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "a.txt", "Police in Oslo arrested two men on Tuesday.")
	bad := writeFile(t, dir, "b.txt", "\x00\x01\x02")
	if code, _, errs := runCLI(t, "", "bench", good); code != exitOK {
		t.Errorf("bench of a good file: exit %d: %s", code, errs)
	}
	if code, _, errs := runCLI(t, "", "bench", good, bad); code != exitFailure {
		t.Errorf("bench with a failed input: exit %d, want 1: %s", code, errs)
	}
}

// TestCLI_DBPathKept: --db names the file as written (no URI decoding).
func TestCLI_DBPathKept(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "a.txt", "Police in Oslo arrested two men on Tuesday.")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", "pct%41.db", "a.txt"); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	if _, err := os.Stat("pct%41.db"); err != nil {
		t.Errorf("pct%%41.db not created: %v", err)
	}
	if _, err := os.Stat("pctA.db"); err == nil {
		t.Error("the path was decoded to pctA.db")
	}
	if code, out, errs := runCLI(t, "", "query", "documents", "--db", "pct%41.db"); code != exitOK || !strings.Contains(out, "58ab32cca2c1ab00") {
		t.Errorf("query: exit %d: %s%s", code, out, errs)
	}
}
