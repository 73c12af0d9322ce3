package geo

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// rank orders features from most to least specific.
func rank(f string) int {
	switch f {
	case gazetteer.FeatCity, gazetteer.FeatLandmark:
		return 0
	case gazetteer.FeatAdm1:
		return 1
	case gazetteer.FeatRegion:
		return 2
	case gazetteer.FeatCountry:
		return 3
	case gazetteer.FeatWater:
		return 4
	}
	return 5
}

// ForSentence returns the index into d.Locations of the place sentence
// sent puts things in: the most specific resolved location inside the
// sentence (a city before a division before a country; the first one on
// ties), or -1 when the sentence names no resolved place. Continents are
// never chosen. It only reads d.
func ForSentence(d *document.Document, sent int) int {
	if sent < 0 || sent >= len(d.Sentences) {
		return -1
	}
	s := d.Sentences[sent].Span
	best, br := -1, 99
	for i, l := range d.Locations {
		if l.Start >= s.End {
			break
		}
		if !s.Contains(l.Span) || l.Lat == nil || l.Feature == gazetteer.FeatContinent {
			continue
		}
		if r := rank(l.Feature); r < br {
			best, br = i, r
		}
	}
	return best
}

// sentencePlaces appends ForSentence of every sentence of d to dst, in one
// pass over the locations (both layers are in text order).
func sentencePlaces(d *document.Document, dst []int) []int {
	j := 0
	for _, sn := range d.Sentences {
		for j < len(d.Locations) && d.Locations[j].Start < sn.Start {
			j++
		}
		best, br := -1, 99
		for i := j; i < len(d.Locations) && d.Locations[i].Start < sn.End; i++ {
			l := d.Locations[i]
			if !sn.Contains(l.Span) || l.Lat == nil || l.Feature == gazetteer.FeatContinent {
				continue
			}
			if r := rank(l.Feature); r < br {
				best, br = i, r
			}
		}
		dst = append(dst, best)
	}
	return dst
}

// At returns ForSentence of the sentence containing byte offset off, or -1.
func At(d *document.Document, off int) int { return ForSentence(d, d.SentenceAt(off)) }

// GKGLocations returns d's resolved locations as the GDELT GKG 2.1
// V2ENHANCEDLOCATIONS field: ";"-separated blocks
// Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset,
// with FIPS 10-4 country codes, Type 1 country, 2 US state, 3 US city,
// 4 world city, 5 world state, and code point offsets. Unresolved
// locations and places without a country are left out; each place appears
// once per offset.
func GKGLocations(d *document.Document) string {
	ix := d.Index()
	var b strings.Builder
	for _, l := range d.Locations {
		if l.Lat == nil || l.Lon == nil || l.Country == "" {
			continue
		}
		c, ok := country.ByAlpha2(l.Country)
		if !ok || c.FIPS == "" {
			continue
		}
		typ := 4
		adm1 := ""
		if l.Adm1 != "" {
			adm1 = c.FIPS + l.Adm1
		}
		full := l.Name
		switch l.Feature {
		case gazetteer.FeatCountry:
			typ, adm1 = 1, c.FIPS
		case gazetteer.FeatAdm1:
			typ = 5
			if l.Country == "US" {
				typ = 2
			}
			full = l.Name + ", " + c.Name
		default:
			if l.Country == "US" {
				typ = 3
			}
			full = l.Name
			if adm := adm1Name(l.Country, l.Adm1); adm != "" && adm != l.Name {
				full += ", " + adm
			}
			full += ", " + c.Name
		}
		fid := strconv.Itoa(l.GeonameID)
		if l.GeonameID == 0 || l.Feature == gazetteer.FeatCountry {
			fid = adm1
			if fid == "" {
				fid = c.FIPS
			}
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		full = strings.NewReplacer("#", " ", ";", " ").Replace(full)
		b.WriteString(strconv.Itoa(typ))
		b.WriteByte('#')
		b.WriteString(full)
		b.WriteByte('#')
		b.WriteString(c.FIPS)
		b.WriteByte('#')
		b.WriteString(adm1)
		b.WriteString("##")
		b.WriteString(strconv.FormatFloat(*l.Lat, 'f', 4, 64))
		b.WriteByte('#')
		b.WriteString(strconv.FormatFloat(*l.Lon, 'f', 4, 64))
		b.WriteByte('#')
		b.WriteString(fid)
		b.WriteByte('#')
		b.WriteString(strconv.Itoa(ix.Rune(l.Start)))
	}
	return b.String()
}

func adm1Name(cc, code string) string {
	if code == "" {
		return ""
	}
	g, err := gazetteer.Default()
	if err != nil {
		return ""
	}
	if i, ok := g.Adm1(cc, code); ok {
		return g.Place(i).Name
	}
	return ""
}
