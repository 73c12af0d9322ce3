package events_test

import "testing"

// TestFromSource checks nominal acts whose actor follows "from" or "by": the
// phrase is the source, and the subject of a receiving verb the target.
func TestFromSource(t *testing.T) {
	runTriples(t, []tripleCase{
		{name: "diplomatic protest received", text: "Cambodia received a formal protest from the Thai government on Monday.",
			want: []string{"114 THAGOV>KHM"}, not: []string{"140 KHM", "114 KHM"}},
		{name: "criticism drawn by a thing", text: "The sanctions drew sharp criticism from Moscow.",
			want: []string{"111 RUS>"}},
		{name: "criticism faced by an actor", text: "Hungary faced fresh criticism from Germany over the new media law.",
			want: []string{"111 DEU>HUN"}, not: []string{"111 HUN"}},
		{name: "threats from a state", text: "Taiwan reported new threats from China on Friday.",
			want: []string{"130 CHN>"}, not: []string{"130 TWN>CHN"}},
		{name: "mass protests", text: "The reform drew protests from Kenyan farmers.",
			want: []string{"140 KENAGR>"}},
		{name: "appeal by a state", text: "The ceasefire followed an appeal by Egypt for calm.",
			want: []string{"020 EGY>"}},
		{name: "condemnation by a state", text: "The raid prompted a condemnation by France.",
			want: []string{"111 FRA>"}},
		{name: "charges from prosecutors", text: "The senator faces charges from Kenyan prosecutors over the payments.",
			want: []string{"173 KENJUD>"}},
	})
}
