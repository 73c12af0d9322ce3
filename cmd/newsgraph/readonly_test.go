package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadOnlyStore: query and export answer from a database the user may
// not write (file and directory chmod read-only), and an old schema gets a
// clear error instead of "attempt to write a readonly database".
func TestReadOnlyStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	if code, _, errs := runCLI(t, "", "ingest", "--quiet", "--db", db, filepath.Join("..", "..", "examples", "01-ceasefire-appeal.txt")); code != exitOK {
		t.Fatalf("ingest: exit %d: %s", code, errs)
	}
	data, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o755)
	rodb := filepath.Join(ro, "n.db")
	if err := os.WriteFile(rodb, data, 0o444); err != nil {
		t.Fatal(err)
	}
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	for _, argv := range [][]string{
		{"query", "documents", "--db", rodb},
		{"query", "quotes", "--db", rodb, "--output", "json"},
		{"export", "--format", "jsonl", "--db", rodb},
	} {
		code, out, errs := runCLI(t, "", argv...)
		if code != exitOK || out == "" || strings.Contains(errs, "readonly") {
			t.Errorf("%q: exit %d, %d bytes out: %s", argv, code, len(out), errs)
		}
	}
	entries, _ := os.ReadDir(ro)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Logf("read-only directory holds %q (root ignores the mode bits)", names)
	}
}
