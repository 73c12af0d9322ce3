// Package gkg writes documents as GDELT Global Knowledge Graph 2.1 records:
// 27 tab-separated columns, one line per document, with the layers
// newsgraph fills (counts, locations, persons, organizations, names,
// quotations, amounts) and empty columns for what it does not compute
// (themes, tone, GCAM, images).
package gkg

import (
	"bufio"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/document"
)

// Columns is the number of columns of a GKG 2.1 record.
const Columns = 27

// Field functions for the layers other packages own; set by the caller
// (the CLI wires quotes.GKGQuotations, geo.GKGLocations and the counts
// writers) so that this package depends only on the document model.
type Fields struct {
	Counts     func(*document.Document) string // V2.1COUNTS
	Locations  func(*document.Document) string // V2ENHANCEDLOCATIONS
	Quotations func(*document.Document) string // V2.1QUOTATIONS
	Amounts    func(*document.Document) string // V2.1AMOUNTS
}

// Write writes one GKG record per document. The record id is the
// publication time (the Unix epoch for undated documents, so output is
// reproducible) with the document's position, as GDELT numbers records
// within a batch.
func Write(w io.Writer, docs []*document.Document, f Fields) error {
	bw := bufio.NewWriter(w)
	for i, d := range docs {
		if err := writeRecord(bw, d, i, f); err != nil {
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

func writeRecord(w *bufio.Writer, d *document.Document, n int, f Fields) error {
	t := time.Unix(0, 0).UTC()
	if d.Published != nil {
		t = d.Published.UTC()
	}
	stamp := t.Format("20060102150405")
	cols := make([]string, Columns)
	cols[0] = stamp + "-" + strconv.Itoa(n)
	cols[1] = stamp
	cols[2] = "1"
	if d.URL != "" {
		if u, err := url.Parse(d.URL); err == nil {
			cols[3] = strings.TrimPrefix(u.Hostname(), "www.")
		}
		cols[4] = d.URL
	} else {
		cols[2] = "2" // citation only: no URL
		cols[4] = d.ID
	}
	v2counts := call(f.Counts, d)
	cols[5] = stripOffsets(v2counts)
	cols[6] = v2counts
	cols[10] = call(f.Locations, d)
	cols[9] = v1Locations(cols[10])
	ix := d.Index()
	var persons, orgs, all []string
	var pv1, ov1 []string
	seen := map[string]bool{}
	for _, m := range d.Mentions {
		if m.Kind != "" && m.Kind != document.Name {
			continue
		}
		name := clean(d.Slice(m.Span))
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			name = clean(d.Entities[m.Entity].Name)
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
	cols[22] = call(f.Quotations, d)
	cols[23] = strings.Join(all, ";")
	cols[24] = call(f.Amounts, d)
	if d.Title != "" {
		cols[26] = "<PAGE_TITLE>" + xmlEscape(d.Title) + "</PAGE_TITLE>"
	}
	for i, c := range cols {
		cols[i] = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
	}
	_, err := w.WriteString(strings.Join(cols, "\t") + "\n")
	return err
}

// clean removes the GKG delimiters from a name.
func clean(s string) string {
	return strings.NewReplacer(",", " ", ";", " ", "#", " ", "\n", " ").Replace(s)
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
