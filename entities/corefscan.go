package entities

// The coreference sieve's lookups by scanning every earlier entity and
// mention: what coref.go ran before the indexes of corefindex.go, kept for
// documents with few mentions (useIndex), where a scan costs less than
// keeping the indexes. TestCorefIndexSameAsScan checks that both give the
// same output.

import (
	"strings"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
)

// matchNameScan is matchName by a scan of every earlier entity (small
// documents, where it is cheaper than keeping the indexes): it finds the entity a name mention refers to, or -1.
func (a *annotator) matchNameScan(es []*ent, mi int) int {
	m := &a.ms[mi]
	text := a.d.Text[a.d.Tokens[m.a].Start:a.d.Tokens[m.b-1].End]
	key := a.key(m.a, m.b)
	// Pass 1: exact name; dictionary identity ("UN" = "United Nations").
	for ei := len(es) - 1; ei >= 0; ei-- {
		e := es[ei]
		if m.org != nil && e.org == m.org.Name {
			return ei
		}
		if e.hasKey(key) && compatibleType(e.typ, m.typ) && e.hasClass("metonym") == (m.class == "metonym") {
			return ei
		}
	}
	// Pass 2: countries by code; a capital used as its government joins
	// the country.
	if m.typ == document.GPE && m.ctry != "" {
		for ei := len(es) - 1; ei >= 0; ei-- {
			e := es[ei]
			if e.typ == document.GPE && e.ctry == m.ctry && (m.class == "metonym" || e.org == "") {
				if m.class == "metonym" || a.isCountryEntity(e) {
					return ei
				}
			}
		}
	}
	// Pass 3: surname ("Ortega" → "Ana Ortega"), skipping titles.
	if m.typ == document.Person {
		n := m.b - m.a
		if n == 1 {
			for ei := len(es) - 1; ei >= 0; ei-- {
				e := es[ei]
				if e.typ == document.Person && !e.plural && e.surname == key && genderOK(e.gender, m.gender) {
					return ei
				}
			}
		} else {
			// A full name after its surname alone.
			last := actors.Key(a.tok(m.b - 1))
			for ei := len(es) - 1; ei >= 0; ei-- {
				e := es[ei]
				if e.typ == document.Person && e.nameToks == 1 && e.hasKey(last) && genderOK(e.gender, m.gender) {
					return ei
				}
			}
		}
	}
	// Pass 3b: the first words of one earlier person's full name ("Abiy"
	// after "Abiy Ahmed", "Hassan Sheikh" after "Hassan Sheikh Mohamud"):
	// names whose given or leading names are used alone. Only when one
	// person qualifies.
	if m.typ == document.Person && !m.plural {
		found := -1
		for ei := len(es) - 1; ei >= 0; ei-- {
			e := es[ei]
			if e.typ != document.Person || e.plural || e.nameToks <= m.b-m.a || !genderOK(e.gender, m.gender) {
				continue
			}
			prefix := false
			for _, k := range e.keys {
				if len(k) > len(key) && k[len(key)] == ' ' && strings.HasPrefix(k, key) {
					prefix = true
					break
				}
			}
			if !prefix {
				continue
			}
			if found >= 0 {
				found = -2 // two people share these names
				break
			}
			found = ei
		}
		if found >= 0 {
			return found
		}
	}
	// Pass 3c: a body named again without its country ("the Ministry of
	// Health" after "Peru's Ministry of Health").
	if m.typ == document.Org && m.b-m.a > 1 {
		for ei := len(es) - 1; ei >= 0; ei-- {
			e := es[ei]
			if e.typ != document.Org {
				continue
			}
			for _, k := range e.keys {
				if len(k) > len(key)+1 && strings.HasSuffix(k, key) && k[len(k)-len(key)-1] == ' ' && a.codeOf(k[:len(k)-len(key)-1]) != "" {
					return ei
				}
			}
		}
	}
	// Pass 4: acronym of an organization named earlier.
	if m.typ == document.Org && m.b-m.a == 1 && a.allCaps(m.a, m.b) {
		for ei := len(es) - 1; ei >= 0; ei-- {
			e := es[ei]
			if e.typ == document.Org && acronym(e.name) == text {
				return ei
			}
		}
	}
	return -1
}

// matchNominalScan is matchNominal by scans (small documents): it finds the entity a role description refers to, or -1:
// first an entity introduced with the same role class (anywhere earlier),
// then, for generic person descriptions ("the veteran diplomat", "the
// official"), the most recent compatible person within three sentences.
func (a *annotator) matchNominalScan(es []*ent, mi int) int {
	m := &a.ms[mi]
	// A description with its own country ("the Thai government") does not
	// give that country to a named body of unknown country (a "National
	// Water Authority" in a story about another country's officials).
	ctryOK := func(e *ent) bool {
		return m.ctry == "" || e.ctry == m.ctry || e.ctry == "" && (e.typ == document.Person || !a.hasName(e))
	}
	wantPerson := m.person
	order := a.salience(es, mi)
	for _, ei := range order {
		e := es[ei]
		if wantPerson != (e.typ == document.Person && !e.plural) {
			continue
		}
		if !ctryOK(e) || !genderOK(e.gender, m.gender) {
			continue
		}
		if m.plural && m.ctry == "" && m.sent-e.lastSent > 3 {
			continue // a bare group far from its last mention is a new group
		}
		if e.hasClass(m.class) || (m.diplomat && e.diplomat) {
			return ei
		}
	}
	if !wantPerson {
		return -1
	}
	// A government person of the same country ("the Egyptian minister"
	// after "her Egyptian counterpart, Karim Mansour").
	if m.ctry != "" && m.role == "GOV" {
		for _, ei := range order {
			e := es[ei]
			if e.typ == document.Person && !e.plural && e.ctry == m.ctry && genderOK(e.gender, m.gender) && len(e.classes) > 0 && a.actorOf(e) == m.ctry+"GOV" {
				return ei
			}
		}
	}
	generic := m.class == "official" || m.class == "diplomat" || m.class == "leader" || m.class == "spokesperson"
	if !generic {
		return -1
	}
	for _, ei := range order {
		e := es[ei]
		// A description with its own country ("the Lithuanian
		// ambassador") needs a person of that country.
		if e.typ != document.Person || e.plural || m.sent-e.lastSent > 3 || !ctryOK(e) || m.ctry != "" && e.ctry != m.ctry || !genderOK(e.gender, m.gender) {
			continue
		}
		if len(e.classes) == 0 || e.diplomat || m.class == "official" || m.class == "leader" {
			return ei
		}
	}
	return -1
}

// salience returns entity indices in order of salience at mention mi: the
// entities of the current sentence before mi and of the three sentences
// before it, each sentence left to right (subjects first), then all other
// earlier entities, most recent first.
func (a *annotator) salience(es []*ent, mi int) []int {
	seen := make([]bool, len(es))
	var out []int
	m := &a.ms[mi]
	k := mi - 1
	for s := m.sent; s >= 0 && s >= m.sent-3; s-- {
		for k >= 0 && a.ms[k].sent >= s {
			k--
		}
		for j := k + 1; j < mi; j++ {
			if o := &a.ms[j]; o.sent == s && o.ent >= 0 && !seen[o.ent] {
				seen[o.ent] = true
				out = append(out, o.ent)
			}
		}
	}
	for k := mi - 1; k >= 0; k-- {
		if e := a.ms[k].ent; e >= 0 && !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}
