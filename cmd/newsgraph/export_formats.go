package main

import (
	"context"
	"io"

	"github.com/newsgraph/newsgraph/counts"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/gdelt"
	"github.com/newsgraph/newsgraph/export/gkg"
	"github.com/newsgraph/newsgraph/export/plover"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/store"
)

func init() {
	add := func(name, summary string, docs func(w io.Writer, docs []*document.Document, next *int64) error) {
		exporters[name] = exporter{summary: summary, write: batched(docs), docs: docs}
	}
	exporters["gdelt-events"] = exporter{
		summary: "GDELT Events 2.0, 61 tab-separated columns, events that happened (NumMentions, NumSources, NumArticles from the corpus layer)",
		write:   batchedCorpus(writeGDELTEventsCorpus),
		docs:    writeGDELTEvents,
	}
	add("gdelt-mentions", "GDELT Mentions, 16 tab-separated columns", writeGDELTMentions)
	add("plover", "PLOVER events, one JSON object per line", func(w io.Writer, docs []*document.Document, _ *int64) error {
		return plover.Write(w, docs, plover.Options{})
	})
	add("gkg", "GDELT GKG 2.1, 27 tab-separated columns, one record per document", func(w io.Writer, docs []*document.Document, next *int64) error {
		f := gkgFields
		f.First = *next
		*next += int64(len(docs))
		return gkg.Write(w, docs, f)
	})
}

// gkgFields wires each layer's GKG field writer.
var gkgFields = gkg.Fields{
	Amounts:    counts.GKGAmounts,
	Quotations: quotes.GKGQuotations,
}

// exportBatch is how many documents the exporters write at a time.
const exportBatch = 256

// batched streams the store's stories (copies left out) in batches of
// documents rebuilt from their output form; next carries state across
// batches (the next event id).
func batched(write func(w io.Writer, docs []*document.Document, next *int64) error) func(ctx context.Context, st store.Store, w io.Writer) error {
	return func(ctx context.Context, st store.Store, w io.Writer) error {
		var next int64 = 1
		batch := make([]*document.Document, 0, exportBatch)
		err := st.Each(ctx, func(o *document.Output) error {
			if o.DuplicateOf != "" {
				return nil // a copy's events are its original's (store/copies.go)
			}
			batch = append(batch, document.FromOutput(o))
			if len(batch) < exportBatch {
				return nil
			}
			err := write(w, batch, &next)
			batch = batch[:0]
			return err
		})
		if err != nil {
			return err
		}
		if len(batch) > 0 {
			return write(w, batch, &next)
		}
		return nil
	}
}

// happened counts the events the GDELT writers number (those not negated
// or hypothetical), so ids continue across batches.
func happened(docs []*document.Document) int64 { return gdelt.Count(docs, gdelt.Options{}) }

func writeGDELTEvents(w io.Writer, docs []*document.Document, next *int64) error {
	return writeGDELTEventsCorpus(w, docs, next, nil)
}

// writeGDELTEventsCorpus writes Events rows whose NumMentions, NumSources
// and NumArticles are their corpus event's (package corpus) when counts
// holds it.
func writeGDELTEventsCorpus(w io.Writer, docs []*document.Document, next *int64, counts map[string]map[int]store.CorpusEvent) error {
	opt := gdelt.Options{FirstID: *next}
	if counts != nil {
		opt.Corpus = func(d *document.Document, i int) (gdelt.Counts, bool) {
			e, ok := counts[d.ID][i]
			return gdelt.Counts{Mentions: e.NumMentions, Sources: e.NumSources, Articles: e.NumArticles}, ok
		}
	}
	err := gdelt.WriteEvents(w, docs, opt)
	*next += happened(docs)
	return err
}

// batchedCorpus is batched for writers that read the corpus layer: each
// batch comes with its documents' corpus events when the store keeps them.
func batchedCorpus(write func(w io.Writer, docs []*document.Document, next *int64, counts map[string]map[int]store.CorpusEvent) error) func(ctx context.Context, st store.Store, w io.Writer) error {
	return func(ctx context.Context, st store.Store, w io.Writer) error {
		cs, _ := st.(store.CorpusStore)
		return batched(func(w io.Writer, docs []*document.Document, next *int64) error {
			var counts map[string]map[int]store.CorpusEvent
			if cs != nil {
				ids := make([]string, len(docs))
				for i, d := range docs {
					ids[i] = d.ID
				}
				var err error
				if counts, err = cs.DocEventCounts(ctx, ids); err != nil {
					return err
				}
			}
			return write(w, docs, next, counts)
		})(ctx, st, w)
	}
}

func writeGDELTMentions(w io.Writer, docs []*document.Document, next *int64) error {
	err := gdelt.WriteMentions(w, docs, gdelt.Options{FirstID: *next})
	*next += happened(docs)
	return err
}
