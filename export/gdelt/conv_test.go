package gdelt

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

func TestActorFields(t *testing.T) {
	for _, c := range []struct {
		code string
		want []string // code, name, country, known group, ethnic, rel1, rel2, type1..3
	}{
		{"IGOUNO", []string{"IGOUNO", "X", "", "UNO", "", "", "", "IGO", "", ""}},
		{"IGOUNOHCR", []string{"IGOUNOHCR", "X", "", "UNO", "", "", "", "IGO", "", ""}},
		{"SYRGOVMIL", []string{"SYRGOVMIL", "X", "SYR", "", "", "", "", "GOV", "MIL", ""}},
		{"PSEREBHMS", []string{"PSEREBHMS", "X", "PSE", "HMS", "", "", "", "REB", "", ""}},
		{"MEAGOV", []string{"MEAGOV", "X", "MEA", "", "", "", "", "GOV", "", ""}},
		{"NGOIRC", []string{"NGOIRC", "X", "", "IRC", "", "", "", "NGO", "", ""}},
		{"GOV", []string{"GOV", "X", "", "", "", "", "", "GOV", "", ""}},
	} {
		got := actorFields(&document.Participant{Name: "x", Actor: c.code})
		if !slices.Equal(got, c.want) {
			t.Errorf("actorFields(%s) = %q, want %q", c.code, got, c.want)
		}
	}
}

// TestUndatedCitation: an undated document without a URL has empty dates
// (never 1970), an empty SOURCEURL, and is a citation-only mention
// identified by its id; the source name is its outlet, never a file path.
func TestUndatedCitation(t *testing.T) {
	text := "Police arrested 40 protesters in Nairobi."
	d := document.New("doc-7", text)
	d.Source = "/home/x/stories/7.txt"
	d.Outlet = "Daily Example"
	d.Sentences = []document.Sentence{{Span: document.Span{Start: 0, End: len(text)}}}
	lat, lon := -1.2864, 36.8172
	d.Locations = []document.Location{{Span: document.Span{Start: 33, End: 40}, Name: "Nairobi", Country: "KE", Adm1: "05",
		Lat: &lat, Lon: &lon, Feature: "city", GeonameID: 184745, Mention: -1}}
	d.Events = []document.Event{{Span: document.Span{Start: 7, End: 15}, Code: "173", Root: "17", Quad: 4, Goldstein: -5,
		Location: 0, Source: &document.Participant{Name: "police", Actor: "KENCOP", Entity: -1, Span: document.Span{Start: 0, End: 6}}}}
	var ev, mn bytes.Buffer
	if err := WriteEvents(&ev, []*document.Document{d}, Options{}); err != nil {
		t.Fatal(err)
	}
	if err := WriteMentions(&mn, []*document.Document{d}, Options{}); err != nil {
		t.Fatal(err)
	}
	c := strings.Split(strings.TrimSuffix(ev.String(), "\n"), "\t")
	for _, i := range []int{1, 2, 3, 4, 59, 60} {
		if c[i] != "" {
			t.Errorf("events column %d = %q, want empty", i+1, c[i])
		}
	}
	if got := strings.Join(c[51:59], "|"); got != "4|Nairobi, Nairobi County, Kenya|KE|KE05||-1.2864|36.8172|184745" {
		t.Errorf("ActionGeo = %s", got)
	}
	m := strings.Split(strings.TrimSuffix(mn.String(), "\n"), "\t")
	if m[1] != "" || m[2] != "" || m[3] != "2" || m[4] != "Daily Example" || m[5] != "doc-7" {
		t.Errorf("mention %q", m)
	}
	ids, err := CheckEvents(&ev)
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckMentions(&mn, ids); err != nil {
		t.Fatal(err)
	}
}

func TestCheckEvents_rejects(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteEvents(&buf, coded(t), Options{}); err != nil {
		t.Fatal(err)
	}
	row := strings.Split(strings.SplitN(buf.String(), "\n", 2)[0], "\t")
	for _, c := range []struct {
		col int
		val string
	}{{26, "999"}, {29, "2"}, {1, "19700101"}, {53, "QQ"}, {7, "XXX"}, {0, "x"}} {
		bad := slices.Clone(row)
		bad[c.col] = c.val
		if c.col == 53 {
			bad[51], bad[52], bad[58] = "1", "Nowhere", "QQ"
		}
		if c.col == 1 {
			bad[2], bad[3], bad[4] = "197001", "1970", "1970.0000"
		}
		if _, err := CheckEvents(strings.NewReader(strings.Join(bad, "\t"))); err == nil {
			t.Errorf("column %d = %q passed", c.col+1, c.val)
		}
	}
	twice := strings.Join(row, "\t") + "\n" + strings.Join(row, "\t")
	if _, err := CheckEvents(strings.NewReader(twice)); err == nil {
		t.Error("a repeated id passed")
	}
}
