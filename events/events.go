// Package events codes CAMEO events with their PLOVER type from the sentences,
// tokens and actor-coded mentions of a Document.
//
// The coder is lexical and precision-first: a lexicon of verb and noun
// patterns (lexicon.tsv, extensible by a user file) finds the trigger; the
// source and target come from the sentence's structure (clause chunks, word
// order, passive voice, prepositions, possessives, coordination), and an
// event is kept only when at least one side has a CAMEO actor code. Negated
// and hypothetical (future, conditional, proposed) events are kept but
// flagged; events inside reported speech are flagged Reported.
package events

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"newsgraph/cameo"
	"newsgraph/document"
)

// Options configure the stage.
type Options struct {
	// Lexicon is an optional user lexicon file in the lexicon.tsv format; its
	// patterns extend the built-in ones.
	Lexicon string
	// KeepUnsure keeps events whose only actor lacks a code. Off by default.
	KeepUnsure bool
}

// Stage is the event-coding pipeline stage. It is safe for concurrent use.
type Stage struct {
	lex  *Lexicon
	opts Options
}

// New returns the stage with the built-in lexicon extended by
// opts.Lexicon when set. It fails when the user lexicon cannot be read or
// parsed.
func New(opts Options) (*Stage, error) {
	lex, err := Builtin()
	if err != nil {
		return nil, err
	}
	if opts.Lexicon != "" {
		f, err := os.Open(opts.Lexicon)
		if err != nil {
			return nil, fmt.Errorf("events: open lexicon: %w", err)
		}
		defer f.Close()
		lex, err = ParseLexicon(f, opts.Lexicon, lex)
		if err != nil {
			return nil, err
		}
	}
	return &Stage{lex: lex, opts: opts}, nil
}

var builtin struct {
	once sync.Once
	lex  *Lexicon
	err  error
}

// Builtin returns the compiled built-in lexicon, parsed once and shared.
func Builtin() (*Lexicon, error) {
	builtin.once.Do(func() {
		builtin.lex, builtin.err = ParseLexicon(strings.NewReader(builtinLexicon), "lexicon.tsv", nil)
	})
	return builtin.lex, builtin.err
}

// Name returns "events".
func (s *Stage) Name() string { return "events" }

// Requires returns sentences, tokens, mentions and entities.
func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens, document.LayerMentions, document.LayerEntities}
}

// Provides returns the events layer.
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerEvents} }

// Process codes d's events and replaces d.Events.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	d.Events = s.Code(d)
	d.MainEvent = s.mainEvent(d, d.Events)
	return nil
}

// Code returns d's events without modifying d.
func (s *Stage) Code(d *document.Document) []document.Event {
	c := newCoder(s, d)
	var out []document.Event
	for si := range d.Sentences {
		out = append(out, c.sentence(si)...)
	}
	return s.sourced(softSection(d, finish(d, out)))
}

// Match is one lexicon match, with or without actors.
type Match struct {
	Span         document.Span
	Sentence     int
	Code         cameo.Code
	Plover, Mode string // PLOVER type and mode of the match
	Negated      bool
	Hypothetical bool
}

// Matches returns every lexicon match in d in text order, whether or not
// actors were found (but not a verb whose subject is a natural hazard): the
// trigger layer a classifier can use.
func (s *Stage) Matches(d *document.Document) []Match {
	return s.matchesIn(d, len(d.Sentences))
}

// matchesIn returns the matches of the first n sentences of d.
func (s *Stage) matchesIn(d *document.Document, n int) []Match {
	c := newCoder(s, d)
	var out []Match
	for si := range min(n, len(d.Sentences)) {
		c.load(si)
		for _, m := range c.matchAll() {
			if m.p.verbal && c.hazardSubject(m.start) {
				continue // "floods killed", "the quake struck": no actor's act
			}
			out = append(out, Match{Span: c.span(m.start, m.end), Sentence: si, Code: m.p.code, Plover: m.p.ploverOf(), Mode: m.p.modeOf(),
				Negated: c.negated(m.start), Hypothetical: c.hypothetical(m.start, m.p) || c.prospectMention(m)})
		}
	}
	return out
}

// NewWithLexicon returns the stage over an already parsed lexicon.
func NewWithLexicon(lex *Lexicon, opts Options) *Stage { return &Stage{lex: lex, opts: opts} }
