package pipeline

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
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
