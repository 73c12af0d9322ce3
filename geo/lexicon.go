package geo

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/country"
)

//go:embed data/lexicon.tsv
var lexiconTSV string

// lexicon is the stage's word knowledge (data/lexicon.tsv): what its
// classes are for is said in the file.
type lexicon struct {
	demonyms    map[string][]string // normalized form → "CC-ADM1" of the divisions it names
	language    map[string]bool
	langBefore  map[string]bool
	street      map[string]bool
	route       map[string]bool
	routeWord   map[string]bool
	orgWord     map[string]bool
	orgStart    map[string]bool
	publication map[string]bool
	placeMod    map[string]bool // case-sensitive: lower-case forms only
}

var (
	lexOnce sync.Once
	lex     *lexicon
	lexErr  error
)

// words returns the stage's lexicon, parsing it on first use.
func words() *lexicon {
	lexOnce.Do(func() { lex, lexErr = parseLexicon(lexiconTSV) })
	if lexErr != nil {
		panic(lexErr) // the embedded file is checked by TestLexicon
	}
	return lex
}

// parseLexicon reads the lexicon format of data/lexicon.tsv.
func parseLexicon(src string) (*lexicon, error) {
	l := &lexicon{demonyms: map[string][]string{}}
	sets := map[string]*map[string]bool{
		"language": &l.language, "langbefore": &l.langBefore, "street": &l.street, "route": &l.route,
		"routeword": &l.routeWord, "orgword": &l.orgWord, "orgstart": &l.orgStart, "publication": &l.publication,
		"placemod": &l.placeMod,
	}
	for _, p := range sets {
		*p = map[string]bool{}
	}
	for n, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("geo: lexicon line %d: want CLASS<TAB>WORDS[<TAB>VALUE]", n+1)
		}
		forms := strings.Fields(f[1])
		for i, w := range forms {
			forms[i] = strings.ToLower(strings.ReplaceAll(w, "_", " "))
		}
		switch cls := f[0]; cls {
		case "demonym":
			if len(f) != 3 || !strings.Contains(f[2], "-") {
				return nil, fmt.Errorf("geo: lexicon line %d: demonym wants a CC-ADM1 value", n+1)
			}
			for _, w := range forms {
				k := country.Normalize(w)
				l.demonyms[k] = append(l.demonyms[k], f[2])
			}
		default:
			set, ok := sets[cls]
			if !ok {
				return nil, fmt.Errorf("geo: lexicon line %d: unknown class %q", n+1, cls)
			}
			for _, w := range forms {
				(*set)[w] = true
			}
		}
	}
	return l, nil
}
