package quotes

import (
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"\u201cWe will not,\u201d she said, \u201cback down.\u201d",
		"\"unbalanced, he said.\n\nNext paragraph \"x\" y.",
		"''a'' `` '' ' ' \u2018 \u2019 \u00ab \u00bb \" \"",
		"According to , said . : \u201c",
		"Ortega's statement that", ", said", "\u201c\u201d\u201c\u201d\n\n\u201c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := document.New("f", text)
		qs := Extract(d)
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("bad span %v in %q", q.Span, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(d.Slice(q.Span)) {
				t.Fatalf("span %v splits a code point", q.Span)
			}
			if q.Speaker != nil && (q.Speaker.Start < 0 || q.Speaker.End > len(text) || q.Speaker.Start >= q.Speaker.End) {
				t.Fatalf("bad speaker span %v", q.Speaker.Span)
			}
		}
		_ = GKGQuotations(&document.Document{Text: text, Quotes: qs})
	})
}
