package events_test

import "testing"

// TestOtherDay covers the same act between the same countries stated for
// two different days: two events, while a retelling of the same day's act
// stays one. The sentences are written for this test.
func TestOtherDay(t *testing.T) {
	runRules(t, []ruleCase{
		{"two days of talks", "Peru's foreign minister held talks with Chilean officials on Monday. On Tuesday, he held talks with the Chilean president.",
			[]string{"04|PER|CHL", "04|PER|CHL"}, nil},
	})
	got := pipelineTriples(t, "Peru's foreign minister held talks with Chilean officials on Monday. The talks with Chile were frank, he said.")
	n := 0
	for _, g := range got {
		if g == "04|PER|CHL" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a retelling is one event: got %v", got)
	}
}
