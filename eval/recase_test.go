package eval

import "testing"

func TestCase_Apply(t *testing.T) {
	tests := []struct {
		c        Case
		in, want string
	}{
		{AsIs, "Amina Odhiambo", "Amina Odhiambo"},
		{Upper, "Amina Odhiambo in Zürich, “quoted”", "AMINA ODHIAMBO IN ZÜRICH, “QUOTED”"},
		{Lower, "ÉTAT D'URGENCE À PARIS 🙂", "état d'urgence à paris 🙂"},
		// ı (2 bytes) upper-cases to I (1 byte) and ẞ (3 bytes) lower-cases to ß (2 bytes): kept.
		{Upper, "ıstanbul", "ıSTANBUL"},
		{Lower, "ẞ", "ẞ"},
		{Upper, "a\xffb", "A\xffB"},
	}
	for _, tt := range tests {
		got := tt.c.Apply(tt.in)
		if got != tt.want {
			t.Errorf("%q.Apply(%q) = %q, want %q", tt.c, tt.in, got, tt.want)
		}
		if len(got) != len(tt.in) {
			t.Errorf("%q.Apply(%q) changes the length", tt.c, tt.in)
		}
	}
	for _, s := range []string{"", "as-is", "mixed", "upper", "lower"} {
		if _, err := ParseCase(s); err != nil {
			t.Errorf("ParseCase(%q): %v", s, err)
		}
	}
	if _, err := ParseCase("title"); err == nil {
		t.Error("ParseCase(title) succeeded")
	}
}
