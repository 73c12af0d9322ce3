package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

func TestStore_Aggregator(t *testing.T) {
	storetest.TestAggregator(t, func(t *testing.T) (store.Store, store.Aggregator) {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "agg.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s, s
	})
}
