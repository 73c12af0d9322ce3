package events_test

import "testing"

// TestSenseWire checks word senses of business and market wire copy: each
// trigger stays silent in its market sense and fires in its event sense.
// The sentences are written for this test.
func TestSenseWire(t *testing.T) {
	tests := []senseCase{
		{"price per pound", "Acme Chemical Co said it would raise the price of its resins by two cts per pound.", "pound", ""},
		{"shell company", "Fenwick Holdings Inc, a publicly held shell company, said it acquired Lark Foods.", "shell", ""},
		{"little sign", "Weak Kenyan data gave little sign that the economy will recover soon.", "sign", ""},
		{"signs of", "Traders saw signs of a recovery in Mexican crude sales.", "signs", ""},
		{"signed a treaty still", "Peru and Chile signed a fisheries treaty on Monday.", "signed", "057"},
		{"executed a letter", "Harlow Inc said it executed a letter of intent with a Canadian bank.", "executed", ""},
		{"executed prisoners", "Iran executed three prisoners on Sunday.", "executed", "173"},
		{"signed up members", "The Canadian club said it signed up 14,000 members in March.", "signed", ""},
		{"called for redemption", "Tarlow Inc called for redemption on May 3 of its notes.", "called", ""},
		{"attack helicopters", "The Dutch army delayed plans to buy French attack helicopters.", "attack", ""},
		{"attack on positions", "Iraq said it repelled an Iranian attack on its positions near Basra.", "attack", "190"},
		{"fighting to regain", "The Italian premier is fighting to regain the confidence of his coalition.", "fighting", ""},
		{"declined to a number", "Volvo said its February car production declined to 2,978 units.", "declined", ""},
		{"declined to give a size", "The Canadian spokesman declined to give the size of the price cuts.", "declined", ""},
		{"refused to act", "Saudi Arabia refused to accept the Brazilian guarantees.", "refused", "120"},
		{"charges of a sum", "Results include unusual charges of 7,900,000 dlrs for severance pay.", "charges", ""},
		{"sentenced to a term", "A Turkish court sentenced the Kurdish mayor to 10 years in prison.", "sentenced", "173"},
		{"Irish pounds", "Amounts were converted from Irish pounds at the noon rate.", "pounds", ""},
		{"Egyptian pounds to the dollar", "Trade is based on a rate of 0.38 Egyptian pounds to the dollar.", "pounds", ""},
		{"artillery pounded", "Iraqi artillery pounded Iranian positions near Basra.", "pounded", "194"},
		{"workers struck", "About 1,700 Yugoslav workers struck on Monday over pay cuts.", "struck", "143"},
		{"striking workers", "Striking Spanish shipyard workers clashed with police in Cadiz.", "Striking", ""},
		{"jets struck", "Israeli jets struck targets in southern Lebanon.", "struck", "195"},
		{"alleged as an adjective", "The dispute over alleged Canadian subsidies to lumber exporters ended.", "alleged", ""},
		{"alleged as a verb", "Iran alleged that Iraqi jets had used chemical weapons.", "alleged", "112"},
		{"recognised revenues", "Zenco said it would recognise revenues on a cost recovery basis.", "recognise", ""},
		{"released money", "Belgium agreed to release a total of 17 mln dlrs to Zaire.", "release", ""},
		{"released prisoners", "Zaire released 20 political prisoners on Sunday.", "released", "0841"},
		{"the week ended", "Dry weather spread in South Africa in the week ended March 14.", "ended", ""},
		{"markets rallied", "Peruvian stock markets rallied on Friday after the vote.", "rallied", ""},
		{"offers at a tender", "Egypt rejected all offers at a vegetable oil import tender on Monday.", "rejected", ""},
		{"a panel charged with a task", "The head of a Philippine panel charged with recovering the funds spoke.", "charged", ""},
		{"signed for a credit", "The Indian state firm has signed for a 26 mln dlr buyers' credit.", "signed", ""},
		{"pollution threatening", "The EC agreed rules to cut air pollution threatening the region's forests.", "threatening", ""},
		{"asked whether", "Asked whether he expected Peru to follow Brazil, the Mexican minister said no.", "Asked", ""},
		{"asked a country", "Ecuador asked Venezuela to supply 50,000 barrels of oil a day.", "asked", "020"},
		{"fighting with troops", "Rebels were locked in heavy fighting with Chadian troops on Friday.", "fighting", "190"},
	}
	checkSenses(t, tests)
}
