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
	line    int
	entries []entry
}

type entry struct {
	key, value string
	line       int32
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

// parse reads the lexicon text src. Keys and values are substrings of src
// and the entries of every section share one array (a section's entries
// are consecutive lines), so that a file costs a few allocations, not
// one per line: every stage parses its file at start-up.
func parse(name, src string) *Lexicon {
	l := &Lexicon{name: name, sections: map[string]*section{}, used: map[string]bool{}}
	lines := strings.Count(src, "\n") + 1
	all := make([]entry, 0, lines)
	var cur *section
	var curName string
	start := 0 // cur's first entry in all
	closeSection := func() {
		if cur != nil {
			cur.entries = all[start:len(all):len(all)]
		}
	}
	// seen holds the keys of the current section (cleared at the next:
	// it grows to the largest section only).
	seen := make(map[string]struct{}, 64)
	for n := 1; len(src) > 0; n++ {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		switch {
		case t == "" || t == "#" || strings.HasPrefix(t, "# "):
			continue
		case strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]"):
			closeSection()
			curName = strings.TrimSpace(t[1 : len(t)-1])
			if curName == "" || l.sections[curName] != nil {
				l.fail(fmt.Errorf("%s:%d: empty or repeated section name %q", name, n, curName))
				cur = nil
				continue
			}
			cur = &section{line: n}
			l.sections[curName] = cur
			start = len(all)
			clear(seen)
			continue
		}
		if cur == nil {
			l.fail(fmt.Errorf("%s:%d: entry before any [section]", name, n))
			continue
		}
		e := entry{line: int32(n)}
		if k, v, ok := strings.Cut(t, "\t"); ok {
			e.key, e.value, e.hasValue = strings.TrimSpace(k), strings.TrimSpace(v), true
		} else {
			e.key = t
		}
		e.key = strings.TrimPrefix(e.key, `\`)
		if e.key == "" {
			l.fail(fmt.Errorf("%s:%d: empty key", name, n))
			continue
		}
		if _, ok := seen[e.key]; ok {
			l.fail(fmt.Errorf("%s:%d: [%s]: %q repeated", name, n, curName, e.key))
			continue
		}
		seen[e.key] = struct{}{}
		all = append(all, e)
	}
	closeSection()
	return l
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
	out := make(map[string]bool, len(s.entries))
	for _, e := range s.entries {
		if e.hasValue {
			l.fail(fmt.Errorf("%s:%d: [%s] is a set: %q has a value", l.name, e.line, name, e.key))
		}
		out[e.key] = true
	}
	return out
}

// List returns the keys of section name in file order.
func (l *Lexicon) List(name string) []string {
	s := l.section(name)
	out := make([]string, 0, len(s.entries))
	for _, e := range s.entries {
		if e.hasValue {
			l.fail(fmt.Errorf("%s:%d: [%s] is a list: %q has a value", l.name, e.line, name, e.key))
		}
		out = append(out, e.key)
	}
	return out
}

// Pairs returns the entries of section name in file order, as key and
// value (for lists where the first match wins).
func (l *Lexicon) Pairs(name string) [][2]string {
	s := l.section(name)
	out := make([][2]string, 0, len(s.entries))
	for _, e := range s.entries {
		out = append(out, [2]string{e.key, e.value})
	}
	return out
}

// Map returns section name as a map from key to value ("" for an entry
// without one).
func (l *Lexicon) Map(name string) map[string]string {
	s := l.section(name)
	out := make(map[string]string, len(s.entries))
	for _, e := range s.entries {
		out[e.key] = e.value
	}
	return out
}

// Floats returns section name as a map from key to a number.
func (l *Lexicon) Floats(name string) map[string]float64 {
	s := l.section(name)
	out := make(map[string]float64, len(s.entries))
	for _, e := range s.entries {
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
