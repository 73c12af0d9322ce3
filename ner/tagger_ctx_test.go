package ner

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestTagDocumentContext: a cancelled context stops the tagger with its
// error; a live one tags as TagDocument does.
func TestTagDocumentContext(t *testing.T) {
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("Maria Lopez met officials in Lima. ", 600)
	d := document.New("c", text)
	for i, w := 0, 0; i < 600; i++ {
		start := len(d.Tokens)
		for _, f := range strings.Fields("Maria Lopez met officials in Lima .") {
			n := len(f)
			if f == "." {
				w-- // the full stop follows "Lima" without a space
			}
			d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: w, End: w + n}})
			w += n + 1
		}
		d.Sentences = append(d.Sentences, document.Sentence{Span: document.Span{Start: d.Tokens[start].Start, End: d.Tokens[len(d.Tokens)-1].End}, FirstToken: start, EndToken: len(d.Tokens)})
	}
	want, err := tg.TagDocument(d)
	if err != nil {
		t.Fatal(err)
	}
	got, err := tg.TagDocumentContext(context.Background(), d)
	if err != nil || len(got) != len(want) || len(got[0]) != len(want[0]) {
		t.Fatalf("live context: %d sentences, err %v; want %d", len(got), err, len(want))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tg.TagDocumentContext(ctx, d); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: err %v, want context.Canceled", err)
	}
}
