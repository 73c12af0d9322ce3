package events_test

import "testing"

// TestStateForceAttack checks that attacks by a state's armed forces or by
// a state named bare are conventional military force (190, or 19x by
// weapon), while irregular groups and unknown attackers stay at 180.
func TestStateForceAttack(t *testing.T) {
	runTriples(t, []tripleCase{
		{name: "nationality modifier", text: "A Syrian attack on Turkish border posts was reported overnight.",
			want: []string{"190 SYR>TUR"}, not: []string{"180"}},
		{name: "possessive country", text: "Ethiopia's assault on Eritrean positions began at dawn.",
			want: []string{"190 ETH>ERI"}, not: []string{"180"}},
		{name: "offensive launched by troops", text: "Sudanese troops launched an offensive on Chadian positions near the border.",
			want: []string{"190 SDNMIL>TCD"}, not: []string{"180"}},
		{name: "bare country verb", text: "Armenia attacked Azerbaijani villages near the border.",
			want: []string{"190 ARM>AZE"}, not: []string{"180"}},
		{name: "weapon wins", text: "Egypt said its warplanes attacked a Libyan convoy.",
			not: []string{"180"}},
		{name: "rebels stay irregular", text: "Rebels attacked an army base in northern Mali.",
			want: []string{"180 >MLI"}, not: []string{"190"}},
		{name: "gunmen stay irregular", text: "Gunmen attacked a Nigerian police station in Zamfara.",
			not: []string{"190"}},
	})
}
