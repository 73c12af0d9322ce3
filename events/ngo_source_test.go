package events_test

import "testing"

// TestNamedNGOSource checks that a named NGO is a valid source even when
// neither side of the event has a country.
func TestNamedNGOSource(t *testing.T) {
	runRules(t, []ruleCase{
		{name: "criticism of a thing", text: "Amnesty International denounced the verdict as a travesty.",
			want: []string{"11||"}},
		{name: "calling a trial a sham", text: "Human Rights Watch described the hearings as a farce.",
			want: []string{"11||"}},
		{name: "accusation of a state's police", text: "Human Rights Watch accused the Kenyan police of beating detainees.",
			want: []string{"11||KEN"}},
		{name: "unnamed group stays out", text: "A rights group condemned the verdict.",
			not: []string{"11||"}},
	})
}
