package geo

import (
	_ "embed"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/internal/lexicon"
)

//go:embed data/words.txt
var wordsTxt string

// lex holds the stage's word lists (data/words.txt); each list's meaning is
// documented in the file. Keys are lower case.
var lex = lexicon.FromString("data/words.txt", wordsTxt)

var (
	connectors      = lex.Set("connectors")
	designators     = lex.Map("designators")
	generic         = lex.Set("generic")
	compass         = lex.Set("compass")
	calendar        = lex.Set("calendar")
	seasons         = lex.Set("seasons")
	titles          = lex.Set("titles")
	speech          = lex.Set("speech")
	openers         = lex.Set("openers")
	partWords       = lex.Set("partWords")
	clubs           = lex.Set("clubs")
	locatives       = lex.Set("locatives")
	weakLocatives   = lex.Set("weakLocatives")
	strongLocatives = lex.Set("strongLocatives")
	notLocative     = lex.Set("notLocative")
	placeNouns      = lex.Set("placeNouns")
	featureNouns    = lex.Set("featureNouns")
	directions      = lex.Set("directions")
	placeMods       = lex.Set("placeMods")
	languageNext    = lex.Set("languageNext")
	languageBefore  = lex.Set("languageBefore")
	streetWords     = lex.Set("streetWords")
	routeStarts     = lex.Set("routeStarts")
	routeWords      = lex.Set("routeWords")
	orgWords        = lex.Set("orgWords")
	orgStarts       = lex.Set("orgStarts")
	publications    = lex.Set("publications")
	// divisionDemonyms maps a normalized residents' word ("texans") to its
	// division ("US-TX").
	divisionDemonyms = normalizedKeys(lex.Map("demonyms"))
)

func normalizedKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[country.Normalize(k)] = v
	}
	return out
}
