// Package text is newsgraph's first pipeline stage: it splits a document's
// text into paragraphs, sentences and tokens, every one a half-open byte span
// into the unmodified text.
//
// Segmentation is rule-based and tuned for news: abbreviations ("U.S.",
// "Gen.", "Aug. 5", "3 p.m."), initials, decimals, ellipses, quotes and
// brackets around sentence ends, datelines ("CAIRO, Aug. 5 (Xinhua) --"),
// headlines on their own line or glued to the body, bullet and numbered
// lists. Tokenization follows the Penn Treebank / CoNLL-2003 conventions (see
// Tokenize). Everything here is pure and safe for concurrent use.
package text

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// Stage is the "text" pipeline stage. It provides the paragraphs, sentences
// and tokens layers and requires nothing. The zero value is ready to use; a
// Stage holds no state and is safe for concurrent use.
type Stage struct{}

// New returns the text stage.
func New() *Stage { return &Stage{} }

// Name returns "text".
func (*Stage) Name() string { return "text" }

// Requires returns nil: the text stage only reads Document.Text.
func (*Stage) Requires() []document.Layer { return nil }

// Provides returns the paragraphs, sentences, tokens (with their
// normalized view, Document.Lower) and dateline layers.
func (*Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerParagraphs, document.LayerSentences, document.LayerTokens, document.LayerDateline}
}

// Process fills d.Paragraphs, d.Sentences, d.Tokens, d.Lower and
// d.Dateline from d.Text (see Annotate). It returns an error only when ctx is done.
func (*Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("text: %w", err)
	}
	Annotate(d)
	return nil
}

// Annotate replaces d.Paragraphs, d.Tokens and d.Sentences with the
// segmentation of d.Text, reusing the slices' capacity. Paragraphs are
// ordered and disjoint; every token lies in one paragraph; sentences cover
// every token, never cross a paragraph and have FirstToken, EndToken and
// Paragraph set. When d.Title is set and the text opens with it glued to the
// body, the title is a sentence of its own. d.Lower is the normalized view
// of the text (document.LowerText) and d.Dateline the story's dateline: the
// one the reader put before the text (MetaDateline of d.Meta["dateline"])
// or else FindDateline's. d.Text is not modified.
func Annotate(d *document.Document) {
	d.Paragraphs = Paragraphs(d.Text, d.Paragraphs[:0])
	toks := d.Tokens[:0]
	if cap(toks) == 0 {
		toks = make([]document.Token, 0, len(d.Text)/5+8)
	}
	for _, p := range d.Paragraphs {
		toks = Tokenize(d.Text[p.Start:p.End], p.Start, toks)
	}
	d.Tokens = toks
	sents := d.Sentences[:0]
	if cap(sents) == 0 {
		sents = make([]document.Sentence, 0, len(d.Text)/100+4)
	}
	d.Sentences = Segment(d.Text, d.Paragraphs, d.Tokens, sents)
	splitTitle(d)
	d.Lower = document.LowerText(d.Text)
	d.Dateline = FindDateline(d.Text)
	if m, ok := d.Meta["dateline"].(string); ok {
		if dl := MetaDateline(d.Text, m); dl.Found() {
			d.Dateline = dl
		}
	}
}

// splitTitle ends the first sentence after the document's title when the
// text opens with the title glued to the body ("Quake hits Peru A strong
// earthquake...") and the segmenter did not already split there.
func splitTitle(d *document.Document) {
	t := strings.TrimSpace(d.Title)
	if t == "" || len(d.Sentences) == 0 || len(t) >= len(d.Text) {
		return
	}
	a, _ := trim(d.Text, 0, len(d.Text))
	if !strings.HasPrefix(d.Text[a:], t) {
		return
	}
	end := a + len(t)
	first := d.Sentences[0]
	if first.End <= end {
		return
	}
	// The title must end on a token boundary inside the first sentence.
	k := first.FirstToken
	for k < first.EndToken && d.Tokens[k].End < end {
		k++
	}
	if k >= first.EndToken-1 || d.Tokens[k].End != end {
		return
	}
	head := document.Sentence{Span: document.Span{Start: first.Start, End: end}, FirstToken: first.FirstToken, EndToken: k + 1, Paragraph: first.Paragraph}
	first.FirstToken = k + 1
	first.Start = d.Tokens[k+1].Start
	d.Sentences = append(d.Sentences, document.Sentence{})
	copy(d.Sentences[2:], d.Sentences[1:])
	d.Sentences[0], d.Sentences[1] = head, first
}

// Split returns the sentence spans of s, a convenience over Paragraphs,
// Tokenize and Segment for callers without a Document.
func Split(s string) []document.Span {
	d := document.Document{Text: s}
	Annotate(&d)
	out := make([]document.Span, len(d.Sentences))
	for i, x := range d.Sentences {
		out[i] = x.Span
	}
	return out
}
