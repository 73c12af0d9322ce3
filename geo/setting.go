package geo

import (
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// The story's setting outside its text: a dateline the reader kept apart
// (Reuters' <DATELINE>, in Meta "dateline") and the publication's name
// when it names a place ("The Hutchinson News", "Emporia Gazette"; Meta
// "outlet", "publisher" or "site_name"). Each becomes a virtual toponym:
// it is resolved with the others (so "Columbia" is the Columbia the story's
// other places agree on) and adds its place to the evidence, but it is
// not a location of the document.

// dateline returns the span of the place words of d's dateline (the text
// stage's shared dateline layer), if the text opens with one.
func (r *resolver) dateline() (document.Span, bool) { return r.d.Dateline.Place, r.d.Dateline.Found() }

// metaText returns the first non-empty string value of d's meta keys.
func metaText(d *document.Document, keys ...string) string {
	for _, k := range keys {
		if s, ok := d.Meta[k].(string); ok && strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// addVirtual appends the virtual toponyms of d's metadata to r.tops.
func (r *resolver) addVirtual(hasDL bool) {
	d := r.d
	if dl := metaText(d, "dateline"); dl != "" && !hasDL {
		place, region, _ := strings.Cut(dl, ",")
		if t, ok := r.virtual(place, true); ok {
			if region = strings.TrimSpace(region); region != "" {
				r.regionHint(&t, region)
			}
			r.tops = append(r.tops, t)
		}
	}
	if outlet := metaText(d, "outlet", "publisher", "site_name"); outlet != "" {
		if t, ok := r.outletPlace(outlet); ok {
			r.tops = append(r.tops, t)
		}
	}
}

// virtual returns a virtual toponym for name, or false when the gazetteer
// does not know it.
func (r *resolver) virtual(name string, dateline bool) (toponym, bool) {
	key := country.Normalize(name)
	cands := r.g.LookupKey(key)
	if len(cands) == 0 {
		return toponym{}, false
	}
	return toponym{key: key, cands: cands, mention: -1, best: -1, anchor: -1, dateline: dateline, virtual: true}, true
}

// regionHint sets t's hint from the region words of a dateline ("Turkey",
// "Ind.", "March 3 -"): a first-level division or country containing one
// of t's candidates.
func (r *resolver) regionHint(t *toponym, region string) {
	f := strings.Fields(region)
	for n := min(len(f), 3); n > 0; n-- {
		for _, c := range r.g.Lookup(strings.Join(f[:n], " ")) {
			y := r.g.Place(int(c))
			if y.Feature != gazetteer.FeatAdm1 && y.Feature != gazetteer.FeatCountry {
				continue
			}
			for _, xc := range t.cands {
				x := r.g.Place(int(xc))
				if x.Country == y.Country && (y.Feature == gazetteer.FeatCountry || x.Adm1 == y.Adm1) {
					t.hintCC = y.Country
					if y.Feature == gazetteer.FeatAdm1 {
						t.hintAdm = y.Adm1
					}
					return
				}
			}
		}
	}
}

// outletPlace returns a virtual toponym for the place a publication's name
// starts with or holds ("The Hutchinson News", "Kansas City Star", "Emporia
// Journal"): the longest run of its capitalized words, after "The", that
// names a town, county or division.
func (r *resolver) outletPlace(outlet string) (toponym, bool) {
	f := strings.Fields(outlet)
	if len(f) > 0 && strings.EqualFold(f[0], "the") {
		f = f[1:]
	}
	for a := 0; a < len(f); a++ {
		for e := min(len(f), a+4); e > a; e-- {
			t, ok := r.virtual(strings.Join(f[a:e], " "), false)
			if !ok || !isCap(f[a]) {
				continue
			}
			for _, c := range t.cands {
				switch r.g.Feature(int(c)) {
				case gazetteer.FeatCity, gazetteer.FeatAdm2, gazetteer.FeatAdm1:
					return t, true
				}
			}
		}
	}
	return toponym{}, false
}
