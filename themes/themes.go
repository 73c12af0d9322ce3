// Package themes is the stage "themes": the themes of newsgraph's own
// taxonomy (data/themes.tsv, about a hundred: ceasefire, humanitarian
// corridor, refugees, sanctions, elections, protest, terrorism, health
// system, education, ...; docs/themes.md lists them) that a text evokes,
// each with the words that evoke it. The GKG writer turns them into
// V1THEMES and V2ENHANCEDTHEMES.
//
// A theme is a list of patterns: lower-case words or phrases matched on
// whole tokens, a trailing "*" matching any ending of the last word, a
// leading "~" restricting a one-word pattern to words written in lower
// case. At each token the longest pattern of each theme wins; a theme is
// reported once per span.
package themes

import (
	"context"
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

//go:embed data/themes.tsv
var themesTSV string

// Theme is one theme of the taxonomy.
type Theme struct {
	Code, Group, Description string
	Patterns                 []string
}

type pattern struct {
	theme  int
	words  []string // the last may be a prefix
	prefix bool     // the last word is a prefix
	lower  bool     // match only a word written in lower case
}

// Taxonomy is a parsed theme table.
type Taxonomy struct {
	Themes  []Theme
	byFirst map[string][]pattern // exact first word
	byStem  map[string][]pattern // first three letters of a one-word prefix pattern
	// lead has the class (keyfilter.Prefix3) of every key of byFirst
	// and byStem: a word in ASCII whose class is clear starts no pattern,
	// and costs no lookup.
	lead keyfilter.Filter
}

// mayStart reports whether w may start a pattern: false only for a word
// whose first three bytes are ASCII and whose class is clear.
func (t *Taxonomy) mayStart(w string) bool {
	c, ok := keyfilter.Prefix3(w)
	return !ok || t.lead.Has(c)
}

// Parse reads a theme table (the format of data/themes.tsv).
func Parse(tsv string) (*Taxonomy, error) {
	// lines and patterns are substrings of tsv, and the tables are sized
	// once for every line and pattern
	lines, patterns := strings.Count(tsv, "\n")+1, strings.Count(tsv, "|")+1
	t := &Taxonomy{Themes: make([]Theme, 0, lines), byFirst: make(map[string][]pattern, lines+patterns), byStem: map[string][]pattern{}}
	seen := make(map[string]bool, lines)
	for n, rest := 1, tsv; rest != ""; n++ {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || f[0] == "" || f[3] == "" {
			return nil, fmt.Errorf("themes: line %d: want THEME, group, description, patterns", n)
		}
		if seen[f[0]] {
			return nil, fmt.Errorf("themes: line %d: theme %s repeated", n, f[0])
		}
		for _, r := range f[0] {
			if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_') {
				return nil, fmt.Errorf("themes: line %d: theme code %q is not upper case", n, f[0])
			}
		}
		seen[f[0]] = true
		th := Theme{Code: f[0], Group: f[1], Description: f[2], Patterns: make([]string, 0, strings.Count(f[3], "|")+1)}
		for _, p := range strings.Split(f[3], "|") {
			p = strings.TrimSpace(p)
			if p == "" || p != strings.ToLower(p) {
				return nil, fmt.Errorf("themes: line %d: pattern %q must be lower case and not empty", n, p)
			}
			th.Patterns = append(th.Patterns, p)
			if strings.Contains(p, "-") {
				// a hyphenated word may be one token or three
				if err := t.add(len(t.Themes), strings.ReplaceAll(p, "-", " - "), n); err != nil {
					return nil, err
				}
			}
			if err := t.add(len(t.Themes), p, n); err != nil {
				return nil, err
			}
		}
		t.Themes = append(t.Themes, th)
	}
	if len(t.Themes) == 0 {
		return nil, fmt.Errorf("themes: no themes")
	}
	return t, nil
}

// add indexes pattern p of theme th (line n of the table).
func (t *Taxonomy) add(th int, p string, n int) error {
	pt := pattern{theme: th}
	if strings.HasPrefix(p, "~") {
		pt.lower, p = true, p[1:]
	}
	if strings.HasSuffix(p, "*") {
		pt.prefix, p = true, strings.TrimSuffix(p, "*")
	}
	pt.words = strings.Fields(p)
	if len(pt.words) == 0 || (pt.lower && len(pt.words) > 1) {
		return fmt.Errorf("themes: line %d: pattern %q", n, p)
	}
	if pt.prefix && len(pt.words) == 1 {
		if len([]rune(pt.words[0])) < 3 {
			return fmt.Errorf("themes: line %d: prefix %q shorter than three letters", n, p)
		}
		stem := string([]rune(pt.words[0])[:3])
		t.byStem[stem] = append(t.byStem[stem], pt)
		t.setLead(stem)
	} else {
		t.byFirst[pt.words[0]] = append(t.byFirst[pt.words[0]], pt)
		t.setLead(pt.words[0])
	}
	return nil
}

// setLead adds key k to t.lead (a word with a byte beyond ASCII in its
// first three always looks its patterns up).
func (t *Taxonomy) setLead(k string) {
	if c, ok := keyfilter.Prefix3(k); ok {
		t.lead.Add(c)
	}
}

// Default returns the embedded taxonomy.
func Default() (*Taxonomy, error) { return Parse(themesTSV) }

// Stage is the themes stage.
type Stage struct{ tax *Taxonomy }

// New returns the stage with the embedded taxonomy.
func New() (*Stage, error) {
	t, err := Default()
	if err != nil {
		return nil, err
	}
	return &Stage{tax: t}, nil
}

// Name returns "themes".
func (s *Stage) Name() string { return "themes" }

// Requires returns the layers Process reads: sentences and tokens.
func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens}
}

// Provides returns the themes layer.
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerThemes} }

// Process fills d.Themes.
func (s *Stage) Process(_ context.Context, d *document.Document) error {
	d.Themes = d.Themes[:0]
	for _, sent := range d.Sentences {
		for i := sent.FirstToken; i < sent.EndToken; i++ {
			s.at(d, i, sent.EndToken)
		}
	}
	if len(d.Sentences) == 0 {
		for i := range d.Tokens {
			s.at(d, i, len(d.Tokens))
		}
	}
	sort.SliceStable(d.Themes, func(a, b int) bool { return d.Themes[a].Start < d.Themes[b].Start })
	return nil
}

// at adds the themes evoked by the words starting at token i.
func (s *Stage) at(d *document.Document, i, end int) {
	if d.Tokens[i].Kind != document.Word {
		return
	}
	w := d.TokenLower(i)
	if !s.tax.mayStart(w) {
		return
	}
	byStem := s.tax.byStem[stem(w)]
	if len(byStem) == 0 && len(s.tax.byFirst[w]) == 0 {
		return
	}
	best := map[int]int{} // theme → end token of its longest match
	var order []int
	for _, p := range concat(s.tax.byFirst[w], byStem) {
		if p.lower && hasUpper(d.TokenText(i)) {
			continue
		}
		if k, ok := matches(d, i, end, p); ok {
			if e, seen := best[p.theme]; !seen || k > e {
				if !seen {
					order = append(order, p.theme)
				}
				best[p.theme] = k
			}
		}
	}
	for _, th := range order {
		sp := document.Span{Start: d.Tokens[i].Start, End: d.Tokens[best[th]-1].End}
		code := s.tax.Themes[th].Code
		if n := len(d.Themes); n > 0 && overlapsSame(d.Themes, code, sp) {
			continue
		}
		d.Themes = append(d.Themes, document.Theme{Span: sp, Theme: code})
		if d.Explain {
			d.Trace(document.LayerThemes, len(d.Themes)-1, "theme", "pattern", code+": "+d.Slice(sp))
		}
	}
}

// stem returns the first three runes of w, "" if it has fewer (as
// string([]rune(w)[:3]): an invalid byte is U+FFFD).
func stem(w string) string {
	n := 0
	for i := 0; i < 3; i++ {
		r, size := utf8.DecodeRuneInString(w[n:])
		if size == 0 {
			return ""
		}
		if r == utf8.RuneError && size == 1 {
			if r := []rune(w); len(r) >= 3 {
				return string(r[:3])
			}
			return ""
		}
		n += size
	}
	return w[:n]
}

// concat returns a followed by b, allocating only when both are non-empty.
func concat(a, b []pattern) []pattern {
	switch {
	case len(b) == 0:
		return a
	case len(a) == 0:
		return b
	}
	return append(a[:len(a):len(a)], b...)
}

// overlapsSame reports whether a theme code already covers part of sp.
func overlapsSame(ts []document.Theme, code string, sp document.Span) bool {
	for j := len(ts) - 1; j >= 0 && ts[j].End > sp.Start-200; j-- {
		if ts[j].Theme == code && ts[j].Overlaps(sp) {
			return true
		}
	}
	return false
}

// matches reports whether p matches the tokens from i, and the end token.
func matches(d *document.Document, i, end int, p pattern) (int, bool) {
	k := i
	for n, pw := range p.words {
		if k >= end || d.Tokens[k].Kind == document.Punct && pw != "-" {
			// hyphens inside a word are tokens of their own
			return 0, false
		}
		w := d.TokenLower(k)
		last := n == len(p.words)-1
		if !(w == pw || last && p.prefix && strings.HasPrefix(w, pw)) {
			return 0, false
		}
		k++
	}
	return k, true
}

func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
