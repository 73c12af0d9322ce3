package corpus

import (
	"context"
	"fmt"

	"github.com/newsgraph/newsgraph/store"
)

// TrackedFigure is a figure with its values, as the query command and the
// API return it; FirstDate and LastDate are YYYY-MM-DD ("" when undated).
type TrackedFigure struct {
	store.Figure
	FirstDate string  `json:"first_date"`
	LastDate  string  `json:"last_date"`
	Spread    float64 `json:"spread"` // Max - Min
	// Contradictions says why the values disagree (the pair behind
	// Contradiction and Reason); absent when they agree.
	Contradictions []Contradiction     `json:"contradictions,omitempty"`
	Values         []store.FigureValue `json:"values"`
}

// Figures returns the tracked figures q selects with their values.
func Figures(ctx context.Context, cs store.CorpusStore, q store.CorpusQuery) ([]TrackedFigure, error) {
	fs, err := cs.Figures(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("corpus: figures: %w", err)
	}
	out := make([]TrackedFigure, 0, len(fs))
	for _, f := range fs {
		vs, err := cs.FigureValues(ctx, f.ID)
		if err != nil {
			return nil, fmt.Errorf("corpus: figure %d: %w", f.ID, err)
		}
		if vs == nil {
			vs = []store.FigureValue{}
		}
		for i := range vs {
			vs[i].Date = DayString(vs[i].Day)
		}
		out = append(out, TrackedFigure{Figure: f, FirstDate: DayString(f.FirstDay), LastDate: DayString(f.LastDay), Spread: f.Max - f.Min,
			Contradictions: Contradictions(&f, vs), Values: vs})
	}
	return out, nil
}

// Event is a corpus event with its mentions.
type Event struct {
	store.CorpusEvent
	FirstDate string               `json:"first_date"`
	LastDate  string               `json:"last_date"`
	Mentions  []store.EventMention `json:"mentions"`
}

// Events returns the corpus events q selects with their mentions.
func Events(ctx context.Context, cs store.CorpusStore, q store.CorpusQuery) ([]Event, error) {
	es, err := cs.CorpusEvents(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("corpus: events: %w", err)
	}
	out := make([]Event, 0, len(es))
	for _, e := range es {
		ms, err := cs.CorpusEventMentions(ctx, e.ID)
		if err != nil {
			return nil, fmt.Errorf("corpus: event %d: %w", e.ID, err)
		}
		for i := range ms {
			ms[i].Date = DayString(ms[i].Day)
		}
		out = append(out, Event{CorpusEvent: e, FirstDate: DayString(e.FirstDay), LastDate: DayString(e.LastDay), Mentions: ms})
	}
	return out, nil
}

// Story is a story with its articles.
type Story struct {
	store.CorpusStory
	FirstDate string   `json:"first_date"`
	LastDate  string   `json:"last_date"`
	Articles  []string `json:"articles"`
}

// Stories returns the stories q selects with their article ids.
func Stories(ctx context.Context, cs store.CorpusStore, q store.CorpusQuery) ([]Story, error) {
	ss, err := cs.Stories(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("corpus: stories: %w", err)
	}
	out := make([]Story, 0, len(ss))
	for _, s := range ss {
		arts, err := cs.StoryArticles(ctx, s.ID)
		if err != nil {
			return nil, fmt.Errorf("corpus: story %d: %w", s.ID, err)
		}
		out = append(out, Story{CorpusStory: s, FirstDate: DayString(s.FirstDay), LastDate: DayString(s.LastDay), Articles: arts})
	}
	return out, nil
}
