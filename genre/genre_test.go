package genre

import (
	"context"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

func TestDecide(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, want, step string
	}{
		{"empty", "", News, "news by default"},
		{"story with cooking words", "The chef, who trained in Lyon, said on Monday that he would preheat the ovens at dawn and whisk 400 eggs for the festival, the council announced.", News, "news by default"},
		{"story quoting a contract", `The government said the parties had agreed that "this agreement shall be governed by" Irish law, officials told reporters on Tuesday.`, News, "news by default"},
		{"recipe", "Pancakes\n\nServes 2\n\nIngredients\n100g plain flour\n1 tsp sugar\n\nMethod\nWhisk everything and fry.", Recipe, "recipe cues"},
		{"comments", "Comments (12)\n\nann_b\n2 hours ago\nGreat read.\nReply | Report abuse\n\nkofi\n1 hour ago\nAgreed.\nReply", Comments, "comments cues"},
		{"code", "func main() {\n\tx := 1\n\tif x == 1 {\n\t\tfmt.Println(\"one\")\n\t}\n}", Code, "code lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := c.Decide(tt.text)
			if r.Genre != tt.want || r.Step != tt.step {
				t.Errorf("Decide = %q by %q (score %d, news %d, cues %q), want %q by %q", r.Genre, r.Step, r.Score, r.NewsScore, r.Found, tt.want, tt.step)
			}
		})
	}
}

// TestDecide_Files classifies the pages of stages/testdata/nonnews (our
// own writing), which the stages test holds to no quotes and no events.
func TestDecide_Files(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{"recipe.txt": Recipe, "fiction.txt": Fiction, "contract.txt": Contract,
		"readme.txt": Readme, "code.txt": Code, "news.txt": News} {
		raw, err := os.ReadFile(filepath.Join("..", "stages", "testdata", "nonnews", file))
		if err != nil {
			t.Fatal(err)
		}
		if r := c.Decide(string(raw)); r.Genre != want {
			t.Errorf("%s: genre %q (score %d, news %d, cues %q), want %q", file, r.Genre, r.Score, r.NewsScore, r.Found, want)
		}
	}
}

func TestLoad_Errors(t *testing.T) {
	tests := []struct{ src, err string }{
		{"recipe\tword\ttbsp", "want 4 TAB-separated fields"},
		{"poem\tword\trhyme\t1", `unknown genre "poem"`},
		{"code\tword\tfunc\t1", `unknown genre "code"`},
		{"recipe\tregex\tt.sp\t1", `unknown kind "regex"`},
		{"recipe\tword\ttbsp\t0", "no positive integer"},
		{"recipe\tword\tTbsp\t1", "lower case"},
	}
	for _, tt := range tests {
		if _, err := Load("# cues\n" + tt.src + "\n"); err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), "line 2") {
			t.Errorf("Load(%q) = %v, want an error at line 2 with %q", tt.src, err, tt.err)
		}
	}
}

func TestStage_Explain(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("r", "Ingredients\n2 tbsp oil\n1 tsp salt\n\nMethod\nSimmer.")
	d.Explain = true
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if d.Genre != Recipe || !d.NonNews() {
		t.Fatalf("genre %q", d.Genre)
	}
	if len(d.Traces) != 1 || d.Traces[0].Layer != document.LayerGenre || d.Traces[0].Step != "recipe cues" {
		t.Errorf("traces %+v", d.Traces)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, d); err == nil {
		t.Error("no error on a cancelled context")
	}
}

func FuzzDecide(f *testing.F) {
	c, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Add("Ingredients\n1 tsp\n")
	f.Add("# x\n## y\n- `z`")
	f.Add("whereas hereinafter \xff")
	f.Fuzz(func(t *testing.T, s string) {
		r := c.Decide(s)
		if !known(r.Genre) && r.Genre != Code {
			t.Fatalf("genre %q", r.Genre)
		}
		_, _ = Load(s) // never panics
	})
}

func BenchmarkDecide(b *testing.B) {
	c, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("..", "stages", "testdata", "nonnews", "news.txt"))
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat(string(raw), 8)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		c.Decide(text)
	}
}

// TestPhrase_SameAsHasWord checks that a word cue found from the
// occurrences of its first word (wordOcc.phrase) is found exactly when
// hasWord finds it in the text, on texts made of pieces of the cues
// themselves, word bytes and separators in random order.
func TestPhrase_SameAsHasWord(t *testing.T) {
	c, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var pieces []string
	for _, q := range c.list {
		pieces = append(pieces, q.Text, q.Text[:len(q.Text)/2], q.Text[len(q.Text)/2:])
	}
	pieces = append(pieces, " ", " ", "\n", ".", "x", "7", "é", "-", "(")
	rng := rand.New(rand.NewSource(1))
	for n := 0; n < 3000; n++ {
		var sb strings.Builder
		for k := rng.Intn(30); k >= 0; k-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		s := sb.String()
		var occ wordOcc
		c.words(s, &occ)
		for ci, q := range c.list {
			i := c.lead[ci]
			if q.Kind != Word || i < 0 || c.whole[ci] {
				continue
			}
			if got, want := occ.head[i] >= 0 && occ.phrase(s, i, q.Text), hasWord(s, q.Text); got != want {
				t.Fatalf("cue %q in %q: phrase %v, hasWord %v", q.Text, s, got, want)
			}
		}
	}
}
