package entities

import (
	"sort"

	"github.com/newsgraph/newsgraph/document"
)

// mentionIndex holds, per mention of a document, the token that starts it,
// the token that holds its last byte and its sentence: what the actors
// stage looks up several times per mention. Built in one pass with
// cursors (mentions come in text order), so that a big document costs no
// binary search over millions of tokens per lookup.
type mentionIndex struct {
	first, last, sent []int
}

// cursorWalk bounds how far a cursor walks forward before it falls back to
// a binary search (mentions out of text order).
const cursorWalk = 64

// newMentionIndex indexes d's mentions. first[i] is d.TokenAt(m.Start),
// last[i] d.TokenAt(m.End-1) and sent[i] d.SentenceAt(m.Start), exactly.
func newMentionIndex(d *document.Document) *mentionIndex {
	n := len(d.Mentions)
	ix := &mentionIndex{first: make([]int, n), last: make([]int, n), sent: make([]int, n)}
	fc, lc, sc := newTokenCursor(d), newTokenCursor(d), newSentenceCursor(d)
	for i, m := range d.Mentions {
		ix.first[i] = fc.at(m.Start)
		ix.last[i] = lc.at(m.End - 1)
		ix.sent[i] = sc.at(m.Start)
	}
	return ix
}

// tokenCursor answers d.TokenAt for offsets that mostly increase.
type tokenCursor struct {
	d       *document.Document
	c, prev int
}

func newTokenCursor(d *document.Document) *tokenCursor { return &tokenCursor{d: d, prev: -1 << 62} }

// at returns d.TokenAt(off): the first token whose End > off.
func (tc *tokenCursor) at(off int) int {
	toks := tc.d.Tokens
	if off < tc.prev {
		tc.c = tc.d.TokenAt(off)
	} else {
		for k := 0; tc.c < len(toks) && toks[tc.c].End <= off; k++ {
			if k == cursorWalk {
				tc.c = tc.d.TokenAt(off)
				break
			}
			tc.c++
		}
	}
	tc.prev = off
	return tc.c
}

// sentenceCursor answers d.SentenceAt for offsets that mostly increase.
type sentenceCursor struct {
	d       *document.Document
	c, prev int
}

func newSentenceCursor(d *document.Document) *sentenceCursor {
	return &sentenceCursor{d: d, prev: -1 << 62}
}

// at returns d.SentenceAt(off): the sentence that contains off, or -1.
func (sc *sentenceCursor) at(off int) int {
	ss := sc.d.Sentences
	if off < sc.prev {
		sc.prev = off
		sc.c = firstSentenceEndingAfter(ss, off)
	} else {
		sc.prev = off
		for k := 0; sc.c < len(ss) && ss[sc.c].End <= off; k++ {
			if k == cursorWalk {
				sc.c = firstSentenceEndingAfter(ss, off)
				break
			}
			sc.c++
		}
	}
	if sc.c < len(ss) && ss[sc.c].Start <= off {
		return sc.c
	}
	return -1
}

// firstSentenceEndingAfter returns the index of the first sentence whose End
// > off, or len(ss) (the search of document.SentenceAt).
func firstSentenceEndingAfter(ss []document.Sentence, off int) int {
	return sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
}
