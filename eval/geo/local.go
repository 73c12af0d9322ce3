package geo

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/eval"
	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/shareddata"
)

// LocalStory is one story of the US local-news geo gold set
// (testdata/gold/geo, format in its README).
type LocalStory struct {
	ID        string         `json:"id"`
	Title     string         `json:"title,omitempty"`
	Published string         `json:"published,omitempty"`
	Source    string         `json:"source,omitempty"`
	Text      string         `json:"text"`
	Toponyms  []LocalToponym `json:"toponyms"`
}

// LocalToponym is one gold toponym: a code point span of Text, what it
// names and where.
type LocalToponym struct {
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Text      string   `json:"text"`
	Kind      string   `json:"kind"`             // "name" or "demonym"
	Nested    bool     `json:"nested,omitempty"` // part of an organisation's or other name
	Feature   string   `json:"feature"`          // gazetteer feature class, "street" for streets and roads
	Name      string   `json:"name"`             // the gazetteer name of the place ("" when unknown)
	Country   string   `json:"country"`
	Adm1      string   `json:"adm1,omitempty"`
	GeonameID int      `json:"geonameid,omitempty"`
	Lat       *float64 `json:"lat"`
	Lon       *float64 `json:"lon"`
}

// LocalSplits are the halves of the local-news gold set: dev, for tuning,
// and blind, scored once when a change is done and never read story by
// story while tuning.
var LocalSplits = []string{"dev", "blind"}

// Kinds of gold toponyms.
const (
	KindName    = "name"
	KindDemonym = "demonym"
)

// ReadLocal reads gold stories in JSON Lines.
func ReadLocal(r io.Reader) ([]LocalStory, error) {
	var out []LocalStory
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var s LocalStory
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("eval/geo: line %d: %w", line, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval/geo: read: %w", err)
	}
	return out, nil
}

// WriteLocal writes stories as JSON Lines, one story a line.
func WriteLocal(w io.Writer, stories []LocalStory) error {
	for _, s := range stories {
		b, err := json.Marshal(s)
		if err != nil {
			return fmt.Errorf("eval/geo: %w", err)
		}
		b = append(b, '\n')
		if _, err := w.Write(b); err != nil {
			return fmt.Errorf("eval/geo: %w", err)
		}
	}
	return nil
}

// Articles converts gold stories to the articles Run scores. Gold
// demonyms keep their kind so the headline row can leave them out.
func Articles(stories []LocalStory) []Article {
	out := make([]Article, 0, len(stories))
	for _, s := range stories {
		ix := document.NewIndex(s.Text)
		a := Article{ID: s.ID, Text: s.Text, Published: s.Published, Source: s.Source}
		for _, t := range s.Toponyms {
			a.Gold = append(a.Gold, Gold{Span: document.Span{Start: ix.Byte(t.Start), End: ix.Byte(t.End)}, Phrase: t.Text,
				Lat: t.Lat, Lon: t.Lon, Demonym: t.Kind == KindDemonym})
		}
		out = append(out, a)
	}
	return out
}

// CompileLocalDir compiles every *.txt story source in dir (sorted by
// name) against gazetteer g.
func CompileLocalDir(dir string, g *gazetteer.Gazetteer) ([]LocalStory, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, fmt.Errorf("eval/geo: %w", err)
	}
	sort.Strings(files)
	var out []LocalStory
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("eval/geo: %w", err)
		}
		s, err := CompileLocal(string(b), g)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(f), err)
		}
		out = append(out, s)
	}
	return out, nil
}

// CompileLocal compiles one story source: header lines "id:", "title:",
// "published:", "source:", then "text:" and the story, in which every
// toponym is written [words](ref). A ref is
//
//	CC               the country with ISO alpha-2 code CC
//	CC-A1            its first-level division A1 ("US-TX")
//	CC-A1/Name       the city (or else the county) named Name in it; Name may
//	                 be left out when it is the words themselves;
//	                 ":city" or ":adm2" after it chooses one
//	CC/Name          the same anywhere in the country
//	#ID              the place with GeoNames id ID
//	R:Name           a region, sea or landmark of the hand-written tables
//	?                a place the gazetteer does not know (no coordinates)
//
// prefixed by "^" when the words are part of a longer name ("Orange
// County" in "Orange County Fire Authority"), "@" for a street or road
// (it takes the coordinates of the place the ref names), and "D:" for a
// demonym ("Oklahomans", "Mexican") of the place the ref names; "~" marks a
// small area named after or centred on the place the ref names ("the
// Napa Valley"), which takes that place's coordinates.
func CompileLocal(src string, g *gazetteer.Gazetteer) (LocalStory, error) {
	var s LocalStory
	head, body, ok := strings.Cut(src, "\ntext:\n")
	if !ok {
		return s, fmt.Errorf("no \"text:\" line")
	}
	for _, l := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(l, ":")
		if !ok || strings.HasPrefix(l, "//") {
			continue
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "id":
			s.ID = v
		case "title":
			s.Title = v
		case "published":
			s.Published = v
		case "source":
			s.Source = v
		}
	}
	if s.ID == "" {
		return s, fmt.Errorf("no id")
	}
	body = strings.TrimRight(body, "\n")
	var text strings.Builder
	cp := 0 // code points written
	for i := 0; i < len(body); {
		c := body[i]
		if c == ']' {
			return s, fmt.Errorf("%s: stray ']' at byte %d", s.ID, i)
		}
		if c != '[' {
			r, n := utf8.DecodeRuneInString(body[i:])
			text.WriteRune(r)
			cp++
			i += n
			continue
		}
		end := strings.Index(body[i:], "](")
		close := strings.IndexByte(body[i:], ')')
		if end < 0 || close < end {
			return s, fmt.Errorf("%s: unclosed toponym at byte %d", s.ID, i)
		}
		words := body[i+1 : i+end]
		ref := body[i+end+2 : i+close]
		if strings.ContainsAny(words, "[]()\n") || words == "" {
			return s, fmt.Errorf("%s: bad toponym %q", s.ID, words)
		}
		t, err := resolveRef(g, words, ref)
		if err != nil {
			return s, fmt.Errorf("%s: [%s](%s): %w", s.ID, words, ref, err)
		}
		n := utf8.RuneCountInString(words)
		t.Start, t.End, t.Text = cp, cp+n, words
		text.WriteString(words)
		cp += n
		s.Toponyms = append(s.Toponyms, t)
		i += close + 1
	}
	s.Text = text.String()
	if s.Toponyms == nil {
		s.Toponyms = []LocalToponym{}
	}
	return s, nil
}

// resolveRef turns a ref (see CompileLocal) into a gold toponym.
func resolveRef(g *gazetteer.Gazetteer, words, ref string) (LocalToponym, error) {
	t := LocalToponym{Kind: KindName}
	street, area := false, false
	for {
		switch {
		case strings.HasPrefix(ref, "~"):
			area, ref = true, ref[1:]
			continue
		case strings.HasPrefix(ref, "^"):
			t.Nested, ref = true, ref[1:]
			continue
		case strings.HasPrefix(ref, "@"):
			street, ref = true, ref[1:]
			continue
		case strings.HasPrefix(ref, "D:"):
			t.Kind, ref = KindDemonym, ref[2:]
			continue
		}
		break
	}
	if ref == "?" {
		t.Feature = ""
		return t, nil
	}
	i, err := findRef(g, words, ref)
	if err != nil {
		return t, err
	}
	p := g.Place(i)
	lat, lon := p.Lat, p.Lon
	t.Name, t.Country, t.Adm1, t.Feature, t.GeonameID, t.Lat, t.Lon = p.Name, p.Country, p.Adm1, p.Feature, p.ID, &lat, &lon
	if p.Feature == gazetteer.FeatCountry {
		t.Adm1 = ""
	}
	switch {
	case street:
		t.Feature, t.Name, t.GeonameID = "street", words, 0
	case area:
		t.Feature, t.Name, t.GeonameID = gazetteer.FeatRegion, words, 0
	}
	return t, nil
}

// findRef returns the gazetteer index a ref names.
func findRef(g *gazetteer.Gazetteer, words, ref string) (int, error) {
	switch {
	case strings.HasPrefix(ref, "#"):
		id, err := strconv.Atoi(ref[1:])
		if err != nil {
			return 0, fmt.Errorf("bad id")
		}
		for i := 0; i < g.Len(); i++ {
			if g.Place(i).ID == id && g.Place(i).Feature != gazetteer.FeatCountry {
				return i, nil
			}
		}
		return 0, fmt.Errorf("no place with id %d", id)
	case strings.HasPrefix(ref, "R:"):
		name := ref[2:]
		for _, c := range g.Lookup(name) {
			switch g.Place(int(c)).Feature {
			case gazetteer.FeatRegion, gazetteer.FeatWater, gazetteer.FeatLandmark, gazetteer.FeatContinent:
				return int(c), nil
			}
		}
		return 0, fmt.Errorf("no region %q", name)
	}
	area, name, hasName := strings.Cut(ref, "/")
	cc, a1, hasA1 := strings.Cut(area, "-")
	if _, ok := country.ByAlpha2(cc); !ok {
		return 0, fmt.Errorf("unknown country %q", cc)
	}
	if !hasA1 && !hasName {
		i, ok := g.Country(cc)
		if !ok {
			return 0, fmt.Errorf("no country %q", cc)
		}
		return i, nil
	}
	if hasA1 && !hasName {
		i, ok := g.Adm1(cc, a1)
		if !ok {
			return 0, fmt.Errorf("no division %s.%s", cc, a1)
		}
		return i, nil
	}
	feat := ""
	if n, f, ok := strings.Cut(name, ":"); ok {
		name, feat = n, f
	}
	if name == "" {
		name = words
	}
	var found []int
	for _, want := range []string{gazetteer.FeatCity, gazetteer.FeatAdm2} {
		if feat != "" && feat != want {
			continue
		}
		for _, c := range g.Lookup(name) {
			p := g.Place(int(c))
			if p.Country == cc && (!hasA1 || p.Adm1 == a1) && p.Feature == want {
				found = append(found, int(c))
			}
		}
		if len(found) > 0 {
			break
		}
	}
	switch len(found) {
	case 0:
		return 0, fmt.Errorf("no city or county %q in %s.%s", name, cc, a1)
	case 1:
		return found[0], nil
	}
	var ids []string
	for _, f := range found {
		ids = append(ids, fmt.Sprintf("#%d (pop %d)", g.Place(f).ID, g.Place(f).Population))
	}
	return 0, fmt.Errorf("%q is ambiguous in %s.%s: %s", name, cc, a1, strings.Join(ids, ", "))
}

// DefaultCorpora are the geo evaluations `newsgraph eval` runs: the shared
// TR-News and GeoVirus corpora (when ../shared/data is there) and both
// halves of the local-news gold set of the repository.
var DefaultCorpora = struct{ Shared, Repo []string }{
	Shared: []string{"geo/TR-News.xml", "geo/GeoVirus.xml"},
	Repo:   []string{"testdata/gold/geo/dev.jsonl", "testdata/gold/geo/blind.jsonl"},
}

// All evaluates process on every corpus of DefaultCorpora that is present.
func All(ctx context.Context, process func(context.Context, *document.Document) error) ([]*eval.Report, error) {
	var paths []string
	for _, rel := range DefaultCorpora.Shared {
		if p := shareddata.Path(rel); p != "" {
			paths = append(paths, p)
		}
	}
	for _, rel := range DefaultCorpora.Repo {
		if p := eval.FindUp(rel); p != "" {
			paths = append(paths, p)
		}
	}
	var out []*eval.Report
	for _, p := range paths {
		r, err := Evaluate(ctx, p, process)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	return out, nil
}
