package counts

import (
	"sort"

	"github.com/newsgraph/newsgraph/document"
)

// bySentence lists, per sentence, the quotes and mentions that overlap its
// tokens, in layer order: a figure's attribution looks only at those of its
// own sentence instead of every quote and mention of the document (which
// made long documents quadratic). A quote holding a figure, or a mention
// overlapping its source, overlaps the sentence, so the first one found is
// the same.
type bySentence struct {
	quotes, mentions [][]int
}

// newBySentence buckets d's quotes and mentions by sentence.
func newBySentence(d *document.Document) *bySentence {
	ns := len(d.Sentences)
	x := &bySentence{quotes: make([][]int, ns), mentions: make([][]int, ns)}
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
	add := func(lists [][]int, idx int, sp document.Span) {
		if !sorted {
			for i := range lists {
				if start[i] < sp.End && sp.Start < end[i] {
					lists[i] = append(lists[i], idx)
				}
			}
			return
		}
		for i := sort.Search(ns, func(i int) bool { return end[i] > sp.Start }); i < ns && start[i] < sp.End; i++ {
			if start[i] < end[i] {
				lists[i] = append(lists[i], idx)
			}
		}
	}
	for qi := range d.Quotes {
		add(x.quotes, qi, d.Quotes[qi].Span)
	}
	for mi := range d.Mentions {
		add(x.mentions, mi, d.Mentions[mi].Span)
	}
	return x
}
