package counts

import (
	"sort"

	"github.com/newsgraph/newsgraph/document"
)

// bySentence lists, per sentence, the quotes that overlap its tokens, in
// layer order, in one array: sentence i's are items[off[i]:off[i+1]]. A
// figure's attribution looks only at the quotes of its own sentence instead
// of every quote of the document (which made long documents quadratic). A
// quote holding a figure overlaps the sentence, so the first one found is
// the same.
type bySentence struct {
	off, items []int32
}

func (c *bySentence) of(si int) []int32 {
	if si < 0 || si+1 >= len(c.off) {
		return nil
	}
	return c.items[c.off[si]:c.off[si+1]]
}

// newBySentence buckets d's quotes by sentence.
func newBySentence(d *document.Document) *bySentence {
	ns := len(d.Sentences)
	// The byte range of each sentence's tokens (empty for a bad range).
	start, end := make([]int, ns), make([]int, ns)
	sorted := true
	for i, st := range d.Sentences {
		if st.FirstToken >= 0 && st.EndToken <= len(d.Tokens) && st.FirstToken < st.EndToken {
			start[i], end[i] = d.Tokens[st.FirstToken].Start, d.Tokens[st.EndToken-1].End
		} else if i > 0 {
			start[i], end[i] = end[i-1], end[i-1]
		}
		if i > 0 && (start[i] < end[i-1] || end[i] < end[i-1]) {
			sorted = false
		}
	}
	// each calls f with the sentences that span sp overlaps.
	each := func(sp document.Span, f func(si int)) {
		if !sorted {
			for i := 0; i < ns; i++ {
				if start[i] < sp.End && sp.Start < end[i] {
					f(i)
				}
			}
			return
		}
		for i := sort.Search(ns, func(i int) bool { return end[i] > sp.Start }); i < ns && start[i] < sp.End; i++ {
			if start[i] < end[i] {
				f(i)
			}
		}
	}
	c := &bySentence{off: make([]int32, ns+1)}
	for _, q := range d.Quotes {
		each(q.Span, func(si int) { c.off[si+1]++ })
	}
	for i := 0; i < ns; i++ {
		c.off[i+1] += c.off[i]
	}
	c.items = make([]int32, c.off[ns])
	fill := append([]int32(nil), c.off[:ns]...)
	for k, q := range d.Quotes {
		each(q.Span, func(si int) { c.items[fill[si]] = int32(k); fill[si]++ })
	}
	return c
}
