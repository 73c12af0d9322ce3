package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"

	"github.com/newsgraph/newsgraph/store"
	"github.com/newsgraph/newsgraph/store/postgres"
	"github.com/newsgraph/newsgraph/store/sqlite"
)

// dbFlagHelp is the help of every --db flag: the one opener below reads it.
const dbFlagHelp = "store: a SQLite file (created when missing) or a postgres:// URL"

// openStoreWrite opens the store named by --db for writing: a postgres://
// (or postgresql://) URL names a PostgreSQL database (which must exist; the
// schema is created or migrated), anything else a SQLite file path (created
// when missing). Every command that writes (ingest, worker, watch, demo)
// opens its store here.
func openStoreWrite(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// openStoreRead opens the store named by --db for reading (query, serve,
// export): a PostgreSQL URL as openStoreWrite does, or a SQLite file that
// must exist, so that a mistyped --db is reported instead of answering "no
// rows".
func openStoreRead(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	if _, err := os.Stat(db); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("no database at %s; run 'newsgraph ingest PATH' (or 'newsgraph demo') first, or give --db", db)
		}
		return nil, err
	}
	return sqlite.Open(ctx, db)
}

// displayDB is db as messages show it: a URL without its password.
func displayDB(db string) string {
	if !postgres.IsURL(db) {
		return db
	}
	u, err := url.Parse(db)
	if err != nil {
		return "postgres://…"
	}
	return u.Redacted()
}
