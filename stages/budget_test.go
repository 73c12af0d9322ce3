package stages

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
)

// repeatedNews returns about n bytes of the examples' stories repeated:
// the same people, places and events over and over, the input that made
// coreference and place resolution super-linear.
func repeatedNews(t *testing.T, n int) string {
	t.Helper()
	files, err := filepath.Glob("../examples/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no examples: %v", err)
	}
	var one strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		one.Write(b)
		one.WriteString("\n\n")
	}
	s := strings.Repeat(one.String(), n/one.Len()+1)
	return s[:strings.LastIndexByte(s[:n], '\n')]
}

// TestBudget_HostileDocument runs the default pipeline over a 10 MB
// document of repeated news with a per-document budget: it must finish or
// be cut, naming a stage, within twice the budget.
func TestBudget_HostileDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("10 MB document: skipped in -short mode")
	}
	const budget = 3 * time.Second
	p, err := Default(Config{})
	if err != nil {
		t.Fatal(err)
	}
	p = p.WithBudget(pipeline.Budget{Timeout: budget})
	d := document.New("big", repeatedNews(t, 10<<20))
	start := time.Now()
	err = p.Process(context.Background(), d)
	took := time.Since(start)
	t.Logf("10 MB repeated news, budget %v: %v after %v", budget, err, took)
	if took > 2*budget {
		t.Errorf("took %v, over twice the budget %v", took, budget)
	}
	var be *pipeline.BudgetError
	if err != nil && (!errors.As(err, &be) || be.Stage == "") {
		t.Errorf("err = %v, want nil or a *pipeline.BudgetError naming the stage", err)
	}
}
