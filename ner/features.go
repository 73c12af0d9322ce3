package ner

import (
	"math/bits"
	"unicode"
	"unicode/utf8"
)

// Feature hashing. Every feature is a 64-bit hash of a template identifier
// and the values it combines; the model keeps only features seen in training,
// so a hash never allocates and unknown features are simply absent.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString hashes s with FNV-1a starting from h.
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashRune adds the UTF-8 bytes of r to h.
func hashRune(h uint64, r rune) uint64 {
	if r < utf8.RuneSelf {
		h ^= uint64(r)
		return h * fnvPrime
	}
	var b [4]byte
	n := utf8.EncodeRune(b[:], r)
	for i := 0; i < n; i++ {
		h ^= uint64(b[i])
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes (a splitmix64 finalizer over their combination).
func mix(a, b uint64) uint64 {
	x := a*0x9e3779b97f4a7c15 ^ (b + 0x632be59bd9b4e019 + (a << 6) + (a >> 2))
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// Feature templates. The numbers are part of the model format: never reuse
// or renumber one, only append.
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tShape
	tShort
	tPre1
	tPre2
	tPre3
	tPre4
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tLowerM1
	tLowerP1
	tLowerM2
	tLowerP2
	tShortM1
	tShortP1
	tShortM2
	tShortP2
	tShortM1_0
	tShort0_P1
	tShortM1_0_P1
	tLowerM1_0
	tLower0_P1
	tLowerM1_Short0
	tShort0_LowerP1
	tFirstShort
	tHeadline
	tHeadlineShort
	tDocLower
	tDocCapMid
	tDocNoCapMid
	tClus4
	tClus6
	tClus10
	tClusFull
	tClusFullM1
	tClusFullP1
	tDocType
	tDocTypeShort
	tLength
	tLowerM1_P1
	tWordM1
	tWordP1
	tDocTypeFirst
	tGaz
	tGazM1
	tGazP1
)

// Sentinel values for positions outside the sentence.
var (
	hashBOS = hashString(fnvOffset, "<s>")
	hashEOS = hashString(fnvOffset, "</s>")
)

// Token flags.
const (
	flagCap     = 1 << iota // first rune is upper case
	flagAllCap              // has letters, none lower case
	flagHasLow              // has a lower-case letter
	flagAlpha               // has a letter
	flagInitial             // sentence-initial (first word-like token)
	flagHead                // in an all-caps sentence (headline)
	flagHasUp               // has an upper-case letter
)

// tokInfo holds the per-token hashes the templates combine.
type tokInfo struct {
	word, lower, shape, short uint64
	pre, suf                  [4]uint64
	clus                      [4]uint64 // prefixes 4, 6, 10 and full path; 0 when unknown
	length                    uint64
	gaz                       uint32 // gazetteer matches: bit 4*class+position
	flags                     uint8
}

// analyze fills ti for word w.
func analyze(w string, ti *tokInfo, c *clusters) {
	*ti = tokInfo{}
	word := uint64(fnvOffset)
	lower := uint64(fnvOffset)
	shape := uint64(fnvOffset)
	short := uint64(fnvOffset)
	var prevClass rune
	run := 0
	n := 0
	for _, r := range w {
		r = normRune(r)
		word = hashRune(word, r)
		lr := unicode.ToLower(r)
		lower = hashRune(lower, lr)
		var cl rune
		switch {
		case unicode.IsUpper(r):
			cl = 'X'
			ti.flags |= flagAlpha | flagHasUp
			if n == 0 {
				ti.flags |= flagCap
			}
		case unicode.IsLower(r):
			cl = 'x'
			ti.flags |= flagAlpha | flagHasLow
		case unicode.IsLetter(r):
			cl = 'x'
			ti.flags |= flagAlpha | flagHasLow
		case unicode.IsDigit(r):
			cl = 'd'
		default:
			cl = r
		}
		if cl == prevClass {
			run++
		} else {
			run = 1
			short = hashRune(short, cl)
		}
		if run <= 2 {
			shape = hashRune(shape, cl)
		}
		prevClass = cl
		if n < 4 {
			ti.pre[n] = lower
		}
		n++
	}
	for k := n; k < 4; k++ {
		ti.pre[k] = 0
	}
	if ti.flags&flagAlpha != 0 && ti.flags&flagHasLow == 0 {
		ti.flags |= flagAllCap
	}
	// Suffixes: hash the last k runes, lower-cased, from the left.
	end := len(w)
	starts := [4]int{-1, -1, -1, -1}
	for k := 0; k < 4 && end > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:end])
		end -= sz
		starts[k] = end
	}
	for k := 0; k < 4; k++ {
		if starts[k] < 0 {
			break
		}
		h := uint64(fnvOffset)
		for _, r := range w[starts[k]:] {
			h = hashRune(h, unicode.ToLower(normRune(r)))
		}
		ti.suf[k] = h
	}
	ti.word, ti.lower, ti.shape, ti.short = word, lower, shape, short
	switch {
	case n <= 3:
		ti.length = uint64(n)
	case n <= 6:
		ti.length = 4
	default:
		ti.length = 5
	}
	if c != nil {
		ti.clus = c.lookup(lower)
	}
}

// lexicon holds the model's word lists: clusters and gazetteer names.
type lexicon struct {
	c *clusters
	g *gazTable
}

func (lx *lexicon) clus() *clusters {
	if lx == nil {
		return nil
	}
	return lx.c
}

// gazOnly returns a lexicon with lx's gazetteer and no clusters: for
// tokens whose clusters are looked up later, per word type (computeType).
func (lx *lexicon) gazOnly() *lexicon {
	if lx == nil {
		return nil
	}
	return &lexicon{g: lx.g}
}

func (lx *lexicon) gazTable() *gazTable {
	if lx == nil {
		return nil
	}
	return lx.g
}

// normRune maps typographic variants to the ASCII forms of the training
// data: curly and low quotes to straight ones, dashes to a hyphen.
func normRune(r rune) rune {
	if r < 0x2010 || r > 0x201f {
		return r
	}
	switch r {
	case '‘', '’', '‚', '‛':
		return '\''
	case '“', '”', '„', '‟':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―':
		return '-'
	}
	return r
}

// docInfo holds document-level evidence: how each word (by lower-case hash)
// is written elsewhere in the document and, in the second pass, how the first
// pass tagged it.
type docInfo struct {
	// seen flags per lower-case hash: seenLower (written in lower case),
	// seenCapMid (capitalized, not sentence-initial, not in a headline).
	seen map[uint64]uint8
	// types holds, per lower-case hash of a capitalized word, the count of
	// first-pass tags by type (index 0..3) and how often the word started a span.
	types map[uint64]*[5]uint16
}

const (
	seenLower  = 1
	seenCapMid = 2
)

// sentFeats appends to buf the feature hashes of token i of a sentence whose
// tokens are analyzed in toks, and returns the extended buf.
func sentFeats(buf []uint64, toks []tokInfo, i int, doc *docInfo) []uint64 {
	t := &toks[i]
	lm1, lm2, lp1, lp2 := hashBOS, hashBOS, hashEOS, hashEOS
	sm1, sm2, sp1, sp2 := hashBOS, hashBOS, hashEOS, hashEOS
	wm1, wp1 := hashBOS, hashEOS
	cm1, cp1 := hashBOS, hashEOS
	if i > 0 {
		lm1, sm1, wm1, cm1 = toks[i-1].lower, toks[i-1].short, toks[i-1].word, toks[i-1].clus[3]
	}
	if i > 1 {
		lm2, sm2 = toks[i-2].lower, toks[i-2].short
	}
	if i+1 < len(toks) {
		lp1, sp1, wp1, cp1 = toks[i+1].lower, toks[i+1].short, toks[i+1].word, toks[i+1].clus[3]
	}
	if i+2 < len(toks) {
		lp2, sp2 = toks[i+2].lower, toks[i+2].short
	}
	buf = append(buf,
		tBias,
		mix(tWord, t.word),
		mix(tLower, t.lower),
		mix(tShape, t.shape),
		mix(tShort, t.short),
		mix(tLowerM1, lm1),
		mix(tLowerP1, lp1),
		mix(tLowerM2, lm2),
		mix(tLowerP2, lp2),
		mix(tShortM1, sm1),
		mix(tShortP1, sp1),
		mix(tShortM2, sm2),
		mix(tShortP2, sp2),
		mix(mix(tShortM1_0, sm1), t.short),
		mix(mix(tShort0_P1, t.short), sp1),
		mix(mix(mix(tShortM1_0_P1, sm1), t.short), sp1),
		mix(mix(tLowerM1_0, lm1), t.lower),
		mix(mix(tLower0_P1, t.lower), lp1),
		mix(mix(tLowerM1_Short0, lm1), t.short),
		mix(mix(tShort0_LowerP1, t.short), lp1),
		mix(mix(tLowerM1_P1, lm1), lp1),
		mix(tWordM1, wm1),
		mix(tWordP1, wp1),
		mix(tLength, t.length),
	)
	pres := [4]uint64{tPre1, tPre2, tPre3, tPre4}
	sufs := [4]uint64{tSuf1, tSuf2, tSuf3, tSuf4}
	for k := 0; k < 4; k++ {
		if t.pre[k] != 0 {
			buf = append(buf, mix(pres[k], t.pre[k]))
		}
		if t.suf[k] != 0 {
			buf = append(buf, mix(sufs[k], t.suf[k]))
		}
	}
	if t.clus[3] != 0 {
		buf = append(buf, mix(tClus4, t.clus[0]), mix(tClus6, t.clus[1]), mix(tClus10, t.clus[2]), mix(tClusFull, t.clus[3]))
	}
	buf = append(buf, mix(tClusFullM1, cm1), mix(tClusFullP1, cp1))
	return posFeats(buf, toks, i, doc)
}

// posFeats appends to buf the features of token i that depend on its
// position and on the document: sentence-initial and headline shapes,
// gazetteer matches around it, how the word is written elsewhere in the
// document and (second pass) how the first pass tagged it.
func posFeats(buf []uint64, toks []tokInfo, i int, doc *docInfo) []uint64 {
	t := &toks[i]
	if t.flags&flagInitial != 0 {
		buf = append(buf, mix(tFirstShort, t.short))
	}
	if t.flags&flagHead != 0 {
		buf = append(buf, tHeadline, mix(tHeadlineShort, t.short))
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		buf = append(buf, mix(tGaz, uint64(bits.TrailingZeros32(g))))
	}
	if i > 0 && toks[i-1].gaz != 0 {
		buf = append(buf, mix(tGazM1, uint64(toks[i-1].gaz)))
	}
	if i+1 < len(toks) && toks[i+1].gaz != 0 {
		buf = append(buf, mix(tGazP1, uint64(toks[i+1].gaz)))
	}
	if doc != nil && t.flags&flagAlpha != 0 {
		s := doc.seen[t.lower]
		if t.flags&flagCap != 0 && s&seenLower != 0 {
			buf = append(buf, tDocLower)
		}
		if t.flags&(flagInitial|flagHead) != 0 {
			if s&seenCapMid != 0 {
				buf = append(buf, tDocCapMid)
			} else {
				buf = append(buf, tDocNoCapMid)
			}
		}
	}
	return typeFeats(buf, t, doc)
}

// typeFeats appends the second-pass features of token t: the type the first
// pass gave the same word elsewhere in the document.
func typeFeats(buf []uint64, t *tokInfo, doc *docInfo) []uint64 {
	if doc == nil || doc.types == nil || t.flags&flagAlpha == 0 || t.flags&flagCap == 0 {
		return buf
	}
	c := doc.types[t.lower]
	if c == nil {
		return buf
	}
	best, bn, tot := 0, uint16(0), uint16(0)
	for k := 0; k < 4; k++ {
		tot += c[k]
		if c[k] > bn {
			best, bn = k, c[k]
		}
	}
	if bn > 0 {
		buf = append(buf, mix(tDocType, uint64(best)), mix(mix(tDocTypeShort, uint64(best)), t.short))
		if c[4]*2 > tot {
			buf = append(buf, mix(tDocTypeFirst, uint64(best)))
		}
	}
	return buf
}

// analyzeSentence fills toks (reusing its storage) for words and sets the
// sentence-level flags.
func analyzeSentence(toks []tokInfo, words []string, lx *lexicon) []tokInfo {
	toks = toks[:0]
	for _, w := range words {
		toks = append(toks, tokInfo{})
		analyze(w, &toks[len(toks)-1], lx.clus())
	}
	lx.gazTable().mark(toks)
	// Headline: at least two words with letters and none with a lower-case letter.
	alpha, low := 0, 0
	for k := range toks {
		if toks[k].flags&flagAlpha != 0 {
			alpha++
			if toks[k].flags&flagHasLow != 0 {
				low++
			}
		}
	}
	head := alpha >= 2 && low == 0
	initial := true
	for k := range toks {
		if head {
			toks[k].flags |= flagHead
		}
		if initial && toks[k].flags&flagAlpha != 0 {
			toks[k].flags |= flagInitial
			initial = false
		} else if initial && !isOpening(words[k]) {
			initial = false
		}
	}
	return toks
}

// isOpening reports whether w may precede the first word of a sentence
// (quotes, brackets, dashes) without ending the sentence-initial position.
func isOpening(w string) bool {
	switch w {
	case `"`, "'", "``", "`", "(", "[", "-", "--", "“", "‘", "—", "–":
		return true
	}
	return false
}

// buildDocInfo collects how the words of a document are written.
func buildDocInfo(sents [][]tokInfo) *docInfo {
	d := &docInfo{seen: make(map[uint64]uint8)}
	for _, toks := range sents {
		for k := range toks {
			t := &toks[k]
			if t.flags&flagAlpha == 0 {
				continue
			}
			if t.flags&flagCap == 0 && t.flags&flagHasLow != 0 {
				d.seen[t.lower] |= seenLower
			} else if t.flags&flagCap != 0 && t.flags&(flagInitial|flagHead) == 0 {
				d.seen[t.lower] |= seenCapMid
			}
		}
	}
	return d
}
