package events_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/stages"
)

// TestDebug is the package's debug dump; it is skipped unless its input is
// set. It runs the default pipeline on the text $EVENTS_DEBUG_TEXT
// (published 14 March 2024), or on the stories of the gold file
// $EVENTS_DEBUG_GOLD whose ids are listed, comma-separated, in
// $EVENTS_DEBUG_IDS, and prints every sentence's mentions with their
// tagged, entity and resolved actor codes, the locations, and the events
// with their flags:
//
//	EVENTS_DEBUG_TEXT='Russia shelled Kharkiv.' go test -run TestDebug ./events
//	EVENTS_DEBUG_GOLD=$PWD/testdata/gold/events/gold.jsonl EVENTS_DEBUG_IDS=a,b go test -run TestDebug ./events
func TestDebug(t *testing.T) {
	text, path, ids := os.Getenv("EVENTS_DEBUG_TEXT"), os.Getenv("EVENTS_DEBUG_GOLD"), os.Getenv("EVENTS_DEBUG_IDS")
	if text == "" && (path == "" || ids == "") {
		t.Skip("EVENTS_DEBUG_TEXT or EVENTS_DEBUG_GOLD and EVENTS_DEBUG_IDS not set")
	}
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	dump := func(d *document.Document) {
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		fmt.Printf("===== %s\n", d.ID)
		for si, sn := range d.Sentences {
			fmt.Printf("S%d %s\n", si, d.Text[d.Tokens[sn.FirstToken].Start:d.Tokens[sn.EndToken-1].End])
			for mi, m := range d.Mentions {
				if d.SentenceAt(m.Start) != si {
					continue
				}
				ea := ""
				if m.Entity >= 0 {
					ea = d.Entities[m.Entity].Actor
				}
				fmt.Printf("   m%d %q %s/%v actor=%s ent=%d/%s -> %s\n", mi, d.Slice(m.Span), m.Type, m.Kind, m.Actor, m.Entity, ea, m.ContextActor)
			}
		}
		for _, l := range d.Locations {
			fmt.Printf("   loc %q %s %s m=%d\n", l.Name, l.Country, l.Feature, l.Mention)
		}
		for _, e := range d.Events {
			fmt.Printf("   ev %s %q %s -> %s neg=%v hyp=%v rep=%v root=%v date=%s\n", e.Code, d.Slice(e.Span), debugActor(e.Source), debugActor(e.Target), e.Negated, e.Hypothetical, e.Reported, e.IsRoot, e.Date)
		}
	}
	if text != "" {
		d := document.New("debug", text)
		pub := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
		d.Published = &pub
		dump(d)
	}
	if path == "" || ids == "" {
		return
	}
	want := map[string]bool{}
	for _, id := range strings.Split(ids, ",") {
		want[id] = true
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var s struct{ ID, Text, Published string }
		if json.Unmarshal(sc.Bytes(), &s) != nil || !want[s.ID] {
			continue
		}
		d := document.New(s.ID, s.Text)
		if tm, err := time.Parse("2006-01-02", s.Published); err == nil {
			d.Published = &tm
		}
		dump(d)
	}
}

// debugActor returns a participant's actor code ("-" for none).
func debugActor(p *document.Participant) string {
	if p == nil {
		return "-"
	}
	return p.Actor
}
