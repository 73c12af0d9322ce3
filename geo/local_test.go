package geo

import "testing"

// TestLocalNews covers what local news asks of the stage: streets and
// roads, places inside organisations' names, residents' words, counties,
// hyphenated pairs, the dateline's state as the setting, and ordinary words
// that are place names.
func TestLocalNews(t *testing.T) {
	tests := []struct {
		name, in string
		want     []want
	}{
		{"street takes its town", "Police closed Elm Street in Dunkirk after the storm.",
			[]want{{"Elm Street", 14, 24, "US", "NY", "street", ""}, {"Dunkirk", 28, 35, "US", "NY", "city", ""}}},
		{"numbered road", "A truck overturned on Interstate 70 near Hays, Kansas.",
			[]want{{"Interstate 70", 22, 35, "US", "KS", "street", ""}, {"Hays", 41, 45, "US", "KS", "city", ""}, {"Kansas", 47, 53, "US", "KS", "adm1", ""}}},
		{"a place named street is the street", "Shops on Paris Avenue in Lexington, Kentucky, reopened.",
			[]want{{"Paris Avenue", 9, 21, "US", "KY", "street", ""}, {"Lexington", 25, 34, "US", "KY", "city", ""}, {"Kentucky", 36, 44, "US", "KY", "adm1", ""}}},
		{"county inside an office's name", "The Tippecanoe County Sheriff's Office in Lafayette, Indiana, made two arrests.",
			[]want{{"Tippecanoe County", 4, 21, "US", "IN", "adm2", "nested"}, {"Lafayette", 42, 51, "US", "IN", "city", ""}, {"Indiana", 53, 60, "US", "IN", "adm1", ""}}},
		{"state inside a university's name", "She studied at the University of Nebraska before moving to Omaha.",
			[]want{{"Nebraska", 33, 41, "US", "NE", "adm1", "nested"}, {"Omaha", 59, 64, "US", "NE", "city", ""}}},
		{"residents of a state", "Thousands of Ohioans lined up outside the Columbus arena.",
			[]want{{"Ohioans", 13, 20, "US", "OH", "adm1", "demonym"}, {"Columbus", 42, 50, "US", "OH", "city", ""}}},
		{"language is no demonym", "The library in Lima, Ohio, offers free Spanish classes.",
			[]want{{"Lima", 15, 19, "US", "OH", "city", ""}, {"Ohio", 21, 25, "US", "OH", "adm1", ""}}},
		{"hyphenated county pair", "The Nashville-Davidson County council met on Monday.",
			[]want{{"Nashville", 4, 13, "US", "TN", "city", ""}, {"Davidson County", 14, 29, "US", "TN", "adm2", ""}}},
		{"dateline state is the setting", "SPRINGFIELD, Mo. (AP) — Volunteers from Branson and Carthage filled sandbags.",
			[]want{{"SPRINGFIELD", 0, 11, "US", "MO", "city", ""}, {"Mo.", 13, 16, "US", "MO", "adm1", ""}, {"Branson", 42, 49, "US", "MO", "city", ""}, {"Carthage", 54, 62, "US", "MO", "city", ""}}},
		{"common word at a sentence start", "Salt was spread on every bridge in Duluth, Minnesota.",
			[]want{{"Duluth", 35, 41, "US", "MN", "city", ""}, {"Minnesota", 43, 52, "US", "MN", "adm1", ""}}},
		{"publication is no place", "The Denver Post reported that the fire in Boulder was contained.",
			[]want{{"Boulder", 42, 49, "US", "CO", "city", ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			check(t, process(t, tt.in, Config{}), tt.want)
		})
	}
}
