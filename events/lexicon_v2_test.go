package events_test

import (
	"strings"
	"testing"
)

// TestLexiconV2 covers triggers and filters added for the v2 conventions:
// signed and initialled accords, legislative rejections, releases named as
// nouns, money pledges, reduced passives, past-tense verbs after a name,
// and events that need a target to be an interaction.
func TestLexiconV2(t *testing.T) {
	runTriples(t, []tripleCase{
		{"initialled accord", "Serbia and Kosovo initialled a trade agreement in Brussels on Monday.",
			[]string{"057 SRB>KOS", "057 KOS>SRB"}, nil},
		{"voted down", "Kenyan lawmakers voted down a loan deal with China on Tuesday.",
			[]string{"120 KENLEG>CHN"}, nil},
		{"release as noun", "An Egyptian court ordered the release of 30 detainees on Sunday.",
			[]string{"0841 EGYJUD>"}, nil},
		{"promised money", "Japan promised another 200 million dollars to Ukraine.",
			[]string{"0331 JPN>UKR"}, nil},
		{"reduced passive", "Sudanese villagers seized by RSF fighters were freed on Sunday.",
			nil, []string{"171 SDNCVL"}},
		{"past tense after a name", "Hundreds of Georgians rallied in Tbilisi on Friday.",
			[]string{"141 GEO>"}, nil},
		{"investigating a thing", "Nigerian police are investigating the fire at the market.",
			nil, []string{"090"}},
		{"investigating an actor", "Nigerian police are investigating the Kenyan embassy.",
			[]string{"090 NGACOP>KENGOV"}, nil},
		{"resignation alone", "The Peruvian prime minister resigned on Friday.",
			nil, []string{"0831"}},
		{"domestic trip", "The Kenyan president visited Kenya's flooded west on Monday.",
			nil, []string{"042"}},
		{"foreign visit", "The Kenyan president visited Ethiopia on Monday.",
			[]string{"042 KENGOV>ETH"}, nil},
	})
}

// TestHeadlineCase checks that title-case headlines with lowercase function
// words still read their capitalized verbs as verbs.
func TestHeadlineCase(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Government of Chile Makes Concessions to Striking Miners", "080"},
		{"Egypt Suspends Talks with Ethiopia over Nile Dam", "164"},
		{"Russia condemned Ukraine in a statement.", "111"},
	}
	for _, tt := range tests {
		found := false
		for _, g := range triples(t, tt.text) {
			found = found || strings.HasPrefix(g, tt.want+" ")
		}
		if !found {
			t.Errorf("%q: no %s event in %v", tt.text, tt.want, triples(t, tt.text))
		}
	}
}

// TestYieldAndGerunds covers agreements to yield, boycotts of meetings,
// dropped projects, expressions of respect, gerunds after "of" and
// prospects that have not happened.
func TestYieldAndGerunds(t *testing.T) {
	runTriples(t, []tripleCase{
		{"agreed to halt", "Israel agreed on Sunday to halt demolitions in the Palestinian village.",
			[]string{"080 ISR>"}, nil},
		{"agreed to withdraw", "Rwanda agreed to withdraw its troops from Congo.",
			[]string{"0874 RWA>COD"}, nil},
		{"shunned summit", "Mali and Niger shunned the regional summit in Abuja.",
			[]string{"143 MLI>"}, nil},
		{"shuttered project", "Peru shuttered the mining project after weeks of protests.",
			[]string{"0832 PER>"}, nil},
		{"expressed respect", "India expressed respect for Nepal's sovereignty.",
			[]string{"051 IND>NPL"}, nil},
		{"gerund after of", "Russia began the process of withdrawing its troops from Armenia.",
			[]string{"0874 RUS>ARM"}, nil},
		{"gerund after for is the object's act", "Colombia praised the rebels for releasing three soldiers.",
			nil, []string{"0841 COL"}},
		{"promised arrests", "The Iraqi government promised arrests of the bombers.",
			nil, []string{"173"}},
		{"condition after the trigger", "Sudanese militias attack Chadian convoys if drivers refuse to pay.",
			nil, []string{"180"}},
		{"prospect of an act", "Egypt raised the possibility of suspending talks with Ethiopia.",
			nil, []string{"164"}},
	})
}
