package geo

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// connectors may join capitalized words inside a place name.
var connectors = map[string]bool{
	"of": true, "and": true, "de": true, "del": true, "da": true, "do": true, "dos": true, "das": true,
	"el": true, "al": true, "la": true, "le": true, "les": true, "los": true, "las": true, "upon": true,
	"on": true, "am": true, "an": true, "der": true, "du": true, "des": true, "y": true, "en": true, "sur": true,
	"es": true,
}

// designators follow a place name and say what it is ("Anbar province").
var designators = map[string]string{
	"province": gazetteer.FeatAdm1, "state": gazetteer.FeatAdm1, "region": gazetteer.FeatAdm1,
	"governorate": gazetteer.FeatAdm1, "oblast": gazetteer.FeatAdm1, "prefecture": gazetteer.FeatAdm1,
	"county": gazetteer.FeatAdm2, "district": gazetteer.FeatAdm2, "parish": gazetteer.FeatAdm2, "territory": gazetteer.FeatAdm1,
	"city": gazetteer.FeatCity, "town": gazetteer.FeatCity, "village": gazetteer.FeatCity,
}

// generic words name directions or parts, never a place on their own
// ("the West", "Centre", "South").
var generic = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "centre": true, "center": true, "capital": true,
	"coast": true, "upper": true, "lower": true, "midlands": false, "interior": true, "border": true,
}

// compass words may precede a place inside a capitalized run.
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "greater": true, "upper": true, "lower": true,
	"northeast": true, "northwest": true, "southeast": true, "southwest": true, "downtown": true,
}

// calendar words are capitalized but never places in running text.
var calendar = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true,
}

// titles before a capitalized word make it a person's name.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "president": true, "minister": true, "senator": true,
	"sen": true, "rep": true, "gov": true, "governor": true, "gen": true, "general": true, "king": true,
	"queen": true, "prince": true, "princess": true, "pope": true, "judge": true, "mayor": true, "sir": true,
	"lord": true, "lady": true, "saint": true, "st": true, "chancellor": true, "premier": true, "sheikh": true,
	"col": true, "lt": true, "capt": true, "sgt": true, "prof": true, "rev": true, "father": true,
}

// speech verbs after a one-word name ("Clinton said") suggest a person,
// unless the name is a country, capital or division (metonymy).
var speech = map[string]bool{
	"said": true, "says": true, "told": true, "added": true, "wrote": true, "argued": true,
	"insisted": true, "replied": true, "stated": true, "tweeted": true, "announced": true,
}

// openers are capitalized function words at the start of a sentence that
// never begin a place name.
var openers = map[string]bool{
	"in": true, "at": true, "on": true, "the": true, "a": true, "an": true, "but": true, "and": true,
	"for": true, "from": true, "to": true, "with": true, "by": true, "as": true, "after": true,
	"before": true, "during": true, "since": true, "while": true, "when": true, "last": true,
	"this": true, "that": true, "then": true, "there": true, "here": true, "some": true, "many": true,
	"its": true, "it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "our": true,
	"their": true, "his": true, "her": true, "meanwhile": true, "however": true, "also": true,
	"across": true, "near": true, "outside": true, "inside": true, "throughout": true, "both": true,
	"all": true, "according": true, "if": true, "of": true, "so": true, "yet": true, "or": true,
	"about": true, "around": true, "into": true, "over": true, "under": true, "between": true,
	"among": true, "against": true, "despite": true, "although": true, "though": true, "because": true,
	"unlike": true, "like": true, "north": false, "why": true, "what": true, "who": true, "how": true,
	"where": true, "these": true, "those": true, "such": true, "each": true, "every": true, "most": true,
	"more": true, "only": true, "even": true, "just": true, "now": true, "today": true, "yesterday": true,
	"via": true, "within": true, "without": true, "towards": true, "toward": true, "through": true,
}

func (r *resolver) tokText(i int) string { return r.d.Text[r.d.Tokens[i].Start:r.d.Tokens[i].End] }

func (r *resolver) isWord(i int) bool {
	t := r.d.Tokens[i]
	return t.Kind == document.Word || t.Kind == document.Number
}

// attachedPunct reports whether token i is ".", "-", "'" or "’" written
// without a space before it (inside "U.S." or "Guinea-Bissau").
func (r *resolver) attachedPunct(i int) bool {
	t := r.d.Tokens[i]
	if t.SpaceBefore || t.Kind == document.Word {
		return false
	}
	s := r.tokText(i)
	return s == "." || s == "-" || s == "'" || s == "’" || s == "‐"
}

func (r *resolver) add(t toponym) { r.tops = append(r.tops, t) }

// recognize fills r.tops in text order.
func (r *resolver) recognize() {
	d := r.d
	var taken []document.Span // spans already claimed, in text order of creation
	person := map[string]bool{}
	blocked := make([]bool, len(d.Tokens))
	var unknown []toponym // mentions the gazetteer does not know
	// Mentions first.
	for mi, m := range d.Mentions {
		switch m.Type {
		case document.Person:
			// People's names are not places, unless the whole name is a
			// country or capital (a mistagged metonym).
			if m.Kind == document.Name && !r.wholeNamePlace(m.Span) {
				for k := d.TokenAt(m.Start); k < len(d.Tokens) && d.Tokens[k].Start < m.End; k++ {
					blocked[k] = true
				}
			}
			continue
		case document.Org, document.EventName, document.Law, document.Misc:
			// Organization and other names are left to the token scan,
			// which keeps a place heading or closing them ("U.S. Army",
			// "Environment Canada") and drops the rest ("New York Times").
			continue
		case document.NORP:
			if c, ok := country.ByDemonym(d.Slice(m.Span)); ok {
				r.add(toponym{span: m.Span, mention: mi, demonym: true, demCC: c.Alpha2, best: -1, anchor: -1})
				taken = append(taken, m.Span)
			}
			continue
		case document.GPE, document.Loc, document.FAC:
		default:
			continue
		}
		if m.Kind != document.Name {
			continue
		}
		sp := m.Span
		txt := d.Slice(sp)
		for _, art := range []string{"the ", "The "} {
			if strings.HasPrefix(txt, art) {
				sp.Start += len(art)
				txt = txt[len(art):]
			}
		}
		// A mention cut short by the entities stage (two words of a
		// four-word state name, "Dar" of "Dar es Salaam", "St. Peter" of "St.
		// Peter's Square") takes the longer gazetteer name around it.
		if nsp, ok := r.extend(sp); ok {
			sp, txt = nsp, d.Slice(nsp)
		}
		if r.overlaps(taken, sp) {
			continue // the rest of a name an earlier mention grew into
		}
		key := country.Normalize(txt)
		if allGeneric(key) {
			// "Central", "North West": a direction tagged as a place;
			// the token scan decides with its own filters.
			continue
		}
		cands := r.g.LookupKey(key)
		weak := false
		if len(cands) == 0 {
			key, cands = r.backoff(key)
			weak = len(cands) > 0
		}
		if len(cands) == 0 {
			// "India-Pakistan" border, "Mid-Jutland": a place inside a
			// hyphenated mention.
			if nsp, nkey, nc, ok := r.hyphenPart(sp); ok {
				sp, key, cands = nsp, nkey, nc
			}
		}
		if len(cands) == 0 {
			if c, ok := country.ByDemonym(txt); ok {
				r.add(toponym{span: sp, mention: mi, demonym: true, demCC: c.Alpha2, best: -1, anchor: -1})
				taken = append(taken, sp)
				continue
			}
			if m.Type == document.FAC {
				continue
			}
			// A major place heading or closing the name ("Winnipeg Free
			// Press" tagged as a place) stands for it.
			if nsp, nkey, nc, ok := r.innerMajor(sp); ok {
				r.add(toponym{span: nsp, key: nkey, cands: nc, mention: mi, best: -1, anchor: -1})
				taken = append(taken, nsp)
				continue
			}
			// Unknown to the gazetteer: kept (without coordinates) only
			// if the text itself calls it a place ("the village of X",
			// "in X") and the token scan finds no known place inside it.
			if r.locativeCue(sp) {
				// Another spelling of a known name ("Al-Fashir" for "El
				// Fasher") is tried against the document's countries
				// when the rest is resolved.
				fz := r.g.LookupSkeleton(key)
				unknown = append(unknown, toponym{span: sp, key: key, cands: fz, fuzzy: len(fz) > 0, mention: mi, best: -1, anchor: -1})
			}
			continue
		}
		r.add(toponym{span: sp, key: key, cands: cands, mention: mi, best: -1, anchor: -1, weak: weak})
		taken = append(taken, sp)
	}
	dl, hasDL := d.Dateline.Place, d.Dateline.Found()
	// Gazetteer lookups over capitalized runs.
	maxW := r.g.MaxWords()
	for _, s := range r.scanSentences() {
		i := s.FirstToken
		for i < s.EndToken {
			if !r.isWord(i) || !isCap(r.tokText(i)) || blocked[i] {
				i++
				continue
			}
			// "U.S.-led", "Denver-based", "Canada-wide": a place glued to a
			// lower-case word in one token.
			if sp, key, cands, ok := r.hyphenated(i); ok {
				if !r.overlaps(taken, sp) {
					r.add(toponym{span: sp, key: key, cands: cands, mention: -1, best: -1, anchor: -1})
					taken = append(taken, sp)
				}
				i++
				continue
			}
			// Build the run [i, j).
			j := i + 1
			for j < s.EndToken {
				if blocked[j] {
					break
				}
				if r.isWord(j) && (isCap(r.tokText(j)) || elided(r.tokText(j))) {
					j++
					continue
				}
				if r.attachedPunct(j) && j+1 < s.EndToken && (r.tokText(j+1) == "s" || r.tokText(j+1) == "S") && (r.tokText(j) == "'" || r.tokText(j) == "’") {
					break // possessive
				}
				if r.attachedPunct(j) && j+1 < s.EndToken && !r.d.Tokens[j+1].SpaceBefore && r.isWord(j+1) && (isCap(r.tokText(j+1)) || r.tokText(j) == ".") {
					j += 2 // "Guinea-Bissau", "U.S", but not "U.S.-led" or "Denver-based"
					continue
				}
				if r.attachedPunct(j) && r.tokText(j) == "." && (j+1 >= s.EndToken || r.d.Tokens[j+1].SpaceBefore) && isAbbrevPart(r.tokText(j-1)) {
					j++ // "U.S." "Ky." end dot; the run ends with it
					break
				}
				if r.isWord(j) && connectors[r.tokText(j)] && j+1 < s.EndToken && r.isWord(j+1) && isCap(r.tokText(j+1)) {
					j++
					continue
				}
				if (r.tokText(j) == "d" || r.tokText(j) == "l") && j+2 < s.EndToken && r.attachedPunct(j+1) && !r.d.Tokens[j+2].SpaceBefore && isCap(r.tokText(j+2)) {
					j += 3 // "Côte d’Ivoire"
					continue
				}
				if r.tokText(j) == "of" && j+2 < s.EndToken && r.tokText(j+1) == "the" && r.isWord(j+2) && isCap(r.tokText(j+2)) {
					j += 2 // "Republic of the Congo"
					continue
				}
				// "Republic of the Congo"
				if r.tokText(j) == "the" && r.tokText(j-1) == "of" && j+1 < s.EndToken && r.isWord(j+1) && isCap(r.tokText(j+1)) {
					j++
					continue
				}
				break
			}
			start := i
			initial := i == s.FirstToken || r.afterOpener(i)
			if initial && openers[strings.ToLower(r.tokText(i))] {
				start = i + 1
				for start < j && !(r.isWord(start) && isCap(r.tokText(start))) {
					start++
				}
				initial = false
				if start < j && start == i+1 {
					initial = false
				}
			}
			r.scanRun(start, j, s, initial, maxW, person, &taken, hasDL, dl)
			i = j
		}
	}
	for _, t := range unknown {
		if !r.overlaps(taken, t.span) {
			r.add(t)
			taken = append(taken, t.span)
		}
	}
	sortTops(r.tops)
}

// hyphenated returns the place at the start of token i when the token is
// a place name, a hyphen and a lower-case word ("U.S.-led").
func (r *resolver) hyphenated(i int) (document.Span, string, []int32, bool) {
	w := r.tokText(i)
	h := strings.LastIndexByte(w, '-')
	if h <= 0 || h == len(w)-1 {
		return document.Span{}, "", nil, false
	}
	rest, _ := utf8.DecodeRuneInString(w[h+1:])
	if !unicode.IsLower(rest) {
		return document.Span{}, "", nil, false
	}
	key := country.Normalize(w[:h])
	cands := r.g.LookupKey(key)
	if len(cands) == 0 || !r.major(cands) {
		return document.Span{}, "", nil, false
	}
	st := r.d.Tokens[i].Start
	return document.Span{Start: st, End: st + h}, key, cands, true
}

// partWords are generic words a name may add to a gazetteer name
// ("Salinas Valley", "Dallas County", "South Darfur").
var partWords = map[string]bool{
	"county": true, "valley": true, "province": true, "region": true, "district": true, "city": true,
	"state": true, "area": true, "municipality": true, "governorate": true, "prefecture": true,
	"island": true, "islands": true, "peninsula": true, "river": true, "basin": true, "delta": true,
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "upper": true, "lower": true, "greater": true,
	"occidental": true, "oriental": true, "metropolitan": true, "metro": true, "downtown": true,
}

// backoff strips generic words from either end of an unknown name (key,
// normalized) until the rest is a known place; it returns the key and
// candidates found, or the original key and nil.
func (r *resolver) backoff(key string) (string, []int32) {
	k := key
	for range 3 {
		i := strings.LastIndexByte(k, ' ')
		if i > 0 && partWords[k[i+1:]] {
			k = k[:i]
		} else if j := strings.IndexByte(k, ' '); j > 0 && partWords[k[:j]] {
			k = k[j+1:]
		} else {
			break
		}
		if c := r.g.LookupKey(k); len(c) > 0 {
			return k, c
		}
	}
	return key, nil
}

// innerMajor returns the longest prefix or suffix of span sp, in whole
// tokens, that names a major place.
func (r *resolver) innerMajor(sp document.Span) (document.Span, string, []int32, bool) {
	d := r.d
	a, b := d.TokenAt(sp.Start), d.TokenAt(sp.End)
	if b > len(d.Tokens) {
		b = len(d.Tokens)
	}
	for n := b - a - 1; n >= 1; n-- {
		for _, st := range []int{a, b - n} {
			e := st + n
			if st < a || e > b || !r.isWord(st) || !r.isWord(e-1) {
				continue
			}
			nsp := document.Span{Start: d.Tokens[st].Start, End: d.Tokens[e-1].End}
			key := country.Normalize(d.Slice(nsp))
			if allGeneric(key) || partWords[key] {
				continue // "Eastern" of "Eastern Creek", "Delta" of "Danube Delta"
			}
			if c := r.g.LookupKey(key); len(c) > 0 && r.major(c) {
				return nsp, key, c, true
			}
		}
	}
	return document.Span{}, "", nil, false
}

// afterOpener reports whether token i follows an opening quote, colon or
// parenthesis, where capitalization says nothing.
func (r *resolver) afterOpener(i int) bool {
	if i == 0 {
		return true
	}
	p := r.tokText(i - 1)
	return p == "\"" || p == "“" || p == ":" || p == "(" || p == "'" || p == "‘" || p == "—" || p == "-"
}

func isAbbrevPart(w string) bool {
	n := utf8.RuneCountInString(w)
	if n <= 2 {
		return true
	}
	// "Ky", "Calif", "Wash", "Mass" written with a dot.
	return n <= 5 && isCap(w)
}

// wholeNamePlace reports whether span s is exactly a country or national
// capital name (an ORG-tagged "Washington" or "Moscow" in "Moscow said"),
// or a name of several words that is a division, region or large city (a
// PERSON-tagged "Davao del Sur").
func (r *resolver) wholeNamePlace(s document.Span) bool {
	txt := r.d.Slice(s)
	multi := strings.Contains(txt, " ")
	for _, c := range r.g.Lookup(txt) {
		p := r.g.Place(int(c))
		if p.Feature == gazetteer.FeatCountry || p.Capital() {
			return true
		}
		// A name of several words that is a division or a large city
		// ("Davao del Sur", "Santa Cruz") is rarely a person's.
		if multi && (p.Feature == gazetteer.FeatAdm1 || p.Feature == gazetteer.FeatAdm2 || p.Feature == gazetteer.FeatRegion || p.Population >= 100000) {
			return true
		}
	}
	return false
}

// orgHeads after a place name make the run an organization's name whose
// place word is not a toponym of its own ("New York Times").
var orgHeads = map[string]bool{
	"times": true, "post": true, "journal": true, "herald": true, "tribune": true, "daily": true,
	"university": true, "college": true, "gazette": true, "chronicle": true, "telegraph": true,
	"observer": true, "globe": true, "sun": true, "star": true, "news": true, "fc": true, "united": true,
}

// scanRun finds gazetteer names inside the capitalized run [a, b), split
// at "and" ("Europe and Africa").
func (r *resolver) scanRun(a, b int, s document.Sentence, initial bool, maxW int, person map[string]bool, taken *[]document.Span, hasDL bool, dl document.Span) {
	seg := a
	for k := a; k <= b; k++ {
		if k == b || (r.isWord(k) && (r.tokText(k) == "and")) || r.tokText(k) == "&" {
			r.scanSegment(seg, k, s, initial && seg == a, maxW, person, taken, hasDL, dl)
			seg = k + 1
		}
	}
}

func (r *resolver) scanSegment(a, b int, s document.Sentence, initial bool, maxW int, person map[string]bool, taken *[]document.Span, hasDL bool, dl document.Span) {
	d := r.d
	if a >= b {
		return
	}
	for k := a; k < b; {
		if !r.isWord(k) || !isCap(r.tokText(k)) {
			k++ // names start with a capital, not with "of" or a dot
			continue
		}
		matched := false
		hi := b
		if hi-k > maxW*2+1 {
			hi = k + maxW*2 + 1
		}
		for e := hi; e > k; e-- {
			if !r.isWord(e-1) && !(r.tokText(e-1) == ".") {
				continue
			}
			if r.tokText(e-1) == "." && e-1 > k && e == s.EndToken && !r.abbrevDot(k, e-1) {
				continue // a sentence's full stop, not part of the name
			}
			sp := document.Span{Start: d.Tokens[k].Start, End: d.Tokens[e-1].End}
			key := country.Normalize(d.Slice(sp))
			cands := r.g.LookupKey(key)
			dem := false
			var demC *country.Country
			if len(cands) > 0 && e-k == 1 && !r.leadingPlace(cands) {
				// "Canadian" is a nationality before it is a Texas town.
				if c, ok := country.ByDemonym(d.Slice(sp)); ok {
					cands, dem, demC = nil, true, c
				}
			}
			if len(cands) == 0 && !dem {
				if c, ok := country.ByDemonym(d.Slice(sp)); ok && key != "" {
					dem, demC = true, c
				} else {
					continue
				}
			}
			left := k - a
			right := b - e
			ok := true
			inner := false // accepted inside a longer name
			stop := false  // the rest of the segment is not searched
			hintFeat := ""
			if left > 0 {
				lw := strings.ToLower(strings.TrimSuffix(r.tokText(k-1), "."))
				switch {
				case left == 1 && compass[lw]:
				case !dem && (lw == "of" || lw == "de") && r.major(cands):
					// "University of Calgary", "City of Santa Ana".
					inner = true
				case !dem && !titles[lw] && !adjectival(r.tokText(k-1)) && r.major(cands):
					inner = true
					// "Environment Canada", "CTV Winnipeg": a major
					// place closing an organization's name is still
					// written as a place.
				default:
					ok = false
				}
			}
			if ok && right > 0 {
				rw := strings.ToLower(r.tokText(e))
				if connectors[r.tokText(e)] || r.tokText(e) == "of" {
					// "Paris on Saturday": the name ends before the
					// lower-case word; "University of Calgary": a minor
					// reading is skipped and the scan goes on.
					if !dem && !r.major(cands) {
						continue
					}
				} else if f, isD := designators[rw]; isD && right == 1 {
					hintFeat = f
					if !dem {
						sp.End = d.Tokens[e].End
						e++
					}
				} else if (k == a || inner) && (dem || r.leadingPlace(cands)) && !orgHeads[rw] {
					// "U.S. Army", "Texas Governor", "Turkish Airlines":
					// a place or nationality word heading a longer name.
					stop = true
				} else {
					ok = false
				}
			}
			if !ok {
				// "Hillary Clinton", "Bruce Ivins": later "Clinton" or
				// "Ivins" alone is a person too.
				if last := b - 1; last > a && r.isWord(last) && isCap(r.tokText(last)) && !compass[strings.ToLower(r.tokText(a))] {
					person[country.Normalize(r.tokText(last))] = true
				}
				return
			}
			matched = true
			// "People's Republic of China", "St. Peter's Square": a
			// possessive cut the run; the whole name may be known.
			if !dem && k == a && k > s.FirstToken+1 && !d.Tokens[k-1].SpaceBefore && isPossessive(r.tokText(k-1)) {
				if nsp, ok := r.extend(sp); ok && nsp.Start < sp.Start {
					sp = nsp
					key = country.Normalize(d.Slice(nsp))
					cands = r.g.LookupKey(key)
				}
			}
			if dem {
				if !r.overlaps(*taken, sp) {
					r.add(toponym{span: sp, mention: -1, demonym: true, demCC: demC.Alpha2, best: -1, anchor: -1})
					*taken = append(*taken, sp)
				}
			} else if r.plausible(k, e, s, initial && k == a, key, cands, person) && !r.overlaps(*taken, sp) {
				t := toponym{span: sp, key: key, cands: cands, mention: -1, best: -1, anchor: -1, hintFeat: hintFeat}
				if hasDL && dl.Contains(sp) {
					t.dateline = true
				}
				r.add(t)
				*taken = append(*taken, sp)
			}
			if stop {
				return
			}
			k = e
			break
		}
		if !matched {
			k++
		}
	}
}

// abbrevDot reports whether the full stop at token dot ends an
// abbreviation that starts at token k: one with an inner dot ("U.S.",
// "D.C.") or a short capitalized word ("Va.", "Ky.").
func (r *resolver) abbrevDot(k, dot int) bool {
	for i := k; i < dot; i++ {
		if r.tokText(i) == "." {
			return true
		}
	}
	return dot-k == 1 && utf8.RuneCountInString(r.tokText(k)) <= 3
}

// adjectival reports whether w is a nationality or continental adjective
// ("Turkish", "European"), which makes the following word part of a
// name ("European Union"), not a place.
func adjectival(w string) bool {
	if _, ok := country.ByDemonym(w); ok {
		return true
	}
	switch strings.ToLower(w) {
	case "european", "african", "asian", "arab", "latin", "pacific", "atlantic", "nordic", "baltic",
		"islamic", "international", "national", "federal", "royal", "united", "global":
		return true
	}
	return false
}

// elided reports whether token w is an elided French or Italian article
// glued to a name ("d’Ivoire", "l'Aquila").
func elided(w string) bool {
	for _, p := range []string{"d’", "d'", "l’", "l'"} {
		if rest, ok := strings.CutPrefix(w, p); ok && rest != "" && isCap(rest) {
			return true
		}
	}
	return false
}

// major reports whether cands include a country, a first-level division,
// a national capital or a city of 100,000 or more.
func (r *resolver) major(cands []int32) bool {
	for _, c := range cands {
		p := r.g.Place(int(c))
		switch {
		case p.Feature == gazetteer.FeatCountry, p.Feature == gazetteer.FeatAdm1, p.Capital(), p.Feature == gazetteer.FeatCity && p.Population >= 100000:
			return true
		}
	}
	return false
}

// leadingPlace reports whether cands include a country or first-level
// division, which may head a longer name and still be a toponym.
func (r *resolver) leadingPlace(cands []int32) bool {
	for _, c := range cands {
		switch r.g.Place(int(c)).Feature {
		case gazetteer.FeatCountry, gazetteer.FeatAdm1:
			return true
		}
	}
	return false
}

// plausible filters gazetteer matches that are more likely ordinary words
// or people's names.
func (r *resolver) plausible(k, e int, s document.Sentence, initial bool, key string, cands []int32, person map[string]bool) bool {
	strong := false // a country, capital, division or region reading exists
	var maxPop int64
	for _, c := range cands {
		p := r.g.Place(int(c))
		switch p.Feature {
		case gazetteer.FeatCountry, gazetteer.FeatAdm1, gazetteer.FeatRegion, gazetteer.FeatContinent, gazetteer.FeatWater:
			strong = true
		}
		if p.Capital() {
			strong = true
		}
		if p.Population > maxPop {
			maxPop = p.Population
		}
	}
	// "US$460": a currency, not a place.
	if e < len(r.d.Tokens) && !r.d.Tokens[e].SpaceBefore && r.tokText(e) == "$" {
		return false
	}
	// Dotted abbreviations ("U.N.", "E.U.") are places only when they
	// name a country or division ("U.S.", "Ky.").
	if !strings.Contains(key, " ") && strings.Contains(r.d.Text[r.d.Tokens[k].Start:r.d.Tokens[e-1].End], ".") && !r.major(cands) {
		return false
	}
	if e-k == 1 {
		w := r.tokText(k)
		if generic[strings.ToLower(w)] {
			return false
		}
		lw := strings.ToLower(w)
		if person[key] && !strong {
			return false
		}
		if k > s.FirstToken {
			pw := strings.ToLower(strings.TrimSuffix(r.tokText(k-1), "."))
			if titles[pw] {
				return false
			}
		}
		if e < s.EndToken && speech[strings.ToLower(r.tokText(e))] && !strong && maxPop < 1e6 {
			return false
		}
		if calendar[lw] {
			return false
		}
		if common(lw) && !strong && (initial || maxPop < 1e6) {
			return false
		}
		if utf8.RuneCountInString(w) <= 2 && !strings.Contains(w, ".") && !isAllUpper(w) {
			return false
		}
		if isAllUpper(w) && utf8.RuneCountInString(w) <= 3 && !strong && maxPop < 1e6 {
			return false // acronyms
		}
	}
	return true
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func (r *resolver) overlaps(taken []document.Span, s document.Span) bool {
	for _, t := range taken {
		if t.Overlaps(s) {
			return true
		}
	}
	return false
}

func sortTops(ts []toponym) {
	// insertion sort: mostly sorted already
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].span.Start < ts[j-1].span.Start; j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}

// hints reads the local patterns around each toponym: "X, Y" where Y is a
// division or country containing a reading of X; designators after a
// name ("Anbar province") or before it ("the state of X", "city of X").
func (r *resolver) hints() {
	d := r.d
	r.lists()
	for k := range r.tops {
		t := &r.tops[k]
		if t.demonym {
			continue
		}
		// "the state of X", "the province of X", "the city of X"
		before := strings.ToLower(strings.TrimRight(d.Text[max(0, t.span.Start-16):t.span.Start], " "))
		for w, f := range designators {
			if strings.HasSuffix(before, w+" of") {
				t.hintFeat = f
			}
		}
		// "Washington state", "Kisumu county": a lower-case designator
		// right after the name.
		if t.hintFeat == "" && t.span.End+1 < len(d.Text) && d.Text[t.span.End] == ' ' {
			rest := d.Text[t.span.End+1:]
			n := 0
			for n < len(rest) && n < 14 && rest[n] >= 'a' && rest[n] <= 'z' {
				n++
			}
			if f, ok := designators[rest[:n]]; ok && n > 0 {
				t.hintFeat = f
			}
		}
		if k+1 >= len(r.tops) {
			continue
		}
		y := &r.tops[k+1]
		if y.span.Start < t.span.End || (t.listCC != "" && t.listCC == y.listCC) {
			continue
		}
		gap := d.Text[t.span.End:y.span.Start]
		if !y.demonym && relative(gap) {
			t.anchor = k + 1
		}
		if strings.TrimSpace(gap) != "," {
			continue
		}
		if y.demonym {
			continue
		}
		leading := r.leadingPlace(y.cands) || r.leadingPlace(t.cands)
		for _, yc := range y.cands {
			yp := r.g.Place(int(yc))
			if yp.Feature != gazetteer.FeatAdm1 && yp.Feature != gazetteer.FeatCountry && yp.Feature != gazetteer.FeatAdm2 {
				continue
			}
			for _, xc := range t.cands {
				xp := r.g.Place(int(xc))
				if xp == yp || xp.Country != yp.Country {
					continue
				}
				if yp.Feature != gazetteer.FeatCountry && xp.Adm1 != yp.Adm1 {
					continue
				}
				// A second-level division ("Santa Maria, Davao del Sur")
				// contains what lies near its point.
				// Not when either name reads as a state or country
				// ("Colorado, California" is a list).
				if yp.Feature == gazetteer.FeatAdm2 && (xp.Feature == gazetteer.FeatAdm1 || xp.Feature == gazetteer.FeatAdm2 || leading || Distance(xp.Lat, xp.Lon, yp.Lat, yp.Lon) > 120) {
					continue
				}
				t.hintCC = yp.Country
				y.hintCC = yp.Country
				if yp.Feature != gazetteer.FeatCountry {
					t.hintAdm = yp.Adm1
					y.hintAdm = yp.Adm1
					y.hintFeat = yp.Feature
				}
				break
			}
			if t.hintCC != "" {
				break
			}
		}
	}
	// The dateline's place is strong context.
	for k := range r.tops {
		t := &r.tops[k]
		if t.dateline {
			if b, conf := r.score(t); conf {
				r.addContext(b, 2)
			}
		}
	}
}

// extend returns the longest gazetteer name that strictly contains span
// sp, grown by up to three tokens on the left and four on the right inside
// sp's sentence over capitalized words, connectors, possessives and inner
// punctuation.
func (r *resolver) extend(sp document.Span) (document.Span, bool) {
	d := r.d
	a := d.TokenAt(sp.Start)
	b := d.TokenAt(sp.End - 1) // last token of sp
	if a >= len(d.Tokens) || b >= len(d.Tokens) || b < a {
		return sp, false
	}
	si := d.SentenceAt(sp.Start)
	if si < 0 {
		return sp, false
	}
	s := d.Sentences[si]
	ok := func(i int) bool {
		w := r.tokText(i)
		if r.isWord(i) {
			return isCap(w) || connectors[w] || w == "the" || w == "s" || w == "'s" || w == "’s" || elided(w)
		}
		return !d.Tokens[i].SpaceBefore && (w == "'" || w == "’" || w == "'s" || w == "’s" || w == "-" || w == ".")
	}
	lo := a
	for lo > s.FirstToken && a-lo < 3 && ok(lo-1) {
		lo--
	}
	hi := b
	for hi+1 < s.EndToken && hi-b < 4 && ok(hi+1) {
		hi++
	}
	for st := lo; st <= a; st++ {
		for e := hi; e >= b; e-- {
			if st == a && e == b {
				continue
			}
			if !r.isWord(st) || !isCap(r.tokText(st)) || !r.isWord(e) {
				continue
			}
			nsp := document.Span{Start: d.Tokens[st].Start, End: d.Tokens[e].End}
			if len(r.g.LookupKey(country.Normalize(d.Slice(nsp)))) > 0 {
				return nsp, true
			}
		}
	}
	return sp, false
}

// locatives are the words before a name that put something in or at a
// place ("in X", "near X", "the village of X").
var locatives = map[string]bool{
	"in": true, "at": true, "near": true, "outside": true, "from": true, "to": true, "into": true,
	"across": true, "around": true, "inside": true, "towards": true, "toward": true, "between": true,
	"throughout": true,
}

// placeNouns before "of" make the next name a place ("village of X").
var placeNouns = map[string]bool{
	"village": true, "town": true, "city": true, "province": true, "region": true, "district": true,
	"state": true, "county": true, "north": true, "south": true, "east": true, "west": true,
	"outskirts": true, "suburb": true, "island": true, "capital": true, "municipality": true,
	"governorate": true, "port": true, "resort": true, "area": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "hamlet": true,
}

// featureNouns after a name say it names a physical or built place ("the
// Nyando river", "Abu Shok camp").
var featureNouns = map[string]bool{
	"river": true, "lake": true, "valley": true, "camp": true, "island": true, "islands": true,
	"mountain": true, "mountains": true, "hills": true, "bay": true, "creek": true, "dam": true,
	"basin": true, "delta": true, "border": true, "airport": true, "port": true, "estuary": true,
	"desert": true, "plain": true, "plains": true, "coast": true, "peninsula": true, "slum": true,
	"neighbourhood": true, "neighborhood": true, "suburb": true, "township": true, "settlement": true,
}

// locativeCue reports whether the text around span sp marks it as a place:
// a locative preposition or "village of" before it, a designator or
// feature noun after it ("X province", "the X river"), or a list of places
// it belongs to ("Oslo, X").
func (r *resolver) locativeCue(sp document.Span) bool {
	d := r.d
	a := d.TokenAt(sp.Start)
	e := d.TokenAt(sp.End)
	if e < len(d.Tokens) && r.isWord(e) {
		w := strings.ToLower(r.tokText(e))
		if _, ok := designators[w]; ok || featureNouns[w] {
			return true
		}
	}
	if a == 0 {
		return false
	}
	p := a - 1
	pw := strings.ToLower(r.tokText(p))
	if p > 0 && (pw == "the" || pw == "a") {
		p--
		pw = strings.ToLower(r.tokText(p))
	}
	if locatives[pw] {
		return true
	}
	if pw == "of" && p > 0 && placeNouns[strings.ToLower(r.tokText(p-1))] {
		return true
	}
	if placeNouns[pw] {
		return true // "the town X", "Nairobi suburb X"
	}
	if pw == "," || pw == "and" {
		// In a list right after a known place.
		for i := len(r.tops) - 1; i >= 0; i-- {
			t := r.tops[i]
			if t.span.End <= d.Tokens[p].Start && t.span.End >= d.Tokens[p].Start-2 && len(t.cands) > 0 {
				return true
			}
		}
	}
	return false
}

// directions in a relative place phrase ("40 km south of").
var directions = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "north-east": true, "north-west": true, "south-east": true,
	"south-west": true, "outskirts": true, "suburbs": true, "northern": true, "southern": true,
}

// relative reports whether gap, the text between two toponyms, places the
// first relative to the second: "near", "outside", ", south of", "40 km
// north-east of", "about 20 miles from".
func relative(gap string) bool {
	if len(gap) > 48 || strings.ContainsAny(gap, ".;:!?()\n") {
		return false
	}
	f := strings.Fields(strings.ToLower(strings.TrimLeft(strings.TrimSpace(gap), ", ")))
	if len(f) == 0 || len(f) > 7 {
		return false
	}
	switch f[len(f)-1] {
	case "near", "outside":
		return true
	case "of":
		for _, w := range f[:len(f)-1] {
			if directions[w] {
				return true
			}
		}
	case "from":
		for _, w := range f {
			if w == "km" || w == "kilometres" || w == "kilometers" || w == "miles" {
				return true
			}
		}
	}
	return false
}

// allGeneric reports whether every word of normalized name key is a
// direction or part word ("central", "north west").
func allGeneric(key string) bool {
	if key == "" {
		return false
	}
	for _, w := range strings.Fields(key) {
		if !generic[w] && !compass[w] {
			return false
		}
	}
	return true
}

// hyphenPart returns the place inside a hyphenated name sp: the part
// before the first hyphen when it names a major place ("India-Pakistan"),
// or the part after the last when what precedes is a direction ("Mid-
// Jutland", "North-Kivu").
func (r *resolver) hyphenPart(sp document.Span) (document.Span, string, []int32, bool) {
	txt := r.d.Slice(sp)
	first := strings.IndexAny(txt, "-‐–")
	last := strings.LastIndexAny(txt, "-‐–")
	if first <= 0 {
		return sp, "", nil, false
	}
	head := txt[:first]
	if k := country.Normalize(head); k != "" {
		if c := r.g.LookupKey(k); len(c) > 0 && r.major(c) {
			return document.Span{Start: sp.Start, End: sp.Start + first}, k, c, true
		}
	}
	_, n := utf8.DecodeRuneInString(txt[last:])
	tail := txt[last+n:]
	pre := strings.ToLower(txt[:last])
	if tail != "" && (compass[pre] || generic[pre] || pre == "mid") {
		k := country.Normalize(tail)
		if c := r.g.LookupKey(k); len(c) > 0 {
			st := sp.Start + last + n
			return document.Span{Start: st, End: sp.End}, k, c, true
		}
	}
	return sp, "", nil, false
}

// listSep reports whether gap joins two members of a list.
func listSep(gap string) bool {
	switch strings.TrimSpace(gap) {
	case ",", "and", ", and", "or", ", or", "&":
		return true
	}
	return false
}

// lists finds runs of three or more toponyms joined by commas and "and"
// ("Arizona, Ohio, Washington and Wisconsin") and, when most members have
// a reading of one feature in one country, marks every member with it.
func (r *resolver) lists() {
	d := r.d
	for i := 0; i < len(r.tops); {
		j := i
		for j+1 < len(r.tops) && !r.tops[j].demonym && !r.tops[j+1].demonym &&
			r.tops[j+1].span.Start >= r.tops[j].span.End &&
			listSep(d.Text[r.tops[j].span.End:r.tops[j+1].span.Start]) {
			j++
		}
		if n := j - i + 1; n >= 3 {
			type kind struct{ cc, feat string }
			count := map[kind]int{}
			for k := i; k <= j; k++ {
				seen := map[kind]bool{}
				for _, c := range r.tops[k].cands {
					p := r.g.Place(int(c))
					if p.Country == "" {
						continue
					}
					kd := kind{p.Country, p.Feature}
					if !seen[kd] {
						seen[kd] = true
						count[kd]++
					}
				}
			}
			var best kind
			bc := 0
			for kd, c := range count {
				if c > bc || (c == bc && kd.cc+kd.feat < best.cc+best.feat) {
					best, bc = kd, c
				}
			}
			// The shared reading must be some member's own best reading:
			// "Ohio, Iowa and Washington" are states because Ohio and Iowa
			// are, but Paris, Amsterdam and Lisbon are not American towns
			// just because each has a namesake there.
			own := 0
			for k := i; k <= j; k++ {
				top, tp := int32(-1), -1.0
				for _, c := range r.tops[k].cands {
					if s := prior(r.g.Place(int(c))); top < 0 || s > tp {
						top, tp = c, s
					}
				}
				if top >= 0 {
					if p := r.g.Place(int(top)); p.Country == best.cc && p.Feature == best.feat {
						own++
					}
				}
			}
			if bc >= 3 && bc*5 >= n*3 && own > 0 {
				for k := i; k <= j; k++ {
					r.tops[k].listCC, r.tops[k].listFeat = best.cc, best.feat
				}
			}
		}
		i = j + 1
	}
}

// scanSentences returns d's sentences with spurious breaks mended: a
// sentence that ends on a word, without closing punctuation, runs on into
// the next ("in Ohio, New | York"), so names are not cut in two.
func (r *resolver) scanSentences() []document.Sentence {
	d := r.d
	out := make([]document.Sentence, 0, len(d.Sentences))
	for _, s := range d.Sentences {
		if n := len(out); n > 0 && s.FirstToken > 0 && s.FirstToken < len(d.Tokens) && s.FirstToken == out[n-1].EndToken &&
			d.Tokens[s.FirstToken-1].Kind == document.Word && d.Tokens[s.FirstToken].SpaceBefore &&
			isCap(r.tokText(s.FirstToken)) {
			out[n-1].EndToken = s.EndToken
			out[n-1].Span.End = s.Span.End
			continue
		}
		out = append(out, s)
	}
	return out
}

func isPossessive(w string) bool { return w == "'s" || w == "’s" || w == "s" }
