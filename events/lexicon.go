package events

// The lexicon: parsing and compiling the patterns of lexicon.tsv and of a
// user lexicon file in the same format.

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"math/bits"
	"slices"
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
	index    map[[3]byte][]int // first-item key → pattern indices, in file order
	forms    formTable         // the lowercase forms word items match, from 1
	// firsts[id] lists the patterns whose first item matches form id, in
	// the order of matchAll's index keys (tokenKeys)
	firsts [][]next
}

// next is a pattern of Lexicon.firsts with a filter of the forms its
// second item can match (bit id%64 of each), or its third when the second
// is a gap (gap set); all bits are set when that item is no word item.
type next struct {
	mask uint64
	pi   int32
	gap  bool
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
	ids  []int32 // sorted: the forms (Lexicon.forms) it matches
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
	// every word item's forms (of wordForms), found once per alternative;
	// a base's items, which are shared, keep theirs: numbered in the same
	// order, a base form keeps its number
	forms := make(map[string]int32, 8*len(l.patterns))
	memo, ids, names, head := make(map[alt][]int32, 2*len(l.patterns)), []int32(nil), []string{""}, []bool{false}
	for i, p := range l.patterns {
		for it := range p.items {
			ids = ids[:0]
			for _, a := range p.items[it].alts {
				fs, ok := memo[a]
				if !ok {
					for _, f := range wordForms(a) {
						if id, seen := forms[f]; a.matches(f) {
							if !seen {
								id, names, head = int32(len(names)), append(names, f), append(head, false)
								forms[f] = id
							}
							fs = append(fs, id)
						}
					}
				}
				memo[a], ids = fs, append(ids, fs...)
			}
			if slices.Sort(ids); i >= n0 {
				p.items[it].ids = slices.Clone(slices.Compact(ids))
			}
			for k := 0; it == 0 && k < len(ids); k++ {
				head[ids[k]] = true
			}
		}
	}
	for i, p := range l.patterns {
		for _, a := range p.items[0].alts {
			k := key3(a.word)
			if len(l.index[k]) == 0 || l.index[k][len(l.index[k])-1] != i {
				l.index[k] = append(l.index[k], i)
			}
		}
	}
	l.forms, l.firsts = newFormTable(names), make([][]next, len(names))
	for id, f := range names {
		if !head[id] {
			continue
		}
		k1, k2, two := tokenKeys(f)
		if !two {
			k2 = [3]byte{} // (no word has it)
		}
		for _, k := range [2][3]byte{k1, k2} {
			for _, pi := range l.index[k] {
				p := l.patterns[pi]
				if _, ok := slices.BinarySearch(p.items[0].ids, int32(id)); !ok {
					continue
				}
				f := next{pi: int32(pi), mask: ^uint64(0), gap: len(p.items) > 2 && p.items[1].kind == itemGap}
				k := 1
				if f.gap {
					k = 2
				}
				if k < len(p.items) && p.items[k].kind == itemWords {
					f.mask = 0
					for _, id := range p.items[k].ids {
						f.mask |= 1 << (id & 63)
					}
				}
				l.firsts[id] = append(l.firsts[id], f)
			}
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
			it.alts = append(it.alts, alt{word: a, verb: verb})
		}
		p.items = append(p.items, it)
		p.words++
	}
	p.verbal = slices.ContainsFunc(p.items[0].alts, func(a alt) bool { return a.verb })
	return p, nil
}

// formOf returns the form of tok, whose ASCII lowercase is low, and
// whether the form decides what tok matches: when tok is in ASCII and
// does not end in a capital -D or -ES (inflects checks a lowercase -d and
// -es only).
func (l *Lexicon) formOf(tok, low string) (int32, bool) {
	n := len(tok)
	if n == 0 || tok[n-1] == 'D' || n >= 2 && strings.EqualFold(tok[n-2:], "es") && tok[n-2:] != "es" {
		return 0, false
	}
	return l.forms.id(low), !strings.ContainsFunc(tok, func(r rune) bool { return r >= utf8.RuneSelf })
}

// formTable finds a form's id by open addressing over slots that hold a
// form's first eight bytes, its length and id: a form of up to eight bytes
// is found, or not, without reading its string (cheaper than a Go map's
// probe, once per document token).
type formTable struct {
	slots []formSlot // a power of two, at most half full; id 0: empty
	names []string   // by id
	bits  [1 << 9]uint64
}

type formSlot struct {
	head  uint64
	id, n int32
}

func newFormTable(names []string) formTable {
	t := formTable{slots: make([]formSlot, 1<<bits.Len(uint(2*len(names)))), names: names}
	for id, f := range names[1:] {
		i, head := t.slot(f)
		t.bits[i>>6&511] |= 1 << (i & 63)
		i &= len(t.slots) - 1
		for t.slots[i].id != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = formSlot{head, int32(id + 1), int32(len(f))}
	}
	return t
}

// slot returns s's hash (its first slot, and its bit of bits, in its low
// bits) and its first eight bytes.
func (t *formTable) slot(s string) (int, uint64) {
	var head uint64
	for i := 0; i < len(s) && i < 8; i++ {
		head |= uint64(s[i]) << (8 * i)
	}
	h := (head + uint64(len(s))) * 0x9e3779b97f4a7c15 // (longer forms with one head share a chain)
	return int(h >> 32), head
}

// id returns the id of form s, 0 when s is none.
func (t *formTable) id(s string) int32 {
	i, head := t.slot(s)
	if t.bits[i>>6&511]&(1<<(i&63)) == 0 {
		return 0
	}
	for i &= len(t.slots) - 1; t.slots[i].id != 0; i = (i + 1) & (len(t.slots) - 1) {
		if e := t.slots[i]; e.head == head && int(e.n) == len(s) && (len(s) <= 8 || t.names[e.id] == s) {
			return e.id
		}
	}
	return 0
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
