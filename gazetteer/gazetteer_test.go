package gazetteer

import (
	"bytes"
	"compress/gzip"
	"testing"
	"time"
)

func TestLookup(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, country, feature string
		wantID                 int
	}{
		{"Kyiv", "UA", FeatCity, 703448},
		{"Kiev", "UA", FeatCity, 703448},
		{"Bombay", "IN", FeatCity, 1275339},
		{"Mumbai", "IN", FeatCity, 1275339},
		{"Paris", "FR", FeatCity, 2988507},
		{"Paris", "US", FeatCity, 4717560},
		{"Washington", "US", FeatCity, 4140963},
		{"Washington", "US", FeatAdm1, 0},
		{"Burma", "MM", FeatCountry, 0},
		{"Ivory Coast", "CI", FeatCountry, 0},
		{"Côte d'Ivoire", "CI", FeatCountry, 0},
		{"the West Bank", "PS", FeatRegion, 0},
		{"Red Sea", "", FeatWater, 0},
		{"the Gulf", "", FeatWater, 0}, // the Persian Gulf in news, not Papua New Guinea's Gulf Province
		{"Ky.", "US", FeatAdm1, 0},
		{"Fallujah", "IQ", FeatCity, -1},
		// Bare division names, short city names, folded letters,
		// landmarks and former names.
		{"Nueva Ecija", "PH", FeatAdm2, -1},
		{"Pangandaran", "ID", FeatAdm2, -1},
		{"Ludwigshafen", "DE", FeatCity, -1},
		{"Aydin", "TR", FeatCity, -1},
		{"Heathrow", "GB", FeatLandmark, -1},
		{"White House", "US", FeatLandmark, -1},
		{"Lake Victoria", "", FeatWater, -1},
		{"Léopoldville", "CD", FeatCity, -1},
		{"Nyanza", "KE", FeatRegion, -1},
	}
	for _, tt := range tests {
		found := false
		for _, i := range g.Lookup(tt.name) {
			p := g.Place(int(i))
			if p.Country == tt.country && p.Feature == tt.feature && (tt.wantID < 0 || p.ID == tt.wantID) {
				found = true
			}
		}
		if !found {
			t.Errorf("Lookup(%q): no %s %s (id %d)", tt.name, tt.country, tt.feature, tt.wantID)
		}
	}
	if i, ok := g.Adm1("US", "TX"); !ok || g.Place(i).Name != "Texas" {
		t.Errorf("Adm1(US, TX) = %d, %v", i, ok)
	}
	if i, ok := g.Country("TR"); !ok || g.Place(i).Name != "Turkey" {
		t.Errorf("Country(TR) = %d, %v", i, ok)
	}
	if g.Len() < 130000 {
		t.Errorf("Len() = %d", g.Len())
	}
}

func TestLoadTime(t *testing.T) {
	if testing.Short() {
		t.Skip("timing")
	}
	start := time.Now()
	if _, err := Default(); err != nil {
		t.Fatal(err)
	}
	t.Logf("load: %v", time.Since(start))
}

func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Load(bytesReader()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLookup(b *testing.B) {
	g, _ := Default()
	names := []string{"Paris", "Kenya", "Washington", "Nowhere Town"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g.Lookup(names[i%len(names)])
	}
}

func bytesReader() *bytes.Reader { return bytes.NewReader(placesGz) }

func FuzzLoad(f *testing.F) {
	f.Add("C\t1\tTown\tKE\t05\tPPL\t1000\t-1.2\t36.8\n")
	f.Add("A\t0\tRegion\tKE\t05\tADM1\t0\tx\t1\n")
	f.Add("B\t0\tCounty\tUS\tTX\tADM2\t3\t30\t-97\nC\t2")
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		g, err := Load(&b)
		if err != nil {
			return
		}
		for i := 0; i < g.Len(); i++ {
			if g.Place(i).Name == "" && g.Place(i).Feature != FeatAdm2 && g.Place(i).Feature != FeatCity && g.Place(i).Feature != FeatAdm1 {
				t.Fatalf("place %d without a name", i)
			}
		}
	})
}

func TestNoCitySuffixAliasOverDivision(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	// "Kansas" names the state; "Kansas City" keeps its full name.
	for _, i := range g.Lookup("Kansas") {
		if p := g.Place(int(i)); p.Feature == FeatCity {
			t.Errorf("Lookup(Kansas) has city %s, %s", p.Name, p.Adm1)
		}
	}
}

func TestSkeleton(t *testing.T) {
	tests := []struct{ in, want string }{
		{"al fashir", "fsr"}, {"el fasher", "fsr"}, {"adhamiya", "adm"}, {"adhamiyah", "adm"},
		{"mauritious", "mrts"}, {"mauritius", "mrts"}, {"daqahliya", "dkl"}, {"ad dakahlia", "dkl"},
		{"kiev", ""}, {"", ""}, {"al", ""}, {"ashshh", ""},
	}
	for _, tt := range tests {
		if got := Skeleton(tt.in); got != tt.want {
			t.Errorf("Skeleton(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLookupSkeleton(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, i := range g.LookupSkeleton("Al-Fashir") {
		if p := g.Place(int(i)); p.Country == "SD" && p.Feature == FeatCity {
			found = true
		}
	}
	if !found {
		t.Error("LookupSkeleton(Al-Fashir) lacks El Fasher, Sudan")
	}
	if got := g.LookupSkeleton("Ux"); got != nil {
		t.Errorf("LookupSkeleton(Ux) = %v, want nil", got)
	}
}

// BenchmarkSkeletonIndex measures building the lazy skeleton index on a
// freshly loaded gazetteer (a one-time cost on the first fuzzy lookup).
func BenchmarkSkeletonIndex(b *testing.B) {
	g, err := Load(bytesReader())
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		g.skel = skeletons{}
		g.LookupSkeleton("Al-Fashir")
	}
}
