package read

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http/httputil"
	"strings"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/newsgraph/newsgraph/internal/httpbody"
)

// readWARC reads a WARC file, plain or gzip-compressed per record (as
// written by crawlers and Common Crawl): every response record with HTTP
// status 200 and an HTML payload becomes a document through the HTML reader,
// its charset from the recorded Content-Type header. Transfer-Encoding
// chunked and Content-Encoding gzip/deflate are undone. The document's URL
// is the record's WARC-Target-URI, its outlet that address's domain, its
// publication date the page's own, else the capture date (WARC-Date, kept
// in meta as warc_date either way). Other records (requests, metadata,
// revisits, images) are skipped; a file with no HTML response is an error,
// and so is a record the WARC parser cannot read (reading stops there: the
// file's framing is lost).
func readWARC(ctx context.Context, origin string, r io.Reader, opt Options, fn func(Result) error) error {
	wr, err := gowarc.NewWarcFileReaderFromStream(r, 0, gowarc.WithSyntaxErrorPolicy(gowarc.ErrWarn), gowarc.WithSpecViolationPolicy(gowarc.ErrWarn),
		gowarc.WithUnknownRecordTypePolicy(gowarc.ErrIgnore), gowarc.WithBlockErrorPolicy(gowarc.ErrWarn), gowarc.WithBufferMaxMemBytes(opt.maxBytes()+1<<20))
	if err != nil {
		return fn(Result{Err: fmt.Errorf("warc: %w", err), Origin: origin})
	}
	defer wr.Close()
	html := 0
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := nextRecord(wr)
		if err == io.EOF {
			break
		}
		if err != nil {
			if rec.WarcRecord != nil {
				rec.Close()
			}
			return fn(Result{Err: fmt.Errorf("warc: record %d at byte %d: %w", n, rec.Offset, err), Origin: origin})
		}
		where := fmt.Sprintf("%s@%d", origin, rec.Offset)
		if short := truncated(rec.Validation); short != nil {
			rec.Close()
			return fn(Result{Err: fmt.Errorf("warc: record %d at byte %d is truncated (%d of %d bytes): the file is cut short", n, rec.Offset, short.Actual, short.Expected), Origin: where})
		}
		res, ok := warcResponse(rec.WarcRecord, opt)
		rec.Close()
		if !ok {
			continue
		}
		html++
		res.Origin = where
		if res.Doc != nil {
			res.Doc.Source = origin
		}
		if err := fn(res); err != nil {
			return err
		}
	}
	if html == 0 {
		return fn(Result{Err: errors.New("warc: no HTML response records"), Origin: origin})
	}
	return nil
}

// truncated returns the content-length finding of a record cut short;
// other findings (digests, syntax the parser repaired) are tolerated.
func truncated(findings []error) *gowarc.ContentLengthError {
	for _, f := range findings {
		var cl *gowarc.ContentLengthError
		if errors.As(f, &cl) && cl.Actual < cl.Expected {
			return cl
		}
	}
	return nil
}

// nextRecord reads one record, turning a parser panic into an error.
func nextRecord(wr *gowarc.WarcFileReader) (rec gowarc.Record, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("parser failed: %v", p)
		}
	}()
	return wr.Next()
}

// warcResponse turns one record into a Result; ok is false for records that
// are not HTML responses with status 200.
func warcResponse(rec gowarc.WarcRecord, opt Options) (res Result, ok bool) {
	if rec == nil || rec.Type() != gowarc.Response {
		return res, false
	}
	block, isHTTP := rec.Block().(gowarc.HttpResponseBlock)
	if !isHTTP || block.HttpStatusCode() != 200 || block.HttpHeader() == nil {
		return res, false
	}
	h := block.HttpHeader()
	ct := h.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ct); err != nil || (mt != "text/html" && mt != "application/xhtml+xml") {
		return res, false
	}
	target := strings.Trim(rec.WarcHeader().Get(gowarc.WarcTargetURI), "<> ")
	payload, err := block.PayloadBytes()
	if err != nil {
		return Result{Err: fmt.Errorf("warc: %s: %w", target, err)}, true
	}
	var body io.Reader = payload
	if strings.EqualFold(strings.TrimSpace(h.Get("Transfer-Encoding")), "chunked") {
		body = httputil.NewChunkedReader(body)
	}
	data, err := httpbody.Read(body, h.Get("Content-Encoding"), opt.maxBytes())
	if errors.Is(err, httpbody.ErrTooLarge) {
		return Result{Err: fmt.Errorf("warc: %s: document is larger than --max-bytes %d", target, opt.maxBytes())}, true
	}
	if err != nil {
		return Result{Err: fmt.Errorf("warc: %s: %w", target, err)}, true
	}
	d, err := HTML(data, ct)
	if err != nil {
		return Result{Err: fmt.Errorf("warc: %s: %w", target, err)}, true
	}
	if target != "" {
		d.URL = target
		d.Outlet = OutletFromURL(target)
		if d.CanonicalURL == "" {
			d.CanonicalURL = target
		}
	}
	if d.Meta == nil {
		d.Meta = map[string]any{}
	}
	if t, err := rec.Date(); err == nil && !t.IsZero() {
		t = t.UTC()
		d.Meta["warc_date"] = t.Format(time.RFC3339)
		if d.Published == nil {
			d.Published = &t
			d.Meta["published_from"] = "warc-date"
		}
	}
	return Result{Doc: d}, true
}
