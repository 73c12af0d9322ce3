package text

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"newsgraph/document"
)

func TestZZConllTok(t *testing.T) {
	if os.Getenv("TEXT_CONLL") == "" {
		t.Skip()
	}
	f, _ := os.Open("/work/shared/data/ner/conll2003/eng.testa")
	sc := bufio.NewScanner(f)
	cnt := map[string]int{}
	for sc.Scan() {
		l := sc.Text()
		i := strings.IndexByte(l, ' ')
		if i <= 0 || strings.HasPrefix(l, "-DOCSTART-") {
			continue
		}
		w := l[:i]
		toks := Tokenize(w, 0, nil)
		if len(toks) != 1 {
			var parts []string
			for _, tk := range toks {
				parts = append(parts, w[tk.Start:tk.End])
			}
			cnt[strings.Join(parts, "|")]++
		}
	}
	type kv struct {
		k string
		v int
	}
	var xs []kv
	for k, v := range cnt {
		xs = append(xs, kv{k, v})
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].v > xs[j].v })
	for i, x := range xs {
		if i < 60 {
			fmt.Println(x.v, x.k)
		}
	}
	_ = document.Word
}
