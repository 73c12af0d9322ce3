package codetext

import (
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	tests := []struct {
		line string
		want bool
	}{
		{`msg := "Hello, " + name`, true},
		{`	if p.State == "zombie" {`, true},
		{`fmt.Println(msg)`, true},
		{`import "fmt"`, true},
		{`for e in events:`, true},
		{`killed = 0`, true},
		{`count += 1`, true},
		{`x = f(y);`, true},
		{`print(total);`, true},
		{`- Complete color television sets (1986 imports 90 mln dlrs);`, false},
		{`The minister said (on Monday) that talks would resume.`, false},
		{`package main`, true},
		{`func greet(name string) {`, true},
		{`package of cash and securities for the balance of the shares.`, false},
		{`return to the talks, the envoy said.`, false},
		{`class of 2025 graduates`, false},
		{`for the following reasons:`, false},
		{`if the talks fail, the envoy warned:`, false},
		{`else:`, true},
		{`STEERS OVER 480 KILOS 1.02(0.658) 1.015(0.654)`, false},
		{`Deaths are counted with killed = 0 at the start.`, false},
		{`"We will not back down," Ortega said.`, false},
		{`U.S. officials met in Geneva.`, false},
		{``, false},
		{`:`, false},
		{` : `, false},
	}
	for _, tt := range tests {
		if got := Line(tt.line); got != tt.want {
			t.Errorf("Line(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

func TestMask(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // the masked text, range by range
	}{
		{"code with its comment", "// greet says \"hello\".\nfunc greet() {\n\tfmt.Println(\"hi\")\n}\n\nPlain prose here.",
			[]string{"// greet says \"hello\".", "func greet() {", "\tfmt.Println(\"hi\")", "}"}},
		{"a comment alone is prose", "// a note about \"quotes\"\n\nMore prose.", nil},
		{"indented block after code", "def f(x):\n    y = \"a string\"\n    print(y)\n\nThe end.",
			[]string{"def f(x):", "    y = \"a string\"", "    print(y)"}},
		{"fenced block", "Run this:\n\n```\necho \"hi\"\n```\n\nDone.", []string{"```", "echo \"hi\"", "```"}},
		{"inline code span", "Run `tidy --write \"*.yaml\"` to format, then \"ship\" it.", []string{"`tidy --write \"*.yaml\"`"}},
		{"double backticks are quotation marks", "He said ``we will stay'' on Monday.", nil},
		{"multibyte prose is no code", "Ça va, dit-il: « nous restons » à Zürich 🌍.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Mask(tt.text) {
				got = append(got, tt.text[m[0]:m[1]])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Mask = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIn(t *testing.T) {
	mask := [][2]int{{2, 4}, {10, 12}}
	for i, want := range map[int]bool{0: false, 2: true, 3: true, 4: false, 9: false, 10: true, 11: true, 12: false, 20: false} {
		if In(mask, i) != want {
			t.Errorf("In(%d) = %v, want %v", i, !want, want)
		}
	}
}

// FuzzMask checks that Mask returns ordered, non-overlapping ranges inside
// the text for any input.
func FuzzMask(f *testing.F) {
	for _, s := range []string{"", "a := 1\n// c\nb", "```\nx\n", "`a` `b", "``x''", "\n\n    if x:\n", ":", "for:\n", "package\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range Mask(s) {
			if m[0] < prev || m[1] < m[0] || m[1] > len(s) {
				t.Fatalf("bad range %v after %d in %q", m, prev, s)
			}
			prev = m[1]
		}
	})
}
