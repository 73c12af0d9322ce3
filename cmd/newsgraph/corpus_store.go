package main

import (
	"context"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// corpusUpdating is a store whose PutBatch also updates the corpus layer
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

// PutEach stores docs as the store does and updates the corpus layer with
// the documents whose text was stored (new, revised or replaced).
func (c corpusUpdating) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	res, err := c.Store.PutEach(ctx, docs, opt)
	if err != nil {
		return res, err
	}
	var stored []*document.Document
	for i, r := range res {
		switch r.Outcome {
		case store.Stored, store.Revised, store.Replaced:
			if i < len(docs) && docs[i] != nil {
				stored = append(stored, docs[i])
			}
		}
	}
	if len(stored) == 0 {
		return res, nil
	}
	return res, corpus.Update(ctx, c.cb, stored, corpus.Options{})
}

func (c corpusUpdating) Put(ctx context.Context, d *document.Document) (bool, error) {
	n, err := c.PutBatch(ctx, []*document.Document{d})
	return n == 1, err
}

// corpusFormats are the export formats that read the corpus layer when the
// store keeps one.
var corpusFormats = map[string]bool{"gdelt-events": true, "parquet-events": true, "parquet-figures": true}
