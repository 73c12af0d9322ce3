package events_test

import (
	"testing"
)

// TestMainEvent checks the story's main event: the lead decides, hazards
// and negated acts do not vote, announced violence is a threat.
func TestMainEvent(t *testing.T) {
	tests := []struct {
		name, text, want, trigger string
		coded                     bool // the main event points at a coded event
	}{
		{"lead decides", "Russian forces shelled the Ukrainian city of Kharkiv on Tuesday. Ukraine later urged its allies to send more air defences. Officials met in Kyiv to discuss repairs.",
			"ASSAULT", "shelled", true},
		{"later appeals do not outvote the lead", "Kenya and Uganda signed a trade agreement on Monday. Kenya urged Uganda to cut tariffs. Uganda urged Kenya to open its ports. Kenya urged donors to help.",
			"COOPERATE", "signed a trade agreement", true},
		{"hazard verbs do not vote", "Floods killed 40 people in western Kenya on Monday. The Kenya Red Cross appealed for boats and tents.",
			"REQUEST", "appealed for", true},
		{"announced violence is a threat", "Iran will attack any ship that enters its waters, Iranian officials said on Tuesday.",
			"THREATEN", "attack", false},
		{"negated acts do not vote", "Israel did not attack Iran overnight, an Israeli military spokesman said. Iran condemned Israel.",
			"ACCUSE", "condemned", true},
		{"no trigger", "Shares in the bank rose 4 percent on Tuesday after quarterly results.", "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, evs := code(t, tc.text)
			m := d.MainEvent
			if tc.want == "" {
				if m != nil {
					t.Fatalf("main event %+v, want none", *m)
				}
				return
			}
			if m == nil {
				t.Fatalf("no main event, want %s", tc.want)
			}
			if m.Plover != tc.want || d.Slice(m.Span) != tc.trigger {
				t.Errorf("main event %s %q, want %s %q", m.Plover, d.Slice(m.Span), tc.want, tc.trigger)
			}
			if tc.coded != (m.Event >= 0) {
				t.Errorf("main event points at event %d, want coded=%v", m.Event, tc.coded)
			}
			if m.Event >= 0 && evs[m.Event].Plover != m.Plover {
				t.Errorf("event %d is %s, not %s", m.Event, evs[m.Event].Plover, m.Plover)
			}
		})
	}
}
