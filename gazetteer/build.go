package gazetteer

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/internal/lexicon"
)

// Build reads the gzip'd place table tools/gengazetteer writes from the
// GeoNames-derived packages (places.tsv.gz), adds the countries of package
// country and the hand-written regions, landmarks and aliases, indexes
// every name and alternative name, and returns the table in the binary form
// Open reads (places.bin). The output depends only on its inputs.
func Build(r io.Reader) ([]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: open: %w", err)
	}
	b := &builder{
		index: make(map[string][]int32, 240000),
		adm1:  make(map[string]int32, 4000),
		ctry:  make(map[string]int32, 260),
	}
	for _, c := range country.All() {
		b.ctry[c.Alpha2] = int32(len(b.places))
		if pt, ok := countryPoints[c.Alpha2]; ok {
			c.Lat, c.Lon = pt[0], pt[1]
		}
		b.places = append(b.places, Place{Name: c.Name, Country: c.Alpha2, Feature: FeatCountry, Code: "PCLI", Lat: c.Lat, Lon: c.Lon, ID: countryIDs[c.Alpha2]})
		i := int32(len(b.places) - 1)
		b.add(c.Name, i)
		b.add(c.Official, i)
		for _, n := range c.AltNames {
			b.add(n, i)
		}
	}
	rows, err := parse(zr)
	if err != nil {
		return nil, err
	}
	for _, p := range rows {
		b.insert(p)
	}
	for _, h := range append(regions[:len(regions):len(regions)], landmarks...) {
		i := int32(len(b.places))
		b.places = append(b.places, Place{Name: h.name, Country: h.country, Feature: h.feature, Lat: h.lat, Lon: h.lon, ID: h.id})
		b.add(h.name, i)
		for _, a := range h.alts {
			b.add(a, i)
		}
	}
	for _, a := range aliases {
		if i, ok := b.find(a.name, a.country, a.feature); ok {
			for _, alt := range a.alts {
				b.add(alt, i)
			}
		}
	}
	return b.encode()
}

// builder holds the table while Build makes it.
type builder struct {
	places []Place
	index  map[string][]int32 // Normalize(name) → indices into places, in insertion order
	adm1   map[string]int32   // "CC.code" → index of the division
	ctry   map[string]int32   // alpha-2 → index of the country
	maxLen int                // most words in any indexed name
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

// parse reads the rows of the place table.
func parse(r io.Reader) ([]Place, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	out := make([]Place, 0, 180000)
	for sc.Scan() {
		line++
		var f [9]string
		n := lexicon.Fields(f[:], sc.Text())
		if n != 9 {
			return nil, fmt.Errorf("gazetteer: line %d: %d fields, want 9", line, n)
		}
		id, err1 := strconv.Atoi(f[1])
		pop, err2 := strconv.ParseInt(f[6], 10, 64)
		lat, err3 := strconv.ParseFloat(f[7], 64)
		lon, err4 := strconv.ParseFloat(f[8], 64)
		if err1 != nil || err2 != nil || err3 != nil || err4 != nil || id < 0 || id > 1<<31-1 || pop < 0 || pop > 1<<32-1 ||
			!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) {
			return nil, fmt.Errorf("gazetteer: line %d: bad number", line)
		}
		if len(f[2]) > maxString || len(f[3]) > 2 || len(f[4]) > maxString || len(f[5]) > maxString {
			return nil, fmt.Errorf("gazetteer: line %d: field too long", line)
		}
		p := Place{ID: id, Name: f[2], Country: f[3], Adm1: f[4], Code: f[5], Population: pop, Lat: lat, Lon: lon, Feature: FeatCity}
		switch f[0] {
		case "A":
			p.Feature = FeatAdm1
		case "B":
			p.Feature = FeatAdm2
			p.Population = 0
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: read: %w", err)
	}
	return out, nil
}

// insert appends p and indexes its names.
func (b *builder) insert(p Place) {
	i := int32(len(b.places))
	b.places = append(b.places, p)
	if p.Feature == FeatAdm1 {
		b.adm1[p.Country+"."+p.Adm1] = i
	}
	b.add(p.Name, i)
	// "Washington, D.C." is also "Washington"; "Kyiv City" and
	// "Rivne Oblast" are also "Kyiv" and "Rivne".
	if a, _, ok := strings.Cut(p.Name, ","); ok {
		b.add(a, i)
	}
	if arabic[p.Country] {
		for _, art := range []string{"Al ", "Al-", "Ar ", "Ar-", "As ", "As-", "Ad ", "Ad-", "Ash ", "Ash-", "An ", "An-", "Az ", "Az-", "At ", "At-", "Ath ", "Adh ", "El ", "El-"} {
			if s, ok := strings.CutPrefix(p.Name, art); ok && len(s) > 3 {
				b.add(s, i)
			}
		}
	}
	if p.Feature == FeatAdm2 {
		// "Province of Nueva Ecija", "Kabupaten Pangandaran",
		// "Doğubayazıt İlçesi": the division's bare name as news writes it.
		if s, ok := bareDivision(p.Name); ok {
			b.add(s, i)
		}
	}
	if p.Feature == FeatCity && p.Population >= 50000 {
		// "Ludwigshafen am Rhein", "Stratford-upon-Avon": the short name.
		if s, ok := shortCity(p.Name); ok {
			b.add(s, i)
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
		if suf == " City" && p.Feature == FeatCity && b.hasAdm1(s) {
			continue // "Kansas City" is not "Kansas" (divisions load first)
		}
		if (suf == " City" && p.Feature == FeatCity) || p.Feature == FeatAdm1 {
			b.add(s, i)
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
func (b *builder) hasAdm1(name string) bool {
	for _, j := range b.index[country.Normalize(name)] {
		if b.places[j].Feature == FeatAdm1 {
			return true
		}
	}
	return false
}

func (b *builder) add(name string, i int32) {
	k := country.Normalize(name)
	if k == "" || len(k) > maxString {
		return
	}
	for _, j := range b.index[k] {
		if j == i {
			return
		}
	}
	b.index[k] = append(b.index[k], i)
	if n := strings.Count(k, " ") + 1; n > b.maxLen {
		b.maxLen = n
	}
}

// find returns the most populous place named name in country cc with the
// given feature ("" for any).
func (b *builder) find(name, cc, feature string) (int32, bool) {
	best, ok := int32(-1), false
	for _, i := range b.index[country.Normalize(name)] {
		p := &b.places[i]
		if (cc == "" || p.Country == cc) && (feature == "" || p.Feature == feature) {
			if !ok || p.Population > b.places[best].Population {
				best, ok = i, true
			}
		}
	}
	return best, ok
}

// skeletons returns the skeleton index of the name index: Skeleton(key) →
// the places of every key with that skeleton, keys taken in sorted order.
func (b *builder) skeletons() map[string][]int32 {
	keys := make([]string, 0, len(b.index))
	for k := range b.index {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make(map[string][]int32, len(keys))
	for _, k := range keys {
		if sk := Skeleton(k); sk != "" {
			out[sk] = append(out[sk], b.index[k]...)
		}
	}
	return out
}
