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

// TestCorefIndexSameAsScan checks that coreference gives the same mentions
// and entities (and the actors stage the same codes) with the indexes of
// corefindex.go and donors.go as with the scans they replace, on every
// golden story and example, one by one and all in one document.
func TestCorefIndexSameAsScan(t *testing.T) {
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
	defer func(i int, d bool) { indexFrom, donorsCache = i, d }(indexFrom, donorsCache)
	for i, text := range texts {
		indexFrom, donorsCache = 1<<30, false
		scan := run(text)
		indexFrom, donorsCache = 0, true
		indexed := run(text)
		if scan != indexed {
			t.Errorf("text %d (%d bytes): indexed coreference differs from the scans", i, len(text))
		}
	}
}
