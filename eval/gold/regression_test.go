package gold

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/stages"
)

// updateBaseline rewrites testdata/gold/all/baseline.json from the current
// scores: go test ./eval/gold -run TestRegression -update-baseline
var updateBaseline = flag.Bool("update-baseline", false, "rewrite testdata/gold/all/baseline.json from the current scores")

const baselinePath = "../../testdata/gold/all/baseline.json"

// tolerance is how far a score may fall below the baseline before
// TestRegression fails: two points of F1 (or of accuracy).
const tolerance = 0.02

// baseline is the file format of baseline.json: per report layer, per score
// row (F1) or accuracy metric, the recorded value.
type baseline struct {
	Note   string                        `json:"note"`
	Layers map[string]map[string]float64 `json:"layers"`
}

// guarded returns the numbers the regression guard watches: the F1 of every
// score row and every accuracy metric, by layer.
func guarded(reps []*eval.Report) map[string]map[string]float64 {
	m := map[string]map[string]float64{}
	for _, r := range reps {
		l := map[string]float64{}
		for _, row := range r.Rows {
			l[row.Name+" F1"] = round4(row.F1)
		}
		for _, x := range r.Metrics {
			if strings.Contains(x.Name, "accuracy") {
				l[x.Name] = round4(x.Value)
			}
		}
		m[r.Layer] = l
	}
	return m
}

func round4(f float64) float64 {
	var r float64
	fmt.Sscanf(fmt.Sprintf("%.4f", f), "%g", &r)
	return r
}

// TestRegression runs the default pipeline on the all-layer gold set and
// fails when any layer's F1 (or accuracy) drops more than two points below
// the recorded baseline. Only a deliberate commit of a rewritten baseline
// (-update-baseline) moves it.
func TestRegression(t *testing.T) {
	p, err := stages.Default(stages.Config{})
	if err != nil {
		t.Fatal(err)
	}
	reps, err := Evaluate(context.Background(), goldPath, p.Process)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range reps {
		var b strings.Builder
		r.WriteText(&b)
		t.Log("\n" + b.String())
	}
	cur := guarded(reps)
	if *updateBaseline {
		b, err := json.MarshalIndent(baseline{
			Note:   "scores of stages.Default on gold.jsonl; rewrite with: go test ./eval/gold -run TestRegression -update-baseline",
			Layers: cur,
		}, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(baselinePath, append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", baselinePath)
		return
	}
	raw, err := os.ReadFile(baselinePath)
	if err != nil {
		t.Fatalf("%v (create it with -update-baseline)", err)
	}
	var base baseline
	if err := json.Unmarshal(raw, &base); err != nil {
		t.Fatalf("%s: %v", baselinePath, err)
	}
	layers := make([]string, 0, len(base.Layers))
	for l := range base.Layers {
		layers = append(layers, l)
	}
	sort.Strings(layers)
	for _, l := range layers {
		names := make([]string, 0, len(base.Layers[l]))
		for n := range base.Layers[l] {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			want := base.Layers[l][n]
			got, ok := cur[l][n]
			switch {
			case !ok:
				t.Errorf("%s %s: in the baseline (%.4f) but no longer reported", l, n, want)
			case got < want-tolerance:
				t.Errorf("%s %s = %.4f, more than %.2f below the baseline %.4f", l, n, got, tolerance, want)
			case got > want+tolerance:
				t.Logf("%s %s = %.4f improved on the baseline %.4f: consider -update-baseline", l, n, got, want)
			}
		}
	}
}
