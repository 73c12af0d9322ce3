package events

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// Word-sense decisions on triggers.
//
// Many lexicon triggers are ambiguous in news copy: "strike" is a labour
// stoppage or a military attack, "pounds" a currency or shelling, "demand"
// a market quantity or a political demand, "attacked" an assault or a
// speech. sense looks at the trigger's context with small, explicit tests
// and keeps a match only in its event sense, sometimes moving it to the
// code of the sense the context shows. The tests are, per trigger family:
//
//   - strike: labour cues (workers, unions, ports, "ended", "general")
//     without military cues make it a strike (143); military cues (air,
//     missile, troops, installations ...) without labour cues make a
//     labour-coded strike an attack (195); a noun "strike" with neither
//     kind of cue and no physical target is dropped. "struck a deal" and
//     "the earthquake struck" are no event.
//   - attack, storm, fight, pound: violence needs a violent
//     context: a weapon, armed actor, combat or casualty word elsewhere in
//     the sentence, or a physical object (a place mention or a noun such as
//     "positions", "embassy", "convoy"). Without it the verb "attack" is
//     verbal criticism (111: "attacked the president's record"; an
//     abstract object makes it so even near war words) and the
//     rest is no event ("legal fight", "media storm", "three mln pounds").
//     Fighting a social problem or a legal matter ("fighting poverty",
//     "fought off a takeover bid") is never armed.
//     A headline is too short to show context: there only an abstract
//     object ("Deutsche attacks Yukos case") makes "attack" figurative.
//   - kill: a natural disaster or accident in the sentence or the one
//     before it, without armed cues in the sentence ("the tsunami, with
//     23,000 people killed"), or an abstract object ("killed the bill"), is
//     no event.
//   - raid, assault: next to market words ("assaults on the dollar").
//   - shoot: a media object ("shooting video") or "shot up/to the top";
//     bomb: "a ticking bomb", "a time bomb".
//   - demand: the bare noun with an economic modifier or market context
//     ("rising demand", "Japanese demand for futures") is market demand.
//   - rally: next to market words ("shares rallied") it is a price move.
//   - invest: not an event with a financial asset as its object ("investing
//     in Treasury securities", "investing funds"); loans: "bad/commercial/
//     mortgage loans" are business, not aid; raid: "a dawn raid" on shares.
//   - sign: "sign up/off", "sign language"; phone: the noun ("mobile phone
//     market", "phone users") needs a person object to be a call; thank:
//     "thanks to" is a cause.
//   - sentence: "a suspended sentence" detains no one; arrest: "house
//     arrest" is an event only after "placed/put under".
//   - recognise: diplomatic recognition takes an actor or a status noun
//     (independence, sovereignty, government): "recognised that", "an
//     internationally recognised part", "recognise the pressures" are not.
//   - welcome: the adjective ("proposals are welcome") is none, and the verb
//     needs an actor in its object (policy rule 4: "welcomed the decision"
//     is an attitude with no codable target).
//   - meet: "meet targets/deadlines/costs" (also "a target he has met") is
//     no meeting; demonstrate: transitive "demonstrated that/the/its" shows,
//     it does not protest; sanction:
//     "sanctioning military action" authorizes, it does not punish.
//   - concede: "conceded." at a clause end or "conceded that/there ..."
//     admits, it does not yield; threaten: "threatens competition" (an
//     endangered thing as object) is no threat; concern: "voiced concern"
//     needs an actor in its phrase to be criticism.

type senseFamily uint8

const (
	fNone senseFamily = iota
	fStrike
	fAttack
	fRaid
	fStorm
	fFight
	fPound
	fKill
	fShoot
	fDemand
	fRally
	fInvest
	fLoan
	fSign
	fPhone
	fThank
	fSentence
	fArrest
	fRecognise
	fWelcome
	fMeet
	fSanction
	fDemonstrate
	fBomb
	fConcede
	fThreaten
	fConcern
)

// familyOf returns the sense family of a lowercase token.
func familyOf(w string) senseFamily {
	switch {
	case strings.HasPrefix(w, "strik") || strings.HasPrefix(w, "struck"):
		return fStrike
	case strings.HasPrefix(w, "attack"):
		return fAttack
	case strings.HasPrefix(w, "raid") || strings.HasPrefix(w, "assault"):
		return fRaid
	case strings.HasPrefix(w, "storm"):
		return fStorm
	case strings.HasPrefix(w, "fight") || w == "fought":
		return fFight
	case strings.HasPrefix(w, "pound"):
		return fPound
	case w == "bomb" || w == "bombs":
		return fBomb
	case strings.HasPrefix(w, "kill"):
		return fKill
	case strings.HasPrefix(w, "shoot") || w == "shot" || w == "shots":
		return fShoot
	case w == "demand" || w == "demands" || w == "demanding":
		return fDemand
	case strings.HasPrefix(w, "rall"):
		return fRally
	case strings.HasPrefix(w, "investigat"):
		return fNone
	case strings.HasPrefix(w, "invest"):
		return fInvest
	case w == "loan" || w == "loans":
		return fLoan
	case w == "sign" || w == "signs" || w == "signed" || w == "signing":
		return fSign
	case w == "phone" || w == "phones":
		return fPhone
	case strings.HasPrefix(w, "thank"):
		return fThank
	case w == "sentence" || w == "sentences":
		return fSentence
	case w == "arrest":
		return fArrest
	case strings.HasPrefix(w, "recogni"):
		return fRecognise
	case strings.HasPrefix(w, "welcom"):
		return fWelcome
	case w == "meet" || w == "meets" || w == "met" || w == "meeting":
		return fMeet
	case strings.HasPrefix(w, "sanction"):
		return fSanction
	case strings.HasPrefix(w, "conced"):
		return fConcede
	case strings.HasPrefix(w, "threaten"):
		return fThreaten
	case w == "concern" || w == "concerns" || w == "alarm":
		return fConcern
	case strings.HasPrefix(w, "demonstrat") && !strings.HasPrefix(w, "demonstrato") && !strings.HasPrefix(w, "demonstrati"):
		return fDemonstrate
	}
	return fNone
}

// armedRoles are actor role codes of armed or coercive bodies.
var armedRoles = []string{"MIL", "REB", "INS", "COP", "UAF", "SPY"}

// sense decides whether match m's trigger is used in its event sense. It
// returns the pattern to code the match with (m.p, or a copy carrying
// another code when the context shows another event sense) and false when
// the trigger has no event sense here. See the file comment for the tests.
func (c *coder) sense(m match) (*pattern, bool) {
	p := m.p
	if c.contextMention(m) || c.fiction(m) {
		return nil, false // history, prospect, sourcing formula, fiction (background.go)
	}
	ti, fam := -1, fNone
	for i := m.start; i < m.end && fam == fNone; i++ {
		if !c.isPunct(i) {
			if f := familyOf(c.low(i)); f != fNone {
				ti, fam = i, f
			}
		}
	}
	if fam == fNone {
		return p, true
	}
	w := c.low(ti)
	root := p.code.Root
	violent := func() bool { return c.armed(m.start, m.end) || c.hasAny(casualtyCues, m.start, m.end) }
	switch fam {
	case fStrike:
		labour, military := c.strikeCues(ti)
		switch {
		case root == "19" || root == "13":
			if p.verbal && ti == m.start {
				// "struck a deal", "a deal being struck", "the quake struck"
				if h, _ := c.objectHead(m.end); strikeIdiomObjects[h] {
					return nil, false
				}
				for j := ti - 1; j >= 0 && j >= ti-4; j-- {
					if strikeIdiomObjects[c.low(j)] && (c.passive(ti) || w == "struck") {
						return nil, false // "the pact they struck in Paris"
					}
				}
				if c.hasAny(disasterCues, m.start, m.end) && !c.armed(m.start, m.end) {
					return nil, false
				}
			}
			if labour && !military && root == "19" {
				return recode(p, "143"), true
			}
			if root == "19" && !military && w != "struck" && !c.strikeTarget(m.end) && !c.armed(m.start, m.end) {
				// a bare noun "strike" with no military sign and no target
				return nil, false
			}
		case root == "14" && p.code.Code != "142":
			if military && !labour {
				return recode(p, "195"), true
			}
		}
	case fAttack, fStorm, fFight, fPound:
		if root != "18" && root != "19" {
			return p, true
		}
		if fam == fStorm && ti > 0 && weatherModifiers[c.low(ti-1)] {
			return nil, false // "severe sand storms": weather
		}
		if fam == fFight && c.fightsAProblem(m.end) {
			return nil, false // "fighting poverty", "the fight against corruption"
		}
		if oh, mention := c.objectHead(m.end); fam == fAttack && p.verbal && ti == m.start && !mention && abstractObjects[oh] && c.attackVerb(ti) {
			// an abstract object cannot be hit: "attacked the way the war was sold"
			return recode(p, "111"), true
		}
		if violent() || (fam == fAttack || fam == fStorm) && (c.physicalObject(m.end, fam == fAttack && !p.verbal) || c.physicalPatient(ti)) {
			return p, true
		}
		h, _ := c.objectHead(m.end)
		if c.headline && !abstractObjects[h] {
			// a headline is too short to show its context
			return p, true
		}
		if fam == fAttack && c.stateAttacker(ti, p.verbal) && !abstractObjects[h] {
			// "the Iranian attack", "Iraq attacked the terminal": a state's
			// attack is military unless its object is a policy or plan
			return p, true
		}
		if fam == fAttack && p.verbal && ti == m.start && c.attackVerb(ti) {
			// "attacked the president's economic record": words, not force
			return recode(p, "111"), true
		}
		return nil, false
	case fRaid:
		if (root == "18" || root == "19") && c.near(financeCues, ti, 6) {
			return nil, false // "a dawn raid on the shares", "assaults on the dollar"
		}
	case fKill:
		if root != "18" && root != "19" {
			return p, true
		}
		if (c.hasAny(disasterCues, m.start, m.end) || c.prevSentenceHas(disasterCues)) && !c.armed(m.start, m.end) {
			return nil, false
		}
		if h, mention := c.objectHead(m.end); !mention && abstractObjects[h] {
			return nil, false
		}
	case fShoot:
		if root != "19" && root != "18" {
			return p, true
		}
		for j := m.end; j < c.n && j < m.end+3; j++ {
			if mediaObjects[c.low(j)] {
				return nil, false // "shooting video down the line"
			}
		}
		if m.end < c.n {
			switch c.low(m.end) {
			case "up":
				return nil, false
			case "to", "straight", "into":
				if !(m.end+1 < c.n && c.low(m.end+1) == "death") && !violent() {
					return nil, false // "shot to the top of the charts"
				}
			}
		}
	case fDemand:
		if root != "10" || ti != m.start || m.end != ti+1 {
			return p, true
		}
		if w == "demanding" {
			// "Japan's technologically demanding users": an adjective
			j := ti - 1
			if j > 0 && strings.HasSuffix(c.low(j), "ly") {
				j--
			}
			if j >= 0 && (isDet(c.low(j)) || c.low(j) == "'s" || c.low(j) == "’s" || c.low(j) == "more" || c.low(j) == "most") {
				return nil, false
			}
			return p, true
		}
		if c.marketDemand(ti) {
			return nil, false
		}
	case fRally:
		if root != "14" {
			return p, true
		}
		if c.near(financeCues, ti, 6) {
			return nil, false
		}
	case fInvest:
		if p.code.Code != "061" || ti != m.start {
			return p, true
		}
		if c.investsInAsset(m.end) {
			return nil, false
		}
	case fLoan:
		if root == "07" && ti > 0 && loanModifiers[c.low(ti-1)] {
			return nil, false
		}
	case fSign:
		if root != "05" || ti != m.start || m.end != ti+1 {
			return p, true
		}
		if w == "sign" || w == "signs" {
			if ti > 0 && signNounModifiers[c.low(ti-1)] {
				return nil, false // "little sign that", "the first signs of"
			}
			if ti+1 < c.n && (c.low(ti+1) == "of" || c.low(ti+1) == "that") {
				return nil, false
			}
		}
		if ti+1 < c.n {
			switch c.low(ti + 1) {
			case "up", "off", "language", "autographs", "autograph", "in":
				return nil, false
			}
		}
	case fPhone:
		if p.code.Code != "041" || m.end != ti+1 || ti != m.start {
			return p, true
		}
		if ti > 0 && c.mAt[ti-1] >= 0 && c.mAt[ti] < 0 && c.d.Mentions[c.mAt[ti-1]].Type != document.Person {
			return nil, false // "the Irish mobile phone market"
		}
		if ti+1 >= c.n || !(c.mAt[ti+1] >= 0 || objectPronoun(c.low(ti+1))) {
			return nil, false // "phone call", "phone users", "camera phone"
		}
	case fThank:
		if root != "05" {
			return p, true
		}
	thanks:
		for j := ti + 1; j < c.n && j <= ti+3; j++ {
			if c.low(j) == "to" {
				return nil, false // "thanks to subsidies": a cause
			}
			switch c.low(j) {
			case "in", "large", "part", "largely", "partly", "mainly", "partially", "mostly", "chiefly", "primarily", "not", "only", "in-part":
				continue
			}
			break thanks
		}
	case fSentence:
		if ti > 0 {
			switch c.low(ti - 1) {
			case "suspended", "deferred", "conditional", "non-custodial", "community":
				return nil, false
			}
		}
	case fArrest:
		if ti > 0 && c.low(ti-1) == "house" {
			for j := ti - 2; j >= 0 && j >= ti-7 && !c.hardPunct(j); j-- {
				switch c.low(j) {
				case "placed", "put", "puts", "placing", "places", "place":
					return p, true
				}
			}
			return nil, false // "keep suspects under house arrest", "face house arrest"
		}
	case fRecognise:
		if root != "05" {
			return p, true
		}
		if ti+1 < c.n && c.low(ti+1) == "that" {
			return nil, false
		}
		if ti > 1 && strings.HasSuffix(c.low(ti-1), "ly") && strings.HasSuffix(w, "ed") && isDet(c.low(ti-2)) {
			return nil, false // "the internationally recognised part"
		}
		if c.passive(ti) {
			return p, true // the recognized party is the subject
		}
		if h, mention := c.objectHead(m.end); !mention && !recognitionNouns[h] {
			return nil, false // "recognise the funding pressures"
		}
	case fWelcome:
		if p.code.Code != "013" {
			return p, true
		}
		if c.passive(ti) {
			return p, true
		}
		if ti > 0 {
			switch c.low(ti - 1) {
			case "is", "are", "was", "were", "be", "been", "being", "very", "most", "more", "not", "a", "also":
				return nil, false // "the proposals are welcome"
			}
		}
		if !c.actorInPhrase(m.end, 8) {
			return nil, false // "welcomed the decision": an attitude without a target
		}
	case fMeet:
		if root != "04" || ti != m.start {
			return p, true
		}
		if h, _ := c.objectHead(m.end); goalObjects[h] {
			return nil, false // "meeting the Lisbon targets"
		}
		if h, _ := c.objectHead(m.end); h == "" {
			for j := ti - 1; j >= 0 && j >= ti-8; j-- {
				if goalObjects[c.low(j)] {
					return nil, false // "a target he says he has now met"
				}
			}
		}
	case fBomb:
		if ti > 0 && (c.low(ti-1) == "ticking" || c.low(ti-1) == "time") {
			return nil, false // "the ticking bomb of council tax": a metaphor
		}
	case fConcede:
		if root != "08" || m.end != ti+1 {
			return p, true
		}
		if ti+1 >= c.n || c.hardPunct(ti+1) {
			return nil, false // "..., Bloch conceded.": a verb of saying
		}
		switch c.low(ti + 1) {
		case "that", "there", "he", "she", "they", "we", "i", "this", "some", "privately", "publicly":
			return nil, false // "conceded there were grey areas": admitting, not yielding
		}
	case fThreaten:
		if p.code.Code != "130" || !p.verbal || ti != m.start || c.passive(ti) {
			return p, true
		}
		if h, mention := c.objectHead(m.end); !mention && endangered[h] {
			return nil, false // "the merger threatens competition": endangering, not threatening
		}
	case fConcern:
		if root != "11" {
			return p, true
		}
		if !c.actorInPhrase(m.end, 8) {
			return nil, false // "voiced concern about the euro": an attitude without a target
		}
	case fDemonstrate:
		if root != "14" || m.end != ti+1 || ti+1 >= c.n {
			return p, true
		}
		switch c.low(ti + 1) {
		case "that", "one", "it", "them", "new", "how", "its", "their", "his", "her", "the", "a", "an", "this", "what", "why", "whether":
			// "the shocks have demonstrated that ...": showing, not protesting
			return nil, false
		}
	case fSanction:
		if p.code.Code != "163" || !p.verbal {
			return p, true
		}
		if h, _ := c.objectHead(m.end); authorizedActs[h] {
			return nil, false // "a resolution sanctioning military action"
		}
	}
	return p, true
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

// near reports a word of set within k tokens of i, on either side.
func (c *coder) near(set map[string]bool, i, k int) bool {
	for j := i - k; j <= i+k; j++ {
		if j >= 0 && j < c.n && j != i && set[c.low(j)] {
			return true
		}
	}
	return false
}

// armed reports an armed cue word or an armed actor mention in the sentence
// outside tokens [a, b). "war" and "battle" after a metaphor modifier
// ("price war", "legal battle") do not count.
func (c *coder) armed(a, b int) bool {
	for j := 0; j < c.n; j++ {
		if j >= a && j < b {
			continue
		}
		w := c.low(j)
		if w == "force" && j > 0 && c.low(j-1) == "air" {
			return true // "the Air Force"
		}
		if armedCues[w] {
			if (strings.HasPrefix(w, "war") || strings.HasPrefix(w, "battle")) && j > 0 && warMetaphors[c.low(j-1)] {
				continue
			}
			return true
		}
		if mi := c.mAt[j]; mi >= 0 {
			code := c.actor(mi)
			for _, r := range armedRoles {
				if strings.Contains(code, r) {
					return true
				}
			}
		}
	}
	return false
}

// strikeCues reports labour and military cues around a "strike" at i: in
// the five words before it and the whole sentence after a modifier check.
func (c *coder) strikeCues(i int) (labour, military bool) {
	for j := 0; j < c.n; j++ {
		if j == i {
			continue
		}
		w := c.low(j)
		if labourCues[w] {
			labour = true
		}
		if militaryStrikeCues[w] {
			military = true
		}
	}
	// "on strike", "strike action", "strike by workers"
	if i > 0 && c.low(i-1) == "on" {
		labour = true
	}
	if i+1 < c.n {
		switch c.low(i + 1) {
		case "action", "ballot", "pay", "fund":
			labour = true
		}
	}
	return labour, military
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

// physicalObject reports a physical object after an assault trigger ending
// at e: a place or facility mention, or a physical noun, in the next six
// tokens before a clause break. With people set (the noun "attack on"),
// a person or a national or religious group counts too: "the attack on
// Ibrahim", while the verb "attacked Bush" is more often words.
func (c *coder) physicalObject(e int, people bool) bool {
	for k := e; k < c.n && k < e+6; k++ {
		w := c.low(k)
		if c.hardPunct(k) {
			return false
		}
		if physicalNouns[w] {
			return true
		}
		if mi := c.mAt[k]; mi >= 0 && !c.demonym(k) {
			t := c.d.Mentions[mi].Type
			_, me := c.mentionRange(mi)
			possessive := me < c.n && (c.low(me) == "'s" || c.low(me) == "’s")
			if possessive {
				k = me // "Iran's Sirri Island": the possessed noun decides
				continue
			}
			if (t == document.GPE || t == document.Loc || t == document.FAC || people && (t == document.Person || t == document.NORP)) && !possessive {
				return true
			}
		}
	}
	return false
}

// fightsAProblem reports a social problem, a legal matter or a campaign as
// the object of a "fight" trigger ending at e, directly or after "against"
// or "off" ("fighting poverty", "fight against corruption", "fought off a
// takeover bid").
func (c *coder) fightsAProblem(e int) bool {
	k := e
	if k < c.n {
		switch c.low(k) {
		case "against", "off", "back":
			k++
		}
	}
	for j := k; j < c.n && j < k+4; j++ {
		if c.hardPunct(j) || phraseStops[c.low(j)] {
			break
		}
		if socialProblems[c.low(j)] {
			return true
		}
	}
	return false
}

// strikeTarget reports a physical target after a noun "strike" ending at
// e, introduced by "on", "against" or "at" ("a strike on Raqqa"); a
// locative "in" names where a labour strike happens ("strike in Wales").
func (c *coder) strikeTarget(e int) bool {
	if e >= c.n {
		return false
	}
	switch c.low(e) {
	case "on", "against", "at":
		return c.physicalObject(e+1, false)
	}
	return false
}

// physicalPatient reports a passive or reduced-relative participle at i
// whose patient, in the five words before it, is a physical noun: "the
// terminal, attacked 135 times", "the convoy was attacked".
func (c *coder) physicalPatient(i int) bool {
	if !(c.passive(i) || i > 0 && c.low(i-1) == ",") {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-5; j-- {
		if physicalNouns[c.low(j)] {
			return true
		}
	}
	return false
}

// marketDemand reports "demand" at i used as market demand: after an
// economic modifier or a number, before a market verb, in "supply and
// demand", or in economic copy without a political complement
// ("demand that", "demand for X to").
func (c *coder) marketDemand(i int) bool {
	if i > 1 && c.demonym(i-1) && demandModifiers[c.low(i-2)] {
		return true // "strong Chinese demand"
	}
	if i > 0 {
		pw := c.low(i - 1)
		if demandModifiers[pw] || c.d.Tokens[c.first+i-1].Kind == document.Number || pw == "%" {
			return true
		}
		if c.demonym(i - 1) {
			// "Japanese demand", "Canadian demand": a nationality adjective
			if c.hasAny(economicCues, i, i+1) {
				return true
			}
		}
	}
	if i+1 < c.n {
		switch c.low(i + 1) {
		case "that", "to":
			return false
		case "rose", "fell", "grew", "slowed", "weakened", "picked", "outstripped", "exceeded", "remains", "remained",
			"is", "was", "has", "had", "increased", "declined", "dropped", "eased", "surged", "recovered",
			"could", "would", "will", "may", "might", "should", "growth", "outlook", "surges", "rises", "falls",
			"slows", "jumps", "grows", "soars", "slumps", "dips", "climbs", "weakens", "strengthens":
			return true
		}
	}
	if i+1 < c.n && c.low(i+1) == "for" {
		// "a demand for Spain to accept" is political
		for j := i + 2; j < c.n && j <= i+4; j++ {
			if c.low(j) == "to" {
				return false
			}
		}
	}
	return c.hasAny(economicCues, i, i+1) && c.mAt[i] < 0 && !c.subjectActorBefore(i)
}

// demonym reports a nationality adjective at token j: a NORP mention, or a
// country-coded mention word shaped like a demonym ("Chinese", "Canadian",
// "Turkish", "French"); country names rarely end so.
func (c *coder) demonym(j int) bool {
	mi := c.mAt[j]
	if mi < 0 {
		return false
	}
	switch c.d.Mentions[mi].Type {
	case document.NORP:
		return true
	case document.Person, document.Loc, document.FAC:
		return false
	}
	w := c.low(j)
	for _, suf := range []string{"ese", "ian", "ish", "ean", "ican", "ch"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// subjectActorBefore reports an actor mention right before a finite
// "demands" at i ("China demands apology"); a bare "demand" after a
// singular name is a noun ("US demand for heating oil").
func (c *coder) subjectActorBefore(i int) bool {
	if i == 0 {
		return false
	}
	mi := c.mAt[i-1]
	return mi >= 0 && c.actor(mi) != "" && !c.demonym(i-1) && c.low(i) == "demands"
}

// investsInAsset reports a financial asset as the object of an "invest"
// trigger ending at e, directly or after "in" ("investing funds for
// clients", "investing in Treasury securities"): portfolio investment,
// not economic cooperation.
func (c *coder) investsInAsset(e int) bool {
	if h, _ := c.objectHead(e); investObjects[h] {
		return true
	}
	for k := e; k < c.n && k < e+6; k++ {
		if c.hardPunct(k) {
			return false
		}
		if c.low(k) == "in" {
			h, _ := c.objectHead(k + 1)
			return investObjects[h]
		}
	}
	return false
}

// actorInPhrase reports an actor-coded mention within k tokens after e,
// before a hard punctuation mark.
func (c *coder) actorInPhrase(e, k int) bool {
	for j := e; j < c.n && j < e+k; j++ {
		if c.hardPunct(j) {
			return false
		}
		if mi := c.mAt[j]; mi >= 0 && c.actor(mi) != "" {
			return true
		}
	}
	return false
}

// stateAttacker reports a country or nationality as the attacker of an
// "attack" at i: the mention right before the noun ("the Iranian attack",
// "Friday's Iran attack", "U.S. attacks on shipping"), or for the verb the
// nearest mention before it in the clause ("Iraq said it attacked ...").
func (c *coder) stateAttacker(i int, verbal bool) bool {
	state := func(mi int) bool {
		t := c.d.Mentions[mi].Type
		return t == document.GPE || t == document.NORP || len(c.actor(mi)) == 3
	}
	if i > 0 && c.mAt[i-1] >= 0 && state(c.mAt[i-1]) {
		return true
	}
	if !verbal {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if c.hardPunct(j) {
			return false
		}
		if mi := c.mAt[j]; mi >= 0 {
			return state(mi)
		}
	}
	return false
}

// attackVerb reports an "attack" token at i that is surely a finite or
// participle verb with an object: "attacked", "attacking", or "attack(s)"
// right after an actor mention ("Deutsche attacks Yukos case"), not a
// noun after a verb or a date ("tolerate attacks", "11 September attacks").
func (c *coder) attackVerb(i int) bool {
	if c.passive(i) {
		return false
	}
	switch c.low(i) {
	case "attacked", "attacking":
		return true
	}
	return i > 0 && c.mAt[i-1] >= 0 && c.actor(c.mAt[i-1]) != "" && i+1 < c.n && !c.isPunct(i+1)
}

func objectPronoun(w string) bool {
	switch w {
	case "him", "her", "them", "me", "us", "you":
		return true
	}
	return false
}
