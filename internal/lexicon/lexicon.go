// Package lexicon reads the word lists stages keep as data: named sets of
// words or phrases and named maps from a word or phrase to a value, in
// embedded text files. It is not a stage; each stage loads its own files.
//
// The format is line-based:
//
//	# a comment (a line starting with "#" and a space, or "#" alone)
//	[name]
//	one entry per line: a word or a phrase
//	key<TAB>value
//
// A section is read either as a set (Set: no entry has a value) or as a map
// (Map, Floats: an entry without a TAB has the value ""). A leading
// backslash escapes an entry's first character ("\#", "\["). Entries are
// trimmed of spaces; a key may not repeat within a section.
//
// Reading never panics: a malformed file, a missing section, or a section
// read as the wrong kind is recorded, and Err reports the first problem;
// the stage's constructor returns it and the package's tests check it, as
// they check Unused (a section no code reads is dead data).
package lexicon

import (
	"fmt"
	"io"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unsafe"
)

// Lexicon is one parsed file. Its lookups are safe for concurrent use.
type Lexicon struct {
	name     string
	sections map[string]*section
	mu       sync.Mutex
	used     map[string]bool
	err      error
}

type section struct {
	line  int    // the line of the [name] header
	src   string // the section's lines after its header, up to the next section
	count int    // its entries: the map or list sizes
}

// entry is one entry line of a section.
type entry struct {
	key, value string
	line       int
	hasValue   bool
}

// Load parses the file path of fsys (an embedded FS).
func Load(fsys fs.FS, path string) *Lexicon {
	src, err := readString(fsys, path)
	if err != nil {
		return &Lexicon{name: path, sections: map[string]*section{}, used: map[string]bool{}, err: fmt.Errorf("lexicon: %w", err)}
	}
	return parse(path, src)
}

// FromString parses the lexicon text src (an embedded string, read in
// place); name is used in error messages.
func FromString(name, src string) *Lexicon { return parse(name, src) }

// readString returns the file path of fsys as a string: the bytes
// fs.ReadFile read, which nothing writes to after, shared rather than
// copied.
func readString(fsys fs.FS, path string) (string, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil || len(b) == 0 {
		return "", err
	}
	return unsafe.String(&b[0], len(b)), nil
}

// Parse reads a lexicon from r; name is used in error messages.
func Parse(name string, r io.Reader) *Lexicon {
	b, err := io.ReadAll(r)
	l := parse(name, string(b))
	if err != nil {
		l.fail(fmt.Errorf("%s: %w", name, err))
	}
	return l
}

// lineKind is what a line of a lexicon is.
type lineKind uint8

const (
	blankLine lineKind = iota // blank or a comment
	headerLine
	entryLine
)

// classify returns what line is, with the trimmed header name or entry.
func classify(line string) (lineKind, string) {
	t := strings.TrimSpace(strings.TrimRight(line, "\r"))
	switch {
	case t == "" || t == "#" || strings.HasPrefix(t, "# "):
		return blankLine, ""
	case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
		return headerLine, strings.TrimSpace(t[1 : len(t)-1])
	}
	return entryLine, t
}

// parseEntry splits the trimmed entry line t into key and value.
func parseEntry(t string, n int) entry {
	e := entry{line: n}
	if k, v, ok := strings.Cut(t, "\t"); ok {
		e.key, e.value, e.hasValue = strings.TrimSpace(k), strings.TrimSpace(v), true
	} else {
		e.key = t
	}
	e.key = strings.TrimPrefix(e.key, `\`)
	return e
}

// parse reads the lexicon text src in place: a section is the range of
// src its lines span, read again (its keys and values substrings of src)
// when a lookup asks for it, so that parsing a file allocates only its
// sections, not an entry per line (every stage parses its file at
// start-up). A key repeated within a section is found by that lookup.
func parse(name, src string) *Lexicon {
	l := &Lexicon{name: name, sections: map[string]*section{}, used: map[string]bool{}}
	var cur *section
	at := 0 // offset in src of the line
	for n := 1; at < len(src); n++ {
		line, _, _ := strings.Cut(src[at:], "\n")
		start := at
		at += len(line) + 1
		kind, t := classify(line)
		switch kind {
		case blankLine:
			continue
		case headerLine:
			if cur != nil {
				cur.src = cur.src[:start-(len(src)-len(cur.src))]
			}
			cur = nil
			if t == "" || l.sections[t] != nil {
				l.fail(fmt.Errorf("%s:%d: empty or repeated section name %q", name, n, t))
				continue
			}
			cur = &section{line: n, src: src[min(at, len(src)):]}
			l.sections[t] = cur
			continue
		}
		if cur == nil {
			l.fail(fmt.Errorf("%s:%d: entry before any [section]", name, n))
			continue
		}
		if parseEntry(t, n).key == "" {
			l.fail(fmt.Errorf("%s:%d: empty key", name, n))
			continue
		}
		cur.count++
	}
	return l
}

// entries yields the entries of s in file order (empty keys, already
// reported by parse, skipped).
func (s *section) entries(yield func(entry) bool) {
	src := s.src
	for n := s.line + 1; len(src) > 0; n++ {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		kind, t := classify(line)
		if kind != entryLine {
			continue
		}
		if e := parseEntry(t, n); e.key != "" && !yield(e) {
			return
		}
	}
}

// repeated records that section name repeats e's key.
func (l *Lexicon) repeated(name string, e entry) {
	l.fail(fmt.Errorf("%s:%d: [%s]: %q repeated", l.name, e.line, name, e.key))
}

func (l *Lexicon) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.err == nil {
		l.err = fmt.Errorf("lexicon: %w", err)
	}
}

// section returns the named section, marking it used.
func (l *Lexicon) section(name string) *section {
	l.mu.Lock()
	l.used[name] = true
	l.mu.Unlock()
	s := l.sections[name]
	if s == nil {
		l.fail(fmt.Errorf("%s: no section [%s]", l.name, name))
		return &section{}
	}
	return s
}

// Set returns section name as a set of keys.
func (l *Lexicon) Set(name string) map[string]bool {
	s := l.section(name)
	out := make(map[string]bool, s.count)
	for e := range s.entries {
		if e.hasValue {
			l.fail(fmt.Errorf("%s:%d: [%s] is a set: %q has a value", l.name, e.line, name, e.key))
		}
		n := len(out)
		if out[e.key] = true; len(out) == n {
			l.repeated(name, e)
		}
	}
	return out
}

// List returns the keys of section name in file order.
func (l *Lexicon) List(name string) []string {
	s := l.section(name)
	out := make([]string, 0, s.count)
	seen := newSeen(s.count)
	for e := range s.entries {
		if e.hasValue {
			l.fail(fmt.Errorf("%s:%d: [%s] is a list: %q has a value", l.name, e.line, name, e.key))
		}
		if seen.add(e.key) {
			l.repeated(name, e)
			continue
		}
		out = append(out, e.key)
	}
	return out
}

// Pairs returns the entries of section name in file order, as key and
// value (for lists where the first match wins).
func (l *Lexicon) Pairs(name string) [][2]string {
	s := l.section(name)
	out := make([][2]string, 0, s.count)
	seen := newSeen(s.count)
	for e := range s.entries {
		if seen.add(e.key) {
			l.repeated(name, e)
			continue
		}
		out = append(out, [2]string{e.key, e.value})
	}
	return out
}

// seen is the keys of a list read so far: a slice searched for a short
// list (no map for the few entries most lists have), a map for a long one.
type seen struct {
	keys []string
	m    map[string]bool
}

func newSeen(n int) *seen {
	if n <= 32 {
		return &seen{keys: make([]string, 0, n)}
	}
	return &seen{m: make(map[string]bool, n)}
}

// add adds key and reports whether it was there already.
func (s *seen) add(key string) bool {
	if s.m != nil {
		if s.m[key] {
			return true
		}
		s.m[key] = true
		return false
	}
	if slices.Contains(s.keys, key) {
		return true
	}
	s.keys = append(s.keys, key)
	return false
}

// Map returns section name as a map from key to value ("" for an entry
// without one).
func (l *Lexicon) Map(name string) map[string]string {
	s := l.section(name)
	out := make(map[string]string, s.count)
	for e := range s.entries {
		if _, dup := out[e.key]; dup {
			l.repeated(name, e)
			continue
		}
		out[e.key] = e.value
	}
	return out
}

// Floats returns section name as a map from key to a number.
func (l *Lexicon) Floats(name string) map[string]float64 {
	s := l.section(name)
	out := make(map[string]float64, s.count)
	for e := range s.entries {
		if _, dup := out[e.key]; dup {
			l.repeated(name, e)
			continue
		}
		f, err := strconv.ParseFloat(e.value, 64)
		if err != nil {
			l.fail(fmt.Errorf("%s:%d: [%s]: %q: value %q is not a number", l.name, e.line, name, e.key, e.value))
		}
		out[e.key] = f
	}
	return out
}

// Err returns the first problem met reading or looking up the lexicon.
func (l *Lexicon) Err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// Unused returns the sections no lookup has asked for, sorted.
func (l *Lexicon) Unused() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []string
	for n := range l.sections {
		if !l.used[n] {
			out = append(out, n)
		}
	}
	sort.Strings(out)
	return out
}

// Fields splits a line of a tab-separated table into f and returns how
// many fields the line has: f holds the first len(f) of them, the rest are
// counted but not kept, and the entries of f past the line's last field
// are "". The one splitter of the embedded tables (actors' roles, the
// syntax model's word lists, the gazetteer's places): no slice per line.
func Fields(f []string, line string) int {
	clear(f)
	n := 0
	for {
		x, rest, more := strings.Cut(line, "\t")
		if n < len(f) {
			f[n] = x
		}
		n++
		if !more {
			return n
		}
		line = rest
	}
}
