// Package document holds newsgraph's domain model: a Document owns the text
// exactly as the user gave it, and every annotation layer that pipeline stages
// add is a slice of half-open byte spans into that text.
//
// Offsets inside the program are byte offsets into Document.Text. Offsets that
// leave the program (JSON, API, exports) are Unicode code point offsets; the
// conversion is done once per document by an Index (see index.go), the way
// go/token builds its line table.
package document

import "time"

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start, End int
}

// Len returns the length of the span in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Contains reports whether o lies inside s.
func (s Span) Contains(o Span) bool { return o.Start >= s.Start && o.End <= s.End }

// Overlaps reports whether s and o share at least one byte.
func (s Span) Overlaps(o Span) bool { return s.Start < o.End && o.Start < s.End }

// Layer names an annotation layer. Stages declare the layers they require and
// the layers they provide; the pipeline checks the order once when it is built.
type Layer string

// The annotation layers of a Document.
const (
	LayerParagraphs Layer = "paragraphs"
	LayerSentences  Layer = "sentences"
	LayerTokens     Layer = "tokens"
	LayerMentions   Layer = "mentions"
	LayerEntities   Layer = "entities"
	LayerQuotes     Layer = "quotes"
	LayerCounts     Layer = "counts"
	LayerLocations  Layer = "locations"
	LayerEvents     Layer = "events"
	LayerTopic      Layer = "topic"
	LayerDateline   Layer = "dateline" // Document.Dateline
	LayerActors     Layer = "actors"   // Mention.ContextActor, Mention.Qualifies
	LayerSetting    Layer = "setting"  // Document.Setting
	LayerSyntax     Layer = "syntax"   // Token.POS, Tag, Lemma, Head, Dep
	LayerTone       Layer = "tone"     // Document.Tone, Document.SentenceTone
	LayerThemes     Layer = "themes"   // Document.Themes
	LayerGenre      Layer = "genre"    // Document.Genre
)

// Document is one news article and its annotations.
//
// Text is never modified after the reader creates the document: every span in
// every layer indexes it. Stages append to the layers; they must not reorder a
// layer that a previous stage filled, because other layers hold indices into it.
type Document struct {
	ID    string
	Title string
	URL   string
	// CanonicalURL is the address the page declares as its own (<link
	// rel="canonical">, og:url, a WARC record's target), "" when none; URL
	// is where the document was read from when known, else the same.
	CanonicalURL string
	// Outlet names the publication that carried the document: a feeds
	// file's outlet=, a news sitemap's publication name, else the domain
	// (eTLD+1) of the URL it was fetched from; "" for local files.
	Outlet    string
	Source    string // where the document came from: a file path, "stdin", a feed URL
	Published *time.Time
	Language  string
	Text      string
	// Topic is the document's section (package topic: "politics",
	// "business", "sport", "entertainment", "tech"), "" when not classified;
	// TopicP is its posterior probability.
	Topic  string
	TopicP float64
	// Genre is what kind of page the document is (package genre: "news",
	// "recipe", "fiction", "code", "contract", "readme", "listing",
	// "comments"), "" when not classified. Read it through NonNews.
	Genre string
	// Meta keeps input fields that have no place above (extra JSONL fields,
	// HTML metadata). Values are JSON-compatible.
	Meta map[string]any

	Paragraphs []Span
	Sentences  []Sentence
	Tokens     []Token
	// Lower is the normalized view of Text (see LowerText): same byte
	// length, letters lower-cased, so token spans index it as they index
	// Text. Read it through TokenLower and LowerSlice.
	Lower    string
	Dateline Dateline
	// SentencePlace[i] is the index into Locations of the place sentence i
	// puts things in (the geo stage: its most specific resolved place), -1
	// when none. Read it through PlaceOfSentence and PlaceAt.
	SentencePlace []int
	Setting       Setting
	// Explain asks the stages to record their decisions in Traces (see
	// Trace); Traces holds them in the order they were made.
	Explain   bool
	Traces    []Trace
	Mentions  []Mention
	Entities  []Entity
	Quotes    []Quote
	Counts    []Count
	Locations []Location
	Events    []Event
	// MainEvent is the story's main event type, nil when the events stage
	// found none (or has not run).
	MainEvent *MainEvent
	// Tone is the document's tone (stage "tone"), nil when not computed;
	// SentenceTone[i] is the tone score of sentence i (the Tone field of a
	// Tone of that sentence alone), which the exports use for an event's
	// sentence.
	Tone         *Tone
	SentenceTone []float64
	// Themes are the taxonomy themes the text evokes (stage "themes"),
	// each with its evidence, in text order.
	Themes []Theme

	index *Index
}

// New returns a Document over text with the given id.
func New(id, text string) *Document {
	return &Document{ID: id, Text: text, Language: "en"}
}

// Slice returns the text under s.
func (d *Document) Slice(s Span) string { return d.Text[s.Start:s.End] }

// TokenText returns the text of token i.
func (d *Document) TokenText(i int) string { return d.Text[d.Tokens[i].Start:d.Tokens[i].End] }

// Index returns the document's byte-to-code-point index, building it on first use.
// It is not safe to call concurrently on the same Document for the first time.
func (d *Document) Index() *Index {
	if d.index == nil || d.index.n != len(d.Text) {
		d.index = NewIndex(d.Text)
	}
	return d.index
}

// SentenceAt returns the index of the sentence containing byte offset off, or -1.
func (d *Document) SentenceAt(off int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Sentences[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(d.Sentences) && d.Sentences[lo].Start <= off {
		return lo
	}
	return -1
}

// TokenAt returns the index of the token containing or starting after byte
// offset off (the first token whose End > off), or len(Tokens).
func (d *Document) TokenAt(off int) int {
	lo, hi := 0, len(d.Tokens)
	for lo < hi {
		m := (lo + hi) / 2
		if d.Tokens[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// Sentence is a sentence span with the range of its tokens.
type Sentence struct {
	Span
	FirstToken, EndToken int // tokens [FirstToken, EndToken)
	Paragraph            int // index into Paragraphs
}

// TokenKind classifies a token's surface form.
type TokenKind uint8

// Token kinds.
const (
	Word TokenKind = iota
	Number
	Punct
	Symbol
)

// Token is one token; its text is Document.Text[Start:End].
type Token struct {
	Span
	Kind TokenKind
	// SpaceBefore is true when whitespace (or the start of text) precedes the token.
	SpaceBefore bool

	// The syntax layer (package syntax) fills the fields below; they are
	// zero ("" and Head 0) until it has run, see Document.HasSyntax.

	// POS is the Universal Dependencies part of speech (UPOS: "NOUN",
	// "VERB", "PROPN", ...).
	POS string
	// Tag is the Penn Treebank tag ("NN", "VBD", "NNP", ...).
	Tag string
	// Lemma is the dictionary form ("say" for "said"), lower case except
	// for proper nouns.
	Lemma string
	// Head is the index into Document.Tokens of the token's syntactic
	// head, -1 for the root of its sentence. Heads never cross sentences,
	// and every sentence's heads form one tree.
	Head int
	// Dep is the Universal Dependencies relation to the head ("nsubj",
	// "obj", "obl", "nmod:poss", ...; "root" for the root).
	Dep string
}

// EntityType is the type of a mention or entity.
type EntityType string

// Entity types of the output contract.
const (
	Person    EntityType = "PERSON"
	Org       EntityType = "ORG"
	GPE       EntityType = "GPE"
	Loc       EntityType = "LOC"
	NORP      EntityType = "NORP"
	FAC       EntityType = "FAC"
	EventName EntityType = "EVENT"
	Law       EntityType = "LAW"
	Misc      EntityType = "MISC"
)

// MentionKind says whether a mention is a name, a description or a pronoun.
type MentionKind string

// Mention kinds.
const (
	Name    MentionKind = "name"
	Nominal MentionKind = "nominal" // "the veteran diplomat", "the ministry"
	Pronoun MentionKind = "pronoun"
)

// Mention is a span that refers to an entity.
type Mention struct {
	Span
	Type   EntityType
	Kind   MentionKind
	Entity int // index into Document.Entities, -1 when unresolved
	// Actor is a CAMEO actor code the mention itself supports ("Turkish
	// Foreign Minister" → TURGOV), or "".
	Actor string
	// ContextActor is the mention's CAMEO actor code in its context (layer
	// "actors"): Actor or its entity's code, completed with the country of
	// a modifier next to it, of its coreferent mentions or of the story
	// setting; "" when none. Events read their actors' codes here.
	ContextActor string
	// Qualifies is, for a modifier mention (a nationality or a possessive
	// country before a role: "Venezuela's supreme court"), the index of the
	// mention it qualifies; -1 otherwise (layer "actors").
	Qualifies int
}

// Entity is a cluster of mentions that refer to one thing.
type Entity struct {
	Name     string
	Type     EntityType
	Actor    string // CAMEO actor code, or ""
	Mentions []int  // indices into Document.Mentions, in text order
	// Gender is "m", "f" or "" (unknown); used by coreference.
	Gender string
	// Plural is true for group entities ("rebels", "protesters").
	Plural bool
}

// Speaker is who a quote is attributed to.
type Speaker struct {
	Span          // the mention the attribution rests on
	Name   string // resolved entity name, or the span text
	Entity int    // index into Document.Entities, -1 when unresolved
}

// Quote is direct or reported speech.
type Quote struct {
	Span           // the quoted content (inside the quotation marks for direct quotes)
	Direct  bool   // true for text in quotation marks
	Cue     string // the verb or phrase: "said", "according to"
	CueSpan Span   // zero when there is no cue
	Speaker *Speaker
}

// Count is a numeric claim: a count, amount or percentage.
type Count struct {
	Span                // the whole figure as written ("at least 140", "$1.2bn")
	Value      float64  // the number (the lower bound of a range or vague quantity)
	Upper      *float64 // upper bound of a range, nil otherwise
	Percent    bool
	Approx     bool
	Qualifier  string // "at least", "more than", "about", ...; "" when none
	Unit       string // "percent", "tonnes", "km", ...; "" for plain counts
	Currency   string // ISO 4217 code for amounts of money; "" otherwise
	Object     string // the counted noun phrase, lower case, modifiers kept ("primary schools")
	ObjectSpan Span   // the counted noun phrase
	ObjectHead Span   // the phrase's head word ("schools"); zero when there is no object
	Category   string // KILL, WOUND, ... or ""
	// AttributedTo is the entity the figure is attributed to, -1 when none.
	AttributedTo int
	// AttributedName is the attribution's name when AttributedTo is -1 but
	// the text names a source anyway; otherwise the entity's name.
	AttributedName string
	Location       int // index into Document.Locations, -1 when none
}

// Location is a toponym resolved (or not) to a place.
type Location struct {
	Span
	Name      string   // the place's gazetteer name, or the span text when unresolved
	Country   string   // ISO 3166-1 alpha-2, "" when unknown
	Adm1      string   // first-level division code or name, "" when unknown
	Lat, Lon  *float64 // nil when the place could not be resolved with confidence
	Feature   string   // "country", "adm1", "city", "region", "water", ...
	GeonameID int      // 0 when unknown
	Mention   int      // index into Document.Mentions, -1 when from a gazetteer lookup only
	Kind      string   // LocName, LocNested or LocDemonym; "" reads as LocName
}

// Kinds of Location: how the text refers to the place.
const (
	LocName    = "name"    // a place name standing for the place ("Kenya", "Orange County")
	LocNested  = "nested"  // a place name inside a longer name ("Orange County" in "the Orange County Fire Authority")
	LocDemonym = "demonym" // a word for the place's people standing for it ("Kenyan", "Oklahomans")
)

// IsPlace reports whether l names a place in its own right: a place name,
// also one inside a longer name, but not a demonym.
func (l *Location) IsPlace() bool { return l.Kind != LocDemonym }

// Participant is an event's source or target actor.
type Participant struct {
	Name   string
	Actor  string // CAMEO actor code, "" when unknown
	Entity int    // index into Document.Entities, -1 when none
	Span   Span   // the words that name the actor
}

// MainEvent is the document-level answer to "what is this story about":
// the PLOVER type of its main event, decided by the events stage from every
// trigger in the story (with or without codable actors), the lead and the
// headline weighing most. Span is the trigger that carried the decision.
type MainEvent struct {
	Span              // the deciding trigger's words
	Sentence   int    // index into Document.Sentences
	Plover     string // PLOVER event type ("ASSAULT")
	PloverMode string // PLOVER mode, "" when none
	Code       string // CAMEO code of the deciding trigger
	Event      int    // index into Document.Events of an event of this type, -1 when none was coded
}

// Event is one coded event with its evidence.
type Event struct {
	Span                 // the words the event was coded from (trigger phrase)
	Sentence     int     // index into Document.Sentences
	Code         string  // CAMEO event code, leading zeros kept ("0231")
	Root         string  // two-digit CAMEO root ("02")
	Quad         int     // QuadClass 1..4
	Goldstein    float64 // Goldstein scale of Code
	Plover       string  // PLOVER event type
	PloverMode   string  // PLOVER mode, "" when none
	Source       *Participant
	Target       *Participant
	Location     int    // index into Document.Locations, -1 when none
	Negated      bool   // "did not attack", "denied meeting"
	Hypothetical bool   // future, conditional, threatened or proposed
	Reported     bool   // coded from inside reported speech
	IsRoot       bool   // GDELT IsRootEvent
	Date         string // YYYY-MM-DD from the text, or "" (publication date applies)
	Evidence     []Span // all evidence spans after merging duplicates
}

// Tone is GDELT's tone of a text (GKG V1.5TONE): Positive and Negative are
// the percentages of words with a positive and a negative lexicon score,
// Tone = Positive - Negative, Polarity = Positive + Negative, ActivityDensity
// the percentage of active words, SelfGroupDensity the percentage of
// pronouns of self and group reference, WordCount the number of words.
type Tone struct {
	Tone, Positive, Negative, Polarity float64
	ActivityDensity, SelfGroupDensity  float64
	WordCount                          int
}

// Theme is one taxonomy theme evoked by the words under Span.
type Theme struct {
	Span
	Theme string // the theme's code ("CEASEFIRE")
}
