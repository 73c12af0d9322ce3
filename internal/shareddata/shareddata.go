// Package shareddata locates the development data in ../shared/data (relative
// to the module root), which tools, benchmarks and optional tests read. The
// data is never part of the repository: callers skip cleanly when Dir is "".
package shareddata

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared data directory: $NEWSGRAPH_DATA when set, else the
// first ../shared/data found walking up from the working directory. It
// returns "" when there is none.
func Dir() string {
	if d := os.Getenv("NEWSGRAPH_DATA"); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		cand := filepath.Join(dir, "..", "shared", "data")
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			abs, _ := filepath.Abs(cand)
			return abs
		}
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return ""
		}
		if filepath.Dir(dir) == dir {
			return ""
		}
	}
}

// Path returns the path of rel inside the shared data directory, or "" when
// the directory or the file is absent.
func Path(rel string) string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// Require returns the path of rel or skips the test when it is absent.
func Require(tb testing.TB, rel string) string {
	tb.Helper()
	p := Path(rel)
	if p == "" {
		tb.Skipf("shared data %s not present", rel)
	}
	return p
}

// CSVTexts returns the first column of every row but the header of the CSV
// file rel (the BBC corpus's text column), or skips the test when the file
// is absent.
func CSVTexts(tb testing.TB, rel string) []string {
	tb.Helper()
	f, err := os.Open(Require(tb, rel))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		tb.Fatalf("%s: %v", rel, err)
	}
	var texts []string
	for _, r := range rows[min(1, len(rows)):] {
		texts = append(texts, r[0])
	}
	return texts
}
