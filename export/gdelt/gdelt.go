// Package gdelt writes coded events as GDELT 2.0 tables: the Events export
// (61 tab-separated columns) and the Mentions table (16 columns), one row
// per event and one per evidence span, with code point offsets. It also
// parses the rows back (ParseEvent, ParseMention), for validation.
package gdelt

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/gdeltconv"
)

// EventColumns and MentionColumns are the column counts of the tables.
const (
	EventColumns   = 61
	MentionColumns = 16
)

// Options configure the writers.
type Options struct {
	// FirstID is the GLOBALEVENTID of the first event (default 1).
	FirstID int64
	// Added is DATEADDED for documents without a publication time; when
	// zero such rows have an empty DATEADDED (and, without a date in the
	// text, empty SQLDATE, MonthYear, Year and FractionDate): an unknown
	// date is never written as a made-up one.
	Added time.Time
	// All writes negated and hypothetical events too; by default only
	// events that happened are written.
	All bool
	// Corpus, when set, gives the corpus-level counts of event i of d
	// (package corpus: the mentions, outlets and articles of the corpus
	// event it belongs to); without it an event is its own evidence: its
	// evidence spans, one source, one article.
	Corpus func(d *document.Document, i int) (Counts, bool)
}

// Counts are an event's NumMentions, NumSources and NumArticles.
type Counts struct {
	Mentions, Sources, Articles int
}

// counted reports whether e is written under opt.
func counted(e *document.Event, opt Options) bool {
	return opt.All || (!e.Negated && !e.Hypothetical)
}

type eventRef struct {
	doc *document.Document
	ev  *document.Event
	i   int
	id  int64
}

func number(docs []*document.Document, opt Options) []eventRef {
	id := opt.FirstID
	if id == 0 {
		id = 1
	}
	var out []eventRef
	for _, d := range docs {
		for i := range d.Events {
			if !counted(&d.Events[i], opt) {
				continue
			}
			out = append(out, eventRef{d, &d.Events[i], i, id})
			id++
		}
	}
	return out
}

// Count returns how many events of docs the writers number under opt (so
// that a caller writing in batches can continue the ids).
func Count(docs []*document.Document, opt Options) int64 {
	var n int64
	for _, d := range docs {
		for i := range d.Events {
			if counted(&d.Events[i], opt) {
				n++
			}
		}
	}
	return n
}

// added returns DATEADDED's time and whether it is known.
func added(d *document.Document, opt Options) (time.Time, bool) {
	if t, ok := gdeltconv.Published(d); ok {
		return t, true
	}
	if !opt.Added.IsZero() {
		return opt.Added.UTC(), true
	}
	return time.Time{}, false
}

// eventTime is the event's date from the text, else the publication time.
func eventTime(d *document.Document, e *document.Event, opt Options) (time.Time, bool) {
	if e.Date != "" {
		if t, err := time.Parse("2006-01-02", e.Date); err == nil {
			return t, true
		}
	}
	return added(d, opt)
}

// actorFields returns the ten GDELT actor fields of p: the code, the name
// (upper-cased, as GDELT writes it), then the code read in three-letter
// parts (codes.tsv): a country (ISO alpha-3) or region first, a known group
// (IGOUNO → UNO), and up to three type codes.
func actorFields(p *document.Participant) []string {
	f := make([]string, 10)
	if p == nil {
		return f
	}
	code := p.Actor
	f[0], f[1] = code, strings.ToUpper(gdeltconv.Clean(p.Name))
	types := 0
	for i := 0; i+3 <= len(code); i += 3 {
		part := code[i : i+3]
		switch {
		case i == 0 && (isCountry(part) || codeKinds()[part]["region"]):
			f[2] = part
		case f[3] == "" && codeKinds()[part]["group"] && !(i == 0 && codeKinds()[part]["type"]):
			f[3] = part
		case codeKinds()[part]["type"] && types < 3:
			f[7+types] = part
			types++
		case f[3] == "" && codeKinds()[part]["group"]:
			f[3] = part
		}
	}
	return f
}

func isCountry(c string) bool {
	_, ok := country.ByAlpha3(c)
	return ok
}

// WriteEvents writes one 61-column row per event of docs (only events that
// happened unless opt.All), in document order.
func WriteEvents(w io.Writer, docs []*document.Document, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, r := range number(docs, opt) {
		d, e := r.doc, r.ev
		row := make([]string, 0, EventColumns)
		row = append(row, strconv.FormatInt(r.id, 10))
		if t, ok := eventTime(d, e, opt); ok {
			frac := float64(t.Year()) + float64(t.YearDay()-1)/365
			row = append(row, t.Format("20060102"), t.Format("200601"), t.Format("2006"), strconv.FormatFloat(frac, 'f', 4, 64))
		} else {
			row = append(row, "", "", "", "")
		}
		row = append(row, actorFields(e.Source)...)
		row = append(row, actorFields(e.Target)...)
		root := "0"
		if e.IsRoot {
			root = "1"
		}
		base := e.Code
		if len(base) > 3 {
			base = base[:3]
		}
		c := Counts{Mentions: max(1, len(e.Evidence)), Sources: 1, Articles: 1}
		if opt.Corpus != nil {
			if cc, ok := opt.Corpus(d, r.i); ok {
				c = cc
			}
		}
		row = append(row, root, e.Code, base, e.Root, strconv.Itoa(e.Quad),
			strconv.FormatFloat(e.Goldstein, 'f', 1, 64), strconv.Itoa(c.Mentions), strconv.Itoa(c.Sources),
			strconv.Itoa(c.Articles), formatTone(eventTone(d, e)))
		// the actors' places are not known apart from the action's
		row = append(row, make([]string, 16)...)
		row = append(row, actionGeo(d, e.Location)...)
		ta, ok := added(d, opt)
		row = append(row, gdeltconv.Stamp(ta, ok), gdeltconv.SourceOf(d).URL)
		if len(row) != EventColumns {
			return fmt.Errorf("gdelt: internal error: %d columns", len(row))
		}
		if _, err := bw.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
			return fmt.Errorf("gdelt: write events: %w", err)
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gdelt: write events: %w", err)
	}
	return nil
}

// actionGeo returns the eight ActionGeo fields of location li of d.
func actionGeo(d *document.Document, li int) []string {
	if li < 0 || li >= len(d.Locations) {
		return make([]string, 8)
	}
	g, ok := gdeltconv.GeoOf(&d.Locations[li])
	if !ok {
		return make([]string, 8)
	}
	return g.Fields()
}

// WriteMentions writes one 16-column row per evidence span of every event
// WriteEvents writes with the same options (the IDs match). Offsets are
// code points into the document text; -1 when an actor is missing.
func WriteMentions(w io.Writer, docs []*document.Document, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, r := range number(docs, opt) {
		d, e := r.doc, r.ev
		ix := d.Index()
		src := gdeltconv.SourceOf(d)
		evs := e.Evidence
		if len(evs) == 0 {
			evs = []document.Span{e.Span}
		}
		te, okE := eventTime(d, e, opt)
		tm, okM := added(d, opt)
		for k, sp := range evs {
			sent := d.SentenceAt(sp.Start)
			a1, a2 := -1, -1
			if k == 0 {
				if e.Source != nil {
					a1 = ix.Rune(e.Source.Span.Start)
				}
				if e.Target != nil {
					a2 = ix.Rune(e.Target.Span.Start)
				}
			}
			row := []string{
				strconv.FormatInt(r.id, 10), gdeltconv.Stamp(te, okE), gdeltconv.Stamp(tm, okM),
				strconv.Itoa(src.Type), src.Name, src.Identifier,
				strconv.Itoa(sent + 1), strconv.Itoa(a1), strconv.Itoa(a2), strconv.Itoa(ix.Rune(sp.Start)),
				"1", strconv.Itoa(Confidence(e)), strconv.Itoa(ix.Len()), formatTone(docTone(d)), "", "",
			}
			if _, err := bw.WriteString(strings.Join(row, "\t") + "\n"); err != nil {
				return fmt.Errorf("gdelt: write mentions: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("gdelt: write mentions: %w", err)
	}
	return nil
}

// Confidence is the Mentions Confidence of e (percent): 80 with coded
// source and target actors, 50 otherwise, 20 less from reported speech.
func Confidence(e *document.Event) int {
	conf := 50
	if e.Source != nil && e.Source.Actor != "" && e.Target != nil && e.Target.Actor != "" {
		conf = 80
	}
	if e.Reported {
		conf -= 20
	}
	return conf
}

// Event is the parsed form of one Events row (the fields newsgraph fills).
type Event struct {
	ID                                    int64
	Date                                  string // YYYYMMDD
	Actor1Code, Actor1Name, Actor1Country string
	Actor2Code, Actor2Name, Actor2Country string
	IsRoot                                bool
	EventCode, BaseCode, RootCode         string
	Quad                                  int
	Goldstein                             float64
	Actor1KnownGroup, Actor2KnownGroup    string
	Actor1Types, Actor2Types              []string
	NumMentions, NumSources, NumArticles  int
	AvgTone                               float64
	ActionGeoType                         int
	ActionGeoName, ActionGeoCountry       string
	ActionGeoADM1, ActionGeoFeatureID     string
	DateAdded, SourceURL                  string // "" when unknown / citation only
}

// ParseEvent parses one Events row (without the newline). It checks the
// column count and the formats of the ID, date, codes and numbers.
func ParseEvent(line string) (Event, error) {
	c := strings.Split(line, "\t")
	if len(c) != EventColumns {
		return Event{}, fmt.Errorf("gdelt: event row has %d columns, want %d", len(c), EventColumns)
	}
	var e Event
	var err error
	if e.ID, err = strconv.ParseInt(c[0], 10, 64); err != nil {
		return Event{}, fmt.Errorf("gdelt: GLOBALEVENTID %q: %w", c[0], err)
	}
	undated := c[1] == "" && c[2] == "" && c[3] == "" && c[4] == ""
	if !undated && (!digits(c[1], 8) || !digits(c[2], 6) || !digits(c[3], 4) || c[2] != c[1][:6] || c[3] != c[1][:4]) {
		return Event{}, fmt.Errorf("gdelt: bad date fields %q %q %q", c[1], c[2], c[3])
	}
	if !undated {
		if _, err := time.Parse("20060102", c[1]); err != nil {
			return Event{}, fmt.Errorf("gdelt: SQLDATE %q: %w", c[1], err)
		}
		if _, err := strconv.ParseFloat(c[4], 64); err != nil {
			return Event{}, fmt.Errorf("gdelt: FractionDate %q: %w", c[4], err)
		}
	}
	e.Date = c[1]
	e.Actor1Code, e.Actor1Name, e.Actor1Country, e.Actor1KnownGroup = c[5], c[6], c[7], c[8]
	e.Actor2Code, e.Actor2Name, e.Actor2Country, e.Actor2KnownGroup = c[15], c[16], c[17], c[18]
	e.Actor1Types, e.Actor2Types = []string{c[12], c[13], c[14]}, []string{c[22], c[23], c[24]}
	switch c[25] {
	case "0", "1":
		e.IsRoot = c[25] == "1"
	default:
		return Event{}, fmt.Errorf("gdelt: IsRootEvent %q", c[25])
	}
	e.EventCode, e.BaseCode, e.RootCode = c[26], c[27], c[28]
	if !digits(e.EventCode, len(e.EventCode)) || len(e.EventCode) < 2 || len(e.EventCode) > 4 ||
		!digits(e.RootCode, 2) || !strings.HasPrefix(e.EventCode, e.RootCode) || !strings.HasPrefix(e.EventCode, e.BaseCode) {
		return Event{}, fmt.Errorf("gdelt: bad event codes %q %q %q", c[26], c[27], c[28])
	}
	if e.Quad, err = strconv.Atoi(c[29]); err != nil || e.Quad < 1 || e.Quad > 4 {
		return Event{}, fmt.Errorf("gdelt: QuadClass %q", c[29])
	}
	if e.Goldstein, err = strconv.ParseFloat(c[30], 64); err != nil || e.Goldstein < -10 || e.Goldstein > 10 {
		return Event{}, fmt.Errorf("gdelt: GoldsteinScale %q", c[30])
	}
	for i, p := range []*int{&e.NumMentions, &e.NumSources, &e.NumArticles} {
		if *p, err = strconv.Atoi(c[31+i]); err != nil || *p < 1 {
			return Event{}, fmt.Errorf("gdelt: column %d (NumMentions, NumSources, NumArticles) %q: not a positive count", 32+i, c[31+i])
		}
	}
	if e.NumSources > e.NumArticles || e.NumArticles > e.NumMentions {
		return Event{}, fmt.Errorf("gdelt: NumSources %d ≤ NumArticles %d ≤ NumMentions %d does not hold", e.NumSources, e.NumArticles, e.NumMentions)
	}
	if c[34] != "" {
		if e.AvgTone, err = strconv.ParseFloat(c[34], 64); err != nil || e.AvgTone < -100 || e.AvgTone > 100 {
			return Event{}, fmt.Errorf("gdelt: AvgTone %q", c[34])
		}
	}
	if c[51] != "" {
		if e.ActionGeoType, err = strconv.Atoi(c[51]); err != nil {
			return Event{}, fmt.Errorf("gdelt: ActionGeo_Type %q: %w", c[51], err)
		}
	}
	e.ActionGeoName, e.ActionGeoCountry, e.ActionGeoADM1, e.ActionGeoFeatureID = c[52], c[53], c[54], c[58]
	for _, ll := range []string{c[56], c[57]} {
		if ll != "" {
			if _, err := strconv.ParseFloat(ll, 64); err != nil {
				return Event{}, fmt.Errorf("gdelt: ActionGeo coordinate %q: %w", ll, err)
			}
		}
	}
	if c[59] != "" && !digits(c[59], 14) {
		return Event{}, fmt.Errorf("gdelt: DATEADDED %q", c[59])
	}
	e.DateAdded, e.SourceURL = c[59], c[60]
	return e, nil
}

// Mention is the parsed form of one Mentions row.
type Mention struct {
	EventID                              int64
	EventTime, MentionTime               string // "" when unknown
	Type                                 int    // 1 web, 2 citation only
	SourceName, Identifier               string
	DocTone                              float64
	Sentence, Actor1Offset, Actor2Offset int
	ActionOffset, Confidence, DocLen     int
}

// ParseMention parses one Mentions row (without the newline).
func ParseMention(line string) (Mention, error) {
	c := strings.Split(line, "\t")
	if len(c) != MentionColumns {
		return Mention{}, fmt.Errorf("gdelt: mention row has %d columns, want %d", len(c), MentionColumns)
	}
	var m Mention
	var err error
	if m.EventID, err = strconv.ParseInt(c[0], 10, 64); err != nil {
		return Mention{}, fmt.Errorf("gdelt: GLOBALEVENTID %q: %w", c[0], err)
	}
	for _, t := range c[1:3] {
		if t != "" && !digits(t, 14) {
			return Mention{}, fmt.Errorf("gdelt: bad time %q", t)
		}
	}
	m.EventTime, m.MentionTime, m.SourceName, m.Identifier = c[1], c[2], c[4], c[5]
	if m.Type, err = strconv.Atoi(c[3]); err != nil || m.Type < 1 || m.Type > 6 {
		return Mention{}, fmt.Errorf("gdelt: MentionType %q", c[3])
	}
	if m.Identifier == "" {
		return Mention{}, fmt.Errorf("gdelt: empty MentionIdentifier")
	}
	if c[10] != "0" && c[10] != "1" {
		return Mention{}, fmt.Errorf("gdelt: InRawText %q", c[10])
	}
	if c[13] != "" {
		if m.DocTone, err = strconv.ParseFloat(c[13], 64); err != nil {
			return Mention{}, fmt.Errorf("gdelt: MentionDocTone %q: %w", c[13], err)
		}
	}
	ints := []*int{&m.Sentence, &m.Actor1Offset, &m.Actor2Offset, &m.ActionOffset, nil, &m.Confidence, &m.DocLen}
	for i, p := range ints {
		if p == nil {
			continue
		}
		if *p, err = strconv.Atoi(c[6+i]); err != nil {
			return Mention{}, fmt.Errorf("gdelt: column %d %q: %w", 7+i, c[6+i], err)
		}
	}
	return m, nil
}

func digits(s string, n int) bool {
	if len(s) != n || n == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

//go:embed codes.tsv
var codesTSV string

// codeKinds maps a three-letter actor code part to its kinds (codes.tsv),
// read when an export first needs it (not at every start).
var codeKinds = sync.OnceValue(func() map[string]map[string]bool {
	codeKinds := map[string]map[string]bool{}
	for _, line := range strings.Split(codesTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			panic("gdelt: codes.tsv: bad line " + line)
		}
		if codeKinds[f[1]] == nil {
			codeKinds[f[1]] = map[string]bool{}
		}
		codeKinds[f[1]][f[0]] = true
	}
	return codeKinds
})

// docTone is the document's tone, ok false when not computed.
func docTone(d *document.Document) (float64, bool) {
	if d.Tone == nil {
		return 0, false
	}
	return d.Tone.Tone, true
}

// eventTone is the tone of e's sentence, else the document's.
func eventTone(d *document.Document, e *document.Event) (float64, bool) {
	if e.Sentence >= 0 && e.Sentence < len(d.SentenceTone) {
		return d.SentenceTone[e.Sentence], true
	}
	return docTone(d)
}

// formatTone writes a tone with two decimals, "" when unknown.
func formatTone(t float64, ok bool) string {
	if !ok {
		return ""
	}
	return strconv.FormatFloat(t, 'f', 2, 64)
}
