package gdelt

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/cameo"
	"github.com/newsgraph/newsgraph/country"
)

// CheckEvents reads an Events table and checks every row against the
// format: the column count and order (ParseEvent), unique GLOBALEVENTIDs,
// the code tables (CAMEO event codes with their root, QuadClass and
// Goldstein value; actor countries as ISO alpha-3 or CAMEO regions, known
// group and type codes from codes.tsv; FIPS country codes in ActionGeo,
// ADM1 codes that start with the country's) and no 1970 dates. It returns
// the ids in order.
func CheckEvents(r io.Reader) ([]int64, error) {
	var ids []int64
	seen := map[int64]bool{}
	err := eachLine(r, func(n int, line string) error {
		e, err := ParseEvent(line)
		if err != nil {
			return err
		}
		if seen[e.ID] {
			return fmt.Errorf("GLOBALEVENTID %d repeated", e.ID)
		}
		seen[e.ID] = true
		ids = append(ids, e.ID)
		c, ok := cameo.Lookup(e.EventCode)
		if !ok {
			return fmt.Errorf("EventCode %q is no CAMEO code", e.EventCode)
		}
		if c.Root != e.RootCode || c.Base() != e.BaseCode || c.Quad != e.Quad || c.Goldstein != e.Goldstein {
			return fmt.Errorf("EventCode %s: root %s base %s quad %d Goldstein %.1f, CAMEO has %s %s %d %.1f",
				e.EventCode, e.RootCode, e.BaseCode, e.Quad, e.Goldstein, c.Root, c.Base(), c.Quad, c.Goldstein)
		}
		for _, a := range []struct {
			code, cc, group string
			types           []string
		}{
			{e.Actor1Code, e.Actor1Country, e.Actor1KnownGroup, e.Actor1Types},
			{e.Actor2Code, e.Actor2Country, e.Actor2KnownGroup, e.Actor2Types},
		} {
			if a.cc != "" && !isCountry(a.cc) && !codeKinds()[a.cc]["region"] {
				return fmt.Errorf("actor country %q is no ISO alpha-3 code or CAMEO region", a.cc)
			}
			if a.group != "" && !codeKinds()[a.group]["group"] {
				return fmt.Errorf("known group %q is not in the table", a.group)
			}
			if a.group != "" && !strings.Contains(a.code, a.group) {
				return fmt.Errorf("known group %q is not part of actor code %q", a.group, a.code)
			}
			for _, t := range a.types {
				if t != "" && !codeKinds()[t]["type"] {
					return fmt.Errorf("actor type %q is not in the table", t)
				}
			}
		}
		if e.ActionGeoType != 0 {
			if e.ActionGeoType < 1 || e.ActionGeoType > 5 {
				return fmt.Errorf("ActionGeo_Type %d", e.ActionGeoType)
			}
			if _, ok := country.ByFIPS(e.ActionGeoCountry); !ok {
				return fmt.Errorf("ActionGeo_CountryCode %q is no FIPS 10-4 code", e.ActionGeoCountry)
			}
			if e.ActionGeoADM1 != "" && !strings.HasPrefix(e.ActionGeoADM1, e.ActionGeoCountry) {
				return fmt.Errorf("ActionGeo_ADM1Code %q does not start with country %q", e.ActionGeoADM1, e.ActionGeoCountry)
			}
			if e.ActionGeoType == 1 && e.ActionGeoFeatureID != e.ActionGeoCountry {
				return fmt.Errorf("country ActionGeo_FeatureID %q, want the FIPS code %q", e.ActionGeoFeatureID, e.ActionGeoCountry)
			}
			if e.ActionGeoFeatureID == "" {
				return fmt.Errorf("ActionGeo_FeatureID empty for %q", e.ActionGeoName)
			}
		}
		if strings.HasPrefix(e.Date, "1970") || strings.HasPrefix(e.DateAdded, "1970") {
			return fmt.Errorf("a 1970 date: SQLDATE %q DATEADDED %q", e.Date, e.DateAdded)
		}
		if e.SourceURL != "" && !strings.Contains(e.SourceURL, "://") {
			return fmt.Errorf("SOURCEURL %q is no URL", e.SourceURL)
		}
		return nil
	})
	return ids, err
}

// CheckMentions reads a Mentions table and checks every row (ParseMention),
// that each refers to one of events (when not nil), that web mentions are
// identified by a URL and none by a file path, and that offsets lie inside
// the document.
func CheckMentions(r io.Reader, events []int64) error {
	known := map[int64]bool{}
	for _, id := range events {
		known[id] = true
	}
	return eachLine(r, func(n int, line string) error {
		m, err := ParseMention(line)
		if err != nil {
			return err
		}
		if events != nil && !known[m.EventID] {
			return fmt.Errorf("GLOBALEVENTID %d is in no Events row", m.EventID)
		}
		if m.Type == 1 && !strings.Contains(m.Identifier, "://") {
			return fmt.Errorf("web mention identified by %q, not a URL", m.Identifier)
		}
		if strings.ContainsAny(m.SourceName, "/\\") {
			return fmt.Errorf("MentionSourceName %q looks like a path", m.SourceName)
		}
		for _, off := range []int{m.Actor1Offset, m.Actor2Offset, m.ActionOffset} {
			if off < -1 || off > m.DocLen {
				return fmt.Errorf("offset %d outside the document (%d code points)", off, m.DocLen)
			}
		}
		if m.ActionOffset < 0 || m.Sentence < 1 || m.Confidence < 0 || m.Confidence > 100 {
			return fmt.Errorf("ActionCharOffset %d, SentenceID %d, Confidence %d", m.ActionOffset, m.Sentence, m.Confidence)
		}
		if strings.HasPrefix(m.EventTime, "1970") || strings.HasPrefix(m.MentionTime, "1970") {
			return fmt.Errorf("a 1970 date")
		}
		return nil
	})
}

func eachLine(r io.Reader, fn func(n int, line string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		if err := fn(n, sc.Text()); err != nil {
			return fmt.Errorf("gdelt: line %d: %w", n, err)
		}
	}
	return sc.Err()
}
