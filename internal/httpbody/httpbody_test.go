package httpbody

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

func TestRead(t *testing.T) {
	text := strings.Repeat("harbour cranes idle ", 50)
	var gz, fl bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(text))
	zw.Close()
	fw, _ := flate.NewWriter(&fl, flate.BestCompression)
	fw.Write([]byte(text))
	fw.Close()
	for _, tc := range []struct {
		name, enc string
		body      []byte
		max       int64
		want      error
	}{
		{"identity", "", []byte(text), 4096, nil},
		{"gzip", "gzip", gz.Bytes(), 4096, nil},
		{"x-gzip upper case", " X-GZIP ", gz.Bytes(), 4096, nil},
		{"deflate", "deflate", fl.Bytes(), 4096, nil},
		{"gzip over the cap", "gzip", gz.Bytes(), 999, ErrTooLarge},
		{"plain over the cap", "identity", []byte(text), 999, ErrTooLarge},
		{"brotli", "br", []byte("x"), 4096, ErrUnsupported},
		{"not gzip", "gzip", []byte("plain text"), 4096, ErrCorrupt},
		{"truncated gzip", "gzip", gz.Bytes()[:len(gz.Bytes())-6], 4096, nil}, // checked below: an error, never a panic
	} {
		got, err := Read(bytes.NewReader(tc.body), tc.enc, tc.max)
		if tc.name == "truncated gzip" {
			if err == nil {
				t.Errorf("%s: no error", tc.name)
			}
			continue
		}
		if !errors.Is(err, tc.want) || (err == nil && string(got) != text) {
			t.Errorf("%s: %d bytes, %v; want %v", tc.name, len(got), err, tc.want)
		}
	}
}
