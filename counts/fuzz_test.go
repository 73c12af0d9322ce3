package counts

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/text"
)

// FuzzNumber: parseDigits and wordsValue never panic and give no negative
// or NaN value; wordsValue uses no more words than it is given.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{"34,000", "34 000", "34.000", "1.2bn", "three hundred and fifty", "a dozen",
		"two-thirds", "1,2,3", "9-13/16", "", "and and", "1e309", "99999999999999999999999999", "twenty-", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if v, _, ok := parseDigits(s); ok && (v < 0 || v != v) {
			t.Errorf("parseDigits(%q) = %v", s, v)
		}
		ws := strings.Fields(strings.ToLower(s))
		if v, n := wordsValue(ws); n > len(ws) || n > 0 && (v < 0 || v != v) {
			t.Errorf("wordsValue(%q) = %v, %d", s, v, n)
		}
	})
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		"At least 140 people were killed, the ministry said.",
		"Between 10 and 15 houses; 2-1/2 pct; $1.2bn in aid; «3 000 personnes»",
		"Call 555-1234 or +44 20 7946 0958. Article 23. Won 2-1. Some 17m people.",
		"hundreds of thousands of ,,, - – 9/11 4-3/4 pct Ahmed, 33, (45) US$ 5 HK$",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		d := document.New("f", s)
		text.Annotate(d)
		if err := New().Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, c := range d.Counts {
			if c.Start < 0 || c.End > len(s) || c.Start >= c.End {
				t.Fatalf("bad span %v in %q", c.Span, s)
			}
			if c.Object != "" && (c.ObjectSpan.Start < 0 || c.ObjectSpan.End > len(s)) {
				t.Fatalf("bad object span %v in %q", c.ObjectSpan, s)
			}
		}
		_ = GKGAmounts(d)
	})
}
