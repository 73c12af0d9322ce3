// Package httpbody reads an HTTP message body, undoing its Content-Encoding
// (gzip, deflate) under a cap on the decoded size, for the live client
// (package fetch) and the WARC reader alike: a gzip bomb stops at the cap.
package httpbody

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Errors of Read, wrapped with details.
var (
	ErrTooLarge    = errors.New("body over the size cap after decoding")
	ErrUnsupported = errors.New("unsupported content encoding")
	ErrCorrupt     = errors.New("corrupt encoded body")
)

// Read reads r, decoded by the Content-Encoding value encoding ("",
// "identity", "gzip", "x-gzip", "deflate"), and returns at most max bytes;
// more is ErrTooLarge.
func Read(r io.Reader, encoding string, max int64) ([]byte, error) {
	switch enc := strings.ToLower(strings.TrimSpace(encoding)); enc {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrCorrupt, err)
		}
		defer zr.Close()
		r = zr
	case "deflate":
		fr := flate.NewReader(r)
		defer fr.Close()
		r = fr
	default:
		return nil, fmt.Errorf("%w %q", ErrUnsupported, enc)
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, max+1))
	if err != nil {
		if errors.Is(err, gzip.ErrChecksum) || errors.Is(err, gzip.ErrHeader) || errors.As(err, new(flate.CorruptInputError)) {
			return nil, fmt.Errorf("%w: %v", ErrCorrupt, err)
		}
		return nil, err
	}
	if n > max {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, max)
	}
	return buf.Bytes(), nil
}
