package postgres

import (
	"context"
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
