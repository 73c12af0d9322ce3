// Package geo is the pipeline stage "geo": it finds toponyms in a document
// and resolves them to places of the embedded gazetteer, filling the
// locations layer.
//
// Recognition takes GPE/LOC/FAC name mentions when the entities stage ran,
// and also looks up capitalized token runs in the gazetteer itself, so the
// stage works with or without mentions. It is robust to imperfect mentions:
// a mention cut short grows to the gazetteer name around it (the first two
// words of a state's four-word name), a hyphenated one yields its place part ("India-
// Pakistan"), a multi-word division tagged as a person is kept, directions
// alone ("Central") are dropped, and a mention the gazetteer does not know
// is kept (without coordinates, or resolved by spelling skeleton against
// the document's countries: "Al-Fashir" for "El Fasher") only when the text
// marks it as a place ("in X", "the village of X", "the X river");
// otherwise ("Health", "Salmonella") it is dropped. Nationality adjectives
// ("Omani", "Canadian") are not places: they only add country context
// (Config.Demonyms reports them). Metonymy ("Washington said") is still a
// location.
//
// Resolution scores each candidate place by feature class and population
// (countries, capitals, first-level divisions, cities, landmarks), by
// document context (countries and divisions named or implied elsewhere,
// divisions containing places already resolved, the dateline, the local
// patterns "X, Y" with Y a country or division, "X, the state capital",
// "in Y province", "Washington state", "X, south of Y", "X near Y", and
// lists whose members share a country and feature: "Utah, Washington and
// Wisconsin") and keeps one sense per name per document. A toponym whose
// best candidate is weak and unsupported gets nil coordinates.
package geo

import (
	"context"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Config tunes the stage.
type Config struct {
	// Demonyms also reports nationality adjectives and nouns ("Turkish",
	// "Kenyans") as locations of their country. Off by default: the output
	// contract treats them as context, not places. Some geoparsing corpora
	// (TR-News) annotate them as toponyms.
	Demonyms bool
}

// Stage is the "geo" stage. It is safe for concurrent use.
type Stage struct {
	g   *gazetteer.Gazetteer
	cfg Config
}

// New returns the geo stage with the default configuration, loading the
// embedded gazetteer on first use.
func New() (*Stage, error) { return NewWithConfig(Config{}) }

// NewWithConfig returns the geo stage configured by cfg.
func NewWithConfig(cfg Config) (*Stage, error) {
	g, err := gazetteer.Default()
	if err != nil {
		return nil, fmt.Errorf("geo: %w", err)
	}
	return &Stage{g: g, cfg: cfg}, nil
}

// Name returns "geo".
func (s *Stage) Name() string { return "geo" }

// Requires returns the sentences, tokens and dateline layers.
func (s *Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens, document.LayerDateline}
}

// Optional returns the mentions layer: the entities stage's mentions,
// when it runs, decide which capitalized words are places.
func (s *Stage) Optional() []document.Layer { return []document.Layer{document.LayerMentions} }

// Provides returns the locations layer (Document.Locations and the
// sentences' places, Document.SentencePlace).
func (s *Stage) Provides() []document.Layer { return []document.Layer{document.LayerLocations} }

// Process appends d's toponyms to d.Locations in text order and sets
// d.SentencePlace (ForSentence of every sentence). It reads d.Mentions when
// present and never modifies other layers.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	r := resolver{g: s.g, d: d, cfg: s.cfg}
	r.run()
	d.SentencePlace = sentencePlaces(d, d.SentencePlace[:0])
	return nil
}

// toponym is one recognized span before resolution.
type toponym struct {
	span     document.Span
	key      string  // normalized name
	cands    []int32 // gazetteer candidates
	mention  int     // index into d.Mentions or -1
	demonym  bool    // a nationality word standing for its country
	demCC    string  // the demonym's country
	hintCC   string  // country or division named right after ("Paris, Texas")
	hintAdm  string  // division code of that hint
	hintFeat string  // feature the text states ("state", "province", "city")
	anchor   int     // toponym it is placed relative to ("X, south of Y", "X near Y"), or -1
	fuzzy    bool    // cands share only a spelling skeleton with the text
	weak     bool    // cands name only part of the text ("Fraser" of "Fraser Valley")
	listCC   string  // country most members of its list share ("Ohio, Iowa and Washington")
	listFeat string  // feature most members of its list share
	dateline bool
	best     int32 // chosen place, -1 when none
	conf     bool
}

type resolver struct {
	g    *gazetteer.Gazetteer
	d    *document.Document
	cfg  Config
	tops []toponym
	// context
	ctry map[string]float64 // country → weight
	adm  map[string]float64 // "CC.adm1" → weight
	pts  []int32            // confidently resolved places
}

func (r *resolver) run() {
	d := r.d
	r.ctry = map[string]float64{}
	r.adm = map[string]float64{}
	r.recognize()
	if len(r.tops) == 0 {
		return
	}
	r.hints()
	// Pass 1: strong evidence only (countries, demonyms, hinted places,
	// unambiguous names) builds the context; pass 2 resolves everything
	// with it; one sense per name per document.
	for i := range r.tops {
		t := &r.tops[i]
		if t.demonym {
			r.ctry[t.demCC] += 1
			continue
		}
		if b, ok := r.unambiguous(t); ok {
			r.addContext(b, 1)
		}
	}
	sense := map[string]int32{}
	done := make([]bool, len(r.tops))
	for _, i := range r.resolutionOrder() {
		// A place given relative to another ("X, south of Y") waits
		// for that one (anchors point one level deep only).
		if a := r.tops[i].anchor; a >= 0 && !done[a] {
			r.resolveOne(a, sense, done)
		}
		r.resolveOne(i, sense, done)
	}
	// Later mentions of a name follow its first confident sense.
	for i := range r.tops {
		t := &r.tops[i]
		if t.demonym || t.hintCC != "" || t.anchor >= 0 || t.listCC != "" {
			continue
		}
		if b, ok := sense[t.key]; ok && b >= 0 {
			t.best, t.conf = b, true
		}
	}
	for i := range r.tops {
		t := &r.tops[i]
		if t.demonym && !r.cfg.Demonyms {
			continue
		}
		loc := document.Location{Span: t.span, Name: d.Slice(t.span), Mention: t.mention}
		if t.best >= 0 && t.conf {
			p := r.g.Place(int(t.best))
			lat, lon := p.Lat, p.Lon
			loc.Name, loc.Country, loc.Adm1, loc.Feature, loc.GeonameID = p.Name, p.Country, p.Adm1, p.Feature, p.ID
			if p.Feature == gazetteer.FeatCountry {
				loc.Adm1 = ""
			}
			loc.Lat, loc.Lon = &lat, &lon
		}
		d.Locations = append(d.Locations, loc)
	}
}

// resolveOne resolves toponym i once with the context so far.
func (r *resolver) resolveOne(i int, sense map[string]int32, done []bool) {
	if done[i] {
		return
	}
	done[i] = true
	t := &r.tops[i]
	if t.demonym {
		if ci, ok := r.g.Country(t.demCC); ok {
			t.best, t.conf = int32(ci), true
		}
		return
	}
	if b, ok := sense[t.key]; ok && t.hintCC == "" && t.anchor < 0 && t.listCC == "" {
		t.best, t.conf = b, b >= 0
		return
	}
	t.best, t.conf = r.score(t)
	if t.conf {
		r.addContext(t.best, 0.5)
	}
	if _, ok := sense[t.key]; !ok || t.conf {
		sense[t.key] = t.best
	}
}

// resolutionOrder puts toponyms with hints and the dateline first, then
// those with a country or division reading, then the rest, each in text
// order.
func (r *resolver) resolutionOrder() []int {
	out := make([]int, 0, len(r.tops))
	tier := func(t *toponym) int {
		switch {
		case t.hintCC != "" || t.dateline:
			return 0
		case r.hasArea(t.cands):
			return 1 // divisions and countries set the context of towns
		}
		return 2
	}
	for want := 0; want < 3; want++ {
		for i := range r.tops {
			if tier(&r.tops[i]) == want {
				out = append(out, i)
			}
		}
	}
	return out
}

// hasArea reports whether cands include a country or first-level division.
func (r *resolver) hasArea(cands []int32) bool {
	for _, c := range cands {
		if f := r.g.Place(int(c)).Feature; f == gazetteer.FeatCountry || f == gazetteer.FeatAdm1 {
			return true
		}
	}
	return false
}

func (r *resolver) addContext(i int32, w float64) {
	p := r.g.Place(int(i))
	if p.Country != "" {
		r.ctry[p.Country] += w
	}
	if p.Adm1 != "" && p.Feature != gazetteer.FeatCountry {
		r.adm[p.Country+"."+p.Adm1] += w
	}
	r.pts = append(r.pts, i)
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
func prior(p *gazetteer.Place) float64 {
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

// score picks the best candidate of t with the document context.
func (r *resolver) score(t *toponym) (int32, bool) {
	if len(t.cands) == 0 {
		return -1, false
	}
	best, bi := math.Inf(-1), int32(-1)
	support := false
	for _, c := range t.cands {
		p := r.g.Place(int(c))
		if t.fuzzy && !r.fuzzyFit(t, p) {
			continue
		}
		s := prior(p)
		sup := false
		if t.hintCC != "" {
			if p.Country == t.hintCC && (t.hintAdm == "" || p.Adm1 == t.hintAdm) {
				s += 6
				sup = true
			} else {
				s -= 3
			}
		}
		switch t.hintFeat {
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
		// people needs more than a shared country to beat a capital.
		m := 1.0
		if p.Feature == gazetteer.FeatCity && p.Population < 50000 {
			m = 0.6
		}
		if p.Country != "" {
			if w := r.ctry[p.Country]; w > 0 {
				s += m * (2.2 + math.Min(w, 4)*0.15)
				sup = true
			}
		}
		if p.Feature != gazetteer.FeatCountry && p.Adm1 != "" {
			if w := r.adm[p.Country+"."+p.Adm1]; w > 0 {
				s += m * 2.5
				sup = true
			}
		}
		if near := r.near(p); near > 0 {
			s += m * near
			sup = true
		}
		if t.listCC != "" && p.Country == t.listCC && p.Feature == t.listFeat {
			// A list's members are alike ("Utah, Washington and
			// Wisconsin" are states).
			s += 4
			sup = true
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

// fuzzyFit reports whether p, found by spelling skeleton only, may be what
// t names: its name is about as long, and it lies in a country the
// document names (or is that country, misspelt).
func (r *resolver) fuzzyFit(t *toponym, p *gazetteer.Place) bool {
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
	return p.Country != "" && r.ctry[p.Country] > 0
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

// near rewards candidates close to places already resolved.
func (r *resolver) near(p *gazetteer.Place) float64 {
	if p.Feature == gazetteer.FeatCountry || p.Feature == gazetteer.FeatContinent || p.Feature == gazetteer.FeatWater {
		return 0
	}
	best := math.Inf(1)
	for _, i := range r.pts {
		q := r.g.Place(int(i))
		// A division that contains a place already resolved ("Quebec"
		// after "Montreal") is as close as it gets.
		if p.Feature == gazetteer.FeatAdm1 && q.Feature == gazetteer.FeatCity && q.Country == p.Country && q.Adm1 == p.Adm1 {
			return 1.5
		}
		if q.Feature == gazetteer.FeatCountry || q.Feature == gazetteer.FeatContinent || q.Feature == gazetteer.FeatRegion || q.Feature == gazetteer.FeatWater || q == p {
			continue
		}
		if km := Distance(p.Lat, p.Lon, q.Lat, q.Lon); km < best {
			best = km
		}
	}
	switch {
	case best < 150:
		return 1.5
	case best < 500:
		return 0.8
	}
	return 0
}

// Distance returns the great-circle distance in kilometres between two
// points given in degrees.
func Distance(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	dlat := (lat2 - lat1) * rad
	dlon := (lon2 - lon1) * rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * 6371.0088 * math.Asin(math.Min(1, math.Sqrt(a)))
}

// isCap reports whether token text w starts with an upper-case letter.
func isCap(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
