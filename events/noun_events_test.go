package events_test

import (
	"slices"
	"testing"
)

// TestNounEventsPossessor covers noun events whose source is a possessor
// before a lower-case modifier ("its fisheries accord with Norway",
// "Brazil's trade sanctions against Libya") and an agreement noun with
// its partner after "with" (each side's agreement with the other). A
// modifier without a possessive before it gives the noun no source. The
// sentences are written for this test.
func TestNounEventsPossessor(t *testing.T) {
	runTriples(t, []tripleCase{
		{"genitive possessor past a modifier, agreement", "Canada's fisheries accord with Norway was renewed last week.",
			[]string{"057 CAN>NOR", "057 NOR>CAN"}, nil},
		{"genitive possessor past a modifier", "Brazil's trade sanctions against Libya were widened on Monday.",
			[]string{"163 BRA>LBY"}, nil},
		{"genitive possessor, no modifier", "Spain's agreement with Morocco covers sardine fishing.",
			[]string{"057 ESP>MAR", "057 MAR>ESP"}, nil},
		{"modifier without a possessive", "Officials in Lima discussed a border treaty with Ecuador.",
			nil, []string{"057 PER"}},
		{"verb before the modifier is no possessor", "Peru said trade talks with Bolivia had ended.",
			nil, []string{"040 PER>BOL"}},
	})
}

// TestNounEventsPronounPossessor runs the default pipeline, whose
// coreference resolves the possessive pronoun: "its" trade pact is its
// antecedent's. The sentences are written for this test.
func TestNounEventsPronounPossessor(t *testing.T) {
	got := pipelineTriples(t, "Canada said its fisheries accord with Norway had cut disputes over cod.")
	want := []string{"05|CAN|NOR", "05|NOR|CAN"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestNamedIGOSource covers intergovernmental bodies CAMEO codes only as
// "IGO" (the Paris Club, commodity organisations, a regional development
// corporation), under the default pipeline: like a named NGO they may be
// an event's source, and an agreement with one is mutual. Their country
// level is empty, as the evaluation scores it. The sentences are written
// for this test.
func TestNamedIGOSource(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"agreement with a creditor group", "Peru reached an agreement with the Paris Club on Tuesday.",
			[]string{"05|PER|", "05||PER"}},
		{"commodity body appeals", "The International Coffee Organization urged Brazil to cut exports.",
			[]string{"02||BRA"}},
		{"development corporation lends", "The Andean Development Corp is lending 20 mln dlrs to Bolivia.",
			[]string{"07||BOL"}},
		{"a bare role is no source", "The organization urged Brazil to cut exports.",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pipelineTriples(t, tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
