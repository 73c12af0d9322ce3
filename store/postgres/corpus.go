package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/newsgraph/newsgraph/store"
)

// The corpus layer (store.CorpusStore, migrations 6 and 7): the tables and
// statements of store/sqlite/corpus.go. Every lookup of an update is by
// match key and day span, id or primary key, each served by an index, so
// an update's cost does not grow with the store. Updates take an advisory
// lock of their own (lockCorpus): two workers updating at once would
// otherwise both miss a corpus event and both create it; document writes
// (lockWrite) go on meanwhile.

var _ store.CorpusStore = (*Store)(nil)

// lockCorpus is the advisory lock key of corpus updates ("newscorp").
const lockCorpus = 0x6e657773_636f7270

// querier is what both the pool and a transaction offer.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// corpusTx is store.CorpusTx over one transaction.
type corpusTx struct {
	ctx context.Context
	q   querier
}

// UpdateCorpus runs fn in one write transaction; see store.CorpusStore.
func (s *Store) UpdateCorpus(ctx context.Context, fn func(store.CorpusTx) error) error {
	tx, err := s.db.BeginTx(ctx, pgx.TxOptions{})
	if err != nil {
		return fmt.Errorf("postgres: corpus: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(lockCorpus)); err != nil {
		return fmt.Errorf("postgres: corpus lock: %w", err)
	}
	if err := fn(&corpusTx{ctx: ctx, q: tx}); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: corpus: %w", err)
	}
	return nil
}

const eventCols = `id, match_key, code, root, source, target, country, place, place_id, first_day, last_day, story, num_mentions, num_sources, num_articles`

func scanEvents(rows pgx.Rows, err error) ([]store.CorpusEvent, error) {
	if err != nil {
		return nil, fmt.Errorf("postgres: corpus events: %w", err)
	}
	defer rows.Close()
	var out []store.CorpusEvent
	for rows.Next() {
		var e store.CorpusEvent
		if err := rows.Scan(&e.ID, &e.Key, &e.Code, &e.Root, &e.Source, &e.Target, &e.Country, &e.Place, &e.PlaceID,
			&e.FirstDay, &e.LastDay, &e.Story, &e.NumMentions, &e.NumSources, &e.NumArticles); err != nil {
			return nil, fmt.Errorf("postgres: corpus events: %w", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: corpus events: %w", err)
	}
	return out, nil
}

func (t *corpusTx) FindEvents(key string, from, to int) ([]store.CorpusEvent, error) {
	return scanEvents(t.q.Query(t.ctx, `SELECT `+eventCols+` FROM corpus_events WHERE match_key = $1 AND last_day >= $2 AND first_day <= $3 ORDER BY id`, key, from, to))
}

func (t *corpusTx) SaveEvent(e *store.CorpusEvent) error {
	args := []any{e.Key, e.Code, e.Root, e.Source, e.Target, e.Country, e.Place, e.PlaceID, e.FirstDay, e.LastDay, e.Story, e.NumMentions, e.NumSources, e.NumArticles}
	if e.ID == 0 {
		return t.insertID(&e.ID, `INSERT INTO corpus_events (match_key, code, root, source, target, country, place, place_id, first_day, last_day, story, num_mentions, num_sources, num_articles)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) RETURNING id`, args)
	}
	if _, err := t.q.Exec(t.ctx, `UPDATE corpus_events SET match_key=$1, code=$2, root=$3, source=$4, target=$5, country=$6, place=$7, place_id=$8,
		first_day=$9, last_day=$10, story=$11, num_mentions=$12, num_sources=$13, num_articles=$14 WHERE id=$15`, append(args, e.ID)...); err != nil {
		return fmt.Errorf("postgres: save corpus event: %w", err)
	}
	return nil
}

func (t *corpusTx) insertID(id *int64, q string, args []any) error {
	if err := t.q.QueryRow(t.ctx, q, args...).Scan(id); err != nil {
		return fmt.Errorf("postgres: corpus insert: %w", err)
	}
	return nil
}

// added runs an INSERT … ON CONFLICT DO NOTHING and reports whether it
// inserted the row.
func (t *corpusTx) added(what, q string, args ...any) (bool, error) {
	tag, err := t.q.Exec(t.ctx, q, args...)
	if err != nil {
		return false, fmt.Errorf("postgres: %s: %w", what, err)
	}
	return tag.RowsAffected() > 0, nil
}

func (t *corpusTx) AddEventMention(m store.EventMention) (bool, error) {
	return t.added("add event mention", `INSERT INTO corpus_event_mentions (event, doc, event_index, outlet, copy_of, sentence, start_cp, end_cp, confidence, day)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) ON CONFLICT DO NOTHING`,
		m.Event, m.Doc, m.EventIndex, m.Outlet, m.CopyOf, m.Sentence, m.Start, m.End, m.Confidence, m.Day)
}

func eventMentions(ctx context.Context, q querier, event int64) ([]store.EventMention, error) {
	rows, err := q.Query(ctx, `SELECT event, doc, event_index, outlet, copy_of, sentence, start_cp, end_cp, confidence, day
		FROM corpus_event_mentions WHERE event = $1 ORDER BY day, doc, event_index`, event)
	if err != nil {
		return nil, fmt.Errorf("postgres: event mentions: %w", err)
	}
	defer rows.Close()
	var out []store.EventMention
	for rows.Next() {
		var m store.EventMention
		if err := rows.Scan(&m.Event, &m.Doc, &m.EventIndex, &m.Outlet, &m.CopyOf, &m.Sentence, &m.Start, &m.End, &m.Confidence, &m.Day); err != nil {
			return nil, fmt.Errorf("postgres: event mentions: %w", err)
		}
		out = append(out, m)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: event mentions: %w", err)
	}
	return out, nil
}

func (t *corpusTx) EventMentions(event int64) ([]store.EventMention, error) {
	return eventMentions(t.ctx, t.q, event)
}

const figureCols = `id, match_key, category, object, country, place, first_day, last_day, story, num_values, latest, min_value, max_value, agreement, contradiction, reason`

func scanFigures(rows pgx.Rows, err error) ([]store.Figure, error) {
	if err != nil {
		return nil, fmt.Errorf("postgres: figures: %w", err)
	}
	defer rows.Close()
	var out []store.Figure
	for rows.Next() {
		var f store.Figure
		if err := rows.Scan(&f.ID, &f.Key, &f.Category, &f.Object, &f.Country, &f.Place, &f.FirstDay, &f.LastDay, &f.Story,
			&f.NumValues, &f.Latest, &f.Min, &f.Max, &f.Agreement, &f.Contradiction, &f.Reason); err != nil {
			return nil, fmt.Errorf("postgres: figures: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: figures: %w", err)
	}
	return out, nil
}

func (t *corpusTx) FindFigures(key string, from, to int) ([]store.Figure, error) {
	return scanFigures(t.q.Query(t.ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE match_key = $1 AND last_day >= $2 AND first_day <= $3 ORDER BY id`, key, from, to))
}

func (t *corpusTx) SaveFigure(f *store.Figure) error {
	args := []any{f.Key, f.Category, f.Object, f.Country, f.Place, f.FirstDay, f.LastDay, f.Story, f.NumValues, f.Latest, f.Min, f.Max, f.Agreement, f.Contradiction, f.Reason}
	if f.ID == 0 {
		return t.insertID(&f.ID, `INSERT INTO corpus_figures (match_key, category, object, country, place, first_day, last_day, story, num_values, latest, min_value, max_value, agreement, contradiction, reason)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15) RETURNING id`, args)
	}
	if _, err := t.q.Exec(t.ctx, `UPDATE corpus_figures SET match_key=$1, category=$2, object=$3, country=$4, place=$5, first_day=$6, last_day=$7, story=$8,
		num_values=$9, latest=$10, min_value=$11, max_value=$12, agreement=$13, contradiction=$14, reason=$15 WHERE id=$16`, append(args, f.ID)...); err != nil {
		return fmt.Errorf("postgres: save figure: %w", err)
	}
	return nil
}

func (t *corpusTx) AddFigureValue(v store.FigureValue) (bool, error) {
	return t.added("add figure value", `INSERT INTO corpus_figure_values (figure, doc, count_index, outlet, copy_of, value, approx, qualifier, day, published, attribution, text, start_cp, end_cp)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14) ON CONFLICT DO NOTHING`,
		v.Figure, v.Doc, v.CountIndex, v.Outlet, v.CopyOf, v.Value, v.Approx, v.Qualifier, v.Day, v.Published, v.Attribution, v.Text, v.Start, v.End)
}

func figureValues(ctx context.Context, q querier, figure int64) ([]store.FigureValue, error) {
	rows, err := q.Query(ctx, `SELECT figure, doc, count_index, outlet, copy_of, value, approx, qualifier, day, published, attribution, text, start_cp, end_cp
		FROM corpus_figure_values WHERE figure = $1 ORDER BY day, published, doc, count_index`, figure)
	if err != nil {
		return nil, fmt.Errorf("postgres: figure values: %w", err)
	}
	defer rows.Close()
	var out []store.FigureValue
	for rows.Next() {
		var v store.FigureValue
		if err := rows.Scan(&v.Figure, &v.Doc, &v.CountIndex, &v.Outlet, &v.CopyOf, &v.Value, &v.Approx, &v.Qualifier, &v.Day, &v.Published,
			&v.Attribution, &v.Text, &v.Start, &v.End); err != nil {
			return nil, fmt.Errorf("postgres: figure values: %w", err)
		}
		out = append(out, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: figure values: %w", err)
	}
	return out, nil
}

func (t *corpusTx) FigureValues(figure int64) ([]store.FigureValue, error) {
	return figureValues(t.ctx, t.q, figure)
}

func (t *corpusTx) SaveStory(s *store.CorpusStory) error {
	if s.ID == 0 {
		return t.insertID(&s.ID, `INSERT INTO corpus_stories (title, first_day, last_day, num_articles) VALUES ($1,$2,$3,$4) RETURNING id`,
			[]any{s.Title, s.FirstDay, s.LastDay, s.NumArticles})
	}
	if _, err := t.q.Exec(t.ctx, `UPDATE corpus_stories SET title=$1, first_day=$2, last_day=$3, num_articles=$4 WHERE id=$5`,
		s.Title, s.FirstDay, s.LastDay, s.NumArticles, s.ID); err != nil {
		return fmt.Errorf("postgres: save story: %w", err)
	}
	return nil
}

func (t *corpusTx) Story(id int64) (store.CorpusStory, bool, error) {
	var s store.CorpusStory
	err := t.q.QueryRow(t.ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories WHERE id = $1`, id).
		Scan(&s.ID, &s.Title, &s.FirstDay, &s.LastDay, &s.NumArticles)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("postgres: story: %w", err)
	}
	return s, true, nil
}

func (t *corpusTx) AddStoryArticle(story int64, doc string) (bool, error) {
	return t.added("story article", `INSERT INTO corpus_story_articles (story, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING`, story, doc)
}

func storyArticles(ctx context.Context, q querier, story int64) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT doc FROM corpus_story_articles WHERE story = $1 ORDER BY doc`, story)
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("postgres: story articles: %w", err)
	}
	return out, nil
}

func (t *corpusTx) StoryArticles(story int64) ([]string, error) {
	return storyArticles(t.ctx, t.q, story)
}

func (t *corpusTx) MergeStory(from, into int64) error {
	for _, q := range []string{
		`INSERT INTO corpus_story_keys (match_key, day, story) SELECT match_key, day, $1 FROM corpus_story_keys WHERE story = $2 ON CONFLICT DO NOTHING`,
		`DELETE FROM corpus_story_keys WHERE story = $2 AND $1::bigint IS NOT NULL`,
		`UPDATE corpus_events SET story = $1 WHERE story = $2`,
		`UPDATE corpus_figures SET story = $1 WHERE story = $2`,
		`INSERT INTO corpus_story_articles (story, doc) SELECT $1, doc FROM corpus_story_articles WHERE story = $2 ON CONFLICT DO NOTHING`,
		`DELETE FROM corpus_story_articles WHERE story = $2 AND $1::bigint IS NOT NULL`,
		`DELETE FROM corpus_stories WHERE id = $2 AND $1::bigint IS NOT NULL`,
	} {
		if _, err := t.q.Exec(t.ctx, q, into, from); err != nil {
			return fmt.Errorf("postgres: merge story: %w", err)
		}
	}
	return nil
}

func (t *corpusTx) FindStories(key string, from, to int) ([]int64, error) {
	rows, err := t.q.Query(t.ctx, `SELECT DISTINCT story FROM corpus_story_keys WHERE match_key = $1 AND day >= $2 AND day <= $3 ORDER BY story`, key, from, to)
	if err != nil {
		return nil, fmt.Errorf("postgres: find stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: find stories: %w", err)
	}
	return out, nil
}

func (t *corpusTx) AddStoryKey(story int64, key string, day int) error {
	if _, err := t.q.Exec(t.ctx, `INSERT INTO corpus_story_keys (match_key, day, story) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, key, day, story); err != nil {
		return fmt.Errorf("postgres: story key: %w", err)
	}
	return nil
}

func limits(q store.CorpusQuery) (int, int) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	return q.Limit, max(0, q.Offset)
}

// corpusWhere builds a listing's conditions ($n numbered after args).
type corpusWhere struct {
	conds []string
	args  []any
}

func (w *corpusWhere) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.ReplaceAll(cond, "?", fmt.Sprintf("$%d", len(w.args))))
}

func (w *corpusWhere) sql(order string, q store.CorpusQuery) (string, []any) {
	where := "true"
	if len(w.conds) > 0 {
		where = strings.Join(w.conds, " AND ")
	}
	l, o := limits(q)
	n := len(w.args)
	return " WHERE " + where + " ORDER BY " + order + fmt.Sprintf(" LIMIT $%d OFFSET $%d", n+1, n+2), append(w.args, l, o)
}

// CorpusEvents lists corpus events; see store.CorpusStore.
func (s *Store) CorpusEvents(ctx context.Context, q store.CorpusQuery) ([]store.CorpusEvent, error) {
	var w corpusWhere
	if q.Story != 0 {
		w.add("story = ?", q.Story)
	}
	if q.Doc != "" {
		w.add("id IN (SELECT event FROM corpus_event_mentions WHERE doc = ?)", q.Doc)
	}
	where, args := w.sql("num_mentions DESC, id", q)
	return scanEvents(s.db.Query(ctx, `SELECT `+eventCols+` FROM corpus_events`+where, args...))
}

// CorpusEventMentions returns a corpus event's mentions.
func (s *Store) CorpusEventMentions(ctx context.Context, event int64) ([]store.EventMention, error) {
	return eventMentions(ctx, s.db, event)
}

// DocEventCounts returns each article's event index → its corpus event.
func (s *Store) DocEventCounts(ctx context.Context, docs []string) (map[string]map[int]store.CorpusEvent, error) {
	out := map[string]map[int]store.CorpusEvent{}
	if len(docs) == 0 {
		return out, nil
	}
	rows, err := s.db.Query(ctx, `SELECT m.doc, m.event_index, e.id, e.num_mentions, e.num_sources, e.num_articles, e.story
		FROM corpus_event_mentions m JOIN corpus_events e ON e.id = m.event WHERE m.doc = ANY($1)`, docs)
	if err != nil {
		return nil, fmt.Errorf("postgres: doc event counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc string
		var idx int
		var e store.CorpusEvent
		if err := rows.Scan(&doc, &idx, &e.ID, &e.NumMentions, &e.NumSources, &e.NumArticles, &e.Story); err != nil {
			return nil, fmt.Errorf("postgres: doc event counts: %w", err)
		}
		if out[doc] == nil {
			out[doc] = map[int]store.CorpusEvent{}
		}
		out[doc][idx] = e
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: doc event counts: %w", err)
	}
	return out, nil
}

// Figures lists tracked figures; see store.CorpusStore.
func (s *Store) Figures(ctx context.Context, q store.CorpusQuery) ([]store.Figure, error) {
	var w corpusWhere
	if q.Story != 0 {
		w.add("story = ?", q.Story)
	}
	if q.Category != "" {
		w.add("category = ?", strings.ToUpper(q.Category))
	}
	if q.Doc != "" {
		w.add("id IN (SELECT figure FROM corpus_figure_values WHERE doc = ?)", q.Doc)
	}
	where, args := w.sql("num_values DESC, id", q)
	return scanFigures(s.db.Query(ctx, `SELECT `+figureCols+` FROM corpus_figures`+where, args...))
}

// FigureValues returns a figure's values in report order.
func (s *Store) FigureValues(ctx context.Context, figure int64) ([]store.FigureValue, error) {
	return figureValues(ctx, s.db, figure)
}

// Stories lists corpus stories; see store.CorpusStore.
func (s *Store) Stories(ctx context.Context, q store.CorpusQuery) ([]store.CorpusStory, error) {
	var w corpusWhere
	if q.Doc != "" {
		w.add("id IN (SELECT story FROM corpus_story_articles WHERE doc = ?)", q.Doc)
	}
	where, args := w.sql("num_articles DESC, id", q)
	rows, err := s.db.Query(ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories`+where, args...)
	if err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	defer rows.Close()
	var out []store.CorpusStory
	for rows.Next() {
		var st store.CorpusStory
		if err := rows.Scan(&st.ID, &st.Title, &st.FirstDay, &st.LastDay, &st.NumArticles); err != nil {
			return nil, fmt.Errorf("postgres: stories: %w", err)
		}
		out = append(out, st)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postgres: stories: %w", err)
	}
	return out, nil
}

// StoryArticles returns a story's article ids.
func (s *Store) StoryArticles(ctx context.Context, story int64) ([]string, error) {
	return storyArticles(ctx, s.db, story)
}
