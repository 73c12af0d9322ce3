package entities

import (
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
	ents  map[int]*entDonors // nil: the entity's mentions are scanned
}

type entDonors struct {
	member map[int]bool   // the entity's mentions
	first  map[string]int // per role asked, its answer (-1: none)
}

// donorsFrom is the number of mentions from which an entity's donor is
// found through the cache; a smaller entity's mentions are scanned (the
// answer is the same).
var donorsFrom = 32

func newDonors(d *document.Document, codes []string) *donors {
	return &donors{d: d, codes: codes, ents: map[int]*entDonors{}}
}

// entity returns the cache of entity e, or nil when its mentions are
// scanned: fewer than donorsFrom, or not in increasing order.
func (x *donors) entity(e int) *entDonors {
	ed, ok := x.ents[e]
	if ms := x.d.Entities[e].Mentions; !ok && len(ms) >= donorsFrom {
		ed = &entDonors{member: map[int]bool{}, first: map[string]int{}}
		for k, o := range ms {
			if k > 0 && o <= ms[k-1] {
				ed = nil
				break
			}
			ed.member[o] = true
		}
	}
	x.ents[e] = ed
	return ed
}

// fits reports whether code o can give its country to a mention of role.
func (x *donors) fits(o int, role string) bool {
	return actors.CountryOf(x.codes[o]) != "" && (role == "" || strings.HasSuffix(x.codes[o], role))
}

// donor returns the coreferent mention whose code mention i (of entity e,
// its code without a country) takes, or -1.
func (x *donors) donor(i, e int) int {
	role := x.codes[i]
	ed := x.entity(e)
	if ed == nil {
		return x.scan(i, e, role)
	}
	o, ok := ed.first[role]
	if !ok {
		o = x.scan(i, e, role)
		ed.first[role] = o
	}
	return o
}

// scan is donor by a scan of the entity's mentions.
func (x *donors) scan(i, e int, role string) int {
	for _, o := range x.d.Entities[e].Mentions {
		if o != i && o >= 0 && o < len(x.d.Mentions) && x.fits(o, role) {
			return o
		}
	}
	return -1
}

// gave records that mention i (of entity e) now has a code with a country.
func (x *donors) gave(i, e int) {
	if ed := x.entity(e); ed != nil && ed.member[i] {
		for role, o := range ed.first {
			if (o < 0 || i < o) && x.fits(i, role) {
				ed.first[role] = i
			}
		}
	}
}
