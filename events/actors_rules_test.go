package events_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/stages"
)

// TestSettingCountry covers policy rule 1: a role without a stated country
// takes the country of the sentence's places, or of the dateline, unless
// another country competes; unidentified gunmen get none.
func TestSettingCountry(t *testing.T) {
	runRules(t, []ruleCase{
		{"place in the sentence", "Police arrested 14 students in Mombasa on Friday after a rally turned violent.",
			[]string{"17|KEN|KEN"}, nil},
		{"dateline", "LUSAKA — Riot police detained dozens of opposition supporters outside the parliament building on Thursday.",
			[]string{"17|ZMB|ZMB"}, nil},
		{"two countries compete", "Officials said Rwanda had shelled positions near Goma and Burundi had sent troops.",
			nil, []string{"19|COD|"}},
		{"previous sentence names another country", "MANILA — Beijing said its coast guard had acted lawfully. A foreign ministry spokesman urged Manila to stop its provocations.",
			nil, []string{"02|PHL|PHL"}},
		{"gunmen have no country", "KANO — Gunmen attacked a bus station in Kano on Saturday, police said.",
			nil, []string{"18|NGA|NGA"}},
	})
}

// TestCoordinatedSubject covers policy rule 7: the second verb of a
// coordinated predicate keeps the first verb's subject.
func TestCoordinatedSubject(t *testing.T) {
	runRules(t, []ruleCase{
		{"condemn and call on", "Chilean President Gabriel Boric condemned the raid as an outrage and called on Peru and Bolivia to cooperate.",
			[]string{"02|CHL|BOL", "02|CHL|PER", "11|CHL|"}, []string{"02||PER"}},
		{"reject and threaten", "Venezuela rejected the new tariffs as illegal and threatened to retaliate against Washington.",
			[]string{"12|VEN|"}, nil},
		{"speaker's second predicate", "MAPUTO — A government spokesman, Filipe Nyusi Jr, said the count had been fair and called on the opposition to accept it.",
			[]string{"02|MOZ|MOZ"}, []string{"02||MOZ"}},
		{"complement with its own subject", "Officials said the rebels had looted the depot and burned two trucks.",
			nil, []string{"02||"}},
		{"participle is no second act", "The European Union imposed sanctions on Belarus, freezing assets and banning travel.",
			[]string{"16|EUR|BLR"}, []string{"17|EUR|BLR"}},
	})
}

// TestAttackOutcome covers policy rules 2, 3 and 6: a killing whose subject
// is an attack is that attack's outcome; a strike that kills a member of a
// named group targets the group; fighting between two parties goes both
// ways.
func TestAttackOutcome(t *testing.T) {
	runRules(t, []ruleCase{
		{"fighting between two sides", "JUBA — Fighting between the army and rebels killed 40 people in Upper Nile state on Sunday.",
			[]string{"19|SSD|SSD", "19|SSD|SSD"}, []string{"18|SSD|"}},
		{"exchange of fire with an outcome", "ADDIS ABABA — Ethiopian and Eritrean troops exchanged artillery fire along the border on Monday, killing at least nine soldiers.",
			[]string{"19|ERI|ETH", "19|ETH|ERI"}, nil},
		{"coordinated killing", "Russian forces shelled Kherson and killed nine people on Tuesday.",
			[]string{"19|RUS|UKR"}, []string{"18|RUS|"}},
	})
}

// TestMutualActs covers policy rule 6: talks, meetings, negotiations,
// signed agreements and clashes with a partner go both ways; a host of
// talks acts on each delegation; a place does not act back.
func TestMutualActs(t *testing.T) {
	runRules(t, []ruleCase{
		{"met", "OSLO — Norwegian Prime Minister Jonas Gahr Store met Swedish Prime Minister Ulf Kristersson in Stockholm on Monday.",
			[]string{"04|NOR|SWE", "04|SWE|NOR"}, nil},
		{"talks with", "Peru held talks with Ecuador on border security on Thursday.",
			[]string{"04|ECU|PER", "04|PER|ECU"}, nil},
		{"the two sides", "NAIROBI — Kenya and Uganda resumed border talks on Monday. Both countries signed a deal on fishing rights.",
			[]string{"05|KEN|UGA", "05|UGA|KEN"}, nil},
		{"talks between the two sides", "DOHA — Qatar hosted envoys from the Sudanese army and the Rapid Support Forces on Friday for the first talks between the two sides this year.",
			[]string{"04|QAT|SDN", "04|QAT|SDN"}, nil},
		{"both delegations agreed", "CAIRO — Egypt hosted delegations from the Sudanese army and the Rapid Support Forces. Both delegations signed a truce on Tuesday.",
			[]string{"05|SDN|SDN", "05|SDN|SDN"}, nil},
		{"in a city for talks", "Colombian Foreign Minister Luis Murillo was in Caracas for talks with Venezuelan officials on Monday.",
			[]string{"04|COL|VEN", "04|VEN|COL"}, nil},
		{"host of delegations", "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani hosted delegations from Israel and Hamas in Doha on Sunday.",
			[]string{"04|QAT|ISR", "04|QAT|PSE"}, []string{"04|ISR|QAT"}},
		{"speakers are not conjuncts", "Jihadists burned homes in an attack on a village in northern Mali, local officials and residents said.",
			[]string{"18||MLI"}, []string{"18||"}},
	})
}

// TestHazardAndVisits covers natural hazards as subjects (no actor, no
// event, policy rule 4) and visits inside the visitor's own country, which
// are no international visit (042 needs a foreign host).
func TestHazardAndVisits(t *testing.T) {
	runRules(t, []ruleCase{
		{"storm participle", "MANILA — Typhoon Kalmaegi struck the central Philippines on Tuesday, killing at least 40 people, officials said.",
			nil, []string{"18|PHL|", "18||", "19||PHL"}},
		{"rains with a place", "LIMA — Heavy rains in the northern Peruvian region of Piura have killed at least six people, officials said.",
			nil, []string{"18|PER|", "19|PER|"}},
		{"hazard and an attack", "LIMA — Floods hit Piura as gunmen killed six police officers in Lima.",
			[]string{"18||PER"}, nil},
		{"domestic visit", "Ghanaian President John Mahama visited Kumasi on Monday to inspect flood damage.",
			nil, []string{"04|GHA|GHA"}},
		{"foreign visit", "Ghanaian President John Mahama visited Togo on Monday.",
			[]string{"04|GHA|TGO"}, nil},
	})
}

// TestGenericVictims covers plain nouns for people as the object of an
// arrest, assault or killing: civilians of the setting country (rules 1
// and 5), but only when an actor acts on them.
func TestGenericVictims(t *testing.T) {
	runRules(t, []ruleCase{
		{"arrested people", "TUNIS — Police arrested 35 people after clashes near the interior ministry on Saturday.",
			[]string{"17|TUN|TUN"}, nil},
		{"tear gas to disperse supporters", "HARARE — Police fired tear gas to disperse hundreds of Chamisa supporters outside the electoral commission.",
			[]string{"17|ZWE|ZWE"}, nil},
		{"convicts are no civilians", "TEHRAN — Iran hanged three men convicted of drug trafficking on Sunday.",
			nil, []string{"17|IRN|IRN"}},
		{"place name as a modifier", "BRUSSELS — EU finance ministers met on Tuesday to discuss meeting the Lisbon targets.",
			nil, []string{"04||PRT", "04|PRT|"}},
		{"relative clause is no object", "LA PAZ — Bolivian lawmakers voted down contracts that would have given Russian companies mining rights.",
			nil, []string{"12|BOL|RUS"}},
		{"appeal to his supporters", "HARARE — The opposition leader rejected the official results and called on his supporters to stay calm.",
			[]string{"02|ZWE|ZWE", "12|ZWE|"}, []string{"12|ZWE|ZWE"}},
		{"victims take the place's country", "Russian soldiers detained 20 people in Kherson on Monday.",
			[]string{"17|RUS|UKR"}, nil},
		{"no actor", "KABUL — The conflict has killed thousands of people since 2021.",
			nil, []string{"18||AFG", "19||AFG"}},
		{"quake participle", "KABUL — A magnitude 5.8 earthquake struck eastern Afghanistan on Sunday, killing at least 30 people.",
			nil, []string{"18||AFG", "19||AFG"}},
	})
}

// TestPassives covers passives: the doer of a passive is its "by" phrase;
// an agentless passive ("were killed", "among 30 seized") names no one
// who acted and gives no event.
func TestPassives(t *testing.T) {
	runRules(t, []ruleCase{
		{"agentless", "BAMAKO — Eleven Malian soldiers were killed near the border on Friday.",
			nil, []string{"18||MLI", "19||MLI"}},
		{"reduced relative after a number", "The pupils were among 40 abducted from a school in Zamfara in March.",
			nil, []string{"18|NGA|", "18||NGA"}},
		{"participle after a mention", "LAGOS — Four Nigerian engineers kidnapped from a construction site last month have been freed, the police said.",
			nil, []string{"18|NGA|", "18|NGA|NGA", "08||NGA"}},
		{"with an agent", "Two Malian soldiers were killed by jihadists near Mopti.",
			[]string{"18|MLI|MLI"}, nil}, // jihadists take the setting country (policy rule 1)
	})
}

// TestRecapAndNounConjuncts covers sentences that restate the story's
// event ("It was the first ...") and a noun after "and" that opens a new
// clause ("and clashes were reported"), which takes no shared subject.
func TestRecapAndNounConjuncts(t *testing.T) {
	runRules(t, []ruleCase{
		{"noun after and", "NAIROBI — Protesters blocked a highway in Nakuru and clashes were reported in Eldoret.",
			nil, []string{"19|KEN|KEN", "19||KEN"}},
		{"compound noun is no verb", "The French interior minister defended house arrest for suspects in Paris on Monday.",
			nil, []string{"17|FRA|"}},
		{"fight place is no party", "Fighting was reported in Goma on Sunday.",
			nil, []string{"19||COD"}},
	})
}

// TestProtesters covers policy rule 5: plain nouns for people as the
// subject of a protest are civilians of the setting, and a protest named
// again by a noun in the same sentence is no second event.
func TestProtesters(t *testing.T) {
	runRules(t, []ruleCase{
		{"people marched", "TBILISI — Tens of thousands of people marched through central Tbilisi on Sunday in one of the biggest protests in Georgia in years.",
			[]string{"14|GEO|"}, nil},
	})
	got := pipelineTriples(t, "TBILISI — Tens of thousands of people marched through central Tbilisi on Sunday in one of the biggest protests in Georgia in years.")
	n := 0
	for _, g := range got {
		if strings.HasPrefix(g, "14|") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d protest events, want 1: %v", n, got)
	}
}

// TestFramingTalks covers talks that frame a clause ("after eight hours of
// negotiations"): they are the clause subject's, one event per direction.
// The trigger comes from a user lexicon line so that the test does not
// depend on the built-in lexicon's coverage.
func TestFramingTalks(t *testing.T) {
	dir := t.TempDir()
	lex := dir + "/extra.tsv"
	if err := writeFile(lex, "046\thours|days of * negotiations\n"); err != nil {
		t.Fatal(err)
	}
	p, err := stages.Default(stages.Config{LexiconFile: lex})
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("t", "NAIROBI — Kenyan President William Ruto and Ugandan President Yoweri Museveni shook hands at State House after ten hours of negotiations.")
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range d.Events {
		got = append(got, e.Code+"|"+ctry(e.Source)+"|"+ctry(e.Target))
	}
	sort.Strings(got)
	if strings.Join(got, " ") != "046|KEN|UGA 046|UGA|KEN" {
		t.Errorf("got %v, want 046 both ways", got)
	}
}

// TestLightVerbSource covers the subject of a light verb as the source of
// the nominal act it carries (data/words.txt [lightVerbs]).
func TestLightVerbSource(t *testing.T) {
	runRules(t, []ruleCase{
		{"had talks with", "President Joe Biden had talks with Kenyan President William Ruto on Monday.",
			[]string{"04|KEN|USA", "04|USA|KEN"}, nil},
		{"paid a visit to", "Indian Prime Minister Narendra Modi paid a visit to Moscow on Monday.",
			[]string{"04|IND|RUS"}, nil},
	})
}

// TestTitleBeforeTarget covers a target named after its title, outside the
// name's mention ("called on President ...").
func TestTitleBeforeTarget(t *testing.T) {
	runRules(t, []ruleCase{
		{"title before the name", "Kenya's parliament called on President William Ruto to withdraw the finance bill.",
			[]string{"02|KEN|KEN"}, []string{"02|KEN|"}},
		{"lower-case words are no title", "Chile called on the council to act.",
			nil, []string{"02|CHL|CHL"}},
	})
}

// TestHardWrappedCopy covers wire copy broken into lines of about 65
// characters: a line break inside a paragraph ends no subject or object.
func TestHardWrappedCopy(t *testing.T) {
	wrapped := "Kenya today called on Britain to\n" +
		"increase its imports of tea and coffee or risk a rise of\n" +
		"protectionism and the harm it would bring to both trading\n" +
		"nations, the trade minister told a group of businessmen.\n" +
		"    He said there had been substantial growth in the volume\n" +
		"of trade between the two countries in the last ten years.\n"
	runRules(t, []ruleCase{
		{"appeal before a wrapped line", wrapped, []string{"02|KEN|GBR"}, nil},
		{"a headline line still ends the subject", "Kenya police detain protesters\nRiot police fired tear gas at students in Nairobi on Monday.",
			nil, []string{"17|KEN|KEN", "17|KEN|KEN"}},
	})
}

// TestRelativeClauseSubject covers a subject whose relative clause names
// other actors: the clause's words are no subject, its head is.
func TestRelativeClauseSubject(t *testing.T) {
	runRules(t, []ruleCase{
		{"head before the relative clause", "Kenya, which borders Uganda, Tanzania and Somalia, also began talks with Ethiopia on Monday.",
			[]string{"04|KEN|ETH", "04|ETH|KEN"}, []string{"04|UGA|ETH", "04|TZA|ETH", "04|SOM|ETH"}},
		{"head without a code", "The bourse, which links the Paris, Amsterdam and Lisbon markets, also began talks with the exchange.",
			nil, []string{"04|NLD|PRT", "04|PRT|NLD", "04|FRA|NLD"}},
	})
}

// TestRejectedAuthor covers the target of a rejection named as the author
// of the thing rejected ("a petition by", "guarantees from") and of an
// attack as the holder of the place attacked ("positions held by").
func TestRejectedAuthor(t *testing.T) {
	runRules(t, []ruleCase{
		{"by the author", "Peru's government rejected a petition by Chilean exporters seeking lower tariffs.",
			[]string{"12|PER|CHL"}, []string{"12|PER|"}},
		{"from an organisation", "Kenya refused to accept new loan terms from the World Bank on Monday.",
			[]string{"12|KEN|WBK"}, nil},
		{"from a place is no author", "Turkey refused to withdraw its troops from Syria.",
			nil, []string{"12|TUR|SYR"}},
		{"holder of the positions attacked", "Sudan said it had repelled a Chadian attack on positions held by its army near the border.",
			[]string{"19|TCD|SDN"}, nil},
	})
}

// TestReceivedAct covers the subject of a receiving verb as the target of
// the nominal act it receives, with modifiers between.
func TestReceivedAct(t *testing.T) {
	runRules(t, []ruleCase{
		{"faced charges from", "Kenya Airways faced both criminal and civil charges from the Kenyan government.",
			[]string{"17|KEN|KEN"}, nil},
	})
}
