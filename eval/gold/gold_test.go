package gold

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const (
	goldPath = "../../testdata/gold/all/gold.jsonl"
	srcDir   = "../../testdata/gold/all/src"
	// the held-out half: quotes and counts only, scored in aggregate
	heldoutPath = "../../testdata/gold/all/heldout.jsonl"
	heldoutSrc  = "../../testdata/gold/all/heldout/src"
)

// TestGoldFile_Spans checks every span of the committed gold file against
// its text (Read runs Story.Check) and the size of the set.
func TestGoldFile_Spans(t *testing.T) {
	stories, err := ReadFile(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	st := Stats(stories)
	t.Logf("gold stats: %v", st)
	if st["stories"] < 40 {
		t.Errorf("gold has %d stories, want at least 40", st["stories"])
	}
	for _, s := range stories {
		n := len(strings.Fields(s.Text))
		if n < 120 || n > 250 {
			t.Errorf("%s: %d words, want 120-250", s.ID, n)
		}
		for _, e := range s.Entities {
			if len(e.Mentions) == 0 {
				t.Errorf("%s: entity %s has no mentions", s.ID, e.Name)
			}
		}
		for _, e := range s.Events {
			if !strings.HasPrefix(e.Code, e.Root) || len(e.Root) != 2 {
				t.Errorf("%s: event %+v: code must start with its 2-digit root", s.ID, e)
			}
		}
	}
}

// TestGoldFile_UpToDate fails when gold.jsonl was not regenerated after an
// edit of the source (go run ./eval/gold/cmd/goldspans).
func TestGoldFile_UpToDate(t *testing.T) {
	for _, f := range []struct{ src, out, cmd string }{
		{srcDir, goldPath, "go run ./eval/gold/cmd/goldspans"},
		{heldoutSrc, heldoutPath, "go run ./eval/gold/cmd/goldspans -src testdata/gold/all/heldout/src -out testdata/gold/all/heldout.jsonl"},
	} {
		stories, err := CompileDir(f.src)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := Write(&b, stories); err != nil {
			t.Fatal(err)
		}
		have, err := os.ReadFile(f.out)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(have, b.Bytes()) {
			t.Errorf("%s is stale: run %s", filepath.Clean(f.out), f.cmd)
		}
	}
}

// TestHeldout_Spans checks the held-out half's spans (Read runs
// Story.Check) and that it annotates quotes and counts.
func TestHeldout_Spans(t *testing.T) {
	stories, err := ReadFile(heldoutPath)
	if err != nil {
		t.Fatal(err)
	}
	st := Stats(stories)
	if st["stories"] < 15 || st["quotes"] == 0 || st["counts"] == 0 {
		t.Errorf("held-out half: %v, want at least 15 stories with quotes and counts", st)
	}
}

func TestCompile(t *testing.T) {
	src := `// comment
### t1
title: Test
published: 2025-01-02
text:
ZÜRICH — “Wir bleiben,” said Anna Müller. Müller met Müller's aide in Zürich.

Zürich police said 3 people were hurt.
---
ent PERSON CHEGOV Anna Müller = Anna Müller; Müller*
ent GPE CHE Zürich = ZÜRICH; Zürich*
quote direct Anna Müller = Wir bleiben,
quote reported Zürich police = 3 people ... hurt
count 3 people WOUND = 3 people
loc CH 47.37 8.55 = ZÜRICH; Zürich#1
event 04 040 CHEGOV -
`
	got, err := Compile(strings.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []*Story{{
		ID: "t1", Title: "Test", Published: "2025-01-02",
		Text: "ZÜRICH — “Wir bleiben,” said Anna Müller. Müller met Müller's aide in Zürich.\n\nZürich police said 3 people were hurt.",
		Entities: []Entity{
			{Name: "Anna Müller", Type: "PERSON", Actor: "CHEGOV", Mentions: []Span{{29, 40, "Anna Müller"}, {42, 48, "Müller"}, {53, 59, "Müller"}}},
			{Name: "Zürich", Type: "GPE", Actor: "CHE", Mentions: []Span{{0, 6, "ZÜRICH"}, {70, 76, "Zürich"}, {79, 85, "Zürich"}}},
		},
		Quotes:    []Quote{{Start: 10, End: 22, Text: "Wir bleiben,", Direct: true, Speaker: "Anna Müller"}, {Start: 98, End: 116, Text: "3 people were hurt", Speaker: "Zürich police"}},
		Counts:    []Count{{Start: 98, End: 106, Text: "3 people", Value: 3, Object: "people", Category: "WOUND"}},
		Locations: []Location{{Start: 0, End: 6, Text: "ZÜRICH", Country: "CH", Lat: 47.37, Lon: 8.55}, {Start: 70, End: 76, Text: "Zürich", Country: "CH", Lat: 47.37, Lon: 8.55}},
		Events:    []Event{{Root: "04", Code: "040", Source: "CHEGOV"}},
	}}
	if !reflect.DeepEqual(got, want) {
		for _, s := range got {
			t.Logf("got %+v", *s)
		}
		t.Errorf("Compile mismatch")
	}
}

func TestCompile_Errors(t *testing.T) {
	head := "### e\ntext:\nKenya said Kenya would act.\n---\n"
	for _, tc := range []struct{ name, src, want string }{
		{"missing phrase", head + "ent GPE KEN Kenya = Uganda\n", "occurs 0 times"},
		{"occurrence out of range", head + "ent GPE KEN Kenya = Kenya#3\n", "want occurrence 3"},
		{"overlap", head + "ent GPE KEN Kenya = Kenya\nent ORG - K = Kenya said\n", "overlaps"},
		{"bad head", head + "ent WHAT KEN Kenya = Kenya\n", "want: ent"},
		{"bad event", head + "event 04 123 KEN -\n", "want: event"},
		{"bad coordinates", head + "loc KE 95 10 = Kenya\n", "bad coordinates"},
		{"unknown", head + "frob x = Kenya\n", "unknown annotation"},
		{"no phrase", head + "count 3 x -\n", "needs"},
		{"unterminated text", "### e\ntext:\nKenya\n", "not ended"},
		{"outside story", "hello\n", "outside a story"},
		{"duplicate id", head + head, "duplicate story id"},
		{"partial word", "### e\ntext:\nKenyans and Kenya.\n---\nent GPE KEN Kenya = Kenya#2\n", "want occurrence 2"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Compile(strings.NewReader(tc.src))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

func TestRead_Errors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"bad json", "{", "line 1"},
		{"span text drift", `{"id":"x","text":"Kenya","locations":[{"start":0,"end":5,"text":"Kenyx"}]}`, "text field says"},
		{"span outside", `{"id":"x","text":"Kenya","quotes":[{"start":2,"end":9,"text":"nya"}]}`, "outside text"},
		{"bad date", `{"id":"x","text":"Kenya","published":"May 5"}`, "bad published"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.in))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func FuzzCompile(f *testing.F) {
	f.Add("### a\ntext:\nKenya said.\n---\nent GPE KEN Kenya = Kenya*\nquote reported - = Kenya ... said\n")
	f.Add("### a\ntext:\n“x”\n---\nloc - 1 2 = x#1\nevent 01 010 - -\ncount 1 x - = x\n")
	f.Add("### a\ntext:\n\n---\n")
	f.Fuzz(func(t *testing.T, src string) {
		ss, err := Compile(strings.NewReader(src))
		if err != nil {
			return
		}
		for _, s := range ss {
			if err := s.Check(); err != nil {
				t.Fatalf("Compile produced a story that fails Check: %v", err)
			}
		}
	})
}

func FuzzRead(f *testing.F) {
	f.Add(`{"id":"x","text":"Kenya","locations":[{"start":0,"end":5,"text":"Kenya"}]}`)
	f.Add(`{"id":"x","text":"é","quotes":[{"start":-1,"end":1,"text":"é"}]}`)
	f.Fuzz(func(t *testing.T, in string) {
		_, _ = Read(strings.NewReader(in))
	})
}
