package events_test

import "testing"

// TestLexicon2Triggers covers triggers for acts real news reports in
// set phrases: being in talks, entering negotiations, talks between
// parties, prisoner exchanges, clashes, idiomatic criticism, turned-down
// bids, awarded contracts, guilty verdicts, and demanded acts that stay
// hypothetical.
func TestLexicon2Triggers(t *testing.T) {
	runLexicon2(t, []lexicon2Case{
		{"is in talks with", "Norway is in talks with Finland over fishing quotas.",
			[]string{"040 NOR>FIN", "040 FIN>NOR"}, nil},
		{"was somewhere for talks", "The Swedish foreign minister was in Oslo for talks with Norwegian officials.",
			[]string{"040 SWEGOV>NORGOV", "040 NORGOV>SWEGOV"}, nil},
		{"entered negotiations", "Chile entered negotiations with Peru on Monday.",
			[]string{"046 CHL>PER", "046 PER>CHL"}, nil},
		{"talks between", "Talks between Niger and Chad opened in Niamey on Friday.",
			[]string{"040 NER>TCD", "040 TCD>NER"}, nil},
		{"hosted talks between", "Kenya hosted talks between Ethiopia and Eritrea.",
			[]string{"043 KEN>ETH", "043 KEN>ERI", "040 ETH>ERI", "040 ERI>ETH"}, []string{"043 ETH", "043 ERI"}},
		{"prisoner exchange", "Armenia and Azerbaijan exchanged prisoners on Wednesday.",
			[]string{"0841 ARM>AZE", "0841 AZE>ARM"}, []string{"0841 ARM>;"}},
		{"clashed with", "Thai troops clashed with Cambodian soldiers near the border.",
			[]string{"190 THAMIL>KHMMIL", "190 KHMMIL>THAMIL"}, nil},
		{"attack is one-sided", "Thai troops attacked Cambodian soldiers near the border.",
			[]string{"190 THAMIL>KHMMIL"}, []string{"190 KHMMIL"}},
		{"hit out at", "The Polish government hit out at Belarus on Tuesday.",
			[]string{"111 POLGOV>BLR"}, nil},
		{"spoke out against", "Hungarian opposition leaders spoke out against the Austrian plan.",
			[]string{"111 HUNOPP>AUT"}, nil},
		{"poured cold water", "The Greek minister poured cold water on the Turkish proposal.",
			[]string{"111 GRCGOV>TUR"}, nil},
		{"turned down a bid", "Finland turned down a bid from the Swedish government.",
			[]string{"127 FIN>SWEGOV"}, nil},
		{"awarded a contract", "Egypt awarded the contract to Japan's largest builder.",
			[]string{"061 EGY>JPN"}, nil},
		{"found guilty", "A Nairobi court found the Kenyan minister guilty of fraud.",
			[]string{"173 KENJUD>KENGOV"}, nil},
		{"founded is not found", "The bank was founded in Kenya in 1990.",
			nil, []string{"173"}},
		{"refused to back down", "The Georgian government refused to back down on Monday.",
			[]string{"124 GEOGOV>"}, []string{"080"}},
		{"would not bow", "Armenia would not bow to pressure, the Armenian president said.",
			[]string{"124 ARM>"}, []string{"080"}},
		{"back a plan is no yielding", "Kenya refused to back the Ugandan proposal.",
			nil, []string{"124"}},
		{"sealed a deal", "Vietnam and Cambodia sealed a border deal on Monday.",
			[]string{"057 VNM>KHM", "057 KHM>VNM"}, nil},
		{"dubbed in quotes", "The Belgian bar association dubbed the Dutch plan an \"abuse of power\".",
			[]string{"111 BEL>NLD"}, nil},
		{"called a mistake", "The Polish minister called the German decision a mistake.",
			[]string{"111 POLGOV>DEU"}, nil},
		{"money given", "Sweden gave 40 million euros to Moldova in March.",
			[]string{"071 SWE>MDA"}, nil},
		{"money to be given is a pledge", "Austria will provide $25 million to Jordan.",
			[]string{"033 AUT>JOR"}, []string{"071"}},
		{"money released for relief", "The Mozambican treasury released 90 million dollars for flood victims.",
			[]string{"073 MOZ>"}, nil},
		{"shares are no aid", "The Swiss bank gave 3 million shares to its staff.",
			nil, []string{"07", "03"}},
		{"demanded act is hypothetical", "Brussels demanded that Serbia recognise Kosovo.",
			nil, []string{"054"}},
	})
}
