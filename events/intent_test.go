package events_test

import (
	"slices"
	"testing"
)

// TestIntentAndSpeech checks intentions coded as the intent (03x), not the
// act, and speech acts inside a quote taking the speaker as source, under
// the default pipeline. The sentences are written for this test.
func TestIntentAndSpeech(t *testing.T) {
	tests := []struct{ name, text string }{
		{"agreed to sell", "Brazil agreed to sell patrol boats to Angola."},
		{"pledged to send", "Germany pledged to send tanks to Poland on Monday."},
		{"quoted condemnation", `"We condemn this attack and we demand an apology," Foreign Minister Musalia Mudavadi told reporters in Nairobi.`},
	}
	// (the demand names no one it is made of: a demand needs a
	// counterpart, data/words.txt [partnerRoots])
	want := [][]string{{"03|BRA|AGO"}, {"03|DEU|POL"}, {"11|KEN|"}}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pipelineTriples(t, tt.text); !slices.Equal(got, want[i]) {
				t.Errorf("events %q, want %q", got, want[i])
			}
		})
	}
}

// TestContextRoles checks item 4 of the issue on the coder's side: a role
// the text gives no country takes the one country a story names, and the
// topic of an agreement ("on coast guard cooperation") is no partner; a
// threat's target is the threatened act's. The
// sentences are written for this test.
func TestContextRoles(t *testing.T) {
	tests := []struct{ name, text string }{
		{"story country", "Serbian opposition parties met in Belgrade on Monday. Thousands of students marched through the capital, and the government rejected their demands."},
		{"topic of an agreement", "Vietnam and the Philippines signed an agreement on coast guard cooperation on Tuesday."},
		{"threatened act's target", "Washington has threatened to impose new tariffs on Japan."},
		{"agreed to cooperate", "Peru and Chile agreed on Friday to cooperate on fishing controls."},
	}
	// (the parties' meeting names no one met: [partnerRoots])
	want := [][]string{{"12|SRB|", "14|SRB|"}, {"05|PHL|VNM", "05|VNM|PHL"}, {"13|USA|JPN"}, {"05|CHL|PER", "05|PER|CHL"}}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := pipelineTriples(t, tt.text); !slices.Equal(got, want[i]) {
				t.Errorf("events %q, want %q", got, want[i])
			}
		})
	}
}
