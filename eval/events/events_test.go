package events

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/shareddata"
)

func goldPath(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs("../../testdata/gold/events/gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// The targets on the events gold at (root, source country, target
// country). The tests log them and fail only below their regression floors.
const (
	targetP = 0.85
	targetR = 0.7
)

// TestGold_standalone scores the events stage alone (simple tokenizer and
// actor tagger) on the gold stories, logs the targets and holds it
// to a regression floor.
func TestGold_standalone(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), []string{"--gold", goldPath(t)}, &out, &errb); code != 0 {
		t.Fatalf("Main = %d, stderr %s", code, errb.String())
	}
	t.Log("\n" + out.String())
	p, err := Standalone()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Evaluate(context.Background(), goldPath(t), p)
	if err != nil {
		t.Fatal(err)
	}
	row, ok := r.Score("root+src+tgt country")
	if !ok {
		t.Fatal("no root score")
	}
	if row.P < targetP || row.R < targetR {
		t.Logf("precision %.3f recall %.3f, below the issue's targets P >= %.2f, R >= %.2f", row.P, row.R, targetP, targetR)
	}
	if row.P < 0.75 || row.R < 0.58 {
		t.Errorf("precision %.3f recall %.3f, want >= 0.75 and >= 0.58 with the stand-alone tagger (regression floor)", row.P, row.R)
	}
	stories, err := LoadGold(goldPath(t))
	if err != nil || len(stories) < 40 {
		t.Errorf("gold has %d stories (%v), want >= 40", len(stories), err)
	}
}

// TestPlover holds PLOVER type accuracy on 300 of the synthetic stories;
// EVENTS_PLOVER_ALL=1 runs all 4,500 and logs the report.
func TestPlover(t *testing.T) {
	path := shareddata.Require(t, DefaultPlover)
	if testing.Short() {
		t.Skip("short")
	}
	limit := 300
	if os.Getenv("EVENTS_PLOVER_ALL") != "" {
		limit = 0
	}
	p, err := Standalone()
	if err != nil {
		t.Fatal(err)
	}
	r, err := EvaluatePlover(context.Background(), path, p, limit)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := r.WriteText(&out); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + out.String())
	for _, m := range r.Metrics {
		if m.Name == "PLOVER type accuracy" && m.Value < 0.55 {
			t.Errorf("PLOVER type accuracy %.3f, want >= 0.55", m.Value)
		}
	}
}

// TestScore checks root and code scoring of predicted against gold
// triples at country level.
func TestScore(t *testing.T) {
	ev := func(code, src, tgt string) document.Event {
		e := document.Event{Code: code, Root: code[:2]}
		if src != "" {
			e.Source = &document.Participant{Actor: src}
		}
		if tgt != "" {
			e.Target = &document.Participant{Actor: tgt}
		}
		return e
	}
	pred := []document.Event{ev("194", "RUSMIL", "UKR"), ev("111", "USA", ""), ev("0256", "UNO", "SDN")}
	gold := []GoldEvent{{Root: "19", Code: "195", Source: "RUS", Target: "UKRGOV"}, {Root: "11", Code: "111", Source: "USAGOV"}, {Root: "04", Code: "040", Source: "IND", Target: "PAK"}}
	root, code := Score(pred, gold)
	if root.TP != 2 || root.FP != 1 || root.FN != 1 {
		t.Errorf("root score = %+v, want TP 2 FP 1 FN 1", root)
	}
	if code.TP != 1 || code.FP != 2 || code.FN != 2 {
		t.Errorf("code score = %+v, want TP 1 FP 2 FN 2", code)
	}
}

// TestMain_usage checks the exit codes of a missing --gold and of an
// unreadable gold file.
func TestMain_usage(t *testing.T) {
	var out, errb bytes.Buffer
	if code := Main(context.Background(), nil, &out, &errb); code != 2 {
		t.Errorf("Main() = %d, want 2", code)
	}
	if !strings.Contains(errb.String(), "usage") {
		t.Errorf("stderr %q lacks usage", errb.String())
	}
	if code := Main(context.Background(), []string{"--gold", "/nonexistent/gold.jsonl"}, &out, &errb); code != 1 {
		t.Errorf("Main(missing file) = %d, want 1", code)
	}
}
