//go:build ignore

// gengaz writes ner/model/gazetteer.txt, the place and nationality names the
// NER tagger's gazetteer features use, from packages country and gazetteer:
//
//	go generate ./ner   (runs: go run ./model/gengaz.go in ner/)
//
// Each line is a class and a name (words separated by single spaces), sorted.
// Classes: country, demonym, bigcity (capitals and cities of 100,000 or
// more), city (15,000 or more), adm1, region (regions, water, continents,
// landmarks).
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/gazetteer"
)

func main() {
	if err := run("model/gazetteer.txt"); err != nil {
		fmt.Fprintf(os.Stderr, "gengaz: %v\n", err)
		os.Exit(1)
	}
}

func run(out string) error {
	lines := map[string]bool{}
	add := func(class, name string) {
		name = strings.Join(strings.Fields(name), " ")
		if name == "" || strings.ContainsAny(name, ",()/;") || len(strings.Fields(name)) > 5 {
			return
		}
		lines[class+"\t"+name] = true
	}
	for _, c := range country.All() {
		add("country", c.Name)
		add("country", c.Official)
		for _, a := range c.AltNames {
			add("country", a)
		}
		for _, d := range c.Demonyms {
			add("demonym", d)
		}
	}
	g, err := gazetteer.Default()
	if err != nil {
		return fmt.Errorf("gazetteer: %w", err)
	}
	for i := 0; i < g.Len(); i++ {
		p := g.Place(i)
		switch p.Feature {
		case gazetteer.FeatCountry:
			add("country", p.Name)
		case gazetteer.FeatAdm1:
			add("adm1", p.Name)
		case gazetteer.FeatCity:
			switch {
			case p.Capital() || p.Population >= 100000:
				add("bigcity", p.Name)
			case p.Population >= 15000:
				add("city", p.Name)
			}
		case gazetteer.FeatRegion, gazetteer.FeatWater, gazetteer.FeatContinent, gazetteer.FeatLandmark:
			add("region", p.Name)
		}
	}
	var all []string
	for l := range lines {
		all = append(all, l)
	}
	sort.Strings(all)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, l := range all {
		fmt.Fprintln(w, l)
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}
