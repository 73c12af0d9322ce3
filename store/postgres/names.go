package postgres

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

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

// The codes of a document (migration 13): each distinct code of a kind
// that a filter selects documents by is a lexeme of the same names vector,
// the kind's letter and '=' before the code (cut to nameLexemeRunes):
// 'a=USAGOV' for an entity's actor code. Codes start with a letter, words
// with a digit, so the two never meet. They replace the b-tree indexes of
// the layer tables' code columns (an entry per row: entities_actor,
// quotes_speaker_actor, counts_category, locations_country, events_*):
// a code filter selects its documents through bodies_names, and a layer
// row's filter checks the row's own column after that.
const (
	codeActor    = 'a' // entities.actor
	codeSpeaker  = 'q' // quotes.speaker_actor
	codeSource   = 's' // events.source_actor
	codeTarget   = 't' // events.target_actor
	codeRoot     = 'r' // events.root
	codeCode     = 'c' // events.code
	codePlover   = 'p' // events.plover
	codeCategory = 'k' // counts.category
	codeCountry  = 'n' // locations.country
)

// codeLexeme is the names lexeme of code v of kind.
func codeLexeme(kind byte, v string) string {
	return string(kind) + "=" + cutRunes(v, nameLexemeRunes)
}

// cutRunes returns the first n runes of s.
func cutRunes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	k := 0
	for i := range s {
		if k == n {
			return s[:i]
		}
		k++
	}
	return s
}

// codesCond returns the condition that the document doc has a code of one
// of kinds equal to v (prefix: starting with v), through the names vector's
// index. A v of nameLexemeRunes runes or more cannot be told from the cut
// lexemes: then exact, a condition that decides (a subquery over the layer
// table), is added to the necessary one of the index.
func codesCond(doc, v string, prefix bool, exact string, exactArgs []any, kinds ...byte) (string, []any) {
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		l := `'` + strings.ReplaceAll(strings.ReplaceAll(codeLexeme(k, v), `\`, `\\`), `'`, `''`) + `'`
		if prefix {
			l += `:*`
		}
		parts[i] = l
	}
	cond := doc + ` IN (SELECT rowid FROM bodies WHERE names @@ ?::tsquery)`
	args := []any{strings.Join(parts, " | ")}
	if utf8.RuneCountInString(v) >= nameLexemeRunes {
		cond = `(` + cond + ` AND ` + exact + `)`
		args = append(args, exactArgs...)
	}
	return cond, args
}

// codes adds codesCond's condition to w.
func (w *where) codes(doc, v string, prefix bool, exact string, exactArgs []any, kinds ...byte) {
	c, a := codesCond(doc, v, prefix, exact, exactArgs, kinds...)
	w.add(c, a...)
}

// quoteActor is the actor code of q's speaker (quotes.speaker_actor).
func quoteActor(d *document.Document, q document.OutQuote) string {
	if q.Speaker != nil && q.Speaker.Entity != nil && *q.Speaker.Entity < len(d.Entities) {
		return d.Entities[*q.Speaker.Entity].Actor
	}
	return ""
}

// namesOf returns the names vector of the stored original o of d: its name
// words and codes (nil, NULL, when it has none).
func namesOf(d *document.Document, o *document.Output) any {
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
	code := func(kind byte, v string) {
		if v == "" {
			return
		}
		if l := codeLexeme(kind, v); !seen[l] {
			seen[l] = true
			lex = append(lex, l)
		}
	}
	for _, e := range o.Entities {
		code(codeActor, str(e.Actor))
	}
	for _, q := range o.Quotes {
		code(codeSpeaker, quoteActor(d, q))
	}
	for _, c := range o.Counts {
		code(codeCategory, str(c.Category))
	}
	for _, l := range o.Locations {
		code(codeCountry, str(l.Country))
	}
	for _, e := range o.Events {
		code(codeRoot, e.Root)
		code(codeCode, e.Code)
		code(codePlover, str(e.Plover))
		if e.Source != nil {
			code(codeSource, str(e.Source.Actor))
		}
		if e.Target != nil {
			code(codeTarget, str(e.Target.Actor))
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

// fillCodes adds the codes of every original's layer rows to its names
// vector (migration 13 and backfillNames), as namesOf makes them.
const fillCodes = `
UPDATE bodies b SET names = COALESCE(b.names, ''::tsvector) || n.v FROM (
	SELECT doc, array_to_tsvector(array_agg(DISTINCT l)) v FROM (
		SELECT doc, 'a=' || left(actor, 500) l FROM entities WHERE actor <> ''
		UNION ALL SELECT doc, 'q=' || left(speaker_actor, 500) FROM quotes WHERE speaker_actor <> ''
		UNION ALL SELECT doc, 'k=' || left(category, 500) FROM counts WHERE category <> ''
		UNION ALL SELECT doc, 'n=' || left(country, 500) FROM locations WHERE country <> ''
		UNION ALL SELECT doc, 'r=' || left(root, 500) FROM events WHERE root <> ''
		UNION ALL SELECT doc, 'c=' || left(code, 500) FROM events WHERE code <> ''
		UNION ALL SELECT doc, 'p=' || left(plover, 500) FROM events WHERE plover <> ''
		UNION ALL SELECT doc, 's=' || left(source_actor, 500) FROM events WHERE source_actor <> ''
		UNION ALL SELECT doc, 't=' || left(target_actor, 500) FROM events WHERE target_actor <> ''
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
	if _, err := tx.Exec(ctx, fillCodes); err != nil {
		return fmt.Errorf("postgres: index codes: %w", err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO store_meta(key, value) VALUES ('name_words', '1') ON CONFLICT (key) DO UPDATE SET value = '1'`); err != nil {
		return fmt.Errorf("postgres: index names: %w", err)
	}
	return tx.Commit(ctx)
}
