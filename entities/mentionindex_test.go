package entities

import (
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/text"
)

// TestMentionIndex checks that the cursors answer exactly as
// Document.TokenAt and Document.SentenceAt, for mentions in text order, out
// of order, far apart (the binary-search fallback) and outside the text.
func TestMentionIndex(t *testing.T) {
	s := "The council met on Monday. Police in Lagos said two people were hurt. "
	for len(s) < 4000 {
		s += "The mayor said the river had risen again, and the army was sent. "
	}
	d := document.New("ix", s)
	text.Annotate(d)
	n := len(d.Text)
	tests := []struct {
		name  string
		spans [][2]int
	}{
		{"in order", [][2]int{{0, 3}, {4, 11}, {27, 33}, {37, 42}, {100, 120}}},
		{"out of order", [][2]int{{37, 42}, {0, 3}, {27, 33}, {4, 11}}},
		{"far apart", [][2]int{{0, 3}, {n - 20, n - 10}, {n/2 - 5, n / 2}, {n - 4, n}}},
		{"outside", [][2]int{{n, n + 5}, {n + 10, n + 12}, {0, 1}}},
		{"between sentences", [][2]int{{25, 27}, {26, 28}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d.Mentions = d.Mentions[:0]
			for _, sp := range tt.spans {
				d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: sp[0], End: sp[1]}})
			}
			ix := newMentionIndex(d)
			for i, m := range d.Mentions {
				if got, want := ix.first[i], d.TokenAt(m.Start); got != want {
					t.Errorf("mention %d %v: first %d, want %d", i, m.Span, got, want)
				}
				if got, want := ix.last[i], d.TokenAt(m.End-1); got != want {
					t.Errorf("mention %d %v: last %d, want %d", i, m.Span, got, want)
				}
				if got, want := ix.sent[i], d.SentenceAt(m.Start); got != want {
					t.Errorf("mention %d %v: sentence %d, want %d", i, m.Span, got, want)
				}
			}
		})
	}
}
