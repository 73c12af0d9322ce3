package events_test

import "testing"

// TestPairSubject covers a clause whose subject is a pair phrase ("the two
// countries", a clause-initial "Both") after an opening adjunct that names
// other actors: the pair named before acts, not the adjunct's last actor.
// The sentences are written for this test.
func TestPairSubject(t *testing.T) {
	runTriples(t, []tripleCase{
		{"pair after an adjunct", "In a sign of warmer relations between Chile and Peru, the two countries have signed a trade protocol with Brazil.",
			[]string{"057 CHL>BRA", "057 PER>BRA"}, nil},
		{"both as the subject", "Relations between Chile and Peru have warmed. Both exchanged prisoners last month.",
			[]string{"0841 CHL>PER", "0841 PER>CHL"}, nil},
		{"both as a determiner", "Chile and Peru met in Lima. Both sides signed an accord.",
			[]string{"057 CHL>PER"}, nil},
	})
}
