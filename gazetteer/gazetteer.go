// Package gazetteer is newsgraph's embedded place table: countries (from
// package country), first-level administrative divisions, world cities and
// towns of 1,000 inhabitants or more (GeoNames, CC-BY 4.0; see NOTICE), and
// a hand-written table of regions, continents and physical features that
// news writes about ("the Sahel", "the West Bank", "the Red Sea").
//
// The table is loaded once, lazily, by Default, and is read-only and safe
// for concurrent use afterwards. `go generate ./gazetteer` rebuilds
// places.tsv.gz with tools/gengazetteer.
package gazetteer

//go:generate go run ../tools/gengazetteer -out places.tsv.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/country"
)

//go:embed places.tsv.gz
var placesGz []byte

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

// Place is one gazetteer entry.
type Place struct {
	ID         int     // GeoNames id, 0 when unknown
	Name       string  // preferred name ("Kyiv")
	Country    string  // ISO alpha-2, "" for places spanning countries
	Adm1       string  // GeoNames first-level division code ("TX", "16"), "" when none
	Feature    string  // one of the Feat* constants
	Code       string  // GeoNames feature code ("PPLC", "PPLA", "ADM1", "PCLI"); "" for hand entries
	Population int64   // 0 when unknown
	Lat, Lon   float64 // WGS84 degrees
}

// Capital reports whether p is a national capital.
func (p *Place) Capital() bool { return p.Code == "PPLC" }

// Gazetteer is a read-only place table with a name index.
type Gazetteer struct {
	places []Place
	index  map[string][]int32 // Normalize(name) → indices into places
	adm1   map[string]int32   // "CC.code" → index of the division
	ctry   map[string]int32   // alpha-2 → index of the country
	maxLen int                // most words in any indexed name
	skel   skeletons
}

var (
	defOnce sync.Once
	def     *Gazetteer
	defErr  error
)

// Default returns the embedded gazetteer, loading it on first use. It is
// safe for concurrent use; the error is the same on every call.
func Default() (*Gazetteer, error) {
	defOnce.Do(func() { def, defErr = Load(bytes.NewReader(placesGz)) })
	return def, defErr
}

// Load reads a gzip'd place table in the format tools/gengazetteer writes
// and adds countries and the hand-written regions and aliases.
func Load(r io.Reader) (*Gazetteer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: open: %w", err)
	}
	g := &Gazetteer{
		places: make([]Place, 0, 180000),
		index:  make(map[string][]int32, 240000),
		adm1:   make(map[string]int32, 4000),
		ctry:   make(map[string]int32, 260),
	}
	for _, c := range country.All() {
		g.ctry[c.Alpha2] = int32(len(g.places))
		if pt, ok := countryPoints[c.Alpha2]; ok {
			c.Lat, c.Lon = pt[0], pt[1]
		}
		g.places = append(g.places, Place{Name: c.Name, Country: c.Alpha2, Feature: FeatCountry, Code: "PCLI", Lat: c.Lat, Lon: c.Lon, ID: countryIDs[c.Alpha2]})
		i := int32(len(g.places) - 1)
		g.add(c.Name, i)
		g.add(c.Official, i)
		for _, n := range c.AltNames {
			g.add(n, i)
		}
	}
	// Parsing (gzip, fields, numbers) runs on its own goroutine while this
	// one builds the name index: the two halves take about as long.
	batches := make(chan []Place, 8)
	errc := make(chan error, 1)
	go func() {
		defer close(batches)
		errc <- parse(zr, batches)
	}()
	for batch := range batches {
		for _, p := range batch {
			g.insert(p)
		}
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	for _, h := range append(regions[:len(regions):len(regions)], landmarks...) {
		i := int32(len(g.places))
		g.places = append(g.places, Place{Name: h.name, Country: h.country, Feature: h.feature, Lat: h.lat, Lon: h.lon, ID: h.id})
		g.add(h.name, i)
		for _, a := range h.alts {
			g.add(a, i)
		}
	}
	for _, a := range aliases {
		if i, ok := g.find(a.name, a.country, a.feature); ok {
			for _, alt := range a.alts {
				g.add(alt, i)
			}
		}
	}
	return g, nil
}

// generic words are not names on their own once a division's suffix is
// cut off ("Eastern Province", "Capital Region").
var generic = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "capital": true, "coast": true, "upper": true,
	"lower": true, "north east": true, "north west": true, "south east": true, "south west": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "north-east": true,
	"north-west": true, "south-east": true, "south-west": true, "far north": true, "far west": true,
	"highlands": true, "lakes": true, "islands": true, "coastal": true, "middle": true, "inner": true,
	"eastern cape": false, "federal": true, "national": true, "special": true, "greater": true,
}

// arabic lists countries whose place names often carry the Arabic article
// in the gazetteer ("Al Fallujah") but not in English news ("Fallujah").
var arabic = map[string]bool{
	"AE": true, "BH": true, "DZ": true, "EG": true, "IQ": true, "JO": true, "KW": true, "LB": true, "LY": true,
	"MA": true, "OM": true, "PS": true, "QA": true, "SA": true, "SD": true, "SY": true, "TN": true, "YE": true,
}

// parse reads the place table and sends its rows in batches.
func parse(r io.Reader, out chan<- []Place) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	batch := make([]Place, 0, 2048)
	for sc.Scan() {
		line++
		var f [9]string
		n := splitTab(sc.Text(), f[:])
		if n != 9 {
			return fmt.Errorf("gazetteer: line %d: %d fields, want 9", line, n)
		}
		id, err1 := strconv.Atoi(f[1])
		pop, err2 := strconv.ParseInt(f[6], 10, 64)
		lat, err3 := strconv.ParseFloat(f[7], 64)
		lon, err4 := strconv.ParseFloat(f[8], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil {
			return fmt.Errorf("gazetteer: line %d: bad number", line)
		}
		p := Place{ID: id, Name: f[2], Country: f[3], Adm1: f[4], Code: f[5], Population: pop, Lat: lat, Lon: lon, Feature: FeatCity}
		switch f[0] {
		case "A":
			p.Feature = FeatAdm1
		case "B":
			p.Feature = FeatAdm2
			p.Population = 0
		}
		batch = append(batch, p)
		if len(batch) == cap(batch) {
			out <- batch
			batch = make([]Place, 0, 2048)
		}
	}
	if len(batch) > 0 {
		out <- batch
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("gazetteer: read: %w", err)
	}
	return nil
}

// insert appends p and indexes its names.
func (g *Gazetteer) insert(p Place) {
	i := int32(len(g.places))
	g.places = append(g.places, p)
	if p.Feature == FeatAdm1 {
		g.adm1[p.Country+"."+p.Adm1] = i
	}
	g.add(p.Name, i)
	// "Washington, D.C." is also "Washington"; "Kyiv City" and
	// "Rivne Oblast" are also "Kyiv" and "Rivne".
	if a, _, ok := strings.Cut(p.Name, ","); ok {
		g.add(a, i)
	}
	if arabic[p.Country] {
		for _, art := range []string{"Al ", "Al-", "Ar ", "Ar-", "As ", "As-", "Ad ", "Ad-", "Ash ", "Ash-", "An ", "An-", "Az ", "Az-", "At ", "At-", "Ath ", "Adh ", "El ", "El-"} {
			if s, ok := strings.CutPrefix(p.Name, art); ok && len(s) > 3 {
				g.add(s, i)
			}
		}
	}
	if p.Feature == FeatAdm2 {
		// "Province of Nueva Ecija", "Kabupaten Pangandaran",
		// "Doğubayazıt İlçesi": the division's bare name as news writes it.
		if s, ok := bareDivision(p.Name); ok {
			g.add(s, i)
		}
	}
	if p.Feature == FeatCity && p.Population >= 50000 {
		// "Ludwigshafen am Rhein", "Stratford-upon-Avon": the short name.
		if s, ok := shortCity(p.Name); ok {
			g.add(s, i)
		}
	}
	for _, suf := range []string{" Oblast", " City", " Province", " Governorate", " Region", " State", " Prefecture"} {
		s, ok := strings.CutSuffix(p.Name, suf)
		if !ok || s == "" {
			continue
		}
		if _, isCountry := country.Lookup(s); isCountry || generic[strings.ToLower(s)] {
			continue // "Mexico City" does not take the country's name; "Eastern Province" is not "Eastern"
		}
		if suf == " City" && p.Feature == FeatCity && g.hasAdm1(s) {
			continue // "Kansas City" is not "Kansas" (divisions load first)
		}
		if (suf == " City" && p.Feature == FeatCity) || p.Feature == FeatAdm1 {
			g.add(s, i)
		}
	}
}

// divisionAffixes wrap second-level division names in the GeoNames table.
var divisionPrefixes = []string{
	"Departamento de ", "Departamento del ", "Municipio de ", "Municipio del ", "Provincia de ",
	"Provincia del ", "Provincia di ", "Provincia della ", "Province of ", "Province de ", "Province du ",
	"Partido de ", "Distrito de ", "City of ", "Commune of ", "District of ", "Kabupaten ", "Kota ",
	"Regional Unit of ", "Municipality of ", "Comarca de ",
}

var divisionSuffixes = []string{" İlçesi", " Ilçesi", " District", " Regency", " Municipality", " Rayon", " Raion", " Kommune", " Fylke"}

// bareDivision returns a division's name without its administrative
// wrapper, or false when there is none or the rest is generic.
func bareDivision(name string) (string, bool) {
	for _, pre := range divisionPrefixes {
		if s, ok := strings.CutPrefix(name, pre); ok && len(s) > 2 && !generic[strings.ToLower(s)] {
			return s, true
		}
	}
	for _, suf := range divisionSuffixes {
		if s, ok := strings.CutSuffix(name, suf); ok && len(s) > 2 && !generic[strings.ToLower(s)] {
			return s, true
		}
	}
	return "", false
}

// cityQualifiers join a town's name to the river or region that tells it
// apart ("Frankfurt am Main", "Newcastle upon Tyne", "Châlons-en-Champagne").
var cityQualifiers = []string{" am ", " an der ", " upon ", " on ", " im ", " in der ", "-upon-", "-on-", "-en-", "-sur-", " sur ", " de "}

// shortCity returns a city's name without its qualifier, or false.
func shortCity(name string) (string, bool) {
	for _, q := range cityQualifiers {
		if i := strings.Index(name, q); i > 3 {
			return name[:i], true
		}
	}
	return "", false
}

// hasAdm1 reports whether name is already the name of a first-level division.
func (g *Gazetteer) hasAdm1(name string) bool {
	for _, j := range g.index[country.Normalize(name)] {
		if g.places[j].Feature == FeatAdm1 {
			return true
		}
	}
	return false
}

func (g *Gazetteer) add(name string, i int32) {
	k := country.Normalize(name)
	if k == "" {
		return
	}
	for _, j := range g.index[k] {
		if j == i {
			return
		}
	}
	g.index[k] = append(g.index[k], i)
	if n := strings.Count(k, " ") + 1; n > g.maxLen {
		g.maxLen = n
	}
}

// find returns the most populous place named name in country cc with the
// given feature ("" for any).
func (g *Gazetteer) find(name, cc, feature string) (int32, bool) {
	best, ok := int32(-1), false
	for _, i := range g.index[country.Normalize(name)] {
		p := &g.places[i]
		if (cc == "" || p.Country == cc) && (feature == "" || p.Feature == feature) {
			if !ok || p.Population > g.places[best].Population {
				best, ok = i, true
			}
		}
	}
	return best, ok
}

// Len returns the number of places.
func (g *Gazetteer) Len() int { return len(g.places) }

// MaxWords returns the largest number of words in any indexed name.
func (g *Gazetteer) MaxWords() int { return g.maxLen }

// Place returns place i (0 ≤ i < Len). The pointer is shared and read-only.
func (g *Gazetteer) Place(i int) *Place { return &g.places[i] }

// Lookup returns the indices of every place with the name or alternative
// name name (compared with country.Normalize: case, diacritics, dots and a
// leading "the" ignored). The slice is shared and must not be modified.
func (g *Gazetteer) Lookup(name string) []int32 { return g.index[country.Normalize(name)] }

// LookupKey is Lookup for a name already normalized with country.Normalize.
func (g *Gazetteer) LookupKey(key string) []int32 { return g.index[key] }

// Country returns the index of the country with alpha-2 code cc.
func (g *Gazetteer) Country(cc string) (int, bool) {
	i, ok := g.ctry[cc]
	return int(i), ok
}

// Adm1 returns the index of the first-level division code of country cc.
func (g *Gazetteer) Adm1(cc, code string) (int, bool) {
	i, ok := g.adm1[cc+"."+code]
	return int(i), ok
}

// splitTab splits s at tabs into f and returns the number of fields, or
// len(f)+1 when there are more.
func splitTab(s string, f []string) int {
	n := 0
	for {
		i := strings.IndexByte(s, '\t')
		if n == len(f) {
			return n + 1
		}
		if i < 0 {
			f[n] = s
			return n + 1
		}
		f[n] = s[:i]
		n++
		s = s[i+1:]
	}
}

// Embedded returns a reader over the embedded gzip'd place table, for Load.
func Embedded() io.Reader { return bytes.NewReader(placesGz) }

// skeletons maps Skeleton(name) to places, built on first use.
type skeletons struct {
	once  sync.Once
	index map[string][]int32
}

// LookupSkeleton returns the places whose indexed names have the same
// Skeleton as name: spellings of one name transliterated differently
// ("Al-Fashir" and "El Fasher", "Adhamiya" and "Adhamiyah"). The index is
// built on the first call (tens of milliseconds) and shared; the call is
// safe for concurrent use. Skeletons of fewer than three letters match
// nothing.
func (g *Gazetteer) LookupSkeleton(name string) []int32 {
	g.skel.once.Do(func() {
		g.skel.index = make(map[string][]int32, len(g.index))
		for k, ids := range g.index {
			if sk := Skeleton(k); sk != "" {
				g.skel.index[sk] = append(g.skel.index[sk], ids...)
			}
		}
	})
	sk := Skeleton(country.Normalize(name))
	if sk == "" {
		return nil
	}
	return g.skel.index[sk]
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
