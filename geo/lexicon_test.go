package geo

import (
	"strings"
	"testing"
)

// TestWords checks the embedded word lists: they parse, every section is
// read, and every residents' word names a division of the gazetteer.
func TestWords(t *testing.T) {
	if err := lex.Err(); err != nil {
		t.Fatal(err)
	}
	if u := lex.Unused(); len(u) > 0 {
		t.Errorf("sections no code reads: %v", u)
	}
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for w, v := range divisionDemonyms {
		cc, a1, _ := strings.Cut(v, "-")
		if _, ok := st.g.Adm1(cc, a1); !ok {
			t.Errorf("demonym %q: no division %s", w, v)
		}
	}
	if got := divisionDemonyms["new yorker"]; got != "US-NY" {
		t.Errorf("demonym New Yorker = %q", got)
	}
	for f := range designators {
		if v := designators[f]; v != "adm1" && v != "adm2" && v != "city" {
			t.Errorf("designator %q: feature %q", f, v)
		}
	}
}
