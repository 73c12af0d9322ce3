package geo

import "github.com/newsgraph/newsgraph/gazetteer"

// accept drops the doubtful toponyms (see plausible) that lack the
// evidence their doubt asks for.
func (r *resolver) accept() {
	for i := range r.tops {
		t := &r.tops[i]
		if t.doubt == doubtNone || t.street || t.demonym || t.virtual {
			continue
		}
		switch t.doubt {
		case doubtKind:
			if r.personTagged(t) {
				// A name the entities stage reads as a person's needs a
				// strong cue, or a weak one and the story's support
				// ("crews from Bluffton" in a story from Hartford City; not "a
				// commitment to Wright").
				cue := r.cueStrength(t.span)
				if r.hintCue(i) || r.strongLocative(t) || cue == cueStrong || cue == cueWeak && r.supported(t) {
					continue
				}
			} else if r.localCue(i) || r.supported(t) {
				continue
			}
		case doubtWord:
			if r.hintCue(i) || r.supported(t) {
				continue
			}
		case doubtCap:
			// A word the story uses as a person's or an ordinary word
			// needs a place's preposition, not one people take too
			// ("proposed to Baker", "Italy, Hunter said").
			if r.hintCue(i) || r.strongLocative(t) {
				continue
			}
		}
		t.drop = true
	}
}

// localCue reports whether the words around toponym i say it is a place:
// a hint after it ("Hays, Kan.", "Trego County"), a place it is given
// relative to, a list of places it belongs to, or a locative word before
// it ("in Goshen", "near Orange City", "in east Amarillo").
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

// strongLocative reports whether t follows one of strongLocatives (through
// "the", "a" or a lower-case modifier: "in nearby Chino Valley").
func (r *resolver) strongLocative(t *toponym) bool {
	d := r.d
	k := d.TokenAt(t.span.Start) - 1
	for n := 0; k > 0 && n < 8; n++ {
		w := r.tokText(k)
		switch {
		case w == "the" || w == "a" || placeMods[w]:
			k--
			continue
		case w == "and" || w == "or":
			// A list takes its first member's preposition ("in
			// Kingman and Pratt"); not across a comma, which may
			// end a clause ("in Italy, Hunter said").
			if j, ok := r.endAt[d.Tokens[k].Start-1]; ok {
				k = d.TokenAt(r.tops[j].span.Start) - 1
				continue
			}
		}
		break
	}
	return k >= 0 && strongLocatives[r.lowerTok(k)]
}

// personTagged reports whether t's words are a name the entities stage
// tagged as a person's.
func (r *resolver) personTagged(t *toponym) bool {
	for k := r.d.TokenAt(t.span.Start); k < len(r.d.Tokens) && r.d.Tokens[k].Start < t.span.End; k++ {
		if r.personTok[k] {
			return true
		}
	}
	return false
}
