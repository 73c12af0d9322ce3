package events

// Word senses. The per-family word tests that were here (strike, attack,
// demand, rally, invest, sign, ...) are gone: on the development golds
// they changed nothing (gold.jsonl and the all-layer gold identical, one
// more false event on the BBC half) and the synthetic PLOVER type gained
// without them. What stays is the background reading of a trigger:
// history, prospect, sourcing formula and fiction (background.go).

// sense decides whether match m's trigger is used in its event sense: it
// returns the pattern to code the match with and false when the trigger
// is background, not the story's event.
func (c *coder) sense(m match) (*pattern, bool) {
	if c.contextMention(m) || c.fiction(m) {
		return nil, false // history, prospect, sourcing formula, fiction (background.go)
	}
	return m.p, true
}

// objectHead returns the head word of the phrase starting at token j (the
// last word before a preposition, conjunction, auxiliary, punctuation or a
// second determiner, within six tokens) and whether the phrase holds an actor mention that is not a
// possessive modifier ("Germany's fiscal policy" has head "policy" and no
// actor object).
func (c *coder) objectHead(j int) (string, bool) {
	head, mention := "", false
	for k := j; k < c.n && k < j+6; k++ {
		w := c.low(k)
		if w == "'s" || w == "’s" || w == "-" {
			mention = false
			continue
		}
		if c.hardPunct(k) || phraseStops[w] || head != "" && isDet(w) {
			break
		}
		if mi := c.mAt[k]; mi >= 0 {
			_, e := c.mentionRange(mi)
			if e < c.n && (c.low(e) == "'s" || c.low(e) == "’s") {
				mention = false
			} else {
				mention = true
			}
			head = w
			if e-1 > k && e-1 < j+6 {
				k = e - 1
				head = c.low(k)
			}
			continue
		}
		mention = false
		head = w
	}
	return head, mention
}

// hasAny reports a word of set in the sentence outside tokens [a, b).
func (c *coder) hasAny(set map[string]bool, a, b int) bool {
	for j := 0; j < c.n; j++ {
		if j >= a && j < b {
			continue
		}
		if set[c.low(j)] {
			return true
		}
	}
	return false
}

// prevSentenceHas reports a word of set in the sentence before the
// current one: "The tsunami hit ... . The worst-hit areas are ..., with
// 23,000 people killed."
func (c *coder) prevSentenceHas(set map[string]bool) bool {
	if c.si == 0 {
		return false
	}
	ps := c.d.Sentences[c.si-1]
	for t := ps.FirstToken; t < ps.EndToken; t++ {
		tk := c.d.Tokens[t]
		if set[c.lowText[tk.Start:tk.End]] {
			return true
		}
	}
	return false
}
