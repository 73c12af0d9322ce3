package text

// abbrevClass says how a period-final abbreviation behaves at a possible
// sentence end.
type abbrevClass uint8

const (
	// abbrevAmbiguous abbreviations may end a sentence ("the U.S.", "Apple
	// Inc.", "3 p.m."): they split only before a typical sentence opener.
	abbrevAmbiguous abbrevClass = iota
	// abbrevPrefix abbreviations precede what they qualify ("Mr.", "Gen.",
	// "No. 5", "vs."): they never end a sentence.
	abbrevPrefix
)

// abbrevs lists lowercase abbreviations (without the final period) that keep
// their period as one token, with their class.
var abbrevs = map[string]abbrevClass{
	// titles and ranks
	"mr": abbrevPrefix, "mrs": abbrevPrefix, "ms": abbrevPrefix, "dr": abbrevPrefix, "prof": abbrevPrefix,
	"gen": abbrevPrefix, "sen": abbrevPrefix, "rep": abbrevPrefix, "gov": abbrevPrefix, "lt": abbrevPrefix,
	"col": abbrevPrefix, "capt": abbrevPrefix, "cpt": abbrevPrefix, "maj": abbrevPrefix, "sgt": abbrevPrefix,
	"cpl": abbrevPrefix, "pvt": abbrevPrefix, "adm": abbrevPrefix, "cmdr": abbrevPrefix, "cdr": abbrevPrefix,
	"brig": abbrevPrefix, "rev": abbrevPrefix, "hon": abbrevPrefix, "pres": abbrevPrefix, "supt": abbrevPrefix,
	"insp": abbrevPrefix, "det": abbrevPrefix, "amb": abbrevPrefix, "sens": abbrevPrefix, "reps": abbrevPrefix,
	"messrs": abbrevPrefix, "mme": abbrevPrefix, "mssrs": abbrevPrefix, "fr": abbrevPrefix, "sr": abbrevAmbiguous,
	"jr": abbrevAmbiguous, "st": abbrevAmbiguous, "mt": abbrevPrefix, "ft": abbrevPrefix, "atty": abbrevPrefix,
	"gens": abbrevPrefix, "lt-gen": abbrevPrefix, "maj-gen": abbrevPrefix, "ave": abbrevAmbiguous,
	"blvd": abbrevAmbiguous, "rd": abbrevAmbiguous,
	// before numbers
	"no": abbrevPrefix, "nos": abbrevPrefix, "art": abbrevPrefix, "vol": abbrevPrefix, "p": abbrevPrefix,
	"pp": abbrevPrefix, "sec": abbrevPrefix, "ch": abbrevPrefix, "fig": abbrevPrefix,
	// Latin and connectives
	"vs": abbrevPrefix, "v": abbrevPrefix, "cf": abbrevPrefix, "viz": abbrevPrefix, "approx": abbrevPrefix,
	"etc": abbrevAmbiguous, "al": abbrevAmbiguous, "est": abbrevAmbiguous, "ca": abbrevPrefix,
	// companies
	"inc": abbrevAmbiguous, "corp": abbrevAmbiguous, "ltd": abbrevAmbiguous, "co": abbrevAmbiguous,
	"bros": abbrevAmbiguous, "cos": abbrevAmbiguous, "plc": abbrevAmbiguous, "dept": abbrevAmbiguous,
	"assn": abbrevAmbiguous, "govt": abbrevAmbiguous, "univ": abbrevAmbiguous,
	// months and days
	"jan": abbrevAmbiguous, "feb": abbrevAmbiguous, "mar": abbrevAmbiguous, "apr": abbrevAmbiguous,
	"jun": abbrevAmbiguous, "jul": abbrevAmbiguous, "aug": abbrevAmbiguous, "sep": abbrevAmbiguous,
	"sept": abbrevAmbiguous, "oct": abbrevAmbiguous, "nov": abbrevAmbiguous, "dec": abbrevAmbiguous,
	"mon": abbrevAmbiguous, "tue": abbrevAmbiguous, "tues": abbrevAmbiguous, "wed": abbrevAmbiguous,
	"thu": abbrevAmbiguous, "thur": abbrevAmbiguous, "thurs": abbrevAmbiguous, "fri": abbrevAmbiguous,
	"sat": abbrevAmbiguous, "sun": abbrevAmbiguous,
	// US states (AP style)
	"ala": abbrevAmbiguous, "ariz": abbrevAmbiguous, "ark": abbrevAmbiguous, "calif": abbrevAmbiguous,
	"colo": abbrevAmbiguous, "conn": abbrevAmbiguous, "del": abbrevAmbiguous, "fla": abbrevAmbiguous,
	"ga": abbrevAmbiguous, "ill": abbrevAmbiguous, "ind": abbrevAmbiguous, "kan": abbrevAmbiguous,
	"kans": abbrevAmbiguous, "ky": abbrevAmbiguous, "la": abbrevAmbiguous, "md": abbrevAmbiguous,
	"mass": abbrevAmbiguous, "mich": abbrevAmbiguous, "minn": abbrevAmbiguous, "miss": abbrevAmbiguous,
	"mo": abbrevAmbiguous, "mont": abbrevAmbiguous, "neb": abbrevAmbiguous, "nev": abbrevAmbiguous,
	"okla": abbrevAmbiguous, "ore": abbrevAmbiguous, "pa": abbrevAmbiguous, "tenn": abbrevAmbiguous,
	"tex": abbrevAmbiguous, "va": abbrevAmbiguous, "vt": abbrevAmbiguous, "wash": abbrevAmbiguous,
	"wis": abbrevAmbiguous, "wyo": abbrevAmbiguous,
	// units and misc
	"mln": abbrevAmbiguous, "bln": abbrevAmbiguous, "pct": abbrevAmbiguous,
	"dpa": abbrevAmbiguous, "min": abbrevAmbiguous, "max": abbrevAmbiguous, "tel": abbrevAmbiguous,
	"ext": abbrevAmbiguous, "intl": abbrevAmbiguous, "natl": abbrevAmbiguous,
}

// capOnly lists abbreviations that count only when capitalized and followed
// by a number ("No. 10", "Art. 5", "Vol. 2"): lowercase "no." and "art." are
// ordinary words.
var capOnly = map[string]struct{}{
	"no": {}, "nos": {}, "art": {}, "vol": {}, "p": {}, "pp": {}, "sec": {}, "ch": {}, "fig": {},
}

// capWord lists capOnly abbreviations that need a capital but no number
// after them (state and month names, "Co."): for those the number rule is
// not applied.
var capWord = map[string]struct{}{
	"mass": {}, "wash": {}, "miss": {}, "ill": {}, "ind": {}, "ore": {}, "del": {}, "ark": {},
	"conn": {}, "mo": {}, "la": {}, "pa": {}, "va": {}, "co": {}, "mar": {}, "dec": {},
	"sat": {}, "sun": {}, "mon": {}, "wed": {}, "fri": {},
}

// lowerOnly lists abbreviations that are abbreviations only in lowercase
// ("et al.", "est.", "ca.", "v.").
var lowerOnly = map[string]struct{}{"al": {}, "est": {}, "ca": {}, "v": {}, "ext": {}, "tel": {}, "min": {}, "max": {}}

// openers are words that typically open a sentence when capitalized. An
// ambiguous abbreviation ("U.S.", "Inc.", "p.m.") or an initial ends a
// sentence only when one of these follows. The coordinators "And", "Or" and
// "Nor" are left out: after an abbreviation they join a noun phrase ("the
// U.S. And Japan", "U.S. Or European banks" in wire copy that capitalizes
// the word after "U.S.") far more often than they open a sentence.
var openers = map[string]struct{}{
	"A": {}, "An": {}, "The": {}, "He": {}, "She": {}, "It": {}, "They": {}, "We": {}, "I": {}, "You": {},
	"This": {}, "That": {}, "These": {}, "Those": {}, "There": {}, "Here": {}, "But": {},
	"In": {}, "On": {}, "At": {}, "For": {}, "If": {}, "When": {}, "While": {}, "After": {}, "Before": {},
	"As": {}, "His": {}, "Her": {}, "Its": {}, "Their": {}, "Our": {}, "My": {}, "Your": {}, "Some": {},
	"Many": {}, "Most": {}, "All": {}, "No": {}, "Yes": {}, "However": {}, "Meanwhile": {}, "Officials": {},
	"Police": {}, "Earlier": {}, "Later": {}, "Last": {}, "So": {}, "Then": {}, "What": {}, "Why": {},
	"How": {}, "Who": {}, "Where": {}, "Both": {}, "Such": {}, "Since": {}, "Despite": {}, "Although": {},
	"Though": {}, "According": {}, "Other": {}, "Another": {}, "Each": {}, "Several": {}, "From": {},
	"With": {}, "Among": {}, "During": {}, "Until": {}, "Once": {}, "Now": {}, "Still": {}, "Yet": {},
	"Also": {}, "Instead": {}, "Under": {}, "Over": {}, "Because": {}, "Neither": {}, "Even": {},
	"Only": {}, "Nearly": {}, "About": {}, "More": {}, "Less": {}, "Few": {}, "Thousands": {}, "Hundreds": {},
	"Dozens": {}, "Analysts": {}, "Witnesses": {}, "Residents": {}, "Shares": {}, "Prices": {}, "Trading": {},
	"Separately": {}, "Elsewhere": {}, "Authorities": {}, "Asked": {}, "Speaking": {}, "Sources": {},
	"Critics": {}, "Nobody": {}, "Everyone": {}, "Someone": {}, "None": {}, "Everybody": {},
	"Somebody": {}, "Nothing": {}, "Everything": {}, "Supporters": {}, "Protesters": {}, "Troops": {}, "Rebels": {}, "Investors": {},
}

// speechVerbs follow a closing quote inside the same sentence ("Will they
// come?" Smith asked.).
var speechVerbs = map[string]struct{}{
	"said": {}, "says": {}, "asked": {}, "asks": {}, "added": {}, "adds": {}, "told": {}, "tells": {},
	"shouted": {}, "yelled": {}, "wrote": {}, "writes": {}, "replied": {}, "replies": {}, "insisted": {},
	"cried": {}, "demanded": {}, "wondered": {}, "recalled": {}, "exclaimed": {}, "chanted": {},
	"screamed": {}, "responded": {}, "answered": {}, "continued": {}, "declared": {}, "warned": {},
	"noted": {}, "explained": {}, "countered": {},
}

// timeFollowers may follow "a.m."/"p.m." inside a sentence ("3 p.m.
// Monday", "8 p.m. ET", "10 a.m. local time"); any other capitalized word
// after a clock time opens a new sentence.
var timeFollowers = map[string]struct{}{
	"Monday": {}, "Tuesday": {}, "Wednesday": {}, "Thursday": {}, "Friday": {}, "Saturday": {}, "Sunday": {},
	"Mon.": {}, "Tue.": {}, "Wed.": {}, "Thu.": {}, "Fri.": {}, "Sat.": {}, "Sun.": {},
	"January": {}, "February": {}, "March": {}, "April": {}, "May": {}, "June": {}, "July": {}, "August": {},
	"September": {}, "October": {}, "November": {}, "December": {}, "Jan.": {}, "Feb.": {}, "Aug.": {},
	"Sept.": {}, "Oct.": {}, "Nov.": {}, "Dec.": {}, "Eastern": {}, "Pacific": {}, "Central": {},
	"Mountain": {}, "Atlantic": {}, "Greenwich": {}, "Moscow": {}, "Beijing": {}, "Tokyo": {}, "London": {},
	"Paris": {}, "Baghdad": {}, "Tehran": {}, "Kyiv": {}, "Washington": {}, "Jerusalem": {}, "Delhi": {},
	"Today": {}, "Tonight": {}, "Tomorrow": {}, "Yesterday": {}, "Christmas": {},
}
