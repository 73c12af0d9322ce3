package ner

// gazClasses are the gazetteer classes in bit order (the model format
// depends on the order: only append).
var gazClasses = [...]string{"country", "demonym", "bigcity", "city", "adm1", "region"}

// Gazetteer class bits (indices into gazClasses).
const (
	gazCountry = iota
	gazDemonym
	gazBigCity
	gazCity
	gazAdm1
	gazRegion
)

// gazMaxWords is the longest name matched.
const gazMaxWords = 5

// gazTable maps a name (the hash chain of its lower-cased words) to the set
// of its classes (bit i = gazClasses[i]).
type gazTable struct {
	keys    []uint64
	classes []uint8
	m       map[uint64]uint8
}

func (g *gazTable) build() {
	g.m = make(map[uint64]uint8, len(g.keys))
	for i, k := range g.keys {
		g.m[k] |= g.classes[i]
	}
}

// gazChain extends a name hash by one word's lower-case hash.
func gazChain(h, lower uint64) uint64 { return mix(h^0x5bd1e995, lower) }

// newGazTable builds a table from names (words separated by spaces) and
// their class names; unknown classes are skipped.
func newGazTable(names, classes []string) *gazTable {
	g := &gazTable{}
	for i, n := range names {
		bit := -1
		for b, c := range gazClasses {
			if c == classes[i] {
				bit = b
			}
		}
		if bit < 0 {
			continue
		}
		h := uint64(0)
		words := 0
		var ti tokInfo
		start := 0
		for j := 0; j <= len(n); j++ {
			if j == len(n) || n[j] == ' ' {
				if j > start {
					analyze(n[start:j], &ti, nil)
					h = gazChain(h, ti.lower)
					words++
				}
				start = j + 1
			}
		}
		if words == 0 || words > gazMaxWords {
			continue
		}
		g.keys = append(g.keys, h)
		g.classes = append(g.classes, 1<<bit)
	}
	g.build()
	return g
}

// mark sets toks[i].gaz for every gazetteer name in the sentence whose first
// and last words are capitalized: bit 4*class+position (B, I, L, U).
func (g *gazTable) mark(toks []tokInfo) {
	if g == nil || len(g.m) == 0 {
		return
	}
	for i := range toks {
		if toks[i].flags&flagCap == 0 {
			continue
		}
		h := uint64(0)
		for l := 1; l <= gazMaxWords && i+l <= len(toks); l++ {
			last := &toks[i+l-1]
			h = gazChain(h, last.lower)
			if last.flags&flagCap == 0 {
				continue
			}
			cl, ok := g.m[h]
			if !ok {
				continue
			}
			for b := 0; b < len(gazClasses); b++ {
				if cl&(1<<b) == 0 {
					continue
				}
				if l == 1 {
					toks[i].gaz |= 1 << (4*b + posU)
					continue
				}
				toks[i].gaz |= 1 << (4*b + posB)
				for k := i + 1; k < i+l-1; k++ {
					toks[k].gaz |= 1 << (4*b + posI)
				}
				toks[i+l-1].gaz |= 1 << (4*b + posL)
			}
		}
	}
}
