package events_test

import (
	"context"
	"testing"
)

// TestPloverTypes checks the PLOVER types that differ from the CAMEO
// code's default mapping, following the PLOVER manual: declared ceasefires
// and promised withdrawals are CONCEDE, implemented ones RETREAT;
// indictments and charges are ACCUSE (allege); resignations are RETREAT;
// calling off a protest is CONCEDE.
func TestPloverTypes(t *testing.T) {
	tests := []struct{ text, code, plover string }{
		{"The Ugandan government declared a ceasefire with the rebels on Sunday.", "0871", "CONCEDE"},
		{"Rebels in Chad announced a suspension of attacks against the army.", "0871", "CONCEDE"},
		{"Ethiopia agreed to withdraw its soldiers from Somalia.", "0874", "CONCEDE"},
		{"Armenian forces withdrew from the border villages on Friday.", "0874", "RETREAT"},
		{"Israel would withdraw its troops from Lebanon next year, officials said.", "0874", "CONCEDE"},
		{"A Kenyan court indicted two ministers on Monday.", "173", "ACCUSE"},
		{"Brazilian police charged the senator with fraud.", "173", "ACCUSE"},
		{"Brazilian police arrested the senator on Monday.", "173", "COERCE"},
		{"The European Union imposed sanctions on Belarus.", "163", "SANCTION"},
		{"Uzbekistan expelled a British journalist on Friday.", "174", "COERCE"},
		{"Uzbekistan expelled the British ambassador on Friday.", "166", "SANCTION"},
		{"The Italian defence minister resigned on Friday.", "0831", "RETREAT"},
		{"Serbian students called off their protests after the talks.", "082", "CONCEDE"},
	}
	st := newStage(t)
	for _, tt := range tests {
		d := prepared(tt.text, nil)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range st.Matches(d) {
			if m.Code.Code == tt.code {
				found = true
				if m.Plover != tt.plover {
					t.Errorf("%q: %s is %s, want %s", tt.text, tt.code, m.Plover, tt.plover)
				}
			}
		}
		if !found {
			var got []string
			for _, m := range st.Matches(d) {
				got = append(got, m.Code.Code)
			}
			t.Errorf("%q: no %s match in %v", tt.text, tt.code, got)
		}
	}
}

// TestLexiconMatches checks that each sentence has a match of the given
// code, and the counter-examples none.
func TestLexiconMatches(t *testing.T) {
	tests := []struct {
		text, code string
		match      bool
	}{
		{"Morocco declared a cease-fire with the rebels.", "0871", true},
		{"The Armenian truce took effect at midnight.", "0871", true},
		{"Ceasefire talks were held in Doha on Monday.", "0871", false},
		{"Turkish troops pulled their forces out of the town.", "0874", true},
		{"Chile and Peru cooperate on fisheries management.", "050", true},
		{"Korean firms increased investment in Vietnam.", "061", true},
		{"A Saudi company formed a joint venture with an Egyptian bank.", "061", true},
		{"Ghana and Togo set up a working group on border trade.", "060", true},
		{"UN observers were allowed back into the region on Friday.", "086", true},
		{"Armenia called up reservists on Sunday.", "154", true},
		{"The Thai cabinet extended martial law for another month.", "1724", true},
		{"Police beat protesters outside the parliament in Lima.", "182", true},
		{"Brazil beat Argentina 2-1 in the final.", "182", false},
		{"The Iranian government blocked social media after the protests.", "1721", true},
		{"Guinean students called off their strike on Monday.", "082", true},
		{"The Malian junta withdrew from the peace talks in Algiers.", "164", true},
		{"Sanctions on Iranian oil took effect on Friday.", "163", true},
		{"Japan and Vietnam signed a new aid package.", "070", true},
		{"Kenya and Uganda deepened security cooperation in May.", "062", true},
		{"France and Morocco expanded judicial cooperation.", "063", true},
		{"Russia and Iran signed a defence treaty in Moscow.", "057", true},
		{"The Sudanese army said it was ready to negotiate with the rebels.", "036", true},
		{"Kenya called for an independent inquiry into the deaths.", "020", true},
		{"The governor asked the Brazilian government for help.", "023", true},
		{"Amnesty called the Egyptian verdict a sham.", "111", true},
		{"Red Cross teams distributed food and blankets in Tripoli.", "073", true},
		{"Nepal requested a meeting with the Indian prime minister.", "026", true},
		{"The Polish general declined a request for talks with Belarus.", "122", true},
		{"Serbia turned down the request from Kosovo.", "122", true},
		{"Pakistan halted talks with the Taliban.", "164", true},
		{"The Chilean government accepted the union demands.", "083", true},
		{"Germany suspended aid to Niger after the coup.", "162", true},
		{"The Indian president began a tour of Africa.", "042", true},
		{"China agreed to forgive debts owed by Zambia.", "071", true},
		{"Zambia won debt relief from its creditors.", "071", true},
		{"A new arms shipment reached Ukraine on Monday.", "072", true},
		{"Food aid arrived in northern Gaza on Sunday.", "073", true},
		{"India imports oil from Russia.", "061", true},
		{"Police made 40 arrests in Lagos.", "173", true},
		{"Police clashed with rioters in Nairobi.", "145", true},
		{"A Liberian warlord was found guilty of war crimes.", "173", true},
		{"An investigation began into the Lagos shooting.", "090", true},
		{"The UN sent a fact-finding mission to Myanmar.", "090", true},
		{"Ghana approves of Togo's new policy.", "051", true},
		{"Russia resumed airstrikes on Idlib.", "195", true},
		{"Nepal eased restrictions on travel to Tibet.", "081", true},
		{"Authorities imposed restrictions on movement in Kashmir.", "172", true},
		{"The Thai army threatened to crush the protests.", "133", true},
	}
	st := newStage(t)
	for _, tt := range tests {
		d := prepared(tt.text, nil)
		found := false
		var got []string
		for _, m := range st.Matches(d) {
			got = append(got, m.Code.Code)
			found = found || m.Code.Code == tt.code
		}
		if found != tt.match {
			t.Errorf("%q: match %s = %v, want %v (matches %v)", tt.text, tt.code, found, tt.match, got)
		}
	}
}

// TestHeadlineAdjunct checks that a headline's temporal adjunct does not
// add a trigger next to the headline's verb, while running text keeps it.
func TestHeadlineAdjunct(t *testing.T) {
	st := newStage(t)
	codes := func(text string) map[string]bool {
		d := prepared(text, nil)
		out := map[string]bool{}
		for _, m := range st.Matches(d) {
			out[m.Code.Base()] = true
		}
		return out
	}
	if got := codes("Rebel Leaders Concede Defeat After Meeting with Army Chiefs"); got["044"] || !got["080"] {
		t.Errorf("headline: got %v, want 080 without 044", got)
	}
	if got := codes("Army Recruits Militias As Talks Fail in the North"); got["040"] {
		t.Errorf("headline with as-adjunct: got %v, want no 040", got)
	}
	if got := codes("Malian rebels signed the accord after a meeting with the army in Algiers."); !got["044"] {
		t.Errorf("running text: got %v, want 044 kept", got)
	}
}
