package geo

import (
	"github.com/newsgraph/newsgraph/gazetteer"
)

// accept drops the doubtful toponyms (see plausible) that lack the
// evidence their doubt asks for.
func (r *resolver) accept() {
	for i := range r.tops {
		t := &r.tops[i]
		if t.doubt == doubtNone || t.street || t.demonym {
			continue
		}
		switch t.doubt {
		case doubtKind:
			if r.localCue(i) || r.supported(t) {
				continue
			}
		case doubtWord:
			if r.hintCue(i) || r.supported(t) {
				continue
			}
		case doubtCap:
			if r.localCue(i) {
				continue
			}
		}
		t.drop = true
	}
}

// localCue reports whether the words around toponym i say it is a place:
// a hint after it ("Hope, Ark.", "Story County"), a place it is given
// relative to, a list of places it belongs to, or a locative word before
// it ("in Jackson", "near Sioux Center", "in south Jackson").
func (r *resolver) localCue(i int) bool {
	t := &r.tops[i]
	if r.hintCue(i) {
		return true
	}
	return r.locativeCue(t.span)
}

// hintCue reports whether toponym i has a hint of its own: a division or
// designator after it, a place it is given relative to, a list of places
// of one kind, the dateline.
func (r *resolver) hintCue(i int) bool {
	t := &r.tops[i]
	return t.hintCC != "" || t.hintFeat != "" || t.anchor >= 0 || t.listCC != "" || t.dateline
}

// supported reports whether the story supports t's chosen reading: a
// place in a division other places of the story are in, or within 150 km
// of one of them (t's own group left out).
func (r *resolver) supported(t *toponym) bool {
	if t.best < 0 {
		return false
	}
	p := r.g.Place(int(t.best))
	switch p.Feature {
	case gazetteer.FeatCountry, gazetteer.FeatAdm1:
		return true
	}
	own := 0
	if t.conf && r.byKey != nil {
		if gi := r.byKey[t.key]; gi != nil && gi.added && gi.best == t.best {
			own = wResolved
		}
	}
	if p.Adm1 != "" && r.ev.adm[admOf(p)]-own > 0 {
		return true
	}
	return r.ev.grid.nearest(p.Lat, p.Lon, t.key) < 150
}

// doubtful reports whether t is a doubtful name (see plausible).
func (t *toponym) doubtful() bool { return t.doubt != doubtNone }
