package counts

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/genre"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/quotes"
	"github.com/newsgraph/newsgraph/text"
)

// want is one expected count: the span text, then the fields.
type want struct {
	text      string
	value     float64
	upper     float64 // 0 when none
	pct       bool
	approx    bool
	qualifier string
	unit      string
	currency  string
	object    string
	category  string
}

func run(t testing.TB, s string) *document.Document {
	t.Helper()
	d := document.New("t", s)
	if err := text.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

func describe(d *document.Document, c document.Count) string {
	up := 0.0
	if c.Upper != nil {
		up = *c.Upper
	}
	return fmt.Sprintf("{%q %g %g pct=%v approx=%v q=%q unit=%q cur=%q obj=%q cat=%q}", d.Slice(c.Span), c.Value, up, c.Percent, c.Approx, c.Qualifier, c.Unit, c.Currency, c.Object, c.Category)
}

func TestExtract_Table(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []want
	}{
		{"digits and qualifier", "At least 140 people were killed.", []want{{text: "At least 140", value: 140, qualifier: "at least", object: "people", category: Kill}}},
		{"thousands comma", "Floods displaced 34,000 residents.", []want{{text: "34,000", value: 34000, object: "residents", category: Displace}}},
		{"thousands space", "Some 34 000 people fled the fighting.", []want{{text: "Some 34 000", value: 34000, approx: true, qualifier: "some", object: "people", category: Displace}}},
		{"thousands dot", "Police said 34.000 demonstrators marched.", []want{{text: "34.000", value: 34000, object: "demonstrators", category: Protest}}},
		{"scaled million", "The war has displaced 1.2 million people.", []want{{text: "1.2 million", value: 1.2e6, object: "people", category: Displace}}},
		{"dollar bn", "Donors pledged $1bn in aid.", []want{{text: "$1bn", value: 1e9, currency: "USD", object: "aid", category: Aid}}},
		{"euros bn", "The EU approved 5.65bn euros in humanitarian aid.", []want{{text: "5.65bn euros", value: 5.65e9, currency: "EUR", object: "humanitarian aid", category: Aid}}},
		{"pound m", "Britain gave £17m in relief aid.", []want{{text: "£17m", value: 17e6, currency: "GBP", object: "relief aid", category: Aid}}},
		{"glued m people", "Some 17m people are in need.", []want{{text: "Some 17m", value: 17e6, approx: true, qualifier: "some", object: "people", category: Affect}}},
		{"words", "Gunmen abducted twelve students.", []want{{text: "twelve", value: 12, object: "students", category: Kidnap}}},
		{"two dozen", "Two dozen houses were destroyed.", []want{{text: "Two dozen", value: 24, object: "houses", category: Destroy}}},
		{"a hundred", "A hundred families fled.", []want{{text: "A hundred", value: 100, object: "families", category: Displace}}},
		{"three hundred and fifty", "Troops arrested three hundred and fifty men.", []want{{text: "three hundred and fifty", value: 350, object: "men", category: Arrest}}},
		{"a million", "A million people were affected.", []want{{text: "A million", value: 1e6, object: "people", category: Affect}}},
		{"hyphenated word", "Twenty-five soldiers were wounded.", []want{{text: "Twenty-five", value: 25, object: "soldiers", category: Wound}}},
		{"dozens of", "Dozens of people were injured.", []want{{text: "Dozens", value: 24, approx: true, object: "people", category: Wound}}},
		{"hundreds of thousands", "Hundreds of thousands of refugees crossed the border.", []want{{text: "Hundreds of thousands", value: 200000, approx: true, object: "refugees", category: Displace}}},
		{"fraction", "Two-thirds of the water wells were no longer functioning.", []want{{text: "Two-thirds", value: 2.0 / 3, unit: "fraction", object: "water wells", category: Damage}}},
		{"half of", "Half of the schools were damaged.", []want{{text: "Half", value: 0.5, unit: "fraction", object: "schools", category: Damage}}},
		{"percent sign", "About 55% of the electricity grid was damaged.", []want{{text: "About 55%", value: 55, pct: true, approx: true, qualifier: "about", unit: "percent", object: "electricity grid", category: Damage}}},
		{"percent word", "Turnout was 55 percent.", []want{{text: "55 percent", value: 55, pct: true, unit: "percent", object: "turnout"}}},
		{"per cent", "Inflation fell to 2.4 per cent.", []want{{text: "2.4 per cent", value: 2.4, pct: true, unit: "percent", object: "inflation"}}},
		{"range to", "Between 10 and 15 houses collapsed and 20 to 30 people were hurt.", []want{
			{text: "Between 10 and 15", value: 10, upper: 15, qualifier: "between", object: "houses", category: Destroy},
			{text: "20 to 30", value: 20, upper: 30, object: "people", category: Wound}}},
		{"range hyphen", "Rebels seized 10-15 trucks.", []want{{text: "10-15", value: 10, upper: 15, object: "trucks", category: Seize}}},
		{"qualifiers", "Nearly 300 people were evacuated, more than 40 were arrested and up to 12 were kidnapped.", []want{
			{text: "Nearly 300", value: 300, approx: true, qualifier: "nearly", object: "people", category: Evacuate},
			{text: "more than 40", value: 40, qualifier: "more than", object: "people", category: Arrest},
			{text: "up to 12", value: 12, qualifier: "up to", object: "people", category: Kidnap}}},
		{"over", "Over 2,000 protesters gathered.", []want{{text: "Over 2,000", value: 2000, qualifier: "over", object: "protesters", category: Protest}}},
		{"tonnes of aid", "The agency delivered 600 tonnes of food.", []want{{text: "600 tonnes", value: 600, unit: "tonnes", object: "food", category: Aid}}},
		{"seize objects", "Customs seized 200 kg of cocaine and 40 rifles.", []want{
			{text: "200 kg", value: 200, unit: "kg", object: "cocaine", category: Seize},
			{text: "40", value: 40, object: "rifles", category: Seize}}},
		{"seize people", "Gunmen seized 12 passengers.", []want{{text: "12", value: 12, object: "passengers", category: Kidnap}}},
		{"destruction of", "The floods led to the destruction of 140 schools.", []want{{text: "140", value: 140, object: "schools", category: Destroy}}},
		{"out of service", "A dozen clinics were put out of service.", []want{{text: "A dozen", value: 12, object: "clinics", category: Damage}}},
		{"toll", "The death toll rose to 140.", []want{{text: "140", value: 140, category: Kill}}},
		{"ellipsis", "The quake killed 14 people and injured at least 230.", []want{
			{text: "14", value: 14, object: "people", category: Kill},
			{text: "at least 230", value: 230, qualifier: "at least", object: "people", category: Wound}}},
		{"including", "The strike killed 27 people, including nine children.", []want{
			{text: "27", value: 27, object: "people", category: Kill},
			{text: "nine", value: 9, object: "children", category: Kill}}},
		{"coordination", "Shelling destroyed 140 schools and 30 clinics.", []want{
			{text: "140", value: 140, object: "schools", category: Destroy},
			{text: "30", value: 30, object: "clinics", category: Destroy}}},
		{"apartment blocks", "Officials said 17 apartment blocks were damaged.", []want{{text: "17", value: 17, object: "apartment blocks", category: Damage}}},
		{"possessive whole", "About 40% of the province's electricity grid was damaged.", []want{{text: "About 40%", value: 40, pct: true, approx: true, qualifier: "about", unit: "percent", object: "electricity grid", category: Damage}}},
		{"multibyte", "«Plus de 3 000 personnes», said Émile; the UN gave €2.5m in aid to 1,200 displaced families.", []want{
			{text: "3 000", value: 3000, object: "personnes"},
			{text: "€2.5m", value: 2.5e6, currency: "EUR", object: "aid", category: Aid},
			{text: "1,200", value: 1200, object: "displaced families", category: Displace}}},
		{"mixed range", "The premium is eight to 12 pct.", []want{{text: "eight to 12 pct", value: 8, upper: 12, pct: true, unit: "percent", object: "premium"}}},
		{"partitive possessive", "The suit was brought by 28 of the world's largest record labels.", []want{{text: "28", value: 28, object: "largest record labels"}}},
		{"reuters money", "Profit rose to 12.5 mln dlrs, or 41 cts a share, and the stake is 3.4bn Danish kroner.", []want{
			{text: "12.5 mln dlrs", value: 12.5e6, currency: "USD", object: "profit"},
			{text: "41 cts", value: 41, unit: "cents", currency: "USD", object: "profit"},
			{text: "3.4bn Danish kroner", value: 3.4e9, currency: "DKK", object: "stake"}}},
		// Traps: none of these is a count.
		{"year", "The floods were the worst since 2010, and in 1998 the river rose.", nil},
		{"year before noun", "Its 1985 profits fell.", nil},
		{"date", "The attack happened on March 29 and on 4 April.", nil},
		{"time", "The strike hit at 10:30 and another at 9 a.m. local time.", nil},
		{"age hyphen", "A 33-year-old man was arrested.", []want{}},
		{"age comma", "Ahmed Ali, 45, said the shop was closed.", nil},
		{"aged", "Two men, aged 19 and 24, were detained.", []want{{text: "Two", value: 2, object: "men", category: Arrest}}},
		{"children under five", "Children under five account for a third of cases.", []want{{text: "a third", value: 1.0 / 3, unit: "fraction", object: "cases"}}},
		{"duration", "He was jailed for three years after a 40-minute gunfight.", nil},
		{"ordinal", "It was the third attack and the 21st day of the siege.", nil},
		{"phone", "Call 555-1234 or +44 20 7946 0958 or 0800 720 600.", nil},
		{"law", "Under Article 23 and Section 12 of the Act, Resolution 2334 applies.", nil},
		{"score", "Arsenal won 2-1 and beat Chelsea 3 to 1.", nil},
		{"vote tally", "Arsenal won 2-1 and lawmakers voted 195 to 106.", []want{
			{text: "195", value: 195, object: "votes"}, {text: "106", value: 106, object: "votes"}}},
		{"object before: of", "Police estimated a crowd of 107,000 and the rebels demanded a ransom of 200 million naira.", []want{
			{text: "107,000", value: 107000, object: "crowd", category: Protest}, {text: "200 million naira", value: 2e8, currency: "NGN", object: "ransom"}}},
		{"object before: worth and at", "She took bribes worth 38 million rand. The ministry put turnout at 195,000.", []want{
			{text: "38 million rand", value: 3.8e7, currency: "ZAR", object: "bribes"}, {text: "195,000", value: 195000, object: "turnout"}}},
		{"change verb object", "The bank raised its benchmark interest rate by 250 basis points to 46 percent, and the economy grew 5 percent after shrinking 7.3 percent.", []want{
			{text: "46 percent", value: 46, pct: true, unit: "percent", object: "benchmark interest rate"},
			{text: "5 percent", value: 5, pct: true, unit: "percent", object: "economy"},
			{text: "7.3 percent", value: 7.3, pct: true, unit: "percent", object: "economy"}}},
		{"demonyms and half a million", "Half a million people are hungry, 11 million Sudanese have fled and about 770,000 Sikhs live in Canada.", []want{
			{text: "Half a million", value: 5e5, object: "people", category: Affect},
			{text: "11 million", value: 1.1e7, object: "sudanese", category: Displace},
			{text: "about 770,000", value: 770000, approx: true, qualifier: "about", object: "sikhs"}}},
		{"several hundred and police officers", "Several hundred members marched and 12 police officers were injured.", []want{
			{text: "Several hundred", value: 200, approx: true, object: "members", category: Protest},
			{text: "12", value: 12, object: "police officers", category: Wound}}},
		{"change then level is not a range", "The share price fell 20 to 1,260 yen.", []want{
			{text: "1,260 yen", value: 1260, currency: "JPY", object: "share price"}}},
		{"name with a number word", "The Group of Seven communique said nothing new.", nil},
		{"share of an acronym", "The deficit is about 3.4 pct of GDP.", []want{
			{text: "about 3.4 pct", value: 3.4, pct: true, approx: true, qualifier: "about", unit: "percent", object: "gdp"}}},
		{"fraction after by", "Cuts have shrunk the minimum pension by about a third.", []want{
			{text: "about a third", value: 1.0 / 3, approx: true, qualifier: "about", unit: "fraction", object: "minimum pension"}}},
		{"subset after among them", "The strike killed at least 35 civilians, among them 11 children.", []want{
			{text: "at least 35", value: 35, qualifier: "at least", object: "civilians", category: Kill},
			{text: "11", value: 11, object: "children", category: Kill}}},
		{"money for and a share of it", "The agency's appeal for $250 million is only 12 percent funded.", []want{
			{text: "$250 million", value: 2.5e8, currency: "USD", object: "appeal", category: Aid},
			{text: "only 12 percent", value: 12, pct: true, qualifier: "only", unit: "percent", object: "appeal", category: Aid}}},
		{"subject before an adverb", "The overnight deposit rate now stands at 27.25 percent.", []want{
			{text: "27.25 percent", value: 27.25, pct: true, unit: "percent", object: "deposit rate"}}},
		{"plural possessive", "The offer is about five pct of the Philippines' yearly budget.", []want{
			{text: "about five pct", value: 5, pct: true, approx: true, qualifier: "about", unit: "percent", object: "yearly budget"}}},
		{"nominal adjective", "Nearly two-thirds of the dead were women.", []want{
			{text: "Nearly two-thirds", value: 2.0 / 3, approx: true, qualifier: "nearly", unit: "fraction", object: "dead", category: Kill}}},
		{"second half of a year", "Spending will be cut in the second half of 2025.", nil},
		{"year before an amount is not a range", "Profit for 1986 fell to 134 mln stg.", []want{
			{text: "134 mln stg", value: 1.34e8, currency: "GBP", object: "profit"}}},
		{"national dollar", "It is issuing a 75 mln Canadian dlr bond.", []want{
			{text: "75 mln Canadian dlr", value: 7.5e7, currency: "CAD", object: "bond"}}},
		{"verb before for is not an object", "Franchises sell for 14,900 dlrs.", []want{
			{text: "14,900 dlrs", value: 14900, currency: "USD"}}},
		{"share of an amount", "It accounts for more than 90 pct of the 16,000 billion yen in bills.", []want{
			{text: "more than 90 pct", value: 90, pct: true, qualifier: "more than", unit: "percent", object: "bills"},
			{text: "16,000 billion yen", value: 1.6e13, currency: "JPY", object: "bills"}}},
		{"year after a prepositional qualifier", "Banks must bring bonds under 1985 rules.", nil},
		{"band label", "The Bank bought 95 mln stg of band two paper.", []want{
			{text: "95 mln stg", value: 9.5e7, currency: "GBP", object: "band two paper"}}},
		{"singular cent", "Swire will set a 36 cent final dividend.", []want{
			{text: "36 cent", value: 36, unit: "cents", currency: "USD", object: "final dividend"}}},
		{"fraction of a scale", "The scandal may have cost a quarter of a billion dlrs.", []want{
			{text: "a quarter of a billion dlrs", value: 2.5e8, currency: "USD"}}},
		{"the two as a determiner", "The two men are due to be sentenced.", nil},
		{"subject first", "Car sales for the period dropped 65 pct.", []want{
			{text: "65 pct", value: 65, pct: true, unit: "percent", object: "car sales"}}},
		{"money for a verb object", "It threatened to sue the government for $28bn.", []want{
			{text: "$28bn", value: 2.8e10, currency: "USD"}}},
		{"gain of", "It will report an after-tax gain of 1,827,000 dlrs.", []want{
			{text: "1,827,000 dlrs", value: 1827000, currency: "USD", object: "after-tax gain"}}},
		{"PC is not a percent", "He plans a laptop PC for less than $100 PC buyers.", []want{
			{text: "less than $100", value: 100, qualifier: "less than", currency: "USD", object: "pc buyers"}}},
		{"national pound and hectares", "The terms value Youghal at 538,000 Irish pounds, with 829,000 ha of sunflowers.", []want{
			{text: "538,000 Irish pounds", value: 538000, currency: "IEP"},
			{text: "829,000 ha", value: 829000, unit: "hectares", object: "sunflowers"}}},
		{"megapixel is a measure", "It has a two megapixel camera.", nil},
		{"age after who is", "They are scared to death of my daughter, who is 14, and her friends.", nil},
		{"participle modifier in a subject", "Operating income for the ten companies dropped 47 pct.", []want{
			{text: "47 pct", value: 47, pct: true, unit: "percent", object: "operating income"}}},
		{"number word after the object", "It may acquire 500,000 dlrs of restricted stock two to three years later.", []want{
			{text: "500,000 dlrs", value: 500000, currency: "USD", object: "restricted stock"}}},
		{"one as a determiner", "\"They shot everyone,\" said one resident who fled.", nil},
		{"model", "Rebels fired AK47 rifles from a T-72 and a Boeing 737.", nil},
		{"measure", "The magnitude 6.1 quake struck 20 km away and 200 mm of rain fell at 40 degrees.", nil},
		{"address", "Protesters gathered outside 10 Downing Street.", nil},
		{"fraction date", "Since 9/11 the rules changed.", nil},
		{"one of", "One of the officials said the talks would resume.", nil},
		{"the two", "The two countries signed a deal.", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := run(t, tc.in)
			if len(d.Counts) != len(tc.want) {
				var got []string
				for _, c := range d.Counts {
					got = append(got, describe(d, c))
				}
				t.Fatalf("got %d counts, want %d:\n%s", len(d.Counts), len(tc.want), strings.Join(got, "\n"))
			}
			for i, w := range tc.want {
				c := d.Counts[i]
				up := 0.0
				if c.Upper != nil {
					up = *c.Upper
				}
				ok := d.Slice(c.Span) == w.text && math.Abs(c.Value-w.value) < 1e-9*math.Max(1, w.value) && up == w.upper &&
					c.Percent == w.pct && c.Approx == w.approx && c.Qualifier == w.qualifier && c.Unit == w.unit &&
					c.Currency == w.currency && c.Object == w.object && c.Category == w.category && c.Location == -1
				if !ok {
					t.Errorf("count %d = %s\nwant %+v", i, describe(d, c), w)
				}
				if h, sp := strings.Fields(c.Object), strings.ToLower(d.Slice(c.ObjectSpan)); c.Object != "" && !strings.HasSuffix(sp, h[len(h)-1]) && !(c.Object == "votes" && sp == "voted") {
					t.Errorf("count %d: object span %q does not end with the head of %q", i, d.Slice(c.ObjectSpan), c.Object)
				}
			}
		})
	}
}

// TestNumberWords: digit strings as news copy writes them (parseDigits)
// and runs of number words (wordsValue, all of the phrase used), as the
// stage reads them.
func TestNumberWords(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"34,000", 34000, true}, {"34.000", 34000, true}, {"1.25", 1.25, true}, {"1,234.5", 1234.5, true},
		{"1.234.567", 1234567, true}, {"", 0, false}, {"3,5", 0, false}, {"12,34", 0, false}, {"1,2,3", 0, false},
	} {
		got, _, ok := parseDigits(tc.in)
		if ok != tc.ok || (ok && math.Abs(got-tc.want) > 1e-9*math.Max(1, tc.want)) {
			t.Errorf("parseDigits(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"two", 2, true}, {"twelve", 12, true}, {"two dozen", 24, true}, {"a dozen", 12, true},
		{"a hundred", 100, true}, {"three hundred and fifty", 350, true}, {"a million", 1e6, true},
		{"twenty-five", 25, true}, {"two million", 2e6, true}, {"five hundred thousand", 500000, true},
		{"abc", 0, false}, {"one two", 0, false}, {"and", 0, false}, {"34,000", 0, false},
	} {
		ws := strings.Fields(tc.in)
		got, n := wordsValue(ws)
		if ok := n == len(ws); ok != tc.ok || (ok && math.Abs(got-tc.want) > 1e-9*math.Max(1, tc.want)) {
			t.Errorf("wordsValue(%q) = %v, %d words; want %v, %v", tc.in, got, n, tc.want, tc.ok)
		}
	}
	for _, tc := range []struct {
		in   string
		want float64
	}{{"half", 0.5}, {"two-thirds", 2.0 / 3}, {"one-third", 1.0 / 3}, {"three-quarters", 0.75}} {
		if got, ok := fractionValue(tc.in); !ok || math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("fractionValue(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
	}
}

func TestAttribution(t *testing.T) {
	s := "At least 40 people were killed, the health ministry said. According to the United Nations, 1.2 million people have fled. Police said 23 protesters were arrested. \"We counted 1,200 injured people,\" said Ghulam Shah."
	d := document.New("t", s)
	gs, err := genre.New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(text.New(), gs, quotes.New(), New())
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"At least 40": "the health ministry", "1.2 million": "the United Nations", "23": "Police", "1,200": "Ghulam Shah"}
	if len(d.Counts) != len(want) {
		for _, c := range d.Counts {
			t.Log(describe(d, c))
		}
		t.Fatalf("got %d counts, want %d", len(d.Counts), len(want))
	}
	for _, c := range d.Counts {
		if got := c.AttributedName; got != want[d.Slice(c.Span)] {
			t.Errorf("%q attributed to %q, want %q", d.Slice(c.Span), got, want[d.Slice(c.Span)])
		}
	}
}

func TestAttribution_Mention(t *testing.T) {
	s := "Police said 23 protesters were arrested."
	d := document.New("t", s)
	text.Annotate(d)
	d.Entities = []document.Entity{{Name: "Kenya Police Service", Type: document.Org, Mentions: []int{0}}}
	d.Mentions = []document.Mention{{Span: document.Span{Start: 0, End: 6}, Type: document.Org, Kind: document.Name, Entity: 0}}
	d.Quotes = quotes.Extract(d) // the attribution is the quotes stage's
	if err := New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	if len(d.Counts) != 1 || d.Counts[0].AttributedTo != 0 || d.Counts[0].AttributedName != "Kenya Police Service" {
		t.Fatalf("got %+v", d.Counts)
	}
}

func TestGKG(t *testing.T) {
	d := run(t, "Floods killed 140 people and 55% of the grid failed; donors gave €2m. Some 3,000 homes were destroyed.")
	if got, want := GKGAmounts(d), "140,people,14;2000000,EUR,65;3000,homes,70"; got != want {
		t.Errorf("GKGAmounts = %q\nwant %q", got, want)
	}
}

func TestStage(t *testing.T) {
	var s pipeline.Stage = New()
	if s.Name() != "counts" || len(s.Provides()) != 1 || s.Provides()[0] != document.LayerCounts {
		t.Errorf("stage metadata: %s %v", s.Name(), s.Provides())
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Process(ctx, document.New("x", "")); err == nil {
		t.Error("Process with a cancelled context: want an error")
	}
}

// TestExtract_Figures covers the figures of the generalization issue, with
// full spans: whole object phrases and their heads, ranges with both
// bounds, currencies read in the story's country (the setting the actors
// stage would set, given here as dateline and sentence countries), and
// numbers in code.
func TestExtract_Figures(t *testing.T) {
	type fig struct {
		text       string
		value      float64
		upper      float64 // 0 when none
		currency   string
		object     string
		objectSpan string
		objectHead string
	}
	cases := []struct {
		name    string
		setting string // alpha-3 country of the dateline, "" for none
		in      string
		want    []fig
	}{
		{"modifiers kept, head marked", "", "The floods destroyed 140 primary schools and 3,200 housing units.",
			[]fig{{"140", 140, 0, "", "primary schools", "primary schools", "schools"}, {"3,200", 3200, 0, "", "housing units", "housing units", "units"}}},
		{"quantity word left out, hyphenated modifier kept", "", "Kyiv asked for at least 25 more Patriot-type air defence systems.",
			[]fig{{"at least 25", 25, 0, "", "patriot-type air defence systems", "Patriot-type air defence systems", "systems"}}},
		{"possessor left out", "", "About 40% of the province's electricity grid was damaged.",
			[]fig{{"About 40%", 40, 0, "", "electricity grid", "electricity grid", "grid"}}},
		{"word range with a percent after it", "", "Wages rose five to 10 percent last year.",
			[]fig{{"five to 10 percent", 5, 10, "", "wages", "Wages", "Wages"}}},
		{"digit range after a change verb", "", "Rents rose 10 to 15 percent in the capital.",
			[]fig{{"10 to 15 percent", 10, 15, "", "rents", "Rents", "Rents"}}},
		{"scaled range with a currency", "", "The fund lost 2 to 3 billion dollars in the crash.",
			[]fig{{"2 to 3 billion dollars", 2e9, 3e9, "USD", "fund", "fund", "fund"}}},
		{"change then level stays one figure", "", "The share price fell 20 to 1,260 yen.",
			[]fig{{"1,260 yen", 1260, 0, "JPY", "share price", "share price", "price"}}},
		{"a change to a scaled level is no range", "", "Liabilities rose 200 mln to 11.9 billion guilders.",
			[]fig{{"11.9 billion guilders", 11.9e9, 0, "NLG", "liabilities", "Liabilities", "Liabilities"}}},
		{"a level far above the change is no range", "", "The shares rose 95 to 745 yen.",
			[]fig{{"745 yen", 745, 0, "JPY", "shares", "shares", "shares"}}},
		{"money for a period has no object", "", "The company earned 7.1 mln dlrs for the six months ended in June.",
			[]fig{{"7.1 mln dlrs", 7.1e6, 0, "USD", "", "", ""}}},
		{"francs in a French story", "FRA", "PARIS (Wire) — The ministry will spend 4.5 billion francs on new roads.",
			[]fig{{"4.5 billion francs", 4.5e9, 0, "FRF", "new roads", "new roads", "roads"}}},
		{"francs in a Swiss story", "CHE", "GENEVA (Wire) — The bank will lend 2 billion francs to exporters.",
			[]fig{{"2 billion francs", 2e9, 0, "CHF", "", "", ""}}},
		{"francs in a Senegalese story", "SEN", "DAKAR (Wire) — Farmers received 900 million francs in aid.",
			[]fig{{"900 million francs", 9e8, 0, "XOF", "aid", "aid", "aid"}}},
		{"the currency's own adjective wins", "FRA", "PARIS (Wire) — The fine was 80 million Belgian francs.",
			[]fig{{"80 million Belgian francs", 8e7, 0, "BEF", "fine", "fine", "fine"}}},
		{"dollars in a Canadian story", "CAN", "OTTAWA (Wire) — The province pledged 40 million dollars for shelters.",
			[]fig{{"40 million dollars", 4e7, 0, "CAD", "shelters", "shelters", "shelters"}}},
		{"no setting: the default code", "", "The club paid 300 million francs for the stadium.",
			[]fig{{"300 million francs", 3e8, 0, "CHF", "stadium", "stadium", "stadium"}}},
		{"an assignment in code is no death toll", "", "killed = 0\nwounded = 12\n", nil},
		{"a code line in a story", "", "The script printed the total:\n\nif killed == 3 { alert(12) }\n\nTwo soldiers were killed.",
			[]fig{{"Two", 2, 0, "", "soldiers", "soldiers", "soldiers"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := document.New("t", tc.in)
			if err := text.New().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			d.Setting.Dateline = tc.setting
			if err := New().Process(context.Background(), d); err != nil {
				t.Fatal(err)
			}
			if len(d.Counts) != len(tc.want) {
				var got []string
				for _, c := range d.Counts {
					got = append(got, describe(d, c))
				}
				t.Fatalf("got %d counts %v, want %d", len(d.Counts), got, len(tc.want))
			}
			for i, w := range tc.want {
				c := d.Counts[i]
				up := 0.0
				if c.Upper != nil {
					up = *c.Upper
				}
				got := fig{d.Slice(c.Span), c.Value, up, c.Currency, c.Object, d.Slice(c.ObjectSpan), d.Slice(c.ObjectHead)}
				if got != w {
					t.Errorf("count %d = %+v, want %+v", i, got, w)
				}
			}
		})
	}
}
