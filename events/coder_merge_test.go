package events_test

import (
	"strings"
	"testing"
)

// TestSeizurePledgeAdjective covers seizures of people (abduction), aid
// announced for the future (a pledge), "open to" talks (not held) and
// participles after numbers (adjectives, not verbs).
func TestSeizurePledgeAdjective(t *testing.T) {
	runTriples(t, []tripleCase{
		{"seized passengers", "Gunmen seized 20 Nigerian passengers from a bus in Kaduna.",
			[]string{"181 >NGA"}, []string{"171 "}},
		{"passive seized workers", "Four Chinese workers were seized by gunmen in Zamfara.",
			[]string{"181 >CHNLAB"}, []string{"171 "}},
		{"seized weapons stays 171", "Malian troops seized weapons from a depot in Gao.",
			nil, []string{"181 "}},
		{"would give aid", "Japan would give emergency aid to Turkey, officials said.",
			[]string{"033 JPN>TUR"}, []string{"070 "}},
		{"open to talks", "The Serbian president said he was open to talks with Kosovo.",
			nil, []string{"040 "}},
		{"participle after a number", "Mexico sent 12 jailed Mexican smugglers to the United States.",
			nil, []string{"173 "}},
	})
}

// TestViolenceRetoldMerges checks that an attack retold in a later
// sentence between the same countries is one event with two evidence
// spans, while an attack in the other direction stays separate.
func TestViolenceRetoldMerges(t *testing.T) {
	text := "Russian forces shelled Kharkiv on Monday. Russian troops also struck Ukrainian military sites, the ministry said. Ukraine shelled Belgorod hours later."
	_, evs := code(t, text)
	n, back := 0, 0
	for _, e := range evs {
		if e.Root != "19" || e.Hypothetical || e.Negated {
			continue
		}
		switch {
		case strings.HasPrefix(actor(e.Source), "RUS"):
			n++
			if len(e.Evidence) < 2 {
				t.Errorf("merged attack has %d evidence spans", len(e.Evidence))
			}
		case strings.HasPrefix(actor(e.Source), "UKR"):
			back++
		}
	}
	if n != 1 || back != 1 {
		t.Errorf("got %d Russian and %d Ukrainian attacks, want 1 and 1", n, back)
	}
}

// TestPartialRetellingMerges checks that a later mention of a meeting
// whose source is unresolved joins the earlier, fully coded meeting.
func TestPartialRetellingMerges(t *testing.T) {
	text := "Egypt's president met Jordan's king in Amman on Monday. It was his third meeting with Jordan this year."
	_, evs := code(t, text)
	for _, e := range evs {
		if e.Root == "04" && actor(e.Source) == "" {
			t.Errorf("unmerged partial meeting %s >%s", e.Code, actor(e.Target))
		}
	}
}
