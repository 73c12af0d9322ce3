package events_test

import "testing"

// TestSourcesWithoutCountry covers sources the entities stage codes by
// their role and the story's country (issue 13): a jury, a department, a
// provincial leader, an adviser, a named armed group's "the rebels", and
// a commitment to stop an act, which is no such act. The sentences are
// written for this test.
func TestSourcesWithoutCountry(t *testing.T) {
	runRules(t, []ruleCase{
		{"grand jury indicts", "CHICAGO, June 2 - A federal grand jury on Tuesday indicted two executives of Acme Inc.",
			[]string{"17|USA|USA"}, nil},
		{"department criticises", "WASHINGTON, June 2 - The Energy Department accused Mexico of dumping steel in American markets, hurting U.S. mills in Ohio and Texas.",
			[]string{"11|USA|MEX"}, nil},
		{"provincial leaders complain", "OTTAWA, June 2 - Several provincial leaders complained of a lack of progress in the talks in Ottawa.",
			[]string{"11|CAN|"}, nil},
		{"the rebels are the named group", "Peru's government and the ELN rebel group met in Havana. Later the rebels freed two hostages, and the government praised the rebels.",
			[]string{"05|PER|COL"}, nil},
		{"a pledge to stop kidnapping is no kidnapping", "The deal commits the ELN rebels to stop kidnapping for ransom, Colombia said.",
			nil, []string{"18|COL|"}},
	})
}
