// Package entities is newsgraph's entities stage: it finds mentions of
// people, organizations, places and groups (names from the statistical
// tagger in package ner plus rule and dictionary layers; role descriptions;
// pronouns), clusters them into entities with a deterministic multi-pass
// coreference sieve, and gives mentions and entities CAMEO actor codes.
//
// All offsets are byte offsets into Document.Text; mentions do not overlap
// and are stored in text order.
package entities

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/ner"
)

// Options configures the stage.
type Options struct {
	// Dict is an optional user dictionary whose actors add to or override
	// the built-in ones (see actors.Load).
	Dict *actors.Dictionary
	// DictFile, when not empty, is read with actors.LoadFile and merged
	// after Dict.
	DictFile string
	// NoTagger disables the statistical tagger (rules and dictionaries
	// only); used by tests and for speed.
	NoTagger bool
	// Tagger replaces the embedded tagger (a model trained by a tool, e.g.
	// the cross-validation of tools/nertrain); nil means ner.Default.
	Tagger *ner.Tagger
}

// Stage is the entities stage. It is read-only after New and safe for
// concurrent use.
type Stage struct {
	tagger *ner.Tagger
	dict   *actors.Dictionary
	// user is true when a user dictionary was merged: its entries are
	// matched before the tagger's spans (see annotator.dictNames).
	user bool
	gaz  *gazetteer.Gazetteer
}

// New returns the stage, loading the tagger model and the gazetteer (once
// per process) and the user dictionary. It fails when a model or the
// dictionary cannot be read.
func New(opts Options) (*Stage, error) {
	if err := errors.Join(lex.Err(), corefLex.Err(), actors.Err()); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	s := &Stage{dict: actors.Default()}
	if opts.Dict != nil || opts.DictFile != "" {
		s.dict = s.dict.Clone()
		s.dict.Merge(opts.Dict)
		s.user = true
		if opts.DictFile != "" {
			u, err := actors.LoadFile(opts.DictFile)
			if err != nil {
				return nil, fmt.Errorf("entities: %w", err)
			}
			s.dict.Merge(u)
		}
	}
	var err, terr error
	switch {
	case opts.NoTagger:
	case opts.Tagger != nil:
		s.tagger = opts.Tagger
	default:
		s.tagger, terr = ner.Default()
	}
	s.gaz, err = gazetteer.Default()
	if err = errors.Join(terr, err); err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return s, nil
}

// Name returns "entities".
func (*Stage) Name() string { return "entities" }

// Requires returns the sentences, tokens and dateline layers.
func (*Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens, document.LayerDateline}
}

// Provides returns the mentions and entities layers.
func (*Stage) Provides() []document.Layer {
	return []document.Layer{document.LayerMentions, document.LayerEntities}
}

// Process replaces d.Mentions and d.Entities. It returns an error only when
// ctx is done or a sentence's tokens are outside d.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	var spans [][]ner.Span
	if s.tagger != nil && len(d.Sentences) > 0 {
		var err error
		if spans, err = s.tagger.TagDocumentContext(ctx, d); err != nil {
			return fmt.Errorf("entities: %w", err)
		}
	}
	a := newAnnotator(s, d)
	a.ctx = ctx
	if err := a.run(spans); err != nil {
		return fmt.Errorf("entities: %w", err)
	}
	return nil
}
