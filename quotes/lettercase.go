package quotes

import (
	"slices"
	"sort"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lettercase"
)

// Letter case. The grammar reads capital letters: a capitalized word may
// be a name or open a sentence, a lower-case one is a verb or a noun. In a
// folded sentence (package lettercase: ALL CAPS, or a document without
// letter case) capitals say nothing, so there a word counts as capitalized
// when it is inside a name mention of the entities stage, opens a sentence
// or follows an opening quotation mark, and words are compared in lower
// case.

// caseView holds what the extractor needs to read folded sentences: the
// sentences' fold flags and the normalized text (Document.Lower: same byte
// offsets). It is nil for a document without folded sentences.
type caseView struct {
	fold  []bool
	lower string
}

// newCaseView returns the case view of d, or nil when no sentence is folded.
func newCaseView(d *document.Document) *caseView {
	fold := lettercase.Document(d)
	if !slices.Contains(fold, true) {
		return nil
	}
	return &caseView{fold: fold, lower: d.LowerSlice(document.Span{Start: 0, End: len(d.Text)})}
}

// foldCase sets cap and fold on the word tokens of t that lie in folded
// sentences.
func (x *extractor) foldCase(t []tok) {
	if x.cv == nil || len(t) == 0 {
		return
	}
	sents := x.d.Sentences
	si := sort.Search(len(sents), func(i int) bool { return sents[i].End > t[0].s })
	mi := 0        // the first mention starting after the token
	lastSent := -1 // sentence of the previous word token
	for i := range t {
		tk := &t[i]
		for si < len(sents) && sents[si].End <= tk.s {
			si++
		}
		if tk.k != kWord || si >= len(sents) || sents[si].Start > tk.s || si >= len(x.cv.fold) || !x.cv.fold[si] {
			continue
		}
		first := lastSent != si
		lastSent = si
		mi += sort.Search(len(x.ms)-mi, func(k int) bool { return x.ms[mi+k].Start > tk.s })
		name := false
		for k := mi - 1; k >= 0 && k >= mi-4; k-- { // mentions rarely nest deeper
			if x.ms[k].Kind == document.Name && x.ms[k].End > tk.s {
				name = true
				break
			}
		}
		tk.fold = true
		tk.cap = name || first || i > 0 && t[i-1].k == kOpen
	}
}
