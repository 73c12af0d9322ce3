package counts

import (
	"sort"

	"github.com/newsgraph/newsgraph/document"
)

// bySentence lists, per sentence, the quotes that overlap its tokens, in
// layer order. A figure's attribution looks only at the quotes of its own
// sentence instead of every quote of the document (which made long
// documents quadratic). A quote holding a figure overlaps the sentence, so
// the first one found is the same.
type bySentence [][]int32

// newBySentence buckets d's quotes by sentence.
func newBySentence(d *document.Document) bySentence {
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
	bs := make(bySentence, ns)
	for k, q := range d.Quotes {
		each(q.Span, func(si int) { bs[si] = append(bs[si], int32(k)) })
	}
	return bs
}
