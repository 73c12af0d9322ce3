package events_test

import (
	"context"
	"testing"

	"newsgraph/document"
	"newsgraph/events"
	"newsgraph/events/eventstest"
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
		{"The Italian defence minister resigned on Friday.", "0831", "RETREAT"},
		{"Serbian students called off their protests after the talks.", "082", "CONCEDE"},
	}
	st, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		d := document.New("t", tt.text)
		eventstest.Prepare(d)
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
