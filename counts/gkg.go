package counts

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// GKGCounts formats d's categorised, non-percentage counts as a GDELT GKG
// 2.1 V2Counts field: blocks of
// CountType#Count#ObjectType#LocType#LocFullName#LocCountry#LocADM1#LocLat#LocLong#LocFeatureID#CharOffset
// joined by ";". Count is the integer value (the lower bound of a range),
// CharOffset the code point offset of the figure. Location fields are filled
// from d.Locations when Count.Location is set, else left empty (LocType 0).
// Counts with no category are left out, as in the GKG. Field separators in
// names are replaced by spaces.
func GKGCounts(d *document.Document) string {
	var b strings.Builder
	ix := d.Index()
	for _, c := range d.Counts {
		if c.Category == "" || c.Percent || c.Unit == "fraction" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(GDELTCountType(c.Category))
		b.WriteByte('#')
		b.WriteString(strconv.FormatFloat(c.Value, 'f', 0, 64))
		b.WriteByte('#')
		b.WriteString(clean(c.Object))
		b.WriteByte('#')
		if c.Location >= 0 && c.Location < len(d.Locations) {
			l := d.Locations[c.Location]
			b.WriteString(strconv.Itoa(locType(l)))
			b.WriteByte('#')
			b.WriteString(clean(l.Name))
			b.WriteByte('#')
			b.WriteString(clean(l.Country))
			b.WriteByte('#')
			b.WriteString(clean(l.Adm1))
			b.WriteByte('#')
			if l.Lat != nil && l.Lon != nil {
				b.WriteString(strconv.FormatFloat(*l.Lat, 'f', 4, 64))
				b.WriteByte('#')
				b.WriteString(strconv.FormatFloat(*l.Lon, 'f', 4, 64))
			} else {
				b.WriteByte('#')
			}
			b.WriteByte('#')
			if l.GeonameID != 0 {
				b.WriteString(strconv.Itoa(l.GeonameID))
			}
		} else {
			b.WriteString("0######")
		}
		b.WriteByte('#')
		b.WriteString(strconv.Itoa(ix.Rune(c.Start)))
	}
	return b.String()
}

// locType maps a location's feature class to a GDELT geo type: 1 country,
// 5 world state (first-level division), 4 world city.
func locType(l document.Location) int {
	switch l.Feature {
	case "country":
		return 1
	case "adm1":
		return 5
	}
	return 4
}

// GKGAmounts formats d's non-percentage counts as a GDELT GKG 2.1 V2Amounts
// field: blocks of Amount,Object,CharOffset joined by ";". Amount is the
// value without separators (word numbers converted), CharOffset the code
// point offset of the figure. Percentages and fractions are left out, as in
// the GKG.
func GKGAmounts(d *document.Document) string {
	var b strings.Builder
	ix := d.Index()
	for _, c := range d.Counts {
		if c.Percent || c.Unit == "fraction" {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(';')
		}
		b.WriteString(strconv.FormatFloat(c.Value, 'f', -1, 64))
		b.WriteByte(',')
		obj := c.Object
		if obj == "" && c.Currency != "" {
			obj = c.Currency
		}
		b.WriteString(strings.ReplaceAll(clean(obj), ",", " "))
		b.WriteByte(',')
		b.WriteString(strconv.Itoa(ix.Rune(c.Start)))
	}
	return b.String()
}

// clean removes the GKG's separators from a field.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '#', ';', '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
}
