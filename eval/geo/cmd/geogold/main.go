// Command geogold compiles the US local-news geo gold set: the story
// sources in testdata/gold/geo/src/{dev,blind}/*.txt (toponyms written
// [words](ref), see eval/geo.CompileLocal) into testdata/gold/geo/dev.jsonl
// and blind.jsonl, with code point offsets and the gazetteer's coordinates.
// Run it from the module root:
//
//	go run ./eval/geo/cmd/geogold
//
// With -find NAME it lists the gazetteer's places of that name instead (for
// writing refs): index, GeoNames id, feature, country, division,
// population and coordinates.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	evgeo "github.com/newsgraph/newsgraph/eval/geo"
	"github.com/newsgraph/newsgraph/gazetteer"
)

func main() {
	dir := flag.String("dir", "testdata/gold/geo", "gold set directory (sources in src/SPLIT/)")
	find := flag.String("find", "", "list the gazetteer's places with this name and exit")
	flag.Parse()
	g, err := gazetteer.Default()
	if err != nil {
		fmt.Fprintln(os.Stderr, "geogold:", err)
		os.Exit(1)
	}
	if *find != "" {
		for _, c := range g.Lookup(*find) {
			p := g.Place(int(c))
			fmt.Printf("#%d\t%s\t%s\t%s-%s\tpop %d\t%.5f,%.5f\t%s\n", p.ID, p.Name, p.Feature, p.Country, p.Adm1, p.Population, p.Lat, p.Lon, p.Code)
		}
		return
	}
	if err := run(g, *dir); err != nil {
		fmt.Fprintln(os.Stderr, "geogold:", err)
		os.Exit(1)
	}
}

func run(g *gazetteer.Gazetteer, dir string) error {
	for _, split := range evgeo.LocalSplits {
		stories, err := evgeo.CompileLocalDir(filepath.Join(dir, "src", split), g)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := evgeo.WriteLocal(&b, stories); err != nil {
			return err
		}
		out := filepath.Join(dir, split+".jsonl")
		if err := os.WriteFile(out, b.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		n, dem, nest, street := 0, 0, 0, 0
		for _, s := range stories {
			for _, t := range s.Toponyms {
				n++
				switch {
				case t.Kind == evgeo.KindDemonym:
					dem++
				case t.Feature == "street":
					street++
				}
				if t.Nested {
					nest++
				}
			}
		}
		fmt.Printf("wrote %s: %d stories, %d toponyms (%d demonyms, %d nested in names, %d streets)\n", out, len(stories), n, dem, nest, street)
	}
	return nil
}
