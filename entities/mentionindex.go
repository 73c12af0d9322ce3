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
	toks := d.Tokens
	tokEnd := func(i int) int { return toks[i].End }
	fc, lc, sc := newCursor(len(toks), tokEnd, nil), newCursor(len(toks), tokEnd, nil), newSentenceCursor(d)
	for i, m := range d.Mentions {
		ix.first[i] = fc.at(m.Start)
		ix.last[i] = lc.at(m.End - 1)
		ix.sent[i] = sc.at(m.Start)
	}
	return ix
}

// cursor answers "the first of n items in text order whose end is after
// off" (d.TokenAt) for offsets that mostly increase: it walks forward from
// its last answer, up to cursorWalk items, else searches. With start, it
// answers the item that contains off, or -1 (d.SentenceAt).
type cursor struct {
	n          int
	end, start func(i int) int
	c, prev    int
}

func newCursor(n int, end, start func(i int) int) *cursor {
	return &cursor{n: n, end: end, start: start, prev: -1 << 62}
}

// newSentenceCursor answers d.SentenceAt.
func newSentenceCursor(d *document.Document) *cursor {
	ss := d.Sentences
	return newCursor(len(ss), func(i int) int { return ss[i].End }, func(i int) int { return ss[i].Start })
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
	if cu.start != nil && (cu.c >= cu.n || cu.start(cu.c) > off) {
		return -1
	}
	return cu.c
}
