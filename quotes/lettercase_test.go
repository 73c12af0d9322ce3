package quotes

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// caseDoc builds a document of one sentence per line with whitespace tokens
// (enough for the letter-case decision) and a name mention for each of
// names found in the text.
func caseDoc(text string, names ...string) *document.Document {
	d := document.New("t", text)
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		s := document.Sentence{FirstToken: len(d.Tokens)}
		for i := 0; i < len(line); {
			for i < len(line) && (line[i] == ' ' || line[i] == '\n') {
				i++
			}
			j := i
			for j < len(line) && line[j] != ' ' && line[j] != '\n' {
				j++
			}
			if j > i {
				d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: off + i, End: off + j}, Kind: document.Word})
			}
			i = j
		}
		s.EndToken = len(d.Tokens)
		if s.EndToken > s.FirstToken {
			s.Span = document.Span{Start: d.Tokens[s.FirstToken].Start, End: d.Tokens[s.EndToken-1].End}
			d.Sentences = append(d.Sentences, s)
		}
		off += len(line)
	}
	for _, n := range names {
		if i := strings.Index(text, n); i >= 0 {
			d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: i, End: i + len(n)}, Type: document.Person, Kind: document.Name, Entity: -1})
		}
	}
	return d
}

// TestExtract_letterCase checks that quotes keep their cues and speakers in
// ALL-CAPS and lower-case text, where the entities stage's name mentions
// stand for the capital letters.
func TestExtract_letterCase(t *testing.T) {
	tests := []struct {
		name, text string
		names      []string
		want       []want
	}{
		{"mixed", "“We will not back down,” Ana Ortega said on Monday.", nil,
			[]want{{"We will not back down,", true, "said", "Ana Ortega", ""}}},
		{"capitals", "“WE WILL NOT BACK DOWN,” ANA ORTEGA SAID ON MONDAY.", []string{"ANA ORTEGA"},
			[]want{{"WE WILL NOT BACK DOWN,", true, "SAID", "ANA ORTEGA", ""}}},
		{"lower case", "“we will not back down,” ana ortega said on monday.", []string{"ana ortega"},
			[]want{{"we will not back down,", true, "said", "ana ortega", ""}}},
		{"capitals, speaker first", "ANA ORTEGA TOLD REPORTERS: “THE TALKS ARE OVER.”", []string{"ANA ORTEGA"},
			[]want{{"THE TALKS ARE OVER.", true, "TOLD", "ANA ORTEGA", ""}}},
		{"capitals, reported speech", "THE MINISTRY SAID THAT THE BORDER WOULD STAY CLOSED.", nil,
			[]want{{"THE BORDER WOULD STAY CLOSED", false, "SAID", "THE MINISTRY", ""}}},
		{"lower case, pronoun", "ana ortega arrived late.\n“there is no other way,” she said.", []string{"ana ortega"},
			[]want{{"there is no other way,", true, "said", "she", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := caseDoc(tt.text, tt.names...)
			checkQuotes(t, d, Extract(d), tt.want)
		})
	}
}

// checkQuotes compares the quotes got from d with want (spans found in
// order in the text).
func checkQuotes(t *testing.T, d *document.Document, got []document.Quote, want []want) {
	t.Helper()
	if len(got) != len(want) {
		for _, q := range got {
			t.Logf("got %q direct=%v cue=%q", d.Slice(q.Span), q.Direct, q.Cue)
		}
		t.Fatalf("got %d quotes, want %d", len(got), len(want))
	}
	from := 0
	for i, w := range want {
		q := got[i]
		start := strings.Index(d.Text[from:], w.text) + from
		span := document.Span{Start: start, End: start + len(w.text)}
		if q.Span != span {
			t.Errorf("quote %d: span %v %q, want %v %q", i, q.Span, d.Slice(q.Span), span, w.text)
		}
		from = start
		if q.Direct != w.direct || q.Cue != w.cue {
			t.Errorf("quote %d: direct=%v cue=%q, want direct=%v cue=%q", i, q.Direct, q.Cue, w.direct, w.cue)
		}
		if q.Cue != "" && d.Slice(q.CueSpan) != q.Cue {
			t.Errorf("quote %d: cue span %q != cue %q", i, d.Slice(q.CueSpan), q.Cue)
		}
		switch {
		case w.speaker == "" && q.Speaker != nil:
			t.Errorf("quote %d: speaker %q, want none", i, d.Slice(q.Speaker.Span))
		case w.speaker != "" && q.Speaker == nil:
			t.Errorf("quote %d: no speaker, want %q", i, w.speaker)
		case w.speaker != "":
			if d.Slice(q.Speaker.Span) != w.speaker {
				t.Errorf("quote %d: speaker %q, want %q", i, d.Slice(q.Speaker.Span), w.speaker)
			}
			name := w.name
			if name == "" {
				name = w.speaker
			}
			if q.Speaker.Name != name || q.Speaker.Entity != -1 {
				t.Errorf("quote %d: name %q entity %d, want %q -1", i, q.Speaker.Name, q.Speaker.Entity, name)
			}
		}
	}
}
