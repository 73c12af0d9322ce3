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
	tCase       // the word's casing class (corpus statistics, casing.go)
	tCaseShort  // casing class × short shape
	tCaseM1     // casing class of the previous word
	tCaseP1     // casing class of the next word
	tGazCase    // gazetteer match × coarse casing class of the word
	tDocFold    // a folded word: how the document writes it where case is known
	tNoCase     // the document carries no letter case at all
	tCaseM1_0   // casing classes of the previous and this word (coarse)
	tCase0_P1   // casing classes of this and the next word (coarse)
	tTableShort // a sentence that reads like a results or listings table × short shape
	tTableLower // table sentence × lower case
)

// Salts added to template identifiers. Words of a folded sentence (one
// whose letter case says nothing: ALL CAPS, or a document without case)
// are analyzed in lower case and score with their own weights; the second
// pass of a stacked model has its own weights in the same table.
const (
	saltFold  uint64 = 1 << 24
	saltLayer uint64 = 1 << 26
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
	flagHead                // in a folded sentence of a document whose case is known (a headline)
	flagHasUp               // has an upper-case letter
	flagFold                // in a folded sentence: analyzed in lower case
	flagNoCase              // in a document without letter case information
	flagTable               // in a sentence that reads like a table row
	flagDigit               // has a digit
	flagEdge                // the sentinel before or after a sentence
	flagKnown               // a word of the training data (lexicon.go)
)

// tokInfo holds the per-token hashes the templates combine. The word-level
// part (everything but gaz and the position flags) depends on the word and
// its regime (folded or not) only and is what the type cache keeps.
type tokInfo struct {
	text                      string // the word as written
	word, lower, shape, short uint64
	length                    uint64
	clus                      uint64 // hash of the full cluster path; 0 when unknown
	clusPath                  uint32 // cluster path bits (clusLen of them)
	clusLen                   uint8
	cas                       uint8  // casing class (casing.go), 0 when unknown
	gaz                       uint32 // gazetteer matches: bit 4*class+position
	flags                     uint16
}

// salt returns the template salt of the token's regime.
func (t *tokInfo) salt() uint64 {
	if t.flags&flagFold != 0 {
		return saltFold
	}
	return 0
}

// analyze fills the word-level part of ti for word w; fold analyzes it in
// lower case. It looks the word up in lx (clusters and casing) when lx is
// not nil.
func analyze(w string, ti *tokInfo, fold bool, lx *lexicon) {
	*ti = tokInfo{text: w}
	word := uint64(fnvOffset)
	lower := uint64(fnvOffset)
	shape := uint64(fnvOffset)
	short := uint64(fnvOffset)
	var prevClass rune
	run := 0
	n := 0
	for _, r := range w {
		r = normRune(r)
		lr := unicode.ToLower(r)
		if fold {
			r = lr
		}
		word = hashRune(word, r)
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
			ti.flags |= flagDigit
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
		n++
	}
	if ti.flags&flagAlpha != 0 && ti.flags&flagHasLow == 0 {
		ti.flags |= flagAllCap
	}
	if fold {
		ti.flags |= flagFold
		word = mix(word, 0xf01d)
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
	if lx != nil {
		lx.lookupWord(ti)
	}
}

// affixes returns the hashes of the lower-cased prefixes and suffixes of 1-4
// runes of w (0 where w is shorter).
func affixes(w string) (pre, suf [4]uint64) {
	h := uint64(fnvOffset)
	n := 0
	for _, r := range w {
		if n == 4 {
			break
		}
		h = hashRune(h, unicode.ToLower(normRune(r)))
		pre[n] = h
		n++
	}
	// Suffixes: hash the last k runes, lower-cased, from the left.
	end := len(w)
	for k := 0; k < 4 && end > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:end])
		end -= sz
		h := uint64(fnvOffset)
		for _, r := range w[end:] {
			h = hashRune(h, unicode.ToLower(normRune(r)))
		}
		suf[k] = h
	}
	return pre, suf
}

// normRune maps typographic variants to the ASCII forms of the training
// data: curly and low quotes to straight ones, dashes to a hyphen.
func normRune(r rune) rune {
	if r < 0x2010 || r > 0x201f {
		return r
	}
	switch r {
	case '‘', '’', '‚', '›', '‛':
		return '\''
	case '“', '”', '„', '‟':
		return '"'
	case '‐', '‑', '‒', '–', '—', '―':
		return '-'
	}
	return r
}

// Word-type feature parts: a token's own word-level features and those its
// word gives the tokens one and two positions after it (m1, m2: it is their
// previous word) and before it (p1, p2).
const (
	partSelf = iota
	partM1
	partM2
	partP1
	partP2
	nParts
)

var (
	preTemplates = [4]uint64{tPre1, tPre2, tPre3, tPre4}
	sufTemplates = [4]uint64{tSuf1, tSuf2, tSuf3, tSuf4}
)

// typeKeys appends to buf the features of part of the word-level token t
// (salt selects the regime and layer). Tokens outside the sentence (BOS,
// EOS) are tokInfos with word, lower, short and clus set to the sentinel.
func typeKeys(buf []uint64, t *tokInfo, part int, salt uint64) []uint64 {
	known := t.flags&flagKnown != 0
	switch part {
	case partSelf:
		if known {
			buf = append(buf, mix(tWord+salt, t.word), mix(tLower+salt, t.lower))
		}
		buf = append(buf,
			tBias+salt,
			mix(tShape+salt, t.shape),
			mix(tShort+salt, t.short),
			mix(tLength+salt, t.length),
			mix(tCase+salt, uint64(t.cas)),
			mix(mix(tCaseShort+salt, uint64(t.cas)), t.short),
		)
		pre, suf := affixes(t.text)
		for k := 0; k < 4; k++ {
			if pre[k] != 0 {
				buf = append(buf, mix(preTemplates[k]+salt, pre[k]))
			}
			if suf[k] != 0 {
				buf = append(buf, mix(sufTemplates[k]+salt, suf[k]))
			}
		}
		if t.clusLen != 0 {
			for k, tpl := range [3]uint64{tClus4, tClus6, tClus10} {
				pl := min(clusterPrefixes[k], t.clusLen)
				buf = append(buf, mix(tpl+salt, mix(uint64(pl)+100, uint64(t.clusPath>>(t.clusLen-pl)))))
			}
			buf = append(buf, mix(tClusFull+salt, t.clus))
		}
	case partM1:
		if known {
			buf = append(buf, mix(tLowerM1+salt, t.lower), mix(tWordM1+salt, t.word))
		}
		buf = append(buf, mix(tShortM1+salt, t.short), mix(tClusFullM1+salt, t.clus), mix(tCaseM1+salt, uint64(t.cas)))
	case partM2:
		if known {
			buf = append(buf, mix(tLowerM2+salt, t.lower))
		}
		buf = append(buf, mix(tShortM2+salt, t.short))
	case partP1:
		if known {
			buf = append(buf, mix(tLowerP1+salt, t.lower), mix(tWordP1+salt, t.word))
		}
		buf = append(buf, mix(tShortP1+salt, t.short), mix(tClusFullP1+salt, t.clus), mix(tCaseP1+salt, uint64(t.cas)))
	case partP2:
		if known {
			buf = append(buf, mix(tLowerP2+salt, t.lower))
		}
		buf = append(buf, mix(tShortP2+salt, t.short))
	}
	return buf
}

// edgeTok returns the sentinel token for positions before (bos) or after
// the sentence.
func edgeTok(bos bool) *tokInfo {
	if bos {
		return &bosTok
	}
	return &eosTok
}

var (
	bosTok = tokInfo{word: hashBOS, lower: hashBOS, short: hashBOS, clus: hashBOS, flags: flagEdge | flagKnown}
	eosTok = tokInfo{word: hashEOS, lower: hashEOS, short: hashEOS, clus: hashEOS, flags: flagEdge | flagKnown}
)

// casCoarse is the casing class of t reduced to its share of capitalized
// uses (0 for an unknown word, 99 for a sentence edge).
func casCoarse(t *tokInfo) uint64 {
	switch {
	case t.flags&flagEdge != 0:
		return 99
	case t.cas == 0:
		return 0
	}
	return uint64(1 + (t.cas-1)/(2*casFreqBuckets))
}

// at returns token k of toks, or the sentinel before or after the sentence.
func at(toks []tokInfo, k int) *tokInfo {
	switch {
	case k < 0:
		return edgeTok(true)
	case k >= len(toks):
		return edgeTok(false)
	}
	return &toks[k]
}

// sentFeats appends to buf every feature hash of token i of a sentence
// (training: the same features the tagger sums from word-type parts, pair
// parts and restFeats).
func sentFeats(buf []uint64, toks []tokInfo, i int, doc *docInfo, layer uint64) []uint64 {
	salt := toks[i].salt() + layer
	buf = typeKeys(buf, &toks[i], partSelf, salt)
	buf = typeKeys(buf, at(toks, i-1), partM1, salt)
	buf = typeKeys(buf, at(toks, i-2), partM2, salt)
	buf = typeKeys(buf, at(toks, i+1), partP1, salt)
	buf = typeKeys(buf, at(toks, i+2), partP2, salt)
	buf = pairKeys(buf, at(toks, i-1), &toks[i], pairRight, salt)
	buf = pairKeys(buf, &toks[i], at(toks, i+1), pairLeft, salt)
	return restFeats(buf, toks, i, doc, salt)
}

// Sides of a word pair's features: those of its right word (the
// conjunctions with the word before it) and of its left word (with the word
// after it).
const (
	pairRight = iota
	pairLeft
)

// pairKeys appends to buf the features that the pair of adjacent tokens
// (a, b) gives b (side pairRight) or a (pairLeft): conjunctions of their
// shapes, lower cases and casing classes. They depend on the two words
// only, so the tagger caches their sums per word pair.
func pairKeys(buf []uint64, a, b *tokInfo, side int, salt uint64) []uint64 {
	ka, kb := a.flags&flagKnown != 0, b.flags&flagKnown != 0
	if side == pairRight {
		buf = append(buf, mix(mix(tShortM1_0+salt, a.short), b.short), mix(mix(tCaseM1_0+salt, casCoarse(a)), casCoarse(b)))
		if ka && kb {
			buf = append(buf, mix(mix(tLowerM1_0+salt, a.lower), b.lower))
		}
		if ka {
			buf = append(buf, mix(mix(tLowerM1_Short0+salt, a.lower), b.short))
		}
		return buf
	}
	buf = append(buf, mix(mix(tShort0_P1+salt, a.short), b.short), mix(mix(tCase0_P1+salt, casCoarse(a)), casCoarse(b)))
	if ka && kb {
		buf = append(buf, mix(mix(tLower0_P1+salt, a.lower), b.lower))
	}
	if kb {
		buf = append(buf, mix(mix(tShort0_LowerP1+salt, a.short), b.lower))
	}
	return buf
}

// restFeats appends to buf the features of token i that are neither word
// nor pair parts: conjunctions of both neighbours, sentence position,
// gazetteer and document features, and (second pass) how the first pass
// tagged the word elsewhere in the document.
func restFeats(buf []uint64, toks []tokInfo, i int, doc *docInfo, salt uint64) []uint64 {
	t := &toks[i]
	m1, p1 := at(toks, i-1), at(toks, i+1)
	buf = append(buf, mix(mix(mix(tShortM1_0_P1+salt, m1.short), t.short), p1.short))
	if m1.flags&p1.flags&flagKnown != 0 {
		buf = append(buf, mix(mix(tLowerM1_P1+salt, m1.lower), p1.lower))
	}
	c0 := casCoarse(t)
	if t.flags&flagInitial != 0 {
		buf = append(buf, mix(tFirstShort+salt, t.short))
	}
	if t.flags&flagHead != 0 {
		buf = append(buf, tHeadline+salt, mix(tHeadlineShort+salt, t.short))
	}
	if t.flags&flagNoCase != 0 {
		buf = append(buf, tNoCase+salt)
	}
	if t.flags&flagTable != 0 {
		buf = append(buf, mix(tTableShort+salt, t.short))
		if t.flags&flagKnown != 0 {
			buf = append(buf, mix(tTableLower+salt, t.lower))
		}
	}
	for g := t.gaz; g != 0; g &= g - 1 {
		b := uint64(bits.TrailingZeros32(g))
		buf = append(buf, mix(tGaz+salt, b))
		if t.flags&flagFold != 0 {
			buf = append(buf, mix(mix(tGazCase+salt, b), c0))
		}
	}
	if i > 0 && toks[i-1].gaz != 0 {
		buf = append(buf, mix(tGazM1+salt, uint64(toks[i-1].gaz)))
	}
	if i+1 < len(toks) && toks[i+1].gaz != 0 {
		buf = append(buf, mix(tGazP1+salt, uint64(toks[i+1].gaz)))
	}
	if doc != nil && t.flags&flagAlpha != 0 {
		s := doc.seen(t.lower)
		switch {
		case t.flags&flagFold != 0:
			if t.flags&flagNoCase == 0 {
				buf = append(buf, mix(tDocFold+salt, uint64(s&(seenLower|seenCapMid))))
			}
		default:
			if t.flags&flagCap != 0 && s&seenLower != 0 {
				buf = append(buf, tDocLower+salt)
			}
			if t.flags&(flagInitial|flagHead) != 0 {
				if s&seenCapMid != 0 {
					buf = append(buf, tDocCapMid+salt)
				} else {
					buf = append(buf, tDocNoCapMid+salt)
				}
			}
		}
	}
	return typeFeats(buf, t, doc, salt)
}

// typeFeats appends the second-pass features of token t: the type the first
// pass gave the same word elsewhere in the document.
func typeFeats(buf []uint64, t *tokInfo, doc *docInfo, salt uint64) []uint64 {
	if doc == nil || !doc.stacked || t.flags&flagAlpha == 0 || t.flags&(flagCap|flagFold) == 0 {
		return buf
	}
	c := doc.types(t.lower)
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
		buf = append(buf, mix(tDocType+salt, uint64(best)), mix(mix(tDocTypeShort+salt, uint64(best)), t.short))
		if c[4]*2 > tot {
			buf = append(buf, mix(tDocTypeFirst+salt, uint64(best)))
		}
	}
	return buf
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
