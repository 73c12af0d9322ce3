package syntax

import (
	"unicode"
	"unicode/utf8"
)

// Feature hashing: every feature is a 64-bit hash of its template number
// and its values, mixed so that the low bits (the slot) and the high bits
// (the fingerprint) are independent.

const (
	k1 = 0x9E3779B97F4A7C15
	k2 = 0xC2B2AE3D27D4EB4F
)

func mix(h, v uint64) uint64 {
	h ^= v + k1 + (h << 6) + (h >> 2)
	h *= k2
	return h ^ h>>31
}

func fin(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	return h ^ h>>33
}

func f1(t, a uint64) uint64       { return fin(mix(t*k1, a)) }
func f2(t, a, b uint64) uint64    { return fin(mix(mix(t*k1, a), b)) }
func f3(t, a, b, c uint64) uint64 { return fin(mix(mix(mix(t*k1, a), b), c)) }

// strHash is FNV-1a of s.
func strHash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

// wordInfo holds the hashed views of one token the feature templates read.
type wordInfo struct {
	lower          uint64 // the lower-cased form (digits folded to 0)
	form           uint64 // the form as written
	shape          uint64 // Xxxx, dd, X.X., ...
	suf            [4]uint64
	pre            [3]uint64
	cl4, cl6, cl10 uint64 // word cluster path prefixes
	cl             uint64 // whole cluster path
	casing         uint64 // how news text writes the word (CasingClass), 0 unknown
	amb            uint64 // the UPOS the treebanks give the word (its ambiguity class), 1 unknown
	sole           int32  // the tagger class of a frequent word that always has it, -1 none
	upperInitial   bool
}

// lexEntry is what the model knows of a lower-case word: its cluster path
// and casing class (Model.clusters) and its tag dictionary entry
// (Model.dict).
type lexEntry struct {
	cl, dict uint32
	ok       bool
}

// Tag dictionary entries: the UPOS seen with a word in the treebanks (a
// bit per uposNames index, those of at least dictShare of its tokens) and,
// for a word seen at least dictSoleMin times with one tagger class on
// nearly all of them, that class + 1 in bits 17-24: the tagger gives it
// without scoring.
const (
	dictMask     = 1<<17 - 1
	dictSoleMin  = 50
	dictShare    = 0.05
	dictSoleRate = 0.998
)

// buildLex merges the clusters and the tag dictionary into one table.
func buildLex(clusters, dict map[string]uint32) map[string]lexEntry {
	lex := make(map[string]lexEntry, len(clusters)+len(dict))
	for w, v := range clusters {
		lex[w] = lexEntry{cl: v, ok: true}
	}
	for w, v := range dict {
		e := lex[w]
		e.dict = v
		lex[w] = e
	}
	return lex
}

// describe fills wi for the token form; buf is scratch.
func describe(form string, lex map[string]lexEntry, buf []byte, wi *wordInfo) []byte {
	buf = buf[:0]
	shape := buf
	digits := false
	prev := byte(0)
	runs := 0
	for _, r := range form {
		var c byte
		switch {
		case r >= 'a' && r <= 'z' || r > 127 && unicode.IsLower(r):
			c = 'x'
		case r >= 'A' && r <= 'Z' || r > 127 && unicode.IsUpper(r):
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
			digits = true
		case r > 127 && unicode.IsLetter(r):
			c = 'x'
		default:
			if r < 128 {
				c = byte(r)
			} else {
				c = '*'
			}
		}
		if c == prev {
			runs++
			if runs >= 2 {
				continue
			}
		} else {
			runs = 0
		}
		prev = c
		shape = append(shape, c)
	}
	wi.shape = strHashB(shape)
	lowStart := len(shape)
	buf = shape
	for i := 0; i < len(form); {
		c := form[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c >= '0' && c <= '9' && digits {
				c = '0'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, sz := utf8.DecodeRuneInString(form[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += sz
	}
	low := buf[lowStart:]
	wi.lower = strHashB(low)
	wi.form = strHash(form)
	// suffixes and prefixes by runes
	n := len(low)
	for k := 0; k < 4; k++ {
		j := n
		for c := 0; c <= k && j > 0; c++ {
			_, sz := utf8.DecodeLastRune(low[:j])
			j -= sz
		}
		wi.suf[k] = strHashB(low[j:]) + uint64(k)
	}
	for k := 0; k < 3; k++ {
		j := 0
		for c := 0; c <= k && j < n; c++ {
			_, sz := utf8.DecodeRune(low[j:])
			j += sz
		}
		wi.pre[k] = strHashB(low[:j]) + uint64(k)
	}
	r, _ := utf8.DecodeRuneInString(form)
	wi.upperInitial = unicode.IsUpper(r)
	wi.cl, wi.cl4, wi.cl6, wi.cl10 = 1, 1, 1, 1
	wi.casing = 0
	wi.amb, wi.sole = 1, -1
	e := lex[string(low)]
	if e.dict != 0 {
		wi.amb = uint64(e.dict&dictMask) + 2
		wi.sole = int32(e.dict>>17) - 1
	}
	if v, ok := e.cl, e.ok; ok {
		wi.casing = uint64(v >> 29)
		bits, nb := v&0xffffff, int(v>>24)&0x1f
		{
			path := uint64(bits) | uint64(nb)<<32
			if nb == 0 {
				path = 3
			}
			wi.cl = path + 7
			pref := func(k int) uint64 {
				if nb <= k {
					return path + 11
				}
				return uint64(bits>>(nb-k)) | uint64(k)<<32 + 13
			}
			wi.cl4, wi.cl6, wi.cl10 = pref(4), pref(6), pref(10)
		}
	}
	return buf
}

func strHashB(s []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range s {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// CasingClass buckets how often news text writes a word in lower case,
// capitalized and in capitals (ner/model/casing.txt): 1 rare, 2 nearly
// always lower, 3 mostly lower, 4 mostly capitalized, 5 nearly always
// capitalized, 6 mostly in capitals.
func CasingClass(lower, title, upper int) uint32 {
	n := lower + title + upper
	switch {
	case n < 3:
		return 1
	case upper*2 > n:
		return 6
	case lower*10 >= n*9:
		return 2
	case lower*2 >= n:
		return 3
	case lower*10 >= n:
		return 4
	}
	return 5
}
