package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/jackc/pgx/v5"

	"github.com/newsgraph/newsgraph/store"
)

// An update of the corpus layer holds lockCorpus for its whole
// transaction, so nothing else writes the corpus tables meanwhile and what
// it has read stays true until it commits. corpusTx therefore reads each
// row at most once and keeps it (with the changes the update makes), and
// writes nothing until the end: flush writes every row inserted or changed
// with one statement per table, all sent in one round trip. Package corpus
// calls the store once or more per event, count and article (a lookup, an
// insert, a re-read of the mentions, an update); statement by statement
// they cost more of the server's CPU than the batch's documents did
// (docs/scaling.md).
//
// New rows get the next ids after the table's largest (as SQLite's INTEGER
// PRIMARY KEY does), read once per transaction; the tables' identity
// sequences are moved past them at the flush.

// corpusTx is store.CorpusTx over one transaction holding lockCorpus.
type corpusTx struct {
	ctx context.Context
	q   pgx.Tx

	events  rowCache[store.CorpusEvent]
	figures rowCache[store.Figure]
	stories rowCache[store.CorpusStory]

	mentions    map[int64][]store.EventMention // event → its mentions, in store order
	newMentions []store.EventMention
	values      map[int64][]store.FigureValue // figure → its values, in store order
	newValues   []store.FigureValue
	articles    map[storyDoc]bool // known pairs: whether the article is in the story
	newArticles []storyDoc
	newKeys     []storyKey
	layerSums   map[string]string      // article → its layer text, set since the last flush (SetArticle)
	setOrder    []string               // the articles of layerSums, in order set
	known       map[string]articleRead // what Article and ReadArticles read (corpus_revise.go)
	idsRead     bool
}

type storyDoc struct {
	story int64
	doc   string
}

type storyKey struct {
	key   string
	day   int
	story int64
}

// rowCache holds the rows of one table with an id that the transaction has
// read or written: rows are the current values, fresh the ids inserted
// since the last flush, dirty those to write.
type rowCache[T any] struct {
	rows  map[int64]*T
	byKey map[string][]int64 // match key → ids (events and figures)
	fresh map[int64]bool
	dirty map[int64]bool
	next  int64 // the next new id
}

func newRowCache[T any]() rowCache[T] {
	return rowCache[T]{rows: map[int64]*T{}, byKey: map[string][]int64{}, fresh: map[int64]bool{}, dirty: map[int64]bool{}}
}

// keep records a row read from the table unless the cache has it (its
// values may have changed since), and returns the cached row.
func (c *rowCache[T]) keep(id int64, key string, r T) *T {
	if p, ok := c.rows[id]; ok {
		return p
	}
	p := &r
	c.rows[id] = p
	if key != "" {
		c.byKey[key] = append(c.byKey[key], id)
	}
	return p
}

// save stores r's values under id (new: allocated by the caller), moving
// it to key's list when its key changed.
func (c *rowCache[T]) save(id int64, oldKey, key string, r T, fresh bool) {
	if p, ok := c.rows[id]; ok {
		*p = r
	} else {
		c.rows[id] = &r
		oldKey = ""
		if key != "" {
			c.byKey[key] = append(c.byKey[key], id)
		}
	}
	if oldKey != key && oldKey != "" {
		c.byKey[oldKey] = slices.DeleteFunc(c.byKey[oldKey], func(x int64) bool { return x == id })
		c.byKey[key] = append(c.byKey[key], id)
	}
	c.dirty[id] = true
	if fresh {
		c.fresh[id] = true
	}
}

// pending returns the rows to write, by id, and forgets that they are.
func (c *rowCache[T]) pending() []*T {
	ids := make([]int64, 0, len(c.dirty))
	for id := range c.dirty {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]*T, len(ids))
	for i, id := range ids {
		out[i] = c.rows[id]
	}
	clear(c.dirty)
	clear(c.fresh)
	return out
}

// forget drops what the transaction has read (after a flush, nothing of
// it is left to write), so the next reads see the tables as they are.
// The ids to give out next are kept.
func (t *corpusTx) forget() {
	t.events.forget()
	t.figures.forget()
	t.stories.forget()
	clear(t.mentions)
	clear(t.values)
	clear(t.articles)
}

func (c *rowCache[T]) forget() {
	clear(c.rows)
	clear(c.byKey)
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
	t := &corpusTx{ctx: ctx, q: tx, events: newRowCache[store.CorpusEvent](), figures: newRowCache[store.Figure](),
		stories: newRowCache[store.CorpusStory](), mentions: map[int64][]store.EventMention{}, values: map[int64][]store.FigureValue{},
		articles: map[storyDoc]bool{}, layerSums: map[string]string{}, known: map[string]articleRead{}}
	if err := fn(t); err != nil {
		return err
	}
	if err := t.flush(); err != nil {
		return err
	}
	if err := tx.Commit(ctx); err != nil {
		return fmt.Errorf("postgres: corpus: %w", err)
	}
	return nil
}

// newID returns the next id of c, reading the tables' largest ids first.
func (t *corpusTx) newID(next *int64) (int64, error) {
	if !t.idsRead {
		err := t.q.QueryRow(t.ctx, `SELECT (SELECT COALESCE(MAX(id), 0) FROM corpus_events), (SELECT COALESCE(MAX(id), 0) FROM corpus_figures),
			(SELECT COALESCE(MAX(id), 0) FROM corpus_stories)`).Scan(&t.events.next, &t.figures.next, &t.stories.next)
		if err != nil {
			return 0, fmt.Errorf("postgres: corpus ids: %w", err)
		}
		t.events.next++
		t.figures.next++
		t.stories.next++
		t.idsRead = true
	}
	id := *next
	*next++
	return id, nil
}

func (t *corpusTx) FindEvents(key string, from, to int) ([]store.CorpusEvent, error) {
	read, err := scanEvents(t.q.Query(t.ctx, `SELECT `+eventCols+` FROM corpus_events WHERE match_key = $1 AND last_day >= $2 AND first_day <= $3`, key, from, to))
	if err != nil {
		return nil, err
	}
	for _, e := range read {
		t.events.keep(e.ID, e.Key, e)
	}
	// the cached rows of key, with their current days (the table may hold
	// older ones)
	var out []store.CorpusEvent
	for _, id := range t.events.byKey[key] {
		if e := t.events.rows[id]; e.Key == key && e.LastDay >= from && e.FirstDay <= to {
			out = append(out, *e)
		}
	}
	slices.SortFunc(out, func(a, b store.CorpusEvent) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (t *corpusTx) SaveEvent(e *store.CorpusEvent) error {
	fresh, oldKey := false, ""
	if e.ID == 0 {
		id, err := t.newID(&t.events.next)
		if err != nil {
			return err
		}
		e.ID, fresh = id, true
		t.mentions[id] = nil
	} else if p := t.events.rows[e.ID]; p != nil {
		oldKey = p.Key
	}
	t.events.save(e.ID, oldKey, e.Key, *e, fresh)
	return nil
}

// eventMentions returns event's mentions, read once.
func (t *corpusTx) eventMentions(event int64) ([]store.EventMention, error) {
	if ms, ok := t.mentions[event]; ok {
		return ms, nil
	}
	ms, err := eventMentions(t.ctx, t.q, event)
	if err != nil {
		return nil, err
	}
	t.mentions[event] = ms
	return ms, nil
}

func (t *corpusTx) AddEventMention(m store.EventMention) (bool, error) {
	ms, err := t.eventMentions(m.Event)
	if err != nil {
		return false, err
	}
	if slices.ContainsFunc(ms, func(x store.EventMention) bool { return x.Doc == m.Doc && x.EventIndex == m.EventIndex }) {
		return false, nil
	}
	m.Date = ""
	ms = append(ms, m)
	slices.SortStableFunc(ms, func(a, b store.EventMention) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.EventIndex, b.EventIndex))
	})
	t.mentions[m.Event] = ms
	t.newMentions = append(t.newMentions, m)
	return true, nil
}

func (t *corpusTx) EventMentions(event int64) ([]store.EventMention, error) {
	ms, err := t.eventMentions(event)
	return slices.Clone(ms), err
}

func (t *corpusTx) FindFigures(key string, from, to int) ([]store.Figure, error) {
	read, err := scanFigures(t.q.Query(t.ctx, `SELECT `+figureCols+` FROM corpus_figures WHERE match_key = $1 AND last_day >= $2 AND first_day <= $3`, key, from, to))
	if err != nil {
		return nil, err
	}
	for _, f := range read {
		t.figures.keep(f.ID, f.Key, f)
	}
	var out []store.Figure
	for _, id := range t.figures.byKey[key] {
		if f := t.figures.rows[id]; f.Key == key && f.LastDay >= from && f.FirstDay <= to {
			out = append(out, *f)
		}
	}
	slices.SortFunc(out, func(a, b store.Figure) int { return cmp.Compare(a.ID, b.ID) })
	return out, nil
}

func (t *corpusTx) SaveFigure(f *store.Figure) error {
	fresh, oldKey := false, ""
	if f.ID == 0 {
		id, err := t.newID(&t.figures.next)
		if err != nil {
			return err
		}
		f.ID, fresh = id, true
		t.values[id] = nil
	} else if p := t.figures.rows[f.ID]; p != nil {
		oldKey = p.Key
	}
	t.figures.save(f.ID, oldKey, f.Key, *f, fresh)
	return nil
}

// figureValues returns figure's values, read once.
func (t *corpusTx) figureValues(figure int64) ([]store.FigureValue, error) {
	if vs, ok := t.values[figure]; ok {
		return vs, nil
	}
	vs, err := figureValues(t.ctx, t.q, figure)
	if err != nil {
		return nil, err
	}
	t.values[figure] = vs
	return vs, nil
}

func (t *corpusTx) AddFigureValue(v store.FigureValue) (bool, error) {
	vs, err := t.figureValues(v.Figure)
	if err != nil {
		return false, err
	}
	if slices.ContainsFunc(vs, func(x store.FigureValue) bool { return x.Doc == v.Doc && x.CountIndex == v.CountIndex }) {
		return false, nil
	}
	v.Date = ""
	vs = append(vs, v)
	slices.SortStableFunc(vs, func(a, b store.FigureValue) int {
		return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Published, b.Published), cmp.Compare(a.Doc, b.Doc), cmp.Compare(a.CountIndex, b.CountIndex))
	})
	t.values[v.Figure] = vs
	t.newValues = append(t.newValues, v)
	return true, nil
}

func (t *corpusTx) FigureValues(figure int64) ([]store.FigureValue, error) {
	vs, err := t.figureValues(figure)
	return slices.Clone(vs), err
}

func (t *corpusTx) SaveStory(s *store.CorpusStory) error {
	fresh := false
	if s.ID == 0 {
		id, err := t.newID(&t.stories.next)
		if err != nil {
			return err
		}
		s.ID, fresh = id, true
	}
	t.stories.save(s.ID, "", "", *s, fresh)
	return nil
}

func (t *corpusTx) Story(id int64) (store.CorpusStory, bool, error) {
	if p := t.stories.rows[id]; p != nil {
		return *p, true, nil
	}
	var s store.CorpusStory
	err := t.q.QueryRow(t.ctx, `SELECT id, title, first_day, last_day, num_articles FROM corpus_stories WHERE id = $1`, id).
		Scan(&s.ID, &s.Title, &s.FirstDay, &s.LastDay, &s.NumArticles)
	if errors.Is(err, pgx.ErrNoRows) {
		return s, false, nil
	}
	if err != nil {
		return s, false, fmt.Errorf("postgres: story: %w", err)
	}
	return *t.stories.keep(id, "", s), true, nil
}

func (t *corpusTx) AddStoryArticle(story int64, doc string) (bool, error) {
	k := storyDoc{story, doc}
	in, known := t.articles[k]
	if !known && !t.stories.fresh[story] {
		err := t.q.QueryRow(t.ctx, `SELECT EXISTS (SELECT 1 FROM corpus_story_articles WHERE story = $1 AND doc = $2)`, story, doc).Scan(&in)
		if err != nil {
			return false, fmt.Errorf("postgres: story article: %w", err)
		}
	}
	if in {
		t.articles[k] = true
		return false, nil
	}
	t.articles[k] = true
	t.newArticles = append(t.newArticles, k)
	return true, nil
}

func (t *corpusTx) StoryArticles(story int64) ([]string, error) {
	if err := t.flush(); err != nil {
		return nil, err
	}
	return storyArticles(t.ctx, t.q, story)
}

func (t *corpusTx) MergeStory(from, into int64) error {
	if err := t.flush(); err != nil {
		return err
	}
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
	// the cache follows the tables (everything it holds is written)
	for _, e := range t.events.rows {
		if e.Story == from {
			e.Story = into
		}
	}
	for _, f := range t.figures.rows {
		if f.Story == from {
			f.Story = into
		}
	}
	delete(t.stories.rows, from)
	for k, in := range t.articles {
		if k.story == from {
			delete(t.articles, k)
			if in {
				t.articles[storyDoc{into, k.doc}] = true
			}
		}
	}
	return nil
}

func (t *corpusTx) FindStories(key string, from, to int) ([]int64, error) {
	rows, err := t.q.Query(t.ctx, `SELECT DISTINCT story FROM corpus_story_keys WHERE match_key = $1 AND day >= $2 AND day <= $3`, key, from, to)
	if err != nil {
		return nil, fmt.Errorf("postgres: find stories: %w", err)
	}
	out, err := pgx.CollectRows(rows, pgx.RowTo[int64])
	if err != nil {
		return nil, fmt.Errorf("postgres: find stories: %w", err)
	}
	for _, k := range t.newKeys {
		if k.key == key && k.day >= from && k.day <= to && !slices.Contains(out, k.story) {
			out = append(out, k.story)
		}
	}
	slices.Sort(out)
	return out, nil
}

func (t *corpusTx) AddStoryKey(story int64, key string, day int) error {
	t.newKeys = append(t.newKeys, storyKey{key, day, story})
	return nil
}

// flush writes what the transaction inserted or changed since the last
// flush, in one round trip.
func (t *corpusTx) flush() error {
	b := &pgx.Batch{}
	if es := t.events.pending(); len(es) > 0 {
		var c struct {
			id, placeID, first, last, story, nm, ns, na []int64
			key, code, root, src, tgt, country, place   []string
		}
		for _, e := range es {
			c.id, c.key, c.code, c.root, c.src, c.tgt = append(c.id, e.ID), append(c.key, e.Key), append(c.code, e.Code), append(c.root, e.Root),
				append(c.src, e.Source), append(c.tgt, e.Target)
			c.country, c.place, c.placeID = append(c.country, e.Country), append(c.place, e.Place), append(c.placeID, int64(e.PlaceID))
			c.first, c.last, c.story = append(c.first, int64(e.FirstDay)), append(c.last, int64(e.LastDay)), append(c.story, e.Story)
			c.nm, c.ns, c.na = append(c.nm, int64(e.NumMentions)), append(c.ns, int64(e.NumSources)), append(c.na, int64(e.NumArticles))
		}
		b.Queue(`INSERT INTO corpus_events (`+eventCols+`)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[],
				$10::bigint[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::bigint[])
			ON CONFLICT (id) DO UPDATE SET match_key = EXCLUDED.match_key, code = EXCLUDED.code, root = EXCLUDED.root, source = EXCLUDED.source,
				target = EXCLUDED.target, country = EXCLUDED.country, place = EXCLUDED.place, place_id = EXCLUDED.place_id,
				first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day, story = EXCLUDED.story, num_mentions = EXCLUDED.num_mentions,
				num_sources = EXCLUDED.num_sources, num_articles = EXCLUDED.num_articles`,
			c.id, c.key, c.code, c.root, c.src, c.tgt, c.country, c.place, c.placeID, c.first, c.last, c.story, c.nm, c.ns, c.na)
	}
	if len(t.newMentions) > 0 {
		var c struct {
			event, idx, sentence, start, end, conf, day []int64
			doc, outlet, copyOf                         []string
		}
		for _, m := range t.newMentions {
			c.event, c.doc, c.idx, c.outlet, c.copyOf = append(c.event, m.Event), append(c.doc, m.Doc), append(c.idx, int64(m.EventIndex)),
				append(c.outlet, m.Outlet), append(c.copyOf, m.CopyOf)
			c.sentence, c.start, c.end = append(c.sentence, int64(m.Sentence)), append(c.start, int64(m.Start)), append(c.end, int64(m.End))
			c.conf, c.day = append(c.conf, int64(m.Confidence)), append(c.day, int64(m.Day))
		}
		b.Queue(`INSERT INTO corpus_event_mentions (event, doc, event_index, outlet, copy_of, sentence, start_cp, end_cp, confidence, day)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[], $10::bigint[])
			ON CONFLICT DO NOTHING`, c.event, c.doc, c.idx, c.outlet, c.copyOf, c.sentence, c.start, c.end, c.conf, c.day)
		t.newMentions = nil
	}
	if fs := t.figures.pending(); len(fs) > 0 {
		var c struct {
			id, first, last, story, n                     []int64
			key, category, object, country, place, reason []string
			latest, lo, hi, agreement                     []float64
			contradiction                                 []bool
		}
		for _, f := range fs {
			c.id, c.key, c.category, c.object, c.country, c.place = append(c.id, f.ID), append(c.key, f.Key), append(c.category, f.Category),
				append(c.object, f.Object), append(c.country, f.Country), append(c.place, f.Place)
			c.first, c.last, c.story, c.n = append(c.first, int64(f.FirstDay)), append(c.last, int64(f.LastDay)), append(c.story, f.Story), append(c.n, int64(f.NumValues))
			c.latest, c.lo, c.hi, c.agreement = append(c.latest, f.Latest), append(c.lo, f.Min), append(c.hi, f.Max), append(c.agreement, f.Agreement)
			c.contradiction, c.reason = append(c.contradiction, f.Contradiction), append(c.reason, f.Reason)
		}
		b.Queue(`INSERT INTO corpus_figures (`+figureCols+`)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[],
				$10::bigint[], $11::float8[], $12::float8[], $13::float8[], $14::float8[], $15::bool[], $16::text[])
			ON CONFLICT (id) DO UPDATE SET match_key = EXCLUDED.match_key, category = EXCLUDED.category, object = EXCLUDED.object,
				country = EXCLUDED.country, place = EXCLUDED.place, first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day,
				story = EXCLUDED.story, num_values = EXCLUDED.num_values, latest = EXCLUDED.latest, min_value = EXCLUDED.min_value,
				max_value = EXCLUDED.max_value, agreement = EXCLUDED.agreement, contradiction = EXCLUDED.contradiction, reason = EXCLUDED.reason`,
			c.id, c.key, c.category, c.object, c.country, c.place, c.first, c.last, c.story, c.n, c.latest, c.lo, c.hi, c.agreement, c.contradiction, c.reason)
	}
	if len(t.newValues) > 0 {
		var c struct {
			figure, idx, day, start, end                                 []int64
			doc, outlet, copyOf, qualifier, published, attribution, text []string
			value                                                        []float64
			approx                                                       []bool
		}
		for _, v := range t.newValues {
			c.figure, c.doc, c.idx, c.outlet, c.copyOf = append(c.figure, v.Figure), append(c.doc, v.Doc), append(c.idx, int64(v.CountIndex)),
				append(c.outlet, v.Outlet), append(c.copyOf, v.CopyOf)
			c.value, c.approx, c.qualifier, c.day = append(c.value, v.Value), append(c.approx, v.Approx), append(c.qualifier, v.Qualifier), append(c.day, int64(v.Day))
			c.published, c.attribution, c.text = append(c.published, v.Published), append(c.attribution, v.Attribution), append(c.text, v.Text)
			c.start, c.end = append(c.start, int64(v.Start)), append(c.end, int64(v.End))
		}
		b.Queue(`INSERT INTO corpus_figure_values (figure, doc, count_index, outlet, copy_of, value, approx, qualifier, day, published, attribution, text, start_cp, end_cp)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::float8[], $7::bool[], $8::text[], $9::bigint[],
				$10::text[], $11::text[], $12::text[], $13::bigint[], $14::bigint[])
			ON CONFLICT DO NOTHING`,
			c.figure, c.doc, c.idx, c.outlet, c.copyOf, c.value, c.approx, c.qualifier, c.day, c.published, c.attribution, c.text, c.start, c.end)
		t.newValues = nil
	}
	if ss := t.stories.pending(); len(ss) > 0 {
		var c struct {
			id, first, last, n []int64
			title              []string
		}
		for _, s := range ss {
			c.id, c.title, c.first, c.last, c.n = append(c.id, s.ID), append(c.title, s.Title), append(c.first, int64(s.FirstDay)),
				append(c.last, int64(s.LastDay)), append(c.n, int64(s.NumArticles))
		}
		b.Queue(`INSERT INTO corpus_stories (id, title, first_day, last_day, num_articles)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::bigint[], $5::bigint[])
			ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, first_day = EXCLUDED.first_day, last_day = EXCLUDED.last_day,
				num_articles = EXCLUDED.num_articles`, c.id, c.title, c.first, c.last, c.n)
	}
	if len(t.newArticles) > 0 {
		var story []int64
		var doc []string
		for _, a := range t.newArticles {
			story, doc = append(story, a.story), append(doc, a.doc)
		}
		b.Queue(`INSERT INTO corpus_story_articles (story, doc) SELECT * FROM unnest($1::bigint[], $2::text[]) ON CONFLICT DO NOTHING`, story, doc)
		t.newArticles = nil
	}
	if len(t.newKeys) > 0 {
		var key []string
		var day, story []int64
		for _, k := range t.newKeys {
			key, day, story = append(key, k.key), append(day, int64(k.day)), append(story, k.story)
		}
		b.Queue(`INSERT INTO corpus_story_keys (match_key, day, story) SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[]) ON CONFLICT DO NOTHING`,
			key, day, story)
		t.newKeys = nil
	}
	if len(t.setOrder) > 0 {
		sums := make([]string, len(t.setOrder))
		for i, d := range t.setOrder {
			sums[i] = t.layerSums[d]
		}
		b.Queue(`INSERT INTO corpus_articles (doc, text_sha256) SELECT * FROM unnest($1::text[], $2::text[])
			ON CONFLICT (doc) DO UPDATE SET text_sha256 = excluded.text_sha256`, t.setOrder, sums)
		t.setOrder = nil
		clear(t.layerSums)
	}
	if b.Len() == 0 {
		return nil
	}
	if t.idsRead {
		// the identity sequences follow the ids given out
		b.Queue(`SELECT setval(pg_get_serial_sequence('corpus_events', 'id'), GREATEST($1, 1), $1 > 0),
			setval(pg_get_serial_sequence('corpus_figures', 'id'), GREATEST($2, 1), $2 > 0),
			setval(pg_get_serial_sequence('corpus_stories', 'id'), GREATEST($3, 1), $3 > 0)`, t.events.next-1, t.figures.next-1, t.stories.next-1)
	}
	if err := t.q.SendBatch(t.ctx, b).Close(); err != nil {
		return fmt.Errorf("postgres: corpus write: %w", err)
	}
	return nil
}
