package cameo

import "testing"

func TestTable(t *testing.T) {
	all := All()
	if len(all) != 311 {
		t.Fatalf("%d codes, want 311", len(all))
	}
	roots := map[string]bool{}
	for _, c := range all {
		if len(c.Code) < 2 || len(c.Code) > 4 || c.Root != c.Code[:2] || c.Level != len(c.Code) {
			t.Errorf("bad code %+v", c)
		}
		if c.Quad < 1 || c.Quad > 4 || c.Goldstein < -10 || c.Goldstein > 10 || c.Name == "" {
			t.Errorf("bad values %+v", c)
		}
		roots[c.Root] = true
	}
	if len(roots) != 20 {
		t.Errorf("%d roots, want 20", len(roots))
	}
}

func TestLookup(t *testing.T) {
	tests := []struct {
		code, name, plover, mode string
		quad                     int
		gold                     float64
	}{
		{"0231", "Appeal for economic aid", "", "", 1, 3.4},
		{"101", "Demand material cooperation", "REQUEST", "assist", 3, -5},
		{"105", "Demand that target yields", "REQUEST", "change", 3, -5},
		{"108", "Demand mediation", "REQUEST", "meet", 3, -5},
		{"042", "Make a visit", "CONSULT", "visit", 1, 1.9},
		{"195", "Employ aerial weapons", "ASSAULT", "heavy-weapons", 4, -10},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.code)
		if !ok {
			t.Fatalf("Lookup(%q) failed", tt.code)
		}
		if c.Name != tt.name || c.Plover != tt.plover || c.PloverMode != tt.mode || c.Quad != tt.quad || c.Goldstein != tt.gold {
			t.Errorf("Lookup(%q) = %+v", tt.code, c)
		}
	}
	if _, ok := Lookup("999"); ok {
		t.Error("Lookup(999) succeeded")
	}
	if c, _ := Lookup("0231"); c.Base() != "023" {
		t.Errorf("Base = %q", c.Base())
	}
	if RootPlover("18") != "ASSAULT" {
		t.Errorf("RootPlover(18) = %q", RootPlover("18"))
	}
}
