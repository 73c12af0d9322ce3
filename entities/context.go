package entities

import (
	"strings"

	"newsgraph/actors"
	"newsgraph/country"
	"newsgraph/document"
	"newsgraph/text"
)

// Document-context country inference: a role without a country in its
// sentence ("the government said", "police said", "President William
// Ruto") takes the country of its entity ("Bangladesh's government" …
// "the government") or, failing that, the story's dominant country when
// the evidence for it is clear. Precision first: a story whose evidence is
// split between countries leaves bare roles bare.

// datelineCountry returns the CAMEO country code of the story's dateline
// ("DHAKA, Bangladesh (AP) —" → BGD, "MADRID, March 12 —" → ESP), or "".
func (a *annotator) datelineCountry() string {
	sp, ok := text.Dateline(a.d.Text)
	if !ok || sp.End > len(a.d.Text) || sp.Start >= sp.End {
		return ""
	}
	s := a.d.Text[sp.Start:sp.End]
	if i := strings.IndexAny(s, "(—–"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " -"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ",")
	place := strings.TrimSpace(parts[0])
	// "ADDIS ABABA, Ethiopia": the region part names the country.
	if len(parts) > 1 {
		if c, ok := country.Lookup(strings.TrimSpace(parts[1])); ok {
			return actors.CountryCode(c)
		}
	}
	if place == "" {
		return ""
	}
	if c, ok := country.Lookup(place); ok {
		return actors.CountryCode(c)
	}
	if c, ok := actors.Capital(place); ok {
		return actors.CountryCode(c)
	}
	// A city the gazetteer knows in one country only.
	cc := ""
	for _, id := range a.s.gaz.LookupKey(actors.Key(place)) {
		p := a.s.gaz.Place(int(id))
		if p.Country == "" || cc != "" && p.Country != cc {
			return ""
		}
		cc = p.Country
	}
	if c, ok := country.ByAlpha2(cc); ok && cc != "" {
		return actors.CountryCode(c)
	}
	return ""
}

// isCountryCode reports whether code is a bare CAMEO country code (three
// letters, not an organization).
func isCountryCode(code string) bool {
	return len(code) == 3 && !international(code) && code != "MED"
}

// dominantCountry returns the country the story is about when the
// evidence is clear: the dateline counts two votes, every name with a
// country (countries, capitals used as governments, nationalities) one. The leader
// needs at least three votes and more than twice the runner-up's; and
// when the dateline gives a country, the leader must be it.
func (a *annotator) dominantCountry() string {
	votes := map[string]int{}
	dl := a.datelineCountry()
	if dl != "" {
		votes[dl] += 2
	}
	for i := range a.ms {
		m := &a.ms[i]
		// Names only (and the nationalities of a coordination): a role's
		// country repeats the name or nationality next to it.
		if m.kind != document.Name && m.label == "" || m.a >= m.b {
			continue
		}
		c := m.ctry
		if c == "" && m.typ == document.NORP {
			if cc, ok := country.ByDemonym(a.tok(m.a)); ok && m.b-m.a == 1 {
				c = actors.CountryCode(cc)
			}
		}
		if isCountryCode(c) {
			votes[c]++
		}
	}
	best, second, top := 0, 0, ""
	for c, v := range votes {
		switch {
		case v > best || v == best && c < top:
			if v > best {
				second = best
			} else {
				second = v
			}
			best, top = v, c
		case v > second:
			second = v
		}
	}
	if best < 3 || best <= 2*second {
		return ""
	}
	if dl != "" && dl != top {
		return ""
	}
	return top
}

// contextCountries completes bare role actors after coreference: first
// with the country of the mention's entity, then with the story's dominant
// country. Organization-led roles ("secretary general") and former
// officials keep their rules.
func (a *annotator) contextCountries() {
	entCtry := make([]string, len(a.ents))
	for ei, e := range a.ents {
		for _, mi := range e.ms {
			m := &a.ms[mi]
			if m.kind == document.Pronoun {
				continue
			}
			if isCountryCode(m.ctry) && (m.role != "" || m.class == "metonym") {
				entCtry[ei] = m.ctry
				break
			}
		}
	}
	dom := ""
	domDone := false
	for mi := range a.ms {
		m := &a.ms[mi]
		if m.kind == document.Pronoun || m.role == "" || m.ctry != "" || m.actor == "" || m.org != nil {
			continue
		}
		if len(m.actor) != 3 {
			continue // already completed (a possessive owner, an organization)
		}
		c := ""
		if m.ent >= 0 && m.ent < len(entCtry) {
			c = entCtry[m.ent]
		}
		if c == "" {
			if !domDone {
				dom, domDone = a.dominantCountry(), true
			}
			c = dom
		}
		if c == "" {
			continue
		}
		m.ctry = c
		m.actor = c + m.actor
	}
}
