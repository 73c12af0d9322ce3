package document

import "unicode/utf8"

// Index converts byte offsets into a text to Unicode code point offsets and
// back. It is built once per document; ASCII texts need no table at all.
type Index struct {
	n     int   // len(text) in bytes
	ascii bool  // every byte is one code point
	runes []int // runes[b] = code points before byte b, for b in [0, n]
	bytes []int // bytes[r] = byte offset of code point r, for r in [0, count]
}

// NewIndex builds the index of text.
func NewIndex(text string) *Index {
	ix := &Index{n: len(text), ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ix.ascii = false
			break
		}
	}
	if ix.ascii {
		return ix
	}
	ix.runes = make([]int, len(text)+1)
	ix.bytes = make([]int, 0, len(text)+1)
	r := 0
	for b := 0; b < len(text); {
		_, size := utf8.DecodeRuneInString(text[b:])
		ix.bytes = append(ix.bytes, b)
		for k := 0; k < size; k++ {
			ix.runes[b+k] = r
		}
		b += size
		r++
	}
	ix.runes[len(text)] = r
	ix.bytes = append(ix.bytes, len(text))
	return ix
}

// Rune returns the code point offset of byte offset b. A byte offset inside a
// multi-byte sequence maps to the code point that contains it. Out-of-range
// offsets are clamped.
func (ix *Index) Rune(b int) int {
	if b < 0 {
		return 0
	}
	if b > ix.n {
		b = ix.n
	}
	if ix.ascii {
		return b
	}
	return ix.runes[b]
}

// Byte returns the byte offset of code point offset r, clamped to the text.
func (ix *Index) Byte(r int) int {
	if r < 0 {
		return 0
	}
	if ix.ascii {
		if r > ix.n {
			return ix.n
		}
		return r
	}
	if r >= len(ix.bytes) {
		return ix.n
	}
	return ix.bytes[r]
}

// Runes returns the code point span of byte span s.
func (ix *Index) Runes(s Span) (start, end int) { return ix.Rune(s.Start), ix.Rune(s.End) }

// Len returns the text's length in code points.
func (ix *Index) Len() int { return ix.Rune(ix.n) }
