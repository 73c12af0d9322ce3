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

	"newsgraph/document"
	"newsgraph/events"
	"newsgraph/stages"
)

// TestDebugActors prints, for the stories of the gold file
// $ACTORS_DEBUG_GOLD whose ids are listed in $ACTORS_DEBUG_IDS, every
// sentence's mentions with their tagged, entity and resolved actor codes,
// the locations and the events. It is skipped unless both are set.
func TestDebugActors(t *testing.T) {
	path, ids := os.Getenv("ACTORS_DEBUG_GOLD"), os.Getenv("ACTORS_DEBUG_IDS")
	if path == "" || ids == "" {
		t.Skip("ACTORS_DEBUG_GOLD / ACTORS_DEBUG_IDS not set")
	}
	want := map[string]bool{}
	for _, id := range strings.Split(ids, ",") {
		want[id] = true
	}
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
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
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		codes, _ := events.ResolveActorsForTest(d)
		fmt.Printf("===== %s\n", s.ID)
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
				fmt.Printf("   m%d %q %s/%v actor=%s ent=%d/%s -> %s\n", mi, d.Slice(m.Span), m.Type, m.Kind, m.Actor, m.Entity, ea, codes[mi])
			}
		}
		for _, l := range d.Locations {
			fmt.Printf("   loc %q %s %s m=%d\n", l.Name, l.Country, l.Feature, l.Mention)
		}
		for _, e := range d.Events {
			fmt.Printf("   ev %s %q %s -> %s\n", e.Code, d.Slice(e.Span), pa(e.Source), pa(e.Target))
		}
	}
}

func pa(p *document.Participant) string {
	if p == nil {
		return "-"
	}
	return p.Actor
}
