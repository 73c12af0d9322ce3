package events_test

import (
	"strings"
	"testing"
	"time"
)

// TestContextMentions checks history, prospect, sourcing-formula and
// fiction mentions against the same triggers in their news-event use.
// want "" means no match; a code means a counted match with that root's
// code; "x/hyp" a hypothetical match. The sentences are written for this
// test.
func TestContextMentions(t *testing.T) {
	pub := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, trigger, want string
		undated                   bool
	}{
		// sourcing formulas vs rejections
		{"declined to say", "A Chilean ministry spokesman declined to say how many troops were sent.", "declined", "", false},
		{"declined to be named", "The Nigerian official, who declined to be named, confirmed the figures.", "declined", "", false},
		{"refused to give details", "Peruvian police refused to give details of the operation.", "refused", "", false},
		{"asked not to be identified", "A Kenyan diplomat, who asked not to be identified, said the visit went well.", "asked", "", false},
		{"refused to discuss a plan", "Greek unions refused to discuss the pension plan with the government.", "refused", "120", false},
		{"rejected the offer", "Ghana rejected an offer of talks from Togo.", "rejected", "12", false},
		// history vs news
		{"dated nominal", "Relations have never recovered from the 2008 invasion of Georgia by Russia.", "invasion", "", false},
		{"since nominal", "Iraq has struggled since the invasion by American troops.", "invasion", "", false},
		{"last year's coup", "Donors froze aid after last year's coup in Niger.", "coup", "", false},
		{"news expulsion", "Bolivia expelled the American ambassador on Tuesday.", "expelled", "16", false},
		{"undated current year", "Ecuador expelled the Colombian envoy in 2005. Trade fell in 2005 and 2005 was hard.", "expelled", "16", true},
		// prospects vs meetings that happened
		{"next week's meeting", "Officials said Japan would raise the issue at next week's talks with Korean ministers.", "talks", "04/hyp", false},
		{"ahead of the summit", "Indian shares were calm ahead of talks with China on trade.", "talks", "04/hyp", false},
		{"talks next week", "The Greek finance minister said talks with the IMF next week would be difficult.", "talks", "04/hyp", false},
		{"any strike", "Iran said any Israeli strike on its nuclear sites would be answered.", "strike", "195/hyp", false},
		{"prevent attacks", "Kenya said the new powers had helped prevent attacks on Nairobi.", "attacks", "", false},
		{"meeting happened", "Japanese and Korean ministers held talks in Seoul on Friday.", "talks", "04", false},
		{"despite the attack", "Oil prices would stay calm despite the Iranian attack on the tanker, traders said.", "attack", "190", false},
		{"meet tomorrow", "Indian and Chinese officials meet tomorrow in Delhi.", "meet", "04/hyp", false},
		{"met yesterday", "Indian and Chinese officials met yesterday in Delhi.", "met", "04", false},
		// weather, signs, concessions, endangering
		{"threatened a neighbour", "North Korea threatened South Korea on Monday.", "threatened", "130", false},
		{"voiced concern about a thing", "The Spanish government voiced concern about rising rents.", "concern", "", false},
		// fiction
		{"news fighting", "American soldiers were fighting rebels in the Afghan mountains.", "fighting", "190", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &pub
			if tt.undated {
				p = nil
			}
			got := matchModes(t, tt.text, tt.trigger, p)
			if tt.want == "" {
				for _, g := range got {
					if !strings.HasSuffix(g, "/hyp") {
						t.Errorf("%q: %q matched %v, want no counted event", tt.text, tt.trigger, got)
					}
				}
				return
			}
			for _, g := range got {
				if strings.HasPrefix(g, strings.TrimSuffix(tt.want, "/hyp")) && strings.HasSuffix(g, "/hyp") == strings.HasSuffix(tt.want, "/hyp") {
					return
				}
			}
			t.Errorf("%q: %q matched %v, want %s", tt.text, tt.trigger, got, tt.want)
		})
	}
}

// TestDueToIsNoProspect keeps "due to" as a cause from marking a past act
// as a prospect.
func TestDueToIsNoProspect(t *testing.T) {
	pub := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC)
	got := matchModes(t, "Kenya has lifted a ban on maize imports due to poor harvests.", "ban", &pub)
	for _, g := range got {
		if strings.HasSuffix(g, "/hyp") {
			t.Errorf("lifted ban matched %v, want a counted event", got)
		}
	}
	got = matchModes(t, "Peru said the talks with Chile scheduled to start in Lima would cover fishing.", "talks", &pub)
	for _, g := range got {
		if !strings.HasSuffix(g, "/hyp") {
			t.Errorf("scheduled talks matched %v, want hypothetical", got)
		}
	}
}
