package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Casing statistics: how often each word is written in lower case,
// capitalized or in capitals where the writer chose the case, i.e. not at
// the start of a sentence or after an opening quote, bracket, dash or
// colon, and not in a sentence written all in capitals (a headline). The
// tagger uses them as a truecaser's knowledge when a text's own letter case
// says nothing (ALL-CAPS or all-lower-case text). They are counted on the
// raw news corpora only (not on the CoNLL training words), so that a
// training word's statistics come from the same independent text as an
// unseen word's.

// caseCounts are the lower-case, capitalized and all-capitals counts of one
// lower-cased word.
type caseCounts [3]int

// countCasing adds the casing of every word of sents (raw tokens) to c.
func countCasing(sents [][]string, c map[string]*caseCounts) {
	for _, s := range sents {
		alpha, low := 0, 0
		for _, w := range s {
			if hasLetter(w) {
				alpha++
				if hasLower(w) {
					low++
				}
			}
		}
		if alpha == 0 || low*2 < alpha {
			continue // a headline in capitals, or no words
		}
		free := false // whether the case of the next word is the writer's choice
		for _, w := range s {
			if !hasLetter(w) {
				free = free && !opensCase(w)
				continue
			}
			if free {
				k := strings.ToLower(w)
				x := c[k]
				if x == nil {
					x = new(caseCounts)
					c[k] = x
				}
				x[casing(w)]++
			}
			free = true
		}
	}
}

// opensCase reports whether the next word after w may be capitalized for
// w's sake: quotes, brackets, dashes, colons and sentence ends.
func opensCase(w string) bool {
	switch w {
	case `"`, "``", "'", "(", "[", "-", "--", ":", ".", "?", "!", "“", "‘", "—", "–":
		return true
	}
	return false
}

// casing returns 0 for a word without upper-case letters, 2 for one with
// two or more letters all in capitals, 1 otherwise (capitalized or mixed).
func casing(w string) int {
	up, letters := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				up++
			}
		}
	}
	switch {
	case up == 0:
		return 0
	case up == letters && letters >= 2:
		return 2
	}
	return 1
}

func hasLower(w string) bool {
	for _, r := range w {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// writeCasing writes word<TAB>lower<TAB>capitalized<TAB>capitals lines,
// sorted by word, for the words seen at least minCount times.
func writeCasing(w io.Writer, c map[string]*caseCounts, minCount int) (int, error) {
	var words []string
	for k, x := range c {
		if x[0]+x[1]+x[2] >= minCount && utf8.ValidString(k) && !strings.ContainsAny(k, "\t\n") {
			words = append(words, k)
		}
	}
	sort.Strings(words)
	bw := bufio.NewWriter(w)
	for _, k := range words {
		x := c[k]
		fmt.Fprintf(bw, "%s\t%d\t%d\t%d\n", k, x[0], x[1], x[2])
	}
	return len(words), bw.Flush()
}
