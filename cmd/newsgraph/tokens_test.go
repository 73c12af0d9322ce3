package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/contract"
)

// TestExtract_WithTokens checks extract --with-tokens on the examples: the
// output is the same as without it apart from "tokens"; tokens satisfy the
// contract, every token has its syntax, and every sentence's heads form one
// tree inside the sentence.
func TestExtract_WithTokens(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "examples", "*"))
	code, plain, errs := runCLI(t, "", append([]string{"extract", "--with-text"}, files...)...)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	code, withTok, errs := runCLI(t, "", append([]string{"extract", "--with-text", "--with-tokens"}, files...)...)
	if code != exitOK {
		t.Fatalf("--with-tokens: exit %d: %s", code, errs)
	}
	pl, wt := strings.Split(strings.TrimSpace(plain), "\n"), strings.Split(strings.TrimSpace(withTok), "\n")
	if len(pl) != len(wt) {
		t.Fatalf("%d documents with --with-tokens, %d without", len(wt), len(pl))
	}
	for i := range wt {
		var o document.Output
		if err := json.Unmarshal([]byte(wt[i]), &o); err != nil {
			t.Fatal(err)
		}
		if err := contract.Validate([]byte(wt[i]), *o.Text); err != nil {
			t.Fatal(err)
		}
		if len(o.Tokens) == 0 {
			t.Fatalf("%s: no tokens", o.ID)
		}
		tokens := o.Tokens
		o.Tokens = nil
		b, _ := json.Marshal(&o)
		var p document.Output
		json.Unmarshal([]byte(pl[i]), &p)
		c, _ := json.Marshal(&p)
		if string(b) != string(c) {
			t.Errorf("%s: output differs beyond tokens", o.ID)
		}
		// sentence of every token by offsets
		sent := make([]int, len(tokens))
		si := 0
		for k, tk := range tokens {
			for si < len(o.Sentences) && o.Sentences[si].End <= tk.Start {
				si++
			}
			sent[k] = si
		}
		roots := map[int]int{}
		for k, tk := range tokens {
			if tk.POS == "" || tk.Tag == "" || tk.Dep == "" || tk.Head == nil {
				t.Fatalf("%s: token %d without syntax: %+v", o.ID, k, tk)
			}
			h := *tk.Head
			if h == -1 {
				roots[sent[k]]++
				continue
			}
			if sent[h] != sent[k] {
				t.Errorf("%s: token %d: head %d in another sentence", o.ID, k, h)
			}
			// no cycle: walking up ends at a root within len(tokens) steps
			x, steps := k, 0
			for x != -1 && steps <= len(tokens) {
				x = *tokens[x].Head
				steps++
			}
			if x != -1 {
				t.Fatalf("%s: token %d: cycle", o.ID, k)
			}
		}
		for s, n := range roots {
			if n != 1 {
				t.Errorf("%s: sentence %d has %d roots", o.ID, s, n)
			}
		}
	}
}
