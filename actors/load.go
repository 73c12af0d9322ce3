package actors

// Actor dictionaries in TSV or YAML: the built-in tables (data/*.tsv) and
// user dictionaries (--dict) are read by the same loader.

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/internal/lexicon"
)

// maxLineBytes bounds one line of a user dictionary.
const maxLineBytes = 1 << 20

// LoadFile reads a user dictionary from path; see Load for the formats.
func LoadFile(path string) (*Dictionary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("actors: %w", err)
	}
	defer f.Close()
	d, err := Load(f)
	if err != nil {
		return nil, fmt.Errorf("actors: %s: %w", path, err)
	}
	return d, nil
}

// Load reads a user dictionary in one of two formats, detected from the
// first non-blank, non-comment line.
//
// TSV: one actor per line, tab-separated: name, CAMEO code, and optionally
// the entity type (ORG when empty), aliases separated by "|", the kind
// ("igo", "agency", "group", "court", "party", "ngo", "gov", "company",
// "person", "territory") and dated code changes "YYYY-MM-DD=CODE"
// separated by "|", in date order. Lines starting with "#" are comments.
//
//	Ana Ortega	ESPGOV	PERSON
//	Sahel Liberation Front	MLIREB	ORG	SLF|the Front	group
//	Ana Ruiz	ESPOPP	PERSON	Ruiz	person	2024-06-01=ESPGOV
//
// YAML: a list of mappings with keys name, code, type, aliases (a flow
// list "[a, b]" or a block list), kind and changes (a flow list of
// "YYYY-MM-DD=CODE"), optionally under a top-level "actors:" key.
//
//   - name: Sahel Liberation Front
//     code: MLIREB
//     aliases: [SLF]
//
// Every entry needs a name and a code of letters (multiples of three).
// Entries of a user dictionary are marked User. Load returns an error
// naming the first bad line; it never panics.
func Load(r io.Reader) (*Dictionary, error) { return load(r, true) }

// load reads a dictionary (see Load); user marks its entries as a user's.
func load(r io.Reader, user bool) (*Dictionary, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), maxLineBytes)
	var lines []string
	for sc.Scan() {
		lines = append(lines, strings.TrimRight(sc.Text(), "\r"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("actors: read dictionary: %w", err)
	}
	d := &Dictionary{}
	if err := parse(d, lines, user); err != nil {
		return nil, err
	}
	return d, nil
}

// splitLines returns the lines of s as substrings, without their "\n"
// and trailing "\r" (a final empty line is dropped, as bufio.ScanLines
// does).
func splitLines(s string) []string {
	out := make([]string, 0, strings.Count(s, "\n")+1)
	for len(s) > 0 {
		l, rest, _ := strings.Cut(s, "\n")
		out = append(out, strings.TrimRight(l, "\r"))
		s = rest
	}
	return out
}

// parse adds the actors of a dictionary's lines to d, in TSV or YAML
// (detected from the first non-blank, non-comment line; see Load).
func parse(d *Dictionary, lines []string, user bool) error {
	yaml := false
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		yaml = strings.HasPrefix(t, "- ") || t == "-" || t == "actors:" || t == "---"
		break
	}
	if yaml {
		return loadYAML(d, lines, user)
	}
	return loadTSV(d, lines, user)
}

func loadTSV(d *Dictionary, lines []string, user bool) error {
	var buf [7]string
	for n, l := range lines {
		if strings.TrimSpace(l) == "" || strings.HasPrefix(strings.TrimSpace(l), "#") {
			continue
		}
		nf := lexicon.Fields(buf[:], l)
		f := buf[:min(nf, len(buf))]
		a := Actor{Name: strings.TrimSpace(f[0])}
		if len(f) > 1 {
			a.Code = strings.TrimSpace(f[1])
		}
		if len(f) > 2 {
			a.Type = strings.TrimSpace(f[2])
		}
		if len(f) > 3 {
			a.Aliases = split(f[3], "|")
		}
		if len(f) > 4 {
			a.Kind = strings.TrimSpace(f[4])
		}
		if len(f) > 5 {
			ch, err := changes(split(f[5], "|"))
			if err != nil {
				return fmt.Errorf("actors: line %d: %q: %w", n+1, a.Name, err)
			}
			a.Changes = ch
		}
		if nf > 6 {
			return fmt.Errorf("actors: line %d: %d tab-separated fields, want at most 6", n+1, nf)
		}
		a.User = user
		if err := add(d, a); err != nil {
			return fmt.Errorf("actors: line %d: %w", n+1, err)
		}
	}
	return nil
}

func loadYAML(d *Dictionary, lines []string, user bool) error {
	var cur *Actor
	curLine := 0
	inAliases := false
	flush := func() error {
		if cur == nil {
			return nil
		}
		cur.User = user
		err := add(d, *cur)
		cur = nil
		if err != nil {
			return fmt.Errorf("actors: entry at line %d: %w", curLine, err)
		}
		return nil
	}
	for n, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "#") || t == "---" || t == "actors:" {
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if strings.HasPrefix(t, "- ") || t == "-" {
			item := strings.TrimSpace(strings.TrimPrefix(t, "-"))
			if inAliases && cur != nil && indent > 0 && !strings.Contains(item, ": ") {
				cur.Aliases = append(cur.Aliases, unquote(item))
				continue
			}
			if err := flush(); err != nil {
				return err
			}
			cur, curLine, inAliases = &Actor{}, n+1, false
			if item == "" {
				continue
			}
			t = item
		}
		if cur == nil {
			return fmt.Errorf("actors: line %d: expected a list item (\"- name: ...\")", n+1)
		}
		k, v, ok := strings.Cut(t, ":")
		if !ok {
			return fmt.Errorf("actors: line %d: expected \"key: value\"", n+1)
		}
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		inAliases = false
		switch k {
		case "name":
			cur.Name = unquote(v)
		case "code":
			cur.Code = unquote(v)
		case "type":
			cur.Type = unquote(v)
		case "kind":
			cur.Kind = unquote(v)
		case "aliases":
			if v == "" {
				inAliases = true
				continue
			}
			if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
				return fmt.Errorf("actors: line %d: aliases must be a list", n+1)
			}
			for _, x := range split(v[1:len(v)-1], ",") {
				cur.Aliases = append(cur.Aliases, unquote(x))
			}
		case "changes":
			if !strings.HasPrefix(v, "[") || !strings.HasSuffix(v, "]") {
				return fmt.Errorf("actors: line %d: changes must be a list", n+1)
			}
			var xs []string
			for _, x := range split(v[1:len(v)-1], ",") {
				xs = append(xs, unquote(x))
			}
			ch, err := changes(xs)
			if err != nil {
				return fmt.Errorf("actors: line %d: %w", n+1, err)
			}
			cur.Changes = ch
		default:
			return fmt.Errorf("actors: line %d: unknown key %q", n+1, k)
		}
	}
	return flush()
}

// split splits s at sep and drops empty, space-trimmed parts.
func split(s, sep string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, sep)+1)
	for x := range strings.SplitSeq(s, sep) {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// changes parses dated code changes "YYYY-MM-DD=CODE", which must be in
// date order.
func changes(xs []string) ([]Change, error) {
	var out []Change
	for _, x := range xs {
		day, code, ok := strings.Cut(x, "=")
		if _, err := time.Parse("2006-01-02", day); !ok || err != nil {
			return nil, fmt.Errorf("bad change %q (want YYYY-MM-DD=CODE)", x)
		}
		if !ValidCode(code) {
			return nil, fmt.Errorf("change %q: bad CAMEO code %q", x, code)
		}
		if len(out) > 0 && day <= out[len(out)-1].From {
			return nil, fmt.Errorf("change %q: changes must be in date order", x)
		}
		out = append(out, Change{From: day, Code: strings.ToUpper(code)})
	}
	return out, nil
}

func unquote(s string) string {
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		return s[1 : len(s)-1]
	}
	return s
}

var validTypes = map[string]bool{"ORG": true, "PERSON": true, "GPE": true, "LOC": true, "NORP": true, "FAC": true, "EVENT": true, "LAW": true, "MISC": true}

func add(d *Dictionary, a Actor) error {
	if a.Name == "" {
		return fmt.Errorf("missing name")
	}
	if !ValidCode(a.Code) {
		return fmt.Errorf("%q: bad CAMEO code %q (letters, in groups of three)", a.Name, a.Code)
	}
	a.Code = strings.ToUpper(a.Code)
	if a.Type == "" {
		a.Type = "ORG"
	}
	a.Type = strings.ToUpper(a.Type)
	if !validTypes[a.Type] {
		return fmt.Errorf("%q: unknown type %q", a.Name, a.Type)
	}
	var buf [64]byte
	if len(country.AppendNormalize(buf[:0], a.Name)) == 0 { // (Key(a.Name) == "", without a string)
		return fmt.Errorf("%q: empty name after folding", a.Name)
	}
	if a.Kind != "" && !validKinds[a.Kind] {
		return fmt.Errorf("%q: unknown kind %q", a.Name, a.Kind)
	}
	d.Add(a)
	return nil
}

var validKinds = map[string]bool{"igo": true, "agency": true, "group": true, "court": true, "party": true, "ngo": true,
	"gov": true, "company": true, "person": true, "territory": true}

// ValidCode reports whether code looks like a CAMEO actor code: one or more
// groups of three ASCII letters.
func ValidCode(code string) bool {
	if code == "" || len(code)%3 != 0 || len(code) > 30 {
		return false
	}
	for i := 0; i < len(code); i++ {
		c := code[i] | 0x20
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}
