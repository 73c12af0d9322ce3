package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store/sqlite"
)

func stats(t *testing.T, db string) (docs, quotes int) {
	t.Helper()
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s.Documents, s.Quotes
}

// TestIngest_IdempotentAndPartial: ingesting the examples twice stores each
// once; bad files in the same run are reported, exit 1, the good ones stored;
// query and demo answer from the store.
func TestIngest_IdempotentAndPartial(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "n.db")
	examples := filepath.Join("..", "..", "examples")
	code, _, errs := runCLI(t, "", "ingest", "--db", db, examples)
	if code != exitOK {
		t.Fatalf("first ingest: exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "stored") || !strings.Contains(errs, "entities") {
		t.Errorf("no summary on stderr: %s", errs)
	}
	n1, q1 := stats(t, db)
	if n1 < 10 || q1 == 0 {
		t.Fatalf("stored %d documents, %d quotes", n1, q1)
	}
	code, _, errs = runCLI(t, "", "ingest", "--db", db, examples)
	if code != exitOK || !strings.Contains(errs, "0 stored") {
		t.Fatalf("second ingest: exit %d: %s", code, errs)
	}
	if n2, _ := stats(t, db); n2 != n1 {
		t.Fatalf("second ingest changed the document count: %d → %d", n1, n2)
	}
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("\x00\x01binary"), 0o644)
	good := filepath.Join(dir, "new.txt")
	os.WriteFile(good, []byte("QUITO, Ecuador (Newsgraph) — Ecuador's army said on Sunday it had arrested 12 suspected gang members."), 0o644)
	code, _, errs = runCLI(t, "", "ingest", "--db", db, bad, good)
	if code != exitFailure || !strings.Contains(errs, "bad.txt: binary file") {
		t.Fatalf("mixed ingest: exit %d: %s", code, errs)
	}
	if n3, _ := stats(t, db); n3 != n1+1 {
		t.Fatalf("good document of a partly failed run not stored: %d → %d", n1, n3)
	}
	code, out, errs := runCLI(t, "", "query", "documents", "--db", db, "--output", "json", "--limit", "100")
	if code != exitOK {
		t.Fatalf("query: exit %d: %s", code, errs)
	}
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != n1+1 {
		t.Fatalf("query documents: %d rows (%v)", len(rows), err)
	}
}

func TestDemo(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	code, out, errs := runCLI(t, "", "demo", "--examples", filepath.Join("..", "..", "examples"), "--db", db)
	if code != exitOK {
		t.Fatalf("demo: exit %d: %s", code, errs)
	}
	for _, want := range []string{"example documents", "Try next", "serve"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.Contains(last, "open http://127.0.0.1:8080/ in a browser") {
		t.Errorf("demo does not end with the dashboard's URL: %q", last)
	}
	code, _, errs = runCLI(t, "", "demo", "--examples", filepath.Join(t.TempDir(), "none"))
	if code != exitUsage || !strings.Contains(errs, "no examples directory") {
		t.Errorf("demo without examples: exit %d: %s", code, errs)
	}
}
