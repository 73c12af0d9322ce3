package read

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"html"
	"io"
	"strings"
)

// readCSV reads a CSV file with a header row and a "text" column (the BBC
// corpus layout: text,category). Other columns are kept in Meta; "id",
// "title", "url" and "published" columns fill the document fields.
func readCSV(ctx context.Context, origin string, data []byte, opt Options, fn func(Result) error) error {
	text, _, err := decode(data, strings.ToLower(opt.Encoding))
	if err != nil {
		return fn(Result{Err: err, Origin: origin})
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	header, err := cr.Read()
	if err != nil {
		return fn(Result{Err: fmt.Errorf("csv: cannot read header: %w", err), Origin: origin})
	}
	col := map[string]int{}
	for i, h := range header {
		col[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))] = i
	}
	ti, ok := col["text"]
	if !ok {
		return fn(Result{Err: errors.New(`csv: no "text" column in the header`), Origin: origin})
	}
	for row := 2; ; row++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		line, _ := cr.FieldPos(0)
		where := fmt.Sprintf("%s:%d", origin, line)
		if err != nil {
			if e := fn(Result{Err: fmt.Errorf("csv: %w", err), Origin: where}); e != nil {
				return e
			}
			continue
		}
		if ti >= len(rec) {
			if e := fn(Result{Err: errors.New(`csv: row has no "text" field`), Origin: where}); e != nil {
				return e
			}
			continue
		}
		if int64(len(rec[ti])) > opt.maxBytes() {
			if e := fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", opt.maxBytes()), Origin: where}); e != nil {
				return e
			}
			continue
		}
		d, derr := newDoc(rec[ti])
		if derr == nil {
			d.Source = origin
			for name, i := range col {
				if i == ti || i >= len(rec) {
					continue
				}
				switch name {
				case "id":
					if rec[i] != "" {
						d.ID = rec[i]
					}
				case "title":
					d.Title = rec[i]
				case "url":
					d.URL = rec[i]
				case "published":
					if t, ok := ParseTime(rec[i]); ok {
						d.Published = &t
					}
				default:
					if d.Meta == nil {
						d.Meta = map[string]any{}
					}
					d.Meta[name] = rec[i]
				}
			}
		}
		if e := fn(Result{Doc: d, Err: derr, Origin: where}); e != nil {
			return e
		}
	}
}

// readSGML reads Reuters-21578 SGML: <REUTERS ... NEWID="n"> blocks with
// <DATE>, <TITLE>, <DATELINE> and <BODY>. Stories without a body are skipped
// (the collection has about 2,500 such records: headlines only), and counted
// in no error. The text is the record's dateline (also in Meta["dateline"]),
// a space and the body, as the wire sent it, with &lt; &amp; and friends
// unescaped; the document's id is StableID of the body alone. The text
// stage takes the dateline from there (text.MetaDateline).
func readSGML(ctx context.Context, origin string, data []byte, opt Options, fn func(Result) error) error {
	text, _, err := decode(data, strings.ToLower(opt.Encoding))
	if err != nil {
		return fn(Result{Err: err, Origin: origin})
	}
	found := false
	for rest := text; ; {
		if err := ctx.Err(); err != nil {
			return err
		}
		i := strings.Index(rest, "<REUTERS")
		if i < 0 {
			break
		}
		j := strings.Index(rest[i:], "</REUTERS>")
		if j < 0 {
			return fn(Result{Err: errors.New("sgml: <REUTERS> without </REUTERS> (truncated file)"), Origin: origin})
		}
		rec := rest[i : i+j]
		rest = rest[i+j+len("</REUTERS>"):]
		found = true
		id := attrValue(rec[:strings.Index(rec, ">")+1], "NEWID")
		where := origin + "#" + id
		body := element(rec, "BODY")
		if strings.TrimSpace(body) == "" {
			continue
		}
		body = strings.TrimRight(html.UnescapeString(body), "\x03 \t\r\n")
		for _, sig := range []string{"Reuter", "REUTER"} {
			body = strings.TrimSuffix(body, sig)
		}
		body = strings.TrimRight(body, " \t\r\n")
		if int64(len(body)) > opt.maxBytes() {
			if e := fn(Result{Err: fmt.Errorf("document is larger than --max-bytes %d", opt.maxBytes()), Origin: where}); e != nil {
				return e
			}
			continue
		}
		d, derr := newDoc(body)
		if derr == nil {
			d.Source = origin
			d.Title = strings.TrimSpace(html.UnescapeString(element(rec, "TITLE")))
			d.Meta = map[string]any{"newid": id}
			if dl := datelineElement(rec); dl != "" {
				// The wire copy as sent: the dateline, then the story.
				// The id stays the body's (StableID), as before the
				// dateline was put back, so that ids do not change.
				d.Text = dl + " " + body
				d.Meta["dateline"] = dl
			}
			if t, ok := ParseTime(strings.TrimSpace(element(rec, "DATE"))); ok {
				d.Published = &t
			}
		}
		if e := fn(Result{Doc: d, Err: derr, Origin: where}); e != nil {
			return e
		}
	}
	if !found {
		return fn(Result{Err: errors.New("sgml: no <REUTERS> records"), Origin: origin})
	}
	return nil
}

// datelineElement returns the record's DATELINE element ("WASHINGTON,
// March 3 -"), unescaped and with its spaces trimmed, or "" when it has
// none or it spans lines (no dateline then).
func datelineElement(rec string) string {
	dl := strings.TrimSpace(html.UnescapeString(element(rec, "DATELINE")))
	if strings.ContainsAny(dl, "\r\n\x00") || len(dl) > 200 {
		return ""
	}
	return dl
}

func element(s, name string) string {
	open := "<" + name + ">"
	i := strings.Index(s, open)
	if i < 0 {
		return ""
	}
	s = s[i+len(open):]
	j := strings.Index(s, "</"+name+">")
	if j < 0 {
		return s
	}
	return s[:j]
}

func attrValue(tag, name string) string {
	i := strings.Index(tag, name+"=\"")
	if i < 0 {
		return ""
	}
	tag = tag[i+len(name)+2:]
	j := bytes.IndexByte([]byte(tag), '"')
	if j < 0 {
		return ""
	}
	return tag[:j]
}
