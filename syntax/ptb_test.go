package syntax

import (
	"os"
	"sort"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

func TestPTBFromUD_EWT(t *testing.T) {
	p := shareddata.Path("syntax/ud/en_ewt-ud-dev.conllu")
	if p == "" {
		t.Skip("no shared data")
	}
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	n, ok := 0, 0
	bad := map[string]int{}
	for _, s := range sents {
		for _, w := range s.Words {
			n++
			if g := PTBFromUD(w); g == w.XPOS {
				ok++
			} else {
				bad[w.UPOS+" "+w.XPOS+"->"+g]++
			}
		}
	}
	acc := float64(ok) / float64(n)
	t.Logf("PTB from UD on EWT dev: %.4f of %d", acc, n)
	var keys []string
	for k := range bad {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return bad[keys[i]] > bad[keys[j]] })
	for i, k := range keys {
		if i < 25 {
			t.Logf("%6d %s", bad[k], k)
		}
	}
	if acc < 0.95 {
		t.Errorf("agreement %.4f < 0.95", acc)
	}
}
