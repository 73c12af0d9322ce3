package quotes

import "strings"

// Text that is not prose. Quotation marks in source code (string
// literals), inside Markdown code spans and fenced blocks, or around a
// contract's defined terms do not quote anyone. A line is code when it
// holds an operator prose does not use (":=", "==", "!=", "&&", "||",
// "=>", " = "), a call glued to its name ("fmt.Println(msg)"), or ends
// with "{", "}" or ";"; a document whose non-blank lines are mostly code
// (or comments between code lines) is source code, and has no quotes.

// codeLine reports whether the line line looks like source code.
func codeLine(line string) bool {
	l := strings.TrimSpace(line)
	if l == "" {
		return false
	}
	for _, kw := range [...]string{"package ", "import ", "func ", "def ", "return ", "var ", "const ", "#include ", "class "} {
		if strings.HasPrefix(l, kw) {
			return true
		}
	}
	for _, op := range [...]string{":=", "==", "!=", "&&", "||", "=>", " = ", "();"} {
		if strings.Contains(l, op) {
			return true
		}
	}
	if c := l[len(l)-1]; c == '{' || c == '}' || c == ';' {
		return true
	}
	// a call glued to its name: ident( … ) with an identifier character
	// before the parenthesis and a dot or underscore in the name
	for i := strings.IndexByte(l, '('); i > 0; {
		j := i - 1
		for j >= 0 && (isIdentByte(l[j]) || l[j] == '.') {
			j--
		}
		name := l[j+1 : i]
		if len(name) > 1 && isIdentByte(l[i-1]) && strings.ContainsAny(name, "._") && strings.Contains(l[i:], ")") {
			return true
		}
		k := strings.IndexByte(l[i+1:], '(')
		if k < 0 {
			break
		}
		i += k + 1
	}
	return false
}

func isIdentByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
}

// commentLine reports whether line is a comment of source code.
func commentLine(line string) bool {
	l := strings.TrimSpace(line)
	return strings.HasPrefix(l, "//") || strings.HasPrefix(l, "/*") || strings.HasPrefix(l, "* ")
}

// codeMask returns, for text, the byte ranges where quotation marks quote
// nobody: code lines with the comment lines next to them, fenced blocks
// (``` … ```) and inline code spans (`…`) of Markdown.
func codeMask(text string) [][2]int {
	type line struct {
		a, b          int
		code, comment bool
	}
	var ls []line
	fenced := false
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		l := text[start:end]
		fence := strings.HasPrefix(strings.TrimSpace(l), "```")
		if fence {
			fenced = !fenced
		}
		if strings.TrimSpace(l) != "" {
			ls = append(ls, line{a: start, b: end, code: fence || fenced || codeLine(l), comment: commentLine(l)})
		}
		start = end + 1
	}
	// comments count as code when a code line or another such comment is
	// next to them
	for pass := 0; pass < 2; pass++ {
		for i := range ls {
			if ls[i].comment && !ls[i].code && (i > 0 && ls[i-1].code || i+1 < len(ls) && ls[i+1].code) {
				ls[i].code = true
			}
		}
		for i := len(ls) - 1; i >= 0; i-- {
			if ls[i].comment && !ls[i].code && i+1 < len(ls) && ls[i+1].code {
				ls[i].code = true
			}
		}
	}
	var mask [][2]int
	for _, l := range ls {
		if l.code {
			mask = append(mask, [2]int{l.a, l.b})
			continue
		}
		// inline code spans: between pairs of backticks on the line
		open := -1
		for i := l.a; i < l.b; i++ {
			if text[i] == '`' && i+1 < l.b && text[i+1] == '`' {
				i++ // ``…'' stands for double quotation marks
				continue
			}
			if text[i] == '`' {
				if open < 0 {
					open = i
				} else {
					mask = append(mask, [2]int{open, i + 1})
					open = -1
				}
			}
		}
	}
	return mask
}

// masked reports whether byte offset i lies in one of the ranges of mask
// (in text order).
func masked(mask [][2]int, i int) bool {
	for _, m := range mask {
		if i < m[0] {
			return false
		}
		if i < m[1] {
			return true
		}
	}
	return false
}

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
	for _, d := range [...]string{"hereinafter", "hereafter", "designated"} {
		if eqFold(w, d) {
			return true
		}
	}
	return false
}
