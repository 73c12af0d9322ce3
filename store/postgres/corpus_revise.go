package postgres

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/store"
)

// articleSQL reads what Article returns of the documents selected by its
// condition (on d): the document's id, its original's id, text, outlet and
// layer text.
const articleSQL = `SELECT d.id, COALESCE(o.id, ''), d.text_sha256,
		COALESCE((SELECT c.outlet FROM carriers c WHERE c.story = COALESCE(d.duplicate_of, d.rowid)
			ORDER BY c.kind <> 'original', c.seen, c.outlet COLLATE "C", c.url COLLATE "C" LIMIT 1), d.outlet),
		COALESCE((SELECT a.text_sha256 FROM corpus_articles a WHERE a.doc = d.id), '')
		FROM documents d LEFT JOIN documents o ON o.rowid = d.duplicate_of WHERE `

// articleRead is what Article read of a document id: found false when
// nothing is stored under it.
type articleRead struct {
	a     store.CorpusArticle
	found bool
}

// ReadArticles reads what Article returns for each of docs in one
// statement; see store.CorpusArticlesReader. Nothing the corpus layer
// writes changes a document's row; its layer text is kept up to date by
// SetArticle and RemoveArticle.
func (t *corpusTx) ReadArticles(docs []string) error {
	var need []string
	for _, d := range docs {
		if _, ok := t.known[d]; !ok {
			need = append(need, d)
			t.known[d] = articleRead{} // until found below
		}
	}
	if len(need) == 0 {
		return nil
	}
	rows, err := t.q.Query(t.ctx, articleSQL+`d.id = ANY($1)`, need)
	if err != nil {
		return fmt.Errorf("postgres: corpus articles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var a store.CorpusArticle
		if err := rows.Scan(&id, &a.CopyOf, &a.TextSum, &a.Outlet, &a.LayerSum); err != nil {
			return fmt.Errorf("postgres: corpus articles: %w", err)
		}
		t.known[id] = articleRead{a: a, found: true}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: corpus articles: %w", err)
	}
	return nil
}

// Article reads doc's document and layer text; see store.CorpusTx. An
// update reads its batch's articles first (ReadArticles); an id it did not
// read is looked up on its own, with the server's cached plan when that
// costs no more than planning it again (plan_cache_mode auto for this
// statement only: a lookup by keys, where planning took 70 % of the
// server's CPU for it). A text set earlier in the transaction (SetArticle,
// written at the flush) is the article's layer text.
func (t *corpusTx) Article(doc string) (store.CorpusArticle, bool, error) {
	r, ok := t.known[doc]
	if !ok {
		b := &pgx.Batch{}
		b.Queue(`SET LOCAL plan_cache_mode = auto`)
		b.Queue(articleSQL+`d.id = $1`, doc).Query(func(rows pgx.Rows) error {
			for rows.Next() { // at most one: documents.id is unique
				var id string
				r.found = true
				if err := rows.Scan(&id, &r.a.CopyOf, &r.a.TextSum, &r.a.Outlet, &r.a.LayerSum); err != nil {
					return err
				}
			}
			return rows.Err()
		})
		b.Queue(`SET LOCAL plan_cache_mode = force_custom_plan`)
		if err := t.q.SendBatch(t.ctx, b).Close(); err != nil {
			return r.a, false, fmt.Errorf("postgres: corpus article: %w", err)
		}
		t.known[doc] = r
	}
	if !r.found {
		return store.CorpusArticle{}, false, nil
	}
	if sum, ok := t.layerSums[doc]; ok {
		r.a.LayerSum = sum
	}
	return r.a, true, nil
}

// SetArticle records doc's layer text, written at the flush; see
// store.CorpusTx.
func (t *corpusTx) SetArticle(doc, sum string) error {
	if _, ok := t.layerSums[doc]; !ok {
		t.setOrder = append(t.setOrder, doc)
	}
	t.layerSums[doc] = sum
	if r, ok := t.known[doc]; ok {
		r.a.LayerSum = sum
		t.known[doc] = r
	}
	return nil
}

// RemoveArticle deletes doc's rows of the layer; see store.CorpusTx. Each
// statement is keyed by doc or by the ids its rows named.
func (t *corpusTx) RemoveArticle(doc string) (evs []store.CorpusEvent, figs []store.Figure, sts []store.CorpusStory, err error) {
	fail := func(err error) ([]store.CorpusEvent, []store.Figure, []store.CorpusStory, error) {
		return nil, nil, nil, fmt.Errorf("postgres: remove corpus article: %w", err)
	}
	// The statements below work on the tables: write what the transaction
	// holds first, and forget what it read once they ran (corpustx.go).
	if err := t.flush(); err != nil {
		return fail(err)
	}
	defer t.forget()
	// removed deletes doc's rows of table and returns the distinct ids of
	// their column col.
	removed := func(table, col string) ([]int64, error) {
		rows, err := t.q.Query(t.ctx, `WITH d AS (DELETE FROM `+table+` WHERE doc = $1 RETURNING `+col+`) SELECT DISTINCT `+col+` FROM d ORDER BY 1`, doc)
		if err != nil {
			return nil, err
		}
		return pgx.CollectRows(rows, pgx.RowTo[int64])
	}
	evIDs, err := removed("corpus_event_mentions", "event")
	if err != nil {
		return fail(err)
	}
	figIDs, err := removed("corpus_figure_values", "figure")
	if err != nil {
		return fail(err)
	}
	stIDs, err := removed("corpus_story_articles", "story")
	if err != nil {
		return fail(err)
	}
	if _, err := t.q.Exec(t.ctx, `DELETE FROM corpus_articles WHERE doc = $1`, doc); err != nil {
		return fail(err)
	}
	if r, ok := t.known[doc]; ok {
		r.a.LayerSum = ""
		t.known[doc] = r
	}
	for _, q := range []struct {
		sql string
		ids []int64
	}{
		{`DELETE FROM corpus_events e WHERE e.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM corpus_event_mentions m WHERE m.event = e.id)`, evIDs},
		{`DELETE FROM corpus_figures f WHERE f.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM corpus_figure_values v WHERE v.figure = f.id)`, figIDs},
		{`DELETE FROM corpus_story_keys k WHERE k.story = ANY($1) AND NOT EXISTS (SELECT 1 FROM corpus_story_articles a WHERE a.story = k.story)`, stIDs},
		{`DELETE FROM corpus_stories s WHERE s.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM corpus_story_articles a WHERE a.story = s.id)`, stIDs},
	} {
		if len(q.ids) == 0 {
			continue
		}
		if _, err := t.q.Exec(t.ctx, q.sql, q.ids); err != nil {
			return fail(err)
		}
	}
	if len(evIDs) > 0 {
		if evs, err = scanEvents(t.q.Query(t.ctx, `SELECT `+eventCols+` FROM corpus_events WHERE id = ANY($1) ORDER BY id`, evIDs)); err != nil {
			return fail(err)
		}
	}
	if len(figIDs) > 0 {
		if figs, err = scanFigures(t.q.Query(t.ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE id = ANY($1) ORDER BY id`, figIDs)); err != nil {
			return fail(err)
		}
	}
	if len(stIDs) > 0 {
		rows, err := t.q.Query(t.ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories WHERE id = ANY($1) ORDER BY id`, stIDs)
		if err != nil {
			return fail(err)
		}
		if sts, err = pgx.CollectRows(rows, func(r pgx.CollectableRow) (store.CorpusStory, error) {
			var s store.CorpusStory
			return s, r.Scan(&s.ID, &s.Title, &s.FirstDay, &s.LastDay, &s.NumArticles)
		}); err != nil {
			return fail(err)
		}
	}
	return evs, figs, sts, nil
}
