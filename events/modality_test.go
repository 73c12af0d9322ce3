package events_test

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/stages"
)

// TestConditionScope checks issue 13's modality errors: an act in an
// "until", "if", "unless" or "whether" clause is pending or conditional
// (hypothetical) however far the subject pushes the conjunction from the
// trigger; a noun after "expect" or "fear" is a prospect; the plain acts
// are still coded as events that happened (default pipeline). Each event is given as its
// trigger span, root and flags. The sentences are written for this test.
func TestConditionScope(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"until it agrees", "Canada will withhold funds from the bank until it agrees to stop lending to Chile.",
			[]string{"agrees to stop@50-64 08 hyp"}},
		{"if after a long subject", "Peru will appeal if the Andean Community trade tribunal rejects the claim.",
			[]string{"rejects@56-63 12 hyp"}},
		{"unless", "Chile will leave the talks unless the Bolivian government agrees to withdraw its troops.",
			[]string{"agrees to withdraw@58-76 08 hyp"}},
		{"expected attacks", "The Iraqi commander warned his troops to expect Iranian attacks on Basra.",
			[]string{"attacks on@56-66 19 hyp"}},
		{"plain agreement", "The Chilean central bank agreed to stop lending to Peru.",
			[]string{"agreed to stop@25-39 08"}},
		{"plain rejection", "The Andean Community trade tribunal rejected the claim by Peru.",
			[]string{"rejected@36-44 12"}},
		{"plain attacks", "Iranian attacks on Basra continued on Monday.",
			[]string{"attacks on@8-18 19"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pipeOnce.Do(func() { pipe, pipeErr = stages.Default(stages.Config{}) })
			if pipeErr != nil {
				t.Fatal(pipeErr)
			}
			d := document.New("t", tt.text)
			d.Published = testPublished()
			if err := pipe.Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range d.Events {
				s := fmt.Sprintf("%s@%d-%d %s", d.Text[e.Start:e.End], e.Start, e.End, e.Root)
				if e.Negated {
					s += " neg"
				}
				if e.Hypothetical {
					s += " hyp"
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("events %q, want %q", got, tt.want)
			}
		})
	}
}
