package events

import (
	"context"
	"fmt"
	"os"
	"testing"
)

// TestDebugGold prints each story's predicted and gold triples when
// EVENTS_DEBUG is set.
func TestDebugGold(t *testing.T) {
	if os.Getenv("EVENTS_DEBUG") == "" {
		t.Skip("EVENTS_DEBUG not set")
	}
	stories, err := LoadGold(goldPath(t))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := Standalone()
	for _, s := range stories {
		d := s.NewDocument()
		if err := p(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		r, _ := Score(Counted(d), s.Events)
		if r.FP == 0 && r.FN == 0 {
			continue
		}
		fmt.Printf("== %s %+v\n%s\n", s.ID, r, s.Text)
		for _, e := range d.Events {
			fmt.Printf("  pred %s %q %s -> %s neg=%v hyp=%v\n", e.Code, d.Slice(e.Span), actor(e.Source), actor(e.Target), e.Negated, e.Hypothetical)
		}
		for _, g := range s.Events {
			fmt.Printf("  gold %s %s -> %s\n", g.Code, g.Source, g.Target)
		}
	}
}
