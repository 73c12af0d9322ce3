package events_test

import "testing"

// TestLexiconWire4 covers the wire-copy acts of the sixth pass: a party
// persuaded to act (an appeal, also when only tried), readiness to
// retaliate (a threat), an agreement with a party to act, terms agreed
// between two parties, a stated opposition (120), and a visit or meeting
// that is planned or announced (a stated intent to meet, 036). The
// sentences are written for this test.
func TestLexiconWire4(t *testing.T) {
	runTriples(t, []tripleCase{
		{"tried to persuade", "Chile is trying to persuade Peru to lower its tariffs.",
			[]string{"020 CHL>PER"}, nil},
		{"persuaded a party", "Chile persuaded Peru to lower its tariffs.",
			[]string{"020 CHL>PER"}, nil},
		{"prepared to retaliate", "Chile is prepared to retaliate against Peru.",
			[]string{"130 CHL>PER"}, nil},
		{"agreed with a party to act", "Chile agreed with Peru to share fishing data.",
			[]string{"050 CHL>PER", "050 PER>CHL"}, nil},
		{"quota agreed between two states", "The fishing quotas agreed between Chile and Peru expire in May.",
			[]string{"057 CHL>PER", "057 PER>CHL"}, nil},
		{"remains opposed to a plan", "Chile remains opposed to the fishing plan.",
			[]string{"120 CHL>"}, nil},
		{"unwilling to act", "Chile is unwilling to put fishing quotas on the agenda.",
			[]string{"120 CHL>"}, nil},
		{"will visit", "The Chilean foreign minister will visit Peru next month.",
			[]string{"036 CHLGOV>PER"}, []string{"042"}},
		{"planning to visit", "Chilean officials are planning to visit Peru next month.",
			[]string{"036 CHLGOV>PER"}, []string{"042"}},
	})
}

// TestPlaceListNoSubject covers a list of places after a locative
// preposition: its later conjuncts are places too, not the subject of the
// participle that follows. The sentences are written for this test.
func TestPlaceListNoSubject(t *testing.T) {
	runTriples(t, []tripleCase{
		{"places before a participle", "Chilean officials will spend two weeks in Lima, Quito and Bogota discussing the plan with regulators.",
			nil, []string{"040"}},
		{"a list of subjects", "Chile and Peru held talks on fishing.",
			[]string{"040 CHL>PER", "040 PER>CHL"}, nil},
	})
}
