package document

import "testing"

func TestIndex(t *testing.T) {
	cases := []struct {
		text  string
		bytes []int // byte offsets to convert
		runes []int // expected code point offsets
	}{
		{"plain ascii", []int{0, 5, 11}, []int{0, 5, 11}},
		{"café “x” 🙂!", []int{0, 3, 5, 6, 9, 10, 13, 14, 18, 19}, []int{0, 3, 4, 5, 6, 7, 8, 9, 10, 11}},
		{"", []int{0}, []int{0}},
	}
	for _, c := range cases {
		ix := NewIndex(c.text)
		for i, b := range c.bytes {
			if got := ix.Rune(b); got != c.runes[i] {
				t.Errorf("%q: Rune(%d) = %d, want %d", c.text, b, got, c.runes[i])
			}
			if got := ix.Byte(c.runes[i]); got != b {
				t.Errorf("%q: Byte(%d) = %d, want %d", c.text, c.runes[i], got, b)
			}
		}
	}
	ix := NewIndex("é")
	if ix.Rune(-1) != 0 || ix.Rune(99) != 1 || ix.Byte(99) != 2 || ix.Len() != 1 {
		t.Error("clamping")
	}
}

func TestDocument_SentenceAtTokenAt(t *testing.T) {
	d := New("x", "One. Two.")
	d.Sentences = []Sentence{{Span: Span{0, 4}}, {Span: Span{5, 9}}}
	d.Tokens = []Token{{Span: Span{0, 3}}, {Span: Span{3, 4}}, {Span: Span{5, 8}}, {Span: Span{8, 9}}}
	for off, want := range map[int]int{0: 0, 3: 0, 4: -1, 5: 1, 8: 1, 9: -1} {
		if got := d.SentenceAt(off); got != want {
			t.Errorf("SentenceAt(%d) = %d, want %d", off, got, want)
		}
	}
	for off, want := range map[int]int{0: 0, 3: 1, 4: 2, 9: 4} {
		if got := d.TokenAt(off); got != want {
			t.Errorf("TokenAt(%d) = %d, want %d", off, got, want)
		}
	}
}
