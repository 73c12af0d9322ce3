package gazetteer

import (
	"bytes"
	"compress/gzip"
	"os"
	"runtime"
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

// TestOpenEmbedded verifies every record of the embedded table, which
// Default opens without the per-record checks.
func TestOpenEmbedded(t *testing.T) {
	if _, err := Open(placesBin); err != nil {
		t.Fatal(err)
	}
}

// BenchmarkDefault measures opening the embedded table as Default does.
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := open(placesBin, false); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Open(placesBin); err != nil {
			b.Fatal(err)
		}
	}
}

// TestOpenHeap reports the heap an opened gazetteer keeps (the budget is a
// few megabytes: the table itself stays in the binary's read-only data).
func TestOpenHeap(t *testing.T) {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	g, err := open(placesBin, false)
	if err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	mb := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / (1 << 20)
	t.Logf("gazetteer: %d places, %.2f MB heap, %d allocations", g.Len(), mb, after.Mallocs-before.Mallocs)
	if mb > 4 {
		t.Errorf("gazetteer heap %.1f MB > 4 MB", mb)
	}
	if inPlace(placesBin[:8]) == nil {
		t.Log("the embedded table is not 4-byte aligned here: postings are copied")
	}
	runtime.KeepAlive(g)
}

func BenchmarkLookup(b *testing.B) {
	g, _ := Default()
	names := []string{"Paris", "Kenya", "Washington", "Nowhere Town"}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		g.Lookup(names[i%len(names)])
	}
}

func BenchmarkPlace(b *testing.B) {
	g, _ := Default()
	b.ReportAllocs()
	n := 0
	for i := 0; i < b.N; i++ {
		n += len(g.Place(i % g.Len()).Name)
	}
	_ = n
}

// TestEmbeddedUpToDate fails when places.bin was not rebuilt after a
// change of places.tsv.gz, the hand-written tables or package country.
func TestEmbeddedUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole table")
	}
	f, err := os.Open("places.tsv.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := Build(f)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != placesBin {
		t.Error("places.bin is stale: run go run ./tools/gengazetteer -build gazetteer/places.tsv.gz -bin gazetteer/places.bin")
	}
}

func gz(s string) *bytes.Buffer {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return &b
}

func FuzzBuild(f *testing.F) {
	f.Add("C\t1\tTown\tKE\t05\tPPL\t1000\t-1.2\t36.8\n")
	f.Add("A\t0\tRegion\tKE\t05\tADM1\t0\tx\t1\n")
	f.Add("B\t0\tCounty\tUS\tTX\tADM2\t3\t30\t-97\nC\t2")
	f.Fuzz(func(t *testing.T, s string) {
		b, err := Build(gz(s))
		if err != nil {
			return
		}
		g, err := Open(string(b))
		if err != nil {
			t.Fatalf("Open of a built table: %v", err)
		}
		for i := 0; i < g.Len(); i++ {
			p := g.Place(i)
			for _, c := range g.Lookup(p.Name) {
				_ = g.Place(int(c))
			}
		}
	})
}

// FuzzOpen feeds Open corrupted copies of a small table: it must return an
// error or a gazetteer whose every lookup stays in bounds.
func FuzzOpen(f *testing.F) {
	small, err := Build(gz("A\t0\tTexas\tUS\tTX\tADM1\t100\t31\t-99\nC\t5\tParis\tUS\tTX\tPPLA2\t25000\t33.66\t-95.55\n"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(small), 0, byte(0))
	f.Add(string(small), 20, byte(0xff))
	f.Add(string(small[:100]), 3, byte(1))
	f.Fuzz(func(t *testing.T, s string, at int, v byte) {
		b := []byte(s)
		if len(b) > 0 {
			if at < 0 {
				at = -at
			}
			b[at%len(b)] ^= v
		}
		g, err := Open(string(b))
		if err != nil {
			return
		}
		for i := 0; i < g.Len(); i++ {
			p := g.Place(i)
			g.Lookup(p.Name)
			g.LookupSkeleton(p.Name)
		}
		g.Lookup("Paris")
		g.Country("US")
		g.Adm1("US", "TX")
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
