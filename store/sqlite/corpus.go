package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/store"
)

// The corpus layer's tables (store.CorpusStore): migrations 6 and 7. The
// SQL is plain (no SQLite-only syntax) so other backends can use it as is.
func init() {
	addMigration(6, `
CREATE TABLE corpus_stories (
	id           INTEGER PRIMARY KEY,
	title        TEXT NOT NULL,
	first_day    INTEGER NOT NULL,
	last_day     INTEGER NOT NULL,
	num_articles INTEGER NOT NULL
);
CREATE TABLE corpus_story_articles (
	story INTEGER NOT NULL,
	doc   TEXT NOT NULL,
	PRIMARY KEY (story, doc)
);
CREATE INDEX corpus_story_articles_doc ON corpus_story_articles(doc);
CREATE TABLE corpus_story_keys (
	match_key TEXT NOT NULL,
	day       INTEGER NOT NULL,
	story     INTEGER NOT NULL
);
CREATE INDEX corpus_story_keys_key ON corpus_story_keys(match_key, day);
CREATE INDEX corpus_story_keys_story ON corpus_story_keys(story);
CREATE TABLE corpus_events (
	id           INTEGER PRIMARY KEY,
	match_key    TEXT NOT NULL,
	code         TEXT NOT NULL,
	root         TEXT NOT NULL,
	source       TEXT NOT NULL,
	target       TEXT NOT NULL,
	country      TEXT NOT NULL,
	place        TEXT NOT NULL,
	place_id     INTEGER NOT NULL,
	first_day    INTEGER NOT NULL,
	last_day     INTEGER NOT NULL,
	story        INTEGER NOT NULL,
	num_mentions INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	num_articles INTEGER NOT NULL
);
CREATE INDEX corpus_events_key ON corpus_events(match_key, last_day);
CREATE INDEX corpus_events_story ON corpus_events(story);
CREATE TABLE corpus_event_mentions (
	event       INTEGER NOT NULL,
	doc         TEXT NOT NULL,
	event_index INTEGER NOT NULL,
	outlet      TEXT NOT NULL,
	copy_of     TEXT NOT NULL,
	sentence    INTEGER NOT NULL,
	start_cp    INTEGER NOT NULL,
	end_cp      INTEGER NOT NULL,
	confidence  INTEGER NOT NULL,
	day         INTEGER NOT NULL,
	PRIMARY KEY (event, doc, event_index)
);
CREATE INDEX corpus_event_mentions_doc ON corpus_event_mentions(doc);
`)
	addMigration(7, `
CREATE TABLE corpus_figures (
	id            INTEGER PRIMARY KEY,
	match_key     TEXT NOT NULL,
	category      TEXT NOT NULL,
	object        TEXT NOT NULL,
	country       TEXT NOT NULL,
	place         TEXT NOT NULL,
	first_day     INTEGER NOT NULL,
	last_day      INTEGER NOT NULL,
	story         INTEGER NOT NULL,
	num_values    INTEGER NOT NULL,
	latest        REAL NOT NULL,
	min_value     REAL NOT NULL,
	max_value     REAL NOT NULL,
	agreement     REAL NOT NULL,
	contradiction INTEGER NOT NULL,
	reason        TEXT NOT NULL
);
CREATE INDEX corpus_figures_key ON corpus_figures(match_key, last_day);
CREATE INDEX corpus_figures_story ON corpus_figures(story);
CREATE TABLE corpus_figure_values (
	figure      INTEGER NOT NULL,
	doc         TEXT NOT NULL,
	count_index INTEGER NOT NULL,
	outlet      TEXT NOT NULL,
	copy_of     TEXT NOT NULL,
	value       REAL NOT NULL,
	approx      INTEGER NOT NULL,
	qualifier   TEXT NOT NULL,
	day         INTEGER NOT NULL,
	published   TEXT NOT NULL,
	attribution TEXT NOT NULL,
	text        TEXT NOT NULL,
	start_cp    INTEGER NOT NULL,
	end_cp      INTEGER NOT NULL,
	PRIMARY KEY (figure, doc, count_index)
);
CREATE INDEX corpus_figure_values_doc ON corpus_figure_values(doc);
`)
	addMigration(11, migrationCorpusArticles)
}

// migrationCorpusArticles (11) records which text of an article the corpus
// layer's rows come from (corpus_articles: the text's SHA-256), so that a
// revision's update replaces the previous text's mentions, values and
// story membership instead of keeping them (CorpusTx.RemoveArticle).
// Rows of articles added before it have no record; their next update
// records them.
const migrationCorpusArticles = `
CREATE TABLE corpus_articles (
	doc         TEXT PRIMARY KEY,
	text_sha256 TEXT NOT NULL
);
`

// addMigration sets migration v (1-based); versions not set in between
// stay empty and are skipped by migrate until their migration exists.
func addMigration(v int, sqlText string) {
	for len(migrations) < v {
		migrations = append(migrations, "")
	}
	if migrations[v-1] != "" {
		panic(fmt.Sprintf("sqlite: migration %d set twice", v))
	}
	migrations[v-1] = sqlText
	SchemaVersion = len(migrations)
}

var _ store.CorpusStore = (*Store)(nil)

// querier is what both *sql.DB and *sql.Tx offer.
type querier interface {
	ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// corpusTx is store.CorpusTx over one transaction.
type corpusTx struct {
	ctx context.Context
	q   querier
}

// UpdateCorpus runs fn in one write transaction; see store.CorpusStore.
func (s *Store) UpdateCorpus(ctx context.Context, fn func(store.CorpusTx) error) error {
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("sqlite: corpus: %w", err)
	}
	if err := fn(&corpusTx{ctx: ctx, q: tx}); err != nil {
		tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: corpus: %w", err)
	}
	return nil
}

const eventCols = `id, match_key, code, root, source, target, country, place, place_id, first_day, last_day, story, num_mentions, num_sources, num_articles`

func scanEvents(rows *sql.Rows, err error) ([]store.CorpusEvent, error) {
	if err != nil {
		return nil, fmt.Errorf("sqlite: corpus events: %w", err)
	}
	defer rows.Close()
	var out []store.CorpusEvent
	for rows.Next() {
		var e store.CorpusEvent
		if err := rows.Scan(&e.ID, &e.Key, &e.Code, &e.Root, &e.Source, &e.Target, &e.Country, &e.Place, &e.PlaceID,
			&e.FirstDay, &e.LastDay, &e.Story, &e.NumMentions, &e.NumSources, &e.NumArticles); err != nil {
			return nil, fmt.Errorf("sqlite: corpus events: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func (t *corpusTx) FindEvents(key string, from, to int) ([]store.CorpusEvent, error) {
	return scanEvents(t.q.QueryContext(t.ctx, `SELECT `+eventCols+` FROM corpus_events WHERE match_key = ? AND last_day >= ? AND first_day <= ? ORDER BY id`, key, from, to))
}

func (t *corpusTx) SaveEvent(e *store.CorpusEvent) error {
	args := []any{e.Key, e.Code, e.Root, e.Source, e.Target, e.Country, e.Place, e.PlaceID, e.FirstDay, e.LastDay, e.Story, e.NumMentions, e.NumSources, e.NumArticles}
	if e.ID == 0 {
		return insertID(t, &e.ID, `INSERT INTO corpus_events (match_key, code, root, source, target, country, place, place_id, first_day, last_day, story, num_mentions, num_sources, num_articles) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args)
	}
	_, err := t.q.ExecContext(t.ctx, `UPDATE corpus_events SET match_key=?, code=?, root=?, source=?, target=?, country=?, place=?, place_id=?, first_day=?, last_day=?, story=?, num_mentions=?, num_sources=?, num_articles=? WHERE id=?`, append(args, e.ID)...)
	if err != nil {
		return fmt.Errorf("sqlite: save corpus event: %w", err)
	}
	return nil
}

func insertID(t *corpusTx, id *int64, q string, args []any) error {
	res, err := t.q.ExecContext(t.ctx, q, args...)
	if err != nil {
		return fmt.Errorf("sqlite: corpus insert: %w", err)
	}
	*id, err = res.LastInsertId()
	return err
}

func (t *corpusTx) AddEventMention(m store.EventMention) (bool, error) {
	res, err := t.q.ExecContext(t.ctx, `INSERT INTO corpus_event_mentions (event, doc, event_index, outlet, copy_of, sentence, start_cp, end_cp, confidence, day)
		SELECT ?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM corpus_event_mentions WHERE event = ? AND doc = ? AND event_index = ?)`,
		m.Event, m.Doc, m.EventIndex, m.Outlet, m.CopyOf, m.Sentence, m.Start, m.End, m.Confidence, m.Day, m.Event, m.Doc, m.EventIndex)
	if err != nil {
		return false, fmt.Errorf("sqlite: add event mention: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

const mentionCols = `event, doc, event_index, outlet, copy_of, sentence, start_cp, end_cp, confidence, day`

func eventMentions(ctx context.Context, q querier, where string, args ...any) ([]store.EventMention, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+mentionCols+` FROM corpus_event_mentions WHERE `+where+` ORDER BY day, doc, event_index`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: event mentions: %w", err)
	}
	defer rows.Close()
	var out []store.EventMention
	for rows.Next() {
		var m store.EventMention
		if err := rows.Scan(&m.Event, &m.Doc, &m.EventIndex, &m.Outlet, &m.CopyOf, &m.Sentence, &m.Start, &m.End, &m.Confidence, &m.Day); err != nil {
			return nil, fmt.Errorf("sqlite: event mentions: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (t *corpusTx) EventMentions(event int64) ([]store.EventMention, error) {
	return eventMentions(t.ctx, t.q, `event = ?`, event)
}

const figureCols = `id, match_key, category, object, country, place, first_day, last_day, story, num_values, latest, min_value, max_value, agreement, contradiction, reason`

func scanFigures(rows *sql.Rows, err error) ([]store.Figure, error) {
	if err != nil {
		return nil, fmt.Errorf("sqlite: figures: %w", err)
	}
	defer rows.Close()
	var out []store.Figure
	for rows.Next() {
		var f store.Figure
		var contra int
		if err := rows.Scan(&f.ID, &f.Key, &f.Category, &f.Object, &f.Country, &f.Place, &f.FirstDay, &f.LastDay, &f.Story,
			&f.NumValues, &f.Latest, &f.Min, &f.Max, &f.Agreement, &contra, &f.Reason); err != nil {
			return nil, fmt.Errorf("sqlite: figures: %w", err)
		}
		f.Contradiction = contra != 0
		out = append(out, f)
	}
	return out, rows.Err()
}

func (t *corpusTx) FindFigures(key string, from, to int) ([]store.Figure, error) {
	return scanFigures(t.q.QueryContext(t.ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE match_key = ? AND last_day >= ? AND first_day <= ? ORDER BY id`, key, from, to))
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (t *corpusTx) SaveFigure(f *store.Figure) error {
	args := []any{f.Key, f.Category, f.Object, f.Country, f.Place, f.FirstDay, f.LastDay, f.Story, f.NumValues, f.Latest, f.Min, f.Max, f.Agreement, b2i(f.Contradiction), f.Reason}
	if f.ID == 0 {
		return insertID(t, &f.ID, `INSERT INTO corpus_figures (match_key, category, object, country, place, first_day, last_day, story, num_values, latest, min_value, max_value, agreement, contradiction, reason) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, args)
	}
	if _, err := t.q.ExecContext(t.ctx, `UPDATE corpus_figures SET match_key=?, category=?, object=?, country=?, place=?, first_day=?, last_day=?, story=?, num_values=?, latest=?, min_value=?, max_value=?, agreement=?, contradiction=?, reason=? WHERE id=?`, append(args, f.ID)...); err != nil {
		return fmt.Errorf("sqlite: save figure: %w", err)
	}
	return nil
}

func (t *corpusTx) AddFigureValue(v store.FigureValue) (bool, error) {
	res, err := t.q.ExecContext(t.ctx, `INSERT INTO corpus_figure_values (figure, doc, count_index, outlet, copy_of, value, approx, qualifier, day, published, attribution, text, start_cp, end_cp)
		SELECT ?,?,?,?,?,?,?,?,?,?,?,?,?,? WHERE NOT EXISTS (SELECT 1 FROM corpus_figure_values WHERE figure = ? AND doc = ? AND count_index = ?)`,
		v.Figure, v.Doc, v.CountIndex, v.Outlet, v.CopyOf, v.Value, b2i(v.Approx), v.Qualifier, v.Day, v.Published, v.Attribution, v.Text, v.Start, v.End,
		v.Figure, v.Doc, v.CountIndex)
	if err != nil {
		return false, fmt.Errorf("sqlite: add figure value: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func figureValues(ctx context.Context, q querier, figure int64) ([]store.FigureValue, error) {
	rows, err := q.QueryContext(ctx, `SELECT figure, doc, count_index, outlet, copy_of, value, approx, qualifier, day, published, attribution, text, start_cp, end_cp
		FROM corpus_figure_values WHERE figure = ? ORDER BY day, published, doc, count_index`, figure)
	if err != nil {
		return nil, fmt.Errorf("sqlite: figure values: %w", err)
	}
	defer rows.Close()
	var out []store.FigureValue
	for rows.Next() {
		var v store.FigureValue
		var approx int
		if err := rows.Scan(&v.Figure, &v.Doc, &v.CountIndex, &v.Outlet, &v.CopyOf, &v.Value, &approx, &v.Qualifier, &v.Day, &v.Published,
			&v.Attribution, &v.Text, &v.Start, &v.End); err != nil {
			return nil, fmt.Errorf("sqlite: figure values: %w", err)
		}
		v.Approx = approx != 0
		out = append(out, v)
	}
	return out, rows.Err()
}

func (t *corpusTx) FigureValues(figure int64) ([]store.FigureValue, error) {
	return figureValues(t.ctx, t.q, figure)
}

func (t *corpusTx) SaveStory(s *store.CorpusStory) error {
	if s.ID == 0 {
		return insertID(t, &s.ID, `INSERT INTO corpus_stories (title, first_day, last_day, num_articles) VALUES (?,?,?,?)`,
			[]any{s.Title, s.FirstDay, s.LastDay, s.NumArticles})
	}
	if _, err := t.q.ExecContext(t.ctx, `UPDATE corpus_stories SET title=?, first_day=?, last_day=?, num_articles=? WHERE id=?`,
		s.Title, s.FirstDay, s.LastDay, s.NumArticles, s.ID); err != nil {
		return fmt.Errorf("sqlite: save story: %w", err)
	}
	return nil
}

func (t *corpusTx) Story(id int64) (store.CorpusStory, bool, error) {
	var s store.CorpusStory
	err := t.q.QueryRowContext(t.ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories WHERE id = ?`, id).
		Scan(&s.ID, &s.Title, &s.FirstDay, &s.LastDay, &s.NumArticles)
	if err == sql.ErrNoRows {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("sqlite: story: %w", err)
	}
	return s, true, nil
}

func (t *corpusTx) AddStoryArticle(story int64, doc string) (bool, error) {
	res, err := t.q.ExecContext(t.ctx, `INSERT INTO corpus_story_articles (story, doc) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM corpus_story_articles WHERE story = ? AND doc = ?)`,
		story, doc, story, doc)
	if err != nil {
		return false, fmt.Errorf("sqlite: story article: %w", err)
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func storyArticles(ctx context.Context, q querier, story int64) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT doc FROM corpus_story_articles WHERE story = ? ORDER BY doc`, story)
	if err != nil {
		return nil, fmt.Errorf("sqlite: story articles: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

func (t *corpusTx) StoryArticles(story int64) ([]string, error) {
	return storyArticles(t.ctx, t.q, story)
}

func (t *corpusTx) MergeStory(from, into int64) error {
	for _, q := range []string{
		`UPDATE corpus_story_keys SET story = ? WHERE story = ?`,
		`UPDATE corpus_events SET story = ? WHERE story = ?`,
		`UPDATE corpus_figures SET story = ? WHERE story = ?`,
		`INSERT INTO corpus_story_articles (story, doc) SELECT ?, doc FROM corpus_story_articles a WHERE a.story = ? AND NOT EXISTS (SELECT 1 FROM corpus_story_articles b WHERE b.story = ? AND b.doc = a.doc)`,
	} {
		args := []any{into, from}
		if strings.Contains(q, "NOT EXISTS") {
			args = append(args, into)
		}
		if _, err := t.q.ExecContext(t.ctx, q, args...); err != nil {
			return fmt.Errorf("sqlite: merge story: %w", err)
		}
	}
	for _, q := range []string{`DELETE FROM corpus_story_articles WHERE story = ?`, `DELETE FROM corpus_stories WHERE id = ?`} {
		if _, err := t.q.ExecContext(t.ctx, q, from); err != nil {
			return fmt.Errorf("sqlite: merge story: %w", err)
		}
	}
	return nil
}

func (t *corpusTx) FindStories(key string, from, to int) ([]int64, error) {
	rows, err := t.q.QueryContext(t.ctx, `SELECT DISTINCT story FROM corpus_story_keys WHERE match_key = ? AND day >= ? AND day <= ? ORDER BY story`, key, from, to)
	if err != nil {
		return nil, fmt.Errorf("sqlite: find stories: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (t *corpusTx) AddStoryKey(story int64, key string, day int) error {
	if _, err := t.q.ExecContext(t.ctx, `INSERT INTO corpus_story_keys (match_key, day, story) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM corpus_story_keys WHERE match_key = ? AND day = ? AND story = ?)`,
		key, day, story, key, day, story); err != nil {
		return fmt.Errorf("sqlite: story key: %w", err)
	}
	return nil
}

func limits(q store.CorpusQuery) (int, int) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	return q.Limit, max(0, q.Offset)
}

// CorpusEvents lists corpus events; see store.CorpusStore.
func (s *Store) CorpusEvents(ctx context.Context, q store.CorpusQuery) ([]store.CorpusEvent, error) {
	where, args := "1=1", []any{}
	if q.Story != 0 {
		where, args = where+" AND story = ?", append(args, q.Story)
	}
	if q.Doc != "" {
		where, args = where+" AND id IN (SELECT event FROM corpus_event_mentions WHERE doc = ?)", append(args, q.Doc)
	}
	l, o := limits(q)
	return scanEvents(s.db.QueryContext(ctx, `SELECT `+eventCols+` FROM corpus_events WHERE `+where+` ORDER BY num_mentions DESC, id LIMIT ? OFFSET ?`, append(args, l, o)...))
}

// CorpusEventMentions returns a corpus event's mentions.
func (s *Store) CorpusEventMentions(ctx context.Context, event int64) ([]store.EventMention, error) {
	return eventMentions(ctx, s.db, `event = ?`, event)
}

// DocEventCounts returns each article's event index → its corpus event.
func (s *Store) DocEventCounts(ctx context.Context, docs []string) (map[string]map[int]store.CorpusEvent, error) {
	out := map[string]map[int]store.CorpusEvent{}
	for start := 0; start < len(docs); start += 200 {
		part := docs[start:min(start+200, len(docs))]
		args := make([]any, len(part))
		for i, d := range part {
			args[i] = d
		}
		rows, err := s.db.QueryContext(ctx, `SELECT m.doc, m.event_index, e.id, e.num_mentions, e.num_sources, e.num_articles, e.story
			FROM corpus_event_mentions m JOIN corpus_events e ON e.id = m.event WHERE m.doc IN (?`+strings.Repeat(",?", len(part)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("sqlite: doc event counts: %w", err)
		}
		for rows.Next() {
			var doc string
			var idx int
			var e store.CorpusEvent
			if err := rows.Scan(&doc, &idx, &e.ID, &e.NumMentions, &e.NumSources, &e.NumArticles, &e.Story); err != nil {
				rows.Close()
				return nil, fmt.Errorf("sqlite: doc event counts: %w", err)
			}
			if out[doc] == nil {
				out[doc] = map[int]store.CorpusEvent{}
			}
			out[doc][idx] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Figures lists tracked figures; see store.CorpusStore.
func (s *Store) Figures(ctx context.Context, q store.CorpusQuery) ([]store.Figure, error) {
	where, args := "1=1", []any{}
	if q.Story != 0 {
		where, args = where+" AND story = ?", append(args, q.Story)
	}
	if q.Category != "" {
		where, args = where+" AND category = ?", append(args, strings.ToUpper(q.Category))
	}
	if q.Doc != "" {
		where, args = where+" AND id IN (SELECT figure FROM corpus_figure_values WHERE doc = ?)", append(args, q.Doc)
	}
	l, o := limits(q)
	return scanFigures(s.db.QueryContext(ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE `+where+` ORDER BY num_values DESC, id LIMIT ? OFFSET ?`, append(args, l, o)...))
}

// FigureValues returns a figure's values in report order.
func (s *Store) FigureValues(ctx context.Context, figure int64) ([]store.FigureValue, error) {
	return figureValues(ctx, s.db, figure)
}

// Stories lists corpus stories; see store.CorpusStore.
func (s *Store) Stories(ctx context.Context, q store.CorpusQuery) ([]store.CorpusStory, error) {
	where, args := "1=1", []any{}
	if q.Doc != "" {
		where, args = where+" AND id IN (SELECT story FROM corpus_story_articles WHERE doc = ?)", append(args, q.Doc)
	}
	l, o := limits(q)
	rows, err := s.db.QueryContext(ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories WHERE `+where+` ORDER BY num_articles DESC, id LIMIT ? OFFSET ?`, append(args, l, o)...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: stories: %w", err)
	}
	defer rows.Close()
	var out []store.CorpusStory
	for rows.Next() {
		var st store.CorpusStory
		if err := rows.Scan(&st.ID, &st.Title, &st.FirstDay, &st.LastDay, &st.NumArticles); err != nil {
			return nil, fmt.Errorf("sqlite: stories: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// StoryArticles returns a story's article ids.
func (s *Store) StoryArticles(ctx context.Context, story int64) ([]string, error) {
	return storyArticles(ctx, s.db, story)
}

func (t *corpusTx) Article(doc string) (store.CorpusArticle, bool, error) {
	var a store.CorpusArticle
	err := t.q.QueryRowContext(t.ctx, `SELECT COALESCE(o.id, ''), d.text_sha256,
		COALESCE((SELECT c.outlet FROM carriers c WHERE c.story = COALESCE(d.duplicate_of, d.rowid) ORDER BY c.kind <> 'original', c.seen, c.outlet, c.url LIMIT 1), d.outlet),
		COALESCE((SELECT a.text_sha256 FROM corpus_articles a WHERE a.doc = d.id), '')
		FROM documents d LEFT JOIN documents o ON o.rowid = d.duplicate_of WHERE d.id = ?`, doc).Scan(&a.CopyOf, &a.TextSum, &a.Outlet, &a.LayerSum)
	if err == sql.ErrNoRows {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("sqlite: corpus article: %w", err)
	}
	return a, true, nil
}

func (t *corpusTx) SetArticle(doc, sum string) error {
	if _, err := t.q.ExecContext(t.ctx, `INSERT INTO corpus_articles (doc, text_sha256) VALUES (?, ?) ON CONFLICT (doc) DO UPDATE SET text_sha256 = excluded.text_sha256`, doc, sum); err != nil {
		return fmt.Errorf("sqlite: corpus article: %w", err)
	}
	return nil
}

// RemoveArticle deletes doc's rows of the layer; see store.CorpusTx. Each
// step is a keyed lookup (doc, event, figure or story id).
func (t *corpusTx) RemoveArticle(doc string) (evs []store.CorpusEvent, figs []store.Figure, sts []store.CorpusStory, err error) {
	ids := func(q string) ([]int64, error) {
		rows, err := t.q.QueryContext(t.ctx, q, doc)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			out = append(out, id)
		}
		return out, rows.Err()
	}
	// left runs count for id: 0 rows left deletes the row with del, else
	// keep reads it.
	left := func(id int64, count string, del []string, keep func() error) error {
		var n int
		if err := t.q.QueryRowContext(t.ctx, count, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return keep()
		}
		for _, q := range del {
			if _, err := t.q.ExecContext(t.ctx, q, id); err != nil {
				return err
			}
		}
		return nil
	}
	fail := func(err error) ([]store.CorpusEvent, []store.Figure, []store.CorpusStory, error) {
		return nil, nil, nil, fmt.Errorf("sqlite: remove corpus article: %w", err)
	}
	evIDs, err := ids(`SELECT DISTINCT event FROM corpus_event_mentions WHERE doc = ? ORDER BY event`)
	if err != nil {
		return fail(err)
	}
	figIDs, err := ids(`SELECT DISTINCT figure FROM corpus_figure_values WHERE doc = ? ORDER BY figure`)
	if err != nil {
		return fail(err)
	}
	stIDs, err := ids(`SELECT story FROM corpus_story_articles WHERE doc = ? ORDER BY story`)
	if err != nil {
		return fail(err)
	}
	for _, q := range []string{`DELETE FROM corpus_event_mentions WHERE doc = ?`, `DELETE FROM corpus_figure_values WHERE doc = ?`,
		`DELETE FROM corpus_story_articles WHERE doc = ?`, `DELETE FROM corpus_articles WHERE doc = ?`} {
		if _, err := t.q.ExecContext(t.ctx, q, doc); err != nil {
			return fail(err)
		}
	}
	for _, id := range evIDs {
		if err := left(id, `SELECT COUNT(*) FROM corpus_event_mentions WHERE event = ?`, []string{`DELETE FROM corpus_events WHERE id = ?`}, func() error {
			e, err := scanEvents(t.q.QueryContext(t.ctx, `SELECT `+eventCols+` FROM corpus_events WHERE id = ?`, id))
			evs = append(evs, e...)
			return err
		}); err != nil {
			return fail(err)
		}
	}
	for _, id := range figIDs {
		if err := left(id, `SELECT COUNT(*) FROM corpus_figure_values WHERE figure = ?`, []string{`DELETE FROM corpus_figures WHERE id = ?`}, func() error {
			f, err := scanFigures(t.q.QueryContext(t.ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE id = ?`, id))
			figs = append(figs, f...)
			return err
		}); err != nil {
			return fail(err)
		}
	}
	for _, id := range stIDs {
		if err := left(id, `SELECT COUNT(*) FROM corpus_story_articles WHERE story = ?`,
			[]string{`DELETE FROM corpus_story_keys WHERE story = ?`, `DELETE FROM corpus_stories WHERE id = ?`}, func() error {
				s, ok, err := t.Story(id)
				if ok {
					sts = append(sts, s)
				}
				return err
			}); err != nil {
			return fail(err)
		}
	}
	return evs, figs, sts, nil
}
