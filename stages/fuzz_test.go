package stages

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/contract"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
)

var (
	fuzzOnce sync.Once
	fuzzP    *pipeline.Pipeline
	fuzzErr  error
)

func defaultPipeline(tb testing.TB) *pipeline.Pipeline {
	tb.Helper()
	fuzzOnce.Do(func() { fuzzP, fuzzErr = Default(Config{}) })
	if fuzzErr != nil {
		tb.Fatal(fuzzErr)
	}
	return fuzzP
}

// fuzzBound is the time any input of n bytes must be done in: a second,
// plus 100 µs a byte (64 KB: 7.5 s), times the machine's load per core
// when other processes keep every core busy (wall time is what the
// budget measures; on a shared runner it stretches with the load).
func fuzzBound(n int) time.Duration {
	return time.Duration(float64(time.Second+time.Duration(n)*100*time.Microsecond) * loadFactor())
}

// loadFactor is the 1-minute load average per core, at least 1.
func loadFactor() float64 {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return 1
	}
	var l float64
	fmt.Sscanf(string(b), "%f", &l)
	return max(1, l/float64(runtime.NumCPU()))
}

// hostileSeeds are small forms of the inputs that made stages super-linear
// or fragile: one name, place or quote repeated, no sentence ends, deep
// nesting of quotes, stray control and multibyte characters.
var hostileSeeds = []string{
	strings.Repeat("President Ana Ortega of Spain met Prime Minister Ruiz in Madrid. ", 300),
	strings.Repeat("Madrid Paris London Cairo Lima ", 800),
	strings.Repeat(`"We will not leave," said Ortega. `, 300),
	strings.Repeat("word ", 6000),
	strings.Repeat("« “‘nested ", 1000) + strings.Repeat("’” »", 1000),
	strings.Repeat("12,000 people and 3.5% of 40 million dollars ", 400),
	"\ufeff\u200b\u00a0MADRID (Reuters) -\n\n\n" + strings.Repeat("ÉÉÉ ", 1000),
	strings.Repeat("The army attacked the rebels, who attacked the army, which ", 200),
}

// FuzzPipeline runs the whole default pipeline over any text up to 64 KB:
// it must finish (no stage may run out of a budget proportional to the
// input's size), never panic, and produce output that meets the contract.
func FuzzPipeline(f *testing.F) {
	files, _ := filepath.Glob("../examples/*.txt")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, s := range hostileSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		d, err := read.Text(data, "auto")
		if err != nil {
			return // refused by the reader: its own fuzz test covers that
		}
		checkBounded(t, d, fuzzBound(len(data)))
	})
}

// checkBounded processes d with a budget of bound and fails unless it
// finishes within it, without a panic, meeting the output contract.
func checkBounded(t *testing.T, d *document.Document, bound time.Duration) {
	t.Helper()
	p := defaultPipeline(t).WithBudget(pipeline.Budget{Timeout: bound})
	start := time.Now()
	err := p.Process(context.Background(), d)
	took := time.Since(start)
	switch {
	case errors.Is(err, pipeline.ErrOverBudget):
		t.Fatalf("%d bytes: %v (bound %v)", len(d.Text), err, bound)
	case err != nil && strings.Contains(err.Error(), "internal error"):
		t.Fatalf("%d bytes: stage panic: %v", len(d.Text), err)
	case err != nil:
		t.Fatalf("%d bytes: %v", len(d.Text), err)
	}
	if took > bound {
		t.Fatalf("%d bytes took %v, over %v", len(d.Text), took, bound)
	}
	raw, err := json.Marshal(d.Output(document.OutputOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	if err := contract.Validate(raw, d.Text); err != nil {
		t.Fatalf("%d bytes: %v", len(d.Text), err)
	}
}

// TestHostileDocuments are the hostile documents, as regression
// tests: each finishes within the fuzz bound of its size (the seeds), or,
// for the large ones, finishes or is cut within twice the default budget.
func TestHostileDocuments(t *testing.T) {
	for i, s := range hostileSeeds {
		d, err := read.Text([]byte(s), "auto")
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		checkBounded(t, d, fuzzBound(len(s)))
	}
	if testing.Short() {
		t.Skip("large documents: skipped in -short mode")
	}
	const budget = 10 * time.Second // --doc-timeout's default
	t.Run("480 KB of repeated news finishes", func(t *testing.T) {
		// 38 s before the budgets and the linear algorithms (issue 20);
		// about 2 s of CPU now, the dependency parser most of it.
		d := document.New("480k", repeatedNews(t, 480<<10))
		checkBounded(t, d, time.Duration(float64(budget)*loadFactor()))
	})
	t.Run("7.5 MB HTML of 150k paragraphs: cut or done within 2x budget", func(t *testing.T) {
		var b strings.Builder
		b.WriteString("<html><body>")
		for i := 0; b.Len() < 7_500_000; i++ {
			b.WriteString("<p>Police in Oslo arrested two men on Tuesday, officials said.</p>\n")
		}
		b.WriteString("</body></html>")
		d, err := read.HTML([]byte(b.String()), "")
		if err != nil {
			t.Fatal(err)
		}
		p := defaultPipeline(t).WithBudget(pipeline.Budget{Timeout: budget, MaxTokens: 500_000})
		start := time.Now()
		err = p.Process(context.Background(), d)
		if took := time.Since(start); took > 2*budget {
			t.Errorf("took %v, over twice the budget", took)
		}
		var be *pipeline.BudgetError
		if err != nil && !errors.As(err, &be) {
			t.Errorf("err = %v, want nil or a budget error", err)
		}
		t.Logf("%d paragraphs: %v", len(d.Paragraphs), err)
	})
}
