package entities

import (
	"context"
	"testing"
)

// TestStage_WireActorCodes checks actor codes that wire copy of the 1980s
// needs: former states' adjectives, ranks before a title, companies and
// economic actors. The sentences are written for this test.
func TestStage_WireActorCodes(t *testing.T) {
	process := testProcess(t)
	tests := []struct {
		name, src, mention, want string
	}{
		{name: "Soviet adjective before a title", src: "Soviet Trade Minister Pavel Orlov arrived in Oslo on Monday.", mention: "Pavel Orlov", want: "RUSGOV"},
		{name: "first deputy between adjective and title", src: "ROME, March 4 - Soviet first deputy prime minister Ivan Petrov said his country wanted more trade.", mention: "Ivan Petrov", want: "RUSGOV"},
		{name: "dockers are labour", src: "LISBON, March 4 - Striking dockers blocked the port of Lisbon on Tuesday.", mention: "dockers", want: "PRTLAB"},
		{name: "seamen are labour", src: "Portuguese seamen said on Monday they would stay on strike.", mention: "seamen", want: "PRTLAB"},
		{name: "shipowners are business", src: "Greek shipowners said the strike cost them money.", mention: "shipowners", want: "GRCBUS"},
		{name: "company of the 1980s by its home", src: "Shares of Fujitsu Ltd rose on the Tokyo market on Monday.", mention: "Fujitsu Ltd", want: "JPNBUS"},
		{name: "French chemicals group", src: "The order went to Rhone-Poulenc after a long tender.", mention: "Rhone-Poulenc", want: "FRABUS"},
		{name: "abbreviated senator's title", src: "WASHINGTON, March 4 - Sen. Mary Walsh of Ohio said the bill would pass.", mention: "Mary Walsh", want: "USALEG"},
		{name: "congressman before a name", src: "WASHINGTON, March 4 - Congressman Joe Pike disagreed with the plan.", mention: "Joe Pike", want: "USALEG"},
		{name: "growers are agriculture", src: "Coffee growers in Kenya asked for higher prices on Monday.", mention: "growers", want: "KENAGR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := newDoc("t", tc.src)
			if err := process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			got, ok := entityActor(d, tc.mention)
			if !ok {
				var ms []string
				for _, m := range d.Mentions {
					ms = append(ms, d.Slice(m.Span)+"/"+m.Actor)
				}
				t.Fatalf("no mention %q; mentions %v", tc.mention, ms)
			}
			if got != tc.want {
				t.Errorf("%q: actor %q, want %q", tc.mention, got, tc.want)
			}
		})
	}
}
