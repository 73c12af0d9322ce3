package events

// Prospects: a trigger the story mentions as still to come ("next week's
// meeting", "ahead of the summit", "officials meet tomorrow") is coded
// hypothetical; and the history check that a trigger's clause dates it to
// a past year (background, actors.go).

// prospectMention reports a nominal trigger the story mentions as a
// prospect ("next week's meeting", "ahead of the summit"): the event is
// coded hypothetical, so it still tells what a story is about (PLOVER
// story types) but is not counted as one that happened.
func (c *coder) prospectMention(m match) bool {
	if m.p.verbal {
		// a verb with a future time after it: "officials meet tomorrow",
		// "when he visits Washington next month" (an intent, 03, or an
		// agreement is stated now: "agreed to hold talks next week")
		for j := m.end; j < c.n && j < m.end+6 && m.p.code.Root != "03" && !intents[c.low(m.start)]; j++ {
			if c.hardPunct(j) || clauseOpeners[c.low(j)] {
				break
			}
			if w := c.low(j); (w == "tomorrow" || w == "next" || w == "later") && c.futureTimeAt(j) {
				return true
			}
		}
		// a verb pattern used as a noun: "any Israeli strike on"
		for j := m.start - 1; j >= 0 && j >= m.start-8; j-- {
			if c.mAt[j] >= 0 {
				continue // "next week's International Monetary Fund meeting"
			}
			w := c.low(j)
			switch {
			case w == "'s" || w == "’s" || isDet(w), w == "at" || w == "of" || w == "for" || w == "during" || w == "ahead":
				// a noun after a possessive, article or preposition:
				// "next week's IMF meeting", "at the OPEC meeting"
				return c.prospective(m)
			case prospectGovernors[w] && !c.hardPunct(j):
				// the verb's word as a noun after a governor: "helped
				// prevent attacks", "to override a veto"
				return true
			}
			return futureModifiers[w] && !c.hardPunct(j)
		}
		return false
	}
	return c.prospective(m)
}

// futureTimes after a noun date it ahead.
func (c *coder) futureTimeAt(j int) bool {
	switch c.low(j) {
	case "tomorrow":
		return true
	case "next":
		return j+1 < c.n && !c.isPunct(j+1)
	case "later":
		return j+1 < c.n && (c.low(j+1) == "this" || c.low(j+1) == "in" || c.low(j+1) == "next")
	case "scheduled", "planned", "slated", "set":
		// "scheduled to start", "set for June" ("due to" is mostly a
		// cause: "due to crop problems")
		return j+1 < c.n && (c.low(j+1) == "to" && c.infinitive(j+2) || c.low(j+1) == "for")
	}
	return false
}

// prospective reports a nominal trigger mentioned as a prospect.
func (c *coder) prospective(m match) bool {
	// modifiers right before the noun: "next week's IMF meeting",
	// "the planned visit", "any strike against Iran"
	words := 0
	for j := m.start - 1; j >= 0 && j >= m.start-10 && words < 4; j-- {
		if c.hardPunct(j) {
			break
		}
		if c.mAt[j] >= 0 {
			continue // "next week's International Monetary Fund meeting"
		}
		words++
		w := c.low(j)
		if futureModifiers[w] {
			if w == "coming" && j+1 < c.n && c.low(j+1) == "under" {
				continue // "tankers coming under attack"
			}
			if w == "expected" && j+1 < m.start && c.low(j+1) != "'s" && (j == 0 || !isDet(c.low(j-1))) {
				continue // "talks expected" needs an article: "the expected talks"
			}
			return true
		}
		if w == "tomorrow" {
			return true
		}
		if prospectGovernors[w] {
			if w == "event" && !(j > 0 && c.low(j-1) == "the" && j+1 < c.n && c.low(j+1) == "of") {
				continue
			}
			return true
		}
		if phraseStops[w] && w != "of" && w != "for" && w != "to" && w != "the" && w != "at" && w != "in" && w != "with" {
			break
		}
	}
	// a future time in the phrase after the noun: "talks next week", "a
	// meeting due to start on Monday"
	for j := m.end; j < c.n && j < m.end+6 && !c.hardPunct(j); j++ {
		if c.futureTimeAt(j) {
			return true
		}
	}
	// a modal earlier in the clause: "something will be done at the
	// meeting", "they would discuss it during the visit"
	for j := m.start - 1; j >= 0 && j >= m.start-8 && !c.hardPunct(j); j-- {
		w := c.low(j)
		if modalWords[w] {
			return true
		}
		if clauseOpeners[w] || factGovernors[w] {
			break
		}
	}
	return false
}
