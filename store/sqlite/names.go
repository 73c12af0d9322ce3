package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

// Kinds of name_words rows (migrationRevisions).
const (
	wordsSpeaker = 1 // quotes.speaker
	wordsEntity  = 2 // entities.name
	wordsEvent   = 3 // events.source_name and target_name
	wordsCount   = 4 // counts.attributed_to
)

// wordsCond returns the condition that the rows named by cols ("x.doc,
// x.idx" for a layer's rows, "d.rowid" for documents) have, among the
// name words of kind, a word starting with each word of name. ok is false
// when name has no word (letters or digits).
func wordsCond(kind int, name, cols string) (cond string, args []any, ok bool) {
	ws := nameWords(name)
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
		args = append(args, kind, w, w+"\xff")
	}
	return `(` + cols + `) IN (` + strings.Join(parts, " INTERSECT ") + `)`, args, true
}

// nameWords is store.NameWords: the rule is shared by the backends.
func nameWords(name string) []string { return store.NameWords(name) }

// addWords indexes the words of name for row (doc, idx) of kind.
// addWords queues the word index rows of name.
func (w *writer) addWords(ctx context.Context, kind int, doc int64, idx int, name string) error {
	for _, word := range nameWords(name) {
		if err := w.words.add(ctx, w.tx, kind, word, doc, idx); err != nil {
			return fmt.Errorf("index name words: %w", err)
		}
	}
	return nil
}

func addWords(ctx context.Context, stmt *sql.Stmt, kind int, doc int64, idx int, name string) error {
	for _, w := range nameWords(name) {
		if _, err := stmt.ExecContext(ctx, kind, w, doc, idx); err != nil {
			return fmt.Errorf("index name words: %w", err)
		}
	}
	return nil
}

// backfillNames fills name_words for documents stored before migration 5;
// store_meta's name_words says whether it is done.
func backfillNames(ctx context.Context, db *sql.DB) error {
	var done int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM store_meta WHERE key = 'name_words' AND value = '1'`).Scan(&done); err != nil {
		return fmt.Errorf("sqlite: index names: %w", err)
	}
	if done > 0 {
		return nil
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("sqlite: index names: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO name_words(kind, word, doc, idx) VALUES (?,?,?,?)`)
	if err != nil {
		return fmt.Errorf("sqlite: index names: %w", err)
	}
	defer stmt.Close()
	type row struct {
		kind int
		doc  int64
		idx  int
		name string
	}
	var rows []row
	for _, q := range []struct {
		kind int
		sql  string
	}{
		{wordsSpeaker, `SELECT doc, idx, speaker FROM quotes WHERE speaker <> ''`},
		{wordsEntity, `SELECT doc, idx, name FROM entities`},
		{wordsEvent, `SELECT doc, idx, COALESCE(source_name, '') || ' ' || COALESCE(target_name, '') FROM events`},
		{wordsCount, `SELECT doc, idx, attributed_to FROM counts WHERE attributed_to <> ''`},
	} {
		rs, err := tx.QueryContext(ctx, q.sql)
		if err != nil {
			return fmt.Errorf("sqlite: index names: %w", err)
		}
		for rs.Next() {
			r := row{kind: q.kind}
			if err := rs.Scan(&r.doc, &r.idx, &r.name); err != nil {
				rs.Close()
				return fmt.Errorf("sqlite: index names: %w", err)
			}
			rows = append(rows, r)
		}
		err = rs.Err()
		rs.Close()
		if err != nil {
			return fmt.Errorf("sqlite: index names: %w", err)
		}
	}
	for _, r := range rows {
		if err := addWords(ctx, stmt, r.kind, r.doc, r.idx, r.name); err != nil {
			return fmt.Errorf("sqlite: %w", err)
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO store_meta(key, value) VALUES ('name_words', '1')`); err != nil {
		return fmt.Errorf("sqlite: index names: %w", err)
	}
	return tx.Commit()
}
