package sqlite

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the write path's statements prepared on the store's
// connection pool, so that a write transaction does not parse its SQL again
// (with the pure-Go SQLite, parsing the ~40 statements of a PutBatch and its
// corpus update cost ~8 % of the store's CPU on BBC, once per batch of 64).
type stmtCache struct {
	mu    sync.Mutex
	stmts map[string]*sql.Stmt
}

// maxCachedStmts bounds the cache: statements whose text varies (IN lists
// of varying length) are prepared per transaction once it is full.
const maxCachedStmts = 256

// get returns q prepared on db, nil when the cache is full.
func (c *stmtCache) get(ctx context.Context, db *sql.DB, q string) (*sql.Stmt, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if st, ok := c.stmts[q]; ok {
		return st, nil
	}
	if len(c.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := db.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	if c.stmts == nil {
		c.stmts = map[string]*sql.Stmt{}
	}
	c.stmts[q] = st
	return st, nil
}

func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.stmts {
		st.Close()
	}
	c.stmts = nil
}

// cachedTx is a write transaction whose statements come from the store's
// stmtCache (each bound to the transaction once); it offers the methods of
// *sql.Tx the writers use.
type cachedTx struct {
	*sql.Tx
	s     *Store
	local map[string]*sql.Stmt
}

func (s *Store) begin(ctx context.Context) (*cachedTx, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	return &cachedTx{Tx: tx, s: s}, nil
}

// stmt returns q prepared for this transaction.
func (t *cachedTx) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := t.local[q]; ok {
		return st, nil
	}
	shared, err := t.s.stmts.get(ctx, t.s.db, q)
	if err != nil {
		return nil, err
	}
	var st *sql.Stmt
	if shared != nil {
		st = t.Tx.StmtContext(ctx, shared)
	} else if st, err = t.Tx.PrepareContext(ctx, q); err != nil {
		return nil, err
	}
	if t.local == nil {
		t.local = map[string]*sql.Stmt{}
	}
	t.local[q] = st
	return st, nil
}

// PrepareContext returns q prepared for this transaction; closing it is
// harmless (the transaction's end closes it).
func (t *cachedTx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.stmt(ctx, q)
}

func (t *cachedTx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (t *cachedTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (t *cachedTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, q)
	if err != nil {
		// A *sql.Row carrying err: QueryRowContext on a closed context
		// cannot be built here, so run the statement unprepared; it fails
		// the same way.
		return t.Tx.QueryRowContext(ctx, q, args...)
	}
	return st.QueryRowContext(ctx, args...)
}
