package counts

import (
	"context"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
)

// Sample is one extracted count with its sentence, for reading by eye.
type Sample struct {
	Doc      string
	Sentence string
	Count    document.Count
	Text     string
}

// SampleCorpus runs process over every document under paths (any format
// package read accepts: BBC CSV, Reuters SGML, ...), collects every count,
// and returns n of them chosen uniformly at random with the given seed, in
// a stable order, plus the number of documents and of counts seen. nil
// process means DefaultProcess. Unreadable documents are skipped.
func SampleCorpus(ctx context.Context, paths []string, n int, seed uint64, process func(context.Context, *document.Document) error) ([]Sample, int, int, error) {
	if process == nil {
		process = DefaultProcess
	}
	ss, docs, total, err := eval.SampleCorpus(ctx, paths, n, seed, process, func(d *document.Document) []Sample {
		var out []Sample
		for _, c := range d.Counts {
			out = append(out, Sample{Doc: d.ID, Sentence: eval.SentenceText(d, d.SentenceAt(c.Start)), Count: c, Text: d.Slice(c.Span)})
		}
		return out
	})
	if err != nil {
		return nil, docs, total, fmt.Errorf("eval counts: %w", err)
	}
	return ss, docs, total, nil
}

// WriteSamples writes samples one per line: number, figure, value,
// qualifier, object, category, attribution, then the sentence.
func WriteSamples(w io.Writer, samples []Sample) error {
	for i, s := range samples {
		c := s.Count
		up := ""
		if c.Upper != nil {
			up = fmt.Sprintf("-%g", *c.Upper)
		}
		_, err := fmt.Fprintf(w, "%3d %-22q value=%g%s pct=%v cur=%s unit=%s obj=%q cat=%s src=%q\n    | %s\n",
			i+1, s.Text, c.Value, up, c.Percent, c.Currency, c.Unit, c.Object, c.Category, c.AttributedName, s.Sentence)
		if err != nil {
			return err
		}
	}
	return nil
}
