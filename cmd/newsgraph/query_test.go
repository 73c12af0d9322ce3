package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// testDB writes the storetest fixtures into a fresh database and returns its path.
func testDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cli.db")
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if _, err := st.PutBatch(context.Background(), storetest.MustDocs(t)); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQuery_Usage(t *testing.T) {
	db := testDB(t)
	cases := []struct {
		args     []string
		code     int
		inStderr string
		inStdout string
	}{
		{[]string{"query", "--help"}, exitOK, "", "Examples:"},
		{[]string{"query"}, exitUsage, "want exactly one of events", ""},
		{[]string{"query", "events", "quotes"}, exitUsage, "got 2 arguments", ""},
		{[]string{"query", "tweets"}, exitUsage, `unknown kind "tweets"`, ""},
		{[]string{"query", "events", "--output", "xml", "--db", db}, exitUsage, `unknown --output "xml"`, ""},
		{[]string{"query", "events", "--since", "last week", "--db", db}, exitUsage, `--since "last week"`, ""},
		{[]string{"query", "events", "--until", "2024-02-30", "--db", db}, exitUsage, `--until "2024-02-30"`, ""},
		{[]string{"query", "events", "--limit", "0", "--db", db}, exitUsage, "--limit 0", ""},
		{[]string{"query", "events", "--root", "nineteen", "--db", db}, exitUsage, "digits", ""},
		{[]string{"query", "events", "--since", "2024-06-01", "--until", "2024-01-01", "--db", db}, exitUsage, "not before", ""},
		{[]string{"query", "search", "--db", db}, exitUsage, "search needs --text", ""},
		{[]string{"query", "search", "--text", "!!", "--db", db}, exitUsage, "no searchable word", ""},
		{[]string{"query", "events", "--db", filepath.Join(t.TempDir(), "none.db")}, exitFailure, "no database at", ""},
		{[]string{"query", "events", "--root", "20", "--db", db}, exitOK, "no rows match", "DOC_ID"},
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

func TestQuery_Table(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCLI(t, "", "query", "events", "--db", db, "--actor", "sdn")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want header + 3 rows, got:\n%s", out)
	}
	// Columns align: "CODE" starts at the same column as each code.
	col := strings.Index(lines[0], "CODE")
	for _, l := range lines[1:] {
		if !strings.HasPrefix(l[col:], "1") {
			t.Errorf("misaligned row %q (CODE at %d)", l, col)
		}
	}
	if !strings.Contains(lines[1], "khartoum-protest  2024-05-19") || !strings.Contains(lines[1], "fired live rounds") || !strings.Contains(lines[1], "…") {
		t.Errorf("first row = %q", lines[1])
	}
	for _, kind := range []string{"quotes", "counts", "entities", "documents"} {
		code, out, errs := runCLI(t, "", "query", kind, "--db", db)
		if code != exitOK || strings.Count(out, "\n") < 3 {
			t.Errorf("query %s: exit %d\n%s%s", kind, code, out, errs)
		}
	}
}

func TestQuery_JSONAndCSV(t *testing.T) {
	db := testDB(t)
	code, out, errs := runCLI(t, "", "query", "quotes", "--speaker", "Ribeiro", "--output", "json", "--db", db)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rows []store.QuoteRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 1 {
		t.Fatalf("json %v: %s", err, out)
	}
	if r := rows[0]; r.Text != "Não vamos recuar," || r.Start != 92 || r.End != 109 || r.Speaker != "Ana Ribeiro" {
		t.Errorf("row = %+v", r)
	}

	code, out, _ = runCLI(t, "", "query", "counts", "--output", "csv", "--db", db, "--since", "2024-05-19", "--until", "2024-05-19")
	if code != exitOK {
		t.Fatalf("exit %d", code)
	}
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("csv %v: %q", err, out)
	}
	if recs[0][0] != "doc_id" || recs[1][3] != "12" || recs[1][7] != "KILL" || !strings.HasPrefix(recs[1][11], "KHARTOUM, May 19 — ") {
		t.Errorf("csv rows = %q", recs[:2])
	}

	code, out, _ = runCLI(t, "", "query", "search", "--text", "refugees", "--output", "json", "--db", db)
	var hits []store.SearchHit
	if code != exitOK || json.Unmarshal([]byte(out), &hits) != nil || len(hits) != 1 || hits[0].DocID != "geneva-talks" {
		t.Errorf("search: exit %d, %s", code, out)
	}

	// Empty results are an empty JSON array, not null.
	code, out, _ = runCLI(t, "", "query", "events", "--root", "20", "--output", "json", "--db", db)
	if code != exitOK || strings.TrimSpace(out) != "[]" {
		t.Errorf("empty json = %q", out)
	}
}

func TestCell(t *testing.T) {
	long := strings.Repeat("é", 70)
	cases := []struct {
		in   string
		wide bool
		want string
	}{
		{"", false, "-"},
		{"a\tb\n\nc", false, "a b c"},
		{long, false, long},
		{long, true, strings.Repeat("é", tableWidth-1) + "…"},
	}
	for _, c := range cases {
		if got := cell(c.in, c.wide); got != c.want {
			t.Errorf("cell(%q, %v) = %q, want %q", c.in, c.wide, got, c.want)
		}
	}
}
