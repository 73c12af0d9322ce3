package quotes

// Text that is not prose. Quotation marks in source code (string
// literals), inside Markdown code spans and fenced blocks (package
// codetext), or around a contract's defined terms do not quote anyone.

// definedTerm reports whether the quote q is a term a contract or a
// glossary defines: in parentheses after what it names ("(the
// “Agreement”)"), a short one before "means" or "shall mean", or after
// "hereinafter".
func (x *extractor) definedTerm(q *dquote) bool {
	n := q.n
	if q.c < 0 || n >= len(x.t) {
		return false
	}
	p := q.o - 1
	article := p >= 0 && x.t[p].k == kWord && (eqFold(x.w(p), "the") || eqFold(x.w(p), "a") || eqFold(x.w(p), "an"))
	if article {
		p--
	}
	short := x.words(q.o, q.n) <= 5
	if x.isPunct(p, '(') && x.isPunct(n, ')') && (article || short) {
		return true
	}
	if q.o > 0 && x.t[q.o-1].k == kWord && isDefiningWord(x.w(q.o-1)) {
		return true
	}
	return short && (x.t[n].k == kWord && (eqFold(x.w(n), "means") || eqFold(x.w(n), "mean") || eqFold(x.w(n), "includes")) ||
		n+1 < len(x.t) && eqFold(x.w(n), "shall") && eqFold(x.w(n+1), "mean"))
}

// isDefiningWord reports whether w introduces a defined term: "hereinafter
// “the Buyer”". ("the term “…”" is often a quote in news copy: PolNeAR
// attributes it.)
func isDefiningWord(w string) bool {
	return inSet(definingWords, w)
}
