package events_test

import "testing"

// TestConditionalThreat covers an act announced on a party's failure to
// act (a threat to that party, 130) and a stated refusal to buy from a
// party (121). The sentences are written for this test.
func TestConditionalThreat(t *testing.T) {
	runTriples(t, []tripleCase{
		{"would act if a party did not", "Officials said Chile would review the fishing quota if Peru did not open its market.",
			[]string{"130 CHL>PER"}, nil},
		{"will act if a party does not", "Chile will raise its tariffs if Peru does not cut its subsidies.",
			[]string{"130 CHL>PER"}, nil},
		{"a forecast is no threat", "Prices would fall if Peru did not cut output.",
			nil, []string{"13"}},
		{"would not buy", "Chile would not buy Peruvian fishmeal, officials said.",
			[]string{"121 CHL>PER"}, nil},
	})
}
