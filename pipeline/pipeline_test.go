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
