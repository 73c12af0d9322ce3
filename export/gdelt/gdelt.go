// Package gdelt writes coded events as GDELT 2.0 tables: the Events export
// (61 tab-separated columns) and the Mentions table (16 columns), one row
// per event and one per evidence span, with code point offsets. It also
// parses the rows back (ParseEvent, ParseMention), for validation.
package gdelt

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
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
	// Added is DATEADDED for documents without a publication time
	// (default: the Unix epoch, so output is reproducible).
	Added time.Time
	// All writes negated and hypothetical events too; by default only
	// events that happened are written.
	All bool
}

// counted reports whether e is written under opt.
func counted(e *document.Event, opt Options) bool {
	return opt.All || (!e.Negated && !e.Hypothetical)
}

type eventRef struct {
	doc *document.Document
	ev  *document.Event
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
			out = append(out, eventRef{d, &d.Events[i], id})
			id++
		}
	}
	return out
}

func pubTime(d *document.Document, opt Options) time.Time {
	if d.Published != nil {
		return d.Published.UTC()
	}
	if !opt.Added.IsZero() {
		return opt.Added.UTC()
	}
	return time.Unix(0, 0).UTC()
}

func eventTime(d *document.Document, e *document.Event, opt Options) time.Time {
	if e.Date != "" {
		if t, err := time.Parse("2006-01-02", e.Date); err == nil {
			return t
		}
	}
	return pubTime(d, opt)
}

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

var roleCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD MNC NGO IGO") {
		roleCodes[c] = true
	}
}

// actorFields returns the ten GDELT actor fields of p.
func actorFields(p *document.Participant) []string {
	f := make([]string, 10)
	if p == nil {
		return f
	}
	code := p.Actor
	f[0], f[1] = code, strings.ToUpper(clean(p.Name))
	rest := code
	if len(code) >= 3 && !roleCodes[code[:3]] {
		f[2] = code[:3]
		rest = code[3:]
	}
	for i := 0; i < 3 && len(rest) >= 3; i++ {
		f[7+i] = rest[:3]
		rest = rest[3:]
	}
	return f
}

// geoFields returns the eight GDELT geo fields of location li of d.
func geoFields(d *document.Document, li int) []string {
	f := make([]string, 8)
	if li < 0 || li >= len(d.Locations) {
		return f
	}
	l := d.Locations[li]
	typ := "4"
	switch l.Feature {
	case "country":
		typ = "1"
	case "adm1":
		typ = "5"
	}
	if l.Country == "US" {
		switch l.Feature {
		case "adm1":
			typ = "2"
		case "country":
		default:
			typ = "3"
		}
	}
	fips := ""
	if c, ok := country.ByAlpha2(l.Country); ok {
		fips = c.FIPS
	}
	f[0], f[1], f[2], f[3] = typ, clean(l.Name), fips, clean(l.Adm1)
	if l.Lat != nil && l.Lon != nil {
		f[5] = strconv.FormatFloat(*l.Lat, 'f', 4, 64)
		f[6] = strconv.FormatFloat(*l.Lon, 'f', 4, 64)
	}
	if l.GeonameID != 0 {
		f[7] = strconv.Itoa(l.GeonameID)
	}
	return f
}

// WriteEvents writes one 61-column row per event of docs (only events that
// happened unless opt.All), in document order.
func WriteEvents(w io.Writer, docs []*document.Document, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, r := range number(docs, opt) {
		d, e := r.doc, r.ev
		t := eventTime(d, e, opt)
		row := make([]string, 0, EventColumns)
		frac := float64(t.Year()) + float64(t.YearDay()-1)/365
		row = append(row, strconv.FormatInt(r.id, 10), t.Format("20060102"), t.Format("200601"), t.Format("2006"),
			strconv.FormatFloat(frac, 'f', 4, 64))
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
		row = append(row, root, e.Code, base, e.Root, strconv.Itoa(e.Quad),
			strconv.FormatFloat(e.Goldstein, 'f', 1, 64), strconv.Itoa(max(1, len(e.Evidence))), "1", "1", "0")
		// the actors' places are not known apart from the action's
		row = append(row, make([]string, 16)...)
		row = append(row, geoFields(d, e.Location)...)
		row = append(row, pubTime(d, opt).Format("20060102150405"), clean(sourceURL(d)))
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

func sourceURL(d *document.Document) string {
	if d.URL != "" {
		return d.URL
	}
	return d.ID
}

func sourceName(d *document.Document) string {
	if u, err := url.Parse(d.URL); err == nil && u.Host != "" {
		return strings.TrimPrefix(u.Host, "www.")
	}
	if d.Source != "" {
		return d.Source
	}
	return d.ID
}

// WriteMentions writes one 16-column row per evidence span of every event
// WriteEvents writes with the same options (the IDs match). Offsets are
// code points into the document text; -1 when an actor is missing.
func WriteMentions(w io.Writer, docs []*document.Document, opt Options) error {
	bw := bufio.NewWriter(w)
	for _, r := range number(docs, opt) {
		d, e := r.doc, r.ev
		ix := d.Index()
		evs := e.Evidence
		if len(evs) == 0 {
			evs = []document.Span{e.Span}
		}
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
			conf := 50
			if e.Source != nil && e.Source.Actor != "" && e.Target != nil && e.Target.Actor != "" {
				conf = 80
			}
			if e.Reported {
				conf -= 20
			}
			row := []string{
				strconv.FormatInt(r.id, 10), eventTime(d, e, opt).Format("20060102150405"),
				pubTime(d, opt).Format("20060102150405"), "1", clean(sourceName(d)), clean(sourceURL(d)),
				strconv.Itoa(sent + 1), strconv.Itoa(a1), strconv.Itoa(a2), strconv.Itoa(ix.Rune(sp.Start)),
				"1", strconv.Itoa(conf), strconv.Itoa(ix.Len()), "0", "", "",
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
	NumMentions                           int
	ActionGeoType                         int
	ActionGeoName, ActionGeoCountry       string
	DateAdded, SourceURL                  string
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
	if !digits(c[1], 8) || !digits(c[2], 6) || !digits(c[3], 4) {
		return Event{}, fmt.Errorf("gdelt: bad date fields %q %q %q", c[1], c[2], c[3])
	}
	e.Date = c[1]
	e.Actor1Code, e.Actor1Name, e.Actor1Country = c[5], c[6], c[7]
	e.Actor2Code, e.Actor2Name, e.Actor2Country = c[15], c[16], c[17]
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
	if e.NumMentions, err = strconv.Atoi(c[31]); err != nil {
		return Event{}, fmt.Errorf("gdelt: NumMentions %q: %w", c[31], err)
	}
	if c[51] != "" {
		if e.ActionGeoType, err = strconv.Atoi(c[51]); err != nil {
			return Event{}, fmt.Errorf("gdelt: ActionGeo_Type %q: %w", c[51], err)
		}
	}
	e.ActionGeoName, e.ActionGeoCountry = c[52], c[53]
	if !digits(c[59], 14) {
		return Event{}, fmt.Errorf("gdelt: DATEADDED %q", c[59])
	}
	e.DateAdded, e.SourceURL = c[59], c[60]
	return e, nil
}

// Mention is the parsed form of one Mentions row.
type Mention struct {
	EventID                              int64
	EventTime, MentionTime               string
	SourceName, Identifier               string
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
	if !digits(c[1], 14) || !digits(c[2], 14) {
		return Mention{}, fmt.Errorf("gdelt: bad times %q %q", c[1], c[2])
	}
	m.EventTime, m.MentionTime, m.SourceName, m.Identifier = c[1], c[2], c[4], c[5]
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
