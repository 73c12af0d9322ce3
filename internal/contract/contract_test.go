package contract

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

func sample() *document.Document {
	text := "Ana Ortega, Spain’s foreign minister, said 140 schools were destroyed."
	d := document.New("doc1", text)
	pub := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	d.Published = &pub
	b := func(s string) document.Span {
		i := strings.Index(text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	d.Mentions = []document.Mention{{Span: b("Ana Ortega"), Type: document.Person, Kind: document.Name, Entity: 0}, {Span: b("Spain"), Type: document.GPE, Kind: document.Name, Entity: 1}}
	d.Entities = []document.Entity{{Name: "Ana Ortega", Type: document.Person, Actor: "ESPGOV", Mentions: []int{0}}, {Name: "Spain", Type: document.GPE, Actor: "ESP", Mentions: []int{1}}}
	d.Counts = []document.Count{{Span: b("140"), Value: 140, Object: "schools", Category: "DESTROY", AttributedTo: 0, Location: -1}}
	d.Quotes = []document.Quote{{Span: b("140 schools were destroyed"), Cue: "said", Speaker: &document.Speaker{Span: b("Ana Ortega"), Name: "Ana Ortega", Entity: 0}}}
	lat, lon := 40.4, -3.7
	d.Locations = []document.Location{{Span: b("Spain"), Name: "Spain", Country: "ES", Lat: &lat, Lon: &lon, Feature: "country", GeonameID: 2510769, Mention: 1}}
	d.Events = []document.Event{{Span: b("said"), Code: "010", Root: "01", Quad: 1, Source: &document.Participant{Name: "Ana Ortega", Actor: "ESPGOV", Entity: 0}, Location: 0, Evidence: []document.Span{b("said")}}}
	return d
}

func TestValidate(t *testing.T) {
	d := sample()
	raw, err := json.Marshal(d.Output(document.OutputOptions{WithText: true}))
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(raw, d.Text); err != nil {
		t.Fatalf("valid document rejected: %v\n%s", err, raw)
	}
	empty, _ := json.Marshal(document.New("e", "x").Output(document.OutputOptions{}))
	if err := Validate(empty, "x"); err != nil {
		t.Fatalf("empty layers rejected: %v", err)
	}
	// The curly apostrophe makes byte and code point offsets differ: a
	// byte offset leaking out would fail the span check.
	d.Counts[0].Span.Start += 2
	d.Counts[0].Span.End += 2
	raw, _ = json.Marshal(d.Output(document.OutputOptions{}))
	var o map[string]any
	_ = json.Unmarshal(raw, &o)
	o["counts"].([]any)[0].(map[string]any)["text"] = "140"
	raw, _ = json.Marshal(o)
	if err := Validate(raw, d.Text); err == nil {
		t.Fatal("wrong span accepted")
	}
	bad := []string{
		`{"id":"x"}`,
		strings.Replace(string(empty), `"mentions":[]`, `"mentions":[{"start":0,"end":1,"text":"x","type":"PLANET","entity":null}]`, 1),
	}
	for _, b := range bad {
		if err := Validate([]byte(b), ""); err == nil {
			t.Errorf("invalid document accepted: %s", b)
		}
	}
}

func TestFromOutput_RoundTrip(t *testing.T) {
	d := sample()
	o := d.Output(document.OutputOptions{WithText: true})
	raw1, _ := json.Marshal(o)
	back := document.FromOutput(o)
	raw2, _ := json.Marshal(back.Output(document.OutputOptions{WithText: true}))
	if string(raw1) != string(raw2) {
		t.Fatalf("round trip differs:\n%s\n%s", raw1, raw2)
	}
}
