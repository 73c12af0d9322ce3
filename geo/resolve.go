package geo

import (
	"math"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Resolution chooses one place for every toponym of a document at once.
//
// Toponyms are grouped: every occurrence of a name without a local hint of
// its own is one group (one sense per name per document); an occurrence
// with a hint ("Paris, Texas", "X, south of Y", a member of a list of
// states) is a group of its own. A group's candidates are scored by their
// prior (feature class and population) and by the evidence the rest of the
// document gives (see score): the countries and first-level divisions of
// the places resolved, the distance to them, the dateline. The groups are
// first resolved greedily, strongest evidence first (hints and the
// dateline, then names with a country or division reading, then the
// rest); then each group is resolved again against every other group's
// choice until no choice changes (iterated conditional modes), so that a
// town read early is corrected by the places named after it.

// evidence is what the document says about where it is: weights of its
// countries and first-level divisions, and the points of the places
// resolved. Weights count half-points, so that adding and removing a
// group's contribution returns exactly to zero.
type evidence struct {
	ctry     map[string]int // country → weight
	adm      map[admKey]int // division → weight
	admCity  map[admKey]int // division → resolved cities and landmarks in it
	grid     grid           // resolved places with a point of their own
	namesake map[int32]bool // cache of namesake
	g        *gazetteer.Gazetteer
}

// admKey names a first-level division.
type admKey struct{ cc, code string }

func admOf(p gazetteer.Place) admKey { return admKey{p.Country, p.Adm1} }

func newEvidence(g *gazetteer.Gazetteer) evidence {
	return evidence{ctry: map[string]int{}, adm: map[admKey]int{}, admCity: map[admKey]int{}, namesake: map[int32]bool{}, g: g}
}

// Contribution weights, in half-points.
const (
	wResolved    = 1 // a group's chosen place
	wUnambiguous = 2 // a name with one clear reading, or a demonym
	wDateline    = 4 // the dateline's place
)

// add adds place i, read for the name key, with weight w (negative w
// removes it again).
func (e *evidence) add(i int32, key string, w int) {
	p := e.g.Place(int(i))
	if p.Country != "" {
		e.ctry[p.Country] += w
	}
	if p.Adm1 != "" && p.Feature != gazetteer.FeatCountry {
		k := admOf(p)
		e.adm[k] += w
		if (p.Feature == gazetteer.FeatCity || p.Feature == gazetteer.FeatLandmark) && !e.isNamesake(i, p) {
			e.admCity[k] += sign(w)
		}
	}
	if point(p.Feature) {
		e.grid.add(i, key, p.Lat, p.Lon, sign(w))
	}
}

// isNamesake is namesake, remembered per place.
func (e *evidence) isNamesake(i int32, p gazetteer.Place) bool {
	v, ok := e.namesake[i]
	if !ok {
		v = namesake(e.g, p)
		e.namesake[i] = v
	}
	return v
}

// namesake reports whether city p has the name of its own first-level
// division ("Malatya" in Malatya province), which then cannot count as a
// place inside that division: the two are readings of one name.
func namesake(g *gazetteer.Gazetteer, p gazetteer.Place) bool {
	i, ok := g.Adm1(p.Country, p.Adm1)
	if !ok {
		return false
	}
	a, b := country.Normalize(g.Place(i).Name), country.Normalize(p.Name)
	return a == b || strings.HasPrefix(a, b+" ")
}

func sign(w int) int {
	if w < 0 {
		return -1
	}
	return 1
}

// point reports whether places of feature f have a point that nearby
// places can be measured against (not countries, continents, regions or
// seas).
func point(f string) bool {
	switch f {
	case gazetteer.FeatCountry, gazetteer.FeatContinent, gazetteer.FeatRegion, gazetteer.FeatWater:
		return false
	}
	return true
}

// contribution is a place added to the evidence with a weight.
type contribution struct {
	place int32
	w     int
}

// group is the toponyms that share one reading.
type group struct {
	members []int // indices into resolver.tops, in text order
	key     string
	static  []contribution // evidence its members gave before resolution
	hinted  bool           // a lone occurrence with a local hint
	doubt   bool           // every member may be an ordinary word: it adds no evidence
	best    int32
	conf    bool
	added   bool // best is part of the evidence (with weight wResolved)
}

// resolve fills best and conf of every toponym.
func (r *resolver) resolve() {
	r.ev = newEvidence(r.g)
	groups := r.groups()
	of := make([]*group, len(r.tops))
	for _, gi := range groups {
		for _, m := range gi.members {
			of[m] = gi
		}
	}
	// Static evidence: the dateline's place, demonyms, names with one
	// clear reading. A group's own static evidence is left out when the
	// group itself is scored.
	for _, gi := range groups {
		if r.anyDateline(gi) {
			if b, conf := r.scoreGroup(gi); conf {
				gi.static = append(gi.static, contribution{b, wDateline})
				r.ev.add(b, gi.key, wDateline)
				if p := r.g.Place(int(b)); r.setting.cc == "" && p.Adm1 != "" && p.Feature != gazetteer.FeatCountry {
					r.setting = admOf(p)
				}
			}
		}
	}
	for i := range r.tops {
		t := &r.tops[i]
		if t.street || t.doubt != doubtNone {
			continue
		}
		if t.demonym && len(t.cands) == 1 {
			// A word for one place's people ("Kenyan", "Texans") is
			// that place; "Georgian" is resolved like a name.
			t.best, t.conf = t.cands[0], true
			r.ev.add(t.best, t.key, wUnambiguous)
			continue
		}
		if b, ok := r.unambiguous(t); ok {
			if gi := of[i]; gi != nil {
				gi.static = append(gi.static, contribution{b, wUnambiguous})
			}
			r.ev.add(b, t.key, wUnambiguous)
		}
	}
	order := r.groupOrder(groups)
	// Greedy pass: each group with the evidence of those before it.
	for _, gi := range order {
		r.resolveGroup(gi)
	}
	// Refinement: each group against every other group's choice.
	for round := 0; round < 3; round++ {
		changed := false
		for _, gi := range order {
			if len(r.tops[gi.members[0]].cands) < 2 {
				continue // nothing to choose
			}
			old := gi.best
			r.resolveGroup(gi)
			changed = changed || gi.best != old
		}
		if !changed {
			break
		}
	}
}

// resolveGroup (re)chooses gi's place with the evidence of the others.
func (r *resolver) resolveGroup(gi *group) {
	if gi.added {
		r.ev.add(gi.best, gi.key, -wResolved)
		gi.added = false
	}
	for _, c := range gi.static {
		r.ev.add(c.place, gi.key, -c.w)
	}
	gi.best, gi.conf = r.scoreGroup(gi)
	for _, c := range gi.static {
		r.ev.add(c.place, gi.key, c.w)
	}
	for _, m := range gi.members {
		r.tops[m].best, r.tops[m].conf = gi.best, gi.conf
	}
	if gi.conf && gi.best >= 0 && !gi.doubt {
		r.ev.add(gi.best, gi.key, wResolved)
		gi.added = true
	}
}

// groups returns the toponym groups: streets and demonyms of one place
// are left out.
func (r *resolver) groups() []*group {
	var out []*group
	byKey := map[string]*group{}
	for i := range r.tops {
		t := &r.tops[i]
		if t.street || t.demonym && len(t.cands) < 2 {
			continue
		}
		// Names that may be ordinary words add no evidence; names the
		// entities stage tagged otherwise do (two districts of a list
		// support each other).
		doubt := t.doubt == doubtWord || t.doubt == doubtCap
		if t.hintCC != "" || t.anchor >= 0 || t.listCC != "" {
			out = append(out, &group{members: []int{i}, key: t.key, hinted: true, doubt: doubt, best: -1})
			continue
		}
		key := t.key
		if t.demonym {
			key = "\x00" + key // "Georgian" is not "Georgia"
		}
		if gi, ok := byKey[key]; ok {
			gi.members = append(gi.members, i)
			gi.doubt = gi.doubt && doubt
			continue
		}
		gi := &group{members: []int{i}, key: key, doubt: doubt, best: -1}
		byKey[key] = gi
		out = append(out, gi)
	}
	r.byKey = byKey
	r.hintedBy = map[string][]*group{}
	for _, gi := range out {
		if gi.hinted {
			r.hintedBy[gi.key] = append(r.hintedBy[gi.key], gi)
		}
	}
	return out
}

// groupOrder puts groups with hints and the dateline first, then those
// with a country or division reading, then the rest, each in text order;
// a group placed relative to another ("X, south of Y") comes after it.
func (r *resolver) groupOrder(groups []*group) []*group {
	tier := func(gi *group) int {
		t := &r.tops[gi.members[0]]
		switch {
		case t.hintCC != "" || r.anyDateline(gi):
			return 0
		case r.hasArea(t.cands):
			return 1 // divisions and countries set the context of towns
		}
		return 2
	}
	of := make(map[int]*group, len(r.tops))
	for _, gi := range groups {
		for _, m := range gi.members {
			of[m] = gi
		}
	}
	out := make([]*group, 0, len(groups))
	placed := make(map[*group]bool, len(groups))
	put := func(gi *group) {
		if !placed[gi] {
			placed[gi] = true
			out = append(out, gi)
		}
	}
	for want := 0; want < 3; want++ {
		for _, gi := range groups {
			if tier(gi) != want || placed[gi] {
				continue
			}
			if a := r.tops[gi.members[0]].anchor; a >= 0 && of[a] != nil {
				put(of[a])
			}
			put(gi)
		}
	}
	return out
}

// anyDateline reports whether a member of gi is a place of the dateline.
func (r *resolver) anyDateline(gi *group) bool {
	for _, m := range gi.members {
		if r.tops[m].dateline {
			return true
		}
	}
	return false
}

// hasArea reports whether cands include a country or first-level division.
func (r *resolver) hasArea(cands []int32) bool {
	for _, c := range cands {
		if f := r.g.Feature(int(c)); f == gazetteer.FeatCountry || f == gazetteer.FeatAdm1 {
			return true
		}
	}
	return false
}

// unambiguous returns the candidate of t when the name has a clear reading
// without context: a country, a region, or one candidate that dominates.
func (r *resolver) unambiguous(t *toponym) (int32, bool) {
	if len(t.cands) == 0 || t.fuzzy {
		return -1, false
	}
	for _, c := range t.cands {
		p := r.g.Place(int(c))
		if p.Feature == gazetteer.FeatCountry {
			// A country name that is also a large division elsewhere
			// ("Georgia") is not context by itself.
			for _, o := range t.cands {
				q := r.g.Place(int(o))
				if q.Feature == gazetteer.FeatAdm1 && q.Population > 1e6 && q.Country != p.Country {
					return -1, false
				}
			}
			return c, true
		}
	}
	if len(t.cands) == 1 {
		p := r.g.Place(int(t.cands[0]))
		if p.Feature != gazetteer.FeatCity || p.Population >= 20000 {
			return t.cands[0], true
		}
		return -1, false
	}
	best, second := -1.0, -1.0
	bi := int32(-1)
	for _, c := range t.cands {
		s := prior(r.g.Place(int(c)))
		if s > best {
			second, best, bi = best, s, c
		} else if s > second {
			second = s
		}
	}
	// Dominating means a prior three points (a thousandfold in size)
	// above the next reading: with less, a famous namesake ("London",
	// England) would set the context of a story about London, Ontario.
	if best-second >= 3 {
		return bi, true
	}
	return -1, false
}

// prior is a candidate's score without context: feature class and size.
func prior(p gazetteer.Place) float64 {
	switch p.Feature {
	case gazetteer.FeatCountry:
		return 9.2
	case gazetteer.FeatContinent, gazetteer.FeatRegion, gazetteer.FeatWater:
		return 8.2
	case gazetteer.FeatAdm1:
		// Below a same-named capital city of the division ("São Paulo",
		// "Geneva"), which news means more often.
		return math.Log10(float64(p.Population)+10) - 0.2
	case gazetteer.FeatAdm2:
		return 4.3
	case gazetteer.FeatLandmark:
		// The hand-written landmarks are famous ones: above a town of the
		// same name ("White House", Tennessee), below a major city.
		return 6.5
	}
	s := math.Log10(float64(p.Population) + 10)
	switch p.Code {
	case "PPLC":
		s += 1.6
	case "PPLA":
		s += 0.6
	case "PPLA2":
		s += 0.2
	case "PPLX":
		s -= 0.5
	}
	return s
}

// scoreGroup picks the best candidate of gi with the evidence of the
// document (gi's own contribution left out) and reports whether the
// choice is confident.
func (r *resolver) scoreGroup(gi *group) (int32, bool) {
	t := &r.tops[gi.members[0]]
	if len(t.cands) == 0 {
		return -1, false
	}
	// A designator after any occurrence ("Kisumu county") speaks for all.
	hintFeat := t.hintFeat
	for _, m := range gi.members[1:] {
		if f := r.tops[m].hintFeat; f != "" && hintFeat == "" {
			hintFeat = f
		}
	}
	// The readings lone occurrences with hints chose ("Paris, Texas")
	// carry over to the bare name.
	var hinted []int32
	if !gi.hinted {
		for _, h := range r.hintedBy[gi.key] {
			if h.best >= 0 && h.conf {
				hinted = append(hinted, h.best)
			}
		}
	}
	topPrior := math.Inf(-1) // the strongest reading without context
	priors := r.priorBuf[:0]
	for _, c := range t.cands {
		pr := prior(r.g.Place(int(c)))
		priors = append(priors, pr)
		topPrior = math.Max(topPrior, pr)
	}
	r.priorBuf = priors
	// A country's own division of its name ("Taiwan", "Mexico", "Panama")
	// is not what the name means unless the text says so.
	ownDivision := func(p gazetteer.Place) bool {
		if p.Feature != gazetteer.FeatAdm1 || hintFeat == gazetteer.FeatAdm1 || t.hintAdm != "" {
			return false
		}
		for _, c := range t.cands {
			if q := r.g.Place(int(c)); q.Feature == gazetteer.FeatCountry && q.Country == p.Country {
				return true
			}
		}
		return false
	}
	best, bi := math.Inf(-1), int32(-1)
	support := false
	for ci, c := range t.cands {
		p := r.g.Place(int(c))
		if t.fuzzy && !r.fuzzyFit(t, p) || ownDivision(p) {
			continue
		}
		s, sup := r.score(t, hintFeat, c, p, priors[ci], topPrior)
		for _, h := range hinted {
			if h == c {
				s += 6
				sup = true
			}
		}
		if s > best {
			best, bi, support = s, c, sup
		}
	}
	if bi < 0 {
		return -1, false
	}
	p := r.g.Place(int(bi))
	// Confidence: a small town chosen without any support among several
	// readings is a guess.
	conf := true
	if p.Feature == gazetteer.FeatCity && !support && p.Population < 15000 && len(t.cands) > 1 {
		conf = false
	}
	if p.Feature == gazetteer.FeatCity && !support && p.Population < 2000 {
		conf = false
	}
	// A town found for part of a longer name ("Fraser" for "Fraser
	// Valley") needs the document's support.
	if t.weak && p.Feature == gazetteer.FeatCity && !support && p.Population < 100000 {
		conf = false
	}
	return bi, conf
}

// score returns candidate c (place p) of toponym t's score and whether
// the document supports it beyond its prior.
func (r *resolver) score(t *toponym, hintFeat string, c int32, p gazetteer.Place, pr, topPrior float64) (float64, bool) {
	s := pr
	sup := false
	if t.hintCC != "" {
		if p.Country == t.hintCC && (t.hintAdm == "" || p.Adm1 == t.hintAdm) {
			s += 6
			sup = true
		} else {
			s -= 3
		}
	}
	switch hintFeat {
	case gazetteer.FeatAdm1:
		if p.Feature == gazetteer.FeatAdm1 {
			s += 3
		}
	case gazetteer.FeatCity:
		if p.Feature == gazetteer.FeatCity {
			s += 3
		}
	case gazetteer.FeatAdm2:
		if p.Feature == gazetteer.FeatAdm2 {
			s += 4
		}
	}
	// Context counts less for small towns: a town of a few thousand
	// people needs more than a shared country to beat a capital, and more
	// than a division or a place nearby to beat a far larger namesake
	// (Phoenix, Arizona in a story from Chicago).
	m := 1.0
	if p.Feature == gazetteer.FeatCity && p.Population < 50000 {
		m = 0.6
	}
	local := 1.0
	if topPrior-pr >= 3 {
		local = m
	}
	if p.Country != "" {
		if w := r.ev.ctry[p.Country]; w > 0 {
			s += m * (2.2 + math.Min(float64(w)/2, 4)*0.15)
			sup = true
		}
	}
	if p.Feature != gazetteer.FeatCountry && p.Adm1 != "" {
		// A division the story keeps naming ("Iowa", "Ames", "Story
		// County") outweighs one named once.
		if w := r.ev.adm[admOf(p)]; w > 0 {
			s += local * (1.5 + 0.5*math.Min(float64(w)/2, 4))
			sup = true
		}
	}
	if near := r.near(t.key, p); near > 0 {
		s += local * near
		sup = true
	}
	// The dateline's division is the story's setting: its small towns are
	// the ones a local story names without saying where they are
	// (Carrollton, Georgia in a story from Newnan, Georgia), unless a far
	// larger namesake keeps its pull (Paris, France in a story from
	// Louisville).
	if r.setting.cc != "" && !t.dateline && p.Feature == gazetteer.FeatCity && p.Population < 25000 &&
		admOf(p) == r.setting && pr+2 > topPrior {
		s += 1.5
		sup = true
	}
	if t.listCC != "" && p.Country == t.listCC && p.Feature == t.listFeat {
		// A list's members are alike ("Utah, Washington and
		// Wisconsin" are states).
		s += 4
		sup = true
	}
	if t.pair > 0 {
		// Two places named together are in one division.
		if u := &r.tops[t.pair-1]; u.best >= 0 && u.conf && u.best != c && !u.doubtful() {
			if q := r.g.Place(int(u.best)); q.Feature != gazetteer.FeatCountry && q.Adm1 != "" && q.Country == p.Country && q.Adm1 == p.Adm1 {
				s += 2.5
				sup = true
			}
		}
	}
	if t.anchor >= 0 {
		if a := r.tops[t.anchor].best; a >= 0 && r.tops[t.anchor].conf {
			q := r.g.Place(int(a))
			if q.Feature != gazetteer.FeatCountry && q.Feature != gazetteer.FeatContinent && Distance(p.Lat, p.Lon, q.Lat, q.Lon) < 300 {
				s += 6
				sup = true
			}
		}
	}
	return s, sup
}

// near rewards place p, a reading of the name key, close to places already
// resolved for other names.
func (r *resolver) near(key string, p gazetteer.Place) float64 {
	switch p.Feature {
	case gazetteer.FeatCountry, gazetteer.FeatContinent, gazetteer.FeatWater:
		return 0
	}
	// A division that contains a city already resolved ("Quebec" after
	// "Montreal") is as close as it gets.
	if p.Feature == gazetteer.FeatAdm1 {
		if r.ev.admCity[admOf(p)] > 0 {
			return 1.5
		}
	}
	switch km := r.ev.grid.nearest(p.Lat, p.Lon, key); {
	case km < 150:
		return 1.5
	case km < 500:
		return 0.8
	}
	return 0
}

// fuzzyFit reports whether p, found by spelling skeleton only, may be what
// t names: its name is about as long, and it lies in a country the
// document names (or is that country, misspelt).
func (r *resolver) fuzzyFit(t *toponym, p gazetteer.Place) bool {
	n := country.Normalize(p.Name)
	if d := len(n) - len(t.key); d > 3 || d < -3 {
		if p.Feature != gazetteer.FeatAdm2 && p.Feature != gazetteer.FeatAdm1 {
			return false // "Province of X" and "X Governorate" are longer
		}
	}
	// The skeleton drops vowels; the spellings must still be one edit
	// apart ("Fashir" and "Fasher"; not "Kisima" and "Kisumu").
	a, b := stripArticle(n), stripArticle(t.key)
	if !withinOneEdit(a, b) {
		return false
	}
	if p.Feature == gazetteer.FeatCountry {
		return true
	}
	return p.Country != "" && r.ev.ctry[p.Country] > 0
}

// withinOneEdit reports whether a and b differ by at most one inserted,
// deleted or replaced byte.
func withinOneEdit(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return i == len(a) || a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// stripArticle drops a leading Arabic article ("al ", "el ") from a
// normalized name.
func stripArticle(k string) string {
	for _, a := range []string{"al ", "el ", "ad ", "ar ", "as ", "an ", "at ", "az ", "ash ", "ath ", "adh ", "ed ", "es ", "er ", "en "} {
		if rest, ok := strings.CutPrefix(k, a); ok {
			return rest
		}
	}
	return k
}
