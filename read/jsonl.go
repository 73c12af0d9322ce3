package read

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// readJSONL reads JSON Lines: one object per line with "text" (required) and
// optionally "id", "title", "url", "canonical_url", "outlet", "published",
// "language"; other fields are kept in Meta. A file whose first non-space
// byte is '[' is read as one JSON array of such objects. Each bad line is reported as "origin:line: reason".
func readJSONL(ctx context.Context, origin string, r io.Reader, opt Options, fn func(Result) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	// Look only at what the first read brought: a pipe may deliver one
	// short record and stay open.
	br.Peek(1)
	if bom, _ := br.Peek(min(3, br.Buffered())); string(bom) == "\ufeff" {
		br.Discard(3) // a UTF-8 byte order mark before the first record
	}
	first, _ := br.Peek(min(64, br.Buffered()))
	if t := bytes.TrimLeft(first, "\ufeff \t\r\n"); len(t) > 0 && t[0] == '[' {
		return readJSONArray(ctx, origin, br, opt, fn)
	}
	if isJSONFeed(br) {
		return readJSONFeed(ctx, origin, br, opt, fn)
	}
	limit := opt.maxBytes()
	lineNo := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, limit)
		if err != nil && err != io.EOF {
			return fn(Result{Err: fmt.Errorf("read error: %w", err), Origin: origin})
		}
		if line == nil && err == io.EOF && !tooLong {
			return nil
		}
		lineNo++
		where := fmt.Sprintf("%s:%d", origin, lineNo)
		switch {
		case tooLong:
			if e := fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", limit), Origin: where}); e != nil {
				return e
			}
		case len(bytes.TrimSpace(line)) == 0:
			// blank lines separate nothing; skip them
		default:
			d, derr := JSONRecord(line)
			if derr == nil {
				d.Source = origin
			}
			if e := fn(Result{Doc: d, Err: derr, Origin: where}); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine reads one line without its terminator. When the line is longer
// than limit it is consumed and tooLong is set.
func readLine(br *bufio.Reader, limit int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, isPrefix, err := br.ReadLine()
		if int64(len(buf)+len(chunk)) > limit {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if err != nil {
			if len(buf) > 0 || tooLong {
				return buf, tooLong, nil
			}
			return nil, false, err
		}
		if !isPrefix {
			if buf == nil {
				buf = []byte{}
			}
			return buf, tooLong, nil
		}
	}
}

// elementGuard fails a read once the decoder holds more than limit bytes
// of one array element, so that a huge element is refused before it is
// buffered whole.
type elementGuard struct {
	r     io.Reader
	dec   *json.Decoder
	n     int64 // bytes read so far
	limit int64
}

var errElementTooLarge = errors.New("element too large")

func (g *elementGuard) Read(p []byte) (int, error) {
	if g.dec != nil && g.n-g.dec.InputOffset() > g.limit {
		return 0, errElementTooLarge
	}
	n, err := g.r.Read(p)
	g.n += int64(n)
	return n, err
}

func readJSONArray(ctx context.Context, origin string, r io.Reader, opt Options, fn func(Result) error) error {
	g := &elementGuard{r: r, limit: opt.maxBytes() + 64<<10}
	dec := json.NewDecoder(g)
	g.dec = dec
	if _, err := dec.Token(); err != nil {
		return fn(Result{Err: fmt.Errorf("invalid JSON: %w", err), Origin: origin})
	}
	for i := 1; dec.More(); i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		where := fmt.Sprintf("%s[%d]", origin, i-1)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			if errors.Is(err, errElementTooLarge) {
				return fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d (the rest of the array is not read)", opt.maxBytes()), Origin: where})
			}
			return fn(Result{Err: fmt.Errorf("invalid JSON: %w", err), Origin: where})
		}
		if int64(len(raw)) > opt.maxBytes() {
			if err := fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", opt.maxBytes()), Origin: where}); err != nil {
				return err
			}
			continue
		}
		d, err := JSONRecord(raw)
		if err == nil {
			d.Source = origin
		}
		if err := fn(Result{Doc: d, Err: err, Origin: where}); err != nil {
			return err
		}
	}
	return nil
}

// JSONRecord decodes one JSON object into a document.
func JSONRecord(line []byte) (*document.Document, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("invalid UTF-8 at byte %d", firstInvalid(line))
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) {
			return nil, fmt.Errorf("invalid JSON (truncated or malformed line): %w", err)
		}
		return nil, fmt.Errorf("invalid JSON: want an object: %w", err)
	}
	if dec.More() {
		return nil, errors.New("invalid JSON: more than one value on the line")
	}
	text, ok := m["text"].(string)
	if !ok {
		if _, present := m["text"]; present {
			return nil, errors.New(`field "text" is not a string`)
		}
		return nil, errors.New(`missing field "text"`)
	}
	d, err := newDoc(text)
	if err != nil {
		return nil, err
	}
	delete(m, "text")
	if v, ok := m["id"]; ok {
		switch id := v.(type) {
		case string:
			if id != "" {
				d.ID = id
			}
		case json.Number:
			d.ID = id.String()
		default:
			return nil, errors.New(`field "id" is not a string or number`)
		}
		delete(m, "id")
	}
	for key, dst := range map[string]*string{"title": &d.Title, "url": &d.URL, "language": &d.Language, "canonical_url": &d.CanonicalURL, "outlet": &d.Outlet} {
		if v, ok := m[key]; ok {
			s, ok := v.(string)
			if !ok && v != nil {
				return nil, fmt.Errorf("field %q is not a string", key)
			}
			if s != "" {
				*dst = s
			}
			delete(m, key)
		}
	}
	if v, ok := m["published"]; ok {
		if s, isStr := v.(string); isStr && s != "" {
			t, ok := ParseTime(s)
			if !ok {
				return nil, fmt.Errorf("field \"published\": cannot parse time %q (want RFC 3339 or YYYY-MM-DD)", s)
			}
			d.Published = &t
		} else if v != nil && !isStr {
			return nil, errors.New(`field "published" is not a string`)
		}
		delete(m, "published")
	}
	if len(m) > 0 {
		d.Meta = m
	}
	return d, nil
}

var timeLayouts = []string{
	time.RFC3339Nano, time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02", time.RFC1123Z, time.RFC1123, time.RFC850, "Mon, 2 Jan 2006 15:04:05 -0700", "2 January 2006", "January 2, 2006",
	"02-Jan-2006 15:04:05.00", "2-Jan-2006 15:04:05.00",
}

// ParseTime parses the date and time formats found in news metadata.
func ParseTime(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}
