package entities

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestCoreferentCacheSameAsScan checks that the actors stage gives the same
// codes with the coreferent step's cache (donorsCache) as with the scans it
// replaces, on every golden story and example, one by one and all in one
// document. (Coreference's own indexes have no scan path since issue 12:
// they serve every document.)
func TestCoreferentCacheSameAsScan(t *testing.T) {
	var texts []string
	for _, s := range stories(t) {
		texts = append(texts, s.Text)
	}
	files, _ := filepath.Glob(filepath.Join("..", "examples", "*.txt"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	if len(texts) < 10 {
		t.Fatalf("only %d texts", len(texts))
	}
	texts = append(texts, strings.Join(texts, "\n\n"))
	process := testProcess(t)
	run := func(text string) string {
		d := newDoc("d", text)
		if err := process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		Resolve(d)
		b, err := json.Marshal(struct {
			M []document.Mention
			E []document.Entity
		}{d.Mentions, d.Entities})
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	defer func(d bool) { donorsCache = d }(donorsCache)
	for i, text := range texts {
		donorsCache = false
		scan := run(text)
		donorsCache = true
		indexed := run(text)
		if scan != indexed {
			t.Errorf("text %d (%d bytes): the coreferent cache differs from the scans", i, len(text))
		}
	}
}
