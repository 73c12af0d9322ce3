// Package plover writes coded events as PLOVER JSONL: one JSON object per
// event with actor and recipient lists, event type, mode, context, the
// evidence text and code point offsets into the story.
package plover

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
)

// Entity is a PLOVER entity block.
type Entity struct {
	RawText    string `json:"raw_text"`
	EntityName string `json:"entity_name,omitempty"`
	// ActorCode is the CAMEO actor code; Country its first three letters
	// when they name a country.
	ActorCode string `json:"actor_code,omitempty"`
	Country   string `json:"country,omitempty"`
	Start     int    `json:"start"` // code points into the story
	End       int    `json:"end"`
}

// Event is one PLOVER event record.
type Event struct {
	ID           string   `json:"id"`
	Date         string   `json:"date"` // YYYY-MM-DD: stated in the text, else the publication date, else ""
	Actor        []Entity `json:"actor"`
	Recipient    []Entity `json:"recipient,omitempty"`
	Event        []string `json:"event"`
	Mode         string   `json:"mode,omitempty"`
	Context      []string `json:"context,omitempty"`
	QuadCode     int      `json:"quad_code"`
	CAMEO        string   `json:"cameo_code"`
	EventText    string   `json:"event_text"` // the sentence the event was coded from
	Trigger      string   `json:"trigger"`
	Start        int      `json:"start"` // code points of the trigger in the story
	End          int      `json:"end"`
	Sentence     int      `json:"sequence"`
	Evidence     [][2]int `json:"evidence,omitempty"`
	Negated      bool     `json:"negated,omitempty"`
	Hypothetical bool     `json:"hypothetical,omitempty"`
	Reported     bool     `json:"reported,omitempty"`
	StoryID      string   `json:"story_id"`
	URL          string   `json:"url,omitempty"`
	Title        string   `json:"title,omitempty"`
	Coder        string   `json:"coder"`
}

// Options configure Write.
type Options struct {
	// All writes negated and hypothetical events too (flagged).
	All bool
}

var roleCodes = map[string]bool{}

func init() {
	for _, c := range strings.Fields("COP GOV INS JUD MIL OPP REB SEP SPY UAF AGR BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF MOD RAD") {
		roleCodes[c] = true
	}
}

func entity(d *document.Document, ix *document.Index, p *document.Participant) []Entity {
	if p == nil {
		return nil
	}
	a, b := ix.Runes(p.Span)
	e := Entity{RawText: d.Slice(p.Span), EntityName: p.Name, ActorCode: p.Actor, Start: a, End: b}
	if len(p.Actor) >= 3 && !roleCodes[p.Actor[:3]] {
		e.Country = p.Actor[:3]
	}
	return []Entity{e}
}

// Records converts d's events to PLOVER records.
func Records(d *document.Document, opt Options) []Event {
	ix := d.Index()
	var out []Event
	pub := ""
	if d.Published != nil {
		pub = d.Published.UTC().Format("2006-01-02")
	}
	for i, e := range d.Events {
		if !opt.All && (e.Negated || e.Hypothetical) {
			continue
		}
		a, b := ix.Runes(e.Span)
		r := Event{
			ID: fmt.Sprintf("%s-%d", d.ID, i), Date: e.Date, Actor: entity(d, ix, e.Source),
			Recipient: entity(d, ix, e.Target), Mode: e.PloverMode, QuadCode: e.Quad, CAMEO: e.Code,
			Trigger: d.Slice(e.Span), Start: a, End: b, Sentence: e.Sentence, Negated: e.Negated,
			Hypothetical: e.Hypothetical, Reported: e.Reported, StoryID: d.ID, URL: d.URL, Title: d.Title,
			Coder: "newsgraph",
		}
		if r.Date == "" {
			r.Date = pub
		}
		if r.Actor == nil {
			r.Actor = []Entity{}
		}
		if e.Plover != "" {
			r.Event = []string{e.Plover}
		} else {
			r.Event = []string{}
		}
		if c, ok := cameo.Lookup(e.Code); ok && c.PloverContext != "" {
			for _, x := range strings.Split(c.PloverContext, ";") {
				if x = strings.TrimSpace(x); x != "" {
					r.Context = append(r.Context, x)
				}
			}
		}
		if e.Sentence >= 0 && e.Sentence < len(d.Sentences) {
			r.EventText = d.Slice(d.Sentences[e.Sentence].Span)
		}
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
