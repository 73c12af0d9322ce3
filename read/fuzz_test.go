package read

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func checkDoc(t *testing.T, r Result) {
	if r.Err != nil {
		return
	}
	if r.Doc == nil {
		t.Fatalf("%s: nil document without error", r.Origin)
	}
	if !utf8.ValidString(r.Doc.Text) {
		t.Fatalf("%s: text is not valid UTF-8", r.Origin)
	}
	if strings.TrimSpace(r.Doc.Text) == "" {
		t.Fatalf("%s: empty document accepted", r.Origin)
	}
}

func fuzzFormat(f *testing.F, format string, seeds ...string) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := Walk(context.Background(), []string{"-"}, strings.NewReader(string(data)), Options{Format: format, MaxBytes: 1 << 16}, func(r Result) error {
			checkDoc(t, r)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	})
}

func FuzzText(f *testing.F) {
	fuzzFormat(f, "text", "Plain story.\n\nSecond paragraph.", "caf\xe9", "\xef\xbb\xbfBOM", "\xff\xfeh\x00i\x00", "a\x00b")
}

func FuzzHTML(f *testing.F) {
	fuzzFormat(f, "html", "<html><body><p>Hello world, this is a story.</p></body></html>", "<p>unclosed", "<meta charset=latin1><p>caf\xe9</p>", "")
}

func FuzzJSONL(f *testing.F) {
	fuzzFormat(f, "jsonl", `{"id":"a","text":"x"}`, `[{"text":"y"}]`, `{"text":`, "{\"text\":\"\xff\"}", `{"text":"t","published":"2020-01-01"}`)
}

func FuzzCSV(f *testing.F) {
	fuzzFormat(f, "csv", "text,category\n\"A story, with a comma\",world\n", "text\n\"unterminated", "x,y\n1,2")
}

func FuzzSGML(f *testing.F) {
	fuzzFormat(f, "sgml", `<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE><TITLE>T</TITLE><TEXT><BODY>Story &lt;here&gt;.
 Reuter
&#3;</BODY></TEXT></REUTERS>`, "<REUTERS NEWID=\"", "<REUTERS>")
}
