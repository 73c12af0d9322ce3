// Package plover writes coded events as PLOVER JSONL: one JSON object per
// event with actor and recipient lists, event type, mode, context, the
// evidence text and code point offsets into the story.
package plover

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
)

// Entity is a PLOVER entity block (the manual's actor block: raw_text,
// entity_name, country_name, sector_code, other_sector_codes; code is the
// entity-information object's 3-letter top-level code). CAMEOCode, Start
// and End are newsgraph's additions: the CAMEO actor code and the code
// point offsets of raw_text in the story.
type Entity struct {
	RawText          string `json:"raw_text"`
	EntityName       string `json:"entity_name,omitempty"`
	Code             string `json:"code,omitempty"`         // ISO alpha-3 country or a non-state code (IGO, UNO, EUR, NGO, ISM, IMG, MNC)
	CountryName      string `json:"country_name,omitempty"` // the country's English short name
	SectorCode       string `json:"sector_code,omitempty"`  // PLOVER sector (CAMEO MED → JRN, HLH → MED)
	OtherSectorCodes string `json:"other_sector_codes,omitempty"`
	CAMEOCode        string `json:"cameo_actor_code,omitempty"`
	Start            int    `json:"start"`
	End              int    `json:"end"`
}

// Location is the manual's location object (its Mordecai fields that
// newsgraph fills); Resolution is 1 country, 2 province, 4 city.
type Location struct {
	ExtractedPlace string   `json:"extracted_place"`
	ResolvedPlace  string   `json:"resolved_place,omitempty"`
	GeonameID      int      `json:"geonameid,omitempty"`
	Lat            *float64 `json:"lat,omitempty"`
	Lon            *float64 `json:"lon,omitempty"`
	Province       string   `json:"province,omitempty"`
	Country        string   `json:"country,omitempty"`
	CountryCode    string   `json:"country_code,omitempty"` // ISO alpha-3
	Resolution     int      `json:"resolution,omitempty"`
}

// Event is one PLOVER event record. Fields follow the manual's JSON table:
// event, mode, context and event_text are lists; event_loc the location
// object; dead, injured and arrested the size object's counts (from the
// figures of the event's sentence). Date is the date stated in the text,
// else the publication date, else "" (an undated story; never a made-up
// date). Trigger, Start, End (code points of the trigger), Evidence,
// Negated, Hypothetical, Reported and StoryID are newsgraph's additions.
type Event struct {
	ID           string    `json:"id"`
	Date         string    `json:"date"`
	Actor        []Entity  `json:"actor"`
	Recipient    []Entity  `json:"recipient,omitempty"`
	Event        []string  `json:"event"`
	EventLoc     *Location `json:"event_loc,omitempty"`
	EventText    []string  `json:"event_text,omitempty"` // the sentence the event was coded from
	QuadCode     int       `json:"quad_code"`
	Mode         []string  `json:"mode,omitempty"`
	Context      []string  `json:"context,omitempty"`
	Dead         *int      `json:"dead,omitempty"`
	Injured      *int      `json:"injured,omitempty"`
	Arrested     *int      `json:"arrested,omitempty"`
	CAMEO        string    `json:"cameo_code"`
	Trigger      string    `json:"trigger"`
	Start        int       `json:"start"`
	End          int       `json:"end"`
	Sentence     int       `json:"sequence"`
	Evidence     [][2]int  `json:"evidence,omitempty"`
	Negated      bool      `json:"negated,omitempty"`
	Hypothetical bool      `json:"hypothetical,omitempty"`
	Reported     bool      `json:"reported,omitempty"`
	StoryID      string    `json:"story_id"`
	URL          string    `json:"url,omitempty"`
	Title        string    `json:"title,omitempty"`
	Publication  string    `json:"publication,omitempty"`
	Language     string    `json:"language,omitempty"`
	Coder        string    `json:"coder"`
}

// Options configure Write.
type Options struct {
	// All writes negated and hypothetical events too (flagged).
	All bool
}

//go:embed plover.tsv
var vocabTSV string

// tables returns plover.tsv read, when a check or an export first needs
// it (not at every start): vocab is kind → key → value ("" for one-column
// kinds), modes the allowed modes ("TYPE mode").
var tables = sync.OnceValues(func() (vocab map[string]map[string]string, modes map[string]bool) {
	vocab, modes = map[string]map[string]string{}, map[string]bool{}
	for _, line := range strings.Split(vocabTSV, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if vocab[f[0]] == nil {
			vocab[f[0]] = map[string]string{}
		}
		switch {
		case f[0] == "mode" && len(f) == 3:
			modes[f[1]+" "+f[2]] = true
		case len(f) == 3:
			vocab[f[0]][f[1]] = f[2]
		case len(f) == 2:
			vocab[f[0]][f[1]] = ""
		default:
			panic("plover: plover.tsv: bad line " + line)
		}
	}
	return vocab, modes
})

// vocabOf returns plover.tsv's keys of kind.
func vocabOf(kind string) map[string]string {
	vocab, _ := tables()
	return vocab[kind]
}

// IsType, IsMode and IsContext report whether a value is in the manual's
// vocabulary.
func IsType(t string) bool    { _, ok := vocabOf("type")[t]; return ok }
func IsMode(t, m string) bool { _, modes := tables(); return modes[t+" "+m] }
func IsContext(c string) bool { _, ok := vocabOf("context")[c]; return ok }
func IsSector(s string) bool {
	return s == "PTY" || s == "UNK" || s == "PRE" || s == "REL" || s == "PRM" || containsValue(vocabOf("sector"), s)
}
func isNonState(c string) bool { return containsValue(vocabOf("nonstate"), c) }

func containsValue(m map[string]string, v string) bool {
	for _, x := range m {
		if x == v {
			return true
		}
	}
	return false
}

func entity(d *document.Document, ix *document.Index, p *document.Participant) []Entity {
	if p == nil {
		return nil
	}
	a, b := ix.Runes(p.Span)
	e := Entity{RawText: d.Slice(p.Span), EntityName: p.Name, CAMEOCode: p.Actor, Start: a, End: b}
	var sectors []string
	for i := 0; i+3 <= len(p.Actor); i += 3 {
		part := p.Actor[i : i+3]
		if i == 0 {
			if c, ok := country.ByAlpha3(part); ok {
				e.Code, e.CountryName = c.Alpha3, c.Name
				continue
			}
		}
		if ns, ok := vocabOf("nonstate")[part]; ok && (e.Code == "" || e.Code == "IGO" || e.Code == "NGO") {
			e.Code = ns
			continue
		}
		if s, ok := vocabOf("sector")[part]; ok {
			sectors = append(sectors, s)
		}
	}
	if len(sectors) > 0 {
		e.SectorCode = sectors[0]
		e.OtherSectorCodes = strings.Join(sectors[1:], ",")
	}
	return []Entity{e}
}

// eventLoc returns the location object of location li of d.
func eventLoc(d *document.Document, li int) *Location {
	if li < 0 || li >= len(d.Locations) {
		return nil
	}
	l := d.Locations[li]
	loc := &Location{ExtractedPlace: d.Slice(l.Span), ResolvedPlace: l.Name, GeonameID: l.GeonameID, Lat: l.Lat, Lon: l.Lon}
	if c, ok := country.ByAlpha2(l.Country); ok {
		loc.Country, loc.CountryCode = c.Name, c.Alpha3
	}
	switch l.Feature {
	case "country":
		loc.Resolution = 1
	case "adm1":
		loc.Resolution, loc.Province = 2, l.Name
	case "city":
		loc.Resolution = 4
	}
	return loc
}

// sizes returns the largest dead, injured and arrested figures of sentence
// s of d (nil when none).
func sizes(d *document.Document, s int) (dead, injured, arrested *int) {
	if s < 0 || s >= len(d.Sentences) {
		return
	}
	sp := d.Sentences[s].Span
	for _, c := range d.Counts {
		if !sp.Contains(c.Span) || c.Percent || c.Value < 0 || c.Value != float64(int(c.Value)) {
			continue
		}
		var p **int
		switch c.Category {
		case "KILL":
			p = &dead
		case "WOUND":
			p = &injured
		case "ARREST":
			p = &arrested
		default:
			continue
		}
		if v := int(c.Value); *p == nil || v > **p {
			*p = &v
		}
	}
	return
}

// Records converts d's events to PLOVER records: every event with a PLOVER
// event type (CAMEO codes without one, such as 013 "make optimistic
// comment", are left out: PLOVER dropped CAMEO's roots 01 and 02).
func Records(d *document.Document, opt Options) []Event {
	ix := d.Index()
	var out []Event
	pub := ""
	if d.Published != nil && !d.Published.IsZero() {
		pub = d.Published.UTC().Format("2006-01-02")
	}
	for i, e := range d.Events {
		if !opt.All && (e.Negated || e.Hypothetical) {
			continue
		}
		a, b := ix.Runes(e.Span)
		r := Event{
			ID: fmt.Sprintf("%s-%d", d.ID, i), Date: e.Date, Actor: entity(d, ix, e.Source),
			Recipient: entity(d, ix, e.Target), QuadCode: e.Quad, CAMEO: e.Code,
			Trigger: d.Slice(e.Span), Start: a, End: b, Sentence: e.Sentence, Negated: e.Negated,
			Hypothetical: e.Hypothetical, Reported: e.Reported, StoryID: d.ID, URL: d.URL, Title: d.Title,
			Publication: d.Outlet, Language: d.Language, Coder: "newsgraph", EventLoc: eventLoc(d, e.Location),
		}
		if r.Date == "" {
			r.Date = pub
		}
		if r.Actor == nil {
			r.Actor = []Entity{}
		}
		if !IsType(e.Plover) {
			// a CAMEO code PLOVER has no type for (CAMEO 01 and 02 were
			// dropped): no PLOVER event, whose event list is required
			continue
		}
		r.Event = []string{e.Plover}
		var ctx []string
		if c, ok := cameo.Lookup(e.Code); ok && c.PloverContext != "" {
			for _, x := range strings.Split(c.PloverContext, ";") {
				if x = strings.TrimSpace(x); IsContext(x) {
					ctx = append(ctx, x)
				}
			}
		}
		// A mode must be one of the event type's modes; the upstream
		// mapping puts a context in the mode column for some codes (175:
		// "ASSAULT, pro_autocracy, military"): such a value is a context.
		switch m := e.PloverMode; {
		case m == "":
		case IsMode(e.Plover, m):
			r.Mode = []string{m}
		case IsContext(m) && !slices.Contains(ctx, m):
			ctx = append([]string{m}, ctx...)
		}
		r.Context = ctx
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			r.EventText = []string{d.Slice(d.Sentences[e.Sentence].Span)}
		}
		r.Dead, r.Injured, r.Arrested = sizes(d, e.Sentence)
		for _, ev := range e.Evidence {
			x, y := ix.Runes(ev)
			r.Evidence = append(r.Evidence, [2]int{x, y})
		}
		out = append(out, r)
	}
	return out
}

// Write writes the events of docs as JSONL, one record per line.
func Write(w io.Writer, docs []*document.Document, opt Options) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for _, d := range docs {
		for _, r := range Records(d, opt) {
			if err := enc.Encode(r); err != nil {
				return fmt.Errorf("plover: encode: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("plover: write: %w", err)
	}
	return nil
}

// Read parses PLOVER JSONL as written by Write. It checks the required
// fields (id, actor, event, date format).
func Read(r io.Reader) ([]Event, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	var out []Event
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var e Event
		if err := json.Unmarshal([]byte(line), &e); err != nil {
			return nil, fmt.Errorf("plover: line %d: %w", n, err)
		}
		if e.ID == "" || e.Actor == nil || e.Event == nil {
			return nil, fmt.Errorf("plover: line %d: missing id, actor or event", n)
		}
		if e.Date != "" && (len(e.Date) != 10 || e.Date[4] != '-' || e.Date[7] != '-') {
			return nil, fmt.Errorf("plover: line %d: bad date %q", n, e.Date)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("plover: read: %w", err)
	}
	return out, nil
}

// Check reads PLOVER JSONL and checks every record against the manual:
// the required fields (Read), unique ids, dates in YYYY-MM-DD (no 1970
// date), event types, modes of that type and contexts from the manual's
// vocabulary (plover.tsv), entity codes (ISO alpha-3 or a non-state code)
// and sector codes, QuadClass 1..4, and offsets that make spans.
func Check(r io.Reader) error {
	recs, err := Read(r)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for n, e := range recs {
		if err := checkRecord(e, seen); err != nil {
			return fmt.Errorf("plover: record %d (%s): %w", n+1, e.ID, err)
		}
	}
	return nil
}

func checkRecord(e Event, seen map[string]bool) error {
	if seen[e.ID] {
		return fmt.Errorf("id repeated")
	}
	seen[e.ID] = true
	if strings.HasPrefix(e.Date, "1970") {
		return fmt.Errorf("a 1970 date")
	}
	if e.Date != "" {
		if _, err := time.Parse("2006-01-02", e.Date); err != nil {
			return fmt.Errorf("date %q: %w", e.Date, err)
		}
	}
	if len(e.Event) == 0 {
		return fmt.Errorf("no event type")
	}
	for _, t := range e.Event {
		if !IsType(t) {
			return fmt.Errorf("event type %q is not PLOVER's", t)
		}
	}
	for _, m := range e.Mode {
		if !IsMode(e.Event[0], m) {
			return fmt.Errorf("mode %q is no mode of %s", m, e.Event[0])
		}
	}
	for _, c := range e.Context {
		if !IsContext(c) {
			return fmt.Errorf("context %q is not PLOVER's", c)
		}
	}
	if e.QuadCode < 1 || e.QuadCode > 4 {
		return fmt.Errorf("quad_code %d", e.QuadCode)
	}
	for _, list := range [][]Entity{e.Actor, e.Recipient} {
		for _, a := range list {
			if a.Code != "" && !isNonState(a.Code) {
				if _, ok := country.ByAlpha3(a.Code); !ok {
					return fmt.Errorf("entity code %q is no ISO alpha-3 or non-state code", a.Code)
				}
			}
			for _, s := range append([]string{a.SectorCode}, strings.Split(a.OtherSectorCodes, ",")...) {
				if s != "" && !IsSector(s) {
					return fmt.Errorf("sector code %q is not PLOVER's", s)
				}
			}
			if a.Start < 0 || a.End < a.Start || a.RawText == "" && a.End > a.Start {
				return fmt.Errorf("entity span %d:%d %q", a.Start, a.End, a.RawText)
			}
		}
	}
	if e.Start < 0 || e.End < e.Start || e.Sentence < 0 {
		return fmt.Errorf("trigger span %d:%d, sequence %d", e.Start, e.End, e.Sentence)
	}
	for _, p := range []*int{e.Dead, e.Injured, e.Arrested} {
		if p != nil && *p < 0 {
			return fmt.Errorf("negative count")
		}
	}
	return nil
}
