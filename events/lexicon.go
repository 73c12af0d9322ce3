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
	"unicode/utf8"
	"unsafe"

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
	// first[i] numbers the first item of patterns[i] among the distinct
	// first items from 1 (0: not words), so that matchAll tests a token
	// against each of them once (base patterns are shared, not changed).
	first []int32
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
	// ascii: word and irr are ASCII without capitals, so that a token in
	// ASCII is matched by its lower case (matches); irrFirst has bit
	// c-'a' for the first letter c of each irregular form
	ascii    bool
	irrFirst uint32
}

// newAlt returns the alternative word (a verb in any inflection when verb).
func newAlt(word string, verb bool) alt {
	a := alt{word: word, verb: verb, ascii: asciiLower(word)}
	if verb {
		a.irr = irregularForms[word]
	}
	for _, f := range a.irr {
		a.ascii = a.ascii && asciiLower(f)
		if f != "" && f[0] >= 'a' && f[0] <= 'z' {
			a.irrFirst |= 1 << (f[0] - 'a')
		}
	}
	return a
}

// asciiLower reports whether s is non-empty ASCII without capitals.
func asciiLower(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return false
		}
	}
	return s != ""
}

type item struct {
	kind itemKind
	alts []alt
	// skip has bit c-'a' for each letter c that begins no token in ASCII
	// the alternatives match (0 when an alternative is not in lower-case
	// ASCII: nothing is skipped); see setSkip
	skip uint32
}

// setSkip sets it.skip from its alternatives: a token in ASCII matches one
// only when its first letter, lower-cased, is the word's or (of a verb) an
// irregular form's.
func (it *item) setSkip() {
	var first uint32
	for i := range it.alts {
		a := &it.alts[i]
		if !a.ascii || a.word[0] < 'a' || a.word[0] > 'z' {
			it.skip = 0
			return
		}
		first |= 1<<(a.word[0]-'a') | a.irrFirst
	}
	it.skip = ^first & (1<<26 - 1)
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
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("events: read %s: %w", name, err)
	}
	return parseLexicon(unsafe.String(unsafe.SliceData(b), len(b)), name, base)
}

// maxLexiconLine bounds a line of a lexicon (as bufio.Scanner did).
const maxLexiconLine = 1 << 20

// parseLexicon is ParseLexicon of the text src (which must not change),
// its lines read in place: the patterns' words are substrings of src.
func parseLexicon(src, name string, base *Lexicon) (*Lexicon, error) {
	l := &Lexicon{index: map[[3]byte][]int{}}
	if base != nil {
		l.patterns = append(l.patterns, base.patterns...)
	}
	n := 0
	for len(src) > 0 {
		var raw string
		raw, src, _ = strings.Cut(src, "\n")
		if len(raw) >= maxLexiconLine {
			return nil, fmt.Errorf("events: read %s: %w", name, bufio.ErrTooLong)
		}
		n++
		line := strings.TrimSpace(raw)
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
	firsts := map[string]int32{}
	l.first = make([]int32, len(l.patterns))
	for i, p := range l.patterns {
		if p.items[0].kind != itemWords {
			continue
		}
		var key strings.Builder
		for _, a := range p.items[0].alts {
			key.WriteString(a.word)
			if a.verb {
				key.WriteByte('+')
			}
			key.WriteByte('|')
		}
		id, ok := firsts[key.String()]
		if !ok {
			id = int32(len(firsts) + 1)
			firsts[key.String()] = id
		}
		l.first[i] = id
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
	p := &pattern{items: make([]item, 0, len(f))}
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
		it := item{alts: make([]alt, 0, strings.Count(w, "|")+1)}
		for a := range strings.SplitSeq(w, "|") {
			verb := strings.HasPrefix(a, "+")
			a = strings.TrimPrefix(a, "+")
			if a == "" || strings.ContainsAny(a, "*+") {
				return nil, fmt.Errorf("bad word %q", w)
			}
			it.alts = append(it.alts, newAlt(a, verb))
		}
		it.setSkip()
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

// matches reports whether token tok, low in lower case (Document.Lower),
// ascii when it is all ASCII, is the alternative's word: the same word in
// any letter case, a noun's plural in -s, a verb's inflection. A token in
// ASCII is compared by its lower case (what strings.EqualFold would find
// for it), and a verb's inflections are only tried when its first letter
// is the verb's or an irregular form's.
func (a *alt) matches(tok, low string, ascii bool) bool {
	fast := ascii && a.ascii
	if a.verb {
		if fast && len(low) > 0 && low[0] != a.word[0] && low[0] >= 'a' && low[0] <= 'z' && a.irrFirst&(1<<(low[0]-'a')) == 0 {
			return false
		}
		return inflectsLow(tok, low, fast, a.word, a.irr)
	}
	n := len(a.word)
	if fast {
		return low == a.word || len(low) == n+1 && low[n] == 's' && low[:n] == a.word
	}
	if strings.EqualFold(tok, a.word) {
		return true
	}
	// plural nouns: attacks, talks → attack
	return len(tok) == n+1 && (tok[n] == 's' || tok[n] == 'S') && strings.EqualFold(tok[:n], a.word)
}

func (it *item) matches(tok, low string, ascii bool) bool {
	if ascii && len(low) > 0 && low[0] >= 'a' && low[0] <= 'z' && it.skip&(1<<(low[0]-'a')) != 0 {
		return false
	}
	for i := range it.alts {
		if it.alts[i].matches(tok, low, ascii) {
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
