// Package lettercase decides whether the letter case of a text carries
// information about names. Stages that read capital letters (the tagger,
// the entities stage's rules, the quote grammar) ask it which sentences are
// folded: written in capitals (a headline, or an ALL-CAPS text), or in a
// document that never capitalizes a word inside a sentence (lower-case
// text, with or without capitalized sentence starts). In a folded sentence
// a capital letter says nothing: names come from the tagger's folded model,
// and the rules read "capitalized" as "inside a name".
package lettercase

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Count is what one sentence's letter case shows.
type Count struct {
	Alpha  int // words with a letter
	Lower  int // of them, words with a lower-case letter
	Mid    int // words with a letter after the sentence's first
	CapMid int // of them, capitalized words other than the pronoun I
	Upper  int // words with an upper-case letter, other than the pronoun I
}

// Add counts word w, the next word of the sentence.
func (c *Count) Add(w string) {
	alpha, low, up, firstUp := false, false, false, false
	for k, r := range w {
		switch {
		case r < utf8.RuneSelf:
			switch {
			case 'a' <= r && r <= 'z':
				alpha, low = true, true
			case 'A' <= r && r <= 'Z':
				alpha, up = true, true
				firstUp = firstUp || k == 0
			}
		case unicode.IsUpper(r):
			alpha, up = true, true
			firstUp = firstUp || k == 0
		case unicode.IsLetter(r):
			alpha, low = true, true
		}
	}
	if alpha {
		c.AddWord(low, up, firstUp, w)
	}
}

// AddWord counts word w, the next word of the sentence, which has a letter,
// when the caller already knows whether it has a lower-case letter, an
// upper-case letter and whether its first letter is upper case.
func (c *Count) AddWord(lower, upper, capitalized bool, w string) {
	c.Alpha++
	if lower {
		c.Lower++
	}
	i := isPronounI(w)
	if upper && !i {
		c.Upper++
	}
	if c.Alpha == 1 {
		return
	}
	c.Mid++
	if capitalized && !i {
		c.CapMid++
	}
}

// isPronounI reports whether w is the pronoun I, alone or contracted.
func isPronounI(w string) bool {
	if w == "I" {
		return true
	}
	return len(w) >= 2 && w[0] == 'I' && (w[1] == '\'' || len(w) >= 4 && w[1:4] == "’")
}

// Capitals reports whether the sentence is written in capitals: two or more
// words with letters and at most one in ten with a lower-case letter.
func (c Count) Capitals() bool { return c.Alpha >= 2 && c.Lower*10 <= c.Alpha }

// Fold fills fold[i] for the sentence counted in cs[i] and reports whether
// the document as a whole carries no letter case: no sentence is in mixed
// case, no word but the pronoun I has a capital letter, or (in a document
// long enough to tell, with 20 or more words inside its mixed-case
// sentences) at most one in a hundred of those is capitalized. A sentence is
// folded when it is written in capitals or the document carries no case.
func Fold(cs []Count, fold []bool) (noCase bool) {
	mid, capMid, mixed, upper := 0, 0, 0, 0
	for _, c := range cs {
		if c.Alpha == 0 || c.Capitals() {
			continue
		}
		mixed++
		mid += c.Mid
		capMid += c.CapMid
		upper += c.Upper
	}
	noCase = mixed == 0 || upper == 0 || mid >= 20 && capMid*100 <= mid
	for i, c := range cs {
		fold[i] = noCase || c.Capitals()
	}
	return noCase
}

// Document returns, for each sentence of d, whether it is folded (see Fold),
// counting the text of its tokens. Tokens outside d count as empty.
func Document(d *document.Document) []bool {
	cs := make([]Count, len(d.Sentences))
	for i, s := range d.Sentences {
		for k := max(s.FirstToken, 0); k < s.EndToken && k < len(d.Tokens); k++ {
			if t := d.Tokens[k]; 0 <= t.Start && t.Start <= t.End && t.End <= len(d.Text) {
				cs[i].Add(d.Text[t.Start:t.End])
			}
		}
	}
	fold := make([]bool, len(cs))
	Fold(cs, fold)
	return fold
}
