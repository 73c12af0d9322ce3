package counts

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"newsgraph/document"
	"newsgraph/read"
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
	var all []Sample
	docs := 0
	err := read.Walk(ctx, paths, nil, read.Options{}, func(r read.Result) error {
		if r.Err != nil || r.Doc == nil {
			return nil
		}
		d := r.Doc
		if err := process(ctx, d); err != nil {
			return nil
		}
		docs++
		for _, c := range d.Counts {
			sent := ""
			if si := d.SentenceAt(c.Start); si >= 0 {
				sent = d.Slice(d.Sentences[si].Span)
			}
			all = append(all, Sample{Doc: d.ID, Sentence: strings.Join(strings.Fields(sent), " "), Count: c, Text: d.Slice(c.Span)})
		}
		return nil
	})
	if err != nil {
		return nil, docs, len(all), fmt.Errorf("eval counts: %w", err)
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	perm := rng.Perm(len(all))
	if n > len(all) {
		n = len(all)
	}
	out := make([]Sample, n)
	for i := 0; i < n; i++ {
		out[i] = all[perm[i]]
	}
	return out, docs, len(all), nil
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
