package geo

import (
	"context"
	"fmt"
	"os"
	"testing"

	"newsgraph/document"
	ggeo "newsgraph/geo"
)

// TestDebugDump prints misses when GEO_DEBUG names a corpus file.
func TestDebugDump(t *testing.T) {
	path := os.Getenv("GEO_DEBUG")
	if path == "" {
		t.Skip("set GEO_DEBUG=FILE to dump errors")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	arts, err := ReadXML(f)
	if err != nil {
		t.Fatal(err)
	}
	proc, _ := DefaultProcess(ggeo.Config{Demonyms: os.Getenv("GEO_DEM") != ""})
	for _, a := range arts {
		d := document.New(a.ID, a.Text)
		if err := proc(context.Background(), d); err != nil {
			t.Fatal(err)
		}
		used := make([]bool, len(d.Locations))
		for _, g := range a.Gold {
			m := -1
			for i, l := range d.Locations {
				if !used[i] && l.Span.Overlaps(g.Span) {
					m = i
					break
				}
			}
			if m < 0 {
				fmt.Printf("FN\t%s\t%q\n", a.ID, g.Phrase)
				continue
			}
			used[m] = true
			l := d.Locations[m]
			if g.Lat == nil {
				continue
			}
			if l.Lat == nil {
				fmt.Printf("UNRES\t%s\t%q\t%s\n", a.ID, g.Phrase, l.Name)
				continue
			}
			if km := ggeo.Distance(*g.Lat, *g.Lon, *l.Lat, *l.Lon); km > 161 {
				fmt.Printf("WRONG\t%s\t%q\tgot %s %s %s %s (%.1f,%.1f) gold (%.2f,%.2f) %.0fkm\n", a.ID, g.Phrase, l.Name, l.Country, l.Adm1, l.Feature, *l.Lat, *l.Lon, *g.Lat, *g.Lon, km)
			}
		}
		for i, u := range used {
			if !u {
				fmt.Printf("FP\t%s\t%q\t%s %s\n", a.ID, d.Slice(d.Locations[i].Span), d.Locations[i].Name, d.Locations[i].Country)
			}
		}
	}
}
