package counts

import (
	"cmp"
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
	var out []string
	ix := d.Index()
	for _, c := range d.Counts {
		if c.Percent || c.Unit == "fraction" {
			continue
		}
		obj := strings.ReplaceAll(clean(cmp.Or(c.Object, c.Currency)), ",", " ")
		out = append(out, strings.Join([]string{strconv.FormatFloat(c.Value, 'f', -1, 64), obj, strconv.Itoa(ix.Rune(c.Start))}, ","))
	}
	return strings.Join(out, ";")
}

// clean replaces the GKG's separators in a field with spaces.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '#', ';', '\n', '\r', '\t':
			return ' '
		}
		return r
	}, s)
}
