// Package newsgraph reads news and turns it into structured, evidence-backed
// data: who said what (quotes and their speakers), who did what to whom
// (CAMEO/PLOVER events with their actors), where (geoparsed places), with
// what numbers (counts, amounts, percentages), and the entities with their
// CAMEO actor codes. Every annotation carries Unicode code point offsets into
// the text it came from.
//
// The library comes first; the newsgraph command is built on it:
//
//	x, err := newsgraph.New()
//	if err != nil { ... }
//	r, err := x.Extract(ctx, "ANKARA — Turkey's foreign minister said ...")
//	for _, q := range r.Quotes { fmt.Println(q.Speaker.Name, q.Text) }
//
// An Extractor loads its models once and is safe for concurrent use. Options
// reach every stage's own configuration (stages.Config); the result is the
// output contract (docs/output.md) with the annotated Document beside it.
package newsgraph

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/stages"
)

// Extractor runs the annotation pipeline over texts. It is safe for
// concurrent use.
type Extractor struct {
	p       *pipeline.Pipeline
	explain bool
}

// Option configures an Extractor.
type Option func(*settings) error

// settings is what the options set: the pipeline's configuration and the
// extractor's own.
type settings struct {
	cfg     stages.Config
	explain bool
}

// WithDictionary adds the actors of a user dictionary file (TSV or YAML, the
// format of docs/examples/actors.tsv) to the built-in ones; its entries win.
func WithDictionary(path string) Option {
	return func(s *settings) error { s.cfg.Entities.DictFile = path; return nil }
}

// WithActors adds the actors of d (see actors.Load) to the built-in ones.
func WithActors(d *actors.Dictionary) Option {
	return func(s *settings) error {
		if d == nil {
			return errors.New("WithActors: nil dictionary")
		}
		s.cfg.Entities.Dict = d
		return nil
	}
}

// WithLexicon extends the built-in event lexicon with a user lexicon file
// (the format of events/lexicon.tsv).
func WithLexicon(path string) Option {
	return func(s *settings) error { s.cfg.Events.Lexicon = path; return nil }
}

// WithUnsureEvents keeps events whose source names no country or
// international body (dropped by default).
func WithUnsureEvents() Option {
	return func(s *settings) error { s.cfg.Events.KeepUnsure = true; return nil }
}

// WithDemonyms is kept for callers of earlier versions: nationality and
// residents' words ("Turkish", "Kenyans", "Oklahomans") are now always
// reported, as locations of kind demonym (document.LocDemonym).
//
// Deprecated: filter on the locations' Kind instead.
func WithDemonyms() Option {
	return func(*settings) error { return nil }
}

// WithoutTagger disables the statistical name tagger: rules and dictionaries
// only (faster, lower recall).
func WithoutTagger() Option {
	return func(s *settings) error { s.cfg.Entities.NoTagger = true; return nil }
}

// WithSyntax adds the syntax stage (parts of speech, lemmas and
// dependencies of every token).
func WithSyntax() Option {
	return func(s *settings) error { s.cfg.Syntax = true; return nil }
}

// WithoutStages leaves stages out by name (stages.Names): "events",
// "counts". New fails when a remaining stage needs a layer only a removed
// one provides.
func WithoutStages(names ...string) Option {
	return func(s *settings) error { s.cfg.Skip = append(s.cfg.Skip, names...); return nil }
}

// WithExplain makes every result say which named step decided each traced
// field (Result.Explain; see docs/output.md).
func WithExplain() Option {
	return func(s *settings) error { s.explain = true; return nil }
}

// WithConfig replaces the whole pipeline configuration; options after it
// change it further.
func WithConfig(cfg stages.Config) Option {
	return func(s *settings) error { s.cfg = cfg; return nil }
}

// New returns an Extractor over the default pipeline configured by opts. It
// loads the models (once per process) and fails when a user file cannot be
// read or the options contradict each other.
func New(opts ...Option) (*Extractor, error) {
	var s settings
	for _, o := range opts {
		if err := o(&s); err != nil {
			return nil, fmt.Errorf("newsgraph: %w", err)
		}
	}
	p, err := stages.Default(s.cfg)
	if err != nil {
		return nil, fmt.Errorf("newsgraph: %w", err)
	}
	return &Extractor{p: p, explain: s.explain}, nil
}

// Result is one annotated document: the output contract (code point
// offsets, every span with its text) and, in Document, the annotated
// Document itself (byte offsets, every layer).
type Result struct {
	document.Output
	Document *document.Document
}

// Extract annotates text. It fails only when ctx is done or a stage fails on
// this text; the error names the stage.
func (x *Extractor) Extract(ctx context.Context, text string) (*Result, error) {
	return x.ExtractDocument(ctx, document.New("", text))
}

// ExtractDocument annotates d (its title, publication date and URL help:
// dates of events, the headline's weight) and returns it as a Result. An
// empty d.ID is set to the text's stable id.
func (x *Extractor) ExtractDocument(ctx context.Context, d *document.Document) (*Result, error) {
	if d == nil {
		return nil, errors.New("newsgraph: nil document")
	}
	if d.ID == "" {
		d.ID = document.StableID(d.Text)
	}
	if x.explain {
		d.Explain = true
	}
	if err := x.p.Process(ctx, d); err != nil {
		return nil, fmt.Errorf("newsgraph: %w", err)
	}
	return &Result{Output: *d.Output(document.OutputOptions{WithText: true}), Document: d}, nil
}

// Stages returns the names of the extractor's stages in order.
func (x *Extractor) Stages() []string {
	var out []string
	for _, s := range x.p.Stages() {
		out = append(out, s.Name())
	}
	return out
}
