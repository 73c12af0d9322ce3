package events_test

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"newsgraph/document"
	"newsgraph/events"
	"newsgraph/events/eventstest"
)

// TestDebugText prints the events of $EVENTS_DEBUG_TEXT; it is skipped
// unless the variable is set.
func TestDebugText(t *testing.T) {
	text := os.Getenv("EVENTS_DEBUG_TEXT")
	if text == "" {
		t.Skip("EVENTS_DEBUG_TEXT not set")
	}
	d := document.New("debug", text)
	pub := time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)
	d.Published = &pub
	eventstest.Prepare(d)
	for _, m := range d.Mentions {
		fmt.Printf("mention %q %s\n", d.Slice(m.Span), m.Actor)
	}
	s, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	for _, e := range d.Events {
		fmt.Printf("%s %q src=%s tgt=%s neg=%v hyp=%v rep=%v root=%v date=%s\n", e.Code, d.Slice(e.Span), act(e.Source), act(e.Target), e.Negated, e.Hypothetical, e.Reported, e.IsRoot, e.Date)
	}
}

func act(p *document.Participant) string {
	if p == nil {
		return "-"
	}
	return p.Actor
}
