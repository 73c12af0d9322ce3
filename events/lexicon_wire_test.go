package events_test

import "testing"

// TestLexiconWire covers the wire-copy acts of the second Reuters pass:
// projects abandoned in a country, missions dispatched, workers on strike,
// aid blocked by a vote (a vote does what it votes for), with their
// negative cases. The sentences are written for this test.
func TestLexiconWire(t *testing.T) {
	runTriples(t, []tripleCase{
		{"abandoned a project in a country", "Germany abandoned plans to build a steel mill in Chile.",
			[]string{"160 DEU>CHL"}, nil},
		{"abandoned a plan at home", "Germany abandoned plans to raise the sales tax.",
			nil, []string{"160"}},
		{"dispatched a mission", "The Japanese government dispatched a mission to Peru on Monday.",
			[]string{"042 JPNGOV>PER"}, nil},
		{"sent a delegation", "Japan sent a trade delegation to Kenya last week.",
			[]string{"042 JPN>KEN"}, nil},
		{"voted to block aid", "The Kenyan parliament voted to block military aid to Somalia.",
			[]string{"1622 KENLEG>SOM"}, nil},
		{"planned to block aid", "Kenya plans to block military aid to Somalia.",
			nil, []string{"1622 KEN>SOM"}},
	})
}
