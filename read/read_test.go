package read

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/shareddata"
)

func collect(t *testing.T, paths []string, stdin string, opt Options) []Result {
	t.Helper()
	var out []Result
	err := Walk(context.Background(), paths, strings.NewReader(stdin), opt, func(r Result) error {
		out = append(out, r)
		return nil
	})
	if err != nil {
		t.Fatalf("Walk: %v", err)
	}
	return out
}

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestWalk_Formats(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("NAIROBI, Kenya (AP) — Rains swept the capital.\n\nOfficials said 12 people died."))
	write(t, dir, "b.jsonl", []byte(`{"id":"x1","text":"First story.","title":"T","url":"http://e.org/1","published":"2024-03-05","desk":"world"}`+"\n\n"+`{"id":7,"text":"Second story."}`+"\n"))
	write(t, dir, "c.html", []byte(`<html lang="en"><head><title>Talks resume</title><meta property="article:published_time" content="2024-05-01T10:00:00Z"><link rel="canonical" href="https://news.example/talks"></head><body><nav>Home | World</nav><article><h1>Talks resume</h1><p>The two delegations met in Doha on Tuesday and agreed to continue the negotiations next week, officials said.</p><p>“We are closer than ever,” the mediator told reporters after the meeting, adding that a deal could come within days.</p></article></body></html>`))
	write(t, dir, "sub/d.txt", []byte("Caf\xe9 owners in Montr\xe9al protested the new tax.")) // Latin-1
	write(t, dir, ".hidden.txt", []byte("never read"))
	rs := collect(t, []string{dir}, "", Options{})
	if len(rs) != 5 {
		for _, r := range rs {
			t.Logf("%s %v", r.Origin, r.Err)
		}
		t.Fatalf("got %d results, want 5", len(rs))
	}
	for _, r := range rs {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Origin, r.Err)
		}
	}
	if rs[0].Doc.Title != "" || !strings.HasPrefix(rs[0].Doc.Text, "NAIROBI") {
		t.Errorf("text doc: %+v", rs[0].Doc)
	}
	if d := rs[1].Doc; d.ID != "x1" || d.Title != "T" || d.Published == nil || d.Meta["desk"] != "world" {
		t.Errorf("jsonl doc: %+v", d)
	}
	if d := rs[2].Doc; d.ID != "7" {
		t.Errorf("numeric id: %q", d.ID)
	}
	if d := rs[3].Doc; d.Title != "Talks resume" || d.URL != "https://news.example/talks" || d.Published == nil || !strings.Contains(d.Text, "“We are closer than ever,”") || strings.Contains(d.Text, "Home | World") {
		t.Errorf("html doc: title=%q url=%q pub=%v text=%q", d.Title, d.URL, d.Published, d.Text)
	}
	if d := rs[4].Doc; d.Text != "Café owners in Montréal protested the new tax." || d.Meta["encoding"] != "windows-1252" {
		t.Errorf("latin1 doc: %q %v", d.Text, d.Meta)
	}
}

func TestWalk_Errors(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name string
		data []byte
		opt  Options
		want string
	}{
		{"empty.txt", []byte(""), Options{}, "empty document"},
		{"blank.txt", []byte("  \n\n "), Options{}, "empty document"},
		{"bin.txt", []byte("ELF\x00\x01\x02binary"), Options{}, "binary file"},
		{"mixed.txt", []byte("Caf\xc3\xa9 and caf\xe9"), Options{}, "invalid UTF-8 at byte 13"},
		{"strict.txt", []byte("caf\xe9"), Options{Encoding: "utf-8"}, "invalid UTF-8 at byte 3"},
		{"big.txt", []byte(strings.Repeat("word ", 100)), Options{MaxBytes: 100}, "larger than --max-bytes 100"},
		{"nobody.html", []byte("<html><head><title>x</title></head></html>"), Options{}, "no body text"},
		{"trunc.jsonl", []byte(`{"id":"a","text":"fine"}` + "\n" + `{"id":"b","text":"cut off`), Options{}, "truncated or malformed"},
		{"notext.jsonl", []byte(`{"id":"a","body":"x"}`), Options{}, `missing field "text"`},
		{"badutf.jsonl", []byte("{\"text\":\"caf\xe9\"}"), Options{}, "invalid UTF-8"},
		{"baddate.jsonl", []byte(`{"text":"x","published":"yesterday"}`), Options{}, "cannot parse time"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := write(t, dir, c.name, c.data)
			rs := collect(t, []string{p}, "", c.opt)
			var errs []string
			for _, r := range rs {
				if r.Err != nil {
					errs = append(errs, r.Origin+": "+r.Err.Error())
				}
			}
			if len(errs) != 1 || !strings.Contains(errs[0], c.want) {
				t.Fatalf("errors %q, want one containing %q", errs, c.want)
			}
		})
	}
	rs := collect(t, []string{filepath.Join(dir, "missing.txt")}, "", Options{})
	if len(rs) != 1 || rs[0].Err == nil || !strings.Contains(rs[0].Err.Error(), "no such file") {
		t.Fatalf("missing file: %+v", rs)
	}
}

func TestWalk_StdinAndFormatOverride(t *testing.T) {
	rs := collect(t, []string{"-"}, `{"id":"s1","text":"From stdin."}`, Options{})
	if len(rs) != 1 || rs[0].Err != nil || rs[0].Doc.ID != "s1" || rs[0].Origin != "stdin:1" {
		t.Fatalf("stdin jsonl: %+v", rs)
	}
	rs = collect(t, []string{"-"}, `{"id":"s1","text":"From stdin."}`, Options{Format: "text"})
	if len(rs) != 1 || rs[0].Err != nil || !strings.HasPrefix(rs[0].Doc.Text, "{") {
		t.Fatalf("stdin forced text: %+v", rs)
	}
	if err := Walk(context.Background(), nil, nil, Options{Format: "pdf"}, nil); err == nil {
		t.Fatal("want usage error for unknown format")
	}
}

func TestStableID(t *testing.T) {
	if StableID("abc") != StableID("abc") || StableID("abc") == StableID("abd") || len(StableID("x")) != 16 {
		t.Fatal("StableID not stable or not distinct")
	}
}

func TestCorpora(t *testing.T) {
	for _, rel := range []string{"corpus/bbc/test.csv", "corpus/reuters21578/reut2-000.sgm"} {
		p := shareddata.Path(rel)
		if p == "" {
			t.Skipf("%s not present", rel)
		}
		rs := collect(t, []string{p}, "", Options{})
		ok := 0
		for _, r := range rs {
			if r.Err == nil {
				ok++
			}
		}
		if ok < 300 {
			t.Errorf("%s: %d documents read of %d", rel, ok, len(rs))
		}
		t.Logf("%s: %d documents, %d errors", rel, ok, len(rs)-ok)
	}
}

func TestSGML_Dateline(t *testing.T) {
	const body = "Grain shippers in the port said on Tuesday\nthat loading had resumed.\n    Traders expect more cargoes."
	tests := []struct {
		name, rec, wantText, wantMeta string
	}{
		{"dateline", `<REUTERS NEWID="7"><DATE>3-MAR-1987 10:00:00.00</DATE><TITLE>LOADING RESUMES</TITLE><DATELINE>    ROTTERDAM, March 3 - </DATELINE><BODY>` + body + "\n Reuter\n&#3;</BODY></REUTERS>",
			"ROTTERDAM, March 3 - " + body, "ROTTERDAM, March 3 -"},
		{"escaped", `<REUTERS NEWID="8"><DATELINE>ST. JOHN&apos;S, March 3 -</DATELINE><BODY>` + body + "</BODY></REUTERS>",
			"ST. JOHN'S, March 3 - " + body, "ST. JOHN'S, March 3 -"},
		{"none", `<REUTERS NEWID="9"><BODY>` + body + "</BODY></REUTERS>", body, ""},
		{"two lines", "<REUTERS NEWID=\"10\"><DATELINE>ROTTERDAM,\nMarch 3 -</DATELINE><BODY>" + body + "</BODY></REUTERS>", body, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			rs := collect(t, []string{"-"}, tc.rec, Options{Format: "sgml"})
			if len(rs) != 1 || rs[0].Err != nil {
				t.Fatalf("results %+v", rs)
			}
			d := rs[0].Doc
			if d.Text != tc.wantText {
				t.Errorf("text %q, want %q", d.Text, tc.wantText)
			}
			if d.ID != StableID(body) {
				t.Errorf("id %s, want the body's %s", d.ID, StableID(body))
			}
			if got, _ := d.Meta["dateline"].(string); got != tc.wantMeta {
				t.Errorf("meta dateline %q, want %q", got, tc.wantMeta)
			}
		})
	}
}
