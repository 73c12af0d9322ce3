// Package pipeline runs annotation stages over documents. A Stage is one
// method over a Document; stages declare the layers they require and provide,
// and New checks the order once, when the pipeline is built.
package pipeline

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
)

// Stage annotates a Document. Process must be safe for concurrent use on
// different documents: stages hold read-only models and keep per-document
// state on the stack.
type Stage interface {
	// Name is a short lowercase name ("text", "entities").
	Name() string
	// Requires lists every layer Process reads that must be filled before
	// it runs.
	Requires() []document.Layer
	// Provides lists the layers Process fills.
	Provides() []document.Layer
	// Process annotates d. An error fails this document only.
	Process(ctx context.Context, d *document.Document) error
}

// OptionalUser is implemented by a stage that reads layers it can do
// without: each layer Optional lists only improves the result ("geo" reads
// the entities' mentions when they are there). When a stage of the
// pipeline provides such a layer it must run before the user, so that one
// set of stages gives the same output in every order New accepts.
type OptionalUser interface {
	Optional() []document.Layer
}

// Optional returns s's optional layers (OptionalUser), nil when it has none.
func Optional(s Stage) []document.Layer {
	if o, ok := s.(OptionalUser); ok {
		return o.Optional()
	}
	return nil
}

// Pipeline is an ordered list of stages, checked at build time.
type Pipeline struct {
	stages []Stage
	// Timings, when non-nil, receives each stage's duration per document.
	timings *Timings
}

// New checks the order of stages and returns the pipeline. Every layer a
// stage requires must be provided by an earlier stage, every optional layer
// of a stage that some stage provides must be provided by an earlier one,
// and no two stages may provide the same layer. The error names the stage
// and the layer.
func New(stages ...Stage) (*Pipeline, error) {
	provider := map[document.Layer]int{}
	for i, s := range stages {
		for _, l := range s.Provides() {
			if j, ok := provider[l]; ok {
				return nil, fmt.Errorf("pipeline: stages %q and %q both provide layer %q", stages[j].Name(), s.Name(), l)
			}
			provider[l] = i
		}
	}
	for i, s := range stages {
		for _, l := range s.Requires() {
			j, ok := provider[l]
			switch {
			case ok && j == i:
				return nil, fmt.Errorf("pipeline: stage %q requires layer %q, which it provides itself", s.Name(), l)
			case !ok:
				return nil, fmt.Errorf("pipeline: stage %q requires layer %q, which no stage provides", s.Name(), l)
			case j >= i:
				return nil, fmt.Errorf("pipeline: stage %q requires layer %q, which stage %q provides only after it", s.Name(), l, stages[j].Name())
			}
		}
		for _, l := range Optional(s) {
			if j, ok := provider[l]; ok && j >= i {
				return nil, fmt.Errorf("pipeline: stage %q reads layer %q, which stage %q provides only after it", s.Name(), l, stages[j].Name())
			}
		}
	}
	return &Pipeline{stages: stages}, nil
}

// Stages returns the pipeline's stages in order.
func (p *Pipeline) Stages() []Stage { return p.stages }

// WithTimings makes the pipeline record per-stage time into t: wall time
// and the CPU time of the thread that ran the stage (the goroutine stays on
// its thread while it processes a document).
func (p *Pipeline) WithTimings(t *Timings) *Pipeline {
	q := *p
	q.timings = t
	return &q
}

// Process runs every stage over d. A panic inside a stage is recovered and
// returned as an error, so one bad document never takes the run down.
func (p *Pipeline) Process(ctx context.Context, d *document.Document) (err error) {
	if p.timings != nil {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
	}
	for _, s := range p.stages {
		if err := ctx.Err(); err != nil {
			return err
		}
		var start time.Time
		var cpu0 time.Duration
		if p.timings != nil {
			start, cpu0 = time.Now(), cputime.Thread()
		}
		if err := runStage(ctx, s, d); err != nil {
			return err
		}
		if p.timings != nil {
			p.timings.add(s.Name(), time.Since(start), cputime.Thread()-cpu0)
		}
	}
	return nil
}

func runStage(ctx context.Context, s Stage, d *document.Document) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: internal error: %v\n%s", s.Name(), r, debug.Stack())
		}
	}()
	if err := s.Process(ctx, d); err != nil {
		return fmt.Errorf("%s: %w", s.Name(), err)
	}
	return nil
}

// Item is one unit of work for Run: a document to process, or an error the
// reader met while producing it (which Run passes through untouched).
type Item struct {
	Doc *document.Document
	Err error
	// Origin names where the item came from (file path, file:line), for messages.
	Origin string
}

// Run processes the items of in on workers goroutines (runtime.NumCPU() when
// workers < 1) and sends results to out in input order. It closes out when in
// is closed and every item is done, or when ctx is cancelled.
func (p *Pipeline) Run(ctx context.Context, in <-chan Item, out chan<- Item, workers int) {
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	type job struct {
		it   Item
		done chan Item
	}
	// order bounds how far the workers may run ahead of the oldest
	// unfinished document: deep enough that one long document does not
	// leave the other workers idle, shallow enough to bound memory.
	jobs := make(chan job, workers*2)
	order := make(chan chan Item, workers*32)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				it := j.it
				if it.Err == nil && it.Doc != nil {
					if err := p.Process(ctx, it.Doc); err != nil {
						it.Err = err
					}
				}
				j.done <- it
			}
		}()
	}
	go func() {
		defer close(order)
		defer close(jobs)
		for it := range in {
			done := make(chan Item, 1)
			select {
			case order <- done:
			case <-ctx.Done():
				return
			}
			select {
			case jobs <- job{it, done}:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		defer close(out)
		for done := range order {
			select {
			case it := <-done:
				select {
				case out <- it:
				case <-ctx.Done():
					return
				}
			case <-ctx.Done():
				return
			}
		}
		wg.Wait()
	}()
}

// Timings accumulates time per stage: wall time and thread CPU time. It is
// safe for concurrent use.
type Timings struct {
	mu    sync.Mutex
	names []string
	total map[string]*StageTime
}

// StageTime is one stage's accumulated time over the documents it ran on.
type StageTime struct {
	Name string
	// Wall is elapsed time: it grows when other processes take the cores.
	Wall time.Duration
	// CPU is the CPU time (user and system) of the threads that ran the
	// stage, measured with the thread CPU clock (internal/cputime); on
	// systems without one it is 0.
	CPU time.Duration
	// Runs counts the documents the stage finished.
	Runs int
}

func (t *Timings) add(name string, wall, cpu time.Duration) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.total == nil {
		t.total = map[string]*StageTime{}
	}
	st := t.total[name]
	if st == nil {
		st = &StageTime{Name: name}
		t.total[name] = st
		t.names = append(t.names, name)
	}
	st.Wall += wall
	st.CPU += cpu
	st.Runs++
}

// Each calls f for every stage in first-seen order with its accumulated
// wall time.
func (t *Timings) Each(f func(name string, wall time.Duration)) {
	for _, st := range t.Stages() {
		f(st.Name, st.Wall)
	}
}

// Stages returns every stage's accumulated times in first-seen order.
func (t *Timings) Stages() []StageTime {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]StageTime, 0, len(t.names))
	for _, n := range t.names {
		out = append(out, *t.total[n])
	}
	return out
}
