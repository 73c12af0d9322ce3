package counts

// Word lists the extractor uses. All keys are lower case.

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// qualifiers1 and qualifiers2 are one- and two-word qualifiers that may
// precede a figure; approxQualifiers mark the figure as approximate.
var (
	qualifiers1 = set("about", "around", "nearly", "almost", "over", "some", "approximately",
		"roughly", "estimated", "under", "only", "just", "barely", "exactly", "approx.", "circa",
		"ca.", "below", "above", "upwards", "~")
	qualifiers2 = set("at least", "more than", "less than", "fewer than", "up to", "as many as",
		"close to", "at most", "upwards of", "an estimated", "no fewer", "no more", "just over",
		"just under", "well over", "nearly all", "as few", "in excess", "well above", "just above",
		"as much")
	qualifiers3 = set("no fewer than", "no more than", "as few as", "in excess of", "as much as",
		"a little over", "slightly more than", "well in excess")
	approxQualifiers = set("about", "around", "nearly", "almost", "some", "approximately", "roughly",
		"estimated", "an estimated", "close to", "approx.", "circa", "ca.", "~")
)

// months are month names and abbreviations; a number next to one is a date.
var months = set("january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "jan.", "feb", "feb.", "mar.", "apr",
	"apr.", "jun.", "jul.", "aug", "aug.", "sep", "sep.", "sept", "sept.", "oct", "oct.", "nov",
	"nov.", "dec", "dec.")

// datePreps are words before a four-digit number that make it a year.
var datePreps = set("in", "since", "until", "till", "by", "from", "of", "during", "before", "after",
	"through", "the", "early", "late", "mid", "mid-", "fiscal", "fy", "spring", "summer", "autumn",
	"fall", "winter", "year", "to", "between", "and", "'s", "circa", "at", "for", "season", "around", "throughout", "than")

// timeUnits after a number make it a duration, not a count.
var timeUnits = set("year", "years", "month", "months", "week", "weeks", "day", "days", "hour",
	"hours", "minute", "minutes", "second", "seconds", "decade", "decades", "century",
	"centuries", "night", "nights", "hrs", "mths", "mth", "mos", "qtr", "qtrs", "wks", "yr", "qtrly", "mins", "yrs", "years-old", "year-old", "weekend", "weekends", "fortnight", "fortnights", "millennia", "quarters")

// clockWords after a number make it a time of day.
var clockWords = set("a.m.", "p.m.", "am", "pm", "gmt", "utc", "bst", "est", "edt", "cet", "o'clock",
	"hrs", "hours", "local", "a.m", "p.m")

// measureUnits after a number make it a measurement of something that is
// not counted; the figure is dropped.
var measureUnits = set("km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile",
	"metres", "meters", "metre", "meter", "feet", "foot", "ft", "cm", "mm", "inches", "inch",
	"degrees", "degree", "celsius", "fahrenheit", "mph", "kph", "km/h", "knots", "magnitude",
	"points", "point", "mw", "gw", "kw", "megawatts", "gigawatts", "volts", "yards", "yard", "sq", "square",
	"m", "mb", "gb", "kb", "basis", "bps", "percentile", "calories", "storeys", "stories", "floors", "lanes", "minutes", "seeds", "goals", "megapixel", "megapixels", "bit", "inch")

// amountUnits after a number make it an amount of something with a unit;
// the figure is kept with Unit set.
var amountUnits = map[string]string{
	"tonnes": "tonnes", "tonne": "tonnes", "tons": "tonnes", "ton": "tonnes", "t": "tonnes",
	"kg": "kg", "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "kilo": "kg",
	"grams": "g", "litres": "litres", "liters": "litres", "litre": "litres", "liter": "litres",
	"gallons": "gallons", "barrels": "barrels", "bpd": "barrels", "hectares": "hectares", "ha": "hectares", "acres": "acres",
	"lbs": "lbs", "ounces": "ounces", "oz": "ounces", "bushels": "bushels", "sacks": "sacks", "bags": "bags", "pallets": "pallets",
}

// currencySymbols precede a number; currencyWords and currencyCodes follow
// or precede it.
var (
	currencySymbols = map[string]string{"$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
		"₹": "INR", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "nz$": "NZD", "₦": "NGN", "₪": "ILS", "₽": "RUB", "₴": "UAH", "r$": "BRL", "s$": "SGD"}
	currencyWords = map[string]string{"dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR",
		"pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
		"rupees": "INR", "naira": "NGN", "rand": "ZAR", "shekels": "ILS", "roubles": "RUB",
		"rubles": "RUB", "hryvnias": "UAH", "hryvnia": "UAH", "lira": "TRY", "liras": "TRY", "riyals": "SAR",
		"dirhams": "AED", "francs": "CHF", "pesos": "MXN", "birr": "ETB", "shillings": "KES",
		"cedis": "GHS", "kwacha": "ZMW", "taka": "BDT", "ringgit": "MYR", "baht": "THB",
		"dinars": "IQD", "afghanis": "AFN", "dlrs": "USD", "dlr": "USD", "stg": "GBP",
		"franc": "CHF", "peso": "MXN", "rupee": "INR", "marks": "DEM", "guilders": "NLG", "lire": "ITL",
		"pesetas": "ESP", "crowns": "SEK", "yen.": "JPY", "kroner": "DKK", "krone": "DKK",
		"kronor": "SEK", "soles": "PEN", "reais": "BRL", "kwanzas": "AOA", "kwanza": "AOA",
		"leones": "SLE", "rials": "IRR", "rial": "IRR", "lei": "RON", "kyats": "MMK", "kyat": "MMK",
		"tenge": "KZT", "lari": "GEL", "bolivars": "VES", "quetzales": "GTQ", "bolivianos": "BOB",
		"meticais": "MZN", "rupiah": "IDR", "dong": "VND", "shekel": "ILS", "ouguiyas": "MRU",
		"pula": "BWP", "cfa": "XOF", "cruzeiros": "BRE", "cruzados": "BRC", "australes": "ARA", "zloty": "PLN", "zlotys": "PLN", "forints": "HUF", "ringgits": "MYR"}
	currencyCodes = set("USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "AUD", "CAD", "ZAR", "NGN",
		"KES", "ILS", "RUB", "UAH", "TRY", "SAR", "AED", "BRL", "MXN", "EGP", "PKR", "SDG", "SYP", "LBP", "YER", "IQD", "IRR", "AFN", "ETB", "GHS", "XOF", "XAF", "HKD", "SGD", "NZD", "SEK", "NOK", "DKK", "PLN")
)

// labelWords before a number make it a label: "Article 23", "Resolution
// 2334", "Flight 17".
var labelWords = set("article", "articles", "section", "sections", "clause", "paragraph", "resolution", "chapter",
	"no", "no.", "nos.", "number", "rule", "amendment", "decree", "law", "bill", "act", "room",
	"flight", "route", "highway", "page", "pages", "p.", "pp.", "platform", "gate", "item", "annex", "protocol",
	"level", "grade", "phase", "category", "code", "verse", "cell", "ward", "district", "zone",
	"unit", "bus", "line", "channel", "case", "file", "exhibit", "count", "counts", "#", "version",
	"model", "series", "type", "mark", "mk", "stage", "round", "game", "match", "hole",
	"lap", "seat", "term", "vol.", "volume", "issue", "no.:", "tel", "tel.", "fax", "call",
	"phone", "telephone", "hotline", "ext", "ext.", "dial", "ranked", "rank", "top", "magnitude", "size",
	"aged", "age", "ages", "number:", "box", "apartment", "building", "block", "strain", "junction", "exit", "pier", "berth", "terminal", "sector", "class", "paragraphs", "band", "bands", "tier")

// scoreWords near a hyphenated pair make it a sports score.
var scoreWords = set("win", "won", "wins", "beat", "beats", "lost", "lose", "loses", "drew", "draw",
	"defeat", "defeated", "defeats", "victory", "score", "scored", "scoreline", "lead", "led",
	"trailing", "trailed", "goals", "sets", "final", "match", "thrashed", "thrashing", "edged",
	"aggregate", "halftime", "half-time", "vote", "votes", "voted", "margin", "record")

// streetWords after a number and a capitalised word make it an address.
var streetWords = set("street", "st", "st.", "road", "rd", "rd.", "avenue", "ave", "ave.", "boulevard",
	"lane", "square", "drive", "way", "place", "plaza", "court", "terrace", "crescent")

// stopObject ends a counted noun phrase.
var stopObject = set("the", "a", "an", "and", "or", "but", "nor", "in", "on", "at", "from", "to", "by",
	"with", "for", "of", "into", "onto", "across", "near", "after", "before", "during", "since",
	"over", "under", "per", "than", "as", "including", "among", "amid", "against", "between",
	"without", "within", "through", "toward", "towards", "around", "about", "along", "via", "inside", "outside",
	"were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would", "could",
	"should", "may", "might", "must", "can", "did", "do", "does", "who", "whom", "whose", "which",
	"that", "this", "these", "those", "it", "its", "they", "them", "their", "he", "she", "his", "her",
	"we", "our", "you", "your", "i", "me", "my", "so", "too", "only", "also", "still", "now", "last",
	"ago", "later", "earlier", "more", "less", "fewer", "each", "per", "apiece", "died", "fled", "remain",
	"remained", "remains", "said", "says", "say", "told", "left", "lost", "went", "came", "took", "gave",
	"got", "made", "saw", "rose", "fell", "stood", "hit", "put", "cut", "set", "hurt", "become", "became",
	"not", "no", "all", "both", "some", "many", "most", "other", "another", "such", "what", "when",
	"where", "while", "if", "because", "although", "though", "then", "there", "here", "yet", "already",
	"again", "even", "just", "almost", "nearly", "about", "up", "down", "out", "off", "away", "back",
	"s", "'s", "’s", "whereas", "unless", "until", "whether", "how", "why", "de", "al", "ever", "very",
	"die", "flee", "need", "needs", "face", "faces", "lack", "lacks", "live", "lives", "remain", "stay",
	"arrive", "arrived", "reach", "reached", "crossed", "cross", "stand", "run", "runs", "ran", "held",
	"hold", "holds", "won", "win", "wins", "voted", "took", "take", "takes", "given", "seen", "known",
	"sought", "sent", "send", "spent", "spend", "paid", "pay", "owed", "owe", "worth", "apart", "higher",
	"lower", "mark", "marks", "percent", "instead", "overnight", "nationwide", "alive", "abroad", "overseas", "let",
	"worldwide", "alone", "home", "together", "respectively", "ahead", "yesterday", "today", "tonight",
	"vs", "vs.", "versus", "due", "v", "v.", "times", "prior", "above", "below", "beyond", "short", "shy", "behind", "overall", "annually", "anyway", "altogether", "combined", "aboard")

// adjectives are common pre-nominal modifiers that are never the head of
// the counted noun phrase and are left out of Object.
var adjectives = set("new", "old", "young", "small", "large", "big", "many", "several", "armed",
	"foreign", "local", "other", "more", "additional", "further", "extra", "separate", "different",
	"major", "minor", "senior", "junior", "former", "suspected", "alleged", "innocent", "unarmed",
	"wounded", "injured", "dead", "missing", "displaced", "homeless", "elderly", "international",
	"national", "civilian", "military", "key", "main", "total", "public", "private", "rural", "urban",
	"top", "high", "low", "full", "entire", "whole", "overall", "remaining", "fresh", "first", "last",
	"next", "same", "top-level", "illegal", "undocumented", "critical", "serious", "severe", "minimum",
	"maximum", "average", "annual", "monthly", "daily", "weekly", "yearly", "quarterly", "estimated", "registered", "eligible",
	"pregnant", "female", "male", "unaccompanied", "wanted", "trapped", "stranded", "affected",
	"damaged", "destroyed", "arrested", "detained", "kidnapped", "abducted", "evacuated", "seized",
	"killed", "fellow", "heavy", "light", "little", "great", "greater", "deadly", "nearby", "vital",
	"largest", "biggest", "smallest", "oldest", "newest", "latest", "highest", "lowest", "best",
	"worst", "greatest", "leading", "poorest", "richest")

// humanNouns are object heads that are people; "seized" with a human object
// is a kidnapping.
var humanNouns = set("people", "persons", "person", "civilians", "civilian", "children", "child", "women",
	"woman", "men", "man", "students", "workers", "passengers", "villagers", "hostages", "tourists",
	"soldiers", "fishermen", "crew", "members", "girls", "boys", "pupils", "nuns", "priests",
	"journalists", "aid workers", "staff", "employees", "nationals", "citizens", "migrants",
	"refugees", "residents", "protesters", "demonstrators", "police", "officers", "policemen",
	"troops", "fighters", "militants", "rebels", "insurgents", "suspects", "detainees", "prisoners",
	"inmates", "patients", "doctors", "nurses", "farmers", "miners", "pilgrims", "worshippers",
	"others", "individuals", "teenagers", "infants", "babies", "adults", "voters", "families",
	"households", "sailors", "seafarers", "volunteers", "officials", "guards", "peacekeepers", "gunmen", "attackers", "bodies", "victims", "survivors", "activists", "opposition", "supporters", "youths", "traders", "herders", "displaced", "crowd", "crowds")

// plainPlurals are plural heads that do not end in "s".
var plainPlurals = set("people", "police", "children", "women", "men", "cattle", "livestock", "staff",
	"personnel", "crew", "aid", "food", "water", "fuel", "equipment", "ammunition", "cocaine",
	"heroin", "cannabis", "wheat", "grain", "rice", "flour", "medicine", "cash", "sheep", "fish",
	"infantry", "militia", "youth", "poultry", "property", "livestock", "teeth", "feet", "geese", "mice",
	"data", "media", "clergy", "offspring")

// nationalitySuffixes mark capitalised modifiers that may start an object
// ("Palestinian civilians").
var nationalitySuffixes = []string{"an", "ian", "ese", "i", "ish", "ch", "ic", "on"}
