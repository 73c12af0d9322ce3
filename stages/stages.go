// Package stages registers newsgraph's annotation stages, in order, in one
// function. It is the only package that knows every stage.
package stages

import (
	"fmt"

	"github.com/newsgraph/newsgraph/counts"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/genre"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/syntax"
	"github.com/newsgraph/newsgraph/text"
	"github.com/newsgraph/newsgraph/themes"
	"github.com/newsgraph/newsgraph/tone"
	"github.com/newsgraph/newsgraph/topic"
)

// Config configures the default pipeline: every stage's own options, and
// which stages run.
type Config struct {
	// DictFile is a user actor dictionary (TSV or YAML) for the entities
	// stage, merged after Entities.Dict and Entities.DictFile.
	DictFile string
	// LexiconFile is a user event lexicon for the events stage; it sets
	// Events.Lexicon when that is empty.
	LexiconFile string

	// Entities configures the entities stage (user dictionary, tagger).
	Entities entities.Options
	// Geo configures the geo stage (demonyms as places).
	Geo geo.Config
	// Events configures the events stage (user lexicon, unsure events).
	Events events.Options

	// Syntax adds the syntax stage (parts of speech, lemmas, dependencies)
	// after text. It is off by default: it costs about five times the rest
	// of the pipeline (docs/benchmarks.md, "Syntax") and, measured on the
	// event golds, changes no held-out event score; the events stage reads
	// the parse when it is there (Optional). extract --with-tokens and
	// --with-syntax turn it on.
	Syntax bool

	// Skip names default stages to leave out ("events", "counts"). A stage
	// that another remaining stage requires cannot be left out: Default
	// reports the missing layer. Names that are no stage are an error.
	Skip []string
}

// Names lists the stages in pipeline order: the default ones and syntax,
// which runs only when Config.Syntax asks for it.
var Names = []string{"text", "syntax", "tone", "themes", "topic", "genre", "entities", "geo", "actors", "quotes", "counts", "events"}

// Default builds the full pipeline: text, tone, themes, topic, genre, entities, geo, actors,
// quotes, counts, events (without the stages cfg.Skip names; with syntax
// after text when cfg.Syntax). Models and
// gazetteers load once per process and are shared.
func Default(cfg Config) (*pipeline.Pipeline, error) {
	skip := map[string]bool{}
	for _, n := range cfg.Skip {
		skip[n] = true
	}
	if !cfg.Syntax {
		skip["syntax"] = true
	}
	for n := range skip {
		if !contains(Names, n) {
			return nil, fmt.Errorf("stages: unknown stage %q (want one of %v)", n, Names)
		}
	}
	var list []pipeline.Stage
	add := func(name string, build func() (pipeline.Stage, error)) error {
		if skip[name] {
			return nil
		}
		s, err := build()
		if err != nil {
			return fmt.Errorf("stages: %w", err)
		}
		list = append(list, s)
		return nil
	}
	builders := []struct {
		name  string
		build func() (pipeline.Stage, error)
	}{
		{"text", func() (pipeline.Stage, error) { return text.New(), nil }},
		{"syntax", func() (pipeline.Stage, error) { return syntax.NewStage() }},
		{"tone", func() (pipeline.Stage, error) { return tone.New() }},
		{"themes", func() (pipeline.Stage, error) { return themes.New() }},
		{"topic", func() (pipeline.Stage, error) { return topic.NewStage() }},
		{"genre", func() (pipeline.Stage, error) { return genre.New() }},
		{"entities", func() (pipeline.Stage, error) {
			opts := cfg.Entities
			if cfg.DictFile != "" {
				if opts.DictFile != "" {
					return nil, fmt.Errorf("entities: both DictFile and Entities.DictFile set")
				}
				opts.DictFile = cfg.DictFile
			}
			return entities.New(opts)
		}},
		{"geo", func() (pipeline.Stage, error) { return geo.NewWithConfig(cfg.Geo) }},
		{"actors", func() (pipeline.Stage, error) { return entities.NewActors(), nil }},
		{"quotes", func() (pipeline.Stage, error) { return quotes.New(), nil }},
		{"counts", func() (pipeline.Stage, error) { return counts.New(), nil }},
		{"events", func() (pipeline.Stage, error) {
			opts := cfg.Events
			if opts.Lexicon == "" {
				opts.Lexicon = cfg.LexiconFile
			}
			return events.New(opts)
		}},
	}
	for _, b := range builders {
		if err := add(b.name, b.build); err != nil {
			return nil, err
		}
	}
	p, err := pipeline.New(list...)
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	return p, nil
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
