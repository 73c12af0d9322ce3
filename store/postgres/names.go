package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// The word index of names (migration 5), as in store/sqlite: every word
// (store.NameWords) of each quote speaker, entity name, event source and
// target name and count attribution is a row of name_words, and a name
// filter is an intersection of prefix ranges of its words over the
// table's primary key (kind, word, doc, idx).

// Kinds of name_words rows.
const (
	wordsSpeaker = 1 // quotes.speaker
	wordsEntity  = 2 // entities.name
	wordsEvent   = 3 // events.source_name and target_name
	wordsCount   = 4 // counts.attributed_to
)

// wordsCond returns the condition that the rows named by cols ("x.doc,
// x.idx" for a layer's rows, a document column for documents) have, among
// the name words of kind, a word starting with each word of name. ok is
// false when name has no word.
func wordsCond(kind int, name, cols string) (cond string, args []any, ok bool) {
	ws := store.NameWords(name)
	if len(ws) == 0 {
		return "", nil, false
	}
	sel := "doc, idx"
	if !strings.Contains(cols, ",") {
		sel = "doc"
	}
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = `SELECT ` + sel + ` FROM name_words WHERE kind = ? AND word >= ? AND word < ?`
		args = append(args, kind, w, store.WordPrefixEnd(w))
	}
	return `(` + cols + `) IN (` + strings.Join(parts, " INTERSECT ") + `)`, args, true
}

// words adds the name-word condition of kind on cols; a name without a
// word matches nothing (prepare refuses it first).
func (w *where) words(kind int, name, cols string) {
	if c, a, ok := wordsCond(kind, name, cols); ok {
		w.add(c, a...)
	} else {
		w.add(`false`)
	}
}

// nameRows appends the name_words rows of (doc, idx) of kind.
func nameRows(rows [][]any, kind int, doc int64, idx int, name string) [][]any {
	for _, w := range store.NameWords(name) {
		rows = append(rows, []any{int16(kind), w, doc, idx})
	}
	return rows
}

// nameRowsOf appends the name_words rows of the stored original o at row.
func nameRowsOf(rows [][]any, o *document.Output, row int64) [][]any {
	for i, e := range o.Entities {
		rows = nameRows(rows, wordsEntity, row, i, e.Name)
	}
	for i, q := range o.Quotes {
		if q.Speaker != nil {
			rows = nameRows(rows, wordsSpeaker, row, i, q.Speaker.Name)
		}
	}
	for i, c := range o.Counts {
		rows = nameRows(rows, wordsCount, row, i, str(c.AttributedTo))
	}
	for i, e := range o.Events {
		var names string
		if e.Source != nil {
			names = e.Source.Name
		}
		if e.Target != nil {
			names += " " + e.Target.Name
		}
		rows = nameRows(rows, wordsEvent, row, i, names)
	}
	return rows
}

// backfillNames fills name_words for documents stored before migration 5;
// store_meta's name_words says whether it is done.
func backfillNames(ctx context.Context, db *pgxpool.Pool) error {
	var done int
	if err := db.QueryRow(ctx, `SELECT COUNT(*) FROM store_meta WHERE key = 'name_words' AND value = '1'`).Scan(&done); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if done > 0 {
		return nil
	}
	tx, err := db.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockWrite)); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM store_meta WHERE key = 'name_words' AND value = '1'`).Scan(&done); err != nil || done > 0 {
		return err // another process did it meanwhile
	}
	var out [][]any
	for _, q := range []struct {
		kind int
		sql  string
	}{
		{wordsSpeaker, `SELECT doc, idx, speaker FROM quotes WHERE speaker <> ''`},
		{wordsEntity, `SELECT doc, idx, name FROM entities`},
		{wordsEvent, `SELECT doc, idx, COALESCE(source_name, '') || ' ' || COALESCE(target_name, '') FROM events`},
		{wordsCount, `SELECT doc, idx, attributed_to FROM counts WHERE attributed_to <> ''`},
	} {
		rows, err := tx.Query(ctx, q.sql)
		if err != nil {
			return fmt.Errorf("postgres: index names: %w", err)
		}
		for rows.Next() {
			var doc int64
			var idx int
			var name string
			if err := rows.Scan(&doc, &idx, &name); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: index names: %w", err)
			}
			out = nameRows(out, q.kind, doc, idx, name)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: index names: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `DELETE FROM name_words`); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{"name_words"}, layerColumns["name_words"], pgx.CopyFromRows(out)); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO store_meta(key, value) VALUES ('name_words', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	return tx.Commit(ctx)
}
