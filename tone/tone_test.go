package tone

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

var tokenRE = regexp.MustCompile(`[\p{L}]+(?:['’][\p{L}]+)*|\p{N}+(?:[.,]\p{N}+)*|\S`)

// prepare tokenizes text as one sentence per line (the test's own simple
// tokenizer: words, numbers, single punctuation marks).
func prepare(text string) *document.Document {
	d := document.New("t", text)
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		first := len(d.Tokens)
		for _, m := range tokenRE.FindAllStringIndex(line, -1) {
			k := document.Word
			if r := line[m[0]]; r >= '0' && r <= '9' {
				k = document.Number
			} else if m[1]-m[0] == 1 && !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				k = document.Punct
			}
			d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: off + m[0], End: off + m[1]}, Kind: k})
		}
		if len(d.Tokens) > first {
			d.Sentences = append(d.Sentences, document.Sentence{Span: document.Span{Start: d.Tokens[first].Start, End: d.Tokens[len(d.Tokens)-1].End},
				FirstToken: first, EndToken: len(d.Tokens)})
		}
		off += len(line)
	}
	return d
}

func TestLexicon(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("unused sections %v", u)
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(l.score) < 3300 || l.score["killed"] != -3 || l.score["can't stand"] != -3 || l.maxLen != 3 {
		t.Errorf("lexicon: %d entries, killed %v, can't stand %v, longest %d", len(l.score), l.score["killed"], l.score["can't stand"], l.maxLen)
	}
}

func TestProcess(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		text string
		want []document.Tone // per sentence; the document's is their tally
	}{
		// 9 words: welcome, good, peace positive (33 %); we, our of self and group (22 %)
		{"We welcome a good peace deal for our people", []document.Tone{{Tone: 33.3333, Positive: 33.3333, Polarity: 33.3333, SelfGroupDensity: 22.2222, WordCount: 9}}},
		// "not" turns "welcome": 1 negative in 5 words
		{"They did not welcome it", []document.Tone{{Tone: -20, Negative: 20, Polarity: 20, WordCount: 5}}},
		// "can't stand" is one entry of two words: one negative in 4 words
		{"Residents can't stand it", []document.Tone{{Tone: -25, Negative: 25, Polarity: 25, WordCount: 4}}},
		// a possessive the list does not hold: "killer's"; troops attacked: active
		{"Troops attacked the killer’s camp", []document.Tone{{Tone: -20, Negative: 20, Polarity: 20, ActivityDensity: 20, WordCount: 5}}},
		{"12 , .", []document.Tone{{}}},
	} {
		d := prepare(c.text)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		if len(d.SentenceTone) != len(c.want) {
			t.Fatalf("%q: %d sentence tones", c.text, len(d.SentenceTone))
		}
		if *d.Tone != c.want[0] || d.SentenceTone[0] != c.want[0].Tone {
			t.Errorf("%q: tone %+v (sentence %v), want %+v", c.text, *d.Tone, d.SentenceTone[0], c.want[0])
		}
	}
}

// TestSpearman: the sentence tone ranks the 50 hand-labelled sentences of
// testdata/labelled.tsv like their labels (Spearman ≥ 0.6).
func TestSpearman(t *testing.T) {
	f, err := os.Open("testdata/labelled.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	var labels, tones []float64
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		l, s, _ := strings.Cut(line, "\t")
		v, err := strconv.ParseFloat(l, 64)
		if err != nil {
			t.Fatalf("label %q", l)
		}
		d := prepare(s)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		labels, tones = append(labels, v), append(tones, d.Tone.Tone)
	}
	if len(labels) != 50 {
		t.Fatalf("%d labelled sentences, want 50", len(labels))
	}
	rho := spearman(labels, tones)
	t.Logf("Spearman ρ = %.3f on %d sentences", rho, len(labels))
	if rho < 0.6 {
		t.Errorf("Spearman ρ = %.3f, want ≥ 0.6", rho)
	}
}

// spearman is Pearson's correlation of the ranks (ties get their mean rank).
func spearman(a, b []float64) float64 {
	ra, rb := ranks(a), ranks(b)
	n := float64(len(a))
	var ma, mb float64
	for i := range ra {
		ma += ra[i] / n
		mb += rb[i] / n
	}
	var sab, saa, sbb float64
	for i := range ra {
		sab += (ra[i] - ma) * (rb[i] - mb)
		saa += (ra[i] - ma) * (ra[i] - ma)
		sbb += (rb[i] - mb) * (rb[i] - mb)
	}
	if saa == 0 || sbb == 0 {
		return 0
	}
	return sab / (sqrt(saa) * sqrt(sbb))
}

func sqrt(x float64) float64 {
	z := x
	for i := 0; i < 60; i++ {
		z = (z + x/z) / 2
	}
	return z
}

func ranks(x []float64) []float64 {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return x[idx[i]] < x[idx[j]] })
	r := make([]float64, len(x))
	for i := 0; i < len(idx); {
		j := i
		for j+1 < len(idx) && x[idx[j+1]] == x[idx[i]] {
			j++
		}
		for k := i; k <= j; k++ {
			r[idx[k]] = float64(i+j)/2 + 1
		}
		i = j + 1
	}
	return r
}

func BenchmarkProcess(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Police fired tear gas at protesters who threw stones at the parliament building.\n", 40)
	for b.Loop() {
		d := prepare(text)
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefault measures reading the embedded lexicon, what every start
// pays.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestInfo_Filter checks that the filter in front of the word table stops
// no key: info agrees with the table on every key, every key with "s" or
// "'s" added and every word of the examples.
func TestInfo_Filter(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for w := range l.words {
		words = append(words, w, w+"s", w+"'s")
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.Fields(strings.ToLower(string(b)))...)
	}
	for _, w := range words {
		want, wok := l.words[w]
		if got, ok := l.info(w); got != want || ok != wok {
			t.Fatalf("info(%q) = %v, %v; want %v, %v", w, got, ok, want, wok)
		}
	}
}
