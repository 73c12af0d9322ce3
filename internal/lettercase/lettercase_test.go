package lettercase

import (
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

func TestFold(t *testing.T) {
	tests := []struct {
		name   string
		sents  []string
		fold   []bool
		noCase bool
	}{
		{"mixed", []string{"Amina Odhiambo flew to Kisumu .", "She met the governor ."}, []bool{false, false}, false},
		{"headline", []string{"FLOODS HIT KISUMU", "Amina Odhiambo flew to Kisumu on Monday ."}, []bool{true, false}, false},
		{"all caps", []string{"FLOODS HIT KISUMU", "AMINA ODHIAMBO FLEW TO KISUMU ON MONDAY ."}, []bool{true, true}, true},
		{"lower", []string{"amina odhiambo flew to kisumu .", "she met the governor ."}, []bool{true, true}, true},
		{"sentence starts", []string{"Amina odhiambo flew to kisumu and met the regional governor .", "She met the governor , and I saw it , and they talked for an hour ."}, []bool{true, true}, true},
		{"short text with capitals", []string{"NATO said its troops would stay ."}, []bool{false}, false},
		{"short text starting in capitals", []string{"He said the plan would fail ."}, []bool{false}, false},
		{"short text without capitals", []string{"he said the plan would fail ."}, []bool{true}, true},
		{"I is not a name", []string{"i think I'm right and I’ll say it ."}, []bool{true}, true},
		{"one name in 56 words", []string{strings.Repeat("the rain fell on the town and ", 8) + "Kisumu ."}, []bool{false}, false},
		{"one capital in 140 words", []string{strings.Repeat("the rain fell on the town and ", 20) + "OMG ."}, []bool{true}, true},
		{"one word", []string{"KISUMU"}, []bool{false}, false},
		{"empty", nil, []bool{}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := make([]Count, len(tt.sents))
			for i, s := range tt.sents {
				for _, w := range strings.Fields(s) {
					cs[i].Add(w)
				}
			}
			fold := make([]bool, len(cs))
			if got := Fold(cs, fold); got != tt.noCase {
				t.Errorf("noCase = %v, want %v", got, tt.noCase)
			}
			if !reflect.DeepEqual(fold, tt.fold) {
				t.Errorf("fold = %v, want %v", fold, tt.fold)
			}
		})
	}
}

func TestDocument(t *testing.T) {
	text := "ÉTAT D'URGENCE À PARIS\nLe président a parlé à Lyon ."
	d := document.New("t", text)
	first := true
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == ' ' || text[i] == '\n' {
			if i > start {
				d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: start, End: i}})
			}
			if i < len(text) && text[i] == '\n' || i == len(text) {
				fs := 0
				if !first {
					fs = d.Sentences[len(d.Sentences)-1].EndToken
				}
				d.Sentences = append(d.Sentences, document.Sentence{FirstToken: fs, EndToken: len(d.Tokens)})
				first = false
			}
			start = i + 1
		}
	}
	if got, want := Document(d), []bool{true, false}; !reflect.DeepEqual(got, want) {
		t.Errorf("Document = %v, want %v", got, want)
	}
}
