package entities

import (
	"sort"

	"github.com/newsgraph/newsgraph/document"
)

// mentionIndex holds, per mention of a document, the token that starts it,
// the token that holds its last byte and its sentence (d.TokenAt(m.Start),
// d.TokenAt(m.End-1), d.SentenceAt(m.Start), exactly): what the actors
// stage looks up several times per mention. Mentions come in text order, so
// each answer is searched for from the one before (seek).
type mentionIndex struct {
	first, last, sent []int
}

func newMentionIndex(d *document.Document) *mentionIndex {
	n := len(d.Mentions)
	ix := &mentionIndex{first: make([]int, n), last: make([]int, n), sent: make([]int, n)}
	tokEnd := func(i int) int { return d.Tokens[i].End }
	var f, l, s int
	for i, m := range d.Mentions {
		f, l = seek(len(d.Tokens), f, m.Start, tokEnd), seek(len(d.Tokens), l, m.End-1, tokEnd)
		ix.first[i], ix.last[i] = f, l
		ix.sent[i] = sentenceAt(d, &s, m.Start)
	}
	return ix
}

// seek returns the first of n items in text order whose end is after off
// (n when none), searching forward from from when the items before it end
// at or before off (a gallop, then a binary search: the cost grows with the
// distance walked), else from the start.
func seek(n, from, off int, end func(i int) int) int {
	if from > n || from > 0 && end(from-1) > off {
		from = 0
	}
	step := 1
	for from+step <= n && end(from+step-1) <= off {
		from += step
		step *= 2
	}
	hi := min(from+step, n)
	return from + sort.Search(hi-from, func(i int) bool { return end(from+i) > off })
}

// sentenceAt returns d.SentenceAt(off), searched for from sentence *from
// (see seek), which it moves to the answer.
func sentenceAt(d *document.Document, from *int, off int) int {
	*from = seek(len(d.Sentences), *from, off, func(i int) int { return d.Sentences[i].End })
	if *from >= len(d.Sentences) || d.Sentences[*from].Start > off {
		return -1
	}
	return *from
}
