package geo

import (
	"strings"
	"testing"
)

// TestLexicon checks the embedded lexicon: it parses, every class the
// stage reads has entries, and every demonym names a division of the
// gazetteer.
func TestLexicon(t *testing.T) {
	l, err := parseLexicon(lexiconTSV)
	if err != nil {
		t.Fatal(err)
	}
	for name, set := range map[string]map[string]bool{
		"language": l.language, "langbefore": l.langBefore, "street": l.street, "route": l.route,
		"routeword": l.routeWord, "orgword": l.orgWord, "orgstart": l.orgStart, "publication": l.publication,
		"placemod": l.placeMod,
	} {
		if len(set) == 0 {
			t.Errorf("class %s is empty", name)
		}
	}
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for w, vs := range l.demonyms {
		for _, v := range vs {
			cc, a1, _ := strings.Cut(v, "-")
			if _, ok := st.g.Adm1(cc, a1); !ok {
				t.Errorf("demonym %q: no division %s", w, v)
			}
		}
	}
	if got := l.demonyms["new yorker"]; len(got) != 1 || got[0] != "US-NY" {
		t.Errorf("demonym New Yorker = %v", got)
	}
	for _, bad := range []string{"nope\tx", "demonym\tTexan", "demonym\tTexan\tUSTX", "street"} {
		if _, err := parseLexicon(bad); err == nil {
			t.Errorf("parseLexicon(%q) = nil error", bad)
		}
	}
}
