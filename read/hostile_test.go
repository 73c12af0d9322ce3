package read

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// summary renders results as "origin: id|error" lines, origins relative to dir.
func summary(dir string, rs []Result) string {
	var b strings.Builder
	for _, r := range rs {
		o := strings.TrimPrefix(r.Origin, dir+string(filepath.Separator))
		if r.Err != nil {
			fmt.Fprintf(&b, "%s: error: %v\n", o, r.Err)
		} else {
			fmt.Fprintf(&b, "%s: %q\n", o, r.Doc.Text)
		}
	}
	return b.String()
}

func TestWalk_HostileInputs(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"BOM in JSON Lines", map[string]string{"a.jsonl": "\ufeff{\"id\":\"x\",\"text\":\"Rain in Lima.\"}\n{\"text\":\"Sun in Quito.\"}\n"},
			"a.jsonl:1: \"Rain in Lima.\"\na.jsonl:2: \"Sun in Quito.\"\n"},
		{"BOM in a JSON array", map[string]string{"a.json": "\ufeff[{\"text\":\"Rain in Lima.\"}]"}, "a.json[0]: \"Rain in Lima.\"\n"},
		{"BOM, unknown extension", map[string]string{"a.data": "\ufeff{\"text\":\"Rain in Lima.\"}\n"}, "a.data:1: \"Rain in Lima.\"\n"},
		{"NUL the same in every reader", map[string]string{
			"a.txt":   "Rain\x00 in Lima.",
			"b.jsonl": "{\"text\":\"Rain\\u0000 in Lima.\"}\n",
			"c.csv":   "text\n\"Rain\x00 in Lima.\"\n",
			"d.html":  "<html><body><p>Rain\x00 in Lima.</p></body></html>",
		}, // the offset is into the file, or for JSON into the record's text
			"a.txt: error: binary file: NUL byte at offset 4\n" +
				"b.jsonl:1: error: binary file: NUL byte at offset 4\n" +
				"c.csv: error: binary file: NUL byte at offset 10\n" +
				"d.html: error: binary file: NUL byte at offset 19\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, data := range tc.files {
				write(t, dir, name, []byte(data))
			}
			got := summary(dir, collect(t, []string{dir}, "", Options{}))
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

func TestWalk_Symlinks(t *testing.T) {
	dir := t.TempDir()
	other := t.TempDir()
	write(t, other, "linked.txt", []byte("Rain in Lima."))
	write(t, other, "sub/deep.txt", []byte("Sun in Quito."))
	write(t, dir, "a.txt", []byte("Snow in Oslo."))
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.Symlink(filepath.Join(other, "linked.txt"), filepath.Join(dir, "b.txt")))
	must(os.Symlink(filepath.Join(other, "sub"), filepath.Join(dir, "c")))
	must(os.Symlink(dir, filepath.Join(dir, "d-loop")))
	must(os.Symlink(filepath.Join(dir, "missing.txt"), filepath.Join(dir, "e.txt")))
	got := summary(dir, collect(t, []string{dir}, "", Options{}))
	want := "a.txt: \"Snow in Oslo.\"\n" +
		"b.txt: \"Rain in Lima.\"\n" +
		"c/deep.txt: \"Sun in Quito.\"\n" +
		"d-loop: error: symbolic link loop: the directory links back to one being read; not followed\n" +
		"e.txt: error: broken symbolic link: no such file or directory\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// hugeInputs builds, for each format, a reader of n bytes that is one
// document (or a file of documents read whole) far over the limits.
func hugeInput(format string, n int64) (string, io.Reader) {
	fill := func(prefix, suffix string) io.Reader {
		body := io.LimitReader(repeatReader("Rain fell on Lima again today. "), n-int64(len(prefix)+len(suffix)))
		return io.MultiReader(strings.NewReader(prefix), body, strings.NewReader(suffix))
	}
	switch format {
	case "html":
		return "big.html", fill("<html><body><p>", "</p></body></html>")
	case "jsonl":
		return "big.jsonl", fill(`{"text":"`, "\"}\n")
	case "json-array":
		return "big.json", fill(`[{"text":"`, "\"}]")
	case "csv":
		return "big.csv", fill("text\n\"", "\"\n")
	case "sgml":
		return "big.sgm", fill("<REUTERS NEWID=\"1\"><BODY>", "</BODY></REUTERS>")
	case "feed":
		return "big.rss", fill("<rss><channel><item><description>", "</description></item></channel></rss>")
	case "unknown":
		return "big.data", fill("", "")
	case "unknown-sgml":
		return "big.data", fill("<REUTERS NEWID=\"1\"><BODY>", "</BODY></REUTERS>")
	case "warc":
		payload := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
		head := fmt.Sprintf("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789012>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s", n, payload)
		return "big.warc", io.MultiReader(strings.NewReader(head), io.LimitReader(repeatReader("<p>Rain fell on Lima.</p>"), n-int64(len(payload))), strings.NewReader("\r\n\r\n"))
	}
	return "big.txt", fill("", "")
}

type repeatReader string

func (r repeatReader) Read(p []byte) (int, error) {
	for i := 0; i < len(p); i += copy(p[i:], r) {
	}
	return len(p), nil
}

var hugeFormats = []string{"text", "html", "jsonl", "json-array", "csv", "sgml", "feed", "unknown", "unknown-sgml", "warc"}

// TestReadBounded: 100 MB of any format is refused within 200 MB of
// resident memory. Each format runs in a child process (this test binary)
// so that its peak RSS is its own.
func TestReadBounded(t *testing.T) {
	if os.Getenv("NEWSGRAPH_HUGE_FORMAT") != "" {
		t.Skip("child")
	}
	if testing.Short() {
		t.Skip("100 MB inputs: skipped in -short mode")
	}
	for _, f := range hugeFormats {
		t.Run(f, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestReadBoundedChild$", "-test.v")
			cmd.Env = append(os.Environ(), "NEWSGRAPH_HUGE_FORMAT="+f)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Run(); err != nil {
				t.Fatalf("child: %v\n%s", err, out.String())
			}
			rss := cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss / 1024 // KB → MB
			t.Logf("%s: peak RSS %d MB; %s", f, rss, lastLine(out.String(), "result:"))
			if rss > 200 {
				t.Errorf("%s: peak RSS %d MB, over 200 MB", f, rss)
			}
			if !strings.Contains(out.String(), "result: error") {
				t.Errorf("%s: not refused:\n%s", f, out.String())
			}
		})
	}
}

func lastLine(s, prefix string) string {
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, prefix); i >= 0 {
			return l[i:]
		}
	}
	return ""
}

func TestReadBoundedChild(t *testing.T) {
	f := os.Getenv("NEWSGRAPH_HUGE_FORMAT")
	if f == "" {
		t.Skip("run by TestReadBounded")
	}
	name, r := hugeInput(f, 100<<20)
	err := readStream(context.Background(), name, name, r, Options{}, func(res Result) error {
		if res.Err != nil {
			t.Logf("result: error: %v", res.Err)
		} else {
			t.Logf("result: document of %d bytes", len(res.Doc.Text))
		}
		return nil
	})
	if err != nil {
		t.Logf("result: error: walk: %v", err)
	}
}

// TestHTML_NoDoubledPrefix: the parser's own "html: " is not repeated.
func TestHTML_NoDoubledPrefix(t *testing.T) {
	page := "<html><body>" + strings.Repeat("<b>", 600) + "text</body></html>"
	_, err := HTML([]byte(page), "")
	if err == nil || strings.Count(err.Error(), "html: ") != 1 {
		t.Errorf("err = %v, want one html: prefix", err)
	}
}
