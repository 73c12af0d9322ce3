package events

// The lexicon: parsing and compiling the patterns of lexicon.tsv and of a
// user lexicon file in the same format.

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

//go:embed lexicon.tsv
var builtinLexicon string

// Lexicon is a compiled set of event patterns. It is read-only after
// ParseLexicon returns and safe for concurrent use.
type Lexicon struct {
	patterns []*pattern
	index    map[[3]byte][]int // first-item key → pattern indices, in file order
	keys     keyfilter.Filter  // class3 of every key of index
}

type itemKind uint8

const (
	itemWords  itemKind = iota // one of alts
	itemGap                    // 0..3 words
	itemTarget                 // X
)

type alt struct {
	word string   // lowercase
	verb bool     // matched in any inflection
	irr  []string // of a verb, its irregular forms (irregularForms[word])
}

type item struct {
	kind itemKind
	alts []alt
}

type pattern struct {
	code cameo.Code
	// plover and mode override the CAMEO code's PLOVER mapping when set
	// (PLOVER splits what CAMEO lumps: convictions are SANCTION, arrests COERCE).
	plover, mode string
	items        []item
	verbal       bool
	line         int
	src          string
	words        int // number of word items: the specificity
	// discard marks a phrase that is no event and hides the shorter
	// patterns inside it ("declined to comment", a source that will not be named)
	discard bool
}

// Len returns the number of patterns.
func (l *Lexicon) Len() int { return len(l.patterns) }

// ParseLexicon reads a lexicon in the format of events/lexicon.tsv: one
// "CODE<TAB>pattern" per line, "#" comments and blank lines ignored. It
// returns an error naming the line for unknown CAMEO codes or malformed
// patterns. base, when non-nil, is extended: its patterns come first.
func ParseLexicon(r io.Reader, name string, base *Lexicon) (*Lexicon, error) {
	l := &Lexicon{index: map[[3]byte][]int{}}
	if base != nil {
		l.patterns = append(l.patterns, base.patterns...)
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' {
			continue
		}
		code, pat, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, fmt.Errorf("events: %s:%d: want CODE<TAB>pattern", name, n)
		}
		code = strings.TrimSpace(code)
		c, ok := cameo.Lookup(code)
		if code == "discard" {
			c, ok = cameo.Code{}, true
		}
		if !ok {
			return nil, fmt.Errorf("events: %s:%d: unknown CAMEO code %q", name, n, code)
		}
		pat, over, _ := strings.Cut(pat, "\t")
		p, err := compilePattern(strings.TrimSpace(pat))
		if err != nil {
			return nil, fmt.Errorf("events: %s:%d: %w", name, n, err)
		}
		if over = strings.TrimSpace(over); over != "" {
			typ, mode, _ := strings.Cut(over, "/")
			if !ploverTypes[typ] {
				return nil, fmt.Errorf("events: %s:%d: unknown PLOVER type %q", name, n, typ)
			}
			p.plover, p.mode = typ, mode
		}
		p.code, p.line, p.src, p.discard = c, n, pat, code == "discard"
		l.patterns = append(l.patterns, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("events: read %s: %w", name, err)
	}
	for i, p := range l.patterns {
		for _, a := range p.items[0].alts {
			k := key3(a.word)
			if len(l.index[k]) == 0 || l.index[k][len(l.index[k])-1] != i {
				l.index[k] = append(l.index[k], i)
			}
			l.keys.Add(class3(k))
		}
	}
	return l, nil
}

// compilePattern compiles one lexicon pattern (see lexicon.tsv).
func compilePattern(s string) (*pattern, error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) == 0 {
		return nil, fmt.Errorf("empty pattern")
	}
	if len(f) > 16 {
		return nil, fmt.Errorf("pattern longer than 16 items")
	}
	p := &pattern{}
	for i, w := range f {
		switch w {
		case "*":
			if i == 0 || i == len(f)-1 {
				return nil, fmt.Errorf("gap %q at the start or end of a pattern", w)
			}
			p.items = append(p.items, item{kind: itemGap})
			continue
		case "x":
			if i == 0 {
				return nil, fmt.Errorf("target slot X at the start of a pattern")
			}
			p.items = append(p.items, item{kind: itemTarget})
			continue
		}
		var it item
		for _, a := range strings.Split(w, "|") {
			verb := strings.HasPrefix(a, "+")
			a = strings.TrimPrefix(a, "+")
			if a == "" || strings.ContainsAny(a, "*+") {
				return nil, fmt.Errorf("bad word %q", w)
			}
			it.alts = append(it.alts, alt{word: a, verb: verb, irr: irregularForms[a]})
		}
		p.items = append(p.items, it)
		p.words++
	}
	for _, a := range p.items[0].alts {
		if a.verb {
			p.verbal = true
		}
	}
	return p, nil
}

func (a alt) matches(tok string) bool {
	if a.verb {
		return inflectsForms(tok, a.word, a.irr)
	}
	if strings.EqualFold(tok, a.word) {
		return true
	}
	// plural nouns: attacks, talks → attack
	n := len(a.word)
	return len(tok) == n+1 && (tok[n] == 's' || tok[n] == 'S') && strings.EqualFold(tok[:n], a.word)
}

func (it item) matches(tok string) bool {
	for _, a := range it.alts {
		if a.matches(tok) {
			return true
		}
	}
	return false
}

// Roots returns the CAMEO roots the lexicon has patterns for, sorted.
func (l *Lexicon) Roots() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range l.patterns {
		if !p.discard && !seen[p.code.Root] {
			seen[p.code.Root] = true
			out = append(out, p.code.Root)
		}
	}
	sort.Strings(out)
	return out
}
