package quotes

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

var dict = map[string]uint32{}

func add(f uint32, words ...string) {
	for _, w := range words {
		dict[w] |= f
	}
}

func init() {
	// Verbs that take a bare clause or a "that" clause.
	bare := [][]string{
		{"say", "said", "says", "saying"},
		{"add", "added", "adds", "adding"},
		{"note", "noted", "notes", "noting"},
		{"warn", "warned", "warns", "warning"},
		{"argue", "argued", "argues", "arguing"},
		{"claim", "claimed", "claims", "claiming"},
		{"insist", "insisted", "insists", "insisting"},
		{"stress", "stressed", "stresses", "stressing"},
		{"write", "wrote", "writes", "writing", "written"},
		{"tweet", "tweeted", "tweets", "tweeting"},
		{"explain", "explained", "explains", "explaining"},
		{"believe", "believed", "believes"},
		{"think", "thought", "thinks"},
		{"contend", "contended", "contends"},
		{"assert", "asserted", "asserts", "asserting"},
		{"suggest", "suggested", "suggests", "suggesting"},
		{"predict", "predicted", "predicts", "predicting"},
		{"acknowledge", "acknowledged", "acknowledges", "acknowledging"},
		{"admit", "admitted", "admits", "admitting"},
		{"announce", "announced", "announces", "announcing"},
		{"declare", "declared", "declares", "declaring"},
		{"report", "reported", "reports", "reporting"},
		{"state", "stated", "states", "stating"},
		{"complain", "complained", "complains", "complaining"},
		{"allege", "alleged", "alleges", "alleging"},
		{"charge", "charged", "charges"},
		{"confirm", "confirmed", "confirms", "confirming"},
		{"deny", "denied", "denies", "denying"},
		{"affirm", "affirmed", "affirms", "affirming"},
		{"emphasize", "emphasized", "emphasizes", "emphasizing", "emphasise", "emphasised", "emphasises"},
		{"maintain", "maintained", "maintains"},
		{"concede", "conceded", "concedes", "conceding"},
		{"conclude", "concluded", "concludes"},
		{"observe", "observed", "observes"},
		{"recall", "recalled", "recalls", "recalling"},
		{"reply", "replied", "replies"},
		{"respond", "responded", "responds"},
		{"promise", "promised", "promises", "promising"},
		{"vow", "vowed", "vows", "vowing"},
		{"pledge", "pledged", "pledges"},
		{"caution", "cautioned", "cautions"},
		{"counter", "countered", "counters"},
		{"urge", "urged", "urges", "urging"},
		{"ask", "asked", "asks", "asking"},
		{"remark", "remarked", "remarks"},
		{"point", "pointed", "points", "pointing"},
		{"tell", "told", "tells", "telling"},
		{"announce", "announced"},
		{"estimate", "estimated", "estimates"},
		{"indicate", "indicated", "indicates"},
		{"reveal", "revealed", "reveals"},
		{"continue", "continued", "continues"},
		{"joke", "joked", "jokes"},
		{"quip", "quipped", "quipping"},
		{"boast", "boasted", "boasts"},
		{"lament", "lamented", "laments"},
		{"hint", "hinted", "hints"},
		{"speculate", "speculated"},
		{"testify", "testified", "testifies"},
		{"exclaim", "exclaimed"},
		{"mention", "mentioned", "mentions"},
		{"repeat", "repeated", "repeats"},
		{"proclaim", "proclaimed"},
		{"learn", "learned", "learnt"},
		{"feel", "felt", "feels"},
		{"worry", "worried", "worries"},
		{"fear", "feared", "fears"},
		{"hope", "hoped", "hopes"},
		{"expect", "expected", "expects"},
		{"know", "knew", "knows"},
		{"agree", "agreed", "agrees"},
		{"recommend", "recommended"},
		{"demand", "demanded", "demands"},
		{"threaten", "threatened", "threatens"},
		{"accuse", "accused", "accuses"},
		{"describe", "described", "describes"},
		{"call", "called", "calls"},
		{"blame", "blamed", "blames"},
		{"criticize", "criticized", "criticizes", "criticise", "criticised"},
		{"praise", "praised", "praises"},
		{"question", "questioned", "questions"},
		{"dismiss", "dismissed", "dismisses"},
		{"read", "reads"},
		{"remember", "remembered", "remembers"},
		{"muse", "mused", "muses"},
		{"ponder", "pondered", "ponders"},
		{"wonder", "wondered", "wonders"},
		{"shout", "shouted", "shouts"},
		{"yell", "yelled", "yells"},
		{"scream", "screamed", "screams"},
		{"chant", "chanted", "chants"},
		{"retort", "retorted", "retorts"},
		{"reiterate", "reiterated", "reiterates"},
		{"plead", "pleaded", "pleads"},
		{"whisper", "whispered"},
		{"cry", "cried", "cries"},
		{"interject", "interjected"},
		{"opine", "opined"},
		{"scoff", "scoffed"},
		{"snap", "snapped"},
		{"recount", "recounted", "recounts"},
		{"marvel", "marveled", "marvelled"},
		{"gush", "gushed"},
		{"mock", "mocked", "mocks"},
		{"echo", "echoed", "echoes"},
		{"advise", "advised", "advises"},
		{"post", "posted", "posts"},
		{"sigh", "sighed"},
		{"add", "added"},
		{"fume", "fumed", "fumes"},
		{"cite", "cited", "cites", "citing"},
		{"scold", "scolded", "scolds"},
		{"shoot", "shot"},
		{"snarl", "snarled"},
		{"blast", "blasted", "blasts"},
		{"slam", "slammed", "slams"},
		{"put", "puts"},
		{"sing", "sang", "sings"},
		{"answer", "answered", "answers"},
		{"challenge", "challenged", "challenges"},
		{"knock", "knocked", "knocks"},
		{"dub", "dubbed", "dubs", "dubbing"},
		{"label", "labeled", "labelled", "labels"},
		{"brand", "branded", "brands"},
		{"chide", "chided", "chides"},
		{"bark", "barked", "barks"},
		{"grouse", "groused"},
		{"characterize", "characterized", "characterizes", "characterise", "characterised"},
		{"denounce", "denounced", "denounces"},
		{"decry", "decried", "decries", "decrying"},
		{"thunder", "thundered"},
		{"rail", "railed", "rails"},
		{"huff", "huffed"},
		{"gripe", "griped"},
		{"rant", "ranted"},
		{"demur", "demurred", "demurring"},
		{"refer", "referred", "refers", "referring"},
	}
	strong := map[string]bool{"say": true, "add": true, "note": true, "warn": true, "argue": true, "claim": true, "insist": true,
		"stress": true, "write": true, "tweet": true, "explain": true, "believe": true, "think": true, "contend": true, "assert": true,
		"suggest": true, "predict": true, "acknowledge": true, "admit": true, "announce": true, "declare": true, "report": true,
		"confirm": true, "tell": true, "concede": true, "maintain": true, "affirm": true, "emphasize": true, "reply": true,
		"respond": true, "complain": true, "continue": true, "joke": true, "quip": true, "recall": true, "observe": true,
		"conclude": true, "allege": true, "vow": true, "promise": true, "feel": true, "hope": true, "fear": true, "know": true,
		"estimate": true, "testify": true, "boast": true, "lament": true, "exclaim": true, "counter": true, "caution": true, "state": true,
		"learn": true, "worry": true, "expect": true, "agree": true, "hint": true, "speculate": true, "reveal": true, "indicate": true,
		"remark": true, "proclaim": true, "mention": true, "repeat": true, "reiterate": true, "remember": true, "wonder": true,
		"retort": true, "muse": true, "recount": true, "marvel": true, "opine": true}
	// verbs that are cues only with "that" or a colon or a quote after them
	// communication verbs get their -ing form (", calling it “…”"); verbs of
	// thought and ambiguous ones (the shooting, a reading) do not
	noIng := map[string]bool{"shoot": true, "put": true, "read": true, "sing": true, "post": true, "cry": true, "learn": true,
		"know": true, "feel": true, "think": true, "believe": true, "fear": true, "worry": true, "expect": true, "hope": true,
		"remember": true, "wonder": true, "agree": true, "continue": true, "state": true, "point": true, "brand": true, "rail": true,
		"label": true, "question": true, "charge": true, "counter": true, "report": true}
	for i, forms := range bare {
		if !noIng[forms[0]] && !hasIng(forms) {
			bare[i] = append(forms, ingForm(forms[0]))
		}
	}
	for _, forms := range bare {
		f := fSpeech
		if strong[forms[0]] {
			f |= fBare
		}
		for i, w := range forms {
			g := f
			if i > 0 && !endsWith(w, "ing") {
				g |= fPast
			}
			if i == 0 {
				g |= fBase
			}
			if forms[0] == "say" || forms[0] == "tell" || forms[0] == "write" || forms[0] == "think" || forms[0] == "know" || forms[0] == "feel" {
				g |= fPast
			}
			add(g, w)
		}
	}
	dict["point"] &^= fBare | fPast
	dict["read"] |= fPast
	dict["put"] |= fPast
	dict["shoot"] &^= fSpeech | fPast // only "shot back"
	dict["call"] &^= fBare
	add(fTold, "tell", "told", "tells", "telling", "ask", "asked", "asks", "assure", "assured", "warn", "warned", "warns", "remind", "reminded", "inform", "informed", "promise", "promised", "urge", "urged")
	add(fSpeech|fPast, "assure", "assured", "remind", "reminded", "inform", "informed")
	add(fParticle, "out")
	add(fAux, "has", "have", "had", "also", "later", "then", "previously", "earlier", "once", "recently", "repeatedly", "again",
		"would", "will", "may", "might", "could", "should", "can", "did", "does", "do", "is", "was", "were", "are", "been", "be",
		"not", "never", "often", "always", "still", "already", "further", "subsequently", "reportedly", "publicly", "privately",
		"just", "even", "only", "first", "last", "flatly", "quickly", "simply", "separately", "similarly", "however", "too",
		"falsely", "correctly", "wrongly", "loudly", "openly", "bluntly", "frankly", "angrily", "calmly", "firmly", "told",
		"initially", "ultimately", "finally", "actually", "now", "had", "n't")
	dict["told"] &^= fAux
	add(fVerb, "began", "spoke", "took", "made", "gave", "went", "came", "saw", "found", "held", "ran", "won", "became",
		"brought", "kept", "sent", "met", "sat", "stood", "struck", "drew", "grew", "chose", "rose", "fell", "broke", "built",
		"bought", "caught", "fought", "paid", "sold", "spent", "taught", "wore", "threw", "forgot")
	add(fPron, "he", "she", "they", "i", "we", "you", "it", "who")
	add(fDet, "the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "that", "these", "those", "one", "another",
		"some", "many", "several", "two", "three", "four", "five", "other", "most", "few", "both", "each", "every", "all", "no", "any")
	add(fClause, "that", "which", "who", "whom", "whose", "and", "but", "or", "nor", "because", "if", "when", "while", "as",
		"so", "although", "though", "whether", "where", "after", "before", "since", "until", "unless", "than", "what", "how", "why",
		"whereas", "yet", "once")
	add(fPrep, "in", "on", "at", "to", "for", "with", "from", "by", "of", "about", "during", "after", "before", "since",
		"into", "over", "under", "through", "via", "per", "against", "among", "amid", "without", "within", "across", "near", "like", "outside", "inside",
		"behind", "beyond", "toward", "towards", "around", "upon", "despite", "along", "between", "throughout", "onto", "alongside", "versus")
	add(fSpeakerNoun, "police", "officials", "sources", "witnesses", "residents", "analysts", "experts", "critics", "authorities",
		"prosecutors", "investigators", "doctors", "officers", "aides", "advisers", "advisors", "lawmakers", "diplomats",
		"activists", "observers", "economists", "researchers", "scientists", "supporters", "opponents", "democrats", "republicans",
		"rebels", "protesters", "organizers", "organisers", "people", "voters", "survivors", "spokesmen", "spokespeople",
		"reporters", "journalists", "insiders", "negotiators", "soldiers", "troops", "medics", "staff", "employees", "workers",
		"parents", "students", "teachers", "farmers", "villagers", "leaders", "members", "pollsters", "strategists", "historians",
		"participants", "respondents", "americans", "officials.", "regulators", "judges", "lawyers", "attorneys", "the",
		"estimates", "figures", "records", "data", "polls", "surveys")
	delete(dict, "officials.")
	dict["the"] &^= fSpeakerNoun
	add(fNominal, "statement", "statements", "claim", "claims", "assertion", "assertions", "remarks", "comments", "warning",
		"argument", "insistence", "announcement", "allegation", "allegations", "suggestion", "promise", "pledge", "admission",
		"contention", "belief", "view", "declaration", "charge", "accusation", "testimony", "prediction", "message")
	add(fAddressee, "reporters", "journalists", "the", "a", "an", "me", "him", "her", "them", "us", "you", "lawmakers",
		"supporters", "voters", "audience", "crowd", "press", "listeners", "viewers", "parliament", "congress", "senators",
		"students", "delegates", "members", "colleagues", "officials", "people", "investigators", "police")
	add(fTime, "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
		"tomorrow", "recently", "earlier", "ago", "week", "weeks", "month", "months", "year", "years", "night", "morning", "afternoon", "evening", "later", "last", "this", "next", "on", "in", "at", "during", "late", "early")
	add(fNotSpeaker, "there", "here", "this", "it's", "what", "which", "that", "who", "whom", "these", "those", "such", "so",
		"to", "not", "no", "as", "if", "because", "when", "while", "also", "and", "or", "but", "be", "been", "being", "is", "was",
		"were", "are", "has", "have", "had", "would", "will", "could", "should", "can", "may", "might", "must", "did", "does", "do")
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
