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

// wordCategory returns the category a single lower-case word triggers.
func wordCategory(w string) string {
	if c, ok := triggerWords[w]; ok {
		return c
	}
	for _, tp := range triggerPrefixes {
		if strings.HasPrefix(w, tp[0]) {
			return tp[1]
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
