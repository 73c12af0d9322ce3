// Package quotes implements the "quotes" stage: direct quotations and
// reported speech, each with its cue and speaker.
//
// The stage scans every paragraph once. Quotation marks (straight, curly,
// guillemets; single marks when a paragraph uses them as primary quotes) are
// classified as opening or closing from their neighbours and paired; a
// paragraph that opens a quote without closing it continues into the next
// paragraph when that one opens with a quotation mark, and otherwise the quote
// is closed at the paragraph end, so that dirty text never swallows the rest
// of the article. Speakers come from the cue next to the quote ("…," she
// said; said Ana Ortega; Ortega told reporters: "…"), from reported speech
// that contains the quote, from the last speaker of the paragraph, or from
// the paragraph's single named person. Reported speech is found with a small
// attribution grammar over speech verbs ("X said (that) …", "…, X said.",
// "according to X", "X's statement that …", colon cues).
//
// When the entities stage has run, a speaker span that overlaps a mention is
// resolved to that mention's entity and name, and the mentions guide the
// speaker choice where the words alone are ambiguous: the first person or
// organization of a sentence after an introductory phrase ("In Ames, Iowa,
// on Sunday, Ana Ortega …, saying"), and a person followed by a verb
// outside the lexicon (“…,” an angry Ortega retorted). A "he" or "she"
// speaker that the coreference left unresolved, or resolved to a
// non-person or a person of the other gender, falls back to the most
// recent earlier speaker who is a person of that gender.
//
// Among the speaker rules: the outermost attribution of a sentence speaks
// ("He says he believes the party has “…”" goes to He); a speech verb in a
// relative clause gives the clause's antecedent ("Ortega, who has led the
// talks for years, mocked"); passives ("was described as") and plural nouns
// that look like verbs ("the primary states.") are not cues.
package quotes

import (
	"context"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/codetext"
)

// Stage is the quotes stage. It holds no per-document state and is safe for
// concurrent use.
type Stage struct{}

// New returns the quotes stage.
func New() *Stage { return &Stage{} }

// Name returns "quotes".
func (*Stage) Name() string { return "quotes" }

// Requires lists the layers the stage reads: paragraphs, sentences, tokens
// and the page's genre (a page that is no news has no quotes).
func (*Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerParagraphs, document.LayerSentences, document.LayerTokens, document.LayerGenre}
}

// Optional lists the mentions and entities layers: speakers are resolved
// to entities when the entities stage runs.
func (*Stage) Optional() []document.Layer {
	return []document.Layer{document.LayerMentions, document.LayerEntities}
}

// Provides returns the quotes layer.
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerQuotes} }

// Process appends d's quotes to d.Quotes in text order. When d has no
// paragraphs (a caller that skipped the text stage), paragraphs are taken to
// be the text's non-blank lines. A page the genre stage classified as no
// news (a recipe, fiction, code, a contract...) gets no quotes. Process
// never fails on any input except a cancelled context.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if d.NonNews() {
		return nil
	}
	base := len(d.Quotes)
	x := extractCtx(ctx, d)
	if err := ctx.Err(); err != nil {
		return err // over the document's budget
	}
	x.dropUnspoken()
	d.Quotes = append(d.Quotes, x.out...)
	if d.Explain {
		for i, st := range x.steps {
			detail := ""
			if sp := d.Quotes[base+i].Speaker; sp != nil {
				detail = sp.Name
			}
			d.Trace(document.LayerQuotes, base+i, "speaker", st, detail)
		}
	}
	return nil
}

// Extract returns the quotes of d without modifying it. It reads d.Paragraphs
// (or the text's lines when there are none), and d.Mentions and d.Entities
// when present.
func Extract(d *document.Document) []document.Quote {
	x := extract(d)
	x.dropUnspoken()
	return x.out
}

// dropUnspoken removes every quote when none has a speaker: a text in
// which nobody is quoted (a contract, a manual) cites phrases, it does not
// report speech.
func (x *extractor) dropUnspoken() {
	for _, q := range x.out {
		if q.Speaker != nil {
			return
		}
	}
	x.out, x.steps = x.out[:0], x.steps[:0]
}

// extract runs the extractor over d; its out and steps hold the quotes and
// the step that decided each speaker.
func extract(d *document.Document) *extractor { return extractCtx(context.Background(), d) }

// extractCtx is extract, stopping (with what it has) once ctx is done: the
// paragraph loop checks it every 64 paragraphs.
func extractCtx(ctx context.Context, d *document.Document) *extractor {
	paras := d.Paragraphs
	if len(paras) == 0 {
		paras = lines(d.Text)
	}
	x := &extractor{d: d, text: d.Text, ms: mentionsInOrder(d.Mentions), cv: newCaseView(d), code: codetext.Mask(d.Text)}
	if b, ok := tokBufs.Get().(*[]tok); ok {
		x.t = *b
	}
	defer func() {
		b := x.t[:0]
		x.t = nil
		tokBufs.Put(&b)
	}()
	for i := range paras {
		if i&63 == 63 && ctx.Err() != nil {
			break
		}
		p := paras[i]
		if p.Start < 0 || p.End > len(d.Text) || p.Start >= p.End {
			continue
		}
		next := -1
		x.nextPara = document.Span{}
		if i+1 < len(paras) {
			next = paras[i+1].Start
			if n := paras[i+1]; n.Start >= p.End && n.End <= len(d.Text) && n.Start < n.End {
				x.nextPara = n
			}
		}
		x.paragraph(p, next)
	}
	return x
}

// tokBufs holds the paragraph token buffers (extractor.t) of finished
// documents: the buffer grows to a document's longest paragraph once, not
// from empty for every document.
var tokBufs sync.Pool // *[]tok

// lines splits text into non-blank lines.
func lines(text string) []document.Span {
	var out []document.Span
	start := 0
	for start < len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		a, b := start, end
		for a < b && (text[a] == ' ' || text[a] == '\t' || text[a] == '\r') {
			a++
		}
		for b > a && (text[b-1] == ' ' || text[b-1] == '\t' || text[b-1] == '\r') {
			b--
		}
		if a < b {
			out = append(out, document.Span{Start: a, End: b})
		}
		start = end + 1
	}
	return out
}

// mentionsInOrder returns ms when it is sorted by start offset, otherwise a
// sorted copy: speaker resolution searches mentions by offset.
func mentionsInOrder(ms []document.Mention) []document.Mention {
	for i := 1; i < len(ms); i++ {
		if ms[i].Start < ms[i-1].Start {
			c := append([]document.Mention(nil), ms...)
			sort.SliceStable(c, func(a, b int) bool { return c[a].Start < c[b].Start })
			return c
		}
	}
	return ms
}
