package testsite

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"

	"github.com/nlnwa/gowarc/v3"
)

// Record is one WARC record to write: its type ("request", "response",
// "metadata"), target URI, WARC-Date (RFC 3339) and content block (for
// HTTP records, the HTTP message).
type Record struct {
	Type, Target, Date, Block string
}

// Rec returns a Record.
func Rec(typ, target, date, block string) Record { return Record{typ, target, date, block} }

// HTTPResponse returns an HTTP/1.1 200 response message with the given
// Content-Type, extra header lines ("Name: value\r\n") and body.
func HTTPResponse(contentType, extra, body string) string {
	return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\n" + extra + fmt.Sprintf("Content-Length: %d\r\n\r\n", len(body)) + body
}

// WriteWARC writes records to path with gowarc, each record compressed as
// its own gzip member when compress is set (as crawlers write .warc.gz).
func WriteWARC(path string, records []Record, compress bool) error {
	var buf bytes.Buffer
	m := gowarc.NewMarshaler()
	for _, r := range records {
		typ, ct := gowarc.Response, "application/http;msgtype=response"
		switch r.Type {
		case "request":
			typ, ct = gowarc.Request, "application/http;msgtype=request"
		case "metadata":
			typ, ct = gowarc.Metadata, "application/warc-fields"
		}
		b := gowarc.NewRecordBuilder(typ)
		if _, err := b.WriteString(r.Block); err != nil {
			return err
		}
		b.AddWarcHeader(gowarc.WarcTargetURI, r.Target)
		b.AddWarcHeader(gowarc.WarcDate, r.Date)
		b.AddWarcHeader(gowarc.ContentType, ct)
		rec, _, err := b.Build()
		if err != nil {
			return err
		}
		var rb bytes.Buffer
		_, _, err = m.Marshal(&rb, rec, 0)
		rec.Close()
		if err != nil {
			return err
		}
		if compress {
			zw := gzip.NewWriter(&buf)
			zw.Write(rb.Bytes())
			zw.Close()
		} else {
			buf.Write(rb.Bytes())
		}
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
