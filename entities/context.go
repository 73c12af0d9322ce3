package entities

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Document-context country inference: a role without a country in its
// sentence ("the government said", "police said", "President William
// Ruto") takes the country of its entity ("Bangladesh's government" …
// "the government") or, failing that, the story's dominant country when
// the evidence for it is clear. Precision first: a story whose evidence is
// split between countries leaves bare roles bare.

// datelineCountry returns the CAMEO country code of the story's dateline
// place (Document.Dateline.Place: "DHAKA, Bangladesh" → BGD, "MADRID" →
// ESP): the region part when it names a country, else the place; or "".
func (a *annotator) datelineCountry() string {
	place, region, _ := strings.Cut(a.d.Slice(a.d.Dateline.Place), ",")
	return cmp.Or(countryCode(strings.TrimSpace(region)), a.placeCode(strings.TrimSpace(place)))
}

// placeCode returns the country code of a place name: a country, a
// capital, or a place the gazetteer puts in one country (placeCountry);
// "" otherwise.
func (a *annotator) placeCode(place string) string {
	return cmp.Or(countryCode(place), cameo(actors.Capital(place)), a.placeCountry(actors.Key(place)))
}

// countryCode, alpha2Code and demonymCode return the CAMEO code of the
// country named s, of ISO code s, or of demonym s; "" for none.
func countryCode(s string) string { return cameo(country.Lookup(s)) }
func alpha2Code(s string) string  { return cameo(country.ByAlpha2(s)) }
func demonymCode(s string) string { return cameo(country.ByDemonym(s)) }

// cameo returns the CAMEO code of a country lookup's answer.
func cameo(c *country.Country, _ bool) string { return actors.CountryCode(c) }

// placeCountry returns the CAMEO country code of a city or division the
// gazetteer knows under key when one reading clearly dominates: the most
// populous candidate has at least 50,000 people and ten times more than
// any candidate in another country. It returns "" otherwise.
func (a *annotator) placeCountry(key string) string {
	ids := a.s.gaz.LookupKey(key)
	var best gazetteer.Place
	for _, id := range ids {
		if p := a.s.gaz.Place(int(id)); p.Country != "" && p.Feature != gazetteer.FeatCountry && (best.Country == "" || p.Population > best.Population) {
			best = p
		}
	}
	if best.Country == "" || best.Population < 50000 || slices.ContainsFunc(ids, func(id int32) bool {
		p := a.s.gaz.Place(int(id))
		return p.Country != best.Country && p.Country != "" && p.Population*10 > best.Population
	}) {
		return ""
	}
	return alpha2Code(best.Country)
}

// isCountryCode reports whether code is a bare CAMEO country code (three
// letters, not an organization).
func isCountryCode(code string) bool {
	return len(code) == 3 && !international(code) && code != "MED"
}

// countryPart returns the bare country code that starts code, or "".
func countryPart(code string) string {
	if len(code) >= 3 && isCountryCode(code[:3]) {
		return code[:3]
	}
	return ""
}

// bilateral reports whether the text speaks of two parties at once ("on
// both sides", "both countries", "both governments").
func (a *annotator) bilateral() bool {
	for i := 0; i+1 < len(a.d.Tokens); i++ {
		if bilateralWords[a.low(i)] && bilateralNouns[a.low(i+1)] {
			return true
		}
	}
	return false
}

// dominantCountry returns the country the story is about when the
// evidence is clear: the dateline counts two votes, every name with a
// country (countries, capitals used as governments, nationalities, cities
// the gazetteer places in one country) one. The leader needs at least
// three votes, more than twice the runner-up's (three times when the
// runner-up has two or more), no runner-up at all when the text speaks of
// both sides. A dateline whose country the body never names decides alone
// when no other country is named, and drops out when another country has
// three votes. When the dateline gives a country, the leader must be it.
func (a *annotator) dominantCountry() string {
	votes := map[string]int{}
	dl := a.datelineCountry()
	if dl != "" {
		votes[dl] += 2
	}
	dspan := a.d.Dateline.Span // empty when there is none
	for i := range a.ms {
		m := &a.ms[i]
		if st := a.d.Tokens[m.a].Start; st >= dspan.Start && st < dspan.End {
			continue // the dateline counts once, above
		}
		// Names only (and the nationalities of a coordination): a role's
		// country repeats the name or nationality next to it.
		if m.kind != document.Name && m.label == "" || m.a >= m.b {
			continue
		}
		c := m.ctry
		if c == "" && (m.typ == document.NORP || m.typ == document.Misc) {
			c = demonymCode(a.key(m.a, m.b))
		}
		if c == "" && m.typ == document.GPE && m.org == nil {
			c = a.placeCountry(a.key(m.a, m.b)) // a city: "Kisumu", "Johannesburg"
		}
		if isCountryCode(c) {
			votes[c]++
		}
	}
	// The leader and the runner-up of the other countries. A dateline city
	// whose country the story never names again ("BRUSSELS" over a story
	// about Belarus) is where the reporter is, not what the story is
	// about, when another country has three votes; with no other country
	// named it decides alone.
	top, best, second := "", 0, 0
	for c, v := range votes {
		switch {
		case c == dl:
		case v > best || v == best && c < top: // (on a tie the old best is v)
			second, best, top = best, v, c
		case v > second:
			second = v
		}
	}
	if dl != "" && (votes[dl] > 2 || best < 3) {
		if votes[dl] == 2 && best == 0 {
			return dl
		}
		top, best, second = dl, votes[dl], best // the leader must be the dateline's country
	}
	if best < 3 || best <= 2*second || second >= 2 && 3*second >= best || second > 0 && a.bilateral() {
		return ""
	}
	return top
}

// contextCountries completes bare role actors after coreference: first
// with the country of the person whose title the mention is part of, then
// (judges and prosecutors) with an international court the story names,
// then with the story's dominant country. Organization-led roles ("secretary general") and former
// officials keep their rules.
func (a *annotator) contextCountries() {
	// An international court in the story ("the International Criminal
	// Court") is the judges' and prosecutors' institution.
	court := ""
	if i := slices.IndexFunc(a.ms, func(m ment) bool { return m.org != nil && m.org.Kind == "court" && international(m.org.Code) }); i >= 0 {
		court = a.ms[i].org.Code
	}
	domOf := sync.OnceValue(a.dominantCountry) // the story's dominant country, found once when asked
	for mi := range a.ms {
		m := &a.ms[mi]
		// A code of other than three letters is complete already (a
		// possessive owner, an organization); unidentified attackers (UAF)
		// have no country from the story.
		if m.kind == document.Pronoun || m.role == "" || m.ctry != "" || len(m.actor) != 3 || m.org != nil || m.role == "UAF" {
			continue
		}
		c, step := a.titleOwnerCountry(mi), "context: the country of the person whose title it is"
		if c == "" && m.role == "JUD" && court != "" {
			m.ctry, m.actor, m.step = court, court, "context: the international court of the story"
			continue
		}
		if c == "" && m.role != "BUS" {
			// A company's staff ("a company spokesman", "an economist")
			// are often foreign to the story's country: no guess.
			c, step = domOf(), "context: the story's dominant country"
		}
		if c != "" {
			m.ctry, m.actor, m.step = c, c+m.actor, step
		}
	}
	a.partiesByStory(domOf)
}

// partiesByStory codes the party names of storyParties when the story's
// dominant country (dom) has such a party.
func (a *annotator) partiesByStory(dom func() string) {
	for mi := range a.ms {
		m := &a.ms[mi]
		if m.kind != document.Name || m.a >= m.b || m.actor != "" || m.org != nil || m.typ == document.Person || m.typ == document.GPE {
			continue
		}
		v, ok := storyParties[a.key(m.a, m.b)] // "GBR=Conservative Party|CAN=…"
		if !ok {
			continue
		}
		_, party, _ := strings.Cut("|"+v, "|"+dom()+"=")
		if party, _, _ = strings.Cut(party, "|"); party == "" {
			continue
		}
		// "Conservative" only as a noun: not before another name or role.
		if m.b < len(a.d.Tokens) && a.capitalized(m.b) && a.d.Tokens[m.b].Kind == document.Word {
			continue
		}
		if act, ok := a.s.dict.Lookup(party); ok {
			m.typ, m.actor, m.ctry, m.step = document.Org, act.CodeAt(a.pub), dom(), "party of the story's country"
		}
	}
}

// titleOwnerCountry returns the country of the person whose title the
// institution mention mi is part of: "Trade Ministry spokeswoman Ana Ruiz"
// → the country of Ana Ruiz when it is known. It returns "" otherwise.
func (a *annotator) titleOwnerCountry(mi int) string {
	m := &a.ms[mi]
	if m.typ != document.Org || mi+1 >= len(a.ms) {
		return ""
	}
	p := &a.ms[mi+1]
	if p.typ != document.Person || p.kind != document.Name || !isCountryCode(p.ctry) || p.sent != m.sent {
		return ""
	}
	_, end, ok := a.roleAt(m.b, p.a)
	if !ok || end != p.a {
		return ""
	}
	return p.ctry
}
