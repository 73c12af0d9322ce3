package country

import (
	"strings"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		name, want string
	}{
		{"Ivory Coast", "CI"}, {"Côte d'Ivoire", "CI"}, {"Cote d’Ivoire", "CI"},
		{"Burma", "MM"}, {"Myanmar", "MM"},
		{"Czechia", "CZ"}, {"Czech Republic", "CZ"},
		{"DR Congo", "CD"}, {"Democratic Republic of the Congo", "CD"}, {"DRC", "CD"},
		{"UK", "GB"}, {"U.K.", "GB"}, {"Britain", "GB"}, {"Great Britain", "GB"}, {"the United Kingdom", "GB"},
		{"US", "US"}, {"USA", "US"}, {"U.S.", "US"}, {"the United States", "US"}, {"America", "US"},
		{"UAE", "AE"}, {"United Arab Emirates", "AE"},
		{"Turkey", "TR"}, {"Türkiye", "TR"}, {"Russia", "RU"}, {"Russian Federation", "RU"},
		{"kenya", "KE"}, {"  KENYA ", "KE"}, {"Guinea-Bissau", "GW"}, {"Guinea Bissau", "GW"},
		{"Georgia", "GE"}, {"Congo", "CG"}, {"Kosovo", "XK"}, {"Palestine", "PS"},
		{"The Gambia", "GM"}, {"Gambia", "GM"}, {"Holland", "NL"}, {"the Netherlands", "NL"},
		{"South Korea", "KR"}, {"North Korea", "KP"}, {"East Timor", "TL"}, {"Swaziland", "SZ"},
	}
	for _, tt := range tests {
		c, ok := Lookup(tt.name)
		if !ok || c.Alpha2 != tt.want {
			got := "none"
			if ok {
				got = c.Alpha2
			}
			t.Errorf("Lookup(%q) = %s, want %s", tt.name, got, tt.want)
		}
	}
	for _, n := range []string{"Island", "Kurdistan", "Thai", "", "the", "Europe"} {
		if c, ok := Lookup(n); ok {
			t.Errorf("Lookup(%q) = %s, want none", n, c.Alpha2)
		}
	}
}

func TestByDemonym(t *testing.T) {
	tests := []struct {
		adj, want string
	}{
		{"Turkish", "TR"}, {"Turks", "TR"}, {"Omani", "OM"}, {"Emirati", "AE"}, {"Emiratis", "AE"},
		{"British", "GB"}, {"Britons", "GB"}, {"American", "US"}, {"Americans", "US"},
		{"Kenyan", "KE"}, {"Kenyans", "KE"}, {"Canadian", "CA"}, {"French", "FR"}, {"Frenchmen", "FR"},
		{"Dutch", "NL"}, {"Congolese", "CD"}, {"Nigerian", "NG"}, {"Nigerien", "NE"},
		{"Israeli", "IL"}, {"Israelis", "IL"}, {"Palestinian", "PS"}, {"Saudi", "SA"}, {"Filipinos", "PH"},
		{"Swiss", "CH"}, {"Chinese", "CN"}, {"Indian", "IN"}, {"Dominican", "DO"}, {"Ivorian", "CI"},
		{"Georgian", "GE"}, {"Ukrainian", "UA"}, {"Ukrainians", "UA"}, {"Soviet", "RU"}, {"Soviets", "RU"},
	}
	for _, tt := range tests {
		c, ok := ByDemonym(tt.adj)
		if !ok || c.Alpha2 != tt.want {
			got := "none"
			if ok {
				got = c.Alpha2
			}
			t.Errorf("ByDemonym(%q) = %s, want %s", tt.adj, got, tt.want)
		}
	}
	for _, n := range []string{"Kurdish", "Kurds", "Shiite", "Arab", "Sunni", ""} {
		if c, ok := ByDemonym(n); ok {
			t.Errorf("ByDemonym(%q) = %s, want none", n, c.Alpha2)
		}
	}
}

func TestCodes(t *testing.T) {
	tests := []struct {
		a2, a3, num, fips, name, capital, region string
	}{
		{"TR", "TUR", "792", "TU", "Turkey", "Ankara", "Asia"},
		{"GB", "GBR", "826", "UK", "United Kingdom", "London", "Europe"},
		{"DE", "DEU", "276", "GM", "Germany", "Berlin", "Europe"},
		{"KE", "KEN", "404", "KE", "Kenya", "Nairobi", "Africa"},
		{"US", "USA", "840", "US", "United States", "Washington D.C.", "Americas"},
		{"CD", "COD", "180", "CG", "Democratic Republic of the Congo", "Kinshasa", "Africa"},
		{"SS", "SSD", "728", "OD", "South Sudan", "Juba", "Africa"},
	}
	for _, tt := range tests {
		c, ok := ByAlpha2(tt.a2)
		if !ok {
			t.Fatalf("ByAlpha2(%q) not found", tt.a2)
		}
		if c.Alpha3 != tt.a3 || c.Numeric != tt.num || c.FIPS != tt.fips || c.Name != tt.name || c.Capital != tt.capital || c.Region != tt.region {
			t.Errorf("ByAlpha2(%q) = %+v", tt.a2, *c)
		}
		c3, ok := ByAlpha3(tt.a3)
		if !ok || c3 != c {
			t.Errorf("ByAlpha3(%q) disagrees", tt.a3)
		}
		cf, ok := ByFIPS(tt.fips)
		if !ok || cf != c {
			t.Errorf("ByFIPS(%q) disagrees", tt.fips)
		}
		if c.Lat == 0 && c.Lon == 0 {
			t.Errorf("%s has no centroid", tt.a2)
		}
	}
	if _, ok := ByAlpha2("ZZ"); ok {
		t.Error("ByAlpha2(ZZ) found")
	}
}

func TestAllInvariants(t *testing.T) {
	cs := All()
	if len(cs) < 245 {
		t.Fatalf("All() has %d entries", len(cs))
	}
	seen := map[string]bool{}
	fipsSeen := map[string]string{}
	for _, c := range cs {
		if len(c.Alpha2) != 2 || c.Name == "" {
			t.Errorf("bad entry %+v", c)
		}
		if seen[c.Alpha2] {
			t.Errorf("duplicate %s", c.Alpha2)
		}
		seen[c.Alpha2] = true
		if c.FIPS != "" {
			if o, ok := fipsSeen[c.FIPS]; ok {
				t.Errorf("FIPS %s used by %s and %s", c.FIPS, o, c.Alpha2)
			}
			fipsSeen[c.FIPS] = c.Alpha2
		}
		if c.Lat < -90 || c.Lat > 90 || c.Lon < -180 || c.Lon > 180 {
			t.Errorf("%s: bad centroid", c.Alpha2)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Côte d’Ivoire", "cote d'ivoire"}, {"U.S.", "us"}, {"the  Gambia", "gambia"},
		{"Guinea-Bissau", "guinea bissau"}, {"kenya", "kenya"}, {"São Tomé", "sao tome"}, {"", ""},
		{"Aydın", "aydin"}, {"Łódź", "lodz"}, {"Tromsø", "tromso"}, {"Doğubayazıt İlçesi", "dogubayazit ilcesi"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := string(AppendNormalize([]byte("x"), tt.in)); got != "x"+tt.want {
			t.Errorf("AppendNormalize(\"x\", %q) = %q, want %q", tt.in, got, "x"+tt.want)
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range []string{"U.S.", "Côte d'Ivoire", "the", "\xff", "Kenyans"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		Lookup(s)
		ByDemonym(s)
		Normalize(s)
	})
}

func BenchmarkLookup(b *testing.B) {
	All()
	names := []string{"Kenya", "United States", "Côte d'Ivoire", "Nowhere"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Lookup(names[i%len(names)])
	}
}

// TestLookup_NoAlloc: a lookup of a name in ASCII builds its key on the
// stack.
func TestLookup_NoAlloc(t *testing.T) {
	All()
	if n := testing.AllocsPerRun(100, func() { Lookup("United States"); Lookup("Mr Blair") }); n != 0 {
		t.Errorf("Lookup: %v allocations, want 0", n)
	}
}

// TestNormalizeASCII checks the byte-wise path of Normalize against the
// rune-wise one on every ASCII byte in every position of short strings.
func TestNormalizeASCII(t *testing.T) {
	parts := []string{"", "a", "Z", " ", "  ", "-", ".", "`", "'", "\t", "\v", "\f", "\r\n", "the ", "The ", "St. ", "x-y", "Q"}
	for c := 0; c < 0x80; c++ {
		parts = append(parts, string(rune(c)))
	}
	for _, a := range parts {
		for _, b := range parts {
			for _, c := range []string{"", " the", "Ab-c", " ."} {
				s := strings.TrimSpace(a + b + c)
				want := normalizeRunes(s)
				if got := string(appendASCII(nil, s)); got != want {
					t.Errorf("appendASCII(%q) = %q, want %q", s, got, want)
				}
				if got, want := string(AppendNormalize([]byte("the "), a+b+c)), "the "+Normalize(a+b+c); got != want {
					t.Errorf("AppendNormalize(\"the \", %q) = %q, want %q", a+b+c, got, want)
				}
			}
		}
	}
}

// BenchmarkNormalize measures Normalize on names as the geo stage and the
// actor keys pass them: mostly ASCII with capitals.
func BenchmarkNormalize(b *testing.B) {
	names := []string{"United States", "Gaza City", "St. Petersburg", "the Democratic Republic of Congo", "north-east", "Mr Blair", "BBC"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, s := range names {
			Normalize(s)
		}
	}
}
