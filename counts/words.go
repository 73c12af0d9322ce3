package counts

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/internal/lexicon"
)

//go:embed data/words.txt
var wordsTxt string

// lex holds the extractor's word lists (data/words.txt): qualifiers, units,
// currencies, number words, category triggers, the words that make a
// number no count, and the function words of noun phrases and clauses.
// Each list's meaning is documented in the file; all keys are lower case
// (currency codes excepted).
var lex = lexicon.FromString("data/words.txt", wordsTxt)

var (
	adjectives          = lex.Set("adjectives")
	ageBounds           = lex.Set("ageBounds")
	ageEnds             = lex.Set("ageEnds")
	determinedMarks     = lex.Set("determinedMarks")
	pluralHeads         = lex.Set("pluralHeads")
	pronouns            = lex.Set("pronouns")
	npDeterminers       = lex.Set("npDeterminers")
	subunits            = lex.Map("subunits")
	fractionBlockers    = lex.Set("fractionBlockers")
	listJoints          = lex.Set("listJoints")
	quoteMarks          = lex.Set("quoteMarks")
	smallDeterminers    = lex.Set("smallDeterminers")
	spendVerbs          = lex.Set("spendVerbs")
	subordinators       = lex.Set("subordinators")
	youngNouns          = lex.Set("youngNouns")
	amountUnits         = lex.Map("amountUnits")
	approxQualifiers    = lex.Set("approxQualifiers")
	auxAdverbs          = lex.Set("auxAdverbs")
	changeNouns         = lex.Set("changeNouns")
	changeVerbs         = lex.Set("changeVerbs")
	clauseStart         = lex.Set("clauseStart")
	clockWords          = lex.Set("clockWords")
	copulas             = lex.Set("copulas")
	currencyCodes       = lex.Set("currencyCodes")
	currencySymbols     = lex.Map("currencySymbols")
	currencyWords       = lex.Map("currencyWords")
	datePreps           = lex.Set("datePreps")
	dollarWords         = lex.Set("dollarWords")
	estimateVerbs       = lex.Set("estimateVerbs")
	fractionWords       = lex.Floats("fractionWords")
	genericNouns        = lex.Set("genericNouns")
	humanNouns          = lex.Set("humanNouns")
	labelWords          = lex.Set("labelWords")
	localCurrency       = lex.Map("localCurrency")
	measureUnits        = lex.Set("measureUnits")
	millionNouns        = lex.Set("millionNouns")
	multipliers         = lex.Floats("multipliers")
	moneyAid            = lex.Set("moneyAid")
	months              = lex.Set("months")
	nationalCurrency    = lex.Map("nationalCurrency")
	nationalitySuffixes = lex.List("nationalitySuffixes")
	nationalPound       = lex.Map("nationalPound")
	nominalAdjectives   = lex.Set("nominalAdjectives")
	nounEdIng           = lex.Set("nounEdIng")
	nounLy              = lex.Set("nounLy")
	percentWords        = lex.Set("percentWords")
	periodWords         = lex.Set("periodWords")
	ofDeterminers       = lex.Set("ofDeterminers")
	quantityWords       = lex.Set("quantityWords")
	plainPlurals        = lex.Set("plainPlurals")
	qualifiers1         = lex.Set("qualifiers1")
	qualifiers2         = lex.Set("qualifiers2")
	qualifiers3         = lex.Set("qualifiers3")
	saying              = lex.Set("saying")
	scaleWords          = lex.Floats("scaleWords")
	scoreWords          = lex.Set("scoreWords")
	smallWords          = lex.Floats("smallWords")
	stopObject          = lex.Set("stopObject")
	streetWords         = lex.Set("streetWords")
	timeUnits           = lex.Set("timeUnits")
	transitiveChange    = lex.Set("transitiveChange")
	triggerWords        = lex.Map("triggerWords")
	vagueBase           = lex.Floats("vagueBase")
	vagueScale          = lex.Floats("vagueScale")
	weakAfter           = lex.Set("weakAfter")
	triggerPrefixes     = lex.Pairs("triggerPrefixes")
)

// phraseTrigger is a multi-word category trigger.
type phraseTrigger struct {
	words []string
	cat   string
}

// phraseTriggers are the multi-word category triggers (data/words.txt
// [phraseTriggers]) by first word, each list in file order, matched on
// lower-case token text.
var phraseTriggers = func() map[string][]phraseTrigger {
	m := map[string][]phraseTrigger{}
	for _, p := range lex.Pairs("phraseTriggers") {
		ws := strings.Fields(p[0])
		m[ws[0]] = append(m[ws[0]], phraseTrigger{ws, p[1]})
	}
	return m
}()
