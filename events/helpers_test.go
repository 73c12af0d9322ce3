package events_test

// Shared helpers for the external tests of package events: running the
// coder on a sentence (code, triples, matchCodes, matchModes), running the
// default pipeline (pipelineTriples), and the two table runners the test
// files feed their cases to (runTriples for coder triples, runRules for
// pipeline triples). Each *_test.go file holds only its tables.

import (
	"context"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/events/eventstest"
	"github.com/newsgraph/newsgraph/stages"
)

// writeFile writes s to path.
func writeFile(path, s string) error { return os.WriteFile(path, []byte(s), 0o644) }

// testPublished returns the publication date the coder tests use
// (Thursday 14 March 2024, noon UTC).
func testPublished() *time.Time {
	pub := time.Date(2024, 3, 14, 12, 0, 0, 0, time.UTC) // a Thursday
	return &pub
}

// prepared returns text as a document published on pub, with the
// annotations the coder needs (eventstest.Prepare).
func prepared(text string, pub *time.Time) *document.Document {
	d := document.New("t", text)
	d.Published = pub
	eventstest.Prepare(d)
	return d
}

// newStage returns a coder with the built-in lexicon.
func newStage(t *testing.T) *events.Stage {
	t.Helper()
	st, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// code runs the coder on text and returns the document and its events.
func code(t *testing.T, text string) (*document.Document, []document.Event) {
	t.Helper()
	st := newStage(t)
	d := prepared(text, testPublished())
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d, d.Events
}

// actor returns a participant's actor code ("" for none).
func actor(p *document.Participant) string {
	if p == nil {
		return ""
	}
	return p.Actor
}

// triples renders a sentence's factual events as "code src>tgt" strings.
func triples(t *testing.T, text string) []string {
	t.Helper()
	_, evs := code(t, text)
	var out []string
	for _, e := range evs {
		if e.Negated || e.Hypothetical {
			continue
		}
		out = append(out, fmt.Sprintf("%s %s>%s", e.Code, actor(e.Source), actor(e.Target)))
	}
	return out
}

// tripleCase is one sentence with the factual events it must and must not
// yield, as triples renders them ("CODE SRC>TGT"). A want entry must be
// present exactly; a not entry is a prefix no triple may start with ("12"
// is any root-12 code, "120 " exactly code 120, "042 PER" code 042 with
// source PER).
type tripleCase struct {
	name, text string
	want, not  []string
}

// runTriples runs each case as a subtest.
func runTriples(t *testing.T, tests []tripleCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := triples(t, tt.text)
			all := strings.Join(got, "; ")
			for _, w := range tt.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %q in [%s]", w, all)
				}
			}
			for _, n := range tt.not {
				for _, g := range got {
					if strings.HasPrefix(g, n) {
						t.Errorf("unwanted %q in [%s]", n, all)
					}
				}
			}
		})
	}
}

// matchStrings returns the CAMEO codes of the lexicon matches whose span
// text contains trigger (case-insensitive), in text published on pub (nil:
// unknown); with hyp, a hypothetical match's code is followed by "/hyp".
func matchStrings(t *testing.T, text, trigger string, pub *time.Time, hyp bool) []string {
	t.Helper()
	st := newStage(t)
	d := prepared(text, pub)
	var out []string
	for _, m := range st.Matches(d) {
		if strings.Contains(strings.ToLower(d.Slice(m.Span)), strings.ToLower(trigger)) {
			s := m.Code.Code
			if hyp && m.Hypothetical {
				s += "/hyp"
			}
			out = append(out, s)
		}
	}
	return out
}

// matchCodes returns the CAMEO codes of the lexicon matches whose span
// text contains trigger (case-insensitive).
func matchCodes(t *testing.T, text, trigger string) []string {
	t.Helper()
	return matchStrings(t, text, trigger, testPublished(), false)
}

// senseCase is a sentence, a trigger word in it and the CAMEO code a
// lexicon match on that word must have ("" for no match at all).
type senseCase struct {
	name, text, trigger, want string
}

// checkSenses runs each case as a subtest: with want "", no lexicon match
// may contain the trigger; otherwise one of them must have code want.
func checkSenses(t *testing.T, tests []senseCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchCodes(t, tt.text, tt.trigger)
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("%q: %q matched %v, want no event", tt.text, tt.trigger, got)
				}
				return
			}
			if !slices.Contains(got, tt.want) {
				t.Errorf("%q: %q matched %v, want %s", tt.text, tt.trigger, got, tt.want)
			}
		})
	}
}

// matchModes returns "code" or "code/hyp" for the lexicon matches whose
// span text contains trigger; pub is the publication date (nil: unknown).
func matchModes(t *testing.T, text, trigger string, pub *time.Time) []string {
	t.Helper()
	return matchStrings(t, text, trigger, pub, true)
}

var (
	pipeOnce sync.Once
	pipe     interface {
		Process(context.Context, *document.Document) error
	}
	pipeErr error
)

// pipelineTriples runs the default pipeline on text and returns its events as
// sorted "root|source country|target country" strings (negated and
// hypothetical events left out), the unit the evaluation scores.
func pipelineTriples(t *testing.T, text string) []string {
	t.Helper()
	pipeOnce.Do(func() { pipe, pipeErr = stages.Default(stages.Config{}) })
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	d := document.New("t", text)
	pub := time.Date(2025, 6, 12, 0, 0, 0, 0, time.UTC)
	d.Published = &pub
	if err := pipe.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range d.Events {
		if e.Negated || e.Hypothetical {
			continue
		}
		out = append(out, e.Root+"|"+ctry(e.Source)+"|"+ctry(e.Target))
	}
	sort.Strings(out)
	return out
}

// ctry returns the country of a participant's actor ("" for none).
func ctry(p *document.Participant) string {
	if p == nil {
		return ""
	}
	return events.CountryOf(p.Actor)
}

// ruleCase is one text with the pipeline triples it must and must not
// yield (see pipelineTriples).
type ruleCase struct {
	name, text string
	want       []string // triples that must be present, each as often as listed
	not        []string // triples that must be absent
}

// runRules runs each case as a subtest.
func runRules(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := pipelineTriples(t, tc.text)
			have := map[string]int{}
			for _, g := range got {
				have[g]++
			}
			for _, w := range tc.want {
				if have[w] == 0 {
					t.Errorf("missing %s; got %s", w, strings.Join(got, " "))
				}
				have[w]--
			}
			for _, n := range tc.not {
				for _, g := range got {
					if g == n {
						t.Errorf("unwanted %s; got %s", n, strings.Join(got, " "))
					}
				}
			}
		})
	}
}
