package sqlite

import (
	"testing"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/storetest"
)

// TestStore_Suite runs the backend-neutral store.Store suite (the same one
// store/postgres runs).
func TestStore_Suite(t *testing.T) {
	storetest.StoreSuite(t, func(t *testing.T) store.Store { return openTemp(t) })
}
