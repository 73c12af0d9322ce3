package topic

import (
	"context"

	"github.com/newsgraph/newsgraph/document"
)

// Stage is the pipeline stage that sets Document.Topic and TopicP. It is
// safe for concurrent use.
type Stage struct{ m *Model }

// NewStage returns the stage over the embedded model.
func NewStage() (*Stage, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{m: m}, nil
}

// Name returns "topic".
func (s *Stage) Name() string { return "topic" }

// Requires returns nothing: the stage reads the text.
func (s *Stage) Requires() []document.Layer { return nil }

// Provides returns the topic layer.
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerTopic} }

// lead is how much of a document the stage reads: a story's section shows
// in its first paragraphs, and reading no more keeps long documents cheap.
const lead = 3000

// Process classifies d's title and the lead of its text.
func (s *Stage) Process(_ context.Context, d *document.Document) error {
	text := d.Text
	if len(text) > lead {
		text = text[:lead] // Words reads ASCII letters: a cut rune is ignored
	}
	r := s.m.Classify(d.Title + "\n" + text)
	d.Topic, d.TopicP = r.Label, r.P
	return nil
}

// Soft reports whether d was classified, with confidence, as a sport or arts
// story: sections where country names and cities mostly stand for teams,
// venues and festivals rather than states.
func Soft(d *document.Document) bool { return d.SoftSection() }
