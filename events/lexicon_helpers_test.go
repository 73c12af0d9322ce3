package events

import "slices"

// Methods only the tests use.

// Len returns the number of patterns.
func (l *Lexicon) Len() int { return len(l.patterns) }

// Roots returns the CAMEO roots the lexicon has patterns for, sorted.
func (l *Lexicon) Roots() []string {
	var out []string
	for _, p := range l.patterns {
		if !p.discard {
			out = append(out, p.code.Root)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}
