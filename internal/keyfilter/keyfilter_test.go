package keyfilter

import (
	"strings"
	"testing"
)

func TestFilter(t *testing.T) {
	var f Filter
	keys := []string{"minister", "foreign minister", "war", "go", "x"}
	for _, k := range keys {
		if c, ok := Prefix3(k); ok {
			f.Add(c)
		}
	}
	for _, k := range keys {
		c, ok := Prefix3(strings.ToUpper(k))
		if !ok || !f.Has(c) {
			t.Errorf("%q: class not set", k)
		}
	}
	if c, _ := Prefix3("zzz"); f.Has(c) {
		t.Error("zzz: set")
	}
	if _, ok := Prefix3("é"); ok {
		t.Error("Prefix3 of a byte beyond ASCII is ok")
	}
	a, ok1 := Ends("Foreign MINISTER")
	b, ok2 := Ends("fo ... er")
	if !ok1 || !ok2 || a != b {
		t.Errorf("Ends: %x %v, %x %v", a, ok1, b, ok2)
	}
	if _, ok := Ends("a"); ok {
		t.Error("Ends of one byte is ok")
	}
	var all Filter
	all.Fill()
	if c, _ := Prefix3("zzz"); !all.Has(c) {
		t.Error("Fill: a bit clear")
	}
}

func TestMap(t *testing.T) {
	m := NewMap(map[string]int{"minister": 1, "war": 2, "zä": 3, "go": 0}, Prefix3)
	for _, c := range []struct {
		w     string
		want  int
		maybe bool
	}{
		{"minister", 1, true},
		{"Minister", 0, true}, // the class folds case, the map does not
		{"war", 2, true},
		{"zä", 3, true},   // non-ASCII: always maybe
		{"äz", 0, true},   // non-ASCII first byte
		{"go", 0, true},   // a key whose value is the zero value
		{"qqq", 0, false}, // no key's class
		{"", 0, false},
	} {
		if got := m.Value(c.w); got != c.want {
			t.Errorf("Value(%q) = %d, want %d", c.w, got, c.want)
		}
		if got := m.Maybe(c.w); got != c.maybe {
			t.Errorf("Maybe(%q) = %v, want %v", c.w, got, c.maybe)
		}
	}
}
