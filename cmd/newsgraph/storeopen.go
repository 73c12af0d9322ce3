package main

import (
	"context"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// openStoreWrite opens the store named by --db for writing: a SQLite file
// path (created when missing).
func openStoreWrite(ctx context.Context, db string) (store.Store, error) {
	return sqlite.Open(ctx, db)
}
