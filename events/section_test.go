package events

import (
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

// TestSoftSection checks that sport and arts stories keep only events
// between state roles.
func TestSoftSection(t *testing.T) {
	ev := func(src, tgt string) document.Event {
		e := document.Event{}
		if src != "" {
			e.Source = &document.Participant{Actor: src}
		}
		if tgt != "" {
			e.Target = &document.Participant{Actor: tgt}
		}
		return e
	}
	tests := []struct {
		topic string
		p     float64
		src   string
		tgt   string
		keep  bool
	}{
		{"sport", 0.999, "ITA", "FRA", false},       // teams
		{"sport", 0.999, "GBRGOV", "ZWE", false},    // one side a bare country
		{"sport", 0.999, "GBRGOV", "ZWEGOV", true},  // states on both sides
		{"sport", 0.999, "IGOUNO", "SDNMIL", true},  // international body and an army
		{"entertainment", 0.995, "DEU", "", false},  // "Berlin hails European cinema"
		{"sport", 0.6, "ITA", "FRA", true},          // not confidently sport
		{"politics", 0.999, "ITA", "FRA", true},     // other sections untouched
		{"", 0, "ITA", "", true},                    // topic stage not run
		{"sport", 0.999, "GBRCVL", "GBRCOP", false}, // civilians are not a state role
	}
	for _, tc := range tests {
		d := document.New("t", "x")
		d.Topic, d.TopicP = tc.topic, tc.p
		got := len(softSection(d, []document.Event{ev(tc.src, tc.tgt)})) == 1
		if got != tc.keep {
			t.Errorf("%s %.3f %s→%s: kept %v, want %v", tc.topic, tc.p, tc.src, tc.tgt, got, tc.keep)
		}
	}
}

// TestSourced checks that events need a source with a country, except for
// violence and coercion (roots 17 to 20), and that KeepUnsure keeps all.
func TestSourced(t *testing.T) {
	tests := []struct {
		root, src string
		keep      bool
	}{
		{"11", "FRAGOV", true},
		{"11", "GOV", false}, // a role without a country
		{"11", "", false},
		{"04", "IGOUNO", true},
		{"18", "", true}, // unidentified gunmen
		{"17", "", true}, // "were detained"
		{"20", "UAF", true},
		{"16", "", false},
	}
	for _, keepUnsure := range []bool{false, true} {
		s := &Stage{opts: Options{KeepUnsure: keepUnsure}}
		for _, tc := range tests {
			e := document.Event{Root: tc.root}
			if tc.src != "" {
				e.Source = &document.Participant{Actor: tc.src}
			}
			got := len(s.sourced([]document.Event{e})) == 1
			if want := tc.keep || keepUnsure; got != want {
				t.Errorf("KeepUnsure=%v root %s source %q: kept %v, want %v", keepUnsure, tc.root, tc.src, got, want)
			}
		}
	}
}

// TestMarket checks that a company's intents, agreements and cooperation
// with no counterpart or with another company are dropped, and its deals
// with states, unions and international bodies kept.
func TestMarket(t *testing.T) {
	tests := []struct {
		root, src, tgt string
		keep           bool
	}{
		{"03", "USABUS", "", false},       // "agreed to sell its unit"
		{"05", "CANBUS", "USABUS", false}, // a letter of intent between firms
		{"06", "USABUS", "JPNBUS", false}, // a joint venture
		{"05", "BRABUS", "BRALAB", true},  // a pay deal with seamen
		{"05", "FRABUS", "RUS", true},     // an accord with a state
		{"06", "CANBUS", "CHNGOV", true},  // a contract with a ministry
		{"04", "DEUBUS", "GBRBUS", true},  // business talks are coded
		{"12", "GBRBUS", "DEUBUS", true},  // a bid turned down
		{"05", "USAGOV", "", true},        // not a company
	}
	for _, tc := range tests {
		e := document.Event{Root: tc.root, Source: &document.Participant{Actor: tc.src}}
		if tc.tgt != "" {
			e.Target = &document.Participant{Actor: tc.tgt}
		}
		if got := len(market([]document.Event{e})) == 1; got != tc.keep {
			t.Errorf("root %s %s→%s: kept %v, want %v", tc.root, tc.src, tc.tgt, got, tc.keep)
		}
	}
}

// TestInteractionPartner checks that consultations, cooperation, demands,
// investigations and reductions of relations need a target, and that
// other roots do not.
func TestInteractionPartner(t *testing.T) {
	tests := []struct {
		code, tgt string
		keep      bool
	}{
		{"044", "", false}, // "the board was meeting today"
		{"044", "JPN", true},
		{"061", "", false},
		{"100", "", false}, // "corn demand has been met"
		{"100", "USAGOV", true},
		{"111", "", true}, // "condemned the attack"
		{"042", "", false},
		{"0831", "", false},
	}
	for _, tc := range tests {
		e := document.Event{Code: tc.code, Root: tc.code[:2], Source: &document.Participant{Actor: "KEN"}}
		if tc.tgt != "" {
			e.Target = &document.Participant{Actor: tc.tgt}
		}
		if got := interaction(e); got != tc.keep {
			t.Errorf("%s → %q: kept %v, want %v", tc.code, tc.tgt, got, tc.keep)
		}
	}
}

// TestStateProtest checks that a government's or an international body's
// protest is an official complaint (114) and that other protests stay.
func TestStateProtest(t *testing.T) {
	tests := []struct{ code, src, want string }{
		{"140", "THAGOV", "114"},
		{"140", "IGOEEC", "114"},
		{"141", "KENCVL", "141"},
		{"140", "KOR", "140"},
		{"143", "KORGOV", "143"},
		{"111", "USAGOV", "111"},
	}
	for _, tc := range tests {
		e := stateProtest(document.Event{Code: tc.code, Root: tc.code[:2], Source: &document.Participant{Actor: tc.src}})
		if e.Code != tc.want || e.Root != tc.want[:2] {
			t.Errorf("%s by %s: %s/%s, want %s", tc.code, tc.src, e.Code, e.Root, tc.want)
		}
	}
}
