package events

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

// TestLoadGold_CorpusReference checks gold lines that point at a corpus
// story: text, title and date are filled from the corpus, an unknown id is
// an error and absent corpus data is ErrNoData.
func TestLoadGold_CorpusReference(t *testing.T) {
	shareddata.Require(t, "corpus/reuters21578/reut2-000.sgm")
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// the first story of reut2-000.sgm (NEWID 1), by the id package read gives it
	ok := write("ok.jsonl", `{"id":"d0eaa4df9b7bfd3c","corpus":"corpus/reuters21578/reut2-000.sgm","events":[{"code":"040","source":"BRA","target":""}]}`+"\n")
	ss, err := LoadGold(ok)
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 1 || !strings.Contains(ss[0].Text, "cocoa") || ss[0].Title == "" || !strings.HasPrefix(ss[0].Published, "1987-02-26") {
		t.Fatalf("story not filled from the corpus: %+v", ss)
	}
	if ss[0].Events[0].Root != "04" {
		t.Errorf("root not derived: %+v", ss[0].Events[0])
	}
	missing := write("missing.jsonl", `{"id":"0000000000000000","corpus":"corpus/reuters21578/reut2-000.sgm","events":[]}`+"\n")
	if _, err := LoadGold(missing); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("unknown id: err = %v", err)
	}
	absent := write("absent.jsonl", `{"id":"x","corpus":"corpus/no-such-file.csv","events":[]}`+"\n")
	if _, err := LoadGold(absent); !errors.Is(err, ErrNoData) {
		t.Errorf("absent data: err = %v, want ErrNoData", err)
	}
}
