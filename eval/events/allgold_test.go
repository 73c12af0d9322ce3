package events

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/eval/gold"
	evcoder "github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/stages"
)

// allGoldHalf returns the stories of the independent all-layer gold whose
// ids lie in [from, to] (inclusive, compared as strings).
func allGoldHalf(t *testing.T, from, to string) []*gold.Story {
	t.Helper()
	p, err := filepath.Abs("../../testdata/gold/all/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	all, err := gold.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var out []*gold.Story
	for _, s := range all {
		if s.ID >= from && s.ID <= to {
			out = append(out, s)
		}
	}
	return out
}

// TestDebugAllGold prints gold and predicted (root, source, target) triples
// of the independent all-layer gold, story by story, for the stories whose
// ids lie in $EVENTS_DEBUG_ALL ("g001-g022" is the development half); it is
// skipped unless the variable is set. Scores of both halves are printed too.
func TestDebugAllGold(t *testing.T) {
	rng := os.Getenv("EVENTS_DEBUG_ALL")
	if rng == "" {
		t.Skip("EVENTS_DEBUG_ALL not set")
	}
	from, to, _ := strings.Cut(rng, "-")
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	var sum eval.Score
	for _, s := range allGoldHalf(t, from, to) {
		d := document.New(s.ID, s.Text)
		if tm, ok := s.PublishedTime(); ok {
			d.Published = &tm
		}
		if err := p.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		var g, pr []string
		for _, e := range s.Events {
			g = append(g, fmt.Sprintf("%s|%s|%s", e.Code, e.Source, e.Target))
		}
		var gc, pc []string
		for _, e := range s.Events {
			gc = append(gc, e.Root+"|"+evcoder.CountryOf(e.Source)+"|"+evcoder.CountryOf(e.Target))
		}
		for _, e := range d.Events {
			if e.Negated || e.Hypothetical {
				continue
			}
			pc = append(pc, e.Root+"|"+evcoder.CountryOf(actor(e.Source))+"|"+evcoder.CountryOf(actor(e.Target)))
		}
		sc := eval.Multiset(gc, pc)
		sum.Add(sc)
		fmt.Printf("== %s tp=%d fp=%d fn=%d\n", s.ID, sc.TP, sc.FP, sc.FN)
		for _, e := range d.Events {
			pr = append(pr, fmt.Sprintf("%s|%s|%s neg=%v hyp=%v %q", e.Code, actor(e.Source), actor(e.Target), e.Negated, e.Hypothetical, d.Slice(e.Span)))
		}
		sort.Strings(g)
		for _, x := range g {
			fmt.Println("  gold", x)
		}
		for _, x := range pr {
			fmt.Println("  pred", x)
		}
	}
	fmt.Printf("TOTAL %s: P %.3f R %.3f (tp=%d fp=%d fn=%d)\n", rng, sum.Precision(), sum.Recall(), sum.TP, sum.FP, sum.FN)
}
