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

// cursor answers "the first of n items in text order whose end is after
// off" for offsets that mostly increase: it walks forward from its last
// answer, up to cursorWalk items, else searches.
type cursor struct {
	n       int
	end     func(i int) int
	c, prev int
}

func newCursor(n int, end func(i int) int) *cursor { return &cursor{n: n, end: end, prev: -1 << 62} }

// newTokenCursor answers d.TokenAt: the first token whose End > off.
func newTokenCursor(d *document.Document) *cursor {
	return newCursor(len(d.Tokens), func(i int) int { return d.Tokens[i].End })
}

func (cu *cursor) at(off int) int {
	search := func() int { return sort.Search(cu.n, func(i int) bool { return cu.end(i) > off }) }
	if off < cu.prev {
		cu.c = search()
	} else {
		for k := 0; cu.c < cu.n && cu.end(cu.c) <= off; k++ {
			if k == cursorWalk {
				cu.c = search()
				break
			}
			cu.c++
		}
	}
	cu.prev = off
	return cu.c
}

// sentenceCursor answers d.SentenceAt: the sentence that contains off, or
// -1.
type sentenceCursor struct {
	ss []document.Sentence
	*cursor
}

func newSentenceCursor(d *document.Document) sentenceCursor {
	ss := d.Sentences
	return sentenceCursor{ss, newCursor(len(ss), func(i int) int { return ss[i].End })}
}

func (sc sentenceCursor) at(off int) int {
	if c := sc.cursor.at(off); c < len(sc.ss) && sc.ss[c].Start <= off {
		return c
	}
	return -1
}
