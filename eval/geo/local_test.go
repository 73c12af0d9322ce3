package geo

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/gazetteer"
)

const goldDir = "../../testdata/gold/geo"

// TestLocalGold checks the local-news gold files: every span's text is
// the code point slice it names, and the files match their sources (run
// go run ./eval/geo/cmd/geogold after an edit of src/).
func TestLocalGold(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, split := range LocalSplits {
		path := filepath.Join(goldDir, split+".jsonl")
		have, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		stories, err := ReadLocal(bytes.NewReader(have))
		if err != nil {
			t.Fatal(err)
		}
		if len(stories) != 25 {
			t.Errorf("%s: %d stories, want 25", split, len(stories))
		}
		for _, s := range stories {
			r := []rune(s.Text)
			for _, tp := range s.Toponyms {
				total++
				if tp.Start < 0 || tp.End > len(r) || tp.Start >= tp.End || string(r[tp.Start:tp.End]) != tp.Text {
					t.Errorf("%s: toponym %q at [%d,%d) does not match the text", s.ID, tp.Text, tp.Start, tp.End)
				}
				if (tp.Lat == nil) != (tp.Lon == nil) || tp.Kind != KindName && tp.Kind != KindDemonym {
					t.Errorf("%s: toponym %q: bad coordinates or kind", s.ID, tp.Text)
				}
			}
		}
		compiled, err := CompileLocalDir(filepath.Join(goldDir, "src", split), g)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := WriteLocal(&b, compiled); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b.Bytes(), have) {
			t.Errorf("%s is stale: run go run ./eval/geo/cmd/geogold", path)
		}
	}
	if total < 600 {
		t.Errorf("%d toponyms, want at least 600", total)
	}
}

func TestCompileLocal(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	src := "id: x1\ntitle: T\npublished: 2025-01-02\nsource: The Marion Star\ntext:\n" +
		"[MARION](US-IN/Marion), [Ind.](US-IN) — The [Grant County](^US-IN/Grant County) jail on [Main Street](@US-IN/Marion) " +
		"hired [Hoosiers](D:US-IN) from [Texas](US-TX), [Mexico](MX) and the [Midwest](R:Midwest) near the [Wabash River](?) in the [Yakima Valley](~US-WA/Yakima) — é [Paris](FR/Paris).\n"
	s, err := CompileLocal(src, g)
	if err != nil {
		t.Fatal(err)
	}
	if s.ID != "x1" || s.Title != "T" || s.Published != "2025-01-02" || s.Source != "The Marion Star" || strings.Contains(s.Text, "[") {
		t.Fatalf("story = %+v", s)
	}
	want := []struct {
		text, kind, feature, cc, adm1 string
		nested, coords                bool
	}{
		{"MARION", KindName, "city", "US", "IN", false, true},
		{"Ind.", KindName, "adm1", "US", "IN", false, true},
		{"Grant County", KindName, "adm2", "US", "IN", true, true},
		{"Main Street", KindName, "street", "US", "IN", false, true},
		{"Hoosiers", KindDemonym, "adm1", "US", "IN", false, true},
		{"Texas", KindName, "adm1", "US", "TX", false, true},
		{"Mexico", KindName, "country", "MX", "", false, true},
		{"Midwest", KindName, "region", "US", "", false, true},
		{"Wabash River", KindName, "", "", "", false, false},
		{"Yakima Valley", KindName, "region", "US", "WA", false, true},
		{"Paris", KindName, "city", "FR", "11", false, true},
	}
	if len(s.Toponyms) != len(want) {
		t.Fatalf("%d toponyms, want %d: %+v", len(s.Toponyms), len(want), s.Toponyms)
	}
	r := []rune(s.Text)
	for i, w := range want {
		tp := s.Toponyms[i]
		if string(r[tp.Start:tp.End]) != w.text || tp.Text != w.text || tp.Kind != w.kind || tp.Feature != w.feature ||
			tp.Country != w.cc || tp.Adm1 != w.adm1 || tp.Nested != w.nested || (tp.Lat != nil) != w.coords {
			t.Errorf("toponym %d = %+v, want %+v", i, tp, w)
		}
	}
	if last := s.Toponyms[len(s.Toponyms)-1]; last.End != utf8.RuneCountInString(s.Text)-1 {
		t.Errorf("last toponym ends at %d, text has %d code points", last.End, utf8.RuneCountInString(s.Text))
	}
	for _, bad := range []string{
		"id: b\ntext:\n[Paris](US-XX/Paris)",          // no such division
		"id: b\ntext:\n[Marion](US-IN/Nowhere)",       // no such town
		"id: b\ntext:\n[Springfield](US/Springfield)", // ambiguous
		"id: b\ntext:\n[Paris](FR",                    // unclosed
		"id: b\ntext:\nParis] is",                     // stray bracket
		"id: b\n[Paris](FR)",                          // no text line
		"text:\n[Paris](FR)",                          // no id
		"id: b\ntext:\n[Paris](#1)",                   // unknown id
		"id: b\ntext:\n[Atlantis](R:Atlantis)",        // unknown region
	} {
		if _, err := CompileLocal(bad, g); err == nil {
			t.Errorf("CompileLocal(%q) = nil error", bad)
		}
	}
}
