package lexicon

import (
	"reflect"
	"strings"
	"testing"
)

const sample = `# titles before a name
[titles]
mr	m
president
# a comment between entries

dr.
[units]
\#
at least
[scale]
dozen	12
third	0.3333333333333333
[order]
kill	KILL
injur	WOUND
`

func TestParse(t *testing.T) {
	l := Parse("sample", strings.NewReader(sample))
	if got := l.Map("titles"); !reflect.DeepEqual(got, map[string]string{"mr": "m", "president": "", "dr.": ""}) {
		t.Errorf("Map = %v", got)
	}
	if got := l.Set("units"); !reflect.DeepEqual(got, map[string]bool{"#": true, "at least": true}) {
		t.Errorf("Set = %v", got)
	}
	if got := l.Floats("scale"); got["dozen"] != 12 || got["third"] != 1.0/3 {
		t.Errorf("Floats = %v", got)
	}
	if got := l.Pairs("order"); !reflect.DeepEqual(got, [][2]string{{"kill", "KILL"}, {"injur", "WOUND"}}) {
		t.Errorf("Pairs = %v", got)
	}
	if got := l.List("units"); !reflect.DeepEqual(got, []string{"#", "at least"}) {
		t.Errorf("List = %v", got)
	}
	if err := l.Err(); err != nil {
		t.Fatal(err)
	}
	if u := l.Unused(); len(u) != 0 {
		t.Errorf("Unused = %v", u)
	}
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name, in string
		use      func(*Lexicon)
		want     string
	}{
		{"entry before section", "word\n", nil, "entry before any [section]"},
		{"repeated section", "[a]\nx\n[a]\ny\n", nil, "repeated section"},
		{"repeated key", "[a]\nx\nx\n", func(l *Lexicon) { l.Set("a") }, `t:3: [a]: "x" repeated`},
		{"repeated map key", "[a]\nx\t1\ny\nx\t2\n", func(l *Lexicon) { l.Map("a") }, `t:4: [a]: "x" repeated`},
		{"repeated number", "[a]\nx\t1\nx\t2\n", func(l *Lexicon) { l.Floats("a") }, `"x" repeated`},
		{"repeated list entry", "[a]\nx\n# c\n\nx\n", func(l *Lexicon) { l.List("a") }, `t:5: [a]: "x" repeated`},
		{"repeated pair", "[a]\nx\t1\nx\t2\n", func(l *Lexicon) { l.Pairs("a") }, `"x" repeated`},
		{"empty key", "[a]\n\\\n", nil, "t:2: empty key"},
		{"missing section", "[a]\nx\n", func(l *Lexicon) { l.Set("b") }, "no section [b]"},
		{"set with a value", "[a]\nx\t1\n", func(l *Lexicon) { l.Set("a") }, "is a set"},
		{"not a number", "[a]\nx\tmany\n", func(l *Lexicon) { l.Floats("a") }, "is not a number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Parse("t", strings.NewReader(tt.in))
			if tt.use != nil {
				tt.use(l)
			}
			if err := l.Err(); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Err() = %v, want %q", err, tt.want)
			}
		})
	}
	l := Parse("t", strings.NewReader("[a]\nx\n[b]\ny\n"))
	l.Set("a")
	if u := l.Unused(); !reflect.DeepEqual(u, []string{"b"}) {
		t.Errorf("Unused = %v", u)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{sample, "", "[", "[]\n", "[a]\n\\\n", "[a]\n\t\t\n", "# x\n[a\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l := Parse("fuzz", strings.NewReader(s))
		for n := range l.sections {
			l.Map(n)
			l.Set(n)
			l.Floats(n)
		}
		_ = l.Err()
	})
}

func TestFields(t *testing.T) {
	for _, c := range []struct {
		line string
		n    int
		want [3]string
	}{
		{"", 1, [3]string{}},
		{"a", 1, [3]string{"a"}},
		{"a\tb", 2, [3]string{"a", "b"}},
		{"a\t\tc", 3, [3]string{"a", "", "c"}},
		{"a\tb\tc\td\te", 5, [3]string{"a", "b", "c"}}, // counted, not kept
		{"\t", 2, [3]string{}},
	} {
		f := [3]string{"x", "x", "x"} // left over from a longer line: cleared
		if n := Fields(f[:], c.line); n != c.n || f != c.want {
			t.Errorf("Fields(%q) = %d %q, want %d %q", c.line, n, f, c.n, c.want)
		}
	}
}
