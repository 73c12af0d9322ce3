package events_test

import "testing"

// TestNonNewsPages checks that pages which are no news story (reader
// comments, a listing, a recipe, a forum thread, job ads) yield no events
// although their lines name states and event verbs, and that a story with
// the same verbs still does.
func TestNonNewsPages(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"comments", `Comments (214)

markfromleeds
3 hours ago
Typical. The government attacked the unions again and nobody cares. Russia will invade whoever it likes and we will just watch.
Reply | Report

sally_k
2 hours ago
@markfromleeds Rubbish. China threatened Taiwan for years and nothing happened. Israel should just strike Iran and get it over with.
Like (12) | Reply

dave1979
1 hour ago
The US condemned it, the EU condemned it, so what? Britain sold arms to Saudi Arabia anyway.
Reply | Report
`, nil},
		{"listing", `Used cars for sale near you

2017 Ford Focus Titanium - 45,000 miles - £8,995
Owner moving to Spain, must sell. Full service history.

2019 Toyota Corolla Hybrid - 22,000 miles - £14,500
Imported from Japan. One owner. Call to arrange a viewing.

2015 BMW 320d - 80,000 miles - £7,250
German engineering. Minor scratch on rear bumper. Offers considered.

Sort by: price | mileage | newest
`, nil},
		{"recipe", `Classic French onion soup

Prep time: 20 minutes | Cook time: 1 hour | Serves 4

Ingredients
4 large onions, thinly sliced
50g butter
1 tbsp plain flour
1.2 litres beef stock
4 slices of French bread
100g Gruyere cheese, grated

Method
1. Melt the butter in a large pan and attack the onions over a low heat for 40 minutes until golden.
2. Stir in the flour, then pour in the stock and bring to the boil.
3. Toast the bread, top with cheese and float on the soup. Italy and France both claim this dish.
`, nil},
		{"forum", `Re: Is it safe to travel to Egypt this summer?

Posted by travelbug88 on 12 May

We went to Egypt last year and loved it. The police stopped us twice at checkpoints but were friendly. Turkey was also great.

Posted by Ahmed_Cairo on 13 May

Egypt is safe. Ignore the news saying Egypt arrested tourists, that was years ago. Book with a good agency.

Quote | Reply | Report post
`, nil},
		{"jobs", `Job listings: international careers

Logistics coordinator - Nairobi, Kenya - Salary: competitive
Support our teams shipping aid to Somalia and South Sudan. Apply by 30 June.

Policy analyst - Brussels, Belgium - €45,000
Monitor EU sanctions on Russia and brief members. Apply now.

Security officer - Kabul, Afghanistan - $60,000
Protect staff during attacks. Apply now.

Page 1 of 12 | Next »
`, nil},
		{"news story", `Russia threatened Ukraine on Tuesday. The United States condemned the threat.
China and Taiwan held talks in Singapore.`, []string{"04|CHN|TWN", "04|TWN|CHN", "11|USA|", "13|RUS|UKR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := pipelineTriples(t, tt.text)
			if len(got) != len(tt.want) {
				t.Fatalf("events %q, want %q", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("events %q, want %q", got, tt.want)
				}
			}
		})
	}
}
