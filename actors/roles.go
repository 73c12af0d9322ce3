package actors

// Role words: what a role noun ("minister", "troops", "rebels") says about
// its referent, looked up by LookupRole.

import (
	"fmt"
	"io"
	"io/fs"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/internal/keyfilter"
	"github.com/newsgraph/newsgraph/internal/lexicon"
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
	b, err := fs.ReadFile(data, "data/roles.tsv")
	if err != nil {
		return nil, err
	}
	return parseRoles(string(b))
})

// loadRoles reads a role table: one role per line, tab-separated: the
// phrase, the CAMEO role code (may be empty), the class, flags separated
// by "," (person, plural, org, diplomat) and a gender ("m", "f" or empty).
// "#" starts a comment line.
func loadRoles(r io.Reader) (map[string]Role, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return parseRoles(string(b))
}

// parseRoles reads the role table src (see loadRoles); phrases and codes
// are substrings of src and the map is sized once.
func parseRoles(src string) (map[string]Role, error) {
	lines := splitLines(src)
	out := make(map[string]Role, len(lines))
	var f [6]string
	for i, l := range lines {
		n := i + 1
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		nf := lexicon.Fields(f[:], l)
		phrase := strings.TrimSpace(f[0])
		ro := Role{Code: f[1], Class: f[2], Gender: f[4]}
		switch {
		case nf > 5:
			return nil, fmt.Errorf("actors: roles: line %d: %d fields, want at most 5", n, nf)
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
		for fl := range strings.SplitSeq(f[3], ",") {
			switch fl = strings.TrimSpace(fl); fl {
			case "":
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
	return out, nil
}

// LookupRole returns the role of a lower-case role word or phrase
// ("foreign minister", "troops"). A "former" prefix is handled by callers
// (CAMEO codes former officials as ELI).
func LookupRole(phrase string) (Role, bool) {
	if c, ok := keyfilter.Ends(phrase); ok && !roleEnds().Has(c) {
		return Role{}, false // (ASCII ends, which lower-casing keeps, of no role)
	}
	rs, _ := roles()
	r, ok := rs[strings.ToLower(phrase)]
	return r, ok
}

// roleEnds is the filter of the role table's phrases by their ends
// (keyfilter.Ends; every phrase passes when the table fails to load).
var roleEnds = sync.OnceValue(func() *keyfilter.Filter {
	f := new(keyfilter.Filter)
	rs, err := roles()
	if err != nil {
		f.Fill()
		return f
	}
	for p := range rs {
		if c, ok := keyfilter.Ends(p); ok {
			f.Add(c)
		}
	}
	return f
})

// MaxRoleWords is the most words in any role phrase.
var MaxRoleWords = func() int {
	rs, _ := roles()
	n := 0
	for p := range rs {
		w := 0
		for range strings.FieldsSeq(p) {
			w++
		}
		n = max(n, w)
	}
	return n
}()
