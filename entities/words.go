package entities

import (
	_ "embed"

	"github.com/newsgraph/newsgraph/internal/lexicon"
)

//go:embed data/words.txt
var wordsTxt string

// lex holds the stage's word lists (data/words.txt): titles, honorifics,
// given names, role and organisation words, function words. Each list's
// meaning is documented in the file; the code below only names them.
var lex = lexicon.FromString("data/words.txt", wordsTxt)

var (
	agentNORP          = lex.Map("agentNORP")
	agentVerbs         = lex.Set("agentVerbs")
	bilateralNouns     = lex.Set("bilateralNouns")
	bilateralWords     = lex.Set("bilateralWords")
	closingBrackets    = lex.Set("closingBrackets")
	coordinators       = lex.Set("coordinators")
	copulas            = lex.Set("copulas")
	bodyClasses        = lex.Set("bodyClasses")
	busOwners          = lex.Map("busOwners")
	courtesyTitles     = lex.Set("courtesyTitles")
	dashes             = lex.Set("dashes")
	eduWords           = lex.Set("eduWords")
	taggerTypes        = lex.Map("taggerTypes")
	groupCodes         = lex.Set("groupCodes")
	companyNouns       = lex.Set("companyNouns")
	companyOnlyNouns   = lex.Set("companyOnlyNouns")
	corporateSuffixes  = lex.Set("corporateSuffixes")
	determiners        = lex.Set("determiners")
	facilityWords      = lex.Set("facilityWords")
	firstNames         = lex.Map("firstNames")
	followWords        = lex.Set("followWords")
	forceCodes         = lex.Set("forceCodes")
	geoFeature         = lex.Set("geoFeature")
	groupNouns         = lex.Set("groupNouns")
	honorifics         = lex.Set("honorifics")
	indefinites        = lex.Set("indefinites")
	institutionHeads   = lex.Map("institutionHeads")
	institutionClasses = lex.Map("institutionClasses")
	kindClasses        = lex.Map("kindClasses")
	sectorWords        = lex.Map("sectorWords")
	sectorClasses      = lex.Map("sectorClasses")
	legalSuffixes      = lex.Set("legalSuffixes")
	lowerNameStarts    = lex.Set("lowerNameStarts")
	lowerNameWords     = lex.Set("lowerNameWords")
	militaryHeads      = lex.Set("militaryHeads")
	modifiers          = lex.Set("modifiers")
	memberClasses      = lex.Set("memberClasses")
	ministryWords      = lex.Set("ministryWords")
	modifierWords      = lex.Set("modifierWords")
	nameLinks          = lex.Set("nameLinks")
	nationalSocieties  = lex.Set("nationalSocieties")
	norps              = lex.Set("norps")
	objectVerbs        = lex.Set("objectVerbs")
	officeWords        = lex.Set("officeWords")
	openingBrackets    = lex.Set("openingBrackets")
	orgHeads           = lex.Set("orgHeads")
	orgNouns           = lex.Set("orgNouns")
	ownerKinds         = lex.Set("ownerKinds")
	partyWords         = lex.Set("partyWords")
	placeNouns         = lex.Set("placeNouns")
	portfolioClasses   = lex.Set("portfolioClasses")
	possessives        = lex.Set("possessives")
	possessiveMarks    = lex.Set("possessiveMarks")
	possessivePronouns = lex.Set("possessivePronouns")
	prepositions       = lex.Set("prepositions")
	pronouns           = lex.Map("pronouns") // a pronoun's gender ("m", "f"), "plural" or "thing"
	rankAdjectives     = lex.Set("rankAdjectives")
	roleAdjectives     = lex.Set("roleAdjectives")
	settable           = lex.Set("settable")
	speechVerbs        = lex.Set("speechVerbs")
	stateMarkers       = lex.Set("stateMarkers")
	storyParties       = lex.Map("storyParties")
	titles             = lex.Map("titles")
	titleStop          = lex.Set("titleStop")
	titleRoles         = lex.Map("titleRoles")
	trailingPuncts     = lex.Set("trailingPuncts")
)
