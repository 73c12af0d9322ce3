// Package gkg writes documents as GDELT Global Knowledge Graph 2.1 records:
// 27 tab-separated columns, one line per document, with the layers
// newsgraph fills (counts, themes, locations, persons, organizations, tone,
// dates, names, quotations, amounts, a GCAM word count) and empty columns
// for what it does not compute (GCAM dictionaries, images, translation).
//
// Sources, dates and places follow package gdeltconv, the conventions the
// Events and Mentions writers share: FIPS country codes and GDELT feature
// ids in every location field (V1/V2 locations and counts), no made-up date
// for an undated document (V2.1DATE empty).
package gkg

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/export/gdeltconv"
)

// Columns is the number of columns of a GKG 2.1 record.
const Columns = 27

// Fields are the field writers of layers other packages own, set by the
// caller (the CLI wires quotes.GKGQuotations and counts.GKGAmounts) so that
// this package depends only on the document model; First numbers the
// records.
type Fields struct {
	Quotations func(*document.Document) string // V2.1QUOTATIONS
	Amounts    func(*document.Document) string // V2.1AMOUNTS
	// First is the sequence number of the first record (default 0). The
	// record id is the publication time and the record's sequence number
	// in the export ("20240305100000-17"; "undated-17" for a document
	// without a date), so ids are unique over an export written in
	// batches when each batch starts where the last ended.
	First int64
}

// Write writes one GKG record per document.
func Write(w io.Writer, docs []*document.Document, f Fields) error {
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		if err := writeRecord(bw, d, f.First+int64(i), f); err != nil {
			return fmt.Errorf("gkg: %s: %w", d.ID, err)
		}
	}
	return bw.Flush()
}

func call(fn func(*document.Document) string, d *document.Document) string {
	if fn == nil {
		return ""
	}
	return fn(d)
}

// RecordID returns the GKGRECORDID of d written as record n.
func RecordID(d *document.Document, n int64) string {
	stamp := gdeltconv.Stamp(gdeltconv.Published(d))
	if stamp == "" {
		stamp = "undated"
	}
	return stamp + "-" + strconv.FormatInt(n, 10)
}

func writeRecord(w *bufio.Writer, d *document.Document, n int64, f Fields) error {
	cols := make([]string, Columns)
	cols[0] = RecordID(d, n)
	cols[1] = gdeltconv.Stamp(gdeltconv.Published(d))
	src := gdeltconv.SourceOf(d)
	cols[2], cols[3], cols[4] = strconv.Itoa(src.Type), src.Name, src.Identifier
	ix := d.Index()
	cols[6] = v2Counts(d, ix)
	cols[5] = stripOffsets(cols[6])
	cols[7], cols[8] = themes(d, ix)
	cols[10] = v2Locations(d, ix)
	cols[9] = v1Locations(cols[10])
	var persons, orgs, all []string
	var pv1, ov1 []string
	seen := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Kind != "" && m.Kind != document.Name {
			continue
		}
		// the name as the text writes it at its offset (GDELT's names are
		// the words found, not a resolved canonical name)
		name := clean(d.Slice(m.Span))
		if name == "" {
			continue
		}
		block := name + "," + strconv.Itoa(ix.Rune(m.Start))
		all = append(all, block)
		switch m.Type {
		case document.Person:
			persons = append(persons, block)
			if !seen["p"+name] {
				seen["p"+name] = true
				pv1 = append(pv1, name)
			}
		case document.Org:
			orgs = append(orgs, block)
			if !seen["o"+name] {
				seen["o"+name] = true
				ov1 = append(ov1, name)
			}
		}
	}
	cols[11], cols[12] = strings.Join(pv1, ";"), strings.Join(persons, ";")
	cols[13], cols[14] = strings.Join(ov1, ";"), strings.Join(orgs, ";")
	if t := d.Tone; t != nil {
		cols[15] = strings.Join([]string{ftoa(t.Tone), ftoa(t.Positive), ftoa(t.Negative), ftoa(t.Polarity),
			ftoa(t.ActivityDensity), ftoa(t.SelfGroupDensity), strconv.Itoa(t.WordCount)}, ",")
		cols[17] = "wc:" + strconv.Itoa(t.WordCount)
	}
	cols[16] = dates(d, ix)
	cols[22] = call(f.Quotations, d)
	cols[23] = strings.Join(all, ";")
	cols[24] = call(f.Amounts, d)
	if d.Title != "" {
		cols[26] = "<PAGE_TITLE>" + xmlEscape(d.Title) + "</PAGE_TITLE>"
	}
	for i, c := range cols {
		cols[i] = gdeltconv.Clean(c)
	}
	_, err := w.WriteString(strings.Join(cols, "\t") + "\n")
	return err
}

func ftoa(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// themes returns V1THEMES (each theme once) and V2ENHANCEDTHEMES
// (Theme,CharOffset per mention).
func themes(d *document.Document, ix *document.Index) (string, string) {
	var v1, v2 []string
	seen := map[string]bool{}
	for _, t := range d.Themes {
		if !seen[t.Theme] {
			seen[t.Theme] = true
			v1 = append(v1, t.Theme)
		}
		v2 = append(v2, t.Theme+","+strconv.Itoa(ix.Rune(t.Start)))
	}
	return strings.Join(v1, ";"), strings.Join(v2, ";")
}

// dates returns V2.1ENHANCEDDATES: the dates events carry (resolution 3,
// day), at their trigger's offset.
func dates(d *document.Document, ix *document.Index) string {
	var out []string
	for _, e := range d.Events {
		if len(e.Date) != 10 {
			continue
		}
		y, m, dd := e.Date[:4], strings.TrimLeft(e.Date[5:7], "0"), strings.TrimLeft(e.Date[8:10], "0")
		out = append(out, "3#"+m+"#"+dd+"#"+y+"#"+strconv.Itoa(ix.Rune(e.Start)))
	}
	return strings.Join(out, ";")
}

// geoBlock returns the location fields Type#FullName#CountryCode#ADM1Code
// plus what follows (adm2 when withADM2)#Lat#Long#FeatureID of location li,
// ok false when it cannot be placed.
func geoBlock(d *document.Document, li int, withADM2 bool) (string, bool) {
	if li < 0 || li >= len(d.Locations) {
		return "", false
	}
	g, ok := gdeltconv.GeoOf(&d.Locations[li])
	if !ok {
		return "", false
	}
	f := []string{strconv.Itoa(g.Type), g.FullName, g.CountryCode, g.ADM1Code}
	if withADM2 {
		f = append(f, g.ADM2Code)
	}
	f = append(f, g.Lat, g.Long, g.FeatureID)
	return strings.Join(f, "#"), true
}

// v2Locations returns V2ENHANCEDLOCATIONS: every resolved place name with
// coordinates (not demonyms), Type#FullName#CountryCode#ADM1Code#ADM2Code#Lat#Long#FeatureID#CharOffset.
func v2Locations(d *document.Document, ix *document.Index) string {
	var out []string
	for i, l := range d.Locations {
		if l.Lat == nil || l.Lon == nil || !l.IsPlace() {
			continue
		}
		if b, ok := geoBlock(d, i, true); ok {
			out = append(out, b+"#"+strconv.Itoa(ix.Rune(l.Start)))
		}
	}
	return strings.Join(out, ";")
}

// v2Counts returns V2.1COUNTS: the categorised, non-percentage counts,
// CountType#Count#ObjectType#LocType#LocFullName#LocCountryCode#LocADM1#Lat#Long#FeatureID#CharOffset.
func v2Counts(d *document.Document, ix *document.Index) string {
	var out []string
	for _, c := range d.Counts {
		if c.Category == "" || c.Percent || c.Unit == "fraction" {
			continue
		}
		loc, ok := geoBlock(d, c.Location, false)
		if !ok {
			loc = "0######"
		}
		out = append(out, strings.Join([]string{clean(c.Category), strconv.FormatFloat(c.Value, 'f', 0, 64),
			clean(c.Object), loc, strconv.Itoa(ix.Rune(c.Start))}, "#"))
	}
	return strings.Join(out, ";")
}

// clean removes the GKG delimiters from a name.
func clean(s string) string {
	return strings.NewReplacer(",", " ", ";", " ", "#", " ", "\n", " ", "\t", " ", "\r", " ").Replace(s)
}

// stripOffsets turns V2.1 count blocks into V1 blocks (no trailing offset).
func stripOffsets(v2 string) string {
	if v2 == "" {
		return ""
	}
	blocks := strings.Split(v2, ";")
	for i, b := range blocks {
		if j := strings.LastIndexByte(b, '#'); j >= 0 {
			blocks[i] = b[:j]
		}
	}
	return strings.Join(blocks, ";")
}

// v1Locations turns V2 location blocks (Type#Name#CC#ADM1#ADM2#Lat#Long#FeatureID#Offset)
// into unique V1 blocks (Type#Name#CC#ADM1#Lat#Long#FeatureID).
func v1Locations(v2 string) string {
	if v2 == "" {
		return ""
	}
	var out []string
	seen := map[string]bool{}
	for _, b := range strings.Split(v2, ";") {
		f := strings.Split(b, "#")
		if len(f) < 9 {
			continue
		}
		v1 := strings.Join([]string{f[0], f[1], f[2], f[3], f[5], f[6], f[7]}, "#")
		if !seen[v1] {
			seen[v1] = true
			out = append(out, v1)
		}
	}
	return strings.Join(out, ";")
}

func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
