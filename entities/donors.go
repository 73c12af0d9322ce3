package entities

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
)

// donors answers, for a mention whose code has no country, which
// coreferent mention's code it takes: the first of its entity's mentions,
// in the entity's order, whose code (as it is at that moment) has a country
// and ends with the mention's role. Scanning the entity's mentions for every
// such mention made an entity mentioned thousands of times quadratic; this
// keeps per entity and role the answer of the first scan, lowered when a
// mention is given a fitting code (a code never loses its country, so an
// answer only moves earlier). Every code given a country must be reported
// with gave.
type donors struct {
	d     *document.Document
	codes []string
	pos   []int                  // a mention's first place among its entity's mentions (-1: none)
	first map[int]map[string]int // per entity and role asked, its answer (-1: none)
}

// donorsCache is false when every answer is scanned (the test of the cache).
var donorsCache = true

func newDonors(d *document.Document, codes []string) *donors {
	x := &donors{d: d, codes: codes, pos: slices.Repeat([]int{-1}, len(d.Mentions)), first: map[int]map[string]int{}}
	for e, ent := range d.Entities {
		for k, o := range ent.Mentions {
			if o >= 0 && o < len(x.pos) && x.pos[o] < 0 && d.Mentions[o].Entity == e {
				x.pos[o] = k
			}
		}
	}
	return x
}

// fits reports whether code o can give its country to a mention of role.
func (x *donors) fits(o int, role string) bool {
	return actors.CountryOf(x.codes[o]) != "" && (role == "" || strings.HasSuffix(x.codes[o], role))
}

// donor returns the coreferent mention whose code mention i (of entity e,
// its code without a country) takes, or -1.
func (x *donors) donor(i, e int) int {
	role := x.codes[i]
	if o, ok := x.first[e][role]; ok && donorsCache {
		return o
	}
	o := -1
	for _, m := range x.d.Entities[e].Mentions {
		if m != i && m >= 0 && m < len(x.d.Mentions) && x.fits(m, role) {
			o = m
			break
		}
	}
	if x.first[e] == nil {
		x.first[e] = map[string]int{}
	}
	x.first[e][role] = o
	return o
}

// gave records that mention i (of entity e) now has a code with a country.
func (x *donors) gave(i, e int) {
	for role, o := range x.first[e] {
		if x.pos[i] >= 0 && (o < 0 || x.pos[i] < x.pos[o]) && x.fits(i, role) {
			x.first[e][role] = i
		}
	}
}
