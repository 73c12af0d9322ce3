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
