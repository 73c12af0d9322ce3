package gold

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Compile turns the phrase-based gold source (the format is documented in
// testdata/gold/all/README.md) into stories with code point offsets. Every
// annotation quotes the exact phrase it covers; Compile finds it in the text
// and fails with the line number when a phrase is missing, an occurrence
// number is out of range, two entity mentions or two toponyms overlap, or a
// head is malformed.
func Compile(r io.Reader) ([]*Story, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	var (
		stories []*Story
		cur     *storySrc
		inText  bool
		textBuf []string
		line    int
	)
	flush := func() error {
		if cur == nil {
			return nil
		}
		s, err := cur.build()
		if err != nil {
			return err
		}
		stories = append(stories, s)
		cur = nil
		return nil
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if strings.HasPrefix(l, "### ") {
			if inText {
				return nil, fmt.Errorf("gold: source line %d: story starts before the text of %s ended with ---", line, cur.id)
			}
			if err := flush(); err != nil {
				return nil, err
			}
			cur = &storySrc{id: strings.TrimSpace(l[4:])}
			continue
		}
		if cur == nil {
			if t := strings.TrimSpace(l); t == "" || strings.HasPrefix(t, "//") {
				continue
			}
			return nil, fmt.Errorf("gold: source line %d: text outside a story", line)
		}
		if inText {
			if l == "---" {
				inText = false
				cur.text = strings.TrimSpace(strings.Join(textBuf, "\n"))
				textBuf = textBuf[:0]
				continue
			}
			textBuf = append(textBuf, strings.TrimRight(l, " \t"))
			continue
		}
		t := strings.TrimSpace(l)
		switch {
		case t == "" || strings.HasPrefix(t, "//"):
		case strings.HasPrefix(t, "title:"):
			cur.title = strings.TrimSpace(t[len("title:"):])
		case strings.HasPrefix(t, "published:"):
			cur.published = strings.TrimSpace(t[len("published:"):])
		case t == "text:":
			inText = true
		default:
			cur.ann = append(cur.ann, annLine{line: line, text: t})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gold: read source: %w", err)
	}
	if inText {
		return nil, fmt.Errorf("gold: source: text of %s not ended with ---", cur.id)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, s := range stories {
		if seen[s.ID] {
			return nil, fmt.Errorf("gold: source: duplicate story id %s", s.ID)
		}
		seen[s.ID] = true
	}
	return stories, nil
}

type annLine struct {
	line int
	text string
}

type storySrc struct {
	id, title, published, text string
	ann                        []annLine
}

// finder locates phrases in one story's text.
type finder struct {
	text  string
	runes []rune
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// all returns the rune spans of every bounded occurrence of p: when p starts
// (ends) with a letter or digit, the rune before (after) must not be one.
func (f *finder) all(p string) [][2]int {
	var out [][2]int
	if p == "" {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(p)
	last, _ := utf8.DecodeLastRuneInString(p)
	for from := 0; from <= len(f.text); {
		i := strings.Index(f.text[from:], p)
		if i < 0 {
			break
		}
		b := from + i
		e := b + len(p)
		ok := true
		if isAlnum(first) && b > 0 {
			r, _ := utf8.DecodeLastRuneInString(f.text[:b])
			ok = !isAlnum(r)
		}
		if ok && isAlnum(last) && e < len(f.text) {
			r, _ := utf8.DecodeRuneInString(f.text[e:])
			ok = !isAlnum(r)
		}
		if ok {
			rs := utf8.RuneCountInString(f.text[:b])
			out = append(out, [2]int{rs, rs + utf8.RuneCountInString(p)})
		}
		_, w := utf8.DecodeRuneInString(f.text[b:])
		from = b + w
	}
	return out
}

func (f *finder) span(a, b int) Span { return Span{a, b, string(f.runes[a:b])} }

// phrase is one parsed phrase reference: text#n, text* or a ... b.
type phrase struct {
	text, until string
	nth         int // 1-based occurrence
	star        bool
}

func parsePhrase(p string) (phrase, error) {
	p = strings.TrimSpace(p)
	var ph phrase
	ph.nth = 1
	if a, b, ok := strings.Cut(p, " ... "); ok {
		ph.until = strings.TrimSpace(b)
		p = strings.TrimSpace(a)
	}
	tail := p
	if ph.until != "" {
		tail = ph.until
	}
	if strings.HasSuffix(tail, "*") && ph.until == "" {
		ph.star = true
		p = strings.TrimSuffix(p, "*")
	} else if i := strings.LastIndex(tail, "#"); i > 0 {
		n, err := strconv.Atoi(tail[i+1:])
		if err == nil {
			if n < 1 {
				return ph, fmt.Errorf("occurrence %d < 1", n)
			}
			ph.nth = n
			if ph.until != "" {
				ph.until = tail[:i]
			} else {
				p = tail[:i]
			}
		}
	}
	ph.text = p
	if ph.text == "" {
		return ph, fmt.Errorf("empty phrase")
	}
	return ph, nil
}

// resolve returns the span of a non-star phrase. For "a ... b" the nth
// occurrence counts b's occurrences after the first occurrence of a.
func (f *finder) resolve(ph phrase) ([2]int, error) {
	occ := f.all(ph.text)
	if ph.until == "" {
		if ph.nth > len(occ) {
			return [2]int{}, fmt.Errorf("%q occurs %d times, want occurrence %d", ph.text, len(occ), ph.nth)
		}
		return occ[ph.nth-1], nil
	}
	if len(occ) == 0 {
		return [2]int{}, fmt.Errorf("%q not found", ph.text)
	}
	start := occ[0]
	n := 0
	for _, e := range f.all(ph.until) {
		if e[0] >= start[1] {
			n++
			if n == ph.nth {
				return [2]int{start[0], e[1]}, nil
			}
		}
	}
	return [2]int{}, fmt.Errorf("%q not found after %q", ph.until, ph.text)
}

// claims tracks spans claimed in a non-overlapping layer.
type claims [][2]int

func (c claims) overlaps(s [2]int) bool {
	for _, x := range c {
		if s[0] < x[1] && x[0] < s[1] {
			return true
		}
	}
	return false
}

// spanRef is a resolved or pending phrase list of one annotation.
type spanRef struct {
	line    int
	phrases []phrase
}

// layout resolves the phrases of several annotations that must not overlap:
// explicit phrases first, then starred phrases, each starred occurrence
// skipped when it overlaps a claimed span.
func (f *finder) layout(id string, refs []spanRef) ([][][2]int, error) {
	out := make([][][2]int, len(refs))
	var cl claims
	for i, r := range refs {
		for _, ph := range r.phrases {
			if ph.star {
				continue
			}
			s, err := f.resolve(ph)
			if err != nil {
				return nil, fmt.Errorf("gold: %s line %d: %w", id, r.line, err)
			}
			if cl.overlaps(s) {
				return nil, fmt.Errorf("gold: %s line %d: %q overlaps another span", id, r.line, ph.text)
			}
			cl = append(cl, s)
			out[i] = append(out[i], s)
		}
	}
	for i, r := range refs {
		for _, ph := range r.phrases {
			if !ph.star {
				continue
			}
			occ := f.all(ph.text)
			n := 0
			for _, s := range occ {
				if cl.overlaps(s) {
					continue
				}
				cl = append(cl, s)
				out[i] = append(out[i], s)
				n++
			}
			if n == 0 && len(occ) == 0 {
				return nil, fmt.Errorf("gold: %s line %d: %q not found", id, r.line, ph.text)
			}
		}
		sort.Slice(out[i], func(a, b int) bool { return out[i][a][0] < out[i][b][0] })
	}
	return out, nil
}

func splitAnn(a annLine) (kind string, head []string, phrases []phrase, err error) {
	h, p, ok := strings.Cut(a.text, " = ")
	fields := strings.Fields(h)
	if len(fields) == 0 {
		return "", nil, nil, fmt.Errorf("empty annotation")
	}
	kind, head = fields[0], fields[1:]
	if !ok {
		return kind, head, nil, nil
	}
	for _, x := range strings.Split(p, "; ") {
		ph, err := parsePhrase(x)
		if err != nil {
			return "", nil, nil, err
		}
		phrases = append(phrases, ph)
	}
	return kind, head, phrases, nil
}

func dash(s string) string {
	if s == "-" {
		return ""
	}
	return s
}

var entTypes = map[string]bool{"PERSON": true, "ORG": true, "GPE": true, "LOC": true, "NORP": true, "FAC": true, "EVENT": true, "LAW": true, "MISC": true}

func (src *storySrc) build() (*Story, error) {
	if src.text == "" {
		return nil, fmt.Errorf("gold: %s: no text", src.id)
	}
	f := &finder{text: src.text, runes: []rune(src.text)}
	s := &Story{ID: src.id, Title: src.title, Published: src.published, Text: src.text,
		Entities: []Entity{}, Quotes: []Quote{}, Counts: []Count{}, Locations: []Location{}, Events: []Event{}}
	var entRefs, locRefs []spanRef
	errf := func(a annLine, format string, args ...any) error {
		return fmt.Errorf("gold: %s line %d: %s", src.id, a.line, fmt.Sprintf(format, args...))
	}
	for _, a := range src.ann {
		kind, head, phrases, err := splitAnn(a)
		if err != nil {
			return nil, errf(a, "%v", err)
		}
		if kind != "event" && len(phrases) == 0 {
			return nil, errf(a, "%s needs \" = phrase\"", kind)
		}
		switch kind {
		case "ent":
			if len(head) < 3 || !entTypes[head[0]] {
				return nil, errf(a, "want: ent TYPE ACTOR|- NAME = phrases")
			}
			s.Entities = append(s.Entities, Entity{Type: head[0], Actor: dash(head[1]), Name: strings.Join(head[2:], " ")})
			entRefs = append(entRefs, spanRef{a.line, phrases})
		case "quote":
			if len(head) < 2 || (head[0] != "direct" && head[0] != "reported") || len(phrases) != 1 {
				return nil, errf(a, "want: quote direct|reported SPEAKER|- = phrase")
			}
			sp, err := f.resolve(phrases[0])
			if err != nil {
				return nil, errf(a, "%v", err)
			}
			x := f.span(sp[0], sp[1])
			s.Quotes = append(s.Quotes, Quote{Start: x.Start, End: x.End, Text: x.Text, Direct: head[0] == "direct", Speaker: dash(strings.Join(head[1:], " "))})
		case "count":
			if len(head) != 3 || len(phrases) != 1 {
				return nil, errf(a, "want: count VALUE OBJECT CATEGORY|- = phrase")
			}
			v, err := strconv.ParseFloat(head[0], 64)
			if err != nil {
				return nil, errf(a, "value: %v", err)
			}
			sp, err := f.resolve(phrases[0])
			if err != nil {
				return nil, errf(a, "%v", err)
			}
			x := f.span(sp[0], sp[1])
			s.Counts = append(s.Counts, Count{Start: x.Start, End: x.End, Text: x.Text, Value: v, Object: strings.ReplaceAll(dash(head[1]), "_", " "), Category: dash(head[2])})
		case "loc":
			if (len(head) != 3 && len(head) != 4) || (len(head[0]) != 2 && head[0] != "-") || (len(head) == 4 && head[3] != "country") {
				return nil, errf(a, "want: loc CC|- LAT LON [country] = phrases")
			}
			locRefs = append(locRefs, spanRef{a.line, phrases})
		case "event":
			if len(head) != 4 || len(head[0]) != 2 || !strings.HasPrefix(head[1], head[0]) {
				return nil, errf(a, "want: event ROOT CODE SOURCE|- TARGET|- with CODE starting with ROOT")
			}
			s.Events = append(s.Events, Event{Root: head[0], Code: head[1], Source: dash(head[2]), Target: dash(head[3])})
		default:
			return nil, errf(a, "unknown annotation %q", kind)
		}
	}
	ents, err := f.layout(src.id, entRefs)
	if err != nil {
		return nil, err
	}
	for i := range s.Entities {
		for _, sp := range ents[i] {
			s.Entities[i].Mentions = append(s.Entities[i].Mentions, f.span(sp[0], sp[1]))
		}
	}
	locs, err := f.layout(src.id, locRefs)
	if err != nil {
		return nil, err
	}
	li := 0
	for _, a := range src.ann {
		kind, head, _, _ := splitAnn(a)
		if kind != "loc" {
			continue
		}
		lat, err1 := strconv.ParseFloat(head[1], 64)
		lon, err2 := strconv.ParseFloat(head[2], 64)
		if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return nil, errf(a, "bad coordinates %s %s", head[1], head[2])
		}
		feature := ""
		if len(head) == 4 {
			feature = head[3]
		}
		for _, sp := range locs[li] {
			x := f.span(sp[0], sp[1])
			s.Locations = append(s.Locations, Location{Start: x.Start, End: x.End, Text: x.Text, Country: dash(head[0]), Lat: lat, Lon: lon, Feature: feature})
		}
		li++
	}
	sort.SliceStable(s.Locations, func(a, b int) bool { return s.Locations[a].Start < s.Locations[b].Start })
	sort.SliceStable(s.Quotes, func(a, b int) bool { return s.Quotes[a].Start < s.Quotes[b].Start })
	sort.SliceStable(s.Counts, func(a, b int) bool { return s.Counts[a].Start < s.Counts[b].Start })
	if err := s.Check(); err != nil {
		return nil, err
	}
	return s, nil
}

// CompileDir compiles every *.txt file of dir in name order with Compile and
// checks that story ids are unique across files.
func CompileDir(dir string) ([]*Story, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("gold: %w", err)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("gold: no *.txt source files in %s", dir)
	}
	sort.Strings(files)
	var all []*Story
	seen := map[string]string{}
	for _, fn := range files {
		f, err := os.Open(fn)
		if err != nil {
			return nil, fmt.Errorf("gold: %w", err)
		}
		ss, err := Compile(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(fn), err)
		}
		for _, s := range ss {
			if prev, ok := seen[s.ID]; ok {
				return nil, fmt.Errorf("gold: story id %s in both %s and %s", s.ID, prev, fn)
			}
			seen[s.ID] = fn
		}
		all = append(all, ss...)
	}
	return all, nil
}

// Stats counts the stories and the annotations of each layer: "stories",
// "words", "entities", "mentions", "quotes", "direct", "reported",
// "counts", "locations", "events".
func Stats(stories []*Story) map[string]int {
	m := map[string]int{}
	for _, s := range stories {
		m["stories"]++
		m["words"] += len(strings.Fields(s.Text))
		m["entities"] += len(s.Entities)
		for _, e := range s.Entities {
			m["mentions"] += len(e.Mentions)
		}
		m["quotes"] += len(s.Quotes)
		for _, q := range s.Quotes {
			if q.Direct {
				m["direct"]++
			} else {
				m["reported"]++
			}
		}
		m["counts"] += len(s.Counts)
		m["locations"] += len(s.Locations)
		m["events"] += len(s.Events)
	}
	return m
}
