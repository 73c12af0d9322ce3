// Package gdeltconv holds the conventions the three GDELT writers (Events,
// Mentions and GKG) share, so that one document reads the same in all
// three: where it came from (source name, URL or citation, collection
// type), when (dates, empty when unknown — never the Unix epoch) and where
// (the eight geo fields, with FIPS 10-4 country codes and GDELT feature
// ids).
//
// Conventions newsgraph chose where GDELT's codebook leaves room:
//
//   - A document with a URL (Document.URL, else CanonicalURL) is collection
//     type 1 (WEB) and is identified by that URL; one without is type 2
//     (CITATIONONLY) and is identified by its newsgraph document id. The
//     Events SOURCEURL column holds only URLs: it is empty for citation-only
//     documents (the Mentions row carries the citation).
//   - The source name is Document.Outlet, else the URL's host without
//     "www."; never a local file path; "" when unknown.
//   - Dates are empty when neither the text nor the metadata dates the
//     document.
//   - Geo: Type 1 country, 2 US state, 3 US city, 4 world city, 5 world
//     state; CountryCode is FIPS 10-4; ADM1Code is the FIPS country code
//     followed by the first-level division code (the country code alone for
//     a country); FeatureID is the GeoNames id for cities and other points
//     (GDELT uses GNS ids there, which newsgraph does not have), the ADM1
//     code for a first-level division and the FIPS code for a country.
package gdeltconv

import (
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Collection types (V2SOURCECOLLECTIONIDENTIFIER, MentionType).
const (
	Web          = 1
	CitationOnly = 2
)

// Source is where a document came from, as the GDELT tables say it.
type Source struct {
	Type       int    // Web or CitationOnly
	Name       string // outlet or domain, "" when unknown
	Identifier string // the URL (Web) or the document id (CitationOnly)
	URL        string // the URL, "" for citation-only documents
}

// SourceOf returns d's source fields.
func SourceOf(d *document.Document) Source {
	u := d.URL
	if u == "" {
		u = d.CanonicalURL
	}
	s := Source{Type: CitationOnly, Identifier: Clean(d.ID)}
	if u != "" {
		s = Source{Type: Web, Identifier: Clean(u), URL: Clean(u)}
	}
	s.Name = Clean(d.Outlet)
	if s.Name == "" && u != "" {
		if p, err := url.Parse(u); err == nil {
			s.Name = strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
		}
	}
	return s
}

// Published returns d's publication time in UTC and whether it is known.
func Published(d *document.Document) (time.Time, bool) {
	if d.Published == nil || d.Published.IsZero() {
		return time.Time{}, false
	}
	return d.Published.UTC(), true
}

// Stamp formats t as YYYYMMDDHHMMSS, "" when !ok.
func Stamp(t time.Time, ok bool) string {
	if !ok {
		return ""
	}
	return t.Format("20060102150405")
}

// Clean replaces tabs and line breaks (the tables' delimiters) by spaces.
func Clean(s string) string {
	if !strings.ContainsAny(s, "\t\n\r") {
		return s
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// Geo holds the eight GDELT geo fields of one place.
type Geo struct {
	Type               int // 0 when the place is unknown
	FullName           string
	CountryCode        string // FIPS 10-4
	ADM1Code, ADM2Code string
	Lat, Long          string // four decimals, "" when unknown
	FeatureID          string
}

// Fields returns g as the eight columns of the Events tables ("" for an
// unknown place).
func (g Geo) Fields() []string {
	if g.Type == 0 {
		return make([]string, 8)
	}
	return []string{strconv.Itoa(g.Type), g.FullName, g.CountryCode, g.ADM1Code, g.ADM2Code, g.Lat, g.Long, g.FeatureID}
}

// GeoOf returns the GDELT geo fields of l; ok is false when l cannot be
// placed in a country with a FIPS code (the GDELT tables need one).
func GeoOf(l *document.Location) (Geo, bool) {
	if l == nil || l.Country == "" {
		return Geo{}, false
	}
	c, ok := country.ByAlpha2(l.Country)
	if !ok || c.FIPS == "" {
		return Geo{}, false
	}
	g := Geo{Type: 4, CountryCode: c.FIPS}
	if l.Adm1 != "" {
		g.ADM1Code = c.FIPS + l.Adm1
	}
	if l.Lat != nil && l.Lon != nil {
		g.Lat = strconv.FormatFloat(*l.Lat, 'f', 4, 64)
		g.Long = strconv.FormatFloat(*l.Lon, 'f', 4, 64)
	}
	switch l.Feature {
	case gazetteer.FeatCountry:
		g.Type, g.FullName, g.ADM1Code, g.FeatureID = 1, c.Name, c.FIPS, c.FIPS
	case gazetteer.FeatAdm1:
		g.Type = 5
		if l.Country == "US" {
			g.Type = 2
		}
		g.FullName = l.Name + ", " + c.Name
		g.FeatureID = g.ADM1Code
	default:
		if l.Country == "US" {
			g.Type = 3
		}
		g.FullName = l.Name
		if adm := adm1Name(l.Country, l.Adm1); adm != "" && adm != l.Name {
			g.FullName += ", " + adm
		}
		g.FullName += ", " + c.Name
		if l.GeonameID != 0 {
			g.FeatureID = strconv.Itoa(l.GeonameID)
		} else {
			g.FeatureID = g.ADM1Code
			if g.FeatureID == "" {
				g.FeatureID = c.FIPS
			}
		}
	}
	g.FullName = strings.NewReplacer("#", " ", ";", " ", ",,", ",").Replace(Clean(g.FullName))
	return g, true
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
