package events_test

import (
	"strings"
	"testing"
)

// lexicon2Case is one sentence with the events it must and must not yield
// ("CODE SRC>TGT"; a "not" entry is a prefix).
type lexicon2Case struct {
	name, text string
	want, not  []string
}

func runLexicon2(t *testing.T, tests []lexicon2Case) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(t, tt.text)
			all := strings.Join(got, "; ")
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %q in [%s]", w, all)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if strings.HasPrefix(g, n) {
						t.Errorf("unwanted %q in [%s]", n, all)
					}
				}
			}
		})
	}
}

// TestLexicon2Mutual covers policy rule 6: mutual acts are coded in both
// directions and among every party of a multi-party signing, while directed
// acts (visits, hosting, mediation, attacks) are not mirrored.
func TestLexicon2Mutual(t *testing.T) {
	runLexicon2(t, []lexicon2Case{
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
