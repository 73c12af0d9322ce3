package actors

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/country"
)

func TestDefault_Lookup(t *testing.T) {
	d := Default()
	tests := []struct{ in, code string }{
		{"United Nations", "IGOUNO"}, {"the UN", "IGOUNO"}, {"U.N.", "IGOUNO"}, {"world body", "IGOUNO"},
		{"NATO", "IGONAT"}, {"European Union", "IGOEEC"}, {"African Union", "IGOAFR"},
		{"Arab League", "IGOARL"}, {"OPEC", "IGOOPC"}, {"International Criminal Court", "IGOICC"},
		{"Red Cross", "NGOIRC"}, {"WHO", "IGOUNOWHO"}, {"UNRWA", "IGOUNOREF"},
		{"Reuters", "GBRMED"}, {"AP", "USAMED"}, {"AFP", "FRAMED"}, {"Xinhua", "CHNMED"},
		{"TASS", "RUSMED"}, {"Anadolu", "TURMED"}, {"Hamas", "PSEREBHMS"}, {"Taliban", "AFGREBTAL"},
		{"House", "USALEG"}, {"U.S. House of Representatives", "USALEG"}, {"Senate Finance Committee", "USALEG"},
		{"House Ways and Means Committee", "USALEG"}, {"House of Commons", "GBRLEG"},
		{"West Germany", "DEU"}, {"Federal Republic of Germany", "DEU"}, {"U.S. Administration", "USAGOV"},
		{"European Community Commission", "IGOEEC"}, {"Commission of the European Communities", "IGOEEC"},
		{"Paris Club", "IGO"}, {"International Sugar Organization", "IGO"}, {"Andean Development Corp", "IGO"},
		{"ICCO", "IGO"}, {"International Natural Rubber Organization", "IGO"}, {"International Tin Council", "IGO"},
	}
	for _, tt := range tests {
		a, ok := d.Lookup(tt.in)
		if !ok || a.Code != tt.code {
			t.Errorf("Lookup(%q) = %+v, %v; want code %s", tt.in, a, ok, tt.code)
		}
	}
	if !d.Acronym(Key("WHO")) || d.Acronym(Key("World Health Organization")) {
		t.Error("Acronym: WHO must be an acronym, the full name not")
	}
	for _, a := range d.actors {
		if !ValidCode(a.Code) {
			t.Errorf("%s: invalid code %q", a.Name, a.Code)
		}
	}
}

func TestCountryCode_Capital(t *testing.T) {
	for _, tt := range []struct{ a2, code string }{{"TR", "TUR"}, {"KE", "KEN"}, {"NG", "NGA"}, {"PS", "PSE"}, {"RO", "ROM"}} {
		c, ok := country.ByAlpha2(tt.a2)
		if !ok {
			t.Fatalf("no country %s", tt.a2)
		}
		if got := CountryCode(c); got != tt.code {
			t.Errorf("CountryCode(%s) = %s, want %s", tt.a2, got, tt.code)
		}
	}
	if CountryCode(nil) != "" {
		t.Error("CountryCode(nil) not empty")
	}
	for _, tt := range []struct{ city, code string }{{"Ankara", "TUR"}, {"Nairobi", "KEN"}, {"Washington", "USA"}, {"Kyiv", "UKR"}, {"Dhaka", "BGD"}} {
		c, ok := Capital(tt.city)
		if !ok || CountryCode(c) != tt.code {
			t.Errorf("Capital(%q) = %v, %v; want %s", tt.city, c, ok, tt.code)
		}
	}
	if _, ok := Capital("Gondar"); ok {
		t.Error("Gondar is not a capital")
	}
}

func TestLookupRole(t *testing.T) {
	for _, tt := range []struct{ in, code string }{
		{"president", "GOV"}, {"Prime Minister", "GOV"}, {"foreign minister", "GOV"}, {"spokesman", "GOV"},
		{"army", "MIL"}, {"troops", "MIL"}, {"soldiers", "MIL"}, {"police", "COP"}, {"rebels", "REB"},
		{"militants", "REB"}, {"protesters", "CVL"}, {"court", "JUD"}, {"judge", "JUD"}, {"parliament", "LEG"},
		{"army spokesman", "MIL"}, {"military spokeswoman", "MIL"}, {"police spokesman", "COP"},
		{"foreign policy chief", "GOV"}, {"military officials", "MIL"},
		{"House of Representatives", "LEG"}, {"chamber of deputies", "LEG"},
	} {
		r, ok := LookupRole(tt.in)
		if !ok || r.Code != tt.code {
			t.Errorf("LookupRole(%q) = %+v, %v; want %s", tt.in, r, ok, tt.code)
		}
	}
}

func TestLoad(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // "name=code/type[aliases]" per actor, or "error"
	}{
		{"tsv", "# comment\nSahel Liberation Front\tMLIREB\tORG\tSLF|the Front\nAna Ortega\tespgov\tPERSON\n",
			"[Sahel Liberation Front=MLIREB/ORG[SLF the Front] Ana Ortega=ESPGOV/PERSON[]]"},
		{"tsv default type", "Acme Oil\tUSABUS\n", "[Acme Oil=USABUS/ORG[]]"},
		{"yaml flow", "- name: Sahel Liberation Front\n  code: MLIREB\n  aliases: [SLF, \"the Front\"]\n",
			"[Sahel Liberation Front=MLIREB/ORG[SLF the Front]]"},
		{"yaml block", "actors:\n  - name: 'Ana Ortega'\n    code: ESPGOV\n    type: person\n    aliases:\n      - Ortega\n  - name: Acme Oil\n    code: USABUS\n",
			"[Ana Ortega=ESPGOV/PERSON[Ortega] Acme Oil=USABUS/ORG[]]"},
		{"bad code", "Acme\tUSAB\n", "error"},
		{"missing code", "Acme\n", "error"},
		{"bad type", "Acme\tUSABUS\tCOMPANY\n", "error"},
		{"yaml unknown key", "- name: X\n  colour: red\n", "error"},
		{"yaml no item", "- name: X\n  code: USA\nfoo\n", "error"},
		{"empty", "", "[]"},
		{"tsv kind and changes", "Ana Ruiz\tESPOPP\tPERSON\tRuiz\tperson\t2024-06-01=espgov|2026-01-01=ESPELI\n",
			"[Ana Ruiz=ESPOPP/PERSON[Ruiz] person [{2024-06-01 ESPGOV} {2026-01-01 ESPELI}]]"},
		{"yaml kind and changes", "- name: Ana Ruiz\n  code: ESPOPP\n  type: PERSON\n  kind: person\n  changes: [2024-06-01=ESPGOV]\n",
			"[Ana Ruiz=ESPOPP/PERSON[] person [{2024-06-01 ESPGOV}]]"},
		{"bad change date", "Ana Ruiz\tESPOPP\tPERSON\t\tperson\t2024-6-1=ESPGOV\n", "error"},
		{"changes out of order", "Ana Ruiz\tESPOPP\tPERSON\t\tperson\t2025-01-01=ESPGOV|2024-01-01=ESPELI\n", "error"},
		{"bad change code", "Ana Ruiz\tESPOPP\tPERSON\t\tperson\t2024-06-01=ES\n", "error"},
		{"bad kind", "Acme\tUSABUS\tORG\t\tshop\n", "error"},
		{"too many fields", "Acme\tUSABUS\tORG\t\tcompany\t\textra\n", "error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(strings.NewReader(tt.in))
			if err != nil {
				if tt.want != "error" {
					t.Fatalf("error %v", err)
				}
				return
			}
			if tt.want == "error" {
				t.Fatal("no error")
			}
			var got []string
			for _, a := range d.actors {
				if !a.User {
					t.Errorf("%s: user entry not marked User", a.Name)
				}
				g := fmt.Sprintf("%s=%s/%s%v", a.Name, a.Code, a.Type, a.Aliases)
				if a.Kind != "" || a.Changes != nil {
					g += fmt.Sprintf(" %s %v", a.Kind, a.Changes)
				}
				got = append(got, g)
			}
			if s := fmt.Sprint(got); s != tt.want && !(len(got) == 0 && tt.want == "[]") {
				t.Errorf("got %s, want %s", s, tt.want)
			}
		})
	}
}

func TestLoadFile_Merge(t *testing.T) {
	p := filepath.Join(t.TempDir(), "dict.tsv")
	if err := os.WriteFile(p, []byte("Reuters\tUSAMED\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	d := Default().Clone()
	d.Merge(u)
	if a, _ := d.Lookup("Reuters"); a.Code != "USAMED" {
		t.Errorf("override: %s", a.Code)
	}
	if a, _ := Default().Lookup("Reuters"); a.Code != "GBRMED" {
		t.Errorf("Default changed: %s", a.Code)
	}
	if _, err := LoadFile(filepath.Join(t.TempDir(), "missing")); err == nil {
		t.Error("missing file: no error")
	}
}

func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"Acme\tUSABUS\tORG\ta|b\n", "- name: X\n  code: USA\n  aliases: [a, b]\n",
		"actors:\n- name: X\n  code: USA\n  aliases:\n    - y\n", "-\n", "- \"\n", "\t\t\t\n", "- name: x\n  aliases: [\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := Load(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, a := range d.actors {
			if !ValidCode(a.Code) || a.Name == "" {
				t.Fatalf("accepted bad actor %+v", a)
			}
			d.Lookup(a.Name)
		}
	})
}

func TestCodeAt(t *testing.T) {
	a := &Actor{Name: "Example Front", Code: "XXXREB", Changes: []Change{{From: "2020-03-01", Code: "XXXGOV"}, {From: "2023-07-15", Code: "XXXELI"}}}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		at   time.Time
		want string
	}{
		{day("2019-12-31"), "XXXREB"},
		{day("2020-03-01"), "XXXGOV"},
		{day("2023-07-14"), "XXXGOV"},
		{day("2024-01-01"), "XXXELI"},
		{time.Time{}, "XXXELI"}, // undated: the latest code
	}
	for _, tc := range tests {
		if got := a.CodeAt(tc.at); got != tc.want {
			t.Errorf("CodeAt(%v) = %q, want %q", tc.at, got, tc.want)
		}
	}
	if got := (&Actor{Code: "ABC"}).CodeAt(time.Time{}); got != "ABC" {
		t.Errorf("no changes: %q", got)
	}
	if got := (*Actor)(nil).CodeAt(time.Time{}); got != "" {
		t.Errorf("nil actor: %q", got)
	}
}

func TestDefault_CurrentActors(t *testing.T) {
	d := Default()
	tests := []struct{ surface, code, typ string }{
		{"Rapid Support Forces", "SDNREB", "ORG"},
		{"Houthi movement", "YEMREB", "ORG"},
		{"Myanmar National Democratic Alliance Army", "MMRREB", "ORG"},
		{"JNIM", "MLIREB", "ORG"},
		{"ISWAP", "NGAREB", "ORG"},
		{"International Rescue Committee", "NGOIRC", "ORG"},
		{"Asian Development Bank", "IGOADB", "ORG"},
		{"Petroperu", "PERBUS", "ORG"},
		{"Royal Canadian Mounted Police", "CANCOP", "ORG"},
		{"Hassan Sheikh Mohamud", "SOMGOV", "PERSON"},
		{"Abiy Ahmed", "ETHGOV", "PERSON"},
	}
	for _, tc := range tests {
		a, ok := d.Lookup(tc.surface)
		if !ok || a.Code != tc.code || a.Type != tc.typ {
			t.Errorf("Lookup(%q) = %+v, %v; want %s %s", tc.surface, a, ok, tc.code, tc.typ)
		}
	}
	// The embedded tables load with the user dictionaries' loader, which
	// checks every code, type, kind and dated change; builtin entries are
	// not the user's.
	if _, err := builtinTables(); err != nil {
		t.Fatal(err)
	}
	if d.Len() < 790 {
		t.Errorf("built-in dictionary has %d actors, want the ~790 of data/*.tsv", d.Len())
	}
	for _, a := range d.actors {
		if a.User {
			t.Errorf("%s: built-in entry marked User", a.Name)
		}
	}
}

// TestRoles checks the embedded role table and its loader.
func TestRoles(t *testing.T) {
	if err := Err(); err != nil {
		t.Fatal(err)
	}
	rs, _ := roles()
	if len(rs) < 270 || MaxRoleWords != 3 {
		t.Errorf("%d roles, longest %d words", len(rs), MaxRoleWords)
	}
	if r, ok := LookupRole("Foreign Minister"); !ok || r != (Role{Code: "GOV", Class: "minister", Person: true, Diplomat: true}) {
		t.Errorf("foreign minister = %+v, %v", r, ok)
	}
	if r, _ := LookupRole("spokeswoman"); r.Gender != "f" || !r.Person {
		t.Errorf("spokeswoman = %+v", r)
	}
	for _, bad := range []string{"Minister\tGOV\n", "x\tGO\n", "x\tGOV\tc\tsoldier\n", "x\tGOV\tc\t\tn\n", "x\tGOV\nx\tMIL\n", "x\ta\tb\tc\td\te\n"} {
		if _, err := loadRoles(strings.NewReader(bad)); err == nil {
			t.Errorf("loadRoles(%q): no error", bad)
		}
	}
}

func BenchmarkBuiltinTables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := builtinTables(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRoles(b *testing.B) {
	src, err := fs.ReadFile(data, "data/roles.tsv")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseRoles(string(src)); err != nil {
			b.Fatal(err)
		}
	}
}
