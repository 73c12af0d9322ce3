package stages

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/read"
)

// exampleDocs reads examples/ as unprocessed documents.
func exampleDocs(t *testing.T) []*document.Document {
	t.Helper()
	var docs []*document.Document
	err := read.Walk(context.Background(), []string{filepath.Join("..", "examples")}, nil, read.Options{}, func(r read.Result) error {
		if r.Err != nil {
			t.Fatalf("%s: %v", r.Origin, r.Err)
		}
		docs = append(docs, r.Doc)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) < 10 {
		t.Fatalf("read %d example documents, want at least 10", len(docs))
	}
	return docs
}

// fresh returns a copy of d's input (no layers).
func fresh(d *document.Document) *document.Document {
	c := document.New(d.ID, d.Text)
	c.Title, c.URL, c.Source, c.Published, c.Language, c.Meta = d.Title, d.URL, d.Source, d.Published, d.Language, d.Meta
	return c
}

// outputs runs p over copies of docs and returns their output contract JSON.
func outputs(t *testing.T, p *pipeline.Pipeline, docs []*document.Document) []string {
	t.Helper()
	var out []string
	for _, d := range docs {
		c := fresh(d)
		if err := p.Process(context.Background(), c); err != nil {
			t.Fatalf("%s: %v", d.ID, err)
		}
		b, err := json.Marshal(c.Output(document.OutputOptions{}))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// permute calls f with every permutation of ss.
func permute(ss []pipeline.Stage, k int, f func([]pipeline.Stage)) {
	if k == len(ss) {
		f(ss)
		return
	}
	for i := k; i < len(ss); i++ {
		ss[k], ss[i] = ss[i], ss[k]
		permute(ss, k+1, f)
		ss[k], ss[i] = ss[i], ss[k]
	}
}

func names(ss []pipeline.Stage) string {
	var n []string
	for _, s := range ss {
		n = append(n, s.Name())
	}
	return strings.Join(n, ",")
}

// TestOrders_SameOutput builds the default stages in every order and checks
// that every order the pipeline accepts gives the default order's output on
// the examples: a stage that reads a layer declares it (Requires or
// Optional), so no accepted order can run it before the layer is there.
func TestOrders_SameOutput(t *testing.T) {
	p, err := Default(Config{})
	if err != nil {
		t.Fatal(err)
	}
	docs := exampleDocs(t)
	want := outputs(t, p, docs)
	// The stages that read only the text stage's layers and that no other
	// stage reads (tone, themes) can run anywhere after text: permuting
	// them with the others would multiply the orders by 110. They are
	// checked in every position of the default order instead, the others
	// in every order.
	var ss, free []pipeline.Stage
	for _, st := range p.Stages() {
		if st.Name() == "tone" || st.Name() == "themes" {
			free = append(free, st)
		} else {
			ss = append(ss, st)
		}
	}
	accepted, rejected := 0, 0
	check := func(order []pipeline.Stage) {
		q, err := pipeline.New(order...)
		if err != nil {
			rejected++
			return
		}
		accepted++
		got := outputs(t, q, docs)
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("order %s: %s differs from the default order's output", names(order), docs[i].ID)
			}
		}
	}
	permute(ss, 0, func(order []pipeline.Stage) { check(append(append([]pipeline.Stage(nil), order...), free...)) })
	base := p.Stages()
	for _, f := range free {
		var rest []pipeline.Stage
		for _, st := range base {
			if st != f {
				rest = append(rest, st)
			}
		}
		for i := 0; i <= len(rest); i++ {
			order := append(append(append([]pipeline.Stage(nil), rest[:i]...), f), rest[i:]...)
			check(order)
		}
	}
	t.Logf("%d orders accepted (same output), %d rejected", accepted, rejected)
	if accepted < 2 {
		t.Errorf("only %d orders accepted; the check checks nothing", accepted)
	}
}

// TestOrders_MissingLayer checks that a pipeline without the stage that
// provides a required layer, or with it after its user, is rejected with a
// message that names the layer.
func TestOrders_MissingLayer(t *testing.T) {
	p, err := Default(Config{})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]pipeline.Stage{}
	for _, s := range p.Stages() {
		by[s.Name()] = s
	}
	tests := []struct {
		order []string
		want  string
	}{
		{[]string{"text", "entities", "geo", "events"}, `stage "events" requires layer "actors", which no stage provides`},
		{[]string{"entities", "text"}, `stage "entities" requires layer "sentences", which stage "text" provides only after it`},
		{[]string{"text", "entities", "actors", "geo"}, `stage "actors" reads layer "locations", which stage "geo" provides only after it`},
		{[]string{"text", "genre", "quotes", "entities"}, `stage "quotes" reads layer "mentions", which stage "entities" provides only after it`},
		{[]string{"text", "quotes", "genre"}, `stage "quotes" requires layer "genre", which stage "genre" provides only after it`},
	}
	for _, tt := range tests {
		var ss []pipeline.Stage
		for _, n := range tt.order {
			ss = append(ss, by[n])
		}
		_, err := pipeline.New(ss...)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%v: error %v, want %q", tt.order, err, tt.want)
		}
	}
}

// TestDefault_NamesAndSkip checks Names against the built pipeline and that
// Skip leaves stages out, rejects unknown names and cannot remove a layer
// another stage requires.
func TestDefault_NamesAndSkip(t *testing.T) {
	p, err := Default(Config{Syntax: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(p.Stages()); got != strings.Join(Names, ",") {
		t.Errorf("stages %s, Names %v", got, Names)
	}
	q, err := Default(Config{Skip: []string{"events", "counts"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(q.Stages()); got != "text,tone,themes,topic,genre,entities,geo,actors,quotes" {
		t.Errorf("skip events,counts: %s", got)
	}
	r, err := Default(Config{Syntax: true, Skip: []string{"events", "counts"}})
	if err != nil {
		t.Fatal(err)
	}
	if got := names(r.Stages()); got != "text,syntax,tone,themes,topic,genre,entities,geo,actors,quotes" {
		t.Errorf("Syntax, skip events,counts: %s", got)
	}
	if _, err := Default(Config{Skip: []string{"event"}}); err == nil || !strings.Contains(err.Error(), `unknown stage "event"`) {
		t.Errorf("unknown stage: %v", err)
	}
	if _, err := Default(Config{Skip: []string{"actors"}}); err == nil || !strings.Contains(err.Error(), `requires layer "actors"`) {
		t.Errorf("skip actors: %v", err)
	}
}
