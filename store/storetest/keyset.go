package storetest

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/store"
)

// KeysetSuite checks keyset pagination (store.Query.After): paging one row
// at a time from the last row's key lists the same rows, in the same
// order, as one page; a bad key is an ErrBadQuery. open returns a store
// holding Docs.
func KeysetSuite(t *testing.T, open func(t *testing.T) store.Store) {
	ctx := context.Background()
	s := open(t)
	type lister func(q store.Query) ([]store.Key, error)
	keys := func(n int, key func(i int) store.Key) []store.Key {
		out := make([]store.Key, n)
		for i := range out {
			out[i] = key(i)
		}
		return out
	}
	listers := map[string]lister{
		"documents": func(q store.Query) ([]store.Key, error) {
			rs, err := s.Documents(ctx, q)
			return keys(len(rs), func(i int) store.Key { return store.Key{DocID: rs[i].ID} }), err
		},
		"events": func(q store.Query) ([]store.Key, error) {
			rs, err := s.Events(ctx, q)
			return keys(len(rs), func(i int) store.Key { return store.Key{DocID: rs[i].DocID, Index: rs[i].Index} }), err
		},
		"quotes": func(q store.Query) ([]store.Key, error) {
			rs, err := s.Quotes(ctx, q)
			return keys(len(rs), func(i int) store.Key { return store.Key{DocID: rs[i].DocID, Index: rs[i].Index} }), err
		},
		"counts": func(q store.Query) ([]store.Key, error) {
			rs, err := s.Counts(ctx, q)
			return keys(len(rs), func(i int) store.Key { return store.Key{DocID: rs[i].DocID, Index: rs[i].Index} }), err
		},
		"entities": func(q store.Query) ([]store.Key, error) {
			rs, err := s.Entities(ctx, q)
			return keys(len(rs), func(i int) store.Key { return store.Key{DocID: rs[i].DocID, Index: rs[i].Index} }), err
		},
	}
	for name, list := range listers {
		t.Run(name, func(t *testing.T) {
			all, err := list(store.Query{Limit: store.MaxLimit})
			if err != nil {
				t.Fatal(err)
			}
			if len(all) < 2 {
				t.Fatalf("only %d rows: the fixtures must give a listing of at least 2", len(all))
			}
			var paged []store.Key
			var after *store.Key
			for range len(all) + 1 {
				page, err := list(store.Query{Limit: 1, After: after})
				if err != nil {
					t.Fatal(err)
				}
				if len(page) == 0 {
					break
				}
				paged = append(paged, page...)
				k := page[len(page)-1]
				after = &k
			}
			if fmt.Sprint(paged) != fmt.Sprint(all) {
				t.Errorf("paged by key %v\nwant %v", paged, all)
			}
		})
	}
	for _, q := range []store.Query{
		{After: &store.Key{DocID: "no-such-document"}},
		{After: &store.Key{DocID: "geneva-talks"}, Offset: 1},
	} {
		if _, err := s.Events(ctx, q); !errors.Is(err, store.ErrBadQuery) {
			t.Errorf("Events(%+v) = %v, want an ErrBadQuery", q, err)
		}
	}
}
