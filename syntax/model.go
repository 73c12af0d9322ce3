package syntax

import (
	"encoding/binary"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/newsgraph/newsgraph/internal/lexicon"
)

// Model is a trained tagger, lemmatizer and parser. It is read-only after
// loading and safe for concurrent use; a Parser holds the per-goroutine
// scratch space.
type Model struct {
	classes    []string // tagger classes "UPOS\tXPOS"
	upos, xpos []string // per class
	uposID     []byte   // per class: index into uposNames
	labels     []string
	rootLabel  int
	tagger     *table
	// parser scores the moves: with label nil, every labelled move
	// (1+2×labels classes); with label set, the classes of moves (shift,
	// the arcs of the most frequent labels, the other left and right
	// arcs) and label scores the labels of those other arcs (1+2×labels
	// classes, of which only the chosen arc's are read), so that most
	// lookups touch a few classes instead of about a hundred.
	parser   *table
	label    *table
	moves    *moveSet
	raw      wordLines         // a loaded model's cluster and dictionary lines
	lemmas   map[string]string // upos byte + lower form → lemma
	rules    map[string]lemmaRule
	clusters map[string]uint32 // lower word → bits | len<<24 | casing class<<29
	dict     map[string]uint32 // lower word → tag dictionary entry (dictMask)
	lex      map[string]lexEntry
	info     string // training summary
	// beam is the number of partial parses the parser keeps (1 or 0:
	// greedy); set by Train (TrainOptions.Beam) and SetBeam.
	beam int
}

// SetBeam makes the Parsers made afterwards from m keep k partial parses
// (beam search, parseBeam); k <= 1 is the greedy parser.
// A model whose parser predicts the move before the label (Model.label)
// parses greedily whatever k is.
func (m *Model) SetBeam(k int) { m.beam = k }

// magic starts a model file; magic1 a file of the first version, which
// has no tag dictionary.
const (
	magic  = "NGSYNTAX2\n\x00\x00\x00\x00\x00\x00"
	magic1 = "NGSYNTAX1\n\x00\x00\x00\x00\x00\x00"
)

// uposNames are the UD parts of speech; a class's UPOS is stored as its
// index here (the lemma keys).
var uposNames = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

func uposIndex(u string) byte {
	for i, n := range uposNames {
		if n == u {
			return byte(i + 1)
		}
	}
	return byte(len(uposNames))
}

// Info returns the training summary stored in the model.
func (m *Model) Info() string { return m.info }

// Labels returns the dependency relations the model predicts.
func (m *Model) Labels() []string { return append([]string(nil), m.labels...) }

// Marshal returns the model file.
func (m *Model) Marshal() []byte {
	b := []byte(magic)
	str := func(s string) {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	str(m.info)
	str(strings.Join(m.classes, "\n"))
	str(strings.Join(m.labels, "\n"))
	var sb strings.Builder
	for _, k := range slices.Sorted(maps.Keys(m.lemmas)) {
		fmt.Fprintf(&sb, "%d\t%s\t%s\n", k[0], k[1:], m.lemmas[k])
	}
	str(sb.String())
	sb.Reset()
	for _, k := range slices.Sorted(maps.Keys(m.rules)) {
		r := m.rules[k]
		fmt.Fprintf(&sb, "%d\t%s\t%d\t%s\n", k[0], k[1:], r.strip, r.add)
	}
	str(sb.String())
	sb.Reset()
	clusters, dict := m.wordMaps()
	for _, k := range slices.Sorted(maps.Keys(clusters)) {
		v := clusters[k]
		fmt.Fprintf(&sb, "%s\t%d\t%d\n", k, v&0xffffff, v>>24)
	}
	str(sb.String())
	sb.Reset()
	for _, k := range slices.Sorted(maps.Keys(dict)) {
		fmt.Fprintf(&sb, "%s\t%d\n", k, dict[k])
	}
	str(sb.String())
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	b = m.tagger.marshal(b)
	b = m.parser.marshal(b)
	if m.label != nil {
		b = m.label.marshal(b)
		b = binary.LittleEndian.AppendUint32(b, uint32(len(m.moves.own)))
		b = append(b, m.moves.own...)
	}
	return b
}

// Load reads a model file; its word tables' strings alias b, and so do the
// weight tables when b is 8-byte aligned (b must not be modified
// afterwards). The word tables are read line by line in place into maps
// sized once: every process that parses pays this.
func Load(b []byte) (*Model, error) {
	if len(b) < len(magic) || string(b[:len(magic)]) != magic && string(b[:len(magic)]) != magic1 {
		return nil, fmt.Errorf("syntax: not a model file")
	}
	nparts := 7
	if string(b[:len(magic)]) == magic1 {
		nparts = 6
	}
	off := len(magic)
	str := func() (string, error) {
		if off+4 > len(b) {
			return "", errCorrupt
		}
		n := int(binary.LittleEndian.Uint32(b[off:]))
		off += 4
		if n < 0 || n > len(b)-off {
			return "", errCorrupt
		}
		s := unsafe.String(unsafe.SliceData(b[off:]), n) // (b is kept: the tables alias it)
		off += n
		return s, nil
	}
	var parts [7]string
	for i := range parts[:nparts] {
		s, err := str()
		if err != nil {
			return nil, err
		}
		parts[i] = s
	}
	m := &Model{lemmas: make(map[string]string, lineCount(parts[3])), rules: make(map[string]lemmaRule, lineCount(parts[4])),
		raw: wordLines{clusters: parts[5], dict: parts[6]}}
	m.info = parts[0]
	m.classes = strings.Split(parts[1], "\n")
	m.labels = strings.Split(parts[2], "\n")
	m.rootLabel = -1
	for i, l := range m.labels {
		if l == "root" {
			m.rootLabel = i
		}
	}
	if m.rootLabel < 0 || len(m.labels) > 255 {
		return nil, fmt.Errorf("syntax: model has no root label")
	}
	for _, c := range m.classes {
		u, x, _ := strings.Cut(c, "\t")
		m.upos = append(m.upos, u)
		m.xpos = append(m.xpos, x)
		m.uposID = append(m.uposID, uposIndex(u))
	}
	// the keys (upos as a rune, then the form or suffix) are substrings
	// of one buffer, not a string each: no key is longer than its line
	keys := make([]byte, 0, len(parts[3])+len(parts[4]))
	key := func(u int, s string) string {
		start := len(keys)
		keys = append(utf8.AppendRune(keys, rune(u)), s...)
		return unsafe.String(unsafe.SliceData(keys[start:]), len(keys)-start)
	}
	var f [4]string
	for line := range strings.SplitSeq(parts[3], "\n") {
		if lexicon.Fields(f[:3], line) != 3 {
			continue
		}
		u, err := strconv.Atoi(f[0])
		if err != nil || u <= 0 || u > 255 {
			return nil, errCorrupt
		}
		m.lemmas[key(u, f[1])] = f[2]
	}
	for line := range strings.SplitSeq(parts[4], "\n") {
		if lexicon.Fields(f[:4], line) != 4 {
			continue
		}
		u, err1 := strconv.Atoi(f[0])
		n, err2 := strconv.Atoi(f[2])
		if err1 != nil || err2 != nil || u <= 0 || u > 255 || n < 0 {
			return nil, errCorrupt
		}
		m.rules[key(u, f[1])] = lemmaRule{strip: n, add: f[3]}
	}
	// the clusters and the tag dictionary go straight into lex (what
	// buildLex would make of their maps)
	m.lex = make(map[string]lexEntry, lineCount(parts[5])+lineCount(parts[6])) // (as buildLex sizes it)
	if err := eachCluster(parts[5], func(w string, v uint32) { m.lex[w] = lexEntry{cl: v, ok: true} }); err != nil {
		return nil, err
	}
	if err := eachDict(parts[6], len(m.classes), func(w string, v uint32) {
		e := m.lex[w]
		e.dict = v
		m.lex[w] = e
	}); err != nil {
		return nil, err
	}
	for off%8 != 0 {
		off++
	}
	var err error
	if m.tagger, off, err = unmarshalTable(b, off); err != nil {
		return nil, err
	}
	if m.parser, off, err = unmarshalTable(b, off); err != nil {
		return nil, err
	}
	if nl := len(m.labels); m.parser.classes != 1+2*nl {
		// a factored parser: the move table, the label table and the
		// labels with a move class of their own (Model.moves)
		if m.label, off, err = unmarshalTable(b, off); err != nil {
			return nil, err
		}
		if off+4 > len(b) {
			return nil, errCorrupt
		}
		k := int(binary.LittleEndian.Uint32(b[off:]))
		off += 4
		if k < 0 || k > nl-2 || off+k > len(b) {
			return nil, errCorrupt
		}
		own := append([]uint8(nil), b[off:off+k]...)
		seen := make([]bool, nl)
		for _, l := range own {
			if int(l) >= nl || int(l) == m.rootLabel || seen[l] {
				return nil, errCorrupt
			}
			seen[l] = true
		}
		m.moves = newMoveSet(nl, own)
		if m.label.classes != 1+2*nl || m.parser.classes != m.moves.classes() {
			return nil, fmt.Errorf("syntax: model tables do not match its classes")
		}
	}
	if m.tagger.classes != len(m.classes) {
		return nil, fmt.Errorf("syntax: model tables do not match its classes")
	}
	return m, nil
}

// lineCount returns the number of lines of s (a last line without a
// newline counted): the size of the map its lines fill.
func lineCount(s string) int { return strings.Count(s, "\n") + 1 }

// wordLines are a loaded model's cluster and tag dictionary lines
// (substrings of the file): Load fills lex from them, and the clusters and
// dict maps are made from them only when Marshal asks (wordMaps).
type wordLines struct{ clusters, dict string }

// eachCluster calls fn with every word and cluster value of a model's
// cluster lines ("word TAB bits TAB length"; lines of another shape are
// skipped, numbers out of range are errCorrupt).
func eachCluster(text string, fn func(w string, v uint32)) error {
	var f [3]string
	for line := range strings.SplitSeq(text, "\n") {
		if lexicon.Fields(f[:], line) != 3 {
			continue
		}
		bits, err1 := strconv.ParseUint(f[1], 10, 24)
		n, err2 := strconv.ParseUint(f[2], 10, 8)
		if err1 != nil || err2 != nil {
			return errCorrupt
		}
		fn(f[0], uint32(bits)|uint32(n)<<24)
	}
	return nil
}

// eachDict calls fn with every word and entry of a model's tag dictionary
// lines ("word TAB entry"; an entry naming a class past nclasses is
// errCorrupt).
func eachDict(text string, nclasses int, fn func(w string, v uint32)) error {
	for line := range strings.SplitSeq(text, "\n") {
		w, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		x, err := strconv.ParseUint(v, 10, 32)
		if err != nil || x>>17 > uint64(nclasses) {
			return errCorrupt
		}
		fn(w, uint32(x))
	}
	return nil
}

// wordMaps returns the model's clusters and tag dictionary: a trained
// model's maps, or those of a loaded model's lines (Load checked them).
func (m *Model) wordMaps() (clusters, dict map[string]uint32) {
	if m.clusters != nil || m.dict != nil {
		return m.clusters, m.dict
	}
	clusters, dict = map[string]uint32{}, map[string]uint32{}
	eachCluster(m.raw.clusters, func(w string, v uint32) { clusters[w] = v })
	eachDict(m.raw.dict, len(m.classes), func(w string, v uint32) { dict[w] = v })
	return clusters, dict
}
