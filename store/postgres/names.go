package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/store"
)

// The word index of names (migration 12; store/sqlite keeps migration 5's
// name_words rows). Every row of entities, quotes, counts and events keeps
// the words (store.NameWords) of its name in its words column: the entity
// name, the quote speaker, the count attribution, the event source and
// target names. Each original's bodies row keeps the names tsvector: one
// lexeme per distinct word of a kind, the kind's digit before the word
// (cut to nameLexemeRunes), with a GIN index. A name filter at document
// level is a prefix query of that vector ('2hez':* & '2bol':*); on a layer
// row it is the same query, which selects the documents through the index,
// and the row's own words, each word of the filter the prefix of one.
// One GIN entry per distinct word of a document replaces the b-tree row
// and index entry per word of each layer row (docs/scaling.md).

// Kinds of name words: the digit a names lexeme starts with.
const (
	wordsSpeaker = 1 // quotes.speaker
	wordsEntity  = 2 // entities.name
	wordsEvent   = 3 // events.source_name and target_name
	wordsCount   = 4 // counts.attributed_to
)

// nameLexemeRunes bounds a word in the names vector (a lexeme has at most
// 2,046 bytes): the filter's words are cut the same way, so the vector's
// prefix test stays a necessary condition, and the layer row's full words
// decide.
const nameLexemeRunes = 500

// nameLexeme is the names lexeme of word w of kind.
func nameLexeme(kind int, w string) string {
	if n := 0; len(w) > nameLexemeRunes {
		for i := range w {
			if n == nameLexemeRunes {
				w = w[:i]
				break
			}
			n++
		}
	}
	return string(rune('0'+kind)) + w
}

// namesQuery is the tsquery text of the documents whose names of kind hold
// a word starting with each of ws.
func namesQuery(kind int, ws []string) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		// Words are letters and digits only: no quote or backslash to escape.
		parts[i] = `'` + nameLexeme(kind, w) + `':*`
	}
	return strings.Join(parts, " & ")
}

// wordsCond returns the condition that the rows named by cols ("x.doc,
// x.idx" for a layer's rows, a document column for documents) have, among
// the name words of kind, a word starting with each word of name (for a
// document, in any of its rows of kind; for a layer row, in its own words).
// ok is false when name has no word.
func wordsCond(kind int, name, cols string) (cond string, args []any, ok bool) {
	ws := store.NameWords(name)
	if len(ws) == 0 {
		return "", nil, false
	}
	doc, row := cols, strings.Contains(cols, ",")
	if row {
		doc = strings.TrimSpace(strings.Split(cols, ",")[0])
	}
	cond = doc + ` IN (SELECT rowid FROM bodies WHERE names @@ ?::tsquery)`
	args = []any{namesQuery(kind, ws)}
	if row {
		t := strings.TrimSuffix(doc, ".doc")
		for _, w := range ws {
			cond += ` AND EXISTS (SELECT 1 FROM unnest(` + t + `.words) u(w) WHERE starts_with(u.w, ?))`
			args = append(args, w)
		}
	}
	return `(` + cond + `)`, args, true
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

// nameWords is the words column of a layer row named name: NULL for none.
func nameWords(name string) any {
	if ws := store.NameWords(name); len(ws) > 0 {
		return ws
	}
	return nil
}

// eventNames is the name an event's words are taken from.
func eventNames(e document.OutEvent) string {
	var names string
	if e.Source != nil {
		names = e.Source.Name
	}
	if e.Target != nil {
		names += " " + e.Target.Name
	}
	return names
}

// namesOf returns the names vector of the stored original o (nil, NULL,
// when it names nobody).
func namesOf(o *document.Output) any {
	seen := map[string]bool{}
	var lex []string
	add := func(kind int, name string) {
		for _, w := range store.NameWords(name) {
			if l := nameLexeme(kind, w); !seen[l] {
				seen[l] = true
				lex = append(lex, l)
			}
		}
	}
	for _, e := range o.Entities {
		add(wordsEntity, e.Name)
	}
	for _, q := range o.Quotes {
		if q.Speaker != nil {
			add(wordsSpeaker, q.Speaker.Name)
		}
	}
	for _, c := range o.Counts {
		add(wordsCount, str(c.AttributedTo))
	}
	for _, e := range o.Events {
		add(wordsEvent, eventNames(e))
	}
	if len(lex) == 0 {
		return nil
	}
	slices.Sort(lex)
	return tsvector{lexemes: lex, pos: make([][]uint16, len(lex))}
}

// fillNames sets bodies.names of every original from its layer rows' words
// (migration 12 and backfillNames).
const fillNames = `
UPDATE bodies b SET names = n.v FROM (
	SELECT doc, array_to_tsvector(array_agg(DISTINCT l)) v FROM (
		SELECT doc, '1' || left(w, 500) l FROM quotes, unnest(words) w
		UNION ALL SELECT doc, '2' || left(w, 500) FROM entities, unnest(words) w
		UNION ALL SELECT doc, '3' || left(w, 500) FROM events, unnest(words) w
		UNION ALL SELECT doc, '4' || left(w, 500) FROM counts, unnest(words) w
	) s GROUP BY doc
) n WHERE b.rowid = n.doc`

// backfillNames fills the name words for documents stored before migration
// 5; store_meta's name_words says whether it is done.
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
	for _, q := range []struct {
		table, name string
	}{
		{"quotes", `speaker`},
		{"entities", `name`},
		{"events", `COALESCE(source_name, '') || ' ' || COALESCE(target_name, '')`},
		{"counts", `attributed_to`},
	} {
		rows, err := tx.Query(ctx, `SELECT doc, idx, `+q.name+` FROM `+q.table)
		if err != nil {
			return fmt.Errorf("postgres: index names: %w", err)
		}
		var docs, idxs []int64
		var words []string
		for rows.Next() {
			var doc, idx int64
			var name string
			if err := rows.Scan(&doc, &idx, &name); err != nil {
				rows.Close()
				return fmt.Errorf("postgres: index names: %w", err)
			}
			if ws := store.NameWords(name); len(ws) > 0 {
				docs, idxs, words = append(docs, doc), append(idxs, idx), append(words, strings.Join(ws, " "))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return fmt.Errorf("postgres: index names: %w", err)
		}
		if _, err := tx.Exec(ctx, `UPDATE `+q.table+` x SET words = string_to_array(u.w, ' ')
			FROM unnest($1::bigint[], $2::bigint[], $3::text[]) u(doc, idx, w) WHERE x.doc = u.doc AND x.idx = u.idx`, docs, idxs, words); err != nil {
			return fmt.Errorf("postgres: index names: %w", err)
		}
	}
	if _, err := tx.Exec(ctx, `UPDATE bodies SET names = NULL WHERE names IS NOT NULL`); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if _, err := tx.Exec(ctx, fillNames); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO store_meta(key, value) VALUES ('name_words', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	return tx.Commit(ctx)
}
