package stages_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/stages"
)

// TestNonNews runs the default pipeline over five pages that are no news
// (testdata/nonnews, our own writing: a recipe with a quoted instruction,
// fiction with dialogue, a contract with defined terms, a README and
// source code with string literals): the genre stage classifies each, and
// none has a quote or an event. A news story with the same quote cues
// (the same quoted instruction, "said softly", "called") keeps its quotes, direct and reported.
func TestNonNews(t *testing.T) {
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	type q struct{ text, speaker string }
	tests := []struct {
		file, genre string
		quotes      []q
	}{
		{"recipe.txt", "recipe", nil},
		{"fiction.txt", "fiction", nil},
		{"contract.txt", "contract", nil},
		{"readme.txt", "readme", nil},
		{"code.txt", "code", nil},
		{"news.txt", "news", []q{
			{"A baker from the village of Ashby won the national soup contest on Saturday with a spiced carrot recipe", "the organisers"},
			{"Taste it twice before you add any salt,", "Tomas Varga"},
			{"My uncle taught me that, and he was right.", "Tomas Varga"},
			{"The contest drew 300 entries this year", "the organisers"},
			{`the winning soup was "a winter warmer in the best sense."`, "Ruth Okafor"},
			{"a winter warmer in the best sense.", "Ruth Okafor"},
			{"he would share the prize of 2,000 pounds with his staff", "Varga"},
			{"Nobody expected this,", "he"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join("testdata", "nonnews", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			d := document.New(tt.file, string(raw))
			if err := p.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if d.Genre != tt.genre {
				t.Errorf("genre = %q, want %q", d.Genre, tt.genre)
			}
			var got []q
			for _, x := range d.Quotes {
				sp := ""
				if x.Speaker != nil {
					sp = d.Slice(x.Speaker.Span)
				}
				got = append(got, q{d.Slice(x.Span), sp})
			}
			if len(got) != len(tt.quotes) {
				t.Fatalf("got %d quotes %q, want %q", len(got), got, tt.quotes)
			}
			for i := range got {
				if got[i] != tt.quotes[i] {
					t.Errorf("quote %d: got %q, want %q", i, got[i], tt.quotes[i])
				}
			}
			if tt.genre != "news" && len(d.Events) != 0 {
				t.Errorf("%d events on a %s page", len(d.Events), tt.genre)
			}
		})
	}
}
