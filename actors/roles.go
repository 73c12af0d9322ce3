package actors

// Role words: what a role noun ("minister", "troops", "rebels") says about
// its referent, looked up by LookupRole.

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"sync"
)

// Role is what a role word says about its referent.
type Role struct {
	// Code is the CAMEO role code ("GOV", "MIL", "COP", "REB", ...).
	Code string
	// Class groups compatible roles for coreference: "minister",
	// "diplomat", "president", "official", "military", ... A nominal
	// "the minister" corefers with an entity introduced as "foreign
	// minister" because both have class "minister".
	Class string
	// Person is true when the word names one person ("spokesman").
	Person bool
	// Plural is true for groups ("troops", "protesters", "police").
	Plural bool
	// Org is true for institutions ("ministry", "army", "court").
	Org bool
	// Gender is "m" or "f" when the word implies one ("spokeswoman").
	Gender string
	// Diplomat is true for roles a "diplomat" nominal may refer to.
	Diplomat bool
}

// roles maps lower-case role words and phrases to roles: data/roles.tsv,
// read once.
var roles = sync.OnceValues(func() (map[string]Role, error) {
	f, err := data.Open("data/roles.tsv")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return loadRoles(f)
})

// loadRoles reads a role table: one role per line, tab-separated: the
// phrase, the CAMEO role code (may be empty), the class, flags separated
// by "," (person, plural, org, diplomat) and a gender ("m", "f" or empty).
// "#" starts a comment line.
func loadRoles(r io.Reader) (map[string]Role, error) {
	out := map[string]Role{}
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		for len(f) < 5 {
			f = append(f, "")
		}
		phrase := strings.TrimSpace(f[0])
		ro := Role{Code: f[1], Class: f[2], Gender: f[4]}
		switch {
		case len(f) > 5:
			return nil, fmt.Errorf("actors: roles: line %d: %d fields, want at most 5", n, len(f))
		case phrase == "" || phrase != strings.ToLower(phrase):
			return nil, fmt.Errorf("actors: roles: line %d: phrase %q must be lower case", n, phrase)
		case ro.Code != "" && !ValidCode(ro.Code):
			return nil, fmt.Errorf("actors: roles: line %d: bad code %q", n, ro.Code)
		case ro.Gender != "" && ro.Gender != "m" && ro.Gender != "f":
			return nil, fmt.Errorf("actors: roles: line %d: bad gender %q", n, ro.Gender)
		}
		if _, dup := out[phrase]; dup {
			return nil, fmt.Errorf("actors: roles: line %d: %q repeated", n, phrase)
		}
		for _, fl := range split(f[3], ",") {
			switch fl {
			case "person":
				ro.Person = true
			case "plural":
				ro.Plural = true
			case "org":
				ro.Org = true
			case "diplomat":
				ro.Diplomat = true
			default:
				return nil, fmt.Errorf("actors: roles: line %d: unknown flag %q", n, fl)
			}
		}
		out[phrase] = ro
	}
	return out, sc.Err()
}

// LookupRole returns the role of a lower-case role word or phrase
// ("foreign minister", "troops"). A "former" prefix is handled by callers
// (CAMEO codes former officials as ELI).
func LookupRole(phrase string) (Role, bool) {
	rs, _ := roles()
	r, ok := rs[strings.ToLower(phrase)]
	return r, ok
}

// MaxRoleWords is the most words in any role phrase.
var MaxRoleWords = func() int {
	rs, _ := roles()
	n := 0
	for p := range rs {
		n = max(n, len(strings.Fields(p)))
	}
	return n
}()
