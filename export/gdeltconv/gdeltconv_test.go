package gdeltconv

import (
	"testing"

	"github.com/newsgraph/newsgraph/document"
)

func TestSourceOf(t *testing.T) {
	for _, c := range []struct {
		d    document.Document
		want Source
	}{
		{document.Document{ID: "a", URL: "https://www.example.org/x", Source: "/tmp/feed.xml"}, Source{Web, "example.org", "https://www.example.org/x", "https://www.example.org/x"}},
		{document.Document{ID: "b", CanonicalURL: "https://news.example/y", Outlet: "Example News"}, Source{Web, "Example News", "https://news.example/y", "https://news.example/y"}},
		{document.Document{ID: "c", Source: "/home/me/story.txt"}, Source{CitationOnly, "", "c", ""}},
		{document.Document{ID: "d\te", Outlet: "Daily"}, Source{CitationOnly, "Daily", "d e", ""}},
	} {
		if got := SourceOf(&c.d); got != c.want {
			t.Errorf("SourceOf(%s) = %+v, want %+v", c.d.ID, got, c.want)
		}
	}
}

func TestGeoOf(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		l    document.Location
		want Geo
		ok   bool
	}{
		{document.Location{Name: "Kenya", Country: "KE", Feature: "country", Lat: f(0.5), Lon: f(38)}, Geo{1, "Kenya", "KE", "KE", "", "0.5000", "38.0000", "KE"}, true},
		{document.Location{Name: "Texas", Country: "US", Adm1: "TX", Feature: "adm1", Lat: f(31), Lon: f(-99)}, Geo{2, "Texas, United States", "US", "USTX", "", "31.0000", "-99.0000", "USTX"}, true},
		{document.Location{Name: "Madrid", Country: "ES", Adm1: "29", Feature: "city", GeonameID: 3117735, Lat: f(40.4165), Lon: f(-3.7026)}, Geo{4, "Madrid, Spain", "SP", "SP29", "", "40.4165", "-3.7026", "3117735"}, true},
		{document.Location{Name: "Houston", Country: "US", Adm1: "TX", Feature: "city", GeonameID: 4699066}, Geo{3, "Houston, Texas, United States", "US", "USTX", "", "", "", "4699066"}, true},
		{document.Location{Name: "Somewhere"}, Geo{}, false},
	} {
		got, ok := GeoOf(&c.l)
		if got != c.want || ok != c.ok {
			t.Errorf("GeoOf(%s) = %+v %v, want %+v %v", c.l.Name, got, ok, c.want, c.ok)
		}
	}
	if g := (Geo{}); len(g.Fields()) != 8 || g.Fields()[0] != "" {
		t.Errorf("unknown place fields %q", g.Fields())
	}
}
