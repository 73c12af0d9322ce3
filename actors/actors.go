// Package actors holds newsgraph's CAMEO actor-code dictionaries: countries
// (ISO alpha-3 with CAMEO's exceptions), capitals used as governments,
// international organizations, news agencies, well-known armed and political
// groups, and role words ("foreign minister" → GOV, "troops" → MIL). A user
// dictionary (TSV or YAML, see Load) adds or overrides actors.
//
// Codes follow the CAMEO actor scheme: a three-letter country or
// organization code followed by zero or more three-letter role codes
// ("TURGOV", "IGOUNO", "USAMED"). Every table is read-only after
// construction and safe for concurrent use.
package actors

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// Actor is one named actor of a dictionary.
type Actor struct {
	// Name is the canonical name ("United Nations").
	Name string
	// Code is the CAMEO actor code ("IGOUNO").
	Code string
	// Type is the entity type: "ORG", "PERSON", "GPE", "NORP", "LOC", "FAC".
	Type string
	// Aliases are other surface forms ("UN", "U.N.", "world body").
	Aliases []string
	// Kind refines ORG actors: "igo", "agency", "group", "court", "party", "ngo" or "".
	Kind string
	// User marks entries from a user dictionary (Load): where the text
	// matches them they win over the statistical tagger's spans.
	User bool
	// Changes lists later codes of the actor in date order: from a
	// change's date on, CodeAt returns its code (the Taliban are AFGREB
	// before 15 August 2021 and AFGGOV after).
	Changes []Change
}

// Change is a new actor code from a date on.
type Change struct {
	// From is the first day of the new code, "YYYY-MM-DD".
	From string
	// Code is the CAMEO actor code from that day.
	Code string
}

// CodeAt returns a's code on the day of t: the code of the last change
// that started on or before it, else Code. A zero t (an undated story)
// reads as today, so the latest code applies.
func (a *Actor) CodeAt(t time.Time) string {
	if a == nil {
		return ""
	}
	if len(a.Changes) == 0 {
		return a.Code
	}
	day := "9999-99-99"
	if !t.IsZero() {
		day = t.UTC().Format("2006-01-02")
	}
	code := a.Code
	for _, c := range a.Changes {
		if c.From <= day {
			code = c.Code
		}
	}
	return code
}

// Dictionary maps surface forms to actors. The zero value is empty; use
// Default for the built-in tables and Merge to add a user dictionary.
type Dictionary struct {
	actors []Actor
	index  map[string]entry // Key(surface) → actor
	// maxWords is the most words in any indexed surface form.
	maxWords int
	// ends has the class (keyfilter.Ends) of every key of index: most
	// keys LookupKey is asked about have no entry, and cost no map probe.
	ends keyfilter.Filter
}

type entry struct {
	i    int
	caps bool // the surface form is an acronym: matches only in capitals
}

// Key folds a surface form for dictionary lookups: country.Normalize
// (lower case, no diacritics, no dots, no leading "the").
func Key(s string) string { return country.Normalize(s) }

// AppendKey appends Key(s) to dst and returns it: a key built in a
// caller's buffer for LookupFolded (allocating only for text not in ASCII).
func AppendKey(dst []byte, s string) []byte { return country.AppendNormalize(dst, s) }

// Add adds a or, when one of its surface forms is already known, overrides
// the earlier entry for that form. It must not be called concurrently with
// lookups.
func (d *Dictionary) Add(a Actor) {
	if d.index == nil {
		d.index = map[string]entry{}
	}
	i := len(d.actors)
	d.actors = append(d.actors, a)
	d.index1(a.Name, i)
	for _, s := range a.Aliases {
		d.index1(s, i)
	}
}

// index1 indexes surface form s of actor i.
func (d *Dictionary) index1(s string, i int) {
	k := Key(s)
	if k == "" {
		return
	}
	d.index[k] = entry{i: i, caps: isAcronym(s)}
	if c, ok := keyfilter.Ends(k); ok {
		d.ends.Add(c)
	}
	if n := strings.Count(k, " ") + 1; n > d.maxWords {
		d.maxWords = n
	}
}

// Merge adds every actor of o to d (o's entries win).
func (d *Dictionary) Merge(o *Dictionary) {
	if o == nil {
		return
	}
	for _, a := range o.actors {
		d.Add(a)
	}
}

// Clone returns a copy of d that can be extended without changing d.
func (d *Dictionary) Clone() *Dictionary {
	c := &Dictionary{actors: append([]Actor(nil), d.actors...), index: make(map[string]entry, len(d.index)), maxWords: d.maxWords, ends: d.ends}
	for k, v := range d.index {
		c.index[k] = v
	}
	return c
}

// Lookup returns the actor with surface form s (folded with Key).
func (d *Dictionary) Lookup(s string) (*Actor, bool) {
	return d.LookupKey(Key(s))
}

// LookupKey returns the actor whose folded surface form is key.
func (d *Dictionary) LookupKey(key string) (*Actor, bool) {
	if d == nil {
		return nil, false
	}
	if c, ok := keyfilter.Ends(key); ok && !d.ends.Has(c) {
		return nil, false
	}
	e, ok := d.index[key]
	if !ok {
		return nil, false
	}
	return &d.actors[e.i], true
}

// LookupFolded is LookupKey of a key built in a caller's buffer (with
// country.AppendNormalize), which it neither keeps nor copies: a probe
// allocates nothing. acronym is Acronym(key), from the same probe.
func (d *Dictionary) LookupFolded(key []byte) (a *Actor, acronym, ok bool) {
	if d == nil {
		return nil, false, false
	}
	if c, ok := keyfilter.Ends(unsafe.String(unsafe.SliceData(key), len(key))); ok && !d.ends.Has(c) {
		return nil, false, false
	}
	e, ok := d.index[string(key)]
	if !ok {
		return nil, false, false
	}
	return &d.actors[e.i], e.caps, true
}

// Acronym reports whether the surface form folded to key is an acronym
// ("WHO", "AP"), which callers should match only when written in capitals.
func (d *Dictionary) Acronym(key string) bool {
	if d == nil {
		return false
	}
	return d.index[key].caps
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return false
		}
		if r >= 'A' && r <= 'Z' {
			n++
		}
	}
	return n > 0
}

// MaxWords returns the most words in any surface form of d.
func (d *Dictionary) MaxWords() int { return d.maxWords }

// Len returns the number of actors in d (overridden entries included).
func (d *Dictionary) Len() int { return len(d.actors) }

//go:embed data/actors/*.tsv data/roles.tsv
var data embed.FS

var (
	defOnce sync.Once
	def     *Dictionary
	defErr  error
)

// Default returns the built-in dictionary, built once from the embedded
// tables data/actors/*.tsv (read in file name order by the loader of user
// dictionaries; a later table's surface form overrides an earlier one's):
// international organizations, armed groups, organizations, media,
// companies, parties and people. It is shared: callers that want to
// extend it must Clone it first. A bad embedded table (which the package's
// tests rule out) leaves it empty and is reported by Err.
func Default() *Dictionary {
	defOnce.Do(func() {
		def, defErr = builtinTables()
		if defErr != nil {
			def = &Dictionary{}
		}
	})
	return def
}

// Err reports a problem with the embedded data (actor tables, roles), nil
// when there is none; stage constructors return it.
func Err() error {
	Default()
	if defErr != nil {
		return defErr
	}
	_, err := roles()
	return err
}

// builtinTables reads the embedded tables into one dictionary, in file
// name order, with the loader of user dictionaries. The tables are read
// whole and their lines are substrings of them, and the dictionary is
// sized once for every line and alias: it is built at every start.
func builtinTables() (*Dictionary, error) {
	names, err := fs.Glob(data, "data/actors/*.tsv")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	texts := make([]string, len(names))
	lines, forms := 0, 0
	for i, n := range names {
		b, err := fs.ReadFile(data, n)
		if err != nil {
			return nil, err
		}
		texts[i] = unsafe.String(unsafe.SliceData(b), len(b)) // (ReadFile's own copy: not copied again)
		lines += strings.Count(texts[i], "\n") + 1
		forms += strings.Count(texts[i], "|")
	}
	d := &Dictionary{actors: make([]Actor, 0, lines), index: make(map[string]entry, lines+forms)}
	for i, n := range names {
		if err := parse(d, splitLines(texts[i]), false); err != nil {
			return nil, fmt.Errorf("actors: %s: %w", n, err)
		}
	}
	return d, nil
}

// cameoCountry lists the countries whose CAMEO code is not the ISO alpha-3
// code (CAMEO kept some pre-2000 ISO codes).
var cameoCountry = map[string]string{
	"ROU": "ROM", // Romania
	"TLS": "TMP", // Timor-Leste
}

// CountryCode returns the CAMEO country code of c: its ISO alpha-3 code with
// CAMEO's exceptions. It returns "" for nil.
func CountryCode(c *country.Country) string {
	if c == nil {
		return ""
	}
	if x, ok := cameoCountry[c.Alpha3]; ok {
		return x
	}
	return c.Alpha3
}

var (
	capOnce sync.Once
	capTab  map[string]*country.Country
)

// Capital returns the country whose capital is named name ("Ankara" →
// Turkey), compared with Key. A few seats of government that are not the
// formal capital are included ("Washington", "Tel Aviv" is not).
func Capital(name string) (*country.Country, bool) {
	capOnce.Do(func() {
		capTab = map[string]*country.Country{}
		all := country.All()
		for i := range all {
			c := &all[i]
			if c.Capital == "" || c.Region == "" {
				continue
			}
			k := Key(c.Capital)
			if _, dup := capTab[k]; !dup {
				capTab[k] = c
			}
		}
		for name, a2 := range seats {
			if c, ok := country.ByAlpha2(a2); ok {
				capTab[Key(name)] = c
			}
		}
	})
	c, ok := capTab[Key(name)]
	return c, ok
}

// seats are names of seats of government used as metonyms in news that the
// country table spells differently or does not list.
var seats = map[string]string{
	"Washington": "US", "Washington DC": "US", "Beijing": "CN", "Moscow": "RU", "London": "GB",
	"Kyiv": "UA", "Kiev": "UA", "New Delhi": "IN", "Delhi": "IN", "Tehran": "IR", "Pretoria": "ZA",
	"The Hague": "NL", "Brasilia": "BR", "Ankara": "TR", "Seoul": "KR", "Pyongyang": "KP",
	"Tokyo": "JP", "Paris": "FR", "Berlin": "DE", "Damascus": "SY", "Baghdad": "IQ", "Riyadh": "SA",
	"Cairo": "EG", "Nairobi": "KE", "Addis Ababa": "ET", "Abuja": "NG", "Islamabad": "PK", "Kabul": "AF",
	"Jerusalem": "IL", "Doha": "QA", "Abu Dhabi": "AE", "Caracas": "VE", "Havana": "CU", "Ottawa": "CA",
	"Canberra": "AU", "Rome": "IT", "Madrid": "ES", "Warsaw": "PL", "Minsk": "BY", "Tbilisi": "GE",
	"Yerevan": "AM", "Baku": "AZ", "Khartoum": "SD", "Juba": "SS", "Mogadishu": "SO", "Tripoli": "LY",
	"Beirut": "LB", "Amman": "JO", "Sanaa": "YE", "Muscat": "OM", "Kinshasa": "CD", "Kigali": "RW",
	"Kampala": "UG", "Dhaka": "BD", "Naypyidaw": "MM", "Manila": "PH", "Jakarta": "ID", "Hanoi": "VN",
	"Bangkok": "TH", "Taipei": "TW", "Mexico City": "MX", "Bogota": "CO", "Lima": "PE", "Santiago": "CL",
	"Buenos Aires": "AR", "Algiers": "DZ", "Rabat": "MA", "Tunis": "TN", "Bamako": "ML", "Niamey": "NE",
	"Ouagadougou": "BF", "Dakar": "SN", "Accra": "GH", "Harare": "ZW", "Lusaka": "ZM", "Maputo": "MZ",
}
