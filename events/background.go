package events

import "strings"

// Context mentions: trigger matches that name an event the story does not
// report as happening now.
//
// News copy mentions many events only as context: history ("since the
// 2003 invasion", "the 1985 murder of", "after last year's coup", "the
// Kremlin last year seized"), prospects ("next week's IMF meeting", "ahead
// of the summit", "plans for an emergency meeting") and set formulas of
// sourcing ("declined to give details", asking for anonymity). None of
// them is an event of the story (policy: code the events a story reports
// as happening or as having happened, not ones it mentions as background
// or expects). contextMention reports them so that sense drops the match;
// each test is a general construction, not a list of stories:
//
//   - sourcing formulas: "declined/refused to" + a verb of saying or
//     naming ("to say", "to comment", "to give details", "to be named"),
//     and requests for anonymity (a negated naming or identifying after
//     "asked", "asked to remain anonymous").
//   - history: a nominal trigger with a year or a "last year's" before it,
//     or governed by "since" ("since the invasion"); any trigger whose
//     clause dates it to a past year ("last year", "two years ago", and,
//     when the publication date is unknown, "in 1998").
//   - prospect: a nominal trigger with a future modifier ("next", "upcoming",
//     "planned", "any"), a future time after it ("talks next week"), a
//     prospective governor ("ahead of", "plans for", "to attend", "in the
//     event of") or a modal earlier in its clause ("would be discussed at
//     the meeting").
func (c *coder) contextMention(m match) bool {
	if c.sourcingFormula(m) {
		return true
	}
	return c.pastDated(m)
}

// prospectMention reports a nominal trigger the story mentions as a
// prospect ("next week's meeting", "ahead of the summit"): the event is
// coded hypothetical, so it still tells what a story is about (PLOVER
// story types) but is not counted as one that happened.
func (c *coder) prospectMention(m match) bool {
	if m.p.verbal {
		// a verb with a future time after it: "officials meet tomorrow",
		// "when he visits Washington next month"
		for j := m.end; j < c.n && j < m.end+6; j++ {
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
			}
			return (w == "any" || w == "next" || w == "planned" || w == "possible" || w == "upcoming") && !c.hardPunct(j)
		}
		return false
	}
	return c.prospective(m)
}

// sourcingFormula reports "declined to say", "refused to give details",
// "declined to be named", "asked not to be identified".
func (c *coder) sourcingFormula(m match) bool {
	for k := m.start; k < m.end && k < c.n; k++ {
		w := c.low(k)
		switch {
		case strings.HasPrefix(w, "declin") || strings.HasPrefix(w, "refus"):
			j := k + 1
			if j < c.n && c.low(j) == "to" {
				j++
			} else {
				continue
			}
			if j >= c.n {
				return false
			}
			v := c.low(j)
			if v == "discuss" {
				// "refused to discuss the budget" is a rejection; "declined
				// to discuss details/the matter further" is not
				h, _ := c.objectHead(j + 1)
				return h == "" || detailNouns[h] || h == "further" || h == "matter" || h == "issue" || h == "it"
			}
			if sayVerbs[v] {
				return true
			}
			if v == "be" && j+1 < c.n {
				switch c.low(j + 1) {
				case "named", "identified", "quoted", "drawn", "interviewed":
					return true
				}
			}
			if v == "give" || v == "provide" || v == "put" || v == "offer" || v == "release" || v == "give," {
				for q := j + 1; q < c.n && q <= j+4; q++ {
					if detailNouns[c.low(q)] {
						return true
					}
					if c.hardPunct(q) {
						break
					}
				}
			}
			return false
		case w == "asked" || w == "asks" || w == "ask" || w == "asking":
			// asking not to be named or identified, or to remain anonymous
			j := m.start
			if m.end > j {
				j = k + 1
			}
			for q := j; q < c.n && q <= j+5; q++ {
				switch c.low(q) {
				case "named", "identified", "anonymous", "anonymity", "quoted":
					return true
				}
				if c.hardPunct(q) {
					break
				}
			}
			return false
		}
	}
	return false
}

// pastTimes are adverbials of a past time before the current one.
func (c *coder) pastAdverb(j int) bool {
	w := c.low(j)
	switch w {
	case "ago":
		// "two years ago", "a decade ago"; not "two days ago"
		if j > 0 {
			switch c.low(j - 1) {
			case "years", "year", "decade", "decades", "century", "centuries":
				return true
			}
		}
	case "last", "previous":
		if j+1 < c.n {
			switch c.low(j + 1) {
			case "year", "year's", "decade", "century", "year’s":
				return true
			}
		}
	}
	return false
}

// pastDated reports a trigger that its own words date to a past year:
// "the 2003 invasion", "last year's coup", "the Kremlin last year seized",
// "signed in 1998" (a bare year only when the publication date is
// unknown; with a date, background in actors.go compares years), and a
// noun governed by "since" ("since the invasion").
func (c *coder) pastDated(m match) bool {
	pub := 0
	if c.d.Published != nil {
		pub = c.d.Published.Year()
	}
	yearAt := func(j int) bool {
		y := atoiYear(c.tok(j))
		if y == 0 || pub != 0 && y >= pub {
			return false
		}
		if pub == 0 && j >= m.end {
			// after the trigger a year dates the event itself: past
			// only when it is before the year the story mostly speaks of
			if dy := c.docYear(); dy == 0 || y >= dy {
				return false
			}
		}
		if j > 0 {
			if _, month := months[c.low(j-1)]; month {
				return false // "in March 2004": a stated date
			}
			switch c.low(j - 1) {
			case "by", "until", "till", "through", "before", "to", "from", "and", "-", "fiscal":
				return false // "by 2010", "2005 to 2007": a span or deadline
			}
		}
		return true
	}
	// the clause of the trigger: back to a hard mark or a clause opener,
	// forward to one
	lo := m.start
	for j := m.start - 1; j >= 0 && j >= m.start-8; j-- {
		if c.hardPunct(j) || clauseOpeners[c.low(j)] {
			break
		}
		lo = j
	}
	hi := m.end
	for j := m.end; j < c.n && j < m.end+10; j++ {
		if c.hardPunct(j) || clauseOpeners[c.low(j)] {
			break
		}
		hi = j + 1
	}
	for j := lo; j < hi; j++ {
		if j >= m.start && j < m.end {
			continue
		}
		if c.pastAdverb(j) {
			if m.p.verbal && j+1 < c.n && strings.HasSuffix(c.low(j+1), "s") && !(j > 0 && (c.low(j-1) == "at" || c.low(j-1) == "during")) {
				// "sued them over last year's auction": the possessive
				// dates a noun, not the verb; "complained at last year's
				// meeting" dates the verb
				continue
			}
			return true
		}
	}
	if !m.p.verbal {
		// a year or a "last year's" right before the noun: "the 2003
		// invasion", "the 1985 murder", "last year's coup"
		for j := m.start - 1; j >= lo && j >= m.start-3; j-- {
			if yearAt(j) {
				return true
			}
		}
		// "since the invasion", "since its bid approach"
		for j := m.start - 1; j >= 0 && j >= m.start-4; j-- {
			w := c.low(j)
			if w == "since" {
				return true
			}
			if c.hardPunct(j) || phraseStops[w] {
				break
			}
		}
	}
	if pub == 0 {
		// "sentenced in 1998", "during the 1991 war": with no publication
		// date a year in the trigger's clause after a preposition dates
		// the event to the past (news names the current year rarely)
		for j := m.end; j < hi; j++ {
			if j > 0 && atoiYear(c.tok(j)) != 0 && yearAt(j) {
				switch c.low(j - 1) {
				case "in", "during", "since", "of", "the":
					return true
				}
			}
		}
	}
	return false
}

// docYear returns the year the document mentions most often (the later
// one on a tie), a stand-in for an unknown publication year, or 0.
func (c *coder) docYear() int {
	count := map[int]int{}
	best, bn := 0, 0
	for t := range c.d.Tokens {
		tk := c.d.Tokens[t]
		if tk.End-tk.Start != 4 {
			continue
		}
		y := atoiYear(c.lowText[tk.Start:tk.End])
		if y == 0 {
			continue
		}
		count[y]++
		if count[y] > bn || count[y] == bn && y > best {
			best, bn = y, count[y]
		}
	}
	return best
}

// futureTimes after a noun date it ahead.
func (c *coder) futureTimeAt(j int) bool {
	switch c.low(j) {
	case "tomorrow", "tomorrow's":
		return true
	case "next":
		return j+1 < c.n && !c.isPunct(j+1)
	case "later":
		return j+1 < c.n && (c.low(j+1) == "this" || c.low(j+1) == "in" || c.low(j+1) == "next")
	case "scheduled", "planned", "slated", "set":
		// "scheduled to start", "set for June" ("due to" is mostly a
		// cause: "due to crop problems")
		if j+1 >= c.n {
			return false
		}
		if c.low(j+1) == "to" {
			return c.infinitive(j + 2)
		}
		return c.low(j+1) == "for"
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
		if w == "tomorrow's" || w == "tomorrow" {
			return true
		}
		if prospectGovernors[w] {
			if w == "called" || w == "urged" || w == "invited" {
				// "called for talks", "invited to the summit", but not
				// "the so-called talks"
				if j > 0 && c.low(j-1) == "so" {
					continue
				}
			}
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
	for j := m.end; j < c.n && j < m.end+6; j++ {
		if c.hardPunct(j) {
			break
		}
		if c.futureTimeAt(j) {
			return true
		}
	}
	// a modal earlier in the clause: "something will be done at the
	// meeting", "they would discuss it during the visit"
	for j := m.start - 1; j >= 0 && j >= m.start-8; j-- {
		if c.hardPunct(j) {
			break
		}
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

// fiction reports a violent trigger in copy that describes a game, film
// or book: the reader is addressed ("you come under attack", "casts you as
// soldiers fighting") next to a word of such a work in the sentence or the
// one before. News narrates violence in the third person; a second person
// outside quotes is a review's voice.
func (c *coder) fiction(m match) bool {
	switch m.p.code.Root {
	case "18", "19", "20", "17":
	default:
		return false
	}
	you := false
	for j := 0; j < c.n; j++ {
		if w := c.low(j); (w == "you" || w == "your") && !c.quoted(c.d.Tokens[c.first+j].Start) {
			you = true
			break
		}
	}
	if !you {
		return false
	}
	return c.hasAny(mediaWorkCues, -1, -1) || c.prevSentenceHas(mediaWorkCues)
}
