package counts

import "strings"

// The categories a count may carry (Count.Category). "" means none.
const (
	Kill     = "KILL"
	Wound    = "WOUND"
	Arrest   = "ARREST"
	Kidnap   = "KIDNAP"
	Displace = "DISPLACE"
	Evacuate = "EVACUATE"
	Affect   = "AFFECT"
	Destroy  = "DESTROY"
	Damage   = "DAMAGE"
	Seize    = "SEIZE"
	Protest  = "PROTEST"
	Aid      = "AID"
)

// triggerWords maps exact lower-case word forms to categories.
var triggerWords = map[string]string{
	"dead": Kill, "deaths": Kill, "death": Kill, "died": Kill, "die": Kill, "dies": Kill, "dying": Kill,
	"bodies": Kill, "corpses": Kill, "fatalities": Kill, "toll": Kill, "slain": Kill, "perished": Kill,
	"lives": Kill, "drowned": Kill, "executed": Kill, "beheaded": Kill, "fatally": Kill,
	"wounded": Wound, "wounding": Wound, "wound": Wound, "wounds": Wound, "injured": Wound,
	"injuring": Wound, "injuries": Wound, "injury": Wound, "hurt": Wound, "hospitalised": Wound,
	"hospitalized": Wound, "maimed": Wound,
	"arrested": Arrest, "arresting": Arrest, "arrests": Arrest, "arrest": Arrest, "detained": Arrest,
	"detaining": Arrest, "detention": Arrest, "detainees": Arrest, "custody": Arrest, "apprehended": Arrest,
	"rounded": Arrest, "jailed": Arrest, "imprisoned": Arrest, "charged": Arrest,
	"kidnapped": Kidnap, "kidnapping": Kidnap, "kidnap": Kidnap, "abducted": Kidnap, "abducting": Kidnap,
	"abduction": Kidnap, "hostages": Kidnap, "hostage": Kidnap, "captives": Kidnap, "captive": Kidnap,
	"displaced": Displace, "displacing": Displace, "displacement": Displace, "refugees": Displace,
	"fled": Displace, "fleeing": Displace, "flee": Displace, "uprooted": Displace, "homeless": Displace,
	"asylum": Displace, "exodus": Displace,
	"evacuated": Evacuate, "evacuating": Evacuate, "evacuation": Evacuate, "evacuate": Evacuate,
	"evacuees": Evacuate, "relocated": Evacuate,
	"affected": Affect, "affecting": Affect, "stranded": Affect,
	"starving": Affect, "hunger": Affect, "sickened": Affect, "infected": Affect, "malnourished": Affect,
	"malnutrition": Affect, "suffering": Affect, "hungry": Affect, "famine": Affect,
	"destroyed": Destroy, "destroying": Destroy, "destruction": Destroy, "razed": Destroy,
	"flattened": Destroy, "levelled": Destroy, "leveled": Destroy, "demolished": Destroy,
	"obliterated": Destroy, "collapsed": Destroy, "gutted": Destroy, "torched": Destroy,
	"burned": Destroy, "burnt": Destroy, "buried": Kill,
	"damages": "", "damaged": Damage, "damaging": Damage, "damage": Damage, "struck": Damage,
	"shelled": Damage, "disabled": Damage,
	"seized": Seize, "seizing": Seize, "seizure": Seize, "seizures": Seize, "confiscated": Seize,
	"impounded": Seize, "intercepted": Seize, "captured": Seize, "haul": Seize,
	"protesters": Protest, "protestors": Protest, "demonstrators": Protest, "marchers": Protest,
	"protest": Protest, "protests": Protest, "protested": Protest, "protesting": Protest,
	"demonstration": Protest, "demonstrations": Protest, "rally": Protest, "rallied": Protest,
	"rallies": Protest, "marched": Protest, "crowd": Protest, "crowds": Protest, "strikers": Protest,
	"aid": Aid, "relief": Aid, "pledged": Aid, "pledge": Aid, "pledges": Aid, "donated": Aid,
	"donation": Aid, "donations": Aid, "delivered": Aid, "deliveries": Aid, "humanitarian": Aid,
	"assistance": Aid, "rations": Aid, "parcels": Aid, "airlifted": Aid, "distributed": Aid,
	"convoy": Aid, "supplies": Aid, "appeal": Aid, "appeals": Aid,
	"disperse": Protest, "dispersed": Protest, "dispersing": Protest, "marches": Protest,
	"marching": Protest, "vigil": Protest, "convicted": Arrest, "sentenced": Arrest, "hanged": Kill,
	"distribute": Aid, "distributing": Aid, "deliver": Aid, "delivering": Aid,
}

// triggerPrefixes map word prefixes to categories, for inflections the
// exact list misses.
var triggerPrefixes = []struct{ p, cat string }{
	{"kill", Kill}, {"murder", Kill}, {"massacr", Kill}, {"slaughter", Kill},
	{"injur", Wound}, {"wound", Wound},
	{"arrest", Arrest}, {"detain", Arrest},
	{"kidnap", Kidnap}, {"abduct", Kidnap},
	{"displac", Displace}, {"evacu", Evacuate},
	{"destr", Destroy}, {"demolish", Destroy},
	{"damag", Damage},
	{"confiscat", Seize},
	{"demonstrat", Protest}, {"protest", Protest},
}

// phraseTriggers are multi-word triggers, matched on lower-case token text.
var phraseTriggers = []struct {
	words []string
	cat   string
}{
	{[]string{"out", "of", "service"}, Damage},
	{[]string{"out", "of", "action"}, Damage},
	{[]string{"out", "of", "order"}, Damage},
	{[]string{"no", "longer", "functioning"}, Damage},
	{[]string{"no", "longer", "functional"}, Damage},
	{[]string{"no", "longer", "working"}, Damage},
	{[]string{"stopped", "working"}, Damage},
	{[]string{"knocked", "out"}, Damage},
	{[]string{"in", "need"}, Affect},
	{[]string{"need", "humanitarian"}, Affect},
	{[]string{"needs", "humanitarian"}, Affect},
	{[]string{"need", "aid"}, Affect},
	{[]string{"needs", "aid"}, Affect},
	{[]string{"need", "assistance"}, Affect},
	{[]string{"needs", "assistance"}, Affect},
	{[]string{"need", "food"}, Affect},
	{[]string{"at", "risk", "of"}, Affect},
	{[]string{"without", "power"}, Affect},
	{[]string{"without", "electricity"}, Affect},
	{[]string{"lost", "their", "lives"}, Kill},
	{[]string{"took", "to", "the", "streets"}, Protest},
	{[]string{"forced", "from"}, Displace},
	{[]string{"forced", "to", "flee"}, Displace},
	{[]string{"driven", "from"}, Displace},
	{[]string{"burned", "down"}, Destroy},
	{[]string{"burnt", "down"}, Destroy},
	{[]string{"wiped", "out"}, Destroy},
	{[]string{"taken", "hostage"}, Kidnap},
	{[]string{"taken", "captive"}, Kidnap},
	{[]string{"taken", "into", "custody"}, Arrest},
	{[]string{"rounded", "up"}, Arrest},
	{[]string{"food", "insecurity"}, Affect},
	{[]string{"lack", "access"}, Affect},
	{[]string{"lacked", "access"}, Affect},
	{[]string{"without", "access"}, Affect},
	{[]string{"out", "of", "school"}, Affect},
	{[]string{"from", "their", "homes"}, Displace},
	{[]string{"from", "their", "home"}, Displace},
	{[]string{"from", "homes"}, Displace},
}

// phraseFirst holds the first word of every phrase trigger.
var phraseFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, pt := range phraseTriggers {
		m[pt.words[0]] = true
	}
	return m
}()

// wordCategory returns the category a single lower-case word triggers.
func wordCategory(w string) string {
	if c, ok := triggerWords[w]; ok {
		return c
	}
	for _, tp := range triggerPrefixes {
		if strings.HasPrefix(w, tp.p) {
			return tp.cat
		}
	}
	return ""
}

// phraseAt returns the category of a multi-word trigger starting at word i
// of ws, and its length, or "", 0.
func phraseAt(ws []string, i int) (string, int) {
	if i < 0 || i >= len(ws) || !phraseFirst[ws[i]] {
		return "", 0
	}
	for _, pt := range phraseTriggers {
		if i+len(pt.words) > len(ws) {
			continue
		}
		ok := true
		for k, w := range pt.words {
			if ws[i+k] != w {
				ok = false
				break
			}
		}
		if ok {
			return pt.cat, len(pt.words)
		}
	}
	return "", 0
}

// GDELTCountType maps a category to a GDELT GKG count type: the GKG uses
// the same names for KILL, WOUND, ARREST, KIDNAP, AFFECT, PROTEST and SEIZE;
// DISPLACE, EVACUATE, DESTROY, DAMAGE and AID keep their own names (GKG
// consumers accept any CountType string). "" maps to "".
func GDELTCountType(cat string) string { return cat }
