package events_test

import "testing"

// TestOppositionAndLists covers a stated opposition to a proposed measure
// (120, with the measure's author as target when it has one; a deal only
// with its party named) and a list
// of three or more subjects opening the clause, each the source of its
// own event (listHead). The sentences are written for this test.
func TestOppositionAndLists(t *testing.T) {
	runTriples(t, []tripleCase{
		{"four states oppose a levy", "Chile, Peru, Brazil and Ecuador oppose the fishing levy.",
			[]string{"120 CHL>", "120 PER>", "120 BRA>", "120 ECU>"}, nil},
		{"a list after a determiner", "Chile, Peru, the Netherlands and Ecuador oppose the fishing levy.",
			[]string{"120 CHL>", "120 PER>", "120 NLD>", "120 ECU>"}, nil},
		{"a list after a speech verb", "Officials said Chile, Peru and Brazil opposed the proposed tariff.",
			[]string{"120 CHL>", "120 PER>", "120 BRA>"}, nil},
		{"a list of subjects of another verb", "Chile, Peru and Brazil condemned Ecuador.",
			[]string{"111 CHL>ECU", "111 PER>ECU", "111 BRA>ECU"}, nil},
		{"the author of the plan opposed", "Chile opposes Peru's plan to widen the port.",
			[]string{"120 CHL>PER"}, nil},
		{"a named party's deal opposed", "Chile opposes Peru's proposed takeover of the port firm.",
			[]string{"120 CHL>PER"}, nil},
		{"a deal with no party named", "Chile opposed the planned sale.",
			nil, []string{"12"}},
		{"opposing forces are no rejection", "Chilean and Peruvian troops faced opposing forces near the border.",
			nil, []string{"12"}},
		{"a place list is no subject", "Officials in Lima, Quito and Bogota said Chile opposed the tariff.",
			[]string{"120 CHL>"}, []string{"120 PER", "120 ECU", "120 COL"}},
	})
}

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
		{"a judgement is no threat", "Officials said Chile would be worse off if Peru did not pay its share.",
			nil, []string{"13"}},
		{"a concession is no threat", "Chile will fund the port even if Peru does not pay its share.",
			nil, []string{"13"}},
		{"would not buy", "Chile would not buy Peruvian fishmeal, officials said.",
			[]string{"121 CHL>PER"}, nil},
	})
}

// TestWestGermany covers the 1980s name of the Federal Republic in wire
// copy (actors/data/actors/15-historical.tsv): DEU, as CAMEO codes it.
func TestWestGermany(t *testing.T) {
	runRules(t, []ruleCase{
		{"West Germany opposes", "BONN, March 3 - West Germany opposes the proposed levy, officials said.",
			[]string{"12|DEU|"}, nil},
	})
}
