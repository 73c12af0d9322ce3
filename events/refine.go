package events

// Sentence refinements: coding conventions that depend on a match's
// neighbours in the sentence (see refine).

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/document"
)

// refine applies the coding conventions that depend on a match's
// neighbours in the sentence rather than on its own words:
//
//   - a killing whose attack is a noun in an adjunct ("gunmen killed six
//     farmers during a raid on their camp") is coded on the verb, which
//     names the attackers, with the attack's code;
//   - a killing is the outcome of the attack it follows, not a second
//     event: a killing (", killing N", "an air strike ... killed") in a
//     sentence that already has an attack, strike or fight trigger is
//     dropped;
//   - a killing on its own is coded by who does it: 186 (assassinate) for a
//     named person or an official, else 190 (193 when shot) for state
//     forces and 180 for armed groups and unknown attackers;
//   - an attack is coded by its weapon ("with missiles and drones" 195,
//     "artillery attack" 194) and, when armed forces storm or attack, as
//     conventional force (190; raids keep 180);
//   - seizing people is abducting them (181), aid a speaker says will
//     be given is a pledge of aid (033, [willingRecodes]), and talks or
//     visits that will be held with a named partner are an intent to meet
//     (036);
//   - violence a speaker warns will come ("warned that X would resume
//     the war") is a threat of force (138);
//   - missiles fired into the sea are a show of force (150), not an attack;
//   - an attitude ([attitudeCodes]: a welcome, a defence) or an expression
//     of concern with no actor as its object is no event;
//   - in a title-case headline with a verb, a nominal or gerund trigger
//     in a temporal adjunct ("Concedes After Meeting with ...") is
//     background;
//   - a demand made by protesters in the protest's sentence ("marched ...,
//     demanding X") is part of the protest, not a second event.
func (c *coder) refine(ms []match) []match {
	if len(ms) == 0 {
		return ms
	}
	ms = c.adjunctAttack(ms)
	violent, protest, verbal := false, false, false
	for _, m := range ms {
		verbal = verbal || m.p.verbal && !c.adjunct(m.start)
		// (an accusation of an attack, 1123: "accused X of shelling a
		// market, killing 17" reports one alleged act)
		violent = violent || isAttack(m.p.code) && !isKill(m.p) || m.p.code.Code == "1123"
		protest = protest || m.p.code.Root == "14"
	}
	out := ms[:0]
	for _, m := range ms {
		switch {
		case c.titleCase() && verbal && c.adjunct(m.start) && (!m.p.verbal || strings.HasSuffix(c.low(m.start), "ing")):
			continue // "Rebels Concede After Meeting with Minister": the verb is the news
		case (attitudeCodes[m.p.code.Code] || c.concern(m)) && len(c.withActors(c.object(m.start+1, m.end, m.p.code, m.p))) == 0:
			continue // "welcomed the deal", "voiced concern over the vote": an attitude with no actor
		case isKill(m.p):
			if violent || c.hazardLead(m.start) {
				continue // the outcome of the attack, or of a flood
			}
			m.p = recode(m.p, c.killCode(m))
		case isAttack(m.p.code) && c.warnedOf(m.start):
			m.p = recode(m.p, "138") // "warned that it would restart the offensive": a threat
		case m.p.code.Code == "180":
			if w := c.weaponCode(m); w != "" {
				m.p = recode(m.p, w)
			} else if !strings.HasPrefix(c.low(m.start), "rai") && c.stateForceAttack(m) {
				m.p = recode(m.p, "190")
			}
		case m.p.code.Code == "171" && c.seizesPeople(m):
			m.p = recode(m.p, "181")
		case willingRecodes[m.p.code.Root] != "" && c.willing(m.start):
			m.p = recode(m.p, willingRecodes[m.p.code.Root]) // "will give aid": a pledge
		case talkBases[m.p.code.Base()] && c.willing(m.start) && (m.target >= 0 && c.actor(m.target) != "" ||
			len(c.withActors(c.object(m.start+1, m.end, m.p.code, m.p))) > 0):
			m.p = recode(m.p, "036") // "will open talks with X": an intent to negotiate
		case m.p.code.Root == "19" && m.p.verbal && c.intoSea(m.start, m.end):
			m.p = recode(m.p, "150")
		case protest && m.p.code.Root == "10" && (c.participial(m.start) || strings.HasSuffix(c.low(m.start), "ing")):
			continue // rule 5: the protest's demand
		}
		out = append(out, m)
	}
	return out
}

// isAttack reports an attack, bombing, fight or mass killing whose outcome
// a killing in its sentence is; abduction and torture (181, 182) are acts
// of their own.
func isAttack(code cameo.Code) bool {
	return code.Root >= "18" && code.Root <= "20" && (code.Root != "18" || !strings.HasPrefix(code.Code, "181") && !strings.HasPrefix(code.Code, "182"))
}

// isKill reports a plain killing trigger ("killed", "shot dead", "gunned
// down", "the killing of"), as opposed to an assassination.
func isKill(p *pattern) bool {
	return p.code.Code == "186" && slices.ContainsFunc(p.items[0].alts, func(a alt) bool { return killWords[a.word] })
}

// recode returns a copy of p with another CAMEO code and the new code's
// own PLOVER type (the pattern's override is dropped); p itself when the
// code is unknown or the same.
func recode(p *pattern, code string) *pattern {
	c, ok := cameo.Lookup(code)
	if !ok || p.code.Code == code {
		return p
	}
	q := *p
	q.code = c
	q.plover, q.mode = "", ""
	return &q
}

// participial reports a trigger that opens a participial or appositive
// outcome clause: ", killing four", ", demanding reforms".
func (c *coder) participial(i int) bool {
	return i > 0 && c.tok(i-1) == "," && strings.HasSuffix(c.low(i), "ing")
}

// killCode returns the code of a killing that is the only violent act of
// its sentence.
func (c *coder) killCode(m match) string {
	if c.namedVictim(m.end) {
		return "186"
	}
	agents := c.agent(m.end)
	if !c.passive(m.start) {
		agents = c.subject(m.start)
	}
	if !c.stateForces(agents) {
		return "180"
	}
	if shootWords[c.low(m.start)] {
		return "193"
	}
	return "190"
}

// namedVictim reports a killing's object that is a named person or a single
// official ("killed the mayor", "shot dead opposition leader X").
func (c *coder) namedVictim(e int) bool {
	for j := e; j < c.n && j < e+5; j++ {
		if c.isPunct(j) {
			return false
		}
		if mi := c.mAt[j]; mi >= 0 && c.d.Mentions[mi].Type == document.Person || officials[c.low(j)] {
			return true
		}
		if c.d.Tokens[c.first+j].Kind == document.Number {
			return false // "killed 12 villagers"
		}
	}
	return false
}

// stateForceAttack reports an attack whose attacker is a state's armed forces
// or a state named bare: the subject of an active verb ("Russia attacked
// Ukrainian positions", "troops stormed the camp") or the possessor or
// modifier of a nominal one ("an Iranian attack on Iraqi positions",
// "Israel's offensive"). A bare country must be named by a capitalized
// word (a name or nationality), not a person ("a Syrian man's attack").
// Irregular groups (REB, INS, ...) are no state forces.
func (c *coder) stateForceAttack(m match) bool {
	var ms []int
	switch {
	case m.p.verbal && !c.passive(m.start) && !c.nounSubject(m):
		ms = c.subject(m.start)
	case !m.p.verbal:
		ms = c.possessor(m.start)
		if lv := c.verbBefore(m.start, 4, lightVerbs, false); ms == nil && lv >= 0 {
			ms = c.subject(lv) // "troops launched an offensive on ..."
		}
	}
	return slices.ContainsFunc(ms, func(mi int) bool {
		a := c.actor(mi)
		if len(a) >= 6 && CountryOf(a) != "" && a[3:6] == "MIL" {
			return true // armed forces
		}
		if len(a) != 3 || CountryOf(a) == "" {
			return false
		}
		_, me := c.mentionRange(mi)
		t := c.tok(me - 1)
		return t != "" && t[0] >= 'A' && t[0] <= 'Z'
	})
}

// stateForces reports whether the agents include a state actor: a
// government, its military or police, or a bare country.
func (c *coder) stateForces(ms []int) bool {
	return slices.ContainsFunc(ms, func(mi int) bool {
		a := c.actor(mi)
		return len(a) >= 3 && CountryOf(a) != "" && (len(a) == 3 || hasAnyPrefix(a[3:], stateForceRoles))
	})
}

// weaponCode returns the code an attack's weapon gives it: a weapon
// modifier right before the trigger ("drone attack", "missile and drone
// attacks") or a "with" phrase in its clause ("attacked a ship with
// missiles"); "" when none is named.
func (c *coder) weaponCode(m match) string {
	for j := m.start - 1; j >= 0 && j >= m.start-3; j-- {
		w := c.low(j)
		if code, ok := weapons[w]; ok && w != "guns" && w != "tanks" {
			return code
		}
		if w != "and" && w != "," && w != "-" {
			break
		}
	}
	for j := m.end; j < c.n && j < m.end+10; j++ {
		if c.hardPunct(j) || clauseBreaks[c.low(j)] {
			return ""
		}
		if c.low(j) != "with" {
			continue
		}
		for k := j + 1; k < c.n && k <= j+4; k++ {
			if code, ok := weapons[c.low(k)]; ok {
				return code
			}
			if c.isPunct(k) {
				break
			}
		}
		return ""
	}
	return ""
}

// intoSea reports missiles fired "into the sea" or "off the coast" within
// the trigger or the six words after it: a test or show of force.
func (c *coder) intoSea(a, e int) bool {
	for j := a; j < c.n && j < e+6; j++ {
		switch c.low(j) {
		case ",", ";", ".":
			return false
		case "into", "off":
			for k := j + 1; k < c.n && k <= j+3; k++ {
				if seaWords[c.low(k)] {
					return true
				}
			}
		}
	}
	return false
}

// seizesPeople reports a seizure whose object (or, in the passive, whose
// subject) is people: "seized 20 passengers", "the workers were seized".
func (c *coder) seizesPeople(m match) bool {
	if c.passive(m.start) {
		for j := m.start - 1; j >= 0 && j >= m.start-6 && (!c.hardPunct(j) || c.tok(j) == ","); j-- {
			if people[c.low(j)] {
				return true
			}
		}
		return false
	}
	for j := m.end; j < c.n && j < m.end+5 && !c.hardPunct(j); j++ {
		if people[c.low(j)] {
			return true
		}
	}
	return false
}

// willing reports "will" or "would" right before a trigger (adverbs
// between allowed): aid announced for the future is a pledge of aid.
func (c *coder) willing(i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch w := c.low(j); {
		case w == "will" || w == "would" || w == "'ll":
			return true
		case strings.HasSuffix(w, "ly") || w == "also" || w == "soon":
			continue
		default:
			return false
		}
	}
	return false
}

// adjunct reports a trigger opening a temporal or causal adjunct: "after
// talks", "following a meeting", "amid protests", "ahead of the summit".
func (c *coder) adjunct(i int) bool {
	j := i - 1
	if j >= 0 && isDet(c.tok(j)) {
		j--
	}
	if j < 0 {
		return false
	}
	if c.low(j) == "of" {
		return j > 0 && c.low(j-1) == "ahead"
	}
	return adjunctOpeners[c.low(j)]
}

// hazardLead reports a clause whose first noun before trigger i is a
// natural hazard ("Floods in the northern province have driven 3,000
// from their villages and killed six"): nature is the subject.
func (c *coder) hazardLead(i int) bool {
	start := 0
	for j := i - 1; j >= 0; j-- {
		if w := c.low(j); w == ";" || clauseBreaks[w] && w != "that" || speechCues[w] || subordinators[w] {
			start = j + 1
			break
		}
	}
	for j := start; j < i; j++ {
		if hazards[c.low(j)] {
			return true
		}
		if mi := c.mAt[j]; mi >= 0 && c.actor(mi) != "" {
			return false
		}
	}
	return false
}

// concern reports an expression of concern or alarm (CAMEO 111 by the
// lexicon): an attitude, coded only toward an actor.
func (c *coder) concern(m match) bool {
	for j := m.start; j < m.end && m.p.code.Code == "111"; j++ {
		if w := c.low(j); w == "concern" || w == "alarm" {
			return true
		}
	}
	return false
}

// adjunctAttack merges a verbal killing with a later nominal attack in an
// "in|during (a|an|the) attack" adjunct: the killing's verb carries the
// attackers and victims, the noun the kind of violence.
func (c *coder) adjunctAttack(ms []match) []match {
	kill := -1
	for i, m := range ms {
		if isKill(m.p) && m.p.verbal && !c.passive(m.start) {
			kill = i
			continue
		}
		if kill < 0 || m.p.verbal || !isAttack(m.p.code) {
			continue
		}
		j := m.start - 1
		if j >= 0 && isDet(c.tok(j)) {
			j--
		}
		if j < 0 || (c.low(j) != "in" && c.low(j) != "during") || c.clauseBreak(ms[kill].end, m.start) {
			continue
		}
		k := ms[kill]
		code := m.p.code.Code
		if w := c.weaponCode(m); w != "" {
			code = w
		} else if code == "180" && c.stateForces(c.subject(k.start)) {
			code = "190"
		}
		q := *k.p // the killing's words with the attack's code (and PLOVER override)
		q.code, q.plover, q.mode = m.p.code, m.p.plover, m.p.mode
		k.p = recode(&q, code)
		return slices.Concat(ms[:kill], []match{k}, ms[kill+1:i], ms[i+1:])
	}
	return ms
}

// warnedOf reports a trigger inside the "that" complement of a warning or
// threat earlier in its sentence, with a modal between: "warned that the
// army would storm the town".
func (c *coder) warnedOf(i int) bool {
	modal := false
	for j := i - 1; j >= 0 && j >= i-15; j-- {
		w := c.low(j)
		if w == ";" || w == ":" {
			return false
		}
		if warnVerbs[w] {
			return modal
		}
		modal = modal || warnModals[w]
	}
	return false
}
