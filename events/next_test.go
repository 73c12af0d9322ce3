package events_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/events"
)

// TestNextFilter: the filter of a pattern's next word item (matchAll's
// next.mask) skips no pattern that matches: a one-word trigger ending its
// sentence, a word pair, a gap of up to three words, a word after the gap
// that ends the sentence.
func TestNextFilter(t *testing.T) {
	lex, err := events.ParseLexicon(strings.NewReader("042\tzorb\n042\tquib zane\n042\tflim * flam\n"), "t", nil)
	if err != nil {
		t.Fatal(err)
	}
	st := events.NewWithLexicon(lex, events.Options{})
	for text, want := range map[string]string{
		"The men zorb":                          "zorb",
		"They quib zane daily.":                 "quib zane",
		"They quib daily.":                      "",
		"They flim the old big flam":            "flim the old big flam",
		"They flim flam.":                       "flim flam",
		"They flim one two three four flam now": "",
	} {
		d := prepared(text, testPublished())
		var got []string
		for _, m := range st.Matches(d) {
			got = append(got, d.Text[m.Span.Start:m.Span.End])
		}
		if strings.Join(got, "|") != want {
			t.Errorf("%q: matches %q, want %q", text, got, want)
		}
	}
}
