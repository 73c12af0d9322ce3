package entities

// Word lists (facts) used by the rule layers and coreference.

// titles are words that precede a person's name and are not part of the
// mention ("Foreign Minister Ana Ortega" → "Ana Ortega"). Values give a
// gender when the title implies one.
var titles = map[string]string{
	"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f", "miss": "f",
	"dr": "", "dr.": "", "prof": "", "prof.": "", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
	"president": "", "minister": "", "prime": "", "foreign": "", "interior": "", "defence": "", "defense": "",
	"finance": "", "health": "", "justice": "", "trade": "", "energy": "", "oil": "", "deputy": "", "vice": "",
	"secretary": "", "general": "", "gen.": "", "gen": "", "lt.": "", "col.": "", "colonel": "", "major": "",
	"captain": "", "capt.": "", "commander": "", "admiral": "", "ambassador": "", "envoy": "", "senator": "",
	"sen.": "", "rep.": "", "governor": "", "gov.": "", "mayor": "", "judge": "", "justice.": "",
	"king": "m", "queen": "f", "prince": "m", "princess": "f", "sheikh": "", "emir": "m", "pope": "m",
	"chancellor": "", "premier": "", "chief": "", "spokesman": "m", "spokeswoman": "f", "spokesperson": "",
	"former": "", "state": "", "of": "", "speaker": "", "prosecutor": "", "attorney": "",
	"democrat": "", "republican": "", "democratic": "", "conservative": "", "labour": "",
	"ayatollah": "m", "cardinal": "m", "father": "m", "rev.": "", "reverend": "",
}

// honorifics are courtesy titles that may stand between a role and a
// name: "Prime Minister Sheikh Hasina", "President Dr. Ana Ruiz".
var honorifics = map[string]bool{
	"dr": true, "dr.": true, "prof": true, "prof.": true, "sir": true, "dame": true, "sheikh": true, "sheikha": true,
	"ayatollah": true, "rev.": true, "reverend": true, "mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true,
	"ms.": true, "imam": true, "mullah": true, "emir": true,
}

// titleStop lists titles that cannot start a stripped prefix on their own:
// they are stripped only after another title ("Secretary of State").
var titleStop = map[string]bool{"of": true, "state": true, "general": false}

// pronouns maps pronouns to their features.
var pronouns = map[string]struct {
	gender string // "m", "f" or ""
	plural bool
	thing  bool // it, its
}{
	"he": {gender: "m"}, "him": {gender: "m"}, "his": {gender: "m"}, "himself": {gender: "m"},
	"she": {gender: "f"}, "her": {gender: "f"}, "hers": {gender: "f"}, "herself": {gender: "f"},
	"they": {plural: true}, "them": {plural: true}, "their": {plural: true},
	"it": {thing: true}, "its": {thing: true},
}

// modifiers may stand between a determiner and a role word inside a
// nominal mention ("the veteran diplomat", "a senior official").
var modifiers = map[string]bool{
	"veteran": true, "senior": true, "top": true, "former": true, "chief": true, "new": true,
	"outgoing": true, "incoming": true, "acting": true, "deputy": true, "interim": true, "local": true,
	"regional": true, "federal": true, "national": true, "state": true, "military": true, "elderly": true,
	"armed": true, "anti-government": true, "opposition": true, "government": true, "allied": true,
	"islamist": true, "separatist": true, "rebel": true, "riot": true, "young": true, "hardline": true,
	"longtime": true, "embattled": true, "besieged": true, "two": true, "three": true, "several": true,
	"dozens": true, "hundreds": true, "thousands": true, "of": false,
	"main": true, "leading": true, "defeated": true, "presidential": true, "suspected": true,
	"alleged": true, "jihadist": true,
}

// determiners introduce nominal mentions.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "this": true, "that": true, "these": true, "those": true}

// agentVerbs are verbs after which a capital city stands for its
// government ("Ankara said", "Moscow has rejected").
var agentVerbs = map[string]bool{
	"said": true, "says": true, "say": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"accused": true, "accuses": true, "announced": true, "announces": true, "rejected": true, "rejects": true,
	"denied": true, "denies": true, "warned": true, "warns": true, "urged": true, "urges": true, "called": true,
	"calls": true, "condemned": true, "condemns": true, "responded": true, "insisted": true, "expelled": true,
	"recalled": true, "summoned": true, "wants": true, "agreed": true, "agrees": true, "signed": true,
	"threatened": true, "threatens": true, "demanded": true, "demands": true, "welcomed": true, "welcomes": true,
	"imposed": true, "imposes": true, "sent": true, "sends": true, "blamed": true, "blames": true,
	"is": true, "was": true, "and": false, "insists": true, "vowed": true, "vows": true, "refused": true,
	"backed": true, "backs": true, "criticised": true, "criticized": true, "launched": true, "approved": true,
	"supported": true, "supports": true, "opposed": true, "opposes": true, "praised": true, "praises": true,
	"protested": true, "claimed": true, "claims": true, "confirmed": true, "confirms": true, "hit": true,
	"responds": true, "offered": true, "offers": true, "pledged": true, "pledges": true, "promised": true,
	"froze": true, "halted": true, "suspended": true, "retaliated": true, "struck": true, "deployed": true,
}

// norps are group names that are NORP although no country claims them.
var norps = map[string]bool{
	"kurdish": true, "kurd": true, "kurds": true, "shiite": true, "shiites": true, "shia": true, "sunni": true,
	"sunnis": true, "muslim": true, "muslims": true, "christian": true, "christians": true, "jewish": true,
	"jews": true, "arab": true, "arabs": true, "palestinian": true, "palestinians": true, "rohingya": true,
	"tutsi": true, "hutu": true, "pashtun": true, "druze": true, "alawite": true, "yazidi": true,
	"uyghur": true, "uighur": true, "tamil": true, "catholic": true, "protestant": true, "hindu": true,
	"buddhist": true, "sikh": true, "western": true, "european": true, "african": true, "asian": true,
	"latino": true, "hispanic": true, "islamist": true, "islamic": true, "baloch": true, "amhara": true,
	"oromo": true, "tigrayan": true, "fulani": true, "masai": true, "maasai": true, "berber": true,
}

// agentNORP maps group nouns without a country to a CAMEO code prefix when
// the group acts ("Palestinian militants" → PSE).
var agentNORP = map[string]string{"palestinian": "PSE", "palestinians": "PSE", "kurdish": "KUR", "kurds": "KUR"}

// speechVerbs introduce reported speech ("X said he would ...").
var speechVerbs = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "warned": true, "stated": true,
	"announced": true, "insisted": true, "claimed": true, "argued": true, "noted": true, "denied": true,
}

// geoFeature are last words of names of non-political places ("Jordan
// River", "Red Sea", "Golan Heights").
var geoFeature = map[string]bool{
	"river": true, "sea": true, "lake": true, "mountains": true, "mountain": true, "valley": true,
	"desert": true, "gulf": true, "ocean": true, "strait": true, "straits": true, "heights": true,
	"bay": true, "plateau": true, "basin": true, "peninsula": true, "delta": true, "hills": true,
	"range": true, "channel": true, "coast": true, "corridor": true,
}

// objectVerbs are verbs after which a capital city stands for its
// government ("accused Moscow", "urged Kyiv").
var objectVerbs = map[string]bool{
	"accused": true, "accuses": true, "urged": true, "urges": true, "warned": true, "warns": true,
	"blamed": true, "blames": true, "criticised": true, "criticized": true, "condemned": true,
	"condemns": true, "sanctioned": true, "pressed": true, "asked": true, "told": true, "called on": true,
	"attacked": false, "praised": true, "thanked": true, "rebuked": true,
}

// possessives are possessive pronouns before a role ("its spokesman",
// "his forces").
var possessives = map[string]bool{"its": true, "his": true, "her": true, "their": true}

// followWords are function words and auxiliaries that may follow the head
// of a noun phrase ("the army and police", "the court in Lagos").
var followWords = map[string]bool{
	"and": true, "or": true, "but": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"with": true, "by": true, "from": true, "that": true, "which": true, "who": true, "as": true, "after": true,
	"before": true, "since": true, "into": true, "also": true, "then": true, "not": true, "is": true, "was": true,
	"are": true, "were": true, "be": true, "been": true, "can": true, "could": true, "may": true, "might": true,
	"must": true, "should": true, "shall": true, "will": true, "would": true, "did": true, "do": true, "does": true,
	"had": true, "has": true, "have": true, "'s": true, "’s": true, "over": true, "against": true, "about": true,
	"under": true, "until": true, "while": true, "when": true, "where": true, "if": true, "because": true,
	"now": true, "still": true, "later": true, "earlier": true, "today": true, "yesterday": true, "tomorrow": true,
	"last": true, "this": true, "near": true, "outside": true, "inside": true, "across": true, "along": true,
	"left": true, "took": true, "went": true, "came": true, "made": true, "gave": true, "met": true, "held": true,
	"sent": true, "told": true, "led": true, "fought": true, "began": true, "won": true, "lost": true, "kept": true,
	"found": true, "set": true, "put": true, "struck": true, "shot": true, "broke": true, "ran": true, "sought": true,
	"fell": true, "rose": true, "hit": true, "cut": true, "seized": true, "took over": true, "withdrew": true,
	"stood": true, "brought": true, "ordered": true, "ruled": true, "upheld": true, "overturned": true, "heard": true,
	"say": true, "said": true, "late": true, "early": true, "alone": true, "itself": true, "too": true, "than": true,
}

// facilityWords are capitalized words that end a facility name ("Santa
// Cruz Palace", "Tahrir Square", "Bole International Airport").
var facilityWords = map[string]bool{
	"palace": true, "hotel": true, "square": true, "stadium": true, "airport": true, "bridge": true,
	"mosque": true, "church": true, "cathedral": true, "tower": true, "towers": true, "building": true,
	"embassy": true, "prison": true, "crossing": true, "dam": true, "castle": true, "temple": true,
	"station": true, "airbase": true, "monument": true, "gate": true, "compound": true, "complex": true,
}

// placeNouns are lower-case nouns after which a known place name is a
// place ("the Rafah crossing", "the Idlib province").
var placeNouns = map[string]bool{
	"crossing": true, "border": true, "area": true, "region": true, "province": true, "district": true,
	"camp": true, "valley": true, "city": true, "town": true, "village": true, "airport": true, "port": true,
	"governorate": true, "strip": true, "county": true, "state": true, "refugee": true, "checkpoint": true,
}
