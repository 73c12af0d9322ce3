package gkg

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

func TestWrite(t *testing.T) {
	text := "“We will rebuild,” said Ana Ortega of the UN in Madrid."
	d := document.New("d1", text)
	pub := time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)
	d.Published = &pub
	d.URL = "https://www.example.org/story"
	at := func(s string) document.Span {
		i := strings.Index(text, s)
		return document.Span{Start: i, End: i + len(s)}
	}
	d.Mentions = []document.Mention{{Span: at("Ana Ortega"), Type: document.Person, Kind: document.Name, Entity: 0}, {Span: at("UN"), Type: document.Org, Kind: document.Name, Entity: 1}}
	d.Entities = []document.Entity{{Name: "Ana Ortega", Type: document.Person}, {Name: "United Nations", Type: document.Org}}
	var buf bytes.Buffer
	err := Write(&buf, []*document.Document{d}, Fields{
		Quotations: func(*document.Document) string { return "1|14|said|We will rebuild" },
	})
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSuffix(buf.String(), "\n")
	cols := strings.Split(line, "\t")
	if len(cols) != Columns || strings.Contains(line, "\n") {
		t.Fatalf("got %d columns, want %d", len(cols), Columns)
	}
	want := map[int]string{
		0: "20240305100000-0", 2: "1", 3: "example.org", 4: "https://www.example.org/story",
		1: "20240305100000", 5: "", 6: "", 9: "", 11: "Ana Ortega", 12: "Ana Ortega,24",
		// the names as written at their offsets, not the entities' canonical names
		13: "UN", 14: "UN,42", 22: "1|14|said|We will rebuild", 23: "Ana Ortega,24;UN,42",
	}
	for i, w := range want {
		if cols[i] != w {
			t.Errorf("column %d = %q, want %q", i, cols[i], w)
		}
	}
}

// TestWrite_undatedAndIDs: record ids continue from First and are unique
// across batches; an undated document without a URL is citation-only with
// an empty date; the checker accepts both and rejects a repeated id.
func TestWrite_undatedAndIDs(t *testing.T) {
	d := document.New("doc-9", "Talks resumed.")
	d.Outlet = "Local Paper"
	var buf bytes.Buffer
	if err := Write(&buf, []*document.Document{d, d}, Fields{First: 300}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	c := strings.Split(lines[1], "\t")
	if c[0] != "undated-301" || c[1] != "" || c[2] != "2" || c[3] != "Local Paper" || c[4] != "doc-9" {
		t.Errorf("record %q", c[:5])
	}
	if err := Check(strings.NewReader(buf.String())); err != nil {
		t.Error(err)
	}
	if err := Check(strings.NewReader(lines[0] + "\n" + lines[0] + "\n")); err == nil {
		t.Error("a repeated record id passed")
	}
}

func FuzzCheck(f *testing.F) {
	f.Add("20240305100000-0\t20240305100000\t1\texample.org\thttps://example.org/a" + strings.Repeat("\t", 22))
	f.Add("undated-1\t\t2\t\tdoc" + strings.Repeat("\t", 22))
	f.Fuzz(func(t *testing.T, s string) {
		_ = Check(strings.NewReader(s))
	})
}
