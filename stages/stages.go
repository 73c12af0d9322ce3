// Package stages registers newsgraph's annotation stages, in order, in one
// function. It is the only package that knows every stage.
package stages

import (
	"fmt"

	"github.com/newsgraph/newsgraph/counts"
	"github.com/newsgraph/newsgraph/entities"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/geo"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/text"
	"github.com/newsgraph/newsgraph/topic"
)

// Config configures the default pipeline.
type Config struct {
	// DictFile is a user actor dictionary (TSV or YAML) for the entities stage.
	DictFile string
	// LexiconFile is a user event lexicon for the events stage.
	LexiconFile string
}

// Default builds the full pipeline: text, topic, entities, geo, actors,
// quotes, counts, events. Models and gazetteers load once per process and are shared.
func Default(cfg Config) (*pipeline.Pipeline, error) {
	ents, err := entities.New(entities.Options{DictFile: cfg.DictFile})
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	places, err := geo.New()
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	evs, err := events.New(events.Options{Lexicon: cfg.LexiconFile})
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	sections, err := topic.NewStage()
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	p, err := pipeline.New(
		text.New(),
		sections,
		ents,
		places,
		entities.NewActors(),
		quotes.New(),
		counts.New(),
		evs,
	)
	if err != nil {
		return nil, fmt.Errorf("stages: %w", err)
	}
	return p, nil
}
