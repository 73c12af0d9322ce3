package sqlite

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// readOnlyCopy stores the fixtures, closes the store and returns a copy of
// its file in a directory where file and directory are read-only (chmod;
// root is not bound by the mode bits, but mode=ro still is).
func readOnlyCopy(t *testing.T, edit func(*Store)) string {
	t.Helper()
	s := filled(t)
	if edit != nil {
		edit(s)
	}
	src := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(dir, "news.db")
	if err := os.WriteFile(dst, data, 0o444); err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	return dst
}

func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	path := readOnlyCopy(t, nil)
	before, _ := os.ReadFile(path)
	s, err := OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("OpenReadOnly: %v", err)
	}
	docs, err := s.Documents(ctx, store.Query{})
	if err != nil || len(docs) != 3 {
		t.Fatalf("Documents = %d, %v; want 3", len(docs), err)
	}
	if qs, err := s.Quotes(ctx, store.Query{Speaker: "fidan"}); err != nil || len(qs) != 1 {
		t.Errorf("Quotes(fidan) = %d, %v", len(qs), err)
	}
	if _, err := s.Put(ctx, storetest.MustDocs(t)[0]); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("Put on a read-only store: %v", err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(before, after) {
		t.Error("the read-only open changed the database file")
	}
}

func TestOpenReadOnly_Versions(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name, sql, want string
	}{
		{"older", `DELETE FROM schema_migrations WHERE version = 5`, "schema version 4 is older than this program's"},
		{"newer", `INSERT INTO schema_migrations(version, applied) VALUES (99, 'x')`, "schema version 99 is newer"},
		{"not ours", `DROP TABLE schema_migrations`, "not a newsgraph database"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := readOnlyCopy(t, func(s *Store) {
				if _, err := s.db.Exec(tc.sql); err != nil {
					t.Fatal(err)
				}
			})
			_, err := OpenReadOnly(ctx, path)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(t.TempDir(), "missing.db")); err == nil {
		t.Error("a missing file opened")
	}
}

// TestOpen_PathEscaped: SQLite's URI syntax does not rewrite a file name.
func TestOpen_PathEscaped(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for _, name := range []string{"pct%41.db", "q?mark.db", "hash#1.db", "sp ace.db"} {
		p := filepath.Join(dir, name)
		s, err := Open(ctx, p)
		if err != nil {
			t.Fatalf("Open(%q): %v", name, err)
		}
		s.Close()
		if _, err := os.Stat(p); err != nil {
			t.Errorf("Open(%q) did not create that file: %v", name, err)
		}
		r, err := OpenReadOnly(ctx, p)
		if err != nil {
			t.Errorf("OpenReadOnly(%q): %v", name, err)
		} else {
			r.Close()
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "pctA.db")); err == nil {
		t.Error("pct%41.db was decoded to pctA.db")
	}
}
