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
