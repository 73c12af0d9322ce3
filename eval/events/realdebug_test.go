package events

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	evcoder "github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/stages"
)

// heldOutStory reports whether story s of the gold file at path is held out
// (README.md of testdata/gold/events): every story of blind.jsonl and the
// Reuters half of real.jsonl. Debug output never prints one.
func heldOutStory(path string, s Story) bool {
	switch filepath.Base(path) {
	case "blind.jsonl", "heldout.jsonl":
		return true
	case "real.jsonl":
		return !strings.Contains(s.Corpus, "bbc")
	}
	return false
}

// TestDebugGoldReal prints each story's predicted and gold triples under the
// default pipeline, with the sentence mentions, when EVENTS_DEBUG_REAL is set
// (to 1 for the events gold, or to a gold file's path: reuters-dev.jsonl,
// real.jsonl). Held-out stories (heldOutStory) are never printed: blind.jsonl
// is refused and real.jsonl prints its BBC half only. EVENTS_DEBUG_BRIEF
// leaves out the mentions.
func TestDebugGoldReal(t *testing.T) {
	gp := os.Getenv("EVENTS_DEBUG_REAL")
	if gp == "" {
		t.Skip("EVENTS_DEBUG_REAL not set")
	}
	if gp == "1" {
		gp = goldPath(t)
	}
	if heldOutStory(gp, Story{}) && filepath.Base(gp) != "real.jsonl" {
		t.Fatalf("%s is held out: score it with eval events (aggregates only)", gp)
	}
	stories, err := LoadGold(gp)
	if err != nil {
		t.Fatal(err)
	}
	// EVENTS_DEBUG_SYNTAX runs the pipeline with the syntax stage
	p, err := stages.Default(stages.Config{Syntax: os.Getenv("EVENTS_DEBUG_SYNTAX") != ""})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range stories {
		if heldOutStory(gp, s) {
			continue // never read story by story
		}
		d := s.NewDocument()
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		r, _ := Score(Counted(d), s.Events)
		if r.FP == 0 && r.FN == 0 {
			continue
		}
		fmt.Printf("== %s %+v\n", s.ID, r)
		if os.Getenv("EVENTS_DEBUG_SENTENCES") != "" {
			for si, sn := range d.Sentences {
				fmt.Printf("  s%d %s\n", si+1, strings.Join(strings.Fields(d.Slice(sn.Span)), " "))
			}
		}
		for _, m := range d.Mentions {
			if os.Getenv("EVENTS_DEBUG_BRIEF") != "" {
				break
			}
			ea := ""
			if m.Entity >= 0 && m.Entity < len(d.Entities) {
				ea = d.Entities[m.Entity].Actor
			}
			fmt.Printf("  m %q %s/%s ent=%d/%s\n", d.Slice(m.Span), m.Type, m.Actor, m.Entity, ea)
		}
		for _, e := range d.Events {
			fmt.Printf("  pred s%d %s %q %s -> %s neg=%v hyp=%v\n", e.Sentence+1, e.Code, d.Slice(e.Span), actor(e.Source), actor(e.Target), e.Negated, e.Hypothetical)
		}
		for _, g := range s.Events {
			fmt.Printf("  gold %s %s -> %s %s\n", g.Code, g.Source, g.Target, g.Note)
		}
	}
}

// TestDebugTextReal prints the mentions and events of $EVENTS_DEBUG_TEXT
// under the default pipeline; it is skipped unless the variable is set.
func TestDebugTextReal(t *testing.T) {
	text := os.Getenv("EVENTS_DEBUG_TEXT")
	if text == "" {
		t.Skip("EVENTS_DEBUG_TEXT not set")
	}
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	d := Story{ID: "debug", Published: "2024-03-14", Text: text}.NewDocument()
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		fmt.Printf("  m %q %s/%s/%s ctx=%s ent=%d\n", d.Slice(m.Span), m.Type, m.Kind, m.Actor, m.ContextActor, m.Entity)
	}
	st, _ := evcoder.New(evcoder.Options{})
	for _, m := range st.Matches(d) {
		fmt.Printf("  match %s %q neg=%v hyp=%v\n", m.Code.Code, d.Slice(m.Span), m.Negated, m.Hypothetical)
	}
	for _, e := range d.Events {
		fmt.Printf("  %s %q %s -> %s %+v neg=%v hyp=%v rep=%v\n", e.Code, d.Slice(e.Span), actor(e.Source), actor(e.Target), e.Target, e.Negated, e.Hypothetical, e.Reported)
	}
}

func TestHeldOutStory(t *testing.T) {
	bbc := Story{Corpus: "corpus/bbc/test.csv"}
	reuters := Story{Corpus: "corpus/reuters21578/reut2-010.sgm"}
	dev := Story{Corpus: "corpus/reuters21578/reut2-004.sgm"}
	for _, c := range []struct {
		path string
		s    Story
		want bool
	}{
		{"testdata/gold/events/blind.jsonl", Story{}, true},
		{"../testdata/gold/all/heldout.jsonl", Story{}, true},
		{"testdata/gold/events/real.jsonl", reuters, true},
		{"testdata/gold/events/real.jsonl", Story{}, true},
		{"testdata/gold/events/real.jsonl", bbc, false},
		{"testdata/gold/events/reuters-dev.jsonl", dev, false},
		{"testdata/gold/events/gold.jsonl", Story{}, false},
	} {
		if got := heldOutStory(c.path, c.s); got != c.want {
			t.Errorf("heldOutStory(%s, %q) = %v, want %v", c.path, c.s.Corpus, got, c.want)
		}
	}
}
