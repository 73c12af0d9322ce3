package events_test

import "testing"

// TestDatelineVisit checks that a visit or an arrival "here" goes to the
// dateline's country (data/words.txt [datelineAnaphors]) and that a visit
// named in an adjunct after a speech verb is the speaker's ([framingWords]).
func TestDatelineVisit(t *testing.T) {
	runRules(t, []ruleCase{
		{"arrived here", "LIMA, May 4 - Bolivian Trade Minister Ana Rojas arrived here on Monday for two days of meetings.",
			[]string{"04|BOL|PER"}, nil},
		{"visit here", "NAIROBI, May 4 - Ugandan Foreign Minister Sam Okello said at the close of a short visit here that trade would grow.",
			[]string{"04|UGA|KEN"}, nil},
		{"no dateline", "Ugandan Foreign Minister Sam Okello said on Monday that talks had gone well here.",
			nil, []string{"04|UGA|"}},
	})
}

// TestFirmsAreParties checks that firms named after a nationality and a
// business noun take its country (entities [modifierWords]) and that two
// firms with one code are two parties of a talk, both ways; two names of
// one country stay one party.
func TestFirmsAreParties(t *testing.T) {
	runRules(t, []ruleCase{
		{"two firms", "Soviet Deputy Prime Minister Ivan Petrov held talks with Dutch firms Philips and Akzo Nobel on Monday.",
			[]string{"04|RUS|NLD", "04|RUS|NLD", "04|NLD|RUS", "04|NLD|RUS"}, nil},
	})
}

// TestHazardOpensClause checks that a natural hazard opening a sentence,
// with a place after it, is no actor: refine's hazardLead and the hazard
// discards cover what the deleted hazardClause did.
func TestHazardOpensClause(t *testing.T) {
	runRules(t, []ruleCase{
		{"earthquake in a country", "An earthquake in Chile killed 20 people on Monday.", nil, []string{"18|CHL|CHL", "18||CHL", "19|CHL|CHL", "20|CHL|CHL", "20||CHL"}},
		{"floods in a province", "Floods in the northern province of Kenya have killed six.", nil, []string{"18|KEN|KEN", "18||KEN", "19|KEN|KEN", "20|KEN|KEN", "20||KEN"}},
	})
}

// TestByPhraseModifiers checks that a "by" phrase finds its name past
// lower-case modifiers and a title (coder.byHead), for the author of a
// thing rejected and for a passive's agent.
func TestByPhraseModifiers(t *testing.T) {
	runRules(t, []ruleCase{
		{"author of a lawsuit", "A Kenyan judge dismissed a lawsuit by the sacked Ugandan envoy Sam Okello on Monday.", []string{"12|KEN|UGA"}, nil},
		{"passive agent", "Two Kenyan soldiers were killed by heavily armed Somali militiamen on Monday.", []string{"18|SOM|KEN"}, nil},
	})
}
