package entities

// Coreference: grouping mentions into entities by name, role class,
// pronoun and gender.

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
)

// ent is an entity under construction.
type ent struct {
	typ      document.EntityType
	name     string // most complete proper name so far
	nameToks int
	keys     []string // folded name forms
	surname  string   // folded last token of a person's name
	gender   string
	plural   bool
	classes  []string
	diplomat bool
	ctry     string
	org      string // canonical dictionary name
	ms       []int  // mention indices
	lastSent int
	latest   int    // the latest mention (-1 when none)
	actor    string // actorOf the entity, kept as mentions join
	// indexed holds the surname, org, ctry and name last indexed by
	// corefIndex.note (bySurname to byAcr).
	indexed [4]string
}

func (e *ent) hasClass(c string) bool { return slices.Contains(e.classes, c) }
func (e *ent) hasKey(k string) bool   { return slices.Contains(e.keys, k) }

// take gives e the role class, diplomat status and (when it has none) the
// country of its new mention m, unless m is a pronoun.
func (e *ent) take(m *ment) {
	if m.kind == document.Pronoun {
		return
	}
	if m.class != "" && !e.hasClass(m.class) {
		e.classes = append(e.classes, m.class)
	}
	e.diplomat = e.diplomat || m.diplomat
	if e.ctry == "" {
		e.ctry = m.ctry
	}
}

// corefer clusters the mentions (in text order) with a deterministic sieve:
// exact name, surname/acronym/dictionary identity, country identity,
// role compatibility for descriptions, then pronouns by salience with
// gender and number agreement.
func (a *annotator) corefer() {
	a.ents, a.cix, a.allEnts, a.stamp = nil, nil, nil, nil
	if len(a.ms) >= indexFrom {
		a.cix = indexPool.Get().(*corefIndex)
		defer func() { a.cix = a.cix.release() }()
	}
	// attach joins mention mi to entity ei, or to a new entity when ei < 0.
	attach := func(mi, ei int) {
		m := &a.ms[mi]
		if ei < 0 {
			e := &ent{typ: m.typ, plural: m.plural}
			if m.kind != document.Name {
				from := m.a
				if m.from < m.a && m.from >= 0 {
					from = m.from
				}
				e.name = cmp.Or(m.label, a.text(from, m.b))
			} else if m.typ == document.Person && m.b-m.a == 1 {
				e.surname = actors.Key(a.tok(m.a))
			}
			ei, a.ents, a.stamp = len(a.ents), append(a.ents, e), append(a.stamp, 0)
			if a.cix == nil {
				a.allEnts = append(a.allEnts, ei)
			}
		}
		e := a.ents[ei]
		m.ent = ei
		e.ms, e.latest, e.lastSent = append(e.ms, mi), mi, m.sent
		if len(m.actor) > len(e.actor) {
			e.actor = m.actor
		}
		if m.kind == document.Name {
			n := m.b - m.a
			// The most complete name; at equal length a name in normal
			// case beats one in capitals ("MADRID" in a dateline).
			if n > e.nameToks || e.name == "" || n == e.nameToks && allCapsString(e.name) && !allCapsString(a.text(m.a, m.b)) {
				e.name, e.nameToks = a.text(m.a, m.b), n
			}
			if k := a.key(m.a, m.b); !e.hasKey(k) {
				e.keys = append(e.keys, k)
				if a.cix != nil {
					a.cix.addKey(ei, k)
				}
			}
			if m.typ == document.Person && n > 1 {
				e.surname = actors.Key(a.tok(m.b - 1))
			}
		}
		if e.nameToks == 0 && m.kind == document.Nominal && e.ctry == "" && m.ctry != "" && !international(m.ctry) {
			// A description with a country names a bare group better:
			// "troops" … "Ethiopian troops".
			if m.label != "" {
				e.name = m.label
			} else if m.from >= 0 && m.from <= m.a {
				e.name = a.text(m.from, m.b)
			}
		}
		e.gender = cmp.Or(e.gender, m.gender)
		e.take(m)
		if m.org != nil {
			e.org = m.org.Name
		}
		if a.cix != nil {
			a.cix.note(e, ei)
		}
	}
	// Name mentions by first token, and descriptions in apposition
	// before a name ("the opposition leader, Nelson Chamisa"), for
	// linking appositions both ways.
	nameAt := map[int]int{}
	apposBefore := map[int]int{}
	for mi := range a.ms {
		m := &a.ms[mi]
		if m.kind == document.Name && m.a < m.b {
			nameAt[m.a] = mi
		}
		if m.kind == document.Nominal && m.appos > m.b {
			apposBefore[m.appos-1] = mi
		}
	}
	for mi := range a.ms {
		if a.stopped(mi) {
			return
		}
		m := &a.ms[mi]
		if m.a >= m.b {
			continue
		}
		switch ni, named := nameAt[m.appos-1]; {
		case m.kind == document.Name:
			ei := a.matchName(mi)
			if nj, ok := apposBefore[m.a]; ok && a.ms[nj].ent >= 0 {
				if ei < 0 {
					ei = a.ms[nj].ent
				} else if old := a.ms[nj].ent; old != ei {
					a.moveMention(nj, ei)
				}
			}
			attach(mi, ei)
		case m.kind == document.Pronoun:
			if ei := a.matchPronoun(mi); ei >= 0 {
				attach(mi, ei) // a pronoun's gender goes to an entity without one
			}
		case m.kind != document.Nominal:
		case m.org != nil:
			attach(mi, a.matchName(mi))
		case m.appos > m.b:
			attach(mi, -1) // the name that follows joins it
		case m.appos > 0 && named && a.ms[ni].ent >= 0:
			attach(mi, a.ms[ni].ent)
		default:
			if ei := a.matchNominal(mi); ei >= 0 || m.actor != "" {
				attach(mi, ei)
			}
		}
	}
	a.possessiveActors()
	a.contextCountries()
}

// moveMention moves mention mi from its entity to entity ei, carrying its
// role class and country.
func (a *annotator) moveMention(mi, ei int) {
	m := &a.ms[mi]
	old := m.ent
	if old >= 0 && old < len(a.ents) {
		a.ents[old].ms = slices.DeleteFunc(a.ents[old].ms, func(x int) bool { return x == mi })
	}
	m.ent = ei
	a.ents[ei].ms = append(a.ents[ei].ms, mi) // a description (apposBefore): take carries its role class and country
	a.ents[ei].take(m)
	for _, k := range [...]int{old, ei} { // both entities' code and latest mention, and their indexes
		if k < 0 || k >= len(a.ents) {
			continue
		}
		e := a.ents[k]
		e.actor, e.latest = a.actorOf(e), -1
		for _, j := range e.ms {
			e.latest = max(e.latest, j)
		}
		if a.cix != nil {
			a.cix.moved = append(a.cix.moved, k)
			a.cix.note(e, k)
		}
	}
}

// possessiveActors gives a role description after a resolved possessive
// pronoun the owner's country or organization: "its spokesman" after the
// Kremlin → RUSGOV, "his forces" after a Russian minister → RUSMIL.
func (a *annotator) possessiveActors() {
	byTok := map[int]int{}
	for mi := range a.ms {
		if a.ms[mi].kind == document.Pronoun && a.ms[mi].ent >= 0 {
			byTok[a.ms[mi].a] = mi
		}
	}
	for mi := range a.ms {
		m := &a.ms[mi]
		pi, ok := byTok[m.poss-1]
		if m.poss == 0 || m.ctry != "" || m.role == "" || !ok {
			continue
		}
		switch owner := a.actorOf(a.ents[a.ms[pi].ent]); {
		case international(owner):
			m.ctry, m.actor, m.step = owner, owner, "possessive owner"
		case len(owner) >= 3:
			m.ctry = owner[:3]
			m.actor, m.step = roleActor(m.ctry, m.role, m.former), "possessive owner"
		}
	}
}

// actorOf returns the longest actor code among e's mentions.
func (a *annotator) actorOf(e *ent) string {
	best := ""
	for _, mi := range e.ms {
		if x := a.ms[mi].actor; len(x) > len(best) {
			best = x
		}
	}
	return best
}

// matchName finds the entity a name mention refers to, or -1. Each pass
// takes the most recent entity (the highest index) that qualifies, or,
// when it is unique, the one that qualifies when no other does; the
// candidates come from the indexes of corefIndex (cands).
func (a *annotator) matchName(mi int) int {
	m := &a.ms[mi]
	text, key, n := a.text(m.a, m.b), a.key(m.a, m.b), m.b-m.a
	last := actors.Key(a.tok(m.b - 1))
	person, org := m.typ == document.Person, m.typ == document.Org
	exact := a.cands(byKey, key)
	if m.org != nil && a.cix != nil {
		exact = append(slices.Clip(exact), a.cands(byOrg, m.org.Name)...)
	}
	for _, p := range []struct {
		on, unique bool
		cands      []int
		ok         func(e *ent) bool
	}{
		// Pass 1: exact name; dictionary identity ("UN" = "United Nations").
		{true, false, exact, func(e *ent) bool {
			return m.org != nil && e.org == m.org.Name || e.hasKey(key) && compatibleType(e.typ, m.typ) && e.hasClass("metonym") == (m.class == "metonym")
		}},
		// Pass 2: countries by code; a capital used as its government joins
		// the country.
		{m.typ == document.GPE && m.ctry != "", false, a.cands(byCtry, m.ctry), func(e *ent) bool {
			return e.typ == document.GPE && e.ctry == m.ctry && (m.class == "metonym" || e.org == "")
		}},
		// Pass 3: surname ("Ortega" → "Ana Ortega"), skipping titles; a full
		// name after its surname alone.
		{person && n == 1, false, a.cands(bySurname, key), func(e *ent) bool {
			return e.typ == document.Person && !e.plural && e.surname == key && genderOK(e.gender, m.gender)
		}},
		{person && n > 1, false, a.cands(byKey, last), func(e *ent) bool {
			return e.typ == document.Person && e.nameToks == 1 && e.hasKey(last) && genderOK(e.gender, m.gender)
		}},
		// Pass 3c: a body named again without its country ("the Ministry of
		// Health" after "Peru's Ministry of Health").
		{org && n > 1, false, a.cands(bySuffix, key), func(e *ent) bool {
			return e.typ == document.Org && slices.ContainsFunc(e.keys, func(k string) bool {
				return len(k) > len(key)+1 && strings.HasSuffix(k, key) && k[len(k)-len(key)-1] == ' ' && a.codeOf(k[:len(k)-len(key)-1]) != ""
			})
		}},
		// Pass 4: acronym of an organization named earlier.
		{org && n == 1 && a.allCaps(m.a, m.b), false, a.cands(byAcr, text), func(e *ent) bool {
			return e.typ == document.Org && acronym(e.name) == text
		}},
		// Pass 3b (persons, so after the passes above): the first words of
		// one earlier person's full name ("Abiy" after "Abiy Ahmed",
		// "Hassan Sheikh" after "Hassan Sheikh Mohamud"): names whose given
		// or leading names are used alone.
		{person && !m.plural, true, a.cands(byPrefix, key), func(e *ent) bool {
			return e.typ == document.Person && !e.plural && e.nameToks > n && genderOK(e.gender, m.gender) && e.hasPrefixKey(key)
		}},
	} {
		if !p.on {
			continue
		}
		found := -1
		for _, ei := range p.cands {
			if ei == found || !p.ok(a.ents[ei]) {
				continue
			}
			if p.unique && found >= 0 {
				return -1 // two people share these names
			}
			found = max(found, ei)
		}
		if found >= 0 {
			return found
		}
	}
	return -1
}

func compatibleType(x, y document.EntityType) bool {
	place := func(t document.EntityType) bool { return t == document.GPE || t == document.Loc }
	return x == y || place(x) && place(y)
}

func genderOK(x, y string) bool { return x == "" || y == "" || x == y }

// acronym returns the initials of the capitalized words of name.
func acronym(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			b.WriteByte(w[0])
		}
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// matchNominal finds the entity a role description refers to, or -1: an
// entity introduced with the same role class or, for a diplomat, as a
// diplomat (anywhere earlier), then a government person of the same
// country.
func (a *annotator) matchNominal(mi int) int {
	m := &a.ms[mi]
	// A description with its own country ("the Thai government") does not
	// give that country to a named body of unknown country (a "National
	// Water Authority" in a story about another country's officials).
	ctryOK := func(e *ent) bool {
		return m.ctry == "" || e.ctry == m.ctry || e.ctry == "" && (e.typ == document.Person ||
			!slices.ContainsFunc(e.ms, func(k int) bool { return a.ms[k].kind == document.Name }))
	}
	// A bare group takes only a recent entity: the walk (read only with the
	// indexes, by salient) stops at the first entity last mentioned more
	// than three sentences before, and ok re-checks it.
	var stop func(int) bool
	if m.plural && m.ctry == "" {
		stop = func(ei int) bool { return m.sent-a.ms[a.ents[ei].latest].sent > 3 }
	}
	logs := []ixKey{{logClass, m.class}, {logDiplomats, ""}}[:1]
	if m.diplomat {
		logs = logs[:2]
	}
	ei := a.salient(mi, 3, false, logs, stop, func(ei int) bool {
		e := a.ents[ei]
		return m.person == (e.typ == document.Person && !e.plural) && ctryOK(e) && genderOK(e.gender, m.gender) &&
			!(stop != nil && m.sent-e.lastSent > 3) && (e.hasClass(m.class) || m.diplomat && e.diplomat)
	})
	if ei >= 0 || !m.person || m.ctry == "" || m.role != "GOV" {
		return ei
	}
	// A government person of the same country ("the Egyptian minister"
	// after "her Egyptian counterpart, Karim Mansour").
	gov := m.ctry + "GOV"
	return a.salient(mi, 3, false, []ixKey{{logActor, gov}}, nil, func(ei int) bool {
		e := a.ents[ei]
		return e.typ == document.Person && !e.plural && e.ctry == m.ctry && genderOK(e.gender, m.gender) && len(e.classes) > 0 && e.actor == gov
	})
}

// matchPronoun resolves a pronoun to the most salient compatible entity:
// mentions of the current sentence before the pronoun, left to right
// (subjects first), then those of earlier sentences, up to two back.
func (a *annotator) matchPronoun(mi int) int {
	m := &a.ms[mi]
	p := pronouns[a.low(m.a)]
	ok := func(ei int) bool {
		e := a.ents[ei]
		switch {
		case p == "thing":
			// A named group is "it" as well as "they" ("Hamas said it").
			return (!e.plural || e.org != "") && (e.typ == document.Org || e.typ == document.GPE || e.org != "") && e.typ != document.Person
		case p == "plural":
			return e.plural || e.typ == document.Org && e.org == ""
		default:
			return e.typ == document.Person && !e.plural && genderOK(e.gender, p) // "m" or "f"
		}
	}
	// "X said (that) it/he ...": the speaker of the nearest preceding
	// speech verb in the same sentence.
	for k := mi - 1; k >= 0 && a.ms[k].sent == m.sent; k-- {
		o := &a.ms[k]
		if o.ent < 0 || o.b >= len(a.d.Tokens) || !speechVerbs[a.low(o.b)] {
			continue
		}
		if ok(o.ent) && (p != "plural" || a.ents[o.ent].plural) {
			return o.ent
		}
		break
	}
	if p == "plural" {
		// Groups first ("troops ... they"), organizations after.
		if ei := a.salient(mi, 2, true, nil, nil, func(ei int) bool { return a.ents[ei].plural }); ei >= 0 {
			return ei
		}
	}
	return a.salient(mi, 2, true, nil, nil, ok)
}

// output writes the mentions and entities layers. Pronouns and
// descriptions that resolve to nothing are dropped; entities are numbered
// in order of first mention.
func (a *annotator) output() {
	d := a.d
	d.Mentions, d.Entities = slices.Grow(d.Mentions[:0], len(a.ms)), d.Entities[:0]
	remap := slices.Repeat([]int{-1}, len(a.ents))
	decided := make([]document.Trace, len(a.ents)) // per entity: the decision of its actor code (--explain)
	// A known person the text calls by a current title in one mention
	// ("Prime Minister X") holds that office in the others too, whatever
	// the dictionary's latest code says of an undated story.
	titled := make([]string, len(a.ents))
	for _, m := range a.ms {
		if m.ent >= 0 && m.org != nil && m.typ == document.Person && m.role != "" && m.role != "ELI" && !m.former && len(m.actor) > 3 && !strings.HasSuffix(m.actor, "ELI") && titled[m.ent] == "" {
			titled[m.ent] = m.actor // the first title, which introduces the person
		}
	}
	for _, m := range a.ms {
		if m.a >= m.b || m.ent < 0 && m.kind != document.Name {
			continue
		}
		if m.ent >= 0 && titled[m.ent] != "" && m.org != nil && m.typ == document.Person && strings.HasSuffix(m.actor, "ELI") && strings.HasPrefix(titled[m.ent], m.actor[:3]) {
			m.actor, m.step = titled[m.ent], "the title that introduces the person"
		}
		mi := len(d.Mentions)
		dm := document.Mention{Span: document.Span{Start: d.Tokens[m.a].Start, End: d.Tokens[m.b-1].End},
			Type: m.typ, Kind: m.kind, Entity: -1, Actor: m.actor, Qualifies: -1}
		if m.ent >= 0 {
			e := a.ents[m.ent]
			if remap[m.ent] < 0 {
				remap[m.ent] = len(d.Entities)
				d.Entities = append(d.Entities, document.Entity{Name: e.name, Type: e.typ, Gender: e.gender, Plural: e.plural})
			}
			ei := remap[m.ent]
			dm.Entity = ei
			if m.kind == document.Pronoun {
				dm.Type = e.typ
			}
			de := &d.Entities[ei]
			de.Mentions = append(de.Mentions, mi)
			if len(m.actor) > len(de.Actor) && m.kind != document.Pronoun {
				de.Actor = m.actor
				if d.Explain {
					decided[ei] = document.Trace{Layer: document.LayerEntities, Index: ei, Field: "actor", Step: m.step,
						Detail: fmt.Sprintf("%s from mention %d %q (the longest code of the entity's mentions)", m.actor, mi, d.Slice(dm.Span))}
				}
			}
		}
		d.Mentions = append(d.Mentions, dm)
	}
	for _, t := range decided {
		if t.Field != "" {
			d.Trace(t.Layer, t.Index, t.Field, t.Step, t.Detail)
		}
	}
}

// allCapsString reports whether s has letters and none in lower case.
func allCapsString(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 0
}
