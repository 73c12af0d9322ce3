package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// PutEach stores docs like PutBatch and reports each document's outcome;
// see store.Store.
//
// Interim (h-reliab, for the interface change of issue 20): revisions are
// not kept yet in PostgreSQL, so a changed text under a stored id is
// reported as Skipped (Conflict with store.ConflictFail), never dropped
// silently, and the documents are stored one transaction each.
// storetest.RevisionSuite states the full behaviour.
func (s *Store) PutEach(ctx context.Context, docs []*document.Document, opt store.PutOptions) ([]store.PutResult, error) {
	c, err := store.ParseOnConflict(string(opt.OnConflict))
	if err != nil {
		return nil, fmt.Errorf("postgres: put: %w", err)
	}
	out := make([]store.PutResult, len(docs))
	for i, d := range docs {
		out[i] = store.PutResult{Outcome: store.Unchanged, Revision: 1}
		if d == nil {
			continue
		}
		prev, err := s.Document(ctx, d.ID)
		switch {
		case err == nil && prev.Text != nil && *prev.Text != d.Text:
			out[i].Outcome = store.Skipped
			if c == store.ConflictFail {
				out[i].Outcome = store.Conflict
			}
			continue
		case err != nil && !errors.Is(err, store.ErrNotFound):
			return nil, err
		}
		ok, err := s.Put(ctx, d)
		if err != nil {
			return nil, err
		}
		if ok {
			out[i].Outcome = store.Stored
		}
	}
	return out, nil
}
