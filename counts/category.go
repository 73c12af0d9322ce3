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
