package geo

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/text"
)

func process(t testing.TB, txt string, cfg Config) *document.Document {
	t.Helper()
	st, err := NewWithConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(text.New(), st)
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("t", txt)
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// want is one expected location: its text, byte span, country, adm1 and
// feature ("" country means unresolved).
type want struct {
	text       string
	start, end int
	country    string
	adm1       string
	feature    string
}

func check(t *testing.T, d *document.Document, ws []want) {
	t.Helper()
	if len(d.Locations) != len(ws) {
		var got []string
		for _, l := range d.Locations {
			got = append(got, d.Slice(l.Span)+"/"+l.Country+"/"+l.Adm1+"/"+l.Feature)
		}
		t.Fatalf("got %d locations %q, want %d", len(d.Locations), got, len(ws))
	}
	for i, w := range ws {
		l := d.Locations[i]
		if d.Slice(l.Span) != w.text || l.Start != w.start || l.End != w.end {
			t.Errorf("location %d = %q [%d,%d), want %q [%d,%d)", i, d.Slice(l.Span), l.Start, l.End, w.text, w.start, w.end)
		}
		if l.Country != w.country || l.Adm1 != w.adm1 || l.Feature != w.feature {
			t.Errorf("location %d %q = %s/%s/%s, want %s/%s/%s", i, w.text, l.Country, l.Adm1, l.Feature, w.country, w.adm1, w.feature)
		}
		if (l.Lat != nil) != (w.country != "" || w.feature != "") {
			t.Errorf("location %d %q: coordinates %v", i, w.text, l.Lat != nil)
		}
	}
}

func TestAmbiguity(t *testing.T) {
	tests := []struct {
		name, in string
		want     []want
	}{
		{"Paris France", "Thousands marched through Paris on Saturday to protest the pension reform.",
			[]want{{"Paris", 26, 31, "FR", "11", "city"}}},
		{"Paris Texas", "The storm flattened two barns outside Paris, Texas, late on Friday, the county sheriff said.",
			[]want{{"Paris", 38, 43, "US", "TX", "city"}, {"Texas", 45, 50, "US", "TX", "adm1"}}},
		{"Washington city", "The delegation flew from Nairobi to Washington for two days of talks at the State Department.",
			[]want{{"Nairobi", 25, 32, "KE", "05", "city"}, {"Washington", 36, 46, "US", "DC", "city"}}},
		{"Washington state", "Wildfires forced evacuations near Spokane in Washington State, where the governor declared an emergency.",
			[]want{{"Spokane", 34, 41, "US", "WA", "city"}, {"Washington State", 45, 61, "US", "WA", "adm1"}}},
		{"Washington metonymy", "Washington said on Tuesday it would send more air defence systems to Kyiv.",
			[]want{{"Washington", 0, 10, "US", "DC", "city"}, {"Kyiv", 69, 73, "UA", "12", "city"}}},
		{"Georgia country", "Protesters in Tbilisi demanded that Georgia pursue membership of the EU, the Georgian opposition said.",
			[]want{{"Tbilisi", 14, 21, "GE", "51", "city"}, {"Georgia", 36, 43, "GE", "", "country"}}},
		{"Georgia state", "Voters in Atlanta and Savannah lined up early as Georgia counted ballots in the U.S. Senate runoff.",
			[]want{{"Atlanta", 10, 17, "US", "GA", "city"}, {"Savannah", 22, 30, "US", "GA", "city"}, {"Georgia", 49, 56, "US", "GA", "adm1"}, {"U.S.", 80, 84, "US", "", "country"}}},
		{"Alexandria Egypt", "Fishermen in Alexandria said the Mediterranean catch had fallen sharply, Egyptian officials said.",
			[]want{{"Alexandria", 13, 23, "EG", "06", "city"}, {"Mediterranean", 33, 46, "", "", "water"}}},
		{"foreign capitals in a list", "The group runs the Paris, Amsterdam and Lisbon stock exchanges.",
			[]want{{"Paris", 19, 24, "FR", "11", "city"}, {"Amsterdam", 26, 35, "NL", "07", "city"}, {"Lisbon", 40, 46, "PT", "14", "city"}}},
		{"the Gulf", "Two tankers were hit by mines in the Gulf on Sunday, shipping sources in Bahrain said.",
			[]want{{"Gulf", 37, 41, "", "", "water"}, {"Bahrain", 73, 80, "BH", "", "country"}}},
		{"Alexandria Virginia", "The trial opened in federal court in Alexandria, Virginia, just outside the U.S. capital.",
			[]want{{"Alexandria", 37, 47, "US", "VA", "city"}, {"Virginia", 49, 57, "US", "VA", "adm1"}, {"U.S.", 76, 80, "US", "", "country"}}},
		{"demonyms are context", "Omani mediators met Canadian and Kurdish officials in Muscat.",
			[]want{{"Muscat", 54, 60, "OM", "06", "city"}}},
		{"Kiev alias", "Shelling was reported overnight in Kiev and Kharkov.",
			[]want{{"Kiev", 35, 39, "UA", "12", "city"}, {"Kharkov", 44, 51, "UA", "07", "city"}}},
		{"regions", "Aid convoys crossed into the Gaza Strip while fighting continued in Darfur and the Sahel.",
			[]want{{"Gaza Strip", 29, 39, "PS", "", "region"}, {"Darfur", 68, 74, "SD", "", "region"}, {"Sahel", 83, 88, "", "", "region"}}},
		{"organizations are not places", "The New York Times reported that Ankara University would reopen.",
			nil},
		{"people are not places", "Hillary Clinton spoke in Ohio. Clinton said the vote was close.",
			[]want{{"Ohio", 25, 29, "US", "OH", "adm1"}}},
		{"hyphenated and inside names", "Troops joined the U.S.-led coalition after a Denver-based firm hired staff at the University of Calgary.",
			[]want{{"U.S.", 18, 22, "US", "", "country"}, {"Denver", 45, 51, "US", "CO", "city"}, {"Calgary", 96, 103, "CA", "01", "city"}}},
		{"multibyte", "Delegates from Côte d’Ivoire met in São Paulo.",
			[]want{{"Côte d’Ivoire", 15, 31, "CI", "", "country"}, {"São Paulo", 39, 49, "BR", "27", "city"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, process(t, tt.in, Config{}), tt.want)
		})
	}
}

func TestDemonymsOption(t *testing.T) {
	d := process(t, "Turkish troops crossed into Syria.", Config{Demonyms: true})
	check(t, d, []want{{"Turkish", 0, 7, "TR", "", "country"}, {"Syria", 28, 33, "SY", "", "country"}})
}

func TestDateline(t *testing.T) {
	// The dateline sets the context: Alexandria in a Virginia-datelined story.
	d := process(t, "RICHMOND, Va. (AP) — A jury in Alexandria on Monday convicted the former contractor.", Config{})
	check(t, d, []want{{"RICHMOND", 0, 8, "US", "VA", "city"}, {"Va.", 10, 13, "US", "VA", "adm1"}, {"Alexandria", 33, 43, "US", "VA", "city"}})
}

func TestForSentenceAndGKG(t *testing.T) {
	d := process(t, "Fighting spread across Syria. Rebels shelled Aleppo, the army said. No place here.", Config{})
	if got := ForSentence(d, 0); got != 0 {
		t.Errorf("ForSentence(0) = %d, want 0 (Syria)", got)
	}
	if got := ForSentence(d, 1); got != 1 {
		t.Errorf("ForSentence(1) = %d, want 1 (Aleppo)", got)
	}
	if got := ForSentence(d, 2); got != -1 {
		t.Errorf("ForSentence(2) = %d, want -1", got)
	}
	if got := ForSentence(d, 9); got != -1 {
		t.Errorf("ForSentence(9) = %d, want -1", got)
	}
	if got := At(d, strings.Index(d.Text, "army")); got != 1 {
		t.Errorf("At(army) = %d, want 1", got)
	}
	g := GKGLocations(d)
	blocks := strings.Split(g, ";")
	if len(blocks) != 2 {
		t.Fatalf("GKGLocations = %q", g)
	}
	if !strings.HasPrefix(blocks[0], "1#Syria#SY#SY##") || !strings.HasSuffix(blocks[0], "#SY#23") {
		t.Errorf("country block = %q", blocks[0])
	}
	if !strings.HasPrefix(blocks[1], "4#Aleppo, Syria#SY#SY09##") || !strings.HasSuffix(blocks[1], "#170063#45") {
		t.Errorf("city block = %q", blocks[1])
	}
}

func TestWithMentions(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("m", "Moscow said the Golan Heights talks in Geneva would resume. President Jordan Peters disagreed.")
	if err := text.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	// Mentions as the entities stage would give them: a metonymic ORG,
	// a LOC with "the", a GPE and a person whose name is a country.
	d.Mentions = []document.Mention{
		{Span: document.Span{Start: 0, End: 6}, Type: document.Org, Kind: document.Name, Entity: -1},
		{Span: document.Span{Start: 12, End: 29}, Type: document.Loc, Kind: document.Name, Entity: -1},
		{Span: document.Span{Start: 39, End: 45}, Type: document.GPE, Kind: document.Name, Entity: -1},
		{Span: document.Span{Start: 70, End: 83}, Type: document.Person, Kind: document.Name, Entity: -1},
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	check(t, d, []want{{"Moscow", 0, 6, "RU", "48", "city"}, {"Golan Heights", 16, 29, "", "", "region"}, {"Geneva", 39, 45, "CH", "GE", "city"}})
	if d.Locations[1].Mention != 1 || d.Locations[2].Mention != 2 || d.Locations[0].Mention != -1 {
		t.Errorf("mention links = %d %d %d", d.Locations[0].Mention, d.Locations[1].Mention, d.Locations[2].Mention)
	}
}

func FuzzProcess(f *testing.F) {
	for _, s := range []string{"Paris, Texas.", "U.S.$", "ANKARA, Turkey (AP) —", "of the Congo", "\xff\xfe Kiev", "A. B. C.", "St. Louis, Mo."} {
		f.Add(s)
	}
	st, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := document.New("f", s)
		_ = text.New().Process(context.Background(), d)
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for _, l := range d.Locations {
			if l.Start < 0 || l.End > len(s) || l.Start >= l.End {
				t.Fatalf("bad span %+v", l.Span)
			}
		}
		GKGLocations(d)
	})
}
