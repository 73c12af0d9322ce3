package main

import (
	"context"
	"io"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/parquet"
	"github.com/newsgraph/newsgraph/store"
)

// The Parquet exports: one table a format, written with -o FILE.
func init() {
	exporters["parquet-events"] = exporter{
		summary: "Parquet table of events that happened (with the corpus layer's NumMentions, NumSources, NumArticles); use -o FILE",
		write: func(ctx context.Context, st store.Store, w io.Writer) error {
			pw := parquet.NewWriter[parquet.Event](w)
			err := batchedCorpus(func(_ io.Writer, docs []*document.Document, next *int64, counts map[string]map[int]store.CorpusEvent) error {
				rows := parquet.Events(docs, *next, corpusCounts(counts))
				*next += happened(docs)
				return pw.Write(rows)
			})(ctx, st, w)
			return closeWith(pw.Close, err)
		},
		docs: func(w io.Writer, docs []*document.Document, next *int64) error {
			pw := parquet.NewWriter[parquet.Event](w)
			err := pw.Write(parquet.Events(docs, *next, nil))
			*next += happened(docs)
			return closeWith(pw.Close, err)
		},
	}
	exporters["parquet-mentions"] = exporter{
		summary: "Parquet table of event mentions (one row per evidence span); use -o FILE",
		write: func(ctx context.Context, st store.Store, w io.Writer) error {
			pw := parquet.NewWriter[parquet.Mention](w)
			err := batched(func(_ io.Writer, docs []*document.Document, next *int64) error {
				rows := parquet.Mentions(docs, *next)
				*next += happened(docs)
				return pw.Write(rows)
			})(ctx, st, w)
			return closeWith(pw.Close, err)
		},
		docs: func(w io.Writer, docs []*document.Document, next *int64) error {
			pw := parquet.NewWriter[parquet.Mention](w)
			err := pw.Write(parquet.Mentions(docs, *next))
			*next += happened(docs)
			return closeWith(pw.Close, err)
		},
	}
	exporters["parquet-documents"] = exporter{
		summary: "Parquet table of documents (copies with duplicate_of); use -o FILE",
		write: func(ctx context.Context, st store.Store, w io.Writer) error {
			pw := parquet.NewWriter[parquet.Document](w)
			err := st.Each(ctx, func(o *document.Output) error {
				dup := o.DuplicateOf
				return pw.Write(parquet.Documents([]*document.Document{document.FromOutput(o)}, func(string) string { return dup }))
			})
			return closeWith(pw.Close, err)
		},
		docs: func(w io.Writer, docs []*document.Document, _ *int64) error {
			pw := parquet.NewWriter[parquet.Document](w)
			return closeWith(pw.Close, pw.Write(parquet.Documents(docs, nil)))
		},
	}
	exporters["parquet-figures"] = exporter{
		summary: "Parquet table of figures tracked across sources (one row per reported value); use -o FILE",
		write: func(ctx context.Context, st store.Store, w io.Writer) error {
			pw := parquet.NewWriter[parquet.Figure](w)
			var err error
			if cs, ok := st.(store.CorpusStore); ok {
				for off := 0; err == nil; off += store.MaxLimit {
					var figs []corpus.TrackedFigure
					if figs, err = corpus.Figures(ctx, cs, store.CorpusQuery{Limit: store.MaxLimit, Offset: off}); err != nil || len(figs) == 0 {
						break
					}
					err = pw.Write(parquet.Figures(figs))
				}
			}
			return closeWith(pw.Close, err)
		},
		// extracted documents have no corpus layer: an empty table
		docs: func(w io.Writer, _ []*document.Document, _ *int64) error {
			pw := parquet.NewWriter[parquet.Figure](w)
			return pw.Close()
		},
	}
}

// corpusCounts adapts a batch's corpus events to parquet.CorpusCounts.
func corpusCounts(counts map[string]map[int]store.CorpusEvent) parquet.CorpusCounts {
	if counts == nil {
		return nil
	}
	return func(d *document.Document, i int) (int64, int, int, int, bool) {
		e, ok := counts[d.ID][i]
		return e.ID, e.NumMentions, e.NumSources, e.NumArticles, ok
	}
}

// closeWith closes a writer and returns the first error.
func closeWith(close func() error, err error) error {
	if cerr := close(); err == nil {
		err = cerr
	}
	return err
}
