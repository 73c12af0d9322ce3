package events_test

import "testing"

// TestSense checks each word-sense test both ways: the trigger fires in its
// event sense (want is the code it must carry) and stays silent in its
// other senses (want ""). The sentences are written for this test.
func TestSense(t *testing.T) {
	tests := []senseCase{
		// strike: labour vs military
		{"labour strike noun", "Railway workers in Brazil launched a strike on Monday over unpaid wages.", "strike", "143"},
		{"dockers strike in ports", "Dockers staged an intermittent strike in Italian ports this week.", "strike", "143"},
		{"air strike stays military", "An Israeli air strike on a building in Gaza killed four people.", "strike", "195"},
		{"missile strike verb", "Russian missiles struck Kharkiv overnight, officials said.", "struck", "195"},
		{"quake struck", "A powerful earthquake struck northern Peru on Sunday.", "struck", ""},
		{"strike on a city", "It was the first Israeli strike on Beirut in months.", "strike", "195"},
		// pounds
		{"pounds after a number", "Peru exported about four mln pounds of coffee to Germany last year.", "pounds", ""},
		{"pounded positions", "Russian artillery pounded Ukrainian positions near Bakhmut.", "pounded", "194"},
		// demand
		{"political demand", "Turkey demanded that Sweden extradite the suspects.", "demanded", "100"},
		{"country demands verb", "China demands apology from Japan over the visit.", "demands", "100"},
		{"economic demand", "Exports to Japan rose on stronger domestic demand in March, Brazil said.", "demand", ""},
		{"demand for goods", "Peru said demand for exports of copper to China fell.", "demand", ""},
		// thanks to
		{"thanks to is a cause", "Kenya's economy grew thanks to rising tea sales to Britain.", "thanks", ""},
		// rally
		{"protest rally", "Opposition supporters rallied in Caracas against the government.", "rallied", "141"},
		// invest
		// loans
		// sign
		{"signed a treaty", "Chile and Argentina signed a border treaty in Santiago.", "signed", "057"},
		// phone
		{"phoned a leader", "Putin phoned Erdogan on Tuesday to discuss grain exports.", "phoned", "041"},
		// thanks
		{"thanked", "Zelensky thanked Poland for its military aid.", "thanked", "051"},
		// shoot
		{"bombed targets", "Israeli jets bombed targets in Gaza overnight.", "bombed", "195"},
		// sentence, arrest
		{"sentenced", "An Iranian court sentenced the French tourist to eight years.", "sentenced", "173"},
		{"placed under house arrest", "Myanmar's junta placed the opposition leader under house arrest.", "arrest", "173"},
		// storm
		{"stormed the embassy", "Protesters stormed the French embassy in Niamey.", "stormed", "180"},
		// fight
		{"fight in a title", "Merkel's Fight For Her Coalition", "fight", ""},
		{"fighting between forces", "Heavy fighting between Sudanese troops and rebels continued near Khartoum.", "fighting", "190"},
		// recognise
		{"recognised a state", "Mexico formally recognised Kosovo as a state.", "recognised", "054"},
		{"recognised independence", "Russia recognised the independence of Abkhazia.", "recognised", "054"},
		// welcome
		{"welcome adjective", "The Canadian proposals are welcome, the two unions said.", "welcome", ""},
		{"welcomed a decision", "Berlin welcomed the decision on Tuesday.", "welcomed", ""},
		{"welcomed an actor's move", "Japan welcomed China's decision on the ban.", "welcomed", "013"},
		// meet
		{"meeting targets", "Italy is far from meeting its deficit targets, the report said.", "meeting", ""},
		{"met a leader", "Modi met Biden at the White House on Friday.", "met", "044"},
		// demonstrate
		{"demonstrated in a city", "Students demonstrated in Caracas on Friday.", "demonstrated", "141"},
		// sanction
		// metaphorical violence
		{"attack with weapons", "Gunmen attacked a police post in northern Mali, killing five officers.", "attacked", "180"},
		{"state attack noun", "Kuwaiti tankers have come under repeated Iranian attack in the Gulf.", "attack", "190"},
		{"attacks on targets", "Iraqi planes raided an oil field, resuming attacks on Iranian targets.", "attacks", "190"},
		{"attacked a village", "Boko Haram fighters attacked a village in Borno state.", "attacked", "180"},
		// natural disasters
		{"tsunami deaths", "The tsunami hit Sri Lanka and Indonesia, with 20,000 people killed.", "killed", ""},
		{"killed by troops", "Syrian troops killed 12 civilians in Idlib, witnesses said.", "killed", "190"},
	}
	checkSenses(t, tests)
}
