package syntax

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
)

func mustModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// checkTree fails unless heads (sentence-relative, -1 root) form one tree.
func checkTree(tb testing.TB, heads []int) {
	tb.Helper()
	h := make([]int, len(heads))
	for i, x := range heads {
		if x < -1 || x >= len(heads) || x == i {
			tb.Fatalf("token %d: head %d out of range (n=%d)", i, x, len(heads))
		}
		h[i] = x
	}
	if len(heads) > 0 && !isTree(h) {
		tb.Fatalf("heads %v are not one tree", heads)
	}
}

// TestAnalyze_Sentences checks the full analysis of sentences written for
// this test (UD v2 conventions as in EWT).
func TestAnalyze_Sentences(t *testing.T) {
	tests := []struct {
		words string // space-separated tokens
		pos   string
		heads []int
		deps  string
	}{
		{
			words: "The minister said the talks had failed .",
			pos:   "DET NOUN VERB DET NOUN AUX VERB PUNCT",
			heads: []int{1, 2, -1, 4, 6, 6, 2, 2},
			deps:  "det nsubj root det nsubj aux ccomp punct",
		},
		{
			words: "Police arrested two men on Sunday .",
			pos:   "NOUN VERB NUM NOUN ADP PROPN PUNCT",
			heads: []int{1, -1, 3, 1, 5, 1, 1},
			deps:  "nsubj root nummod obj case obl punct",
		},
		{
			words: "She did n't answer .",
			pos:   "PRON AUX PART VERB PUNCT",
			heads: []int{3, 3, 3, -1, 3},
			deps:  "nsubj aux advmod root punct",
		},
		{
			words: "The company 's shares dropped sharply .",
			pos:   "DET NOUN PART NOUN VERB ADV PUNCT",
			heads: []int{1, 3, 1, 4, -1, 4, 4},
			deps:  "det nmod:poss case nsubj root advmod punct",
		},
	}
	p := NewParser(mustModel(t))
	var a Analysis
	for _, tt := range tests {
		forms := strings.Fields(tt.words)
		p.Analyze(forms, &a)
		checkTree(t, a.Head)
		if got := strings.Join(a.POS, " "); got != tt.pos {
			t.Errorf("%q: POS\n got %s\nwant %s", tt.words, got, tt.pos)
		}
		if got := strings.Join(a.Dep, " "); got != tt.deps {
			t.Errorf("%q: deps\n got %s\nwant %s", tt.words, got, tt.deps)
		}
		for i := range forms {
			if a.Head[i] != tt.heads[i] {
				t.Errorf("%q: heads %v, want %v", tt.words, a.Head, tt.heads)
				break
			}
		}
	}
}

// TestAnalyze_Long checks that a run of tokens longer than MaxSentence is
// still one tree.
func TestAnalyze_Long(t *testing.T) {
	p := NewParser(mustModel(t))
	var a Analysis
	forms := strings.Fields(strings.Repeat("prices rose and shares fell , ", 150))
	p.Analyze(forms, &a)
	checkTree(t, a.Head)
	if len(a.Head) != len(forms) {
		t.Fatalf("%d heads for %d tokens", len(a.Head), len(forms))
	}
}

func TestAnalyze_Lemmas(t *testing.T) {
	p := NewParser(mustModel(t))
	var a Analysis
	forms := strings.Fields("The ministers said they were studying two proposals .")
	p.Analyze(forms, &a)
	want := "the minister say they be study two proposal ."
	if got := strings.Join(a.Lemma, " "); got != want {
		t.Errorf("lemmas\n got %s\nwant %s", got, want)
	}
}

// TestStage_Process runs the stage on a document and checks the layer's
// invariants: every token analyzed, heads inside their sentence, one root
// per sentence, no cycle.
func TestStage_Process(t *testing.T) {
	s, err := NewStage()
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("t", "Rebels attacked a convoy near the border. Two soldiers were wounded.")
	d.Tokens = []document.Token{}
	// hand tokens: words separated by spaces, the final periods split
	add := func(a, b int) { d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: a, End: b}}) }
	start := 0
	for i := 0; i <= len(d.Text); i++ {
		if i == len(d.Text) || d.Text[i] == ' ' || d.Text[i] == '.' {
			if i > start {
				add(start, i)
			}
			if i < len(d.Text) && d.Text[i] == '.' {
				add(i, i+1)
			}
			start = i + 1
		}
	}
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: 41}, FirstToken: 0, EndToken: 8}, {Span: document.Span{Start: 42, End: len(d.Text)}, FirstToken: 8, EndToken: len(d.Tokens)}}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if !d.HasSyntax() {
		t.Fatal("no syntax")
	}
	for si, sen := range d.Sentences {
		var heads []int
		for k := sen.FirstToken; k < sen.EndToken; k++ {
			h := d.Tokens[k].Head
			if h != -1 && (h < sen.FirstToken || h >= sen.EndToken) {
				t.Fatalf("sentence %d token %d: head %d outside the sentence", si, k, h)
			}
			if h >= 0 {
				h -= sen.FirstToken
			}
			heads = append(heads, h)
		}
		checkTree(t, heads)
	}
	if got := d.Tokens[1].Lemma; got != "attack" {
		t.Errorf("lemma of attacked = %q", got)
	}
	kids := d.Children()
	if len(kids[1]) == 0 {
		t.Errorf("attacked has no dependents: %v", kids)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, d); err == nil {
		t.Error("cancelled context: no error")
	}
}

// FuzzAnalyze parses arbitrary token sequences: it never panics, every
// token gets a head inside the sentence and the heads form one tree.
func FuzzAnalyze(f *testing.F) {
	f.Add("The minister said the talks had failed .")
	f.Add("")
	f.Add(". . . , ( ) '' `` - -- ...")
	f.Add("a\xffb ÜBER 123,456 e-mail don't")
	m := mustModel(f)
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) && len(s) > 1000 {
			return
		}
		p := NewParser(m)
		var a Analysis
		forms := strings.Fields(s)
		p.Analyze(forms, &a)
		if len(a.Head) != len(forms) || len(a.POS) != len(forms) || len(a.Dep) != len(forms) || len(a.Lemma) != len(forms) {
			t.Fatalf("lengths: %d forms, %d heads", len(forms), len(a.Head))
		}
		checkTree(t, a.Head)
		for i := range forms {
			if a.POS[i] == "" || a.Tag[i] == "" || a.Dep[i] == "" {
				t.Fatalf("token %d: empty analysis", i)
			}
			if (a.Head[i] == -1) != (a.Dep[i] == "root") {
				t.Fatalf("token %d: head %d with relation %s", i, a.Head[i], a.Dep[i])
			}
		}
	})
}

// FuzzReadCoNLLU reads arbitrary input: an error or sentences whose heads
// are all inside the sentence, never a panic; Surface and Align run on
// every sentence read.
func FuzzReadCoNLLU(f *testing.F) {
	f.Add("# sent_id = 1\n# text = Hi there\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\t_\n2\tthere\tthere\tADV\tRB\t_\t1\tadvmod\t_\t_\n\n")
	f.Add("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\tSpaceAfter=No\n")
	f.Add("1\tx\n")
	f.Add("1.1\tx\tx\tX\tX\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadCoNLLU(strings.NewReader(s))
		if err != nil {
			return
		}
		tok := func(s string) [][2]int {
			var out [][2]int
			a := -1
			for i := 0; i <= len(s); i++ {
				if i == len(s) || s[i] == ' ' {
					if a >= 0 {
						out = append(out, [2]int{a, i})
					}
					a = -1
				} else if a < 0 {
					a = i
				}
			}
			return out
		}
		for i := range sents {
			ts := &sents[i]
			for _, w := range ts.Words {
				if w.Head < 0 || w.Head > len(ts.Words) {
					t.Fatalf("head %d of %d words", w.Head, len(ts.Words))
				}
			}
			txt, spans := ts.WordSpans()
			for _, sp := range spans {
				if sp[0] < 0 || sp[1] > len(txt)+1 || sp[0] > sp[1] {
					t.Fatalf("span %v in %q", sp, txt)
				}
			}
			a := Align(ts, tok, PTBFromUD)
			if a.Tree {
				checkTree(t, a.Head)
			}
		}
	})
}

// BenchmarkAnalyze measures the embedded model, or the model file named
// by NEWSGRAPH_SYNTAX_MODEL (to compare a model tools/parsetrain wrote
// elsewhere with the same test binary).
func BenchmarkAnalyze(b *testing.B) {
	m := mustModel(b)
	if p := os.Getenv("NEWSGRAPH_SYNTAX_MODEL"); p != "" {
		raw, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		if m, err = Load(aligned(string(raw))); err != nil {
			b.Fatal(err)
		}
	}
	benchAnalyze(b, m)
}

// BenchmarkAnalyzeBeam is BenchmarkAnalyze with the beam parser (the
// embedded model's weights, which were trained greedy: the speed, not the
// parses, is what it measures).
func BenchmarkAnalyzeBeam(b *testing.B) {
	for _, k := range []int{4, 8} {
		b.Run(fmt.Sprintf("k=%d", k), func(b *testing.B) {
			m := *mustModel(b)
			m.SetBeam(k)
			benchAnalyze(b, &m)
		})
	}
}

func benchAnalyze(b *testing.B, m *Model) {
	p := NewParser(m)
	sents := [][]string{
		strings.Fields("The United Nations Security Council on Tuesday called for an immediate ceasefire in the region , after two days of fighting left at least 40 people dead ."),
		strings.Fields("Officials said the government would send aid to the flooded provinces , but warned that roads remained closed ."),
		strings.Fields("\" We will not accept this , \" the minister told reporters in Nairobi ."),
		strings.Fields("Shares of the company fell 3.5 % in early trading on Monday ."),
	}
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	var a Analysis
	clock, release := cputime.ThreadClock()
	defer release()
	b.ReportAllocs()
	b.ResetTimer()
	c0 := clock()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			p.Analyze(s, &a)
		}
	}
	cpu := clock() - c0
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

// TestParse_CacheMatchesFeatures checks that the parser's cached per-token
// role scores (Parser.parse) add up, in every state of a parse, to the
// scores of all of the state's features (parseFeatures, what training
// scores): the role features must depend only on what stays fixed while
// the token holds the role.
func TestParse_CacheMatchesFeatures(t *testing.T) {
	m := mustModel(t)
	p := NewParser(m)
	sents := []string{
		"The minister said on Tuesday that the talks , which began in March , had failed because neither side would give ground .",
		"Police in the capital arrested two men and a woman after a car bomb exploded outside the embassy early on Sunday .",
		"\" We will not accept this , \" she told reporters , adding that the government had been warned twice .",
		"Shares rose .",
		"Oil prices fell sharply as traders bet that demand in Asia , Europe and the United States would weaken further next year .",
	}
	if m.label != nil {
		// a parser that predicts the move before the label
		var fs [][]string
		for _, sent := range sents {
			fs = append(fs, strings.Fields(sent))
		}
		if states := checkFactoredCache(t, m, fs); states < 100 {
			t.Fatalf("only %d states", states)
		}
		return
	}
	nl := len(m.labels)
	nc := 1 + 2*nl
	full := make([]int32, nc)
	states := 0
	for _, sent := range sents {
		p.describe(strings.Fields(sent))
		p.tag()
		n := len(p.ws)
		s := &p.st
		s.reset(n)
		slots := (n + 2) * nRoles
		p.valid, p.cache = make([]bool, slots), make([]int32, slots*nc)
		sc := make([]int32, nc)
		for !s.terminal() {
			p.feats = dynamicFeatures(s, p.ws, p.tags, p.feats[:0])
			m.parser.score(p.feats, sc)
			for role, i := range s.roles() {
				k := (int(i)+1)*nRoles + role
				vec := p.cache[k*nc : (k+1)*nc]
				if !p.valid[k] {
					p.roleFs = roleFeatures(role, i, s, p.ws, p.tags, p.roleFs[:0])
					m.parser.score(p.roleFs, vec)
					p.valid[k] = true
				}
				for c, v := range vec {
					sc[c] += v
				}
			}
			m.parser.score(parseFeatures(s, p.ws, p.tags, nil), full)
			for c := range sc {
				if sc[c] != full[c] {
					t.Fatalf("%q, state %d: cached score of move %d is %d, features give %d", sent, states, c, sc[c], full[c])
				}
			}
			states++
			best := -1
			for a := range sc {
				if (best < 0 || sc[a] > sc[best]) && s.legal(a, nl, m.rootLabel) {
					best = a
				}
			}
			s.apply(best, nl)
		}
	}
	if states < 100 {
		t.Fatalf("only %d states", states)
	}
}
