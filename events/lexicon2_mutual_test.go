package events_test

import "testing"

// TestLexicon2Mutual covers policy rule 6: mutual acts are coded in both
// directions and among every party of a multi-party signing, while directed
// acts (visits, hosting, mediation, attacks) are not mirrored.
func TestLexicon2Mutual(t *testing.T) {
	runTriples(t, []tripleCase{
		{"talks with", "Chile held talks with Peru in Lima on Thursday.",
			[]string{"040 CHL>PER", "040 PER>CHL"}, nil},
		{"three-party signing", "Kenya and Uganda signed a pipeline accord with Tanzania on Friday.",
			[]string{"057 KEN>UGA", "057 UGA>KEN", "057 KEN>TZA", "057 TZA>KEN", "057 UGA>TZA", "057 TZA>UGA"}, nil},
		{"visit stays one way", "The Chilean president visited Peru on Monday.",
			[]string{"042 CHLGOV>PER"}, []string{"042 PER"}},
		{"hosting stays one way", "Qatar hosted talks between Chad and Sudan.",
			nil, []string{"043 CHD", "043 SDN"}},
		{"attack stays one way", "Ethiopian troops shelled a town in Eritrea on Monday.",
			nil, []string{"19 ERI", "194 ERI"}},
	})
}
