package ner

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/internal/lettercase"
)

// lexicon holds the model's word knowledge: per lower-cased word its cluster
// path (tools/wordclusters) and casing class, and the gazetteer of place and
// nationality names. Both are open-addressing tables keyed by hashes and
// read in place from the model file (model.go).
type lexicon struct {
	words hashTable // lower-case hash → cluster path | length<<32 | casing class<<40 | known<<48
	gaz   hashTable // name hash chain → class bits (bit 7: prefix of a longer name)
}

// hashTable is an open-addressing table from non-zero 64-bit keys to 64-bit
// values with linear probing; maxProbe bounds every search, so a corrupt
// table never loops.
type hashTable struct {
	keys, vals []uint64
	mask       uint64
	maxProbe   int
}

// home returns the first probe position of key k.
func home(k, mask uint64) uint64 { return (k * 0x9e3779b97f4a7c15) >> 20 & mask }

// get returns the value of key k, or 0 and false.
func (h *hashTable) get(k uint64) (uint64, bool) {
	if len(h.keys) == 0 {
		return 0, false
	}
	k |= 1
	i := home(k, h.mask)
	for p := 0; p <= h.maxProbe; p++ {
		switch h.keys[i] {
		case k:
			return h.vals[i], true
		case 0:
			return 0, false
		}
		i = (i + 1) & h.mask
	}
	return 0, false
}

// buildTable returns a table of the keys (made non-zero) and values, at
// most 70 % full. The values of a repeated key are or'ed.
func buildTable(keys, vals []uint64) hashTable {
	merged := make(map[uint64]uint64, len(keys))
	for n, k := range keys {
		merged[k|1] |= vals[n]
	}
	distinct := make([]uint64, 0, len(merged))
	for k := range merged {
		distinct = append(distinct, k)
	}
	slices.Sort(distinct) // the same layout for the same keys
	size := uint64(4)
	for size*7 < uint64(len(distinct))*10+10 {
		size <<= 1
	}
	h := hashTable{keys: make([]uint64, size), vals: make([]uint64, size), mask: size - 1}
	for _, k := range distinct {
		i := home(k, h.mask)
		p := 0
		for h.keys[i] != 0 {
			i = (i + 1) & h.mask
			p++
		}
		h.keys[i], h.vals[i] = k, merged[k]
		h.maxProbe = max(h.maxProbe, p)
	}
	return h
}

// lookupWord fills the cluster and casing fields of t from its lower-case hash.
func (lx *lexicon) lookupWord(t *tokInfo) {
	v, ok := lx.words.get(t.lower)
	if !ok {
		return
	}
	if n := uint8(v >> 32); n > 0 {
		t.clusPath, t.clusLen = uint32(v), n
		t.clus = mix(uint64(n)+200, uint64(uint32(v)))
	}
	t.cas = uint8(v >> 40)
	if v&wordKnown != 0 {
		t.flags |= flagKnown
	}
}

// wordKnown marks a word of the training data in the word table: only such
// words can have features keyed by the word itself (typeKeys skips them for
// the others, which the model cannot know).
const wordKnown = 1 << 48

// clusterPrefixes are the path lengths used as features besides the full path.
var clusterPrefixes = [3]uint8{4, 6, 10}

// Casing classes: the share of a word's uses where the writer capitalized
// it (casCapBuckets steps), its frequency (casFreqBuckets steps) and whether
// it is mostly written in capitals (an acronym).
const (
	casCapBuckets  = 6
	casFreqBuckets = 3
)

// casingClass returns the casing class of a word written lo times in lower
// case, cp times capitalized and up times in capitals (0 when never seen).
func casingClass(lo, cp, up int) uint8 {
	n := lo + cp + up
	if n == 0 {
		return 0
	}
	p := float64(cp+up) / float64(n)
	capB := 0
	for _, limit := range [casCapBuckets - 1]float64{0.02, 0.15, 0.5, 0.85, 0.98} {
		if p >= limit {
			capB++
		}
	}
	freqB := 0
	switch {
	case n >= 50:
		freqB = 2
	case n >= 5:
		freqB = 1
	}
	acr := 0
	if 2*up > n {
		acr = 1
	}
	return uint8(1 + (capB*casFreqBuckets+freqB)*2 + acr)
}

// newLexicon builds the word table from the training vocabulary (any case),
// cluster words and paths (bit strings "0110…") and casing counts, and the
// gazetteer from names (words separated by spaces) with their class names
// (gazClasses).
func newLexicon(vocab []string, clusWords, clusPaths []string, caseWords []string, caseCounts [][3]int, gazNames, gazClassNames []string) *lexicon {
	var keys, vals []uint64
	var ti tokInfo
	for _, w := range vocab {
		analyze(w, &ti, false, nil)
		keys = append(keys, ti.lower)
		vals = append(vals, wordKnown)
	}
	for i, w := range clusWords {
		analyze(w, &ti, false, nil)
		p := clusPaths[i]
		if len(p) > 32 {
			p = p[:32]
		}
		var v uint64
		for j := 0; j < len(p); j++ {
			v <<= 1
			if p[j] == '1' {
				v |= 1
			}
		}
		keys = append(keys, ti.lower)
		vals = append(vals, v|uint64(len(p))<<32)
	}
	for i, w := range caseWords {
		analyze(w, &ti, false, nil)
		c := caseCounts[i]
		keys = append(keys, ti.lower)
		vals = append(vals, uint64(casingClass(c[0], c[1], c[2]))<<40)
	}
	lx := &lexicon{words: buildTable(keys, vals)}
	keys, vals = keys[:0], vals[:0]
	for i, n := range gazNames {
		bit := -1
		for b, c := range gazClasses {
			if c == gazClassNames[i] {
				bit = b
			}
		}
		if bit < 0 {
			continue
		}
		ws := strings.Fields(n)
		if len(ws) == 0 || len(ws) > gazMaxWords {
			continue
		}
		h := uint64(0)
		for j, w := range ws {
			analyze(w, &ti, false, nil)
			h = gazChain(h, ti.lower)
			if j < len(ws)-1 {
				keys = append(keys, h)
				vals = append(vals, gazPrefix)
			}
		}
		keys = append(keys, h)
		vals = append(vals, 1<<bit)
	}
	lx.gaz = buildTable(keys, vals)
	return lx
}

// gazClasses are the gazetteer classes in bit order (the model format
// depends on the order: only append).
var gazClasses = [...]string{"country", "demonym", "bigcity", "city", "adm1", "region"}

// Gazetteer class bits (indices into gazClasses).
const (
	gazCountry = iota
	gazDemonym
	gazBigCity
	gazCity
	gazAdm1
	gazRegion
)

// gazPrefix marks a hash chain that begins a longer name.
const gazPrefix = 1 << 7

// gazMaxWords is the longest name matched.
const gazMaxWords = 5

// gazChain extends a name hash by one word's lower-case hash.
func gazChain(h, lower uint64) uint64 { return mix(h^0x5bd1e995, lower) }

// markGaz sets toks[i].gaz for every gazetteer name in the sentence whose
// first and last words are capitalized (any words in a folded sentence):
// bit 4*class+position (B, I, L, U).
func (lx *lexicon) markGaz(toks []tokInfo) {
	if len(lx.gaz.keys) == 0 {
		return
	}
	named := func(t *tokInfo) bool { return t.flags&(flagCap|flagFold) != 0 }
	for i := range toks {
		if !named(&toks[i]) {
			continue
		}
		h := uint64(0)
		for l := 1; l <= gazMaxWords && i+l <= len(toks); l++ {
			last := &toks[i+l-1]
			h = gazChain(h, last.lower)
			v, ok := lx.gaz.get(h)
			if !ok {
				break
			}
			cl := uint8(v) &^ gazPrefix
			if cl == 0 || !named(last) {
				continue
			}
			for b := 0; b < len(gazClasses); b++ {
				if cl&(1<<b) == 0 {
					continue
				}
				if l == 1 {
					toks[i].gaz |= 1 << (4*b + posU)
					continue
				}
				toks[i].gaz |= 1 << (4*b + posB)
				for k := i + 1; k < i+l-1; k++ {
					toks[k].gaz |= 1 << (4*b + posI)
				}
				toks[i+l-1].gaz |= 1 << (4*b + posL)
			}
		}
	}
}

// docCase decides the regime of each sentence (lettercase.Fold): fold[i]
// for sentence i, and whether the document as a whole carries no letter
// case.
func docCase(sentences [][]string, fold []bool) (noCase bool) {
	cs := make([]lettercase.Count, len(sentences))
	for i, s := range sentences {
		for _, w := range s {
			cs[i].Add(w)
		}
	}
	return lettercase.Fold(cs, fold)
}

// analyzeSentence fills toks (reusing its storage) for words in the given
// regime and sets the sentence-level flags.
func analyzeSentence(toks []tokInfo, words []string, lx *lexicon, fold, noCase bool) []tokInfo {
	toks = toks[:0]
	for _, w := range words {
		toks = append(toks, tokInfo{})
		analyze(w, &toks[len(toks)-1], fold, lx)
	}
	setSentenceFlags(toks, words, fold, noCase)
	if lx != nil {
		lx.markGaz(toks)
	}
	return toks
}

// setSentenceFlags sets the position and regime flags of a sentence's
// analyzed tokens.
func setSentenceFlags(toks []tokInfo, words []string, fold, noCase bool) {
	var f uint16
	if fold && !noCase {
		f |= flagHead
	}
	if noCase {
		f |= flagNoCase
	}
	nums := 0
	for k := range toks {
		if toks[k].flags&flagDigit != 0 {
			nums++
		}
	}
	if nums >= 2 && 3*nums >= len(toks) {
		f |= flagTable
	}
	initial := true
	for k := range toks {
		toks[k].flags |= f
		if initial && toks[k].flags&flagAlpha != 0 {
			toks[k].flags |= flagInitial
			initial = false
		} else if initial && !isOpening(words[k]) {
			initial = false
		}
	}
}

// analyzeDoc analyzes every sentence of a document into one backing array.
func analyzeDoc(sentences [][]string, lx *lexicon) [][]tokInfo {
	n := 0
	for _, s := range sentences {
		n += len(s)
	}
	fold := make([]bool, len(sentences))
	noCase := docCase(sentences, fold)
	all := make([]tokInfo, n)
	toks := make([][]tokInfo, len(sentences))
	off := 0
	for i, s := range sentences {
		toks[i] = analyzeSentence(all[off:off:off+len(s)], s, lx, fold[i], noCase)
		off += len(s)
	}
	return toks
}

// docInfo holds document-level evidence: how each word (by lower-case hash)
// is written elsewhere in the document and, in the second pass, how the
// first pass tagged it. It is an open-addressing table sized for the
// document.
type docInfo struct {
	keys    []uint64
	flags   []uint8
	counts  [][5]uint16 // per slot: first-pass tags by type (0..3) and span-initial uses (4)
	mask    uint64
	stacked bool // counts are filled (second pass)
}

const (
	seenLower  = 1 // written in lower case
	seenCapMid = 2 // capitalized, not sentence-initial, not in a folded sentence
)

// reset empties d for a document of n tokens, reusing its storage.
func (d *docInfo) reset(n int) {
	size := 16
	for size < 2*n {
		size <<= 1
	}
	if cap(d.keys) < size {
		d.keys = make([]uint64, size)
		d.flags = make([]uint8, size)
		d.counts = make([][5]uint16, size)
	}
	d.keys, d.flags, d.counts = d.keys[:size], d.flags[:size], d.counts[:size]
	clear(d.keys)
	clear(d.flags)
	clear(d.counts)
	d.mask = uint64(size - 1)
	d.stacked = false
}

// slot returns the slot of key k, inserting it when add is true; -1 when
// absent.
func (d *docInfo) slot(k uint64, add bool) int {
	if len(d.keys) == 0 {
		return -1
	}
	k |= 1
	i := home(k, d.mask)
	for {
		switch d.keys[i] {
		case k:
			return int(i)
		case 0:
			if !add {
				return -1
			}
			d.keys[i] = k
			return int(i)
		}
		i = (i + 1) & d.mask
	}
}

// seen returns the seen flags of the word with lower-case hash k.
func (d *docInfo) seen(k uint64) uint8 {
	if i := d.slot(k, false); i >= 0 {
		return d.flags[i]
	}
	return 0
}

// types returns the first-pass tag counts of the word with lower-case hash
// k, or nil when it was never tagged.
func (d *docInfo) types(k uint64) *[5]uint16 {
	if i := d.slot(k, false); i >= 0 {
		c := &d.counts[i]
		if c[0]|c[1]|c[2]|c[3] != 0 {
			return c
		}
	}
	return nil
}

// collectSeen records how the words of a document are written. The table
// holds at most one key per token, so a table reset for the document's
// token count never fills up.
func (d *docInfo) collectSeen(sents [][]tokInfo) {
	for _, toks := range sents {
		for k := range toks {
			t := &toks[k]
			if t.flags&flagAlpha == 0 || t.flags&flagFold != 0 {
				continue
			}
			if t.flags&flagCap == 0 && t.flags&flagHasLow != 0 {
				d.flags[d.slot(t.lower, true)] |= seenLower
			} else if t.flags&flagCap != 0 && t.flags&(flagInitial|flagHead) == 0 {
				d.flags[d.slot(t.lower, true)] |= seenCapMid
			}
		}
	}
}

// newDocInfo returns the seen flags of a document's analyzed sentences.
func newDocInfo(sents [][]tokInfo) *docInfo {
	n := 0
	for _, s := range sents {
		n += len(s)
	}
	d := new(docInfo)
	d.reset(n)
	d.collectSeen(sents)
	return d
}

// collectTypes counts, per lower-cased capitalized (or folded) word, the
// types the labels give it across the document (index 4 counts span-initial
// uses), and marks d as stacked.
func (d *docInfo) collectTypes(toks [][]tokInfo, labels [][]uint8) {
	clear(d.counts)
	d.stacked = true
	for i, ys := range labels {
		for j, l := range ys {
			if l == 0 {
				continue
			}
			t := &toks[i][j]
			if t.flags&(flagCap|flagFold) == 0 {
				continue
			}
			c := &d.counts[d.slot(t.lower, true)]
			if c[labelType(int(l))] < 0xffff {
				c[labelType(int(l))]++
			}
			if p := labelPos(int(l)); (p == posB || p == posU) && c[4] < 0xffff {
				c[4]++
			}
		}
	}
}
