// Package words holds small word-level helpers that several stages share.
// It is not a stage: it reads a Document's tokens and mentions and decides
// nothing on its own.
package words

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// LocativePreps are the prepositions after which a place name is where
// something happens ("in", "near", "across"), not an actor.
var LocativePreps = map[string]bool{
	"in": true, "at": true, "near": true, "from": true, "across": true, "into": true, "outside": true,
	"inside": true, "throughout": true, "around": true, "through": true,
}

// Locative reports whether mention mi of d is the object of a locative
// preposition: one stands up to three words before it ("in northern
// Burkina Faso", "across Kenya") or before the list it closes ("in
// Lyon, Nantes and Lille").
func Locative(d *document.Document, mi int) bool {
	t := d.TokenAt(d.Mentions[mi].Start)
	words := 0
	for k := t - 1; k >= 0 && k >= t-12; k-- {
		w := d.TokenLower(k)
		if LocativePreps[w] {
			return true
		}
		switch {
		case w == "," || w == "and" || w == "or":
			words = 0 // a list goes on to the left
			continue
		case d.Tokens[k].Kind != document.Word:
			return false
		}
		if words++; words > 3 {
			return false
		}
	}
	return false
}

// diplomats are the role words of people who serve their country abroad.
var diplomats = []string{"ambassador", "envoy", "diplomat", "embassy", "consul", "attache", "delegation"}

// Diplomatic reports whether s holds a role word of people who serve their
// country abroad ("the ambassador", "an embassy spokesman").
func Diplomatic(s string) bool {
	s = strings.ToLower(s)
	for _, w := range diplomats {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
