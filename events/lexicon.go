package events

// The lexicon: parsing and compiling the patterns of lexicon.tsv and of a
// user lexicon file in the same format.

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/newsgraph/newsgraph/cameo"
)

//go:embed lexicon.tsv
var builtinLexicon string

// Lexicon is a compiled set of event patterns. It is read-only after
// ParseLexicon returns and safe for concurrent use.
type Lexicon struct {
	patterns []*pattern
	// forms numbers from 1 the lowercase forms word items match (of
	// wordForms) and the index keys of first items (bucket); firsts[id]
	// lists the patterns matchAll tries at a token of form id: those whose
	// first item matches it or, for a key, all under the key.
	forms  map[string]int32
	firsts [][]int32
}

type itemKind uint8

const (
	itemWords  itemKind = iota // one of alts
	itemGap                    // 0..3 words
	itemTarget                 // X
)

type alt struct {
	word string // lowercase
	verb bool   // matched in any inflection
}

type item struct {
	kind itemKind
	alts []alt
	ids  []int32 // sorted: the forms (Lexicon.forms) the item matches
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
	l := &Lexicon{}
	if base != nil {
		l.patterns = append(l.patterns, base.patterns...)
	}
	n, n0 := 0, len(l.patterns)
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
	l.compileForms(n0)
	return l, nil
}

// compileForms numbers the forms of the word items (Lexicon.forms) and
// lists each form's patterns (Lexicon.firsts). The items of the first nbase
// patterns, a base lexicon's, are shared and keep their ids: numbered in
// the same order, a base form keeps its number.
func (l *Lexicon) compileForms(nbase int) {
	l.forms = make(map[string]int32, 10*len(l.patterns))
	names, ids := []string(nil), []int32(nil) // by id-1; an item's
	id := func(f string) int32 {
		n, ok := l.forms[f]
		if !ok {
			n, names = int32(len(names)+1), append(names, f)
			l.forms[f] = n
		}
		return n
	}
	// an alternative's forms, the last its key's bucket: id<<1, +1 when
	// the form's key is not the word's
	memo := make(map[alt][]int32, 2*len(l.patterns))
	var pairs []int64 // form<<32 | pattern<<1 | key flag, of the first items
	for pi, p := range l.patterns {
		for it := range p.items {
			ids = ids[:0]
			for _, a := range p.items[it].alts {
				fs, ok := memo[a]
				if !ok {
					for _, f := range wordForms(a) {
						if a.matches(f) {
							fs = append(fs, id(f)<<1)
							if key3(f) != key3(a.word) {
								fs[len(fs)-1] |= 1
							}
						}
					}
					fs = append(fs, id(bucket(key3(a.word)))<<1)
					memo[a] = fs
				}
				for k := 0; it == 0 && k < len(fs); k++ {
					pairs = append(pairs, int64(fs[k]>>1)<<32|int64(pi)<<1|int64(fs[k]&1))
				}
				for _, e := range fs[:len(fs)-1] {
					ids = append(ids, e>>1)
				}
			}
			if slices.Sort(ids); pi >= nbase {
				p.items[it].ids = slices.Clone(slices.Compact(ids))
			}
		}
	}
	// each form's patterns in file order, pairs counted by form then placed
	end := make([]int32, len(names)+2)
	for _, pr := range pairs {
		end[pr>>32]++
	}
	for i := 1; i < len(end); i++ {
		end[i] += end[i-1]
	}
	byForm := make([]int32, len(pairs))
	for k := len(pairs) - 1; k >= 0; k-- {
		end[pairs[k]>>32]--
		byForm[end[pairs[k]>>32]] = int32(pairs[k])
	}
	// and tried in the order of their index keys: the token's own, then
	// its irregular base's (tokenKeys)
	l.firsts = make([][]int32, len(names)+1)
	all := make([]int32, 0, len(pairs))
	for id := int32(1); id < int32(len(end)-1); id++ {
		f, ps, n := names[id-1], byForm[end[id]:end[id+1]], len(all)
		k1, k2, two := tokenKeys(f)
		if f[0] == 0xff { // a key's bucket
			k1, two = [3]byte([]byte(f[1:])), false
		}
		for g := range 2 {
			for k, pr := range ps {
				p := l.patterns[pr>>1]
				if in1 := pr&1 == 0 || p.hasKey(k1); (k == 0 || ps[k-1]>>1 != pr>>1) && (g == 0 && in1 || g == 1 && two && !in1 && p.hasKey(k2)) {
					all = append(all, pr>>1)
				}
			}
		}
		l.firsts[id] = all[n:len(all):len(all)]
	}
}

// bucket returns the form of the patterns under index key k.
func bucket(k [3]byte) string { return "\xff" + string(k[:]) }

// formOf returns the form of tok, whose ASCII lowercase is low, and
// whether the form decides what tok matches: when tok is in ASCII and
// does not end in a capital -D or -ES (inflects checks a lowercase -d and
// -es only).
func (l *Lexicon) formOf(tok, low string) (int32, bool) {
	n := len(tok)
	if n == 0 || tok[n-1] == 'D' || n >= 2 && strings.EqualFold(tok[n-2:], "es") && tok[n-2:] != "es" {
		return l.forms[low], false
	}
	return l.forms[low], !strings.ContainsFunc(tok, func(r rune) bool { return r >= utf8.RuneSelf })
}

// hasKey reports whether p is in the index under key k: an alternative
// of its first item begins with k.
func (p *pattern) hasKey(k [3]byte) bool {
	return slices.ContainsFunc(p.items[0].alts, func(a alt) bool { return key3(a.word) == k })
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
			it.alts = append(it.alts, alt{word: a, verb: verb})
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
		return inflects(tok, a.word)
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
