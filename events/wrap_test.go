package events

import "testing"

// TestHardWrapped covers the detection of wire copy broken into lines
// inside its paragraphs, where a line break ends no headline or dateline.
func TestHardWrapped(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"wrapped wire copy", "Kenya today called on Britain to\nincrease its imports of tea and coffee or risk a rise of\n" +
			"protectionism and the harm it would bring to both trading\nnations, the trade minister told a group of businessmen.\n" +
			"    He said there had been substantial growth in the volume\nof trade between the two countries in the last ten years.\n", true},
		{"headline and paragraphs", "Kenya urges Britain to buy more tea\nKenya called on Britain on Monday to increase its imports of tea and coffee.\n" +
			"The trade minister said growth had been strong.\n", false},
		{"one line", "Kenya called on Britain to increase its imports.", false},
	}
	for _, tc := range tests {
		if got := hardWrapped(tc.text); got != tc.want {
			t.Errorf("%s: hardWrapped = %v, want %v", tc.name, got, tc.want)
		}
	}
}
