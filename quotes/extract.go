package quotes

import (
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/codetext"
)

// extractor holds the per-document state of one Extract call.
type extractor struct {
	d    *document.Document
	text string
	ms   []document.Mention // d.Mentions in text order (a sorted copy when they are not)
	// nextPara is the paragraph after the current one (zero at the end).
	nextPara document.Span
	out      []document.Quote
	steps    []string // per quote of out: the step that decided its speaker
	t        []tok    // tokens of the current paragraph (buffer reused)
	dq       []dquote
	// carry is the speaker of a quote the previous paragraph leaves open
	// (a multi-paragraph quote), or of a paragraph-final quote.
	carry      *document.Speaker
	carryOpen  bool // the previous paragraph ended inside an open quote
	carryColon bool // the previous paragraph ended with a speaker and a colon
	// prevSubject is the person who opens the previous paragraph's last
	// sentence, or nil.
	prevSubject *document.Speaker
	cv          *caseView // nil unless a sentence is folded (lettercase.go)
	code        [][2]int  // byte ranges of code, where marks quote nobody (codetext.Mask)
}

// dquote is a direct quote in token indices: marks at o and c (c == -1 when
// the quote runs to the paragraph end).
type dquote struct {
	o, c     int
	n        int // first token after the quote
	a, b     int // content byte span
	spk      *document.Speaker
	cue      string
	cueSpan  document.Span
	explicit bool   // the speaker came from a cue next to the quote
	step     string // the step that decided the speaker (see speakerSteps)
}

// attr is a reported-speech attribution found in a paragraph.
type attr struct {
	content document.Span
	cue     string
	cueSpan document.Span
	spk     *document.Speaker
}

func (x *extractor) w(i int) string {
	if x.t[i].fold {
		return x.cv.lower[x.t[i].s:x.t[i].e]
	}
	return x.text[x.t[i].s:x.t[i].e]
}

func (x *extractor) f(i int) uint32 {
	if i < 0 || i >= len(x.t) || x.t[i].k != kWord {
		return 0
	}
	return x.t[i].fl
}

func (x *extractor) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(x.t) && x.t[i].k == kPunct && x.t[i].e-x.t[i].s == 1 && x.text[x.t[i].s] == c
}

func isAbbrev(w string) bool {
	if len(w) == 1 {
		return w[0] >= 'A' && w[0] <= 'Z'
	}
	return inSet(abbrev, w)
}

// paragraph extracts the quotes of paragraph p; next is the start of the
// following paragraph or -1.
func (x *extractor) paragraph(p document.Span, next int) {
	x.t = lex(x.text, p.Start, p.End, x.t[:0])
	x.foldCase(x.t)
	t := x.t
	if len(t) == 0 {
		return
	}
	// Choose primary marks: double marks when any opening double mark is
	// present, otherwise single marks.
	single := true
	for i := range t {
		if (t[i].k == kOpen || t[i].k == kAmbig) && !t[i].single {
			single = false
			break
		}
	}
	for i := range t {
		if (t[i].k == kOpen || t[i].k == kClose) && t[i].single != single {
			t[i].k = kPunct
		}
	}
	if single {
		// Single marks are quotes only when they pair up; otherwise apostrophes.
		if !pairsUp(t) {
			for i := range t {
				if t[i].k == kOpen || t[i].k == kClose {
					t[i].k = kPunct
				}
			}
		}
	}
	// Marks in code (string literals, Markdown code spans) quote nobody.
	if len(x.code) > 0 {
		for i := range t {
			if (t[i].k == kOpen || t[i].k == kClose || t[i].k == kAmbig) && codetext.In(x.code, t[i].s) {
				t[i].k = kPunct
			}
		}
	}
	// Pair marks.
	x.dq = x.dq[:0]
	open := -1
	for i := range t {
		if t[i].k == kAmbig {
			if open >= 0 {
				t[i].k = kClose
			} else {
				t[i].k = kOpen
			}
		}
		switch t[i].k {
		case kOpen:
			if open >= 0 {
				// An opening mark inside an open quote: the earlier quote was
				// never closed. Close it before this mark.
				x.addDirect(open, i, false)
			}
			open = i
		case kClose:
			if open >= 0 {
				x.addDirect(open, i, true)
				open = -1
			}
		}
	}
	continues := false
	if open >= 0 {
		x.addDirect(open, len(t), false)
		if next >= 0 && next < len(x.text) {
			r, _ := decode(x.text, next)
			continues = isDoubleQuote(r) || single && isSingleQuote(r)
		}
	}
	// Sentence ends outside quotes.
	inq := 0
	for i := range t {
		switch t[i].k {
		case kOpen:
			inq++
		case kClose:
			if inq > 0 {
				inq--
			}
		case kPunct:
			c := x.text[t[i].s]
			if (c == '.' || c == '!' || c == '?') && t[i].e-t[i].s == 1 {
				if c == '.' && i > 0 && t[i-1].k == kWord && t[i-1].e == t[i].s && isAbbrev(x.w(i-1)) && i+1 < len(t) && t[i+1].k == kWord {
					continue
				}
				if i+1 < len(t) {
					n := t[i+1]
					if n.k == kPunct && x.text[n.s] != '(' && x.text[n.s] != '[' || n.k == kWord && !n.cap && !(n.s > t[i].e && x.text[n.s] >= '0' && x.text[n.s] <= '9') {
						continue // (R-Fla.) said; U.S. officials; 3 p.m. on Monday
					}
				}
				if inq == 0 {
					t[i].k = kEnd
				}
			}
		}
	}
	for i := range x.dq {
		q := &x.dq[i]
		for j := q.o + 1; j < q.c && j < len(t); j++ {
			if t[j].k == kEnd {
				t[j].k = kPunct
			}
		}
	}
	attrs := x.reported()
	x.attribute(attrs, continues)
}

// pairsUp reports whether opening and closing single marks alternate with at
// least one full pair.
func pairsUp(t []tok) bool {
	open, pairs := false, 0
	for i := range t {
		switch t[i].k {
		case kOpen:
			open = true
		case kClose:
			if open {
				pairs++
				open = false
			}
		}
	}
	return pairs > 0
}

// addDirect records the quote opened at token o and ended before token c
// (closed by the mark at c when closed is true).
func (x *extractor) addDirect(o, c int, closed bool) {
	t := x.t
	a := t[o].e
	var b int
	if c < len(t) {
		b = t[c].s
	} else {
		b = t[len(t)-1].e
	}
	if !closed && c < len(t) {
		b = t[c-1].e
	}
	for a < b && isSpaceByte(x.text[a]) {
		a++
	}
	for b > a && isSpaceByte(x.text[b-1]) {
		b--
	}
	if a >= b {
		return
	}
	cc, n := c, c+1
	if !closed {
		cc, n = -1, c
	}
	x.dq = append(x.dq, dquote{o: o, c: cc, n: n, a: a, b: b})
}

func isSpaceByte(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// words counts word tokens in [i, j).
func (x *extractor) words(i, j int) int {
	n := 0
	for k := i; k < j && k < len(x.t); k++ {
		if x.t[k].k == kWord {
			n++
		}
	}
	return n
}

func (x *extractor) isDash(i int) bool {
	if i < 0 || i >= len(x.t) || x.t[i].k != kPunct {
		return false
	}
	w := x.w(i)
	return w == "-" || w == "—" || w == "–" || w == "―"
}
