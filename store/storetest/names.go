package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// NameFilterSuite checks the word rule of the name filters (store.Query:
// Speaker, Entity) on the Docs fixtures. open returns a store holding Docs.
func NameFilterSuite(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	s := open(t)
	tests := []struct {
		q                              store.Query
		quotes, entities, events, docs int
	}{
		{store.Query{Speaker: "Fidan"}, 1, 0, 0, 1},
		{store.Query{Speaker: "fid"}, 1, 0, 0, 1},
		{store.Query{Speaker: "fidan hakan"}, 1, 0, 0, 1},
		{store.Query{Speaker: "HAKAN  Fidan"}, 1, 0, 0, 1},
		{store.Query{Speaker: "idan"}, 0, 0, 0, 0},
		{store.Query{Speaker: "Fidan Erdogan"}, 0, 0, 0, 0},
		{store.Query{Speaker: "ribeiro"}, 1, 0, 0, 1},
		{store.Query{Entity: "fidan"}, 1, 1, 0, 1},
		{store.Query{Entity: "zzz"}, 0, 0, 0, 0},
	}
	for _, tc := range tests {
		qs, err := s.Quotes(ctx, tc.q)
		if err != nil {
			t.Fatalf("Quotes(%+v): %v", tc.q, err)
		}
		ds, err := s.Documents(ctx, tc.q)
		if err != nil {
			t.Fatalf("Documents(%+v): %v", tc.q, err)
		}
		var es int
		if tc.q.Entity != "" {
			rows, err := s.Entities(ctx, tc.q)
			if err != nil {
				t.Fatalf("Entities(%+v): %v", tc.q, err)
			}
			es = len(rows)
		}
		if len(qs) != tc.quotes || len(ds) != tc.docs || es != tc.entities {
			t.Errorf("%+v: %d quotes, %d entities, %d documents; want %d, %d, %d", tc.q, len(qs), es, len(ds), tc.quotes, tc.entities, tc.docs)
		}
	}
	for _, q := range []store.Query{{Speaker: "--"}, {Entity: "  ..."}} {
		if _, err := s.Quotes(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Quotes(%+v) = %v, want an ErrBadQuery (no word)", q, err)
		}
	}
}
