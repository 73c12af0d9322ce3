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
