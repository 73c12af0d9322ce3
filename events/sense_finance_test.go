package events_test

import "testing"

// TestSenseFinance checks the financial and corporate senses of political
// verbs and nouns in business copy (issue 13, h-evprec): each trigger stays
// silent in its market sense and keeps its political sense. The sentences
// are written for this test.
func TestSenseFinance(t *testing.T) {
	tests := []senseCase{
		{"called for the redemption", "Harwell Corp said it called for the redemption on June 1 of its nine pct debentures.", "called", ""},
		{"called for a truce still", "Egypt called for a truce in southern Lebanon.", "called", "0256"},
		{"assistance worth", "The central bank provided assistance worth 45 mln stg in the morning session.", "provided", ""},
		{"market assistance", "The Bank has given the market assistance of 120 mln stg today.", "given", ""},
		{"sales assistance", "Dorran Inc will provide sales assistance to the new venture.", "provide", ""},
		{"aid provided still", "Japan provided humanitarian aid to Bangladesh after the floods.", "provided", "070"},
		{"meet domestic demand", "Nigeria has enough crude to meet domestic demand for six weeks.", "meet", ""},
		{"meet a quota", "Kenya was unable to meet its coffee export quota last year.", "meet", ""},
		{"meet obligations", "Peru said it would meet its financial obligations to Spain.", "meet", ""},
		{"met with objections", "The Belgian minister met with strong objections to his budget plan.", "met", ""},
		{"meet with reporters", "The Polish premier will meet with reporters on Friday.", "meet", ""},
		{"met a minister still", "The Polish premier met with Egyptian officials in Cairo.", "met", "044"},
		{"declined to forecast", "Halden Corp declined to forecast earnings for the year.", "declined", ""},
		{"declined to follow suit", "Standard Rating Co declined to follow suit, traders said.", "declined", ""},
		{"refused to negotiate still", "Iran refused to negotiate with Iraq.", "refused", "125"},
		{"rejected bids", "The EC Commission rejected all bids for barley at the weekly tender.", "rejected", ""},
		{"rejected a merger offer", "Tarbell Corp rejected an unsolicited merger offer from Kline Inc.", "rejected", ""},
		{"rejected a peace plan still", "Iraq rejected an Iranian peace plan.", "rejected", "127"},
		{"offered to acquire shares", "Mercer Inc offered to acquire the 40 pct of Dale Corp stock it does not own.", "offered", ""},
		{"signed an agreement to buy", "Orbit Savings said it signed a definitive agreement to buy two branches.", "signed", ""},
		{"signed a lease", "Halberd Inc signed a lease for new offices in Boston.", "signed", ""},
		{"signed a treaty with still", "Peru signed a border treaty with Ecuador.", "signed", "057"},
		{"takeover fight", "Lomax Inc is locked in a takeover fight with Barr Corp.", "fight", ""},
		{"fight for a tax", "The Speaker said he would fight for a tax increase this year.", "fight", ""},
		{"fighting with troops still", "Rebels were locked in heavy fighting with Ugandan troops on Friday.", "fighting", "190"},
		{"heart attack", "The senator died of a heart attack on Friday.", "attack", ""},
		{"attacked a policy", "The United States attacked Japan's fiscal policy on Monday.", "attacked", "111"},
		{"wages threaten", "A rise in wages would threaten the progress against inflation, the IMF said.", "threaten", ""},
		{"threatened sanctions still", "The United States threatened sanctions against Libya.", "threatened", "1312"},
		{"pretax charge", "Carlow Inc took a 20 mln dlr pretax charge against earnings for the quarter.", "charge", ""},
		{"charged a commission", "Congress charged the commission with examining the dairy program.", "charged", ""},
		{"conceded that", "The chairman conceded that the deregulation posed risks.", "conceded", ""},
		{"convinced", "\"I am convinced the market is going to recover by April,\" he said.", "convinced", ""},
		{"suit charging infringement", "Dalton Inc filed a suit charging Mersey Corp with infringing its patents.", "charging", ""},
		{"charged with murder still", "Police charged the Kenyan opposition leader with murder.", "charged", "173"},
		{"urged shareholders", "The board urged its shareholders not to tender their shares.", "urged", ""},
		{"urged a country still", "Canada urged the United States to act on acid rain.", "urged", "020"},
		{"demonstrates a willingness", "The firm demonstrates a willingness to settle the matter.", "demonstrates", ""},
		{"demonstrated against still", "Students demonstrated against the Chilean government.", "demonstrated", "141"},
		{"agreed with a view", "The Danish minister said he agreed with the view of the commission.", "agreed", ""},
		{"assistance to banks", "The central bank did not provide assistance to banks today.", "provide", ""},
		{"total assistance", "The Bank has given total assistance of 90 mln stg today.", "given", ""},
		{"office space occupied", "The bank will occupy 40,000 square feet in Denver from June.", "occupy", ""},
		{"protesters occupied a square still", "Protesters occupied the main square of Lima on Monday.", "occupied", "144"},
		{"a rally on Wall Street", "Harcourt Corp staged a rally on Wall Street after its results.", "staged", ""},
		{"a rally of protesters still", "Chilean students staged a rally in Santiago against the government.", "staged", "141"},
		{"customers charged", "The refiner raised the price it charges barge customers for heating oil.", "charges", ""},
		{"fought market pressure", "The Bank of England fought against market pressure for a rate cut.", "fought", ""},
		{"sales contributed", "The unit contributed sales of 40 mln dlrs last year.", "contributed", ""},
		{"tight supply", "Traders saw tight supply of crude with short shipping times.", "supply", ""},
		{"shares pledged", "Darrow has pledged its 12 mln Colt shares as security for a loan.", "pledged", ""},
		{"dismissed a suggestion", "The central bank dismissed his suggestion of a rise in reserve requirements.", "dismissed", ""},
		{"rejected an offer of talks still", "Ghana rejected an offer of talks from Togo.", "rejected", "127"},
		{"quarter end", "Debt fell in the quarter end March 1986, the department said.", "end", ""},
		{"warning strikes", "The Swedish metalworkers union will hold warning strikes on Monday.", "strikes", "143"},
		{"strike at plants is a labour strike", "Losses reflected a four-month strike at its Toronto plants.", "strike", "143"},
	}
	checkSenses(t, tests)
}
