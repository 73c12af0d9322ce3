package main

import (
	"context"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// corpusUpdating is a store whose PutEach (and PutBatch) also updates the corpus layer
// (package corpus) with the documents it stored, for writers that store
// through store.Store (the queue worker).
type corpusUpdating struct {
	store.Store
	cb corpus.Backend
}

// withCorpus returns st updating its corpus layer on every put when it keeps
// one; otherwise st itself.
func withCorpus(st store.Store) store.Store {
	cb, ok := st.(corpus.Backend)
	if !ok {
		return st
	}
	return corpusUpdating{Store: st, cb: cb}
}

// PutBatch is PutEach with the default conflict rule (what the store's own
// PutBatch does), returning how many documents it stored.
func (c corpusUpdating) PutBatch(ctx context.Context, docs []*document.Document) (int, error) {
	res, err := c.PutEach(ctx, docs, store.PutOptions{})
	n := 0
	for _, r := range res {
		if r.Outcome.Inserted() {
			n++
		}
	}
	return n, err
}

// PutEach stores docs as the store does, then updates the corpus layer with
// every document whose text the store now holds: stored, revised, replaced,
// and unchanged too. The corpus layer is written in a transaction of its
// own after the store's, and adding an article again is a no-op, so a
// writer killed between the two commits repairs the layer when the same
// documents come again (a redelivered batch, an ingest run again).
func (c corpusUpdating) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	res, err := c.Store.PutEach(ctx, docs, opt)
	if err != nil {
		return res, err
	}
	var held []*document.Document
	for i, r := range res {
		if (r.Outcome.Inserted() || r.Outcome == store.Unchanged) && i < len(docs) && docs[i] != nil {
			held = append(held, docs[i])
		}
	}
	if len(held) == 0 {
		return res, nil
	}
	return res, corpus.Update(ctx, c.cb, held, corpus.Options{})
}

func (c corpusUpdating) Put(ctx context.Context, d *document.Document) (bool, error) {
	n, err := c.PutBatch(ctx, []*document.Document{d})
	return n == 1, err
}

// corpusFormats are the export formats that read the corpus layer when the
// store keeps one.
var corpusFormats = map[string]bool{"gdelt-events": true, "parquet-events": true, "parquet-figures": true}
