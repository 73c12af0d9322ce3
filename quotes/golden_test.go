package quotes

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

// TestGolden runs Extract over whole wire stories in testdata/*.txt and
// compares the quotes, in the output contract (code point offsets), with
// testdata/*.golden. go test ./quotes -run TestGolden -update rewrites them.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no testdata: %v", err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := document.New(filepath.Base(f), string(raw))
			d.Quotes = Extract(d)
			out := d.Output(document.OutputOptions{})
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(out.Quotes); err != nil {
				t.Fatal(err)
			}
			buf.WriteString("GKG: " + GKGQuotations(d) + "\n")
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("output differs from %s (run with -update and read the diff):\n%s", golden, buf.String())
			}
			// every quote's text is the text under its code point span
			runes := []rune(d.Text)
			for _, q := range out.Quotes {
				if string(runes[q.Start:q.End]) != q.Text {
					t.Errorf("quote %q does not match its span", q.Text)
				}
			}
		})
	}
}
