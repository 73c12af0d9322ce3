package sqlite

import (
	"context"
	"fmt"
	"strings"
)

// rowBuf gathers the rows of one annotation table and inserts them with
// multi-row INSERT statements: with the pure-Go SQLite every statement
// execution costs about as much again as writing its row (binding through
// database/sql, halting and resetting the VM), and a BBC article has ~130
// annotation rows.
type rowBuf struct {
	what  string // for errors: "mentions"
	head  string // INSERT INTO t(cols) VALUES
	tail  string // after the rows: ON CONFLICT ...
	ncols int
	args  []any
	texts [rowChunk + 1]string // texts[k]: the statement of k rows, built on first use
}

// rowChunk is the most rows one statement inserts; a flush inserts the rest
// in power-of-two chunks, so each table has at most 6 statement texts.
const rowChunk = 32

func newRowBuf(what, head, tail string, ncols int) *rowBuf {
	return &rowBuf{what: what, head: head, tail: tail, ncols: ncols}
}

func (b *rowBuf) rows() int { return len(b.args) / b.ncols }

// add queues one row, inserting a full chunk when there is one.
func (b *rowBuf) add(ctx context.Context, tx *cachedTx, row ...any) error {
	if len(row) != b.ncols {
		panic(fmt.Sprintf("sqlite: %s row of %d values, want %d", b.what, len(row), b.ncols))
	}
	b.args = append(b.args, row...)
	if b.rows() >= rowChunk {
		return b.flush(ctx, tx)
	}
	return nil
}

func (b *rowBuf) sql(n int) string {
	if b.texts[n] == "" {
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?,", b.ncols), ",") + ")"
		b.texts[n] = b.head + " " + strings.TrimSuffix(strings.Repeat(tuple+",", n), ",") + b.tail
	}
	return b.texts[n]
}

// flush inserts every queued row.
func (b *rowBuf) flush(ctx context.Context, tx *cachedTx) error {
	done := 0
	for n := b.rows(); n > 0; {
		k := rowChunk
		for k > n {
			k /= 2
		}
		if _, err := tx.ExecContext(ctx, b.sql(k), b.args[done*b.ncols:(done+k)*b.ncols]...); err != nil {
			return fmt.Errorf("insert %s: %w", b.what, err)
		}
		done += k
		n -= k
	}
	clear(b.args)
	b.args = b.args[:0]
	return nil
}
