package entities

import (
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestStage_RoundTwo covers the document-context rules with full expected
// mentions and entity indices: roles completed with the dateline's or the
// dominant country, evidence split between countries, coordinated
// nationalities, appositions before a name, facility names, place names
// before a place noun, and institution words used as adjectives.
func TestStage_RoundTwo(t *testing.T) {
	s := ruleStage(t)
	type want struct {
		start, end int
		text       string
		typ        document.EntityType
		kind       document.MentionKind
		actor      string
		ent        int
	}
	tests := []struct {
		name   string
		src    string
		tagged map[string]string
		want   []want
	}{{
		name:   "dateline country completes bare roles",
		src:    "DHAKA, Bangladesh (AP) — Police said the government of Bangladesh had resigned.",
		tagged: map[string]string{"DHAKA": "LOC", "Bangladesh": "LOC", "AP": "ORG"},
		want: []want{
			{0, 5, "DHAKA", document.GPE, document.Name, "", 0},
			{7, 17, "Bangladesh", document.GPE, document.Name, "BGD", 1},
			{19, 21, "AP", document.Org, document.Name, "USAMED", 2},
			{27, 33, "Police", document.Org, document.Nominal, "BGDCOP", 3},
			{43, 53, "government", document.Org, document.Nominal, "BGDGOV", 4},
			{57, 67, "Bangladesh", document.GPE, document.Name, "BGD", 1},
		},
	}, {
		name:   "evidence split between two sides leaves roles bare",
		src:    "KAMPALA (AP) — Kenya and Uganda said police on both sides would patrol. Uganda welcomed it.",
		tagged: map[string]string{"KAMPALA": "LOC", "Kenya": "LOC", "Uganda": "LOC", "AP": "ORG"},
		want: []want{
			{0, 7, "KAMPALA", document.GPE, document.Name, "", 0},
			{9, 11, "AP", document.Org, document.Name, "USAMED", 1},
			{17, 22, "Kenya", document.GPE, document.Name, "KEN", 2},
			{27, 33, "Uganda", document.GPE, document.Name, "UGA", 3},
			{39, 45, "police", document.Org, document.Nominal, "COP", 4},
			{74, 80, "Uganda", document.GPE, document.Name, "UGA", 3},
		},
	}, {
		name:   "coordinated nationalities each get the role",
		src:    "Ethiopian and Sudanese troops clashed.",
		tagged: map[string]string{"Ethiopian": "MISC", "Sudanese": "MISC"},
		want: []want{
			{0, 9, "Ethiopian", document.Org, document.Nominal, "ETHMIL", 0},
			{14, 22, "Sudanese", document.NORP, document.Name, "", 1},
			{23, 29, "troops", document.Org, document.Nominal, "SDNMIL", 2},
		},
	}, {
		name:   "apposition before a name joins the name's entity",
		src:    "The opposition leader, Nelson Chamisa, spoke. Chamisa left.",
		tagged: map[string]string{"Nelson Chamisa": "PER", "Chamisa": "PER"},
		want: []want{
			{4, 21, "opposition leader", document.Person, document.Nominal, "OPP", 0},
			{23, 37, "Nelson Chamisa", document.Person, document.Name, "OPP", 0},
			{46, 53, "Chamisa", document.Person, document.Name, "", 0},
		},
	}, {
		name:   "facility name joined; place before a place noun",
		src:    "Ortega spoke at the Santa Cruz Palace near the Rafah crossing.",
		tagged: map[string]string{"Ortega": "PER", "Santa Cruz": "LOC", "Palace": "ORG", "Rafah": "MISC"},
		want: []want{
			{0, 6, "Ortega", document.Person, document.Name, "", 0},
			{20, 37, "Santa Cruz Palace", document.FAC, document.Name, "", 1},
			{47, 52, "Rafah", document.GPE, document.Name, "", 2},
		},
	}, {
		name:   "seat of government gives a spokesman's country",
		src:    "Kremlin spokesman Dmitry Peskov declined to comment.",
		tagged: map[string]string{"Kremlin": "ORG", "Dmitry Peskov": "PER"},
		want: []want{
			{0, 7, "Kremlin", document.Org, document.Name, "RUSGOV", 0},
			{18, 31, "Dmitry Peskov", document.Person, document.Name, "RUSGOV", 1},
		},
	}, {
		name:   "national Red Cross society and its staff",
		src:    "Kenya Red Cross secretary general Ahmed Idris said boats were needed.",
		tagged: map[string]string{"Kenya Red Cross": "ORG", "Ahmed Idris": "PER"},
		want: []want{
			{0, 15, "Kenya Red Cross", document.Org, document.Name, "KENNGO", 0},
			{34, 45, "Ahmed Idris", document.Person, document.Name, "KENNGO", 1},
		},
	}, {
		name:   "country opening the sentence before as subject",
		src:    "Tehran condemned the decision. Foreign Ministry spokesman Esmaeil Baghaei said Iran had done nothing wrong.",
		tagged: map[string]string{"Tehran": "LOC", "Foreign Ministry": "ORG", "Esmaeil Baghaei": "PER", "Iran": "LOC"},
		want: []want{
			{0, 6, "Tehran", document.GPE, document.Name, "IRN", 0},
			{31, 47, "Foreign Ministry", document.Org, document.Name, "IRNGOV", 1},
			{58, 73, "Esmaeil Baghaei", document.Person, document.Name, "IRNGOV", 2},
			{79, 83, "Iran", document.GPE, document.Name, "IRN", 0},
		},
	}, {
		name:   "police force named with a nationality; army spokesman; one country mention is no evidence",
		src:    "The Royal Canadian Mounted Police said army spokesman Jean Roy was wrong.",
		tagged: map[string]string{"Royal Canadian Mounted Police": "ORG", "Jean Roy": "PER"},
		want: []want{
			{4, 33, "Royal Canadian Mounted Police", document.Org, document.Name, "CANCOP", 0},
			{54, 62, "Jean Roy", document.Person, document.Name, "MIL", 1},
		},
	}, {
		name: "institution word as an adjective is no mention",
		src:  "There is no military solution, the army said.",
		want: []want{
			{35, 39, "army", document.Org, document.Nominal, "MIL", 0},
		},
	}, {
		name:   "honorific between role and name keeps the role; context country completes it",
		src:    "KAMPALA, Uganda (AP) — Prime Minister Dr. Ruth Nankabirwa spoke.",
		tagged: map[string]string{"KAMPALA": "LOC", "Uganda": "LOC", "AP": "ORG", "Ruth Nankabirwa": "PER"},
		want: []want{
			{0, 7, "KAMPALA", document.GPE, document.Name, "", 0},
			{9, 15, "Uganda", document.GPE, document.Name, "UGA", 1},
			{17, 19, "AP", document.Org, document.Name, "USAMED", 2},
			{44, 59, "Ruth Nankabirwa", document.Person, document.Name, "UGAGOV", 3},
		},
	}, {
		name:   "an official's office is the government, one entity per office",
		src:    "KAMPALA, Uganda (AP) — Prime Minister Ruth Nankabirwa's office said fuel would cost more. The mayor's office agreed.",
		tagged: map[string]string{"KAMPALA": "LOC", "Uganda": "LOC", "AP": "ORG", "Ruth Nankabirwa": "PER"},
		want: []want{
			{0, 7, "KAMPALA", document.GPE, document.Name, "", 0},
			{9, 15, "Uganda", document.GPE, document.Name, "UGA", 1},
			{17, 19, "AP", document.Org, document.Name, "USAMED", 2},
			{40, 55, "Ruth Nankabirwa", document.Person, document.Name, "UGAGOV", 3},
			{58, 64, "office", document.Org, document.Nominal, "UGAGOV", 4},
			{96, 101, "mayor", document.Person, document.Nominal, "UGAGOV", 5},
			{104, 110, "office", document.Org, document.Nominal, "UGAGOV", 6},
		},
	}, {
		name:   "Justice before a name is a judge; the justice system is no mention",
		src:    "KAMPALA, Uganda (AP) — Justice Ruth Kato jailed him. The judge left. The justice system is slow.",
		tagged: map[string]string{"KAMPALA": "LOC", "Uganda": "LOC", "AP": "ORG", "Ruth Kato": "PER"},
		want: []want{
			{0, 7, "KAMPALA", document.GPE, document.Name, "", 0},
			{9, 15, "Uganda", document.GPE, document.Name, "UGA", 1},
			{17, 19, "AP", document.Org, document.Name, "USAMED", 2},
			{33, 42, "Ruth Kato", document.Person, document.Name, "UGAJUD", 3},
			{59, 64, "judge", document.Person, document.Nominal, "UGAJUD", 3},
		},
	}, {
		name:   "a possessive pronoun is less salient than the phrase it modifies",
		src:    "Okafor denied it. His lawyer, Chidi Eze, spoke. He said more.",
		tagged: map[string]string{"Okafor": "PER", "Chidi Eze": "PER"},
		want: []want{
			{0, 6, "Okafor", document.Person, document.Name, "", 0},
			{18, 21, "His", document.Person, document.Pronoun, "", 0},
			{30, 39, "Chidi Eze", document.Person, document.Name, "", 1},
			{48, 50, "He", document.Person, document.Pronoun, "", 1},
		},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := runWithSpans(t, s, tt.src, tt.tagged)
			var got []want
			for _, m := range d.Mentions {
				got = append(got, want{m.Start, m.End, d.Slice(m.Span), m.Type, m.Kind, m.Actor, m.Entity})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("mentions\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}
