// Package geo is the pipeline stage "geo": it finds toponyms in a document
// and resolves them to places of the embedded gazetteer, filling the
// locations layer. Its word knowledge is data (data/words.txt).
//
// Recognition (recognize.go, streets.go) finds, in this order, streets and
// numbered roads ("Washington Street", "Interstate 70": they take the point
// of their town), the GPE/LOC/FAC name mentions of the entities stage when
// it ran, and the gazetteer names of capitalized token runs, so the stage
// works with or without mentions. Mentions cut short grow to the gazetteer
// name around them; a place heading or closing an organisation's name
// ("Goshen Fire Department", "University of Oregon", "U.S. Army") is a
// location of kind nested; nationality and residents' words ("Omani",
// "Oklahomans") are locations of kind demonym; a mention the gazetteer does
// not know is kept only when the text marks it as a place ("in X", "the
// village of X", "the X river"). Names that may be ordinary words or
// people's ("Salt prices rose", "Clinton said", a town tagged as a person)
// are doubtful and are kept only with the evidence their doubt asks for
// (accept.go). Metonymy ("Washington said") is still a location.
//
// Resolution (resolve.go) reads all toponyms of the document jointly: one
// sense per name, scored by feature class and population and by the
// document's evidence (the countries and divisions of its other places,
// their distance, divisions containing them, the dateline's division as the
// setting, a dateline or outlet kept in the metadata: setting.go), by
// local patterns ("X, Y" with Y a division, "Y province", "the state of
// X", "X, south of Y", lists and pairs of places read alike), first
// greedily and then refined against every other choice until none
// changes. Every resolved toponym has coordinates. The cost is linear in
// the document's length.
package geo

import (
	"context"
	"fmt"
	"math"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Config tunes the stage. The zero value is the default.
type Config struct{}

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
	r := resolver{g: s.g, d: d, cfg: s.cfg, ctx: ctx}
	r.run()
	r.releaseTops()
	if err := ctx.Err(); err != nil {
		return err // over the document's budget: stopped between steps
	}
	d.SentencePlace = sentencePlaces(d, d.SentencePlace[:0])
	return nil
}

// done reports whether the document's context is over (its budget): run
// stops between steps and Process returns the context's error.
func (r *resolver) done() bool { return r.ctx != nil && r.ctx.Err() != nil }

// toponym is one recognized span before resolution.
type toponym struct {
	span     document.Span
	key      string  // normalized name
	cands    []int32 // gazetteer candidates
	mention  int     // index into d.Mentions or -1
	demonym  bool    // a nationality or residents' word standing for its place (cands)
	street   bool    // a street or road: it takes its town's place (placeStreets)
	nested   bool    // part of an organisation's or building's name
	doubt    uint8   // doubtNone, doubtKind or doubtCap (see plausible)
	hintCC   string  // country or division named right after ("Paris, Texas")
	hintAdm  string  // division code of that hint
	hintFeat string  // feature the text states ("state", "province", "city")
	anchor   int     // toponym it is placed relative to ("X, south of Y", "X near Y"), or -1
	fuzzy    bool    // cands share only a spelling skeleton with the text
	weak     bool    // cands name only part of the text ("Fraser" of "Fraser Valley")
	listCC   string  // country most members of its list share ("Ohio, Iowa and Washington")
	listFeat string  // feature most members of its list share
	pair     int     // 1 + the toponym it is named together with ("from X to Y", "X and Y"), 0 when none
	dateline bool
	best     int32 // chosen place, -1 when none
	conf     bool
	drop     bool // a doubtful name without evidence (accept)
	virtual  bool // a place of the metadata, not of the text (setting.go)
}

// FeatStreet is the feature of a street or road location: the gazetteer
// has none, so it takes the point of its town.
const FeatStreet = "street"

type resolver struct {
	ctx       context.Context // the document's (budget); nil: none
	g         *gazetteer.Gazetteer
	d         *document.Document
	cfg       Config
	tops      []toponym
	hasDL     bool        // the text opens with a dateline
	taken     spanSet     // bytes covered by recognized toponyms
	endAt     map[int]int // byte offset → the toponym ending there
	personTok []bool      // tokens of towns the entities stage tagged as people's names
	orgTok    []bool      // tokens of places the entities stage tagged as organisations' names
	// resolution state (resolve.go)
	ev       evidence
	setting  admKey              // the division of the dateline's place, zero when none
	priorBuf []float64           // scratch for scoreGroup
	byKey    map[string]*group   // the group of every name without a local hint
	hintedBy map[string][]*group // lone occurrences with hints, by name
}

func (r *resolver) run() {
	d := r.d
	r.recognize()
	if len(r.tops) == 0 || r.done() {
		return
	}
	r.hints()
	r.addVirtual(r.hasDL)
	r.resolve()
	if r.done() {
		return
	}
	r.accept()
	r.placeStreets()
	// The coordinates of every resolved place in one array (two
	// allocations a place were most of the stage's).
	n := 0
	for i := range r.tops {
		if t := &r.tops[i]; !t.drop && !t.virtual && t.best >= 0 {
			n++
		}
	}
	coords := make([]float64, 0, 2*n)
	for i := range r.tops {
		t := &r.tops[i]
		if t.drop || t.virtual {
			continue
		}
		loc := document.Location{Span: t.span, Name: d.Slice(t.span), Mention: t.mention, Kind: document.LocName}
		switch {
		case t.demonym:
			loc.Kind = document.LocDemonym
		case t.nested:
			loc.Kind = document.LocNested
		}
		if t.best >= 0 {
			p := r.g.Place(int(t.best))
			loc.Name, loc.Country, loc.Adm1, loc.Feature, loc.GeonameID = p.Name, p.Country, p.Adm1, p.Feature, p.ID
			if p.Feature == gazetteer.FeatCountry {
				loc.Adm1 = ""
			}
			if t.street {
				loc.Name, loc.Feature, loc.GeonameID = d.Slice(t.span), FeatStreet, 0
			}
			coords = append(coords, p.Lat, p.Lon)
			loc.Lat, loc.Lon = &coords[len(coords)-2], &coords[len(coords)-1]
		} else if t.street {
			loc.Feature = FeatStreet
		}
		d.Locations = append(d.Locations, loc)
	}
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
	if w != "" && w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z' // unicode.IsUpper of an ASCII letter
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
