package themes

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

var tokenRE = regexp.MustCompile(`[\p{L}]+(?:['’][\p{L}]+)*|\p{N}+|\S`)

// prepare tokenizes text as one sentence (the test's own tokenizer: words,
// numbers, single punctuation marks, hyphens apart).
func prepare(text string) *document.Document {
	d := document.New("t", text)
	for _, m := range tokenRE.FindAllStringIndex(text, -1) {
		k := document.Word
		if m[1]-m[0] == 1 && !regexp.MustCompile(`\pL`).MatchString(text[m[0]:m[1]]) {
			k = document.Punct
		}
		d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: m[0], End: m[1]}, Kind: k})
	}
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}, EndToken: len(d.Tokens)}}
	return d
}

func TestProcess(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	type th struct{ theme, text string }
	for _, c := range []struct {
		text string
		want []th
	}{
		{"The truce held as aid convoys reached the besieged town.", []th{{"CEASEFIRE", "truce"}, {"HUMANITARIAN_AID", "aid convoys"}, {"SIEGE", "besieged"}}},
		// "March" the month is no march; "marched" is
		{"In March thousands marched against the sanctions.", []th{{"PROTEST", "marched"}, {"SANCTIONS", "sanctions"}}},
		// the longest pattern of a theme wins, a word may evoke two themes
		{"Rescuers searched the rubble after the earthquake; the death toll rose.", []th{{"RESCUE", "Rescuers"}, {"RESCUE", "rubble"}, {"NATURAL_DISASTER", "earthquake"}, {"KILLING", "death toll"}, {"CASUALTIES", "death toll"}}},
		{"Évacuation: the cease-fire and a humanitarian corridor — ¡refugees!", []th{{"CEASEFIRE", "cease-fire"}, {"HUMANITARIAN_CORRIDOR", "humanitarian corridor"}, {"REFUGEES", "refugees"}}},
		{"Nothing to see here.", nil},
	} {
		d := prepare(c.text)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var got []th
		for _, x := range d.Themes {
			got = append(got, th{x.Theme, d.Slice(x.Span)})
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: themes %v, want %v", c.text, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: theme %d = %v, want %v", c.text, i, got[i], c.want[i])
			}
		}
	}
}

func TestTaxonomy(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(tax.Themes) < 95 {
		t.Errorf("%d themes, want about 100", len(tax.Themes))
	}
	doc, err := os.ReadFile("../docs/themes.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range tax.Themes {
		if !strings.Contains(string(doc), "| `"+th.Code+"` |") {
			t.Errorf("docs/themes.md does not list %s", th.Code)
		}
	}
	for _, bad := range []string{"", "X\tg\td", "lower\tg\td\tx", "A\tg\td\tUpper", "A\tg\td\tx\nA\tg\td\ty", "A\tg\td\tab*", "A\tg\td\t~two words"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) succeeded", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add(themesTSV)
	f.Add("A\tg\td\tx*|~y|two words")
	f.Fuzz(func(t *testing.T, s string) {
		tax, err := Parse(s)
		if err != nil {
			return
		}
		st := &Stage{tax: tax}
		d := prepare("two words x y xyz")
		_ = st.Process(context.Background(), d)
	})
}

func BenchmarkProcess(b *testing.B) {
	st, err := New()
	if err != nil {
		b.Fatal(err)
	}
	d := prepare(strings.Repeat("Police fired tear gas at protesters as the ceasefire collapsed and refugees fled. ", 50))
	for b.Loop() {
		if err := st.Process(context.Background(), d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDefault measures parsing the embedded taxonomy, what every
// start pays.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMayStart checks the lead filter: every key of the tables passes it,
// and a word it stops starts no pattern (words of the examples, every
// prefix of every key and their changes of one letter).
func TestMayStart(t *testing.T) {
	tax, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, m := range []map[string][]pattern{tax.byFirst, tax.byStem} {
		for k := range m {
			if !tax.mayStart(k) {
				t.Fatalf("key %q does not pass", k)
			}
			for i := 1; i <= len(k); i++ {
				words = append(words, k[:i], k[:i]+"s")
				for c := byte('a'); c <= 'z'; c++ {
					words = append(words, k[:i-1]+string(c)+k[i:])
				}
			}
		}
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words = append(words, strings.Fields(strings.ToLower(string(b)))...)
	}
	stopped := 0
	for _, w := range words {
		if tax.mayStart(w) {
			continue
		}
		stopped++
		if len(tax.byFirst[w]) > 0 || len(tax.byStem[stem(w)]) > 0 {
			t.Fatalf("%q is stopped but starts a pattern", w)
		}
	}
	if stopped == 0 {
		t.Error("the filter stops no word")
	}
	t.Logf("%d of %d words stopped", stopped, len(words))
}
