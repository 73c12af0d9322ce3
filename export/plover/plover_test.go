package plover

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/events/eventstest"
)

func TestWrite_roundTrip(t *testing.T) {
	st, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC)
	d := document.New("s1", "“Breaking” — Russian President Vladimir Putin visited North Korea on Tuesday. Japan and South Korea condemned the visit. Israel will attack Iran.")
	d.Published = &pub
	eventstest.Prepare(d)
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, []*document.Document{d}, Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("got %d records, want 3 (the hypothetical attack left out): %+v", len(got), got)
	}
	v := got[0]
	if v.Event[0] != "CONSULT" || len(v.Mode) != 1 || v.Mode[0] != "visit" || v.CAMEO != "042" || v.Date != "2024-06-18" {
		t.Errorf("first record %+v", v)
	}
	runes := []rune(d.Text)
	if string(runes[v.Start:v.End]) != "visited" {
		t.Errorf("trigger offsets %d:%d = %q, want visited", v.Start, v.End, string(runes[v.Start:v.End]))
	}
	if a := v.Actor[0]; string(runes[a.Start:a.End]) != a.RawText || a.Code != "RUS" || a.CountryName != "Russia" || a.SectorCode != "GOV" {
		t.Errorf("actor %+v", a)
	}
	if r := v.Recipient[0]; r.Code != "PRK" || r.RawText != "North Korea" {
		t.Errorf("recipient %+v", r)
	}
	for _, r := range got[1:] {
		if r.Event[0] != "ACCUSE" || len(r.Recipient) != 0 || len(r.EventText) != 1 || !strings.Contains(r.EventText[0], "condemned") {
			t.Errorf("record %+v", r)
		}
	}
	var all bytes.Buffer
	if err := Write(&all, []*document.Document{d}, Options{All: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(all.String(), `"hypothetical":true`) {
		t.Errorf("All output lacks the hypothetical event:\n%s", all.String())
	}
}

func TestRead_errors(t *testing.T) {
	for _, in := range []string{"{", `{"id":"x"}`, `{"id":"x","actor":[],"event":[],"date":"2024/01/01"}`} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) succeeded", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id":"a","date":"2024-01-02","actor":[{"raw_text":"x"}],"event":["AID"]}`)
	f.Add("{}\n[]")
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = Read(strings.NewReader(in))
	})
}
