package counts

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

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
