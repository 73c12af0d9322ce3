package document

import (
	"math"
	"time"
	"unicode"
	"unicode/utf8"
)

// ContractVersion is the version of the JSON output contract (docs/output.md,
// document/output.schema.json); every document output carries it in its
// "contract" field. Fields are only added within a version (the field
// itself, event participants' spans, quote cue spans, count object spans and
// attributed entities, and locations' mentions were added in v1 so that
// FromOutput loses nothing the exports read).
const ContractVersion = "1"

// Output is a Document in the output contract: every offset is a Unicode code
// point offset into the text exactly as the reader produced it, end exclusive.
type Output struct {
	Contract string `json:"contract"`
	ID       string `json:"id"`
	Title    string `json:"title"`
	URL      string `json:"url"`
	// CanonicalURL and Outlet: see Document; omitted when "".
	CanonicalURL string `json:"canonical_url,omitempty"`
	Outlet       string `json:"outlet,omitempty"`
	// DuplicateOf is set by a store for a near copy of another stored
	// story: the original's id, with Similarity (0..1] between the two
	// texts. A copy's annotations are not counted in aggregates or event
	// exports (docs/output.md, "Copies").
	DuplicateOf string         `json:"duplicate_of,omitempty"`
	Similarity  *float64       `json:"similarity,omitempty"`
	Source      string         `json:"source,omitempty"`
	Published   *string        `json:"published"`
	Language    string         `json:"language"`
	Text        *string        `json:"text,omitempty"`
	Meta        map[string]any `json:"meta,omitempty"`
	Topic       *OutTopic      `json:"topic,omitempty"`
	// Genre is the kind of page (stage "genre"); absent when not classified.
	Genre     string        `json:"genre,omitempty"`
	Sentences []OutSpan     `json:"sentences"`
	Mentions  []OutMention  `json:"mentions"`
	Entities  []OutEntity   `json:"entities"`
	Quotes    []OutQuote    `json:"quotes"`
	Counts    []OutCount    `json:"counts"`
	Locations []OutLocation `json:"locations"`
	Events    []OutEvent    `json:"events"`
	MainEvent *OutMainEvent `json:"main_event,omitempty"`
	// Tone is the document's GDELT tone and SentenceTone each sentence's
	// tone score (stage "tone"); absent when the stage did not run.
	Tone         *OutTone  `json:"tone,omitempty"`
	SentenceTone []float64 `json:"sentence_tone,omitempty"`
	// Themes are the taxonomy themes the text evokes (stage "themes").
	Themes []OutTheme `json:"themes,omitempty"`
	// Tokens lists every token with its syntax (extract --with-tokens);
	// absent otherwise.
	Tokens []OutToken `json:"tokens,omitempty"`
	// Explain lists which named step decided each traced field
	// (extract --explain); absent otherwise.
	Explain []OutTrace `json:"explain,omitempty"`
}

// OutMainEvent is the story's main event type in the output contract.
type OutMainEvent struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Sentence   int     `json:"sentence"`
	Plover     string  `json:"plover"`
	PloverMode *string `json:"plover_mode"`
	Code       string  `json:"code"`
	Event      *int    `json:"event"`
}

// OutTone is the GDELT tone of the document (GKG V1.5TONE).
type OutTone struct {
	Tone             float64 `json:"tone"`
	Positive         float64 `json:"positive"`
	Negative         float64 `json:"negative"`
	Polarity         float64 `json:"polarity"`
	ActivityDensity  float64 `json:"activity_density"`
	SelfGroupDensity float64 `json:"self_group_density"`
	WordCount        int     `json:"word_count"`
}

// OutTheme is one theme with the words that evoke it.
type OutTheme struct {
	Theme string `json:"theme"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// OutToken is a token in the output contract with its syntax layer: Head
// is the index into tokens of its head, -1 for a sentence root. POS, Tag,
// Lemma, Head and Dep are absent when the syntax stage did not run.
type OutToken struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	POS   string `json:"pos,omitempty"`
	Tag   string `json:"tag,omitempty"`
	Lemma string `json:"lemma,omitempty"`
	Head  *int   `json:"head,omitempty"`
	Dep   string `json:"dep,omitempty"`
}

// OutTopic is the document's section and its probability.
type OutTopic struct {
	Label string  `json:"label"`
	P     float64 `json:"p"`
}

// OutSpan is a code point span.
type OutSpan struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// OutMention is a mention in the output contract.
type OutMention struct {
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	Type   string `json:"type"`
	Kind   string `json:"kind"`
	Entity *int   `json:"entity"`
}

// OutEntity is an entity in the output contract.
type OutEntity struct {
	ID       int     `json:"id"`
	Name     string  `json:"name"`
	Type     string  `json:"type"`
	Actor    *string `json:"actor"`
	Mentions []int   `json:"mentions"`
}

// OutSpeaker is a quote's speaker in the output contract.
type OutSpeaker struct {
	Name   string `json:"name"`
	Entity *int   `json:"entity"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// OutQuote is a quote in the output contract. CueSpan is the cue's words,
// null when the quote has no cue.
type OutQuote struct {
	Start   int         `json:"start"`
	End     int         `json:"end"`
	Text    string      `json:"text"`
	Direct  bool        `json:"direct"`
	Cue     *string     `json:"cue"`
	CueSpan *OutSpan    `json:"cue_span"`
	Speaker *OutSpeaker `json:"speaker"`
}

// OutCount is a numeric claim in the output contract.
type OutCount struct {
	Start        int      `json:"start"`
	End          int      `json:"end"`
	Text         string   `json:"text"`
	Value        float64  `json:"value"`
	Upper        *float64 `json:"upper,omitempty"`
	Percent      bool     `json:"percent"`
	Approx       bool     `json:"approx"`
	Qualifier    *string  `json:"qualifier"`
	Unit         *string  `json:"unit"`
	Currency     *string  `json:"currency"`
	Object       *string  `json:"object"`
	ObjectSpan   *OutSpan `json:"object_span"`
	ObjectHead   *OutSpan `json:"object_head"`
	Category     *string  `json:"category"`
	AttributedTo *string  `json:"attributed_to"`
	// AttributedEntity is the index into entities of the source the
	// figure is attributed to, null when it is no entity.
	AttributedEntity *int `json:"attributed_entity"`
	Location         *int `json:"location"`
}

// OutLocation is a toponym in the output contract.
type OutLocation struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Name      string   `json:"name"`
	Country   *string  `json:"country"`
	Adm1      *string  `json:"adm1"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
	Feature   *string  `json:"feature"`
	GeonameID *int     `json:"geonameid"`
	// Mention is the index into mentions of the mention the toponym is,
	// null when it was found by a gazetteer lookup only.
	Mention *int `json:"mention"`
	// Kind is how the text refers to the place: LocName, LocNested or
	// LocDemonym.
	Kind string `json:"kind"`
}

// OutActor is an event participant in the output contract: Start, End and
// Text are the words that name it (0, 0 and "" when none do).
type OutActor struct {
	Name   string  `json:"name"`
	Actor  *string `json:"actor"`
	Entity *int    `json:"entity"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
}

// OutEvent is an event in the output contract. Sentence is an index into
// sentences; Evidence lists every span the event was found in.
type OutEvent struct {
	Start        int       `json:"start"`
	End          int       `json:"end"`
	Text         string    `json:"text"`
	Sentence     int       `json:"sentence"`
	Code         string    `json:"code"`
	Root         string    `json:"root"`
	Quad         int       `json:"quad"`
	Goldstein    float64   `json:"goldstein"`
	Plover       *string   `json:"plover"`
	PloverMode   *string   `json:"plover_mode"`
	Source       *OutActor `json:"source"`
	Target       *OutActor `json:"target"`
	Location     *int      `json:"location"`
	Negated      bool      `json:"negated"`
	Hypothetical bool      `json:"hypothetical"`
	Reported     bool      `json:"reported"`
	IsRoot       bool      `json:"is_root"`
	Date         *string   `json:"date"`
	Evidence     []OutSpan `json:"evidence"`
}

// OutputOptions select optional parts of the output.
type OutputOptions struct {
	WithText   bool // include the full text
	WithTokens bool // include the tokens and their syntax
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func intp(i int) *int {
	if i < 0 {
		return nil
	}
	return &i
}

// Output converts d to the output contract. Every layer is a non-nil slice so
// that stages not run yet emit empty arrays.
func (d *Document) Output(opt OutputOptions) *Output {
	ix := d.Index()
	o := &Output{
		Contract: ContractVersion,
		ID:       d.ID, Title: d.Title, URL: d.URL, CanonicalURL: d.CanonicalURL, Outlet: d.Outlet, Source: d.Source, Language: d.Language, Meta: d.Meta,
		Sentences: make([]OutSpan, 0, len(d.Sentences)),
		Mentions:  make([]OutMention, 0, len(d.Mentions)),
		Entities:  make([]OutEntity, 0, len(d.Entities)),
		Quotes:    make([]OutQuote, 0, len(d.Quotes)),
		Counts:    make([]OutCount, 0, len(d.Counts)),
		Locations: make([]OutLocation, 0, len(d.Locations)),
		Events:    make([]OutEvent, 0, len(d.Events)),
	}
	if d.Published != nil {
		s := d.Published.UTC().Format(time.RFC3339)
		o.Published = &s
	}
	if opt.WithText {
		t := d.Text
		o.Text = &t
	}
	if d.Topic != "" {
		o.Topic = &OutTopic{Label: d.Topic, P: math.Round(d.TopicP*1000) / 1000}
	}
	o.Genre = d.Genre
	span := func(s Span) OutSpan {
		a, b := ix.Runes(s)
		return OutSpan{a, b}
	}
	optSpan := func(s Span) *OutSpan {
		if s == (Span{}) {
			return nil
		}
		o := span(s)
		return &o
	}
	for _, s := range d.Sentences {
		o.Sentences = append(o.Sentences, span(s.Span))
	}
	for _, m := range d.Mentions {
		a, b := ix.Runes(m.Span)
		o.Mentions = append(o.Mentions, OutMention{Start: a, End: b, Text: d.Slice(m.Span), Type: string(m.Type), Kind: string(m.Kind), Entity: intp(m.Entity)})
	}
	for i, e := range d.Entities {
		ms := e.Mentions
		if ms == nil {
			ms = []int{}
		}
		o.Entities = append(o.Entities, OutEntity{ID: i, Name: e.Name, Type: string(e.Type), Actor: strp(e.Actor), Mentions: ms})
	}
	for _, q := range d.Quotes {
		a, b := ix.Runes(q.Span)
		oq := OutQuote{Start: a, End: b, Text: d.Slice(q.Span), Direct: q.Direct, Cue: strp(q.Cue), CueSpan: optSpan(q.CueSpan)}
		if q.Speaker != nil {
			sa, sb := ix.Runes(q.Speaker.Span)
			oq.Speaker = &OutSpeaker{Name: q.Speaker.Name, Entity: intp(q.Speaker.Entity), Start: sa, End: sb}
		}
		o.Quotes = append(o.Quotes, oq)
	}
	for _, c := range d.Counts {
		a, b := ix.Runes(c.Span)
		oc := OutCount{Start: a, End: b, Text: d.Slice(c.Span), Value: c.Value, Upper: c.Upper, Percent: c.Percent, Approx: c.Approx,
			Qualifier: strp(c.Qualifier), Unit: strp(c.Unit), Currency: strp(c.Currency), Object: strp(c.Object),
			ObjectSpan: optSpan(c.ObjectSpan), ObjectHead: optSpan(c.ObjectHead), Category: strp(c.Category), Location: intp(c.Location)}
		switch {
		case c.AttributedTo >= 0 && c.AttributedTo < len(d.Entities):
			oc.AttributedTo = strp(d.Entities[c.AttributedTo].Name)
			oc.AttributedEntity = intp(c.AttributedTo)
		default:
			oc.AttributedTo = strp(c.AttributedName)
		}
		o.Counts = append(o.Counts, oc)
	}
	for _, l := range d.Locations {
		a, b := ix.Runes(l.Span)
		ol := OutLocation{Start: a, End: b, Text: d.Slice(l.Span), Name: l.Name, Country: strp(l.Country), Adm1: strp(l.Adm1),
			Lat: l.Lat, Lon: l.Lon, Feature: strp(l.Feature), Mention: intp(l.Mention), Kind: l.Kind}
		if ol.Kind == "" {
			ol.Kind = LocName
		}
		if l.GeonameID != 0 {
			g := l.GeonameID
			ol.GeonameID = &g
		}
		o.Locations = append(o.Locations, ol)
	}
	actor := func(p *Participant) *OutActor {
		if p == nil {
			return nil
		}
		a, b := ix.Runes(p.Span)
		return &OutActor{Name: p.Name, Actor: strp(p.Actor), Entity: intp(p.Entity), Start: a, End: b, Text: d.Slice(p.Span)}
	}
	for _, e := range d.Events {
		a, b := ix.Runes(e.Span)
		oe := OutEvent{Start: a, End: b, Text: d.Slice(e.Span), Sentence: e.Sentence, Code: e.Code, Root: e.Root, Quad: e.Quad,
			Goldstein: e.Goldstein, Plover: strp(e.Plover), PloverMode: strp(e.PloverMode), Source: actor(e.Source),
			Target: actor(e.Target), Location: intp(e.Location), Negated: e.Negated, Hypothetical: e.Hypothetical,
			Reported: e.Reported, IsRoot: e.IsRoot, Date: strp(e.Date), Evidence: make([]OutSpan, 0, len(e.Evidence))}
		for _, s := range e.Evidence {
			oe.Evidence = append(oe.Evidence, span(s))
		}
		o.Events = append(o.Events, oe)
	}
	if opt.WithTokens {
		syn := d.HasSyntax()
		o.Tokens = make([]OutToken, 0, len(d.Tokens))
		for _, t := range d.Tokens {
			a, b := ix.Runes(t.Span)
			ot := OutToken{Start: a, End: b}
			if syn {
				h := t.Head
				if h < 0 {
					h = -1
				}
				ot.POS, ot.Tag, ot.Lemma, ot.Head, ot.Dep = t.POS, t.Tag, t.Lemma, &h, t.Dep
			}
			o.Tokens = append(o.Tokens, ot)
		}
	}
	for _, t := range d.Traces {
		o.Explain = append(o.Explain, OutTrace{Layer: string(t.Layer), Index: t.Index, Field: t.Field, Step: t.Step, Detail: t.Detail})
	}
	if m := d.MainEvent; m != nil {
		a, b := ix.Runes(m.Span)
		o.MainEvent = &OutMainEvent{Start: a, End: b, Text: d.Slice(m.Span), Sentence: m.Sentence, Plover: m.Plover,
			PloverMode: strp(m.PloverMode), Code: m.Code, Event: intp(m.Event)}
	}
	if t := d.Tone; t != nil {
		o.Tone = &OutTone{Tone: t.Tone, Positive: t.Positive, Negative: t.Negative, Polarity: t.Polarity,
			ActivityDensity: t.ActivityDensity, SelfGroupDensity: t.SelfGroupDensity, WordCount: t.WordCount}
		o.SentenceTone = d.SentenceTone
	}
	for _, t := range d.Themes {
		a, b := ix.Runes(t.Span)
		o.Themes = append(o.Themes, OutTheme{Theme: t.Theme, Start: a, End: b, Text: d.Slice(t.Span)})
	}
	return o
}

// FromOutput rebuilds a Document from its output form (as stored, or read
// back from JSON), converting code point offsets back to byte offsets. The
// output must carry its text. Output → FromOutput → Output is the identity,
// and every export reads only what the contract holds; the layers it does
// not hold (paragraphs, mention-level actor codes; tokens and the
// sentences' token ranges unless the output lists its tokens) stay empty.
// Tokens read back get their SpaceBefore from the text and a Kind from
// their first character.
func FromOutput(o *Output) *Document {
	text := ""
	if o.Text != nil {
		text = *o.Text
	}
	d := &Document{ID: o.ID, Title: o.Title, URL: o.URL, CanonicalURL: o.CanonicalURL, Outlet: o.Outlet, Source: o.Source, Language: o.Language, Text: text, Meta: o.Meta}
	if o.Published != nil {
		if t, err := time.Parse(time.RFC3339, *o.Published); err == nil {
			d.Published = &t
		}
	}
	if o.Topic != nil {
		d.Topic, d.TopicP = o.Topic.Label, o.Topic.P
	}
	d.Genre = o.Genre
	ix := d.Index()
	span := func(a, b int) Span { return Span{ix.Byte(a), ix.Byte(b)} }
	deref := func(s *string) string {
		if s == nil {
			return ""
		}
		return *s
	}
	index := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	for _, s := range o.Sentences {
		d.Sentences = append(d.Sentences, Sentence{Span: span(s.Start, s.End)})
	}
	if len(o.Tokens) > 0 {
		readTokens(d, o.Tokens, span)
	}
	for _, m := range o.Mentions {
		d.Mentions = append(d.Mentions, Mention{Span: span(m.Start, m.End), Type: EntityType(m.Type), Kind: MentionKind(m.Kind), Entity: index(m.Entity), Qualifies: -1})
	}
	for _, e := range o.Entities {
		d.Entities = append(d.Entities, Entity{Name: e.Name, Type: EntityType(e.Type), Actor: deref(e.Actor), Mentions: e.Mentions})
	}
	for _, q := range o.Quotes {
		dq := Quote{Span: span(q.Start, q.End), Direct: q.Direct, Cue: deref(q.Cue)}
		if q.CueSpan != nil {
			dq.CueSpan = span(q.CueSpan.Start, q.CueSpan.End)
		}
		if q.Speaker != nil {
			dq.Speaker = &Speaker{Span: span(q.Speaker.Start, q.Speaker.End), Name: q.Speaker.Name, Entity: index(q.Speaker.Entity)}
		}
		d.Quotes = append(d.Quotes, dq)
	}
	for _, c := range o.Counts {
		dc := Count{Span: span(c.Start, c.End), Value: c.Value, Upper: c.Upper, Percent: c.Percent, Approx: c.Approx,
			Qualifier: deref(c.Qualifier), Unit: deref(c.Unit), Currency: deref(c.Currency), Object: deref(c.Object),
			Category: deref(c.Category), AttributedTo: index(c.AttributedEntity), AttributedName: deref(c.AttributedTo), Location: index(c.Location)}
		if c.ObjectSpan != nil {
			dc.ObjectSpan = span(c.ObjectSpan.Start, c.ObjectSpan.End)
		}
		if c.ObjectHead != nil {
			dc.ObjectHead = span(c.ObjectHead.Start, c.ObjectHead.End)
		}
		d.Counts = append(d.Counts, dc)
	}
	for _, l := range o.Locations {
		dl := Location{Span: span(l.Start, l.End), Name: l.Name, Country: deref(l.Country), Adm1: deref(l.Adm1), Lat: l.Lat, Lon: l.Lon,
			Feature: deref(l.Feature), Mention: index(l.Mention), Kind: l.Kind}
		if l.GeonameID != nil {
			dl.GeonameID = *l.GeonameID
		}
		d.Locations = append(d.Locations, dl)
	}
	actor := func(a *OutActor) *Participant {
		if a == nil {
			return nil
		}
		return &Participant{Name: a.Name, Actor: deref(a.Actor), Entity: index(a.Entity), Span: span(a.Start, a.End)}
	}
	for _, e := range o.Events {
		de := Event{Span: span(e.Start, e.End), Sentence: e.Sentence, Code: e.Code, Root: e.Root, Quad: e.Quad, Goldstein: e.Goldstein,
			Plover: deref(e.Plover), PloverMode: deref(e.PloverMode), Source: actor(e.Source), Target: actor(e.Target),
			Location: index(e.Location), Negated: e.Negated, Hypothetical: e.Hypothetical, Reported: e.Reported, IsRoot: e.IsRoot, Date: deref(e.Date)}
		for _, s := range e.Evidence {
			de.Evidence = append(de.Evidence, span(s.Start, s.End))
		}
		d.Events = append(d.Events, de)
	}
	for _, t := range o.Explain {
		d.Traces = append(d.Traces, Trace{Layer: Layer(t.Layer), Index: t.Index, Field: t.Field, Step: t.Step, Detail: t.Detail})
	}
	if m := o.MainEvent; m != nil {
		d.MainEvent = &MainEvent{Span: span(m.Start, m.End), Sentence: m.Sentence, Plover: m.Plover, PloverMode: deref(m.PloverMode),
			Code: m.Code, Event: index(m.Event)}
	}
	if t := o.Tone; t != nil {
		d.Tone = &Tone{Tone: t.Tone, Positive: t.Positive, Negative: t.Negative, Polarity: t.Polarity,
			ActivityDensity: t.ActivityDensity, SelfGroupDensity: t.SelfGroupDensity, WordCount: t.WordCount}
		d.SentenceTone = o.SentenceTone
	}
	for _, t := range o.Themes {
		d.Themes = append(d.Themes, Theme{Span: span(t.Start, t.End), Theme: t.Theme})
	}
	return d
}

// readTokens rebuilds d.Tokens from the output's tokens and the sentences'
// token ranges from them.
func readTokens(d *Document, toks []OutToken, span func(a, b int) Span) {
	d.Tokens = make([]Token, 0, len(toks))
	for _, ot := range toks {
		t := Token{Span: span(ot.Start, ot.End), POS: ot.POS, Tag: ot.Tag, Lemma: ot.Lemma, Dep: ot.Dep}
		if t.Start > t.End || t.End > len(d.Text) {
			t.End = t.Start
		}
		if ot.Head != nil {
			t.Head = *ot.Head
		}
		t.SpaceBefore = t.Start == 0 || t.Start <= len(d.Text) && isSpaceByteBefore(d.Text, t.Start)
		t.Kind = kindOf(d.Text[t.Start:t.End])
		d.Tokens = append(d.Tokens, t)
	}
	for i := range d.Sentences {
		s := &d.Sentences[i]
		s.FirstToken = d.TokenAt(s.Start)
		s.EndToken = d.TokenAt(s.End)
		if s.EndToken < s.FirstToken {
			s.EndToken = s.FirstToken
		}
	}
}

func isSpaceByteBefore(text string, off int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:off])
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff'
}

// kindOf classifies a token's text by its first character.
func kindOf(s string) TokenKind {
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.IsLetter(r):
		return Word
	case unicode.IsDigit(r):
		return Number
	case unicode.IsPunct(r):
		return Punct
	}
	return Symbol
}
