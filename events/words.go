package events

import (
	"embed"

	"github.com/newsgraph/newsgraph/internal/lexicon"
)

//go:embed data/words.txt
var dataFS embed.FS

// lex holds the coder's word lists (data/words.txt); each list's meaning is
// documented there.
var lex = lexicon.Load(dataFS, "data/words.txt")

var (
	abstractObjects    = lex.Set("abstractObjects")
	armedCues          = lex.Set("armedCues")
	authorizedActs     = lex.Set("authorizedActs")
	auxiliaries        = lex.Set("auxiliaries")
	beForms            = lex.Set("beForms")
	casualtyCues       = lex.Set("casualtyCues")
	civilianNouns      = lex.Set("civilianNouns")
	clauseBreaks       = lex.Set("clauseBreaks")
	clauseOpeners      = lex.Set("clauseOpeners")
	compoundModifiers  = lex.Set("compoundModifiers")
	coordAdverbs       = lex.Set("coordAdverbs")
	delegates          = lex.Set("delegates")
	demandModifiers    = lex.Set("demandModifiers")
	demandsThat        = lex.Set("demandsThat")
	detailNouns        = lex.Set("detailNouns")
	disasterCues       = lex.Set("disasterCues")
	economicCues       = lex.Set("economicCues")
	endangered         = lex.Set("endangered")
	factGovernors      = lex.Set("factGovernors")
	financeCues        = lex.Set("financeCues")
	futureModifiers    = lex.Set("futureModifiers")
	gerundPreps        = lex.Set("gerundPreps")
	goalObjects        = lex.Set("goalObjects")
	haveForms          = lex.Set("haveForms")
	hazards            = lex.Set("hazards")
	intents            = lex.Set("intents")
	investObjects      = lex.Set("investObjects")
	irregular          = lex.Map("irregular")
	labourCues         = lex.Set("labourCues")
	loanModifiers      = lex.Set("loanModifiers")
	locPreps           = lex.Set("locPreps")
	mediaObjects       = lex.Set("mediaObjects")
	mediaWorkCues      = lex.Set("mediaWorkCues")
	militaryStrikeCues = lex.Set("militaryStrikeCues")
	modalWords         = lex.Set("modalWords")
	modals             = lex.Set("modals")
	negators           = lex.Set("negators")
	nominalIntents     = lex.Set("nominalIntents")
	nounDets           = lex.Set("nounDets")
	nounFollowers      = lex.Set("nounFollowers")
	objectStops        = lex.Set("objectStops")
	objectVerbs        = lex.Set("objectVerbs")
	officials          = lex.Set("officials")
	pairNouns          = lex.Set("pairNouns")
	people             = lex.Set("people")
	phraseStops        = lex.Set("phraseStops")
	physicalNouns      = lex.Set("physicalNouns")
	ploverTypes        = lex.Set("ploverTypes")
	prospectGovernors  = lex.Set("prospectGovernors")
	prospects          = lex.Set("prospects")
	quoteMarks         = lex.Set("quoteMarks")
	recognitionNouns   = lex.Set("recognitionNouns")
	sayVerbs           = lex.Set("sayVerbs")
	signNounModifiers  = lex.Set("signNounModifiers")
	socialProblems     = lex.Set("socialProblems")
	speechCues         = lex.Set("speechCues")
	strikeIdiomObjects = lex.Set("strikeIdiomObjects")
	subordinators      = lex.Set("subordinators")
	typeCodes          = lex.Map("typeCodes")
	pageChromeList     = lex.List("pageChrome")
	titleFunction      = lex.Set("titleFunction")
	warMetaphors       = lex.Set("warMetaphors")
	weapons            = lex.Map("weapons")
	weatherModifiers   = lex.Set("weatherModifiers")
)

// wordsErr reports a problem in data/words.txt.
func wordsErr() error { return lex.Err() }
