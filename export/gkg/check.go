package gkg

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/country"
)

// Check reads GKG 2.1 records and checks each against the format: 27
// columns, unique record ids of the form YYYYMMDDHHMMSS-N (undated-N),
// V2.1DATE matching the id, the collection type and its identifier (a URL
// for web documents), and every delimited field's blocks: counts, themes,
// locations (FIPS country codes, ADM1 codes that start with them),
// persons, organizations and names (Name,Offset), tone (seven numbers),
// dates, amounts and quotations. No 1970 dates.
func Check(r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<26)
	seen := map[string]bool{}
	n := 0
	for sc.Scan() {
		n++
		if err := checkRecord(sc.Text(), seen); err != nil {
			return fmt.Errorf("gkg: line %d: %w", n, err)
		}
	}
	return sc.Err()
}

func checkRecord(line string, seen map[string]bool) error {
	c := strings.Split(line, "\t")
	if len(c) != Columns {
		return fmt.Errorf("%d columns, want %d", len(c), Columns)
	}
	id := c[0]
	stamp, seq, ok := strings.Cut(id, "-")
	if !ok || !isInt(seq) || (stamp != "undated" && !digits(stamp, 14)) {
		return fmt.Errorf("GKGRECORDID %q", id)
	}
	if seen[id] {
		return fmt.Errorf("GKGRECORDID %q repeated", id)
	}
	seen[id] = true
	if (stamp == "undated" && c[1] != "") || (stamp != "undated" && c[1] != stamp) {
		return fmt.Errorf("V2.1DATE %q does not match record id %q", c[1], id)
	}
	if strings.HasPrefix(c[1], "1970") {
		return fmt.Errorf("a 1970 date %q", c[1])
	}
	switch c[2] {
	case "1":
		if !strings.Contains(c[4], "://") {
			return fmt.Errorf("web document identified by %q", c[4])
		}
	case "2", "3", "4", "5", "6":
	default:
		return fmt.Errorf("V2SOURCECOLLECTIONIDENTIFIER %q", c[2])
	}
	if c[4] == "" {
		return fmt.Errorf("empty V2DOCUMENTIDENTIFIER")
	}
	if strings.ContainsAny(c[3], "/\\") {
		return fmt.Errorf("V2SOURCECOMMONNAME %q looks like a path", c[3])
	}
	checks := []struct {
		col    int
		sep    string
		fields []int // allowed field counts per block
		fsep   string
		check  func([]string) error
	}{
		{5, ";", []int{10}, "#", countBlock},
		{6, ";", []int{11}, "#", countBlock},
		{7, ";", []int{1}, "#", nil},
		{8, ";", []int{2}, ",", offsetLast},
		{9, ";", []int{7}, "#", locBlock},
		{10, ";", []int{9}, "#", locBlock},
		{11, ";", []int{1}, "#", nil},
		{12, ";", []int{2}, ",", offsetLast},
		{13, ";", []int{1}, "#", nil},
		{14, ";", []int{2}, ",", offsetLast},
		{16, ";", []int{5}, "#", allInts},
		{23, ";", []int{2}, ",", offsetLast},
		{24, ";", []int{3}, ",", amountBlock},
		{22, "#", []int{4}, "|", quoteBlock},
	}
	for _, k := range checks {
		if c[k.col] == "" {
			continue
		}
		for _, b := range strings.Split(c[k.col], k.sep) {
			f := strings.Split(b, k.fsep)
			if k.col == 22 && len(f) > 4 { // a quote may contain "|"
				f = append(f[:3], strings.Join(f[3:], "|"))
			}
			if len(f) != k.fields[0] {
				return fmt.Errorf("column %d block %q has %d fields, want %d", k.col+1, b, len(f), k.fields[0])
			}
			if k.check != nil {
				if err := k.check(f); err != nil {
					return fmt.Errorf("column %d block %q: %w", k.col+1, b, err)
				}
			}
		}
	}
	if c[15] != "" {
		f := strings.Split(c[15], ",")
		if len(f) != 7 {
			return fmt.Errorf("V1.5TONE %q has %d fields, want 7", c[15], len(f))
		}
		for _, x := range f {
			if _, err := strconv.ParseFloat(x, 64); err != nil {
				return fmt.Errorf("V1.5TONE %q: %w", c[15], err)
			}
		}
		if c[17] != "wc:"+f[6] {
			return fmt.Errorf("V2GCAM %q does not start with the word count %s", c[17], f[6])
		}
	}
	return nil
}

func countBlock(f []string) error {
	if f[0] == "" || strings.ToUpper(f[0]) != f[0] {
		return fmt.Errorf("CountType %q", f[0])
	}
	if !isInt(f[1]) {
		return fmt.Errorf("Count %q", f[1])
	}
	if f[3] == "0" {
		return nil
	}
	if err := locBlock(f[3:10]); err != nil {
		return err
	}
	if len(f) == 11 && !isInt(f[10]) {
		return fmt.Errorf("offset %q", f[10])
	}
	return nil
}

// locBlock checks Type#FullName#CountryCode#ADM1Code[#ADM2Code]#Lat#Long#FeatureID[#Offset].
func locBlock(f []string) error {
	t, err := strconv.Atoi(f[0])
	if err != nil || t < 1 || t > 5 {
		return fmt.Errorf("location type %q", f[0])
	}
	if _, ok := country.ByFIPS(f[2]); !ok {
		return fmt.Errorf("country %q is no FIPS 10-4 code", f[2])
	}
	if f[3] != "" && !strings.HasPrefix(f[3], f[2]) {
		return fmt.Errorf("ADM1 %q does not start with %q", f[3], f[2])
	}
	ll := 4
	if len(f) == 9 {
		ll = 5
		if !isInt(f[8]) {
			return fmt.Errorf("offset %q", f[8])
		}
	}
	for _, x := range f[ll : ll+2] {
		if _, err := strconv.ParseFloat(x, 64); err != nil {
			return fmt.Errorf("coordinate %q", x)
		}
	}
	if f[ll+2] == "" {
		return fmt.Errorf("empty FeatureID")
	}
	if t == 1 && f[ll+2] != f[2] {
		return fmt.Errorf("country FeatureID %q, want %q", f[ll+2], f[2])
	}
	return nil
}

func offsetLast(f []string) error {
	if f[0] == "" || !isInt(f[len(f)-1]) {
		return fmt.Errorf("want Name,Offset")
	}
	return nil
}

func allInts(f []string) error {
	for _, x := range f {
		if !isInt(x) {
			return fmt.Errorf("%q is no integer", x)
		}
	}
	if f[0] < "1" || f[0] > "4" {
		return fmt.Errorf("date resolution %q", f[0])
	}
	return nil
}

func amountBlock(f []string) error {
	if _, err := strconv.ParseFloat(f[0], 64); err != nil {
		return fmt.Errorf("amount %q", f[0])
	}
	if !isInt(f[2]) {
		return fmt.Errorf("offset %q", f[2])
	}
	return nil
}

func quoteBlock(f []string) error {
	if !isInt(f[0]) || !isInt(f[1]) {
		return fmt.Errorf("want Offset|Length|Verb|Quote")
	}
	return nil
}

func isInt(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	}
	return digits(s, len(s))
}

func digits(s string, n int) bool {
	if len(s) != n || n == 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
