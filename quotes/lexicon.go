package quotes

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/internal/keyfilter"
	"github.com/newsgraph/newsgraph/internal/lexicon"
)

// Word classes of the attribution grammar.
const (
	fSpeech      uint32 = 1 << iota // a speech or report verb form: said, told, warned
	fBare                           // the verb takes a bare clause: said the talks failed
	fPast                           // a finite form usable after a subject: said, says, warned
	fTold                           // tell: takes an addressee before its content
	fAux                            // auxiliaries and adverbs between subject and verb: has, also, later
	fPron                           // subject pronouns: he, she, they
	fDet                            // determiners: the, a, his
	fClause                         // words that start a clause and bound a subject: that, which, and
	fPrep                           // prepositions
	fSpeakerNoun                    // lower-case nouns that speak without a determiner: police, officials
	fNominal                        // nominal cues: statement, claim, remarks
	fAddressee                      // addressees after told: reporters, journalists
	fTime                           // time words: Monday, yesterday, today
	fNotSpeaker                     // words that never head a speaker: it's, there, this
	fParticle                       // the second word of a phrasal cue: out (pointed out)
	fBase                           // the base form of a speech verb: conclude, argue (they conclude)
	fVerb                           // a finite verb that is no speech verb: began, spoke, took (ends a speaker phrase)
)

//go:embed data/words.txt
var wordsTxt string

// words holds the stage's word lists (data/words.txt); each list's meaning
// is documented in the file.
var words = lexicon.FromString("data/words.txt", wordsTxt)

// dict maps a lower-case word to its word classes.
var dict = map[string]uint32{}

// Word sets read by the grammar's helpers (data/words.txt).
var (
	abbrev             = words.Set("abbreviations")
	titleIntros        = words.Set("titleIntros")
	nounPlurals        = words.Set("nounPlurals")
	pronounDeterminers = words.Set("pronounDeterminers")
	thoughtPrefixes    = words.List("thoughtPrefixes")
	subordinators      = words.Set("subordinators")
	openQuestions      = words.Set("openQuestions")
	definingWords      = words.Set("definingWords")
	contractedIs       = words.Set("contractedIs")
	negations          = words.Set("negations")
	refusals           = words.Set("refusals")
	passiveAux         = words.Set("passiveAux")
	namingVerbs        = words.Set("namingVerbs")
	roleNouns          = words.Set("roleNouns")
)

func add(f uint32, words ...string) {
	for _, w := range words {
		dict[w] |= f
	}
}

func addSet(f uint32, section string) {
	for _, w := range words.List(section) {
		dict[w] |= f
	}
}

func init() {
	strong := words.Set("bareClauseVerbs")
	noIng := words.Set("noIngForm")
	finite := words.Set("alwaysFinite")
	for _, line := range words.List("speechVerbs") {
		forms := strings.Fields(line)
		if !noIng[forms[0]] && !hasIng(forms) {
			forms = append(forms, ingForm(forms[0]))
		}
		f := fSpeech
		if strong[forms[0]] {
			f |= fBare
		}
		for i, w := range forms {
			g := f
			if i > 0 && !endsWith(w, "ing") || finite[forms[0]] {
				g |= fPast
			}
			if i == 0 {
				g |= fBase
			}
			add(g, w)
		}
	}
	// forms whose use the table cannot say: "pointed out" (a particle),
	// "as X puts it", "shot back", "called it" (no bare clause)
	dict["point"] &^= fBare | fPast
	dict["read"] |= fPast
	dict["put"] |= fPast
	dict["shoot"] &^= fSpeech | fPast
	dict["call"] &^= fBare
	add(fParticle, "out")
	addSet(fTold, "toldVerbs")
	addSet(fSpeech|fPast, "extraSpeechVerbs")
	addSet(fAux, "aux")
	dict["told"] &^= fAux
	addSet(fPron, "pronouns")
	addSet(fDet, "determiners")
	addSet(fClause, "clauseWords")
	addSet(fPrep, "prepositions")
	addSet(fSpeakerNoun, "speakerNouns")
	addSet(fNominal, "nominalCues")
	addSet(fAddressee, "addressees")
	addSet(fTime, "timeWords")
	addSet(fNotSpeaker, "notSpeaker")
	addSet(fVerb, "finiteVerbs")
	for w := range dict {
		if c, ok := keyfilter.Ends(w); ok {
			dictEnds.Add(c)
		}
	}
}

// dictEnds has the class (keyfilter.Ends) of every word of dict: most words
// of a text are in no word class, and cost no map probe (flagsOf).
var dictEnds keyfilter.Filter

// inSet reports whether w, lower-cased (ASCII), is in set.
func inSet(set map[string]bool, w string) bool {
	var b [24]byte
	if len(w) > len(b) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return set[string(b[:len(w)])]
}

// hasIng reports whether forms lists an -ing form.
func hasIng(forms []string) bool {
	for _, f := range forms {
		if endsWith(f, "ing") {
			return true
		}
	}
	return false
}

// ingForm returns the present participle of the verb base: say → saying,
// argue → arguing, quip → quipping (one-syllable consonant-vowel-consonant
// verbs double the consonant).
func ingForm(base string) string {
	n := len(base)
	vowel := func(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }
	switch {
	case n > 2 && base[n-1] == 'e' && base[n-2] != 'e':
		return base[:n-1] + "ing"
	case n >= 3 && n <= 4 && !vowel(base[n-1]) && base[n-1] != 'w' && base[n-1] != 'y' && base[n-1] != 'x' && vowel(base[n-2]) && !vowel(base[n-3]):
		return base + base[n-1:] + "ing"
	}
	return base + "ing"
}

func endsWith(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// flagsOf returns the word classes of w, compared case-insensitively (ASCII).
// It does not allocate.
func flagsOf(w string) uint32 {
	var b [24]byte
	if len(w) > len(b) {
		return 0
	}
	if c, ok := keyfilter.Ends(w); ok && !dictEnds.Has(c) {
		return 0
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return dict[string(b[:len(w)])]
}

// eqFold reports whether w equals the lower-case ASCII word l, ignoring case.
func eqFold(w, l string) bool {
	if len(w) != len(l) {
		return false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != l[i] {
			return false
		}
	}
	return true
}

// IsSpeechVerb reports whether w (any letter case) is a form of one of the
// grammar's speech verbs (data/words.txt, [speechVerbs] and
// [extraSpeechVerbs]): said, told, added. The PolNeAR reader uses it to see
// a gold Source that is a cue word.
func IsSpeechVerb(w string) bool { return dict[strings.ToLower(w)]&fSpeech != 0 }
