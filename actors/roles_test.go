package actors

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// TestRoleEnds checks LookupRole's filter: every phrase of the role table
// passes it in lower case, capitals and title case, and LookupRole gives
// the table's answer for every run of up to MaxRoleWords words of the
// examples.
func TestRoleEnds(t *testing.T) {
	rs, err := roles()
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range rs {
		for _, q := range []string{p, strings.ToUpper(p), titleCase(p)} {
			if got, ok := LookupRole(q); !ok || got != want {
				t.Fatalf("LookupRole(%q) = %v, %v; want %v", q, got, ok, want)
			}
		}
	}
	files, _ := filepath.Glob("../examples/*.txt")
	stopped, n := 0, 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(string(b))
		for i := range words {
			for k := 1; k <= MaxRoleWords && i+k <= len(words); k++ {
				p := strings.Join(words[i:i+k], " ")
				n++
				if c, ok := keyfilter.Ends(p); ok && !roleEnds().Has(c) {
					stopped++
				}
				want, wok := rs[strings.ToLower(p)]
				if got, ok := LookupRole(p); ok != wok || got != want {
					t.Fatalf("LookupRole(%q) = %v, %v; want %v, %v", p, got, ok, want, wok)
				}
			}
		}
	}
	if stopped == 0 {
		t.Error("the filter stops no phrase")
	}
	t.Logf("%d of %d phrases stopped", stopped, n)
}

// titleCase upper-cases the first letter of every word of p (ASCII).
func titleCase(p string) string {
	b := []byte(p)
	for i := range b {
		if (i == 0 || b[i-1] == ' ') && b[i] >= 'a' && b[i] <= 'z' {
			b[i] -= 'a' - 'A'
		}
	}
	return string(b)
}

// TestDictionaryEnds checks LookupKey's filter: every key of the built-in
// dictionary and of a clone extended by Add is found, and LookupKey agrees
// with the index on every run of up to four words of examples/.
func TestDictionaryEnds(t *testing.T) {
	d := Default()
	c := d.Clone()
	c.Add(Actor{Name: "Zyxwv Quorum Assembly", Code: "IGO"})
	for _, dd := range []*Dictionary{d, c} {
		for k, e := range dd.index {
			if a, ok := dd.LookupKey(k); !ok || a != &dd.actors[e.i] {
				t.Fatalf("LookupKey(%q) misses", k)
			}
		}
	}
	if _, ok := c.Lookup("zyxwv quorum assembly"); !ok {
		t.Error("an added actor is not found")
	}
	files, _ := filepath.Glob("../examples/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		words := strings.Fields(string(b))
		for i := range words {
			for k := 1; k <= 4 && i+k <= len(words); k++ {
				key := Key(strings.Join(words[i:i+k], " "))
				_, want := d.index[key]
				if _, got := d.LookupKey(key); got != want {
					t.Fatalf("LookupKey(%q) = %v, want %v", key, got, want)
				}
			}
		}
	}
}
