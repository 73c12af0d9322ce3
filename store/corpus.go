package store

import "context"

// The corpus layer (package corpus): what many articles say together.
// Events of different articles that match (same code or root, source,
// target, place, dates a day apart) are one CorpusEvent with a mention per
// article; the same figure (category, object, place, period) reported by
// several articles is one Figure with a value per article; articles that
// share corpus events or figures form a CorpusStory. Days are days since
// 1970-01-01 (UTC); Undated marks an article with neither a date in the
// text nor a publication time.

// Undated is the day of an undated event or figure value.
const Undated = -1 << 31

// CorpusEvent is one happening reported by one or more articles.
type CorpusEvent struct {
	ID       int64  `json:"id"`
	Key      string `json:"key"` // the match key: root (or code), source and target actor codes
	Code     string `json:"code"`
	Root     string `json:"root"`
	Source   string `json:"source"` // actor codes, "" when none
	Target   string `json:"target"`
	Country  string `json:"country"` // ISO alpha-2 of the action place, "" when none
	Place    string `json:"place"`   // the most specific action place's name, "" when none
	PlaceID  int    `json:"place_id"`
	FirstDay int    `json:"first_day"`
	LastDay  int    `json:"last_day"`
	Story    int64  `json:"story"`
	// NumMentions counts every mention (copies included), NumArticles the
	// distinct articles (copies included), NumSources the distinct outlets
	// (a copy counts as its original's outlet: the text has one source).
	NumMentions int `json:"num_mentions"`
	NumSources  int `json:"num_sources"`
	NumArticles int `json:"num_articles"`
}

// EventMention is one article's report of a corpus event.
type EventMention struct {
	Event      int64  `json:"event"`
	Doc        string `json:"doc_id"`
	EventIndex int    `json:"event_index"` // index into the article's events
	Outlet     string `json:"outlet"`      // the source outlet: a copy's original's
	CopyOf     string `json:"copy_of"`     // the original's id for a copy, else ""
	Sentence   int    `json:"sentence"`
	Start      int    `json:"start"` // code points of the trigger
	End        int    `json:"end"`
	Confidence int    `json:"confidence"` // percent
	Day        int    `json:"day"`
	Date       string `json:"date,omitempty"` // Day as YYYY-MM-DD, filled by readers
}

// Figure is one figure tracked across articles.
type Figure struct {
	ID       int64  `json:"id"`
	Key      string `json:"key"` // category, object class and country
	Category string `json:"category"`
	Object   string `json:"object"`
	Country  string `json:"country"`
	Place    string `json:"place"`
	FirstDay int    `json:"first_day"`
	LastDay  int    `json:"last_day"`
	Story    int64  `json:"story"`
	// NumValues counts the values (copies left out: a copy repeats its
	// original's figure), Latest is the value of the latest report,
	// Min/Max the range, Agreement the share of values within rounding of
	// Latest, Contradiction is set when two values differ beyond rounding
	// on one day or a cumulative toll is lower in a later report.
	NumValues     int     `json:"num_values"`
	Latest        float64 `json:"latest"`
	Min           float64 `json:"min"`
	Max           float64 `json:"max"`
	Agreement     float64 `json:"agreement"`
	Contradiction bool    `json:"contradiction"`
	Reason        string  `json:"reason,omitempty"` // why contradiction is set
}

// FigureValue is one article's value of a figure.
type FigureValue struct {
	Figure      int64   `json:"figure"`
	Doc         string  `json:"doc_id"`
	CountIndex  int     `json:"count_index"` // index into the article's counts
	Outlet      string  `json:"outlet"`
	CopyOf      string  `json:"copy_of"`
	Value       float64 `json:"value"`
	Approx      bool    `json:"approx"`
	Qualifier   string  `json:"qualifier"`
	Day         int     `json:"day"`
	Date        string  `json:"date,omitempty"` // Day as YYYY-MM-DD, filled by readers
	Published   string  `json:"published"`      // RFC 3339, "" when unknown: orders reports of one day
	Attribution string  `json:"attribution"`
	Text        string  `json:"text"`
	Start       int     `json:"start"` // code points
	End         int     `json:"end"`
}

// CorpusStory is a group of articles about one happening.
type CorpusStory struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	FirstDay    int    `json:"first_day"`
	LastDay     int    `json:"last_day"`
	NumArticles int    `json:"num_articles"`
}

// CorpusQuery filters corpus listings: by story, by article, by figure
// category; Limit 0 means 100.
type CorpusQuery struct {
	Story    int64
	Doc      string
	Category string
	Limit    int
	Offset   int
}

// CorpusTx is the keyed access package corpus updates the layer with,
// inside one transaction. Every lookup is by key or id (indexed), so the
// cost of an update does not grow with the store.
type CorpusTx interface {
	// FindEvents returns the corpus events with match key key whose day
	// span [FirstDay, LastDay] meets [from, to].
	FindEvents(key string, from, to int) ([]CorpusEvent, error)
	// SaveEvent inserts e (ID 0: the new id is set) or updates it.
	SaveEvent(e *CorpusEvent) error
	// AddEventMention adds m; a mention already there (same event,
	// article and event index) is not added again (added false).
	AddEventMention(m EventMention) (added bool, err error)
	// EventMentions returns the mentions of a corpus event.
	EventMentions(event int64) ([]EventMention, error)
	FindFigures(key string, from, to int) ([]Figure, error)
	SaveFigure(f *Figure) error
	AddFigureValue(v FigureValue) (added bool, err error)
	FigureValues(figure int64) ([]FigureValue, error)
	// SaveStory inserts or updates a story; Story reads one (ok false when
	// unknown); AddStoryArticle records an article of a story (idempotent:
	// added false when it was there); MergeStory moves every event, figure
	// and article of story from into story into and deletes from.
	SaveStory(s *CorpusStory) error
	Story(id int64) (CorpusStory, bool, error)
	AddStoryArticle(story int64, doc string) (added bool, err error)
	StoryArticles(story int64) ([]string, error)
	MergeStory(from, into int64) error
	// FindStories returns the stories that recorded key (AddStoryKey) on
	// a day in [from, to]; AddStoryKey records that story has an article
	// with key on day (the entities it is about).
	FindStories(key string, from, to int) ([]int64, error)
	AddStoryKey(story int64, key string, day int) error
	// Article reads, inside the transaction, what the store holds under
	// the document id doc (ok false when nothing); SetArticle records that
	// the layer's rows of doc come from the text with SHA-256 sum.
	Article(doc string) (a CorpusArticle, ok bool, err error)
	SetArticle(doc, sum string) error
	// RemoveArticle deletes doc's rows of the layer (its event mentions,
	// figure values, story memberships and its SetArticle record), as the
	// store keeps no layer rows of a retired revision. Corpus events,
	// figures and stories left without a mention, a value or an article
	// are deleted (a story with its keys); it returns the others that lost
	// a row, as stored, for the caller to recompute their aggregates.
	RemoveArticle(doc string) (events []CorpusEvent, figures []Figure, stories []CorpusStory, err error)
}

// CorpusArticlesReader is a CorpusTx that reads what Article returns for
// many document ids at once: corpus.Update passes it a batch's ids before
// its Article calls, so that a backend with a round trip and a plan per
// statement (store/postgres) reads them with one.
type CorpusArticlesReader interface {
	ReadArticles(docs []string) error
}

// CorpusArticle is what a corpus transaction reads of a stored document
// (CorpusTx.Article).
type CorpusArticle struct {
	// CopyOf is the original's id when the document is a copy, else "";
	// Outlet the outlet its text comes from: for a copy its original's
	// (the story's first carrier), else its own.
	CopyOf string
	Outlet string
	// TextSum is the hex SHA-256 of the text stored under the id, LayerSum
	// the one SetArticle recorded ("" when none: the layer holds no rows of
	// the id, or rows written before the layer recorded texts).
	TextSum  string
	LayerSum string
}

// CorpusStore is implemented by stores that keep the corpus layer.
type CorpusStore interface {
	// UpdateCorpus runs fn in one write transaction: nothing fn wrote stays
	// when it returns an error.
	UpdateCorpus(ctx context.Context, fn func(CorpusTx) error) error
	// CorpusEvents lists corpus events (q.Story, q.Doc: those the article
	// mentions), most mentioned first.
	CorpusEvents(ctx context.Context, q CorpusQuery) ([]CorpusEvent, error)
	// CorpusEventMentions returns the mentions of a corpus event.
	CorpusEventMentions(ctx context.Context, event int64) ([]EventMention, error)
	// DocEventCounts returns, for each of docs, its event index → the
	// counts of the corpus event that event belongs to.
	DocEventCounts(ctx context.Context, docs []string) (map[string]map[int]CorpusEvent, error)
	// Figures lists tracked figures (q.Story, q.Doc, q.Category), those
	// with the most values first.
	Figures(ctx context.Context, q CorpusQuery) ([]Figure, error)
	// FigureValues returns a figure's values in report order.
	FigureValues(ctx context.Context, figure int64) ([]FigureValue, error)
	// Stories lists stories (q.Doc: the article's), largest first;
	// StoryArticles the article ids of one.
	Stories(ctx context.Context, q CorpusQuery) ([]CorpusStory, error)
	StoryArticles(ctx context.Context, story int64) ([]string, error)
}
