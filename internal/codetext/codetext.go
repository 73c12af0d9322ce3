// Package codetext finds the parts of a text that are source code, not
// prose: code lines, the comment lines next to them, and Markdown fenced
// blocks and inline code spans. Stages use it so that string literals are
// no quotations and "killed = 0" is no death toll. It is not a stage.
package codetext

import "strings"

// Line reports whether line looks like source code: a declaration
// ("package main", "func f(", "import \"fmt\"", "if …:"), holds an operator prose does not
// use (":=", "==", "!=", "&&", "||", "=>"; " = " outside a sentence), a call glued to a dotted
// name ("fmt.Println(msg)"), ends with "{" or "}", or ends with ";" after an
// assignment or a call.
func Line(line string) bool {
	l := strings.TrimSpace(line)
	if l == "" {
		return false
	}
	if keywordLine(l) {
		return true
	}
	if l[len(l)-1] == ':' && blockHeader(l) {
		return true
	}
	for _, op := range [...]string{":=", "+=", "-=", "==", "!=", "&&", "||", "=>", "();"} {
		if strings.Contains(l, op) {
			return true
		}
	}
	if strings.Contains(l, " = ") && !strings.HasSuffix(l, ".") {
		return true // an assignment, not a sentence that mentions one
	}
	if strings.HasSuffix(l, ";") && (strings.Contains(l, "=") || strings.Contains(l, "();") || strings.HasSuffix(l, ");") && !strings.Contains(l, " (")) {
		return true // a statement; a list item in prose ends with ";" too
	}
	if c := l[len(l)-1]; c == '{' || c == '}' {
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
		if len(name) > 1 && isIdentByte(l[i-1]) && strings.ContainsAny(name, "._") && !(name[0] >= '0' && name[0] <= '9') && strings.Contains(l[i:], ")") {
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

// keywordLine reports whether the trimmed line l is a declaration by its
// form, not just its first word (wrapped prose starts lines with "package
// of", "return to", "class of"): "package main", "import \"fmt\"",
// "import (", "func name(", "def name(", "#include <…>".
func keywordLine(l string) bool {
	// every form starts with its keyword: a line that starts with none
	// needs no splitting (most lines of prose)
	if !strings.HasPrefix(l, "package") && !strings.HasPrefix(l, "import") && !strings.HasPrefix(l, "func") && !strings.HasPrefix(l, "def") && !strings.HasPrefix(l, "#include") {
		return false
	}
	f := strings.Fields(l)
	switch {
	case len(f) == 2 && f[0] == "package" && isIdent(f[1]):
		return true
	case len(f) >= 2 && f[0] == "import" && (strings.HasPrefix(f[1], "\"") || f[1] == "(" || len(f) == 2 && isIdent(f[1])):
		return true
	case len(f) >= 2 && (f[0] == "func" || f[0] == "def") && strings.Contains(f[1], "("):
		return true
	case strings.HasPrefix(l, "#include <") || strings.HasPrefix(l, "#include \""):
		return true
	}
	return false
}

// blockHeader reports whether l, ending with a colon, opens a Python
// block by its form ("for e in events:", "if x:", "else:"), not prose that
// introduces a list ("for the following reasons:").
func blockHeader(l string) bool {
	f := strings.Fields(strings.TrimSuffix(l, ":"))
	switch {
	case len(f) == 0:
		return false
	case len(f) == 1:
		return f[0] == "else" || f[0] == "try" || f[0] == "finally"
	case f[0] == "for":
		return len(f) == 4 && f[2] == "in"
	case f[0] == "if" || f[0] == "elif" || f[0] == "while":
		return len(f) <= 2 || strings.ContainsAny(l, "=<>()[]")
	case f[0] == "except" || f[0] == "with":
		return len(f) <= 4 && (f[0] == "except" || strings.Contains(l, " as "))
	}
	return false
}

func isIdent(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isIdentByte(w[i]) && w[i] != '.' {
			return false
		}
	}
	return w != ""
}

// anyCode reports whether text has a backtick or a code line.
func anyCode(text string) bool {
	if strings.IndexByte(text, '`') >= 0 {
		return true
	}
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		if Line(text[start:end]) {
			return true
		}
		start = end + 1
	}
	return false
}

// indented reports whether line opens with a tab or four spaces.
func indented(line string) bool {
	return strings.HasPrefix(line, "\t") || strings.HasPrefix(line, "    ")
}

// commentLine reports whether line is a comment of source code.
func commentLine(line string) bool {
	l := strings.TrimSpace(line)
	return strings.HasPrefix(l, "//") || strings.HasPrefix(l, "/*") || strings.HasPrefix(l, "* ")
}

// Mask returns the byte ranges of text that are code, in text order: code
// lines with the comment and indented lines next to them, fenced blocks
// (``` … ```) and inline code spans (`…`) of Markdown.
func Mask(text string) [][2]int {
	if !anyCode(text) {
		return nil // prose: no allocation
	}
	// only code lines and lines that may join them (comments, indented
	// lines) are kept, with n, the index of the line among non-blank ones,
	// to tell neighbours
	type line struct {
		a, b, n int
		code    bool
	}
	var ls []line
	fenced := false
	n := 0
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
			if code := fence || fenced || Line(l); code || commentLine(l) || indented(l) {
				ls = append(ls, line{a: start, b: end, n: n, code: code})
			}
			n++
		}
		start = end + 1
	}
	// comments and indented lines count as code when a code line is next
	// to them
	for changed := true; changed; {
		changed = false
		for i := range ls {
			if !ls[i].code && (i > 0 && ls[i-1].code && ls[i-1].n == ls[i].n-1 || i+1 < len(ls) && ls[i+1].code && ls[i+1].n == ls[i].n+1) {
				ls[i].code, changed = true, true
			}
		}
	}
	var mask [][2]int
	k := 0 // next kept line
	for start := 0; start < len(text); {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		for k < len(ls) && ls[k].a < start {
			k++
		}
		if k < len(ls) && ls[k].a == start && ls[k].code {
			mask = append(mask, [2]int{start, end})
		} else if strings.IndexByte(text[start:end], '`') >= 0 {
			mask = codeSpans(text, start, end, mask)
		}
		start = end + 1
	}
	return mask
}

// codeSpans appends the inline code spans of line text[a:b] (between pairs
// of backticks) to mask.
func codeSpans(text string, a, b int, mask [][2]int) [][2]int {
	open := -1
	for i := a; i < b; i++ {
		if text[i] == '`' && i+1 < b && text[i+1] == '`' {
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
	return mask
}

// In reports whether byte offset i lies in one of the ranges of mask (as
// Mask returns them: in text order).
func In(mask [][2]int, i int) bool {
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
