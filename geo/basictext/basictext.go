// Package basictext is a small sentence splitter and tokenizer used by the
// geo package's tests and evaluation when the full "text" stage is not in
// the pipeline. It provides the sentences and tokens layers.
package basictext

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"

	"newsgraph/document"
)

// Stage fills sentences and tokens. It is safe for concurrent use.
type Stage struct{}

// Name returns "basictext".
func (Stage) Name() string { return "basictext" }

// Requires returns nothing.
func (Stage) Requires() []document.Layer { return nil }

// Provides returns the paragraphs, sentences and tokens layers.
func (Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerParagraphs, document.LayerSentences, document.LayerTokens}
}

var abbrev = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gov": true, "sen": true, "rep": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "prof": true, "rev": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "no": true, "vs": true, "inc": true, "corp": true, "co": true,
	"jr": true, "sr": true, "mt": true, "ft": true, "u": true, "s": true, "a": true, "d": true, "c": true,
}

// Process tokenizes d.Text and splits it into sentences.
func (Stage) Process(_ context.Context, d *document.Document) error {
	t := d.Text
	d.Tokens = d.Tokens[:0]
	space := true
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRuneInString(t[i:])
		if unicode.IsSpace(r) {
			space = true
			i += n
			continue
		}
		j := i + n
		kind := document.Punct
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			kind = document.Word
			allDigit := unicode.IsDigit(r)
			for j < len(t) {
				r2, n2 := utf8.DecodeRuneInString(t[j:])
				if !(unicode.IsLetter(r2) || unicode.IsDigit(r2) || unicode.Is(unicode.Mn, r2)) {
					break
				}
				if !unicode.IsDigit(r2) {
					allDigit = false
				}
				j += n2
			}
			if allDigit {
				kind = document.Number
			}
		} else if unicode.IsSymbol(r) {
			kind = document.Symbol
		}
		d.Tokens = append(d.Tokens, document.Token{Span: document.Span{Start: i, End: j}, Kind: kind, SpaceBefore: space})
		space = false
		i = j
	}
	d.Sentences = d.Sentences[:0]
	d.Paragraphs = append(d.Paragraphs[:0], document.Span{Start: 0, End: len(t)})
	first := 0
	for k := 0; k < len(d.Tokens); k++ {
		tok := d.Tokens[k]
		end := false
		s := t[tok.Start:tok.End]
		if s == "!" || s == "?" || s == "." {
			end = true
			if s == "." && k > 0 && !d.Tokens[k].SpaceBefore && abbrev[strings.ToLower(t[d.Tokens[k-1].Start:d.Tokens[k-1].End])] {
				end = false
			}
			// closing quotes stay with the sentence
			for k+1 < len(d.Tokens) && !d.Tokens[k+1].SpaceBefore && isCloser(t[d.Tokens[k+1].Start:d.Tokens[k+1].End]) {
				k++
			}
			if k+1 < len(d.Tokens) && !d.Tokens[k+1].SpaceBefore {
				end = false
			}
		}
		if k+1 < len(d.Tokens) && strings.Contains(t[tok.End:d.Tokens[k+1].Start], "\n") {
			end = true
		}
		if end || k == len(d.Tokens)-1 {
			d.Sentences = append(d.Sentences, document.Sentence{Span: document.Span{Start: d.Tokens[first].Start, End: d.Tokens[k].End}, FirstToken: first, EndToken: k + 1})
			first = k + 1
		}
	}
	return nil
}

func isCloser(s string) bool { return s == "\"" || s == "”" || s == "’" || s == "'" || s == ")" }
