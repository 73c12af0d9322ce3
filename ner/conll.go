package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Sentence is one tokenized sentence with gold tags (Tags may be nil when
// only Words are known).
type Sentence struct {
	Words []string
	Tags  []string
}

// Doc is one document: the sentences between two -DOCSTART- lines.
type Doc struct {
	Sentences []Sentence
}

// ReadCoNLL reads CoNLL-2003 formatted data: one token per line with the
// token in the first column and the NER tag (IOB1 or IOB2) in the last, a
// blank line between sentences and a -DOCSTART- line between documents.
// Lines with a single column get tag "O". It fails only on read errors.
func ReadCoNLL(r io.Reader) ([]Doc, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	var docs []Doc
	var cur Doc
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			cur.Sentences = append(cur.Sentences, sent)
		}
		sent = Sentence{}
	}
	flushDoc := func() {
		flushSent()
		if len(cur.Sentences) > 0 {
			docs = append(docs, cur)
		}
		cur = Doc{}
	}
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		f := strings.Fields(line)
		if len(f) == 0 {
			flushSent()
			continue
		}
		if f[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		tag := "O"
		if len(f) > 1 {
			tag = f[len(f)-1]
		}
		sent.Words = append(sent.Words, f[0])
		sent.Tags = append(sent.Tags, tag)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: read conll: %w", err)
	}
	flushDoc()
	return docs, nil
}

// SpansFromTags converts IOB1, IOB2 or BILOU/BIOES tags to spans. A tag
// "I-X" continues a span of type X that is open; "B-X" (or "S-X"/"U-X")
// always starts a new one; "E-X"/"L-X" closes it; anything else is outside.
// Score is 1 for every span.
func SpansFromTags(tags []string) []Span {
	var out []Span
	open := -1
	typ := ""
	closeAt := func(end int) {
		if open >= 0 {
			out = append(out, Span{Start: open, End: end, Type: typ, Score: 1})
		}
		open, typ = -1, ""
	}
	for i, t := range tags {
		if len(t) < 3 || t[1] != '-' {
			closeAt(i)
			continue
		}
		p, x := t[0], t[2:]
		switch p {
		case 'I', 'E', 'L':
			if open < 0 || typ != x {
				closeAt(i)
				open, typ = i, x
			}
			if p != 'I' {
				closeAt(i + 1)
			}
		case 'B', 'S', 'U':
			closeAt(i)
			open, typ = i, x
			if p != 'B' {
				closeAt(i + 1)
			}
		default:
			closeAt(i)
		}
	}
	closeAt(len(tags))
	return out
}

// bilou converts spans to BILOU label indices over n tokens; spans of
// unknown types are left as O.
func bilou(spans []Span, n int) []uint8 {
	y := make([]uint8, n)
	for _, s := range spans {
		t := typeIndex(s.Type)
		if t < 0 || s.Start < 0 || s.End > n || s.Start >= s.End {
			continue
		}
		if s.End-s.Start == 1 {
			y[s.Start] = uint8(labelOf(t, posU))
			continue
		}
		y[s.Start] = uint8(labelOf(t, posB))
		for k := s.Start + 1; k < s.End-1; k++ {
			y[k] = uint8(labelOf(t, posI))
		}
		y[s.End-1] = uint8(labelOf(t, posL))
	}
	return y
}

func typeIndex(t string) int {
	for i, x := range Types {
		if x == t {
			return i
		}
	}
	return -1
}

// spansFromLabels converts a valid BILOU label sequence to spans.
func spansFromLabels(y []uint8) []Span { return appendSpans(nil, y) }
