package events_test

import "testing"

// TestSense checks each word-sense test both ways: the trigger fires in its
// event sense (want is the code it must carry) and stays silent in its
// other senses (want ""). The sentences are written for this test.
func TestSense(t *testing.T) {
	tests := []struct {
		name, text, trigger, want string
	}{
		// strike: labour vs military
		{"labour strike noun", "Railway workers in Brazil launched a strike on Monday over unpaid wages.", "strike", "143"},
		{"seamen strike ended", "The Chilean seamen strike ended on Friday after nine days.", "strike", "143"},
		{"dockers strike in ports", "Dockers staged an intermittent strike in Italian ports this week.", "strike", "143"},
		{"air strike stays military", "An Israeli air strike on a building in Gaza killed four people.", "strike", "195"},
		{"offshore strike is military", "Russia launched an offshore strike against Ukrainian missile installations.", "strike", "195"},
		{"missile strike verb", "Russian missiles struck Kharkiv overnight, officials said.", "struck", "195"},
		{"struck a deal", "Toyota has struck a deal with a Chinese battery maker.", "struck", ""},
		{"quake struck", "A powerful earthquake struck northern Peru on Sunday.", "struck", ""},
		{"pact they struck", "Ministers said the currency pact they struck in Tokyo would hold.", "struck", ""},
		{"strike in a place", "Nurses join strike in Ireland", "strike", "143"},
		{"strike on a city", "It was the first Israeli strike on Beirut in months.", "strike", "195"},
		{"bare noun strike", "Analysts say the Detroit strike will weigh on quarterly profits.", "strike", ""},
		// pounds
		{"pounds after a number", "Peru exported about four mln pounds of coffee to Germany last year.", "pounds", ""},
		{"pound as currency", "The Egyptian pound fell sharply against the dollar on Monday.", "pound", ""},
		{"pounded positions", "Russian artillery pounded Ukrainian positions near Bakhmut.", "pounded", "194"},
		// demand
		{"market demand", "Oil prices rose on strong Chinese demand for crude.", "demand", ""},
		{"rising demand", "Exports to Japan grew because of rising demand for beef.", "demand", ""},
		{"political demand", "Turkey demanded that Sweden extradite the suspects.", "demanded", "100"},
		{"demanding adjective", "The firm struggled to please Japan's technologically demanding buyers.", "demanding", ""},
		{"compound demand headline", "Mexican car demand surges", "demand", ""},
		{"country demand noun", "US demand for heating oil was forecast to rise this winter.", "demand", ""},
		{"country demands verb", "China demands apology from Japan over the visit.", "demands", "100"},
		// rally
		{"markets rallying", "Korean shares rallied after the central bank cut rates.", "rallied", ""},
		{"protest rally", "Opposition supporters rallied in Caracas against the government.", "rallied", "141"},
		// invest
		{"investing in securities", "Japanese pension funds are wary of investing in Treasury securities.", "investing", ""},
		{"investing funds", "She spent a decade investing funds for wealthy clients in London.", "investing", ""},
		// loans
		{"bad loans", "Regulators said the Thai lender was granting bad loans to property firms.", "loans", ""},
		// sign
		{"sign language", "Deaf pupils in Kenya learn sign language at school.", "sign", ""},
		{"signed up", "Two million Germans have signed up for the new service.", "signed", ""},
		{"signed a treaty", "Chile and Argentina signed a border treaty in Santiago.", "signed", "057"},
		// phone
		{"phone market", "Samsung is the leader of the Indian mobile phone market.", "phone", ""},
		{"phone users", "Most Spanish phone users never send picture messages.", "phone", ""},
		{"phoned a leader", "Putin phoned Erdogan on Tuesday to discuss grain exports.", "phoned", "041"},
		// thanks
		{"thanks to", "Mexico's economy grew faster thanks to strong exports.", "thanks", ""},
		{"thanked", "Zelensky thanked Poland for its military aid.", "thanked", "051"},
		// shoot
		{"shooting video", "Reporters in Cairo are shooting video for the evening news.", "shooting", ""},
		{"ticking bomb", "Critics warned of the ticking bomb of Spanish pension costs.", "bomb", ""},
		{"bombed targets", "Israeli jets bombed targets in Gaza overnight.", "bombed", "195"},
		{"shot to the top", "The Korean film shot to the top of the French box office.", "shot", ""},
		// sentence, arrest
		{"suspended sentence", "A Paris court gave the former minister a suspended sentence.", "sentence", ""},
		{"sentenced", "An Iranian court sentenced the French tourist to eight years.", "sentenced", "173"},
		{"house arrest in plans", "Ministers plan to keep suspects under house arrest without trial.", "arrest", ""},
		{"placed under house arrest", "Myanmar's junta placed the opposition leader under house arrest.", "arrest", "173"},
		// storm
		{"media storm", "The Danish minister faced a media storm over the remarks.", "storm", ""},
		{"stormed the embassy", "Protesters stormed the French embassy in Niamey.", "stormed", "180"},
		// fight
		{"legal fight", "The Dutch court ruled on the legal fight between Shell and Nigeria.", "fight", ""},
		{"fight in a title", "Merkel's Fight For Her Coalition", "fight", ""},
		{"fighting poverty near war words", "The charity War Child said Indian policy was a barrier to fighting poverty.", "fighting", ""},
		{"fought off a bid", "The Swedish group fought off a hostile takeover bid last month.", "fought", ""},
		{"fighting between forces", "Heavy fighting between Sudanese troops and rebels continued near Khartoum.", "fighting", "190"},
		// recognise
		{"recognised that", "Brazilian officials have recognised that the economy needs reform.", "recognised", ""},
		{"internationally recognised", "The internationally recognised government of Libya controls Tripoli.", "recognised", ""},
		{"recognise the pressures", "The Welsh minister said she recognised the pressures on councils.", "recognised", ""},
		{"recognised a state", "Mexico formally recognised Kosovo as a state.", "recognised", "054"},
		{"recognised independence", "Russia recognised the independence of Abkhazia.", "recognised", "054"},
		// welcome
		{"welcome adjective", "The Canadian proposals are welcome, the two unions said.", "welcome", ""},
		{"welcomed a decision", "Berlin welcomed the decision on Tuesday.", "welcomed", ""},
		{"welcomed an actor's move", "Japan welcomed China's decision on the ban.", "welcomed", "013"},
		// meet
		{"meeting targets", "Italy is far from meeting its deficit targets, the report said.", "meeting", ""},
		{"met a target", "Cutting the deficit was a target the Indian minister says he has now met.", "met", ""},
		{"met a leader", "Modi met Biden at the White House on Friday.", "met", "044"},
		// demonstrate
		{"demonstrated that", "Recent shocks in Brazil have demonstrated that markets recover fast.", "demonstrated", ""},
		{"demonstrated in a city", "Students demonstrated in Caracas on Friday.", "demonstrated", "141"},
		// sanction
		{"sanctioning action", "Britain sought a UN resolution sanctioning military action against Iraq.", "sanctioning", ""},
		// metaphorical violence
		{"attacked a record", "Senator Warren attacked President Trump's economic record on Tuesday.", "attacked", "111"},
		{"attacked the way", "He attacked the way the Iraq war was presented to voters.", "attacked", "111"},
		{"attacks against a firm", "The Russian government continued its attacks against Yukos in the courts.", "attacks", ""},
		{"attack with weapons", "Gunmen attacked a police post in northern Mali, killing five officers.", "attacked", "180"},
		{"state attack noun", "Kuwaiti tankers have come under repeated Iranian attack in the Gulf.", "attack", "190"},
		{"attacks on targets", "Iraqi planes raided an oil field, resuming attacks on Iranian targets.", "attacks", "190"},
		{"attacked a village", "Boko Haram fighters attacked a village in Borno state.", "attacked", "180"},
		{"assaults on a currency", "Traders expect renewed assaults on the dollar this week.", "assaults", ""},
		// natural disasters
		{"tsunami deaths", "The tsunami hit Sri Lanka and Indonesia, with 20,000 people killed.", "killed", ""},
		{"tsunami in the sentence before", "The tsunami struck the coast of Indonesia. The worst-hit areas are in Aceh, with 9,000 people killed.", "killed", ""},
		{"killed by troops", "Syrian troops killed 12 civilians in Idlib, witnesses said.", "killed", "190"},
		{"killed a bill", "The Senate killed the Mexican trade bill on Thursday.", "killed", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := matchCodes(t, tt.text, tt.trigger)
			if tt.want == "" {
				if len(got) > 0 {
					t.Errorf("%q: %q matched %v, want no event", tt.text, tt.trigger, got)
				}
				return
			}
			for _, g := range got {
				if g == tt.want {
					return
				}
			}
			t.Errorf("%q: %q matched %v, want %s", tt.text, tt.trigger, got, tt.want)
		})
	}
}
