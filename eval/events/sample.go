package events

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
)

// Sample is one counted event (not negated, not hypothetical) with its
// sentence, for reading by eye.
type Sample struct {
	Doc      string
	Sentence string
	Event    document.Event
	Text     string
}

// SampleCorpus runs process over every document under paths and returns n
// of its counted events chosen at random with seed, plus the number of
// documents and of counted events seen.
func SampleCorpus(ctx context.Context, paths []string, n int, seed uint64, process Process) ([]Sample, int, int, error) {
	ss, docs, total, err := eval.SampleCorpus(ctx, paths, n, seed, process, func(d *document.Document) []Sample {
		var out []Sample
		for _, e := range Counted(d) {
			out = append(out, Sample{Doc: d.ID, Sentence: eval.SentenceText(d, e.Sentence), Event: e, Text: d.Slice(e.Span)})
		}
		return out
	})
	if err != nil {
		return nil, docs, total, fmt.Errorf("eval events: %w", err)
	}
	return ss, docs, total, nil
}

// WriteSamples writes samples two lines each: number, code, source and
// target actor codes and names, trigger words, the reported flag; then the
// sentence.
func WriteSamples(w io.Writer, samples []Sample) error {
	side := func(p *document.Participant) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%s(%s)", p.Actor, p.Name)
	}
	for i, s := range samples {
		e := s.Event
		rep := ""
		if e.Reported {
			rep = " reported"
		}
		_, err := fmt.Fprintf(w, "%3d %s %s -> %s %q%s [%s]\n    | %s\n",
			i+1, e.Code, side(e.Source), side(e.Target), s.Text, rep, s.Doc, s.Sentence)
		if err != nil {
			return err
		}
	}
	return nil
}
