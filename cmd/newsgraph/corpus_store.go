package main

import (
	"context"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// corpusUpdating is a store whose PutBatch and PutEach also update the corpus layer
// (package corpus) with the documents it stored, for writers that store
// through store.Store (the queue worker).
type corpusUpdating struct {
	store.Store
	cb corpus.Backend
}

// withCorpus returns st updating its corpus layer on PutBatch when it keeps
// one; otherwise st itself.
func withCorpus(st store.Store) store.Store {
	cb, ok := st.(corpus.Backend)
	if !ok {
		return st
	}
	return corpusUpdating{Store: st, cb: cb}
}

func (c corpusUpdating) PutBatch(ctx context.Context, docs []*document.Document) (int, error) {
	n, err := c.Store.PutBatch(ctx, docs)
	if err != nil {
		return n, err
	}
	return n, corpus.Update(ctx, c.cb, docs, corpus.Options{})
}

// PutEach stores docs and updates the corpus layer with them (ingest's
// writer).
func (c corpusUpdating) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	res, err := c.Store.PutEach(ctx, docs, opt)
	if err != nil {
		return res, err
	}
	return res, corpus.Update(ctx, c.cb, docs, corpus.Options{})
}

func (c corpusUpdating) Put(ctx context.Context, d *document.Document) (bool, error) {
	n, err := c.PutBatch(ctx, []*document.Document{d})
	return n == 1, err
}

// corpusFormats are the export formats that read the corpus layer when the
// store keeps one.
var corpusFormats = map[string]bool{"gdelt-events": true, "parquet-events": true, "parquet-figures": true}
