package events

import "testing"

// TestLexicon2NamedNGO checks which actor codes count as named
// non-governmental organisations, whose events are kept without a country.
func TestLexicon2NamedNGO(t *testing.T) {
	for _, tt := range []struct {
		code string
		want bool
	}{
		{"NGOAMN", true}, {"NGOHRIHRW", true}, {"NGOIRC", true},
		{"NGO", false}, {"", false}, {"GBRNGO", false}, {"CVL", false},
	} {
		if got := namedNGO(tt.code); got != tt.want {
			t.Errorf("namedNGO(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
