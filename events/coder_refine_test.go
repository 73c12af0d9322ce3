package events_test

import "testing"

// TestRefineConventions covers the coding conventions applied over a
// sentence's matches: killings as attack outcomes, killings coded by
// their perpetrator, attacks coded by weapon, missile tests, declined
// comments, welcomes without an actor and protest demands.
func TestRefineConventions(t *testing.T) {
	runTriples(t, []tripleCase{
		{"outcome participle", "Russian troops shelled Odesa on Friday, killing six people.",
			[]string{"194 RUSMIL>UKR"}, []string{"186 ", "190 ", "180 "}},
		{"outcome relative", "A Turkish air strike on a village in Iraq killed five shepherds.",
			nil, []string{"186 ", "180 "}},
		{"outcome coordinated", "Insurgents killed nine farmers and torched their huts in an attack on Mali's central region.",
			nil, []string{"186 ", "190 "}},
		{"attack in an adjunct", "Rebels killed nine Malian villagers in an attack on Mopti.",
			[]string{"180 >MLICVL"}, []string{"186 ", "190 "}},
		{"air strike in an adjunct", "Israeli forces killed six Palestinians in an air strike on Gaza.",
			[]string{"195 ISRMIL>PSE"}, []string{"186 ", "180 "}},
		{"warned of violence", "Egypt warned that Egyptian jets would strike Libya if the militias advanced.",
			[]string{"138 EGYMIL>LBY"}, []string{"195 "}},
		{"standalone by troops", "Ethiopian soldiers killed 40 fighters near the border on Sunday.",
			[]string{"190 ETHMIL>"}, []string{"186 ", "180 "}},
		{"standalone by armed group", "Militants killed 14 Malian villagers on Sunday.",
			[]string{"180 >MLICVL"}, []string{"186 ", "190 "}},
		{"named official", "Gunmen shot dead the Kenyan governor of Kisumu outside his home.",
			[]string{"186 >KEN"}, []string{"180 ", "193 "}},
		{"attack with drones", "Houthi fighters attacked a Greek tanker with drones and missiles on Monday.",
			[]string{"195 YEMREB>GRC"}, []string{"180 "}},
		{"drone attack modifier", "A Ukrainian drone attack hit a Russian refinery overnight.",
			nil, []string{"180 "}},
		{"army storms", "Nigerian troops stormed a rebel camp in Borno at dawn.",
			[]string{"190 NGAMIL>"}, []string{"180 "}},
		{"police raid stays 180", "Pakistani police raided the offices of an Indian newspaper.",
			nil, []string{"190 "}},
		{"fired missiles", "Russia fired missiles and drones at Kyiv overnight.",
			[]string{"195 RUS>UKR"}, []string{"193 "}},
		{"missile test", "North Korea fired three cruise missiles into the sea on Thursday.",
			[]string{"150 PRK>"}, []string{"193 ", "195 "}},
		{"hazard leads the clause", "Torrential rains in northern Peru have flooded farms and killed 12 Peruvian farmers.",
			nil, []string{"186 ", "180 ", "190 "}},
		{"expelled a vessel", "China expelled the fishing boat from the disputed shoal.",
			nil, []string{"166 "}},
		{"brokered truce is mediation", "Qatar brokered a truce between Israel and Hamas.",
			[]string{"045 QAT>ISR"}, []string{"057 "}},
		{"concern without an actor", "Germany voiced concern over the election result.",
			nil, []string{"111 "}},
		{"concern about an actor", "Germany voiced concern about Russia on Monday.",
			[]string{"111 DEU>RUS"}, nil},
		{"declined to comment", "The Iranian foreign ministry declined to comment on the report.",
			nil, []string{"011 ", "120 "}},
		{"welcome without actor", "Egypt welcomed the ceasefire announcement.",
			nil, []string{"013 "}},
		{"protest demand", "Thousands of Kenyans marched in Nairobi, demanding lower taxes.",
			[]string{"141 KEN>"}, []string{"100 ", "140 "}},
		{"agreed to restore ties", "Iran and Egypt agreed on Monday to restore diplomatic relations.",
			[]string{"050 IRN>EGY", "050 EGY>IRN"}, []string{"054 "}},
	})
}
