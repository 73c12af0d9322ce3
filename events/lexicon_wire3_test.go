package events_test

import "testing"

// TestLexiconWire3 covers the wire-copy acts of the third Reuters pass:
// stated readiness to give aid or goods (033), money in wire units, a
// future supply to a named party, agreements between named parties (and
// the agreements an act is only done under), strikes and boycotts as
// nouns, trade boycotts as sanctions, and test bans as no ban. The
// sentences are written for this test.
func TestLexiconWire3(t *testing.T) {
	runTriples(t, []tripleCase{
		{"prepared to provide money", "Norway is prepared to provide 20 mln dlrs to Kenya.",
			[]string{"0331 NOR>KEN"}, nil},
		{"will supply a party with goods", "Chile will supply Peru with natural gas, the minister said.",
			[]string{"033 CHL>PER"}, nil},
		{"supplied a party with goods", "Chile supplied Peru with natural gas last year.",
			[]string{"070 CHL>PER"}, nil},
		{"offered a loan", "Italy offered Tunisia a loan of 50 mln dlrs.",
			[]string{"033 ITA>TUN"}, nil},
		{"gave money in wire units", "Sweden gave 30 mln dlrs to Mozambique.",
			[]string{"071 SWE>MOZ"}, nil},
		{"lent money", "Kenya lent 10 mln dlrs to Uganda.",
			[]string{"071 KEN>UGA"}, nil},
		{"agreement between two states", "The new agreement between Chile and Argentina covers fishing rights.",
			[]string{"057 CHL>ARG", "057 ARG>CHL"}, nil},
		{"act under an agreement", "Under an agreement between Chile and Argentina, Chile released 12 fishermen.",
			nil, []string{"057"}},
		{"stoppage by workers", "A stoppage by Chilean dockers halted copper exports.",
			[]string{"143 CHL>"}, nil},
		{"trade boycott is a sanction", "Norway announced a trade boycott of Israel.",
			[]string{"163 NOR>ISR"}, []string{"143"}},
		{"test ban is no ban", "Russia proposed a nuclear test ban.",
			nil, []string{"172"}},
	})
}

// TestFirmPullout covers a company pulling out of a country (160), which
// is no troop withdrawal (0874). The sentences are written for this test.
func TestFirmPullout(t *testing.T) {
	runTriples(t, []tripleCase{
		{"firm pulls out", "A Japanese firm pulled out of Iran last week.",
			[]string{"160 JPN>IRN"}, []string{"0874"}},
		{"company pulls out", "The Japanese company has pulled out of Iran.",
			[]string{"160 JPNBUS>IRN"}, []string{"0874"}},
		{"troops pull out", "Japanese troops pulled out of Iraq last week.",
			[]string{"0874 JPNMIL>IRQ"}, []string{"160"}},
	})
}

// TestLexiconWire3Acts covers more wire-copy acts: a ship occupied by
// troops (a seizure, not an occupation of territory), a party encouraged
// to act (an appeal), and talks whose results a speaker reports (the
// speaker's talks). The sentences are written for this test.
func TestLexiconWire3Acts(t *testing.T) {
	runTriples(t, []tripleCase{
		{"troops occupied a ship", "Kenyan troops occupied the ship in Mombasa harbour.",
			[]string{"171 KENMIL>"}, []string{"192"}},
		{"encouraged a party to act", "Kenya encouraged Uganda to join the trade bloc.",
			[]string{"020 KEN>UGA"}, nil},
		{"encouraged a long thing", "Kenya encouraged construction of new coal and gas power plants to meet demand.",
			nil, []string{"020"}},
	})
	runRules(t, []ruleCase{
		{"results of talks", "The Kenyan energy minister was speaking to reporters on the results of talks with Uganda's deputy energy minister.",
			[]string{"04|KEN|UGA", "04|UGA|KEN"}, nil},
	})
}

// TestWire3Roles covers readiness to work with a party (030) and a
// speaker after a comma and an article ("..., a Chilean official said"),
// who is no conjunct of the object before it. The sentences are written
// for this test.
func TestWire3Roles(t *testing.T) {
	runTriples(t, []tripleCase{
		{"prepared to work with", "Japan is prepared to work with Britain on bank rules.",
			[]string{"030 JPN>GBR"}, nil},
	})
	runRules(t, []ruleCase{
		{"speaker after a comma and an article", "Kenya refused to accept guarantees from the Bank of Uganda, a Bank of Tanzania official said.",
			[]string{"12|KEN|UGA"}, []string{"12|KEN|TZA"}},
	})
}

// TestAttitudeWithoutActor covers a verbal defence of a thing, an attitude
// with no actor (no event), beside the defence of an actor. The sentences
// are written for this test.
func TestAttitudeWithoutActor(t *testing.T) {
	runTriples(t, []tripleCase{
		{"defended a thing", "The Kenyan president defended the debt accord on Monday.",
			nil, []string{"052"}},
		{"defended an actor", "The Kenyan president defended Uganda on Monday.",
			[]string{"052 KENGOV>UGA"}, nil},
	})
}

// TestMediationWithoutParties covers a truce brokered by coordinated
// mediators: each mediates (045, one-sided: the mediators are no parties
// to each other), with no target needed. The sentences are written for
// this test.
func TestMediationWithoutParties(t *testing.T) {
	runTriples(t, []tripleCase{
		{"brokered by two", "The truce, brokered by Qatar and Egypt, held through Sunday.",
			[]string{"045 QAT>", "045 EGY>"}, []string{"045 QAT>EGY", "045 EGY>QAT"}},
		{"brokered a truce", "Qatar brokered a local truce in the area in January.",
			[]string{"045 QAT>"}, nil},
	})
}

// TestAgreedCooperation covers an agreement to widen or restart
// cooperation (050, the agreement, not the cooperation), diplomats ordered
// to leave (166) and contributions cut (162). The sentences are written
// for this test.
func TestAgreedCooperation(t *testing.T) {
	runTriples(t, []tripleCase{
		{"agreed to expand sharing", "Kenya and Uganda agreed to expand intelligence sharing on Monday.",
			[]string{"050 KEN>UGA", "050 UGA>KEN"}, nil},
		{"agreed to restart an arrangement", "Kenya and Uganda agreed to restart a currency swap arrangement.",
			[]string{"050 KEN>UGA"}, nil},
		{"ordered diplomats to leave", "Kenya ordered six Ugandan diplomats to leave the country.",
			[]string{"166 KEN>UGAGOV"}, nil},
		{"cut contributions", "Kenya cut its contributions to Uganda this year.",
			[]string{"162 KEN>UGA"}, nil},
	})
}

// TestIntentWithFutureTime covers an intent whose act is set in the
// future ("agreed to hold talks next week"): the intent is stated now, while a
// visit set in the future is none yet. The sentences are written for this
// test.
func TestIntentWithFutureTime(t *testing.T) {
	runTriples(t, []tripleCase{
		{"agreed to hold talks next week", "Kenya and Uganda agreed to hold talks next week.",
			[]string{"050 KEN>UGA", "050 UGA>KEN"}, nil},
		{"visits next month", "When he visits Uganda next month, the Kenyan president will sign the deal.",
			nil, []string{"042"}},
	})
}

// TestThingsThatThreaten covers a threat or an attack whose agent or
// object is a thing, no act of an actor, beside the act. The sentences
// are written for this test.
func TestThingsThatThreaten(t *testing.T) {
	runTriples(t, []tripleCase{
		{"crisis threatening", "Kenya said a crisis threatening the region had eased.",
			nil, []string{"13"}},
		{"actor threatening", "Kenya threatened Uganda on Monday.",
			[]string{"130 KEN>UGA"}, nil},
		{"attack on assets", "The Kenyan government's assault on the firm's assets was criticised.",
			nil, []string{"18"}},
	})
}

// TestRatherThan covers an act named as the alternative not taken
// ("rather than end the strike"): negated. The sentences are written for
// this test.
func TestRatherThan(t *testing.T) {
	runTriples(t, []tripleCase{
		{"rather than end", "Kenyan dockers said they would resign rather than end their strike.",
			nil, []string{"082"}},
		{"ended", "Kenyan dockers ended their strike on Monday.",
			[]string{"082 KEN>"}, nil},
	})
}

// TestCertainVeto covers a veto named as sure to come ("a certain
// presidential veto"): a prospect, while a veto cast is the act. The
// sentences are written for this test.
func TestCertainVeto(t *testing.T) {
	runTriples(t, []tripleCase{
		{"certain veto", "Kenyan lawmakers lack the votes to override a certain Ugandan veto.",
			nil, []string{"129"}},
		{"vetoed", "Kenya vetoed the Ugandan proposal on Monday.",
			[]string{"129 KEN>UGA"}, nil},
	})
}

// TestReportedSpeechActor covers an appeal inside reported speech whose
// actor the content names but the coder cannot code: not the speaker's;
// in a direct quote the speaker appeals. The sentences are written for
// this test.
func TestReportedSpeechActor(t *testing.T) {
	runRules(t, []ruleCase{
		{"reported appeal by an uncoded actor", "The matter was raised with several lawmakers, including Smith who urged Kenya to act quickly, Ugandan officials said.",
			nil, []string{"02|UGA|KEN"}},
		{"direct quote", "\"We urge restraint,\" the Ugandan foreign minister said.",
			[]string{"02|UGA|"}, nil},
	})
}

// TestAgreedToPay covers agreeing to pay a named party (080, yielding to
// it), beside a fine agreed with no party named. The sentences are
// written for this test.
func TestAgreedToPay(t *testing.T) {
	runTriples(t, []tripleCase{
		{"agreed to pay a party", "The Kenyan firm has agreed to pay $2m to the Ugandan government.",
			[]string{"080 KEN>UGAGOV"}, nil},
		{"agreed to pay a fine", "The Kenyan firm has agreed to pay a fine (about $2m) for bribery.",
			nil, []string{"080"}},
	})
}

// TestPraiseByNaming covers praise by naming a party ("described X as a
// reliable partner", 051), beside a party named as a threat (no praise).
// The sentences are written for this test.
func TestPraiseByNaming(t *testing.T) {
	runTriples(t, []tripleCase{
		{"described as a partner", "Kenya described Uganda as a reliable partner in the region.",
			[]string{"051 KEN>UGA"}, nil},
		{"described as a threat", "Kenya described Uganda as a threat to the region.",
			nil, []string{"051"}},
	})
}

// TestProposedLawChange covers proposing a change of law (0242, an appeal
// for policy change). The sentences are written for this test.
func TestProposedLawChange(t *testing.T) {
	runTriples(t, []tripleCase{
		{"suggested amending the law", "The Kenyan opposition suggested amending the election law before the vote.",
			[]string{"0242 KENOPP>"}, nil},
	})
}

// TestArrivalToTalk covers an arrival in a country to talk (042), beside a
// plain arrival of goods (no visit). The sentences are written for this
// test.
func TestArrivalToTalk(t *testing.T) {
	runTriples(t, []tripleCase{
		{"arrived to discuss", "The Kenyan foreign minister arrived in Uganda on Monday to discuss border trade.",
			[]string{"042 KENGOV>UGA"}, nil},
		{"arrived for talks", "The Kenyan foreign minister arrived in Uganda for two days of talks.",
			[]string{"042 KENGOV>UGA"}, nil},
		{"goods arrived", "Kenyan maize arrived in Uganda on Monday.",
			nil, []string{"042"}},
	})
}
