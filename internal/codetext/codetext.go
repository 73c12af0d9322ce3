// Package codetext finds the parts of a text that are source code, not
// prose: code lines, the comment lines next to them, and Markdown fenced
// blocks and inline code spans. Stages use it so that string literals are
// no quotations and "killed = 0" is no death toll. It is not a stage.
package codetext

import "strings"

// Line reports whether line looks like source code: it opens with a
// keyword ("func ", "import ", "if …:"), holds an operator prose does not
// use (":=", "==", "!=", "&&", "||", "=>"; " = " outside a sentence), a call glued to a dotted
// name ("fmt.Println(msg)"), or ends with "{", "}" or ";".
func Line(line string) bool {
	l := strings.TrimSpace(line)
	if l == "" {
		return false
	}
	for _, kw := range [...]string{"package ", "import ", "func ", "def ", "return ", "var ", "const ", "#include ", "class "} {
		if strings.HasPrefix(l, kw) {
			return true
		}
	}
	if l[len(l)-1] == ':' {
		for _, kw := range [...]string{"if ", "for ", "while ", "elif ", "else", "try", "except", "with ", "def "} {
			if strings.HasPrefix(l, kw) {
				return true
			}
		}
	}
	for _, op := range [...]string{":=", "+=", "-=", "==", "!=", "&&", "||", "=>", "();"} {
		if strings.Contains(l, op) {
			return true
		}
	}
	if strings.Contains(l, " = ") && !strings.HasSuffix(l, ".") {
		return true // an assignment, not a sentence that mentions one
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
	type line struct {
		a, b int
		code bool
		near bool // a comment or an indented line: code when next to code
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
			ls = append(ls, line{a: start, b: end, code: fence || fenced || Line(l), near: commentLine(l) || indented(l)})
		}
		start = end + 1
	}
	// comments and indented lines count as code when a code line is next
	// to them
	for changed := true; changed; {
		changed = false
		for i := range ls {
			if !ls[i].code && ls[i].near && (i > 0 && ls[i-1].code || i+1 < len(ls) && ls[i+1].code) {
				ls[i].code, changed = true, true
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
