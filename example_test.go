package newsgraph_test

import (
	"context"
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/document"
)

// A story of our own, for the examples.
const story = `MADRID, March 3 (Newsgraph) — Spanish Foreign Minister Ana Ortega met her Moroccan counterpart in Rabat on Monday and urged both governments to reopen the border crossings. "We cannot keep families apart for another summer," Ortega told reporters after the meeting. Officials said about 4,000 trucks were stuck at the ports.`

// Extract a string in five lines: quotes with their speakers, coded
// events, and numbers with what they count.
func Example() {
	x, err := newsgraph.New()
	if err != nil {
		log.Fatal(err)
	}
	r, err := x.Extract(context.Background(), story)
	if err != nil {
		log.Fatal(err)
	}
	for _, q := range r.Quotes {
		fmt.Printf("quote: %s (%s)\n", q.Text, q.Speaker.Name)
	}
	for _, e := range r.Events {
		fmt.Printf("event %s %q: %s -> %s\n", e.Code, e.Text, actor(e.Source), actor(e.Target))
	}
	for _, c := range r.Counts {
		fmt.Printf("count: %v %s\n", c.Value, *c.Object)
	}
	// Output:
	// quote: We cannot keep families apart for another summer, (Ana Ortega)
	// event 044 "met her Moroccan counterpart": ESPGOV -> MARGOV
	// event 020 "urged both": ESPGOV -> -
	// event 044 "met her Moroccan counterpart": MARGOV -> ESPGOV
	// count: 4000 trucks
}

// actor returns an event participant's CAMEO code, "-" when there is none.
func actor(a *document.OutActor) string {
	if a == nil || a.Actor == nil {
		return "-"
	}
	return *a.Actor
}

// Entities come with their CAMEO actor codes.
func ExampleExtractor_Extract() {
	x, err := newsgraph.New()
	if err != nil {
		log.Fatal(err)
	}
	r, err := x.Extract(context.Background(), story)
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range r.Entities {
		if e.Actor != nil {
			fmt.Println(e.Name, e.Type, *e.Actor)
		}
	}
	// Output:
	// Newsgraph ORG MED
	// Ana Ortega PERSON ESPGOV
	// Moroccan counterpart PERSON MARGOV
	// Officials ORG GOV
}

// WithExplain says which named step decided each quote's speaker.
func ExampleWithExplain() {
	x, err := newsgraph.New(newsgraph.WithExplain(), newsgraph.WithoutStages("events", "counts"))
	if err != nil {
		log.Fatal(err)
	}
	r, err := x.Extract(context.Background(), story)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range r.Explain {
		if t.Layer == "quotes" {
			fmt.Printf("quote %d: %s, by step %q\n", t.Index, t.Detail, t.Step)
		}
	}
	// Output:
	// quote 0: Ana Ortega, by step "cue after the quote"
}
