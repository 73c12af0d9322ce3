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
// keeps per entity the mentions that had a country at the start and those
// given one since (in mention order), and per role the first of each that
// fits, so the answer is the scan's at a cost independent of the entity's
// size. Mentions must be asked about in increasing order, and every code
// given a country must be reported with gave.
// donorsFrom is the number of mentions from which an entity's donor is
// found through the cache; a smaller entity's mentions are scanned (the
// answer is the same).
var donorsFrom = 32

type donors struct {
	d     *document.Document
	codes []string
	ents  map[int]*entDonors
}

type entDonors struct {
	ordered bool         // the entity's mentions are in increasing order (else: scan)
	member  map[int]bool // the entity's mentions
	static  []int        // its mentions with a country at the start, in order
	added   []int        // its mentions given a country since, in order
	byRole  map[string]*roleDonor
}

// roleDonor caches the first fitting mention of static and of added for one
// role (-1: none; added is searched from scanned on).
type roleDonor struct {
	static, added, scanned int
}

func newDonors(d *document.Document, codes []string) *donors {
	return &donors{d: d, codes: codes, ents: map[int]*entDonors{}}
}

func (x *donors) entity(e int) *entDonors {
	if ed := x.ents[e]; ed != nil {
		return ed
	}
	ed := &entDonors{ordered: true, member: map[int]bool{}, byRole: map[string]*roleDonor{}}
	prev := -1
	for _, o := range x.d.Entities[e].Mentions {
		if o <= prev {
			ed.ordered = false
		}
		prev = o
		if o < 0 || o >= len(x.d.Mentions) {
			continue
		}
		ed.member[o] = true
		if actors.CountryOf(x.codes[o]) != "" {
			ed.static = append(ed.static, o)
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
	if len(x.d.Entities[e].Mentions) < donorsFrom {
		return x.scan(i, e, role)
	}
	ed := x.entity(e)
	if !ed.ordered {
		return x.scan(i, e, role)
	}
	r := ed.byRole[role]
	if r == nil {
		r = &roleDonor{static: -1, added: -1}
		for _, o := range ed.static {
			if o != i && x.fits(o, role) {
				r.static = o
				break
			}
		}
		ed.byRole[role] = r
	}
	for r.added < 0 && r.scanned < len(ed.added) {
		if o := ed.added[r.scanned]; o != i && x.fits(o, role) {
			r.added = o
		}
		r.scanned++
	}
	switch {
	case r.static < 0:
		return r.added
	case r.added < 0:
		return r.static
	}
	return min(r.static, r.added)
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
	if len(x.d.Entities[e].Mentions) < donorsFrom {
		return
	}
	if ed := x.entity(e); ed.member[i] {
		ed.added = append(ed.added, i)
	}
}
