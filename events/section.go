package events

// Precision gates over a story's events: pages that are no news
// (nonNews), sport and arts sections (softSection), companies' market
// transactions (market) and events whose source names no country
// (sourced).

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
)

// sourced drops events whose source names no country or international body
// (the actor is absent, a role without a country, or uncodable), except for
// violence and coercion (roots 17 to 20), where an unidentified perpetrator
// ("gunmen abducted 30 students", "three journalists were detained") is
// itself the news. "Someone criticised the government" tells an analyst
// nothing at country level, and such events are mostly triggers misread in
// business, arts and sport copy. Options.KeepUnsure keeps them.
func (s *Stage) sourced(evs []document.Event) []document.Event {
	if s.opts.KeepUnsure {
		return evs
	}
	return slices.DeleteFunc(evs, func(e document.Event) bool {
		return CountryOf(actorOf(e.Source)) == "" && !namedNGO(actorOf(e.Source)) && (e.Root < "17" || e.Root > "20")
	})
}

// CountryOf returns the country-level part of a CAMEO actor code (see
// actors.CountryOf): "RUSMIL" → "RUS", "IGOUNO" → "UNO", "GOV" → "".
func CountryOf(code string) string { return actors.CountryOf(code) }

// nonNews reports a page that is no news story: reader comments, forum
// threads, listings, job ads and recipes. Their pages carry short lines of
// page furniture ("Reply | Report", "3 hours ago", "Ingredients", "Sort
// by: price", "Page 1 of 12") that a story does not: a page with at least
// minChrome such lines, a quarter of its non-empty lines or more, is none.
// The cue phrases are data/words.txt [pageChrome]. A page the genre stage
// classified as no news (Document.NonNews) is none either.
func nonNews(d *document.Document) bool {
	if d.NonNews() {
		return true
	}
	lines, chrome := 0, 0
	for l := range strings.SplitSeq(d.Text, "\n") {
		if l = strings.TrimSpace(l); l == "" {
			continue
		}
		lines++
		words := 0
		for range strings.FieldsSeq(l) {
			if words++; words > 8 {
				break
			}
		}
		if words > 8 {
			continue
		}
		if l = strings.ToLower(l); slices.ContainsFunc(pageChromeList, func(cue string) bool { return strings.Contains(l, cue) }) {
			chrome++
		}
	}
	return chrome >= 3 && chrome*4 >= lines
}

// softSection drops the events of a sport or arts story (SoftSection) unless
// both sides are coded roles of a state or an international body: there
// "Italy defended", "Fiji rallied" and "a visit to the Stade de France"
// name teams and venues, not states, while "the government banned the
// tour" (GOV) still counts. The check needs the topic stage; without it
// every event is kept.
func softSection(d *document.Document, evs []document.Event) []document.Event {
	if !d.SoftSection() {
		return evs
	}
	return slices.DeleteFunc(evs, func(e document.Event) bool { return !stateRole(actorOf(e.Source)) || !stateRole(actorOf(e.Target)) })
}

// market drops the ordinary market transactions of companies: an event of
// data/words.txt [marketRoots] (intents, agreements, material cooperation)
// whose source is a company (role BUS) and whose target is none or another
// company ("Acme said it agreed to sell its unit", "signed a letter of
// intent to buy", "formed a joint venture with Beta Corp"). A company's
// deal with a state, a union or an international body (a contract with a
// ministry, a pay deal with seamen) is kept, and so are business talks,
// rejections and pull-outs, which are no market roots.
func market(evs []document.Event) []document.Event {
	return slices.DeleteFunc(evs, func(e document.Event) bool {
		src, tgt := actorOf(e.Source), actorOf(e.Target)
		// (a company is an actor whose role is a business: "USABUS", "BUS")
		return marketRoots[e.Root] && strings.HasSuffix(src, "BUS") && (tgt == "" || strings.HasSuffix(tgt, "BUS"))
	})
}

// stateRole reports whether code is an international organisation or a
// country with a government, military, police, judicial or legislative
// role ("GBRGOV", "IGOUNO"), not a bare country ("ITA") that in a sport
// story is most likely a team.
func stateRole(code string) bool {
	return len(code) >= 6 && (code[:3] == "IGO" || CountryOf(code) != "" && stateRoles[code[3:6]])
}
