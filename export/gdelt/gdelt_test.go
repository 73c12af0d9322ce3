package gdelt

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/events"
	"github.com/newsgraph/newsgraph/events/eventstest"
)

func coded(t testing.TB) []*document.Document {
	t.Helper()
	st, err := events.New(events.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pub := time.Date(2024, 3, 14, 9, 30, 0, 0, time.UTC)
	texts := []string{
		"Russian forces shelled the Ukrainian city of Kharkiv on Tuesday, Ukrainian officials said. Ukraine condemned the shelling of Kharkiv by Russian forces.",
		"« Récit » — Turkish police arrested an Iranian diplomat in Ankara on March 3. Iran summoned the Turkish ambassador.",
		"Israel did not attack Iran.",
	}
	var docs []*document.Document
	for i, tx := range texts {
		d := document.New(string(rune('a'+i)), tx)
		d.URL = "https://www.example.org/story" + string(rune('a'+i))
		d.Published = &pub
		eventstest.Prepare(d)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

func TestWriteEvents_roundTrip(t *testing.T) {
	docs := coded(t)
	var buf bytes.Buffer
	if err := WriteEvents(&buf, docs, Options{}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	var want []document.Event
	for _, d := range docs {
		for _, e := range d.Events {
			if !e.Negated && !e.Hypothetical {
				want = append(want, e)
			}
		}
	}
	if len(lines) != len(want) || len(want) < 3 {
		t.Fatalf("%d rows for %d events:\n%s", len(lines), len(want), buf.String())
	}
	for i, l := range lines {
		if n := strings.Count(l, "\t") + 1; n != EventColumns {
			t.Fatalf("row %d has %d columns", i, n)
		}
		e, err := ParseEvent(l)
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		w := want[i]
		if e.ID != int64(i+1) || e.EventCode != w.Code || e.RootCode != w.Root || e.Quad != w.Quad || e.Goldstein != w.Goldstein {
			t.Errorf("row %d = %+v, want code %s root %s quad %d", i, e, w.Code, w.Root, w.Quad)
		}
		if w.Source != nil && (e.Actor1Code != w.Source.Actor || e.Actor1Country != w.Source.Actor[:3]) {
			t.Errorf("row %d actor1 %q/%q, want %q", i, e.Actor1Code, e.Actor1Country, w.Source.Actor)
		}
		if e.DateAdded != "20240314093000" || !strings.HasPrefix(e.SourceURL, "https://www.example.org/") {
			t.Errorf("row %d DATEADDED %q URL %q", i, e.DateAdded, e.SourceURL)
		}
	}
	first, _ := ParseEvent(lines[0])
	if first.Date != "20240312" || first.EventCode != "194" || !first.IsRoot {
		t.Errorf("first event %+v, want 194 on 20240312 (Tuesday before publication), root", first)
	}
}

func TestWriteMentions_roundTrip(t *testing.T) {
	docs := coded(t)
	var buf bytes.Buffer
	if err := WriteMentions(&buf, docs, Options{FirstID: 100}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) < 3 {
		t.Fatalf("too few mention rows:\n%s", buf.String())
	}
	byDoc := map[string]*document.Document{}
	for _, d := range docs {
		byDoc[d.URL] = d
	}
	for i, l := range lines {
		m, err := ParseMention(l)
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if m.EventID < 100 || m.SourceName != "example.org" {
			t.Errorf("row %d: %+v", i, m)
		}
		d := byDoc[m.Identifier]
		if d == nil {
			t.Fatalf("row %d: unknown identifier %q", i, m.Identifier)
		}
		if m.DocLen != utf8.RuneCountInString(d.Text) {
			t.Errorf("row %d: doc len %d, want %d", i, m.DocLen, utf8.RuneCountInString(d.Text))
		}
		// the action offset is in code points: it must land on the trigger
		b := d.Index().Byte(m.ActionOffset)
		found := false
		for _, e := range d.Events {
			for _, ev := range e.Evidence {
				if ev.Start == b {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("row %d: action offset %d (byte %d) is no evidence start", i, m.ActionOffset, b)
		}
	}
}

func TestParseEvent_errors(t *testing.T) {
	for _, l := range []string{"", "1\t2", strings.Repeat("x\t", 60) + "x"} {
		if _, err := ParseEvent(l); err == nil {
			t.Errorf("ParseEvent(%q) succeeded", l)
		}
	}
}

func FuzzParseEvent(f *testing.F) {
	var buf bytes.Buffer
	if err := WriteEvents(&buf, coded(f), Options{}); err != nil {
		f.Fatal(err)
	}
	for _, l := range strings.Split(buf.String(), "\n") {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, l string) {
		_, _ = ParseEvent(l)
		_, _ = ParseMention(l)
	})
}
