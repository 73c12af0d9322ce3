package geo

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/text"
)

// TestImperfectMentions feeds the stage the mentions a faulty entities
// stage gives: names cut short, non-places typed GPE, and names unknown to
// the gazetteer with and without a locative cue.
func TestImperfectMentions(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	const txt = "Flooding hit Rio Grande do Sul on Monday, officials in Dar es Salaam said. " +
		"Pilgrims gathered in St. Peter's Square. The Ministry of Health said the village of Kampalo " +
		"was cut off. Salmonella was found at Heathrow."
	d := document.New("m", txt)
	if err := text.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	gpe := func(s, e int) document.Mention {
		return document.Mention{Span: document.Span{Start: s, End: e}, Type: document.GPE, Kind: document.Name, Entity: -1}
	}
	d.Mentions = []document.Mention{
		gpe(13, 23),   // "Rio Grande" of "Rio Grande do Sul"
		gpe(55, 58),   // "Dar"
		gpe(62, 68),   // "Salaam"
		gpe(96, 105),  // "St. Peter" of "St. Peter's Square"
		gpe(132, 138), // "Health": no place
		gpe(159, 166), // "Kampalo": unknown, "the village of"
		gpe(180, 190), // "Salmonella": unknown, no cue
		gpe(204, 212), // "Heathrow": the airport, not the Florida town
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	check(t, d, []want{
		{"Rio Grande do Sul", 13, 30, "BR", "23", "adm1", ""},
		{"Dar es Salaam", 55, 68, "TZ", "23", "city", ""},
		{"St. Peter's Square", 96, 114, "VA", "", "landmark", ""},
		{"Kampalo", 159, 166, "", "", "", ""},
		{"Heathrow", 204, 212, "GB", "", "landmark", ""},
	})
}

// TestFoldedNames checks that names written without their special letters
// ("Aydin" for "Aydın") and short names of qualified cities resolve.
func TestFoldedNames(t *testing.T) {
	d := process(t, "Protesters marched in Aydin and in Ludwigshafen on Sunday.", Config{})
	check(t, d, []want{
		{"Aydin", 22, 27, "TR", "09", "city", ""},
		{"Ludwigshafen", 35, 47, "DE", "08", "city", ""},
	})
}

// FuzzMentions runs the stage with a GPE mention on every capitalized
// token and on every pair of neighbours, overlapping each other.
func FuzzMentions(f *testing.F) {
	for _, s := range []string{"Dar es Salaam, Rio Grande do Sul.", "St. Peter's Square in Rome", "the village of X, Y and Z", "A-B C'd E"} {
		f.Add(s)
	}
	st, err := New()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := document.New("f", s)
		_ = text.New().Process(context.Background(), d)
		for i, tk := range d.Tokens {
			if tk.Kind != document.Word || !isCap(s[tk.Start:tk.End]) {
				continue
			}
			d.Mentions = append(d.Mentions, document.Mention{Span: tk.Span, Type: document.GPE, Kind: document.Name, Entity: -1})
			if i+1 < len(d.Tokens) {
				d.Mentions = append(d.Mentions, document.Mention{Span: document.Span{Start: tk.Start, End: d.Tokens[i+1].End}, Type: document.Loc, Kind: document.Name, Entity: -1})
			}
		}
		if err := st.Process(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		for i, l := range d.Locations {
			if l.Start < 0 || l.End > len(s) || l.Start >= l.End {
				t.Fatalf("bad span %+v", l.Span)
			}
			if i > 0 && l.Start < d.Locations[i-1].End {
				t.Fatalf("overlapping locations %+v %+v", d.Locations[i-1].Span, l.Span)
			}
		}
	})
}

// TestContextPatterns covers relative places ("X, south of Y"), a
// lower-case designator after a name, a second-level division as the
// container in "X, Y", and a transliteration variant resolved with the
// document's countries.
func TestContextPatterns(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"relative", "Police found the body at a house in Edmonton, south of Cairns, on Tuesday.",
			[]want{{"Edmonton", 36, 44, "AU", "04", "city", ""}, {"Cairns", 55, 61, "AU", "04", "city", ""}}},
		{"designator after", "The cow came from a Washington state farm, officials said.",
			[]want{{"Washington", 20, 30, "US", "WA", "adm1", ""}}},
		{"adm2 container", "Pigs died in Santa Maria, Davao del Sur, last month.",
			[]want{{"Santa Maria", 13, 24, "PH", "11", "city", ""}, {"Davao del Sur", 26, 39, "PH", "11", "adm2", ""}}},
		{"divisions before towns", "Shelters in London are full, the city's homeless coalition said. Across Ontario, cities report the same strain, and Canada's housing minister promised help.",
			[]want{{"London", 12, 18, "CA", "08", "city", ""}, {"Ontario", 72, 79, "CA", "08", "adm1", ""}, {"Canada", 116, 122, "CA", "", "country", ""}}},
		{"possessive inside a name", "Officials of the People's Republic of China met.",
			[]want{{"People's Republic of China", 17, 43, "CN", "", "country", ""}}},
		{"list of states is not X, Y", "after around 300 in Colorado, California, and Minnesota fell ill",
			[]want{{"Colorado", 20, 28, "US", "CO", "adm1", ""}, {"California", 30, 40, "US", "CA", "adm1", ""}, {"Minnesota", 46, 55, "US", "MN", "adm1", ""}}},
		{"list coherence", "Cases were reported in Arizona, Ohio, New York, Utah, Washington and Wisconsin, and in Alberta, Manitoba, Ontario and New Brunswick.",
			[]want{{"Arizona", 23, 30, "US", "AZ", "adm1", ""}, {"Ohio", 32, 36, "US", "OH", "adm1", ""}, {"New York", 38, 46, "US", "NY", "adm1", ""},
				{"Utah", 48, 52, "US", "UT", "adm1", ""}, {"Washington", 54, 64, "US", "WA", "adm1", ""}, {"Wisconsin", 69, 78, "US", "WI", "adm1", ""},
				{"Alberta", 87, 94, "CA", "01", "adm1", ""}, {"Manitoba", 96, 104, "CA", "03", "adm1", ""}, {"Ontario", 106, 113, "CA", "08", "adm1", ""},
				{"New Brunswick", 118, 131, "CA", "04", "adm1", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, process(t, tt.text, Config{}), tt.want)
		})
	}
}

func TestTransliteratedMention(t *testing.T) {
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("m", "Fighting in Darfur, Sudan, forced families from Al-Fashir to the camps.")
	if err := text.New().Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	d.Mentions = []document.Mention{
		{Span: document.Span{Start: 12, End: 18}, Type: document.Loc, Kind: document.Name, Entity: -1},
		{Span: document.Span{Start: 20, End: 25}, Type: document.GPE, Kind: document.Name, Entity: -1},
		{Span: document.Span{Start: 48, End: 57}, Type: document.GPE, Kind: document.Name, Entity: -1},
	}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	check(t, d, []want{{"Darfur", 12, 18, "SD", "", "region", ""}, {"Sudan", 20, 25, "SD", "", "country", ""}, {"Al-Fashir", 48, 57, "SD", "55", "city", ""}})
	// Without a Sudanese context the variant spelling stays unresolved.
	d = document.New("m", "Families fled from Al-Fashir.")
	_ = text.New().Process(context.Background(), d)
	d.Mentions = []document.Mention{{Span: document.Span{Start: 19, End: 28}, Type: document.GPE, Kind: document.Name, Entity: -1}}
	if err := st.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	check(t, d, []want{{"Al-Fashir", 19, 28, "", "", "", ""}})
}

func TestRelative(t *testing.T) {
	tests := []struct {
		gap  string
		want bool
	}{
		{" near ", true}, {", south of ", true}, {" 40 km north-east of ", true}, {", about 20 miles from ", true},
		{" outside ", true}, {", ", false}, {" and ", false}, {" of ", false}, {". North of ", false}, {" from ", false},
	}
	for _, tt := range tests {
		if got := relative(tt.gap); got != tt.want {
			t.Errorf("relative(%q) = %v, want %v", tt.gap, got, tt.want)
		}
	}
}

func TestWithinOneEdit(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"fashir", "fasher", true}, {"adhamiya", "adhamiyah", true}, {"mauritious", "mauritius", true},
		{"kisima", "kisumu", false}, {"kitaakita", "kitakata", false}, {"", "", true}, {"a", "", true},
		{"ab", "ba", false}, {"same", "same", true}, {"abc", "abcde", false},
	}
	for _, tt := range tests {
		if got := withinOneEdit(tt.a, tt.b); got != tt.want {
			t.Errorf("withinOneEdit(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
