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
	auxiliaries         = lex.Set("auxiliaries")
	beForms             = lex.Set("beForms")
	civilianNouns       = lex.Set("civilianNouns")
	clauseBreaks        = lex.Set("clauseBreaks")
	clauseOpeners       = lex.Set("clauseOpeners")
	compoundModifiers   = lex.Set("compoundModifiers")
	coordAdverbs        = lex.Set("coordAdverbs")
	delegates           = lex.Set("delegates")
	factGovernors       = lex.Set("factGovernors")
	futureModifiers     = lex.Set("futureModifiers")
	gerundPreps         = lex.Set("gerundPreps")
	hazards             = lex.Set("hazards")
	intents             = lex.Set("intents")
	irregular           = lex.Map("irregular")
	lightVerbs          = lex.List("lightVerbs")
	locPreps            = lex.Set("locPreps")
	modalWords          = lex.Set("modalWords")
	modals              = lex.Set("modals")
	negators            = lex.Set("negators")
	nounDets            = lex.Set("nounDets")
	nounFollowers       = lex.Set("nounFollowers")
	objectStops         = lex.Set("objectStops")
	objectVerbs         = lex.Set("objectVerbs")
	officials           = lex.Set("officials")
	pairNouns           = lex.Set("pairNouns")
	people              = lex.Set("people")
	phraseStops         = lex.Set("phraseStops")
	ploverTypes         = lex.Set("ploverTypes")
	prospectGovernors   = lex.Set("prospectGovernors")
	prospects           = lex.Set("prospects")
	quoteMarks          = lex.Set("quoteMarks")
	receiveVerbs        = lex.List("receiveVerbs")
	speechCues          = lex.Set("speechCues")
	storyRoles          = lex.Set("storyRoles")
	subordinators       = lex.Set("subordinators")
	topicPreps          = lex.Set("topicPreps")
	typeCodes           = lex.Map("typeCodes")
	pageChromeList      = lex.List("pageChrome")
	titleFunction       = lex.Set("titleFunction")
	weapons             = lex.Map("weapons")
	objectPreps         = lex.Set("objectPreps")
	possPronouns        = lex.Set("possPronouns")
	clauseJoints        = lex.Set("clauseJoints")
	modifiedStops       = lex.Set("modifiedStops")
	softPunct           = lex.Set("softPunct")
	nounMarkers         = lex.Set("nounMarkers")
	namePreps           = lex.Set("namePreps")
	nounPreps           = lex.Set("nounPreps")
	determiners         = lex.Set("determiners")
	conditionOpeners    = lex.Set("conditionOpeners")
	killWords           = lex.Set("killWords")
	shootWords          = lex.Set("shootWords")
	seaWords            = lex.Set("seaWords")
	adjunctOpeners      = lex.Set("adjunctOpeners")
	warnModals          = lex.Set("warnModals")
	weekdays            = lex.Floats("weekdays")
	months              = lex.Floats("months")
	participleFollowers = lex.Set("participleFollowers")
	speechRoots         = lex.Set("speechRoots")
	talkBases           = lex.Set("talkBases")
	symmetricRoots      = lex.Set("symmetricRoots")
	symmetricBases      = lex.Set("symmetricBases")
	mutualBases         = lex.Set("mutualBases")
	stateRoles          = lex.Set("stateRoles")
	targetPreps         = lex.List("targetPreps")
	clauseLinks         = lex.Set("clauseLinks")
	warnVerbs           = lex.Set("warnVerbs")
)

// wordsErr reports a problem in data/words.txt.
func wordsErr() error { return lex.Err() }
