package counts

import (
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// attribute sets c.AttributedTo and c.AttributedName: the speaker of the
// quote (direct or reported speech, the quotes stage's "X said …",
// "according to X") that holds the figure. The speech grammar is the
// quotes stage's alone.
func (s *sent) attribute(c *document.Count) {
	d := s.d
	for _, qi := range s.bs[s.si] {
		q := &d.Quotes[qi]
		if q.Span.Contains(c.Span) && q.Speaker != nil && q.Speaker.Name != "" && !(q.Speaker.Entity < 0 && pronouns[strings.ToLower(q.Speaker.Name)]) {
			c.AttributedTo, c.AttributedName = q.Speaker.Entity, q.Speaker.Name
			if c.AttributedTo >= len(d.Entities) {
				c.AttributedTo = -1
			}
			return
		}
	}
}
