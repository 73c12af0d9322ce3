package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/cputime"
)

type fakeStage struct {
	name          string
	req, pro, opt []document.Layer
	fn            func(*document.Document) error
}

func (f fakeStage) Optional() []document.Layer { return f.opt }

func (f fakeStage) Name() string               { return f.name }
func (f fakeStage) Requires() []document.Layer { return f.req }
func (f fakeStage) Provides() []document.Layer { return f.pro }
func (f fakeStage) Process(_ context.Context, d *document.Document) error {
	if f.fn != nil {
		return f.fn(d)
	}
	return nil
}

var _ Stage = fakeStage{}

func TestNew_Order(t *testing.T) {
	text := fakeStage{name: "text", pro: []document.Layer{document.LayerTokens}}
	ents := fakeStage{name: "entities", req: []document.Layer{document.LayerTokens}, pro: []document.Layer{document.LayerMentions}}
	if _, err := New(text, ents); err != nil {
		t.Fatalf("valid order rejected: %v", err)
	}
	if _, err := New(ents, text); err == nil || !strings.Contains(err.Error(), `requires layer "tokens"`) {
		t.Fatalf("wrong order accepted: %v", err)
	}
	if _, err := New(text, text); err == nil || !strings.Contains(err.Error(), "both provide") {
		t.Fatalf("duplicate provider accepted: %v", err)
	}
	if _, err := New(ents); err == nil || !strings.Contains(err.Error(), `stage "entities" requires layer "tokens", which no stage provides`) {
		t.Fatalf("missing provider accepted: %v", err)
	}
	self := fakeStage{name: "self", req: []document.Layer{document.LayerTokens}, pro: []document.Layer{document.LayerTokens}}
	if _, err := New(self); err == nil || !strings.Contains(err.Error(), "provides itself") {
		t.Fatalf("self-requirement accepted: %v", err)
	}
}

func TestNew_Optional(t *testing.T) {
	text := fakeStage{name: "text", pro: []document.Layer{document.LayerTokens}}
	ents := fakeStage{name: "entities", req: []document.Layer{document.LayerTokens}, pro: []document.Layer{document.LayerMentions}}
	geo := fakeStage{name: "geo", req: []document.Layer{document.LayerTokens}, opt: []document.Layer{document.LayerMentions}, pro: []document.Layer{document.LayerLocations}}
	for _, order := range [][]Stage{{text, geo}, {text, ents, geo}} {
		if _, err := New(order...); err != nil {
			t.Errorf("valid order rejected: %v", err)
		}
	}
	_, err := New(text, geo, ents)
	if err == nil || !strings.Contains(err.Error(), `stage "geo" reads layer "mentions", which stage "entities" provides only after it`) {
		t.Errorf("optional layer provided later accepted: %v", err)
	}
	if got := Optional(geo); len(got) != 1 || got[0] != document.LayerMentions {
		t.Errorf("Optional(geo) = %v", got)
	}
}

func TestProcess_ErrorsAndPanics(t *testing.T) {
	boom := fakeStage{name: "boom", fn: func(d *document.Document) error {
		if d.ID == "panic" {
			var ms []int
			_ = ms[len(d.ID)] // an index out of range, as a buggy stage would
		}
		if d.ID == "fail" {
			return errors.New("no good")
		}
		return nil
	}}
	p, _ := New(boom)
	if err := p.Process(context.Background(), document.New("ok", "x")); err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), document.New("fail", "x")); err == nil || err.Error() != "boom: no good" {
		t.Fatalf("error = %v", err)
	}
	if err := p.Process(context.Background(), document.New("panic", "x")); err == nil || !strings.Contains(err.Error(), "boom: internal error") {
		t.Fatalf("panic not recovered as error: %v", err)
	}
}

func TestRun_OrderAndFailures(t *testing.T) {
	var timings Timings
	mark := fakeStage{name: "mark", fn: func(d *document.Document) error {
		if strings.HasSuffix(d.ID, "7") {
			return errors.New("seven")
		}
		d.Title = "done " + d.ID
		return nil
	}}
	p, _ := New(mark)
	p = p.WithTimings(&timings)
	in := make(chan Item)
	out := make(chan Item)
	go func() {
		defer close(in)
		for i := 0; i < 200; i++ {
			id := string(rune('a'+i%26)) + string(rune('0'+i%10))
			if i%50 == 3 {
				in <- Item{Err: errors.New("unreadable"), Origin: id}
				continue
			}
			in <- Item{Doc: document.New(id, "text"), Origin: id}
		}
	}()
	p.Run(context.Background(), in, out, 4)
	i := 0
	for it := range out {
		id := string(rune('a'+i%26)) + string(rune('0'+i%10))
		if it.Origin != id {
			t.Fatalf("item %d is %s, want %s: order lost", i, it.Origin, id)
		}
		switch {
		case i%50 == 3:
			if it.Err == nil || it.Err.Error() != "unreadable" {
				t.Errorf("reader error not passed through: %v", it.Err)
			}
		case strings.HasSuffix(id, "7"):
			if it.Err == nil {
				t.Errorf("%s: stage error lost", id)
			}
		default:
			if it.Err != nil || it.Doc.Title != "done "+id {
				t.Errorf("%s: %v %q", id, it.Err, it.Doc.Title)
			}
		}
		i++
	}
	if i != 200 {
		t.Fatalf("got %d items", i)
	}
	var names []string
	timings.Each(func(name string, _ time.Duration) { names = append(names, name) })
	if len(names) != 1 || names[0] != "mark" {
		t.Errorf("timings recorded %v", names)
	}
}

// ctxStage loops until its context is done, checking it as stages do in
// their main loops; stubborn ignores the context for sleep.
type ctxStage struct {
	name     string
	stubborn time.Duration
}

func (c ctxStage) Name() string               { return c.name }
func (c ctxStage) Requires() []document.Layer { return nil }
func (c ctxStage) Provides() []document.Layer { return nil }
func (c ctxStage) Process(ctx context.Context, d *document.Document) error {
	if c.stubborn > 0 {
		time.Sleep(c.stubborn)
		return nil
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		time.Sleep(time.Millisecond)
	}
}

func TestBudget(t *testing.T) {
	const budget = 100 * time.Millisecond
	quick := fakeStage{name: "text", pro: []document.Layer{document.LayerTokens}, fn: func(d *document.Document) error {
		d.Tokens = make([]document.Token, 50)
		return nil
	}}
	tests := []struct {
		name      string
		stages    []Stage
		b         Budget
		wantStage string // "" when the document succeeds
		wantWhat  string
		within    time.Duration
	}{
		{"no budget, quick", []Stage{quick}, Budget{}, "", "", time.Second},
		{"loop honours ctx", []Stage{quick, ctxStage{name: "events"}}, Budget{Timeout: budget}, "events", "time", 2 * budget},
		{"stubborn stage abandoned", []Stage{quick, ctxStage{name: "geo", stubborn: 2 * time.Second}}, Budget{Timeout: budget}, "geo", "time", 2*budget + 50*time.Millisecond},
		{"token cap", []Stage{quick, ctxStage{name: "events"}}, Budget{Timeout: time.Minute, MaxTokens: 10}, "text", "tokens", time.Second},
		{"under the cap", []Stage{quick}, Budget{Timeout: time.Minute, MaxTokens: 50}, "", "", time.Second},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := New(tc.stages...)
			if err != nil {
				t.Fatal(err)
			}
			p = p.WithBudget(tc.b)
			start := time.Now()
			err = p.Process(context.Background(), document.New("x", "some text"))
			took := time.Since(start)
			if took > tc.within {
				t.Errorf("took %v, want at most %v", took, tc.within)
			}
			if tc.wantStage == "" {
				if err != nil {
					t.Fatalf("err = %v, want nil", err)
				}
				return
			}
			var be *BudgetError
			if !errors.As(err, &be) || !errors.Is(err, ErrOverBudget) {
				t.Fatalf("err = %v, want a *BudgetError", err)
			}
			if be.Stage != tc.wantStage || be.What != tc.wantWhat {
				t.Errorf("budget error %+v, want stage %q what %q", be, tc.wantStage, tc.wantWhat)
			}
			if !strings.HasPrefix(err.Error(), tc.wantStage+": over the per-document") {
				t.Errorf("message %q does not start with the stage", err)
			}
		})
	}
}

// TestBudget_RunGoesOn checks that one document over budget fails alone:
// the next one is processed and the run keeps input order.
func TestBudget_RunGoesOn(t *testing.T) {
	slow := fakeStage{name: "slow", fn: func(d *document.Document) error { return nil }}
	p, err := New(slow, ctxLoopOn{"loop"})
	if err != nil {
		t.Fatal(err)
	}
	p = p.WithBudget(Budget{Timeout: 50 * time.Millisecond})
	in := make(chan Item, 3)
	out := make(chan Item, 3)
	in <- Item{Doc: document.New("a", "ok"), Origin: "a"}
	in <- Item{Doc: document.New("b", "LOOP"), Origin: "b"}
	in <- Item{Doc: document.New("c", "ok"), Origin: "c"}
	close(in)
	p.Run(context.Background(), in, out, 2)
	var got []string
	for it := range out {
		s := it.Origin + "=ok"
		if it.Err != nil {
			s = it.Origin + "=" + it.Err.Error()
			if it.Doc != nil {
				t.Errorf("%s: failed over budget but Doc kept", it.Origin)
			}
		}
		got = append(got, s)
	}
	want := []string{"a=ok", "b=loop: over the per-document time budget of 50ms (--doc-timeout)", "c=ok"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// ctxLoopOn loops (honouring ctx) on documents whose text is "LOOP".
type ctxLoopOn struct{ name string }

func (c ctxLoopOn) Name() string               { return c.name }
func (c ctxLoopOn) Requires() []document.Layer { return nil }
func (c ctxLoopOn) Provides() []document.Layer { return nil }
func (c ctxLoopOn) Process(ctx context.Context, d *document.Document) error {
	for d.Text == "LOOP" {
		if err := ctx.Err(); err != nil {
			return err
		}
		time.Sleep(time.Millisecond)
	}
	return nil
}

func TestRunStage_NoDoubledPrefix(t *testing.T) {
	s := fakeStage{name: "html", fn: func(*document.Document) error { return errors.New("html: bad markup") }}
	p, _ := New(s)
	if err := p.Process(context.Background(), document.New("x", "y")); err == nil || err.Error() != "html: bad markup" {
		t.Errorf("err = %v, want the stage's own message once", err)
	}
}

// TestRun_CancelWithOpenInput: cancelling the context closes out even when
// the input is never closed (a reader blocked on standard input).
func TestRun_CancelWithOpenInput(t *testing.T) {
	p, _ := New(fakeStage{name: "text"})
	in := make(chan Item)
	out := make(chan Item)
	ctx, cancel := context.WithCancel(context.Background())
	p.Run(ctx, in, out, 2)
	in <- Item{Doc: document.New("a", "x")}
	<-out
	cancel()
	select {
	case _, ok := <-out:
		if ok {
			t.Error("an item after cancel")
		}
	case <-time.After(2 * time.Second):
		t.Fatal("out not closed after cancel")
	}
}

// TestTimings_CPUAndWall checks that a stage that sleeps is charged wall
// time but almost no CPU time, and one that computes is charged CPU time.
func TestTimings_CPUAndWall(t *testing.T) {
	var sink uint64
	sleep := fakeStage{name: "sleep", fn: func(*document.Document) error {
		time.Sleep(20 * time.Millisecond)
		return nil
	}}
	spin := fakeStage{name: "spin", fn: func(*document.Document) error {
		x := uint64(1)
		for i := 0; i < 20_000_000; i++ {
			x = x*6364136223846793005 + 1442695040888963407
		}
		sink += x
		return nil
	}}
	var timings Timings
	p, err := New(sleep, spin)
	if err != nil {
		t.Fatal(err)
	}
	p = p.WithTimings(&timings)
	for i := 0; i < 3; i++ {
		if err := p.Process(context.Background(), document.New("d", "x")); err != nil {
			t.Fatal(err)
		}
	}
	st := timings.Stages()
	if len(st) != 2 || st[0].Name != "sleep" || st[1].Name != "spin" {
		t.Fatalf("stages %+v", st)
	}
	for _, s := range st {
		if s.Runs != 3 {
			t.Errorf("%s: %d runs, want 3", s.Name, s.Runs)
		}
	}
	if st[0].Wall < 60*time.Millisecond {
		t.Errorf("sleep: wall %v, want at least 60ms", st[0].Wall)
	}
	if st[0].CPU > st[0].Wall/2 {
		t.Errorf("sleep: CPU %v for wall %v: sleeping was charged as CPU time", st[0].CPU, st[0].Wall)
	}
	if cputime.Thread() == 0 {
		return // no thread CPU clock here
	}
	if st[1].CPU <= 0 || st[1].CPU > st[1].Wall+5*time.Millisecond {
		t.Errorf("spin: CPU %v, wall %v", st[1].CPU, st[1].Wall)
	}
	_ = sink
}
