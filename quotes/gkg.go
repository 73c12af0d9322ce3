package quotes

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// GKGQuotations formats d's direct quotes as the GDELT GKG 2.1 Quotations
// field: blocks "Offset|Length|Verb|Quote" joined by "#", with the offset and
// length in Unicode code points. Field separators and line breaks inside the
// verb and quote are replaced by spaces. It returns "" when d has no direct
// quotes. GKG has no speaker field; the JSON output keeps the speaker.
func GKGQuotations(d *document.Document) string {
	ix := d.Index()
	var b strings.Builder
	for _, q := range d.Quotes {
		if !q.Direct {
			continue
		}
		s, e := ix.Runes(q.Span)
		if b.Len() > 0 {
			b.WriteByte('#')
		}
		b.WriteString(strconv.Itoa(s))
		b.WriteByte('|')
		b.WriteString(strconv.Itoa(e - s))
		b.WriteByte('|')
		b.WriteString(clean(q.Cue))
		b.WriteByte('|')
		b.WriteString(clean(d.Slice(q.Span)))
	}
	return b.String()
}

var gkgCleaner = strings.NewReplacer("|", " ", "#", " ", "\n", " ", "\r", " ", "\t", " ")

func clean(s string) string { return gkgCleaner.Replace(s) }
