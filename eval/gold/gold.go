// Package gold scores a whole pipeline against newsgraph's all-layer gold set
// (testdata/gold/all/gold.jsonl): entities and their name mentions, quotes with
// speakers, numeric claims, toponyms with coordinates, and CAMEO events, all
// annotated by hand on the same stories. The format is documented in
// testdata/gold/all/README.md.
//
// The gold file is compiled from a phrase-based source (testdata/gold/all/src)
// by Compile, so that annotators quote phrases instead of counting offsets:
//
//	go run ./eval/gold/cmd/goldspans
package gold

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
	"unicode/utf8"
)

// Span is a code point span of the story text, end exclusive; Text equals
// the slice of the story under [Start, End).
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Entity is a gold entity: its canonical name, output-contract type, CAMEO
// actor code ("" when the text supports none) and every name mention.
type Entity struct {
	Name     string `json:"name"`
	Type     string `json:"type"`
	Actor    string `json:"actor"`
	Mentions []Span `json:"mentions"`
}

// Quote is a gold quote: the content span (inside the quotation marks for a
// direct quote), whether it is direct, and the speaker entity's name ("" when
// the story names no speaker).
type Quote struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Direct  bool   `json:"direct"`
	Speaker string `json:"speaker"`
}

// Count is a gold numeric claim: the figure as written, its value (the lower
// bound of a range or vague quantity), the head of the counted noun and the
// category (KILL, WOUND, ... or "").
type Count struct {
	Start    int     `json:"start"`
	End      int     `json:"end"`
	Text     string  `json:"text"`
	Value    float64 `json:"value"`
	Object   string  `json:"object"`
	Category string  `json:"category"`
}

// Location is a gold toponym with its ISO 3166-1 alpha-2 country ("" for
// seas and places shared by several countries) and coordinates. Feature is
// "country" for a country name: its coordinates are GeoNames' representative
// point, and the scorer counts it as resolved when the predicted country is
// right, since a country has no single point.
type Location struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Country string  `json:"country"`
	Lat     float64 `json:"lat"`
	Lon     float64 `json:"lon"`
	Feature string  `json:"feature,omitempty"`
}

// Event is a gold event that really happened in the story: CAMEO root and
// code, source and target actor codes ("" when the text names no codable
// actor for that side).
type Event struct {
	Root   string `json:"root"`
	Code   string `json:"code"`
	Source string `json:"source"`
	Target string `json:"target"`
}

// Story is one line of the gold file.
type Story struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	Published string     `json:"published"`
	Text      string     `json:"text"`
	Entities  []Entity   `json:"entities"`
	Quotes    []Quote    `json:"quotes"`
	Counts    []Count    `json:"counts"`
	Locations []Location `json:"locations"`
	Events    []Event    `json:"events"`
}

// PublishedTime parses Published as RFC 3339 or YYYY-MM-DD; ok is false when
// it is empty or malformed.
func (s *Story) PublishedTime() (t time.Time, ok bool) {
	if s.Published == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02"} {
		if t, err := time.Parse(layout, s.Published); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Check verifies a story's invariants: every span lies inside the text,
// start <= end, and its text field equals the slice of the text. It returns
// the first violation.
func (s *Story) Check() error {
	n := utf8.RuneCountInString(s.Text)
	runes := []rune(s.Text)
	chk := func(what string, a, b int, text string) error {
		if a < 0 || b > n || a > b {
			return fmt.Errorf("gold: %s: %s [%d,%d) outside text of %d code points", s.ID, what, a, b, n)
		}
		if got := string(runes[a:b]); got != text {
			return fmt.Errorf("gold: %s: %s [%d,%d) is %q, text field says %q", s.ID, what, a, b, got, text)
		}
		return nil
	}
	for _, e := range s.Entities {
		for _, m := range e.Mentions {
			if err := chk("mention of "+e.Name, m.Start, m.End, m.Text); err != nil {
				return err
			}
		}
	}
	for _, q := range s.Quotes {
		if err := chk("quote", q.Start, q.End, q.Text); err != nil {
			return err
		}
	}
	for _, c := range s.Counts {
		if err := chk("count", c.Start, c.End, c.Text); err != nil {
			return err
		}
	}
	for _, l := range s.Locations {
		if err := chk("location", l.Start, l.End, l.Text); err != nil {
			return err
		}
	}
	if _, ok := s.PublishedTime(); s.Published != "" && !ok {
		return fmt.Errorf("gold: %s: bad published %q", s.ID, s.Published)
	}
	return nil
}

// Read parses a gold JSONL stream, one Story per non-blank line, and checks
// each with Check.
func Read(r io.Reader) ([]*Story, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var out []*Story
	line := 0
	for sc.Scan() {
		line++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var s Story
		if err := json.Unmarshal(b, &s); err != nil {
			return nil, fmt.Errorf("gold: line %d: %w", line, err)
		}
		if err := s.Check(); err != nil {
			return nil, fmt.Errorf("gold: line %d: %w", line, err)
		}
		out = append(out, &s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold: read: %w", err)
	}
	return out, nil
}

// ReadFile reads a gold JSONL file with Read.
func ReadFile(path string) ([]*Story, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	defer f.Close()
	return Read(f)
}

// Write writes stories as JSONL, one per line.
func Write(w io.Writer, stories []*Story) error {
	for _, s := range stories {
		b, err := json.Marshal(s)
		if err != nil {
			return fmt.Errorf("gold: write %s: %w", s.ID, err)
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return fmt.Errorf("gold: write: %w", err)
		}
	}
	return nil
}
