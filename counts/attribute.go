package counts

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// attribute sets c.AttributedTo and c.AttributedName: the speaker of a
// quote holding the figure, else "according to X" or "X said" in the same
// sentence.
func (s *sent) attribute(c *document.Count) {
	d := s.d
	if s.bs == nil {
		s.bs = newBySentence(d)
	}
	for _, qi := range s.bs.quotes.of(s.si) {
		q := &d.Quotes[qi]
		if q.Span.Contains(c.Span) && q.Speaker != nil && q.Speaker.Name != "" && !(q.Speaker.Entity < 0 && isPronoun(strings.ToLower(q.Speaker.Name))) {
			c.AttributedTo = q.Speaker.Entity
			c.AttributedName = q.Speaker.Name
			if c.AttributedTo >= len(d.Entities) {
				c.AttributedTo = -1
			}
			return
		}
	}
	if a, b, ok := s.source(c); ok {
		span := document.Span{Start: d.Tokens[a].Start, End: d.Tokens[b-1].End}
		c.AttributedName = d.Slice(span)
		ms := s.bs.mentions.of(s.si)
		for _, mi := range ms {
			m := &d.Mentions[mi]
			if m.Span.Overlaps(span) && m.Kind != document.Pronoun {
				if m.Entity >= 0 && m.Entity < len(d.Entities) {
					c.AttributedTo = m.Entity
					c.AttributedName = d.Entities[m.Entity].Name
				}
				return
			}
		}
		for _, mi := range ms {
			m := &d.Mentions[mi]
			if m.Span.Overlaps(span) && m.Entity >= 0 && m.Entity < len(d.Entities) {
				c.AttributedTo = m.Entity
				c.AttributedName = d.Entities[m.Entity].Name
				return
			}
		}
		if isPronoun(strings.ToLower(c.AttributedName)) {
			c.AttributedName = ""
		}
	}
}

func isPronoun(w string) bool {
	switch w {
	case "he", "she", "they", "it", "we", "i", "you":
		return true
	}
	return false
}

// source returns the token range [a, b) of the source named in the sentence,
// for "according to X" and "X said" / "said X".
func (s *sent) source(c *document.Count) (int, int, bool) {
	for k := s.a; k+1 < s.b; k++ {
		if s.low(k) == "according" && s.low(k+1) == "to" {
			a := k + 2
			b := a
			for b < s.b && b-a < 10 && s.kind(b) != document.Punct && s.kind(b) != document.Number && s.low(b) != "which" && s.low(b) != "who" && s.low(b) != "that" {
				b++
			}
			if b > a {
				return a, b, true
			}
		}
	}
	if !s.saysDone {
		s.saysDone = true
		for k := s.a; k < s.b; k++ {
			if s.kind(k) == document.Word && sayVerbs[s.low(k)] {
				s.says = append(s.says, k)
			}
		}
	}
	for _, k := range s.says {
		// "X said": the words before, back to punctuation or clause start.
		b := k
		a := b
		for a > s.a && b-a < 7 && s.kind(a-1) != document.Punct && s.kind(a-1) != document.Number && !stopSource[s.low(a-1)] {
			a--
		}
		for a < b && (s.low(a) == "and" || s.low(a) == "but") {
			a++
		}
		if a < b && b-a <= 6 && (a == s.a || s.kind(a-1) == document.Punct || stopSource[s.low(a-1)]) && !verbStart[s.low(a)] {
			if !(b-a == 1 && isPronoun(s.low(a))) || len(s.d.Mentions) > 0 {
				if !(document.Span{Start: s.d.Tokens[a].Start, End: s.d.Tokens[b-1].End}).Overlaps(c.Span) {
					return a, b, true
				}
			}
		}
		// "said X": the words after, to punctuation.
		a = k + 1
		b = a
		for b < s.b && b-a < 8 && s.kind(b) != document.Punct && s.kind(b) != document.Number && s.low(b) != "that" && s.low(b) != "on" && s.low(b) != "in" && s.low(b) != "at" && s.low(b) != "late" && s.low(b) != "earlier" {
			b++
		}
		if b > a && s.capitalized(a) || (b > a && (s.low(a) == "the" || s.low(a) == "police" || s.low(a) == "officials")) {
			if (b == s.b || s.kind(b) == document.Punct) && !(document.Span{Start: s.d.Tokens[a].Start, End: s.d.Tokens[b-1].End}).Overlaps(c.Span) {
				return a, b, true
			}
		}
	}
	return 0, 0, false
}
