package ner

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/document"
)

// Stage is a pipeline stage ("ner") that fills the mentions layer with the
// raw tagger's names, for use without package entities (baselines,
// evaluation). CoNLL types map to the output contract: PER→PERSON, ORG→ORG,
// LOC→GPE when the words are a country, city or first-level division in the
// model's gazetteer and LOC otherwise, MISC→NORP for nationality words and
// MISC otherwise. Mentions are names with Entity -1. It is safe for
// concurrent use.
type Stage struct {
	t *Tagger
}

// NewStage returns the stage over the embedded model, or the model's load error.
func NewStage() (*Stage, error) {
	t, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{t: t}, nil
}

// Name returns "ner".
func (s *Stage) Name() string { return "ner" }

// Requires returns the sentences and tokens layers.
func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens}
}

// Provides returns the mentions layer.
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerMentions} }

// Process tags d's sentences and appends one name mention per span, in text
// order. It fails when a sentence's token range is outside d.Tokens.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("ner: %w", err)
	}
	var gaz []uint32
	spans, err := s.t.tagDocument(ctx, d, &gaz)
	if err != nil {
		return err
	}
	off := 0
	for i, ss := range spans {
		st := d.Sentences[i]
		g := gaz[off : off+st.EndToken-st.FirstToken]
		off += st.EndToken - st.FirstToken
		for _, sp := range ss {
			a, b := d.Tokens[st.FirstToken+sp.Start], d.Tokens[st.FirstToken+sp.End-1]
			d.Mentions = append(d.Mentions, document.Mention{
				Span:   document.Span{Start: a.Start, End: b.End},
				Type:   contractType(sp, g),
				Kind:   document.Name,
				Entity: -1,
			})
		}
	}
	return nil
}

// contractType maps a CoNLL span to an output contract type.
func contractType(sp Span, gaz []uint32) document.EntityType {
	// Gazetteer bits of a match covering exactly the span: U at the start for
	// one word, B at the start and L at the end otherwise.
	covered := func(class int) bool {
		if sp.End-sp.Start == 1 {
			return gaz[sp.Start]&(1<<(4*class+posU)) != 0
		}
		return gaz[sp.Start]&(1<<(4*class+posB)) != 0 && gaz[sp.End-1]&(1<<(4*class+posL)) != 0
	}
	switch sp.Type {
	case "PER":
		return document.Person
	case "ORG":
		return document.Org
	case "LOC":
		for _, c := range []int{gazCountry, gazBigCity, gazCity, gazAdm1} {
			if covered(c) {
				return document.GPE
			}
		}
		return document.Loc
	default:
		if covered(gazDemonym) {
			return document.NORP
		}
		return document.Misc
	}
}
