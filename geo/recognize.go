package geo

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

func (r *resolver) tokText(i int) string { return r.d.Text[r.d.Tokens[i].Start:r.d.Tokens[i].End] }

// lowerTok is strings.ToLower of token i's text, without allocating for
// a token in ASCII: its slice of d.Lower (document.LowerText lower-cases
// every ASCII letter in place).
func (r *resolver) lowerTok(i int) string {
	t := &r.d.Tokens[i]
	w := r.d.Text[t.Start:t.End]
	if len(r.d.Lower) != len(r.d.Text) {
		return strings.ToLower(w)
	}
	for j := 0; j < len(w); j++ {
		if w[j] >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return r.d.Lower[t.Start:t.End]
}

func (r *resolver) isWord(i int) bool {
	t := &r.d.Tokens[i] // a pointer: the token is 120 bytes
	return t.Kind == document.Word || t.Kind == document.Number
}

// attachedPunct reports whether token i is ".", "-", "'" or "’" written
// without a space before it (inside "U.S." or "Guinea-Bissau").
func (r *resolver) attachedPunct(i int) bool {
	t := &r.d.Tokens[i]
	if t.SpaceBefore || t.Kind == document.Word {
		return false
	}
	s := r.tokText(i)
	return s == "." || s == "-" || s == "'" || s == "’" || s == "‐"
}

func (r *resolver) add(t toponym) {
	if r.endAt == nil {
		r.endAt = map[int]int{}
	}
	r.endAt[t.span.End] = len(r.tops)
	r.tops = append(r.tops, t)
}

// topsPool holds the toponym arrays of finished documents, so that a
// document's array is not allocated anew (it was 6 % of the pipeline's
// bytes). An array in the pool is zero: no references into an old
// document (r.tops only grows, so clearing its length clears all that was
// written).
var topsPool sync.Pool // *[]toponym

// maxPooledTops is the largest array kept in topsPool (a long document's
// is left to the collector).
const maxPooledTops = 4096

// releaseTops clears r.tops and hands its array to topsPool.
func (r *resolver) releaseTops() {
	t := r.tops
	r.tops = nil
	if cap(t) == 0 || cap(t) > maxPooledTops {
		return
	}
	clear(t)
	t = t[:0]
	topsPool.Put(&t)
}

// recognize fills r.tops in text order.
func (r *resolver) recognize() {
	d := r.d
	r.taken = newSpanSet(len(d.Text))
	r.tops = nil
	if b, ok := topsPool.Get().(*[]toponym); ok {
		r.tops = *b
	}
	if want := len(d.Mentions)/2 + len(d.Tokens)/16 + 4; cap(r.tops) < want {
		r.tops = make([]toponym, 0, want)
	}
	r.personTok = make([]bool, len(d.Tokens))
	r.orgTok = make([]bool, len(d.Tokens))
	person := map[string]bool{}
	blocked := make([]bool, len(d.Tokens))
	var unknown []toponym // mentions the gazetteer does not know
	// People's names first. They are not places, unless the whole name is
	// a country or capital (a mistagged metonym), or a town's: that one is
	// left to the token scan, as a doubtful name that needs a cue ("crews
	// from Bluffton", "near Orange City"; see accept). A whole
	// organisation's name that is a place's ("Argo", "Trego County") is
	// doubtful too.
	for _, m := range d.Mentions {
		if m.Kind != document.Name {
			continue
		}
		switch m.Type {
		case document.Person:
			// One gazetteer probe for both questions of the name.
			cands := r.g.Lookup(d.Slice(m.Span))
			if !r.wholeNamePlace(d.Slice(m.Span), cands) {
				town := r.townCands(cands) // accept decides with the cues around it
				for k := d.TokenAt(m.Start); k < len(d.Tokens) && d.Tokens[k].Start < m.End; k++ {
					blocked[k] = !town
					r.personTok[k] = town
				}
			}
		case document.Org:
			if r.townCands(r.g.Lookup(d.Slice(m.Span))) {
				for k := d.TokenAt(m.Start); k < len(d.Tokens) && d.Tokens[k].Start < m.End; k++ {
					r.orgTok[k] = true
				}
			}
		}
	}
	// Streets next: "Washington Street" is no Washington; "David Pike" is
	// no road.
	r.streets(r.taken.claim, blocked)
	// Other mentions next.
	for mi, m := range d.Mentions {
		switch m.Type {
		case document.Person:
			continue
		case document.Org, document.EventName, document.Law, document.Misc:
			// Organization and other names are left to the token scan,
			// which keeps a place heading or closing them ("U.S. Army",
			// "Environment Canada") and drops the rest ("New York Times").
			continue
		case document.NORP:
			key := country.Normalize(d.Slice(m.Span))
			if dc := r.demonymCands(key); len(dc) > 0 && !r.language(d.TokenAt(m.Start), d.TokenAt(m.End)) && r.taken.claim(m.Span) {
				r.add(toponym{span: m.Span, key: key, cands: dc, mention: mi, demonym: true, best: -1, anchor: -1})
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
		if r.taken.overlaps(sp) {
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
			if dc := r.demonymCands(key); len(dc) > 0 {
				r.add(toponym{span: sp, key: key, cands: dc, mention: mi, demonym: true, best: -1, anchor: -1})
				r.taken.mark(sp)
				continue
			}
			if m.Type == document.FAC {
				continue
			}
			// A major place heading or closing the name ("Winnipeg Free
			// Press" tagged as a place) stands for it.
			if nsp, nkey, nc, ok := r.innerMajor(sp); ok {
				r.add(toponym{span: nsp, key: nkey, cands: nc, mention: mi, best: -1, anchor: -1})
				r.taken.mark(nsp)
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
		r.add(toponym{span: sp, key: key, cands: cands, mention: mi, best: -1, anchor: -1, weak: weak, nested: r.orgAfter(sp)})
		r.taken.mark(sp)
	}
	dl, hasDL := r.dateline()
	r.hasDL = hasDL
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
				if !r.taken.overlaps(sp) {
					r.add(toponym{span: sp, key: key, cands: cands, mention: -1, best: -1, anchor: -1})
					r.taken.mark(sp)
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
			if initial && openers[r.lowerTok(i)] {
				start = i + 1
				for start < j && !(r.isWord(start) && isCap(r.tokText(start))) {
					start++
				}
				initial = false
				if start < j && start == i+1 {
					initial = false
				}
			}
			r.scanRun(start, j, s, initial, maxW, person, hasDL, dl)
			i = j
		}
	}
	for _, t := range unknown {
		if !r.taken.overlaps(t.span) {
			r.add(t)
			r.taken.mark(t.span)
		}
	}
	sortTops(r.tops)
	clear(r.endAt)
	for i := range r.tops {
		t := &r.tops[i]
		r.endAt[t.span.End] = i
		// Mentions in the dateline are its places too.
		t.dateline = t.dateline || hasDL && dl.Contains(t.span) && !t.demonym && !t.street
	}
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
// PERSON-tagged "Davao del Sur"): txt is the span's text and cands its
// gazetteer candidates (Lookup(txt)).
func (r *resolver) wholeNamePlace(txt string, cands []int32) bool {
	multi := strings.Contains(txt, " ")
	for _, c := range cands {
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

// scanRun finds gazetteer names inside the capitalized run [a, b), split
// at "and" ("Europe and Africa").
func (r *resolver) scanRun(a, b int, s document.Sentence, initial bool, maxW int, person map[string]bool, hasDL bool, dl document.Span) {
	seg := a
	for k := a; k <= b; k++ {
		if k == b || (r.isWord(k) && (r.tokText(k) == "and")) || r.tokText(k) == "&" {
			r.scanSegment(seg, k, s, initial && seg == a, maxW, person, hasDL, dl)
			seg = k + 1
		}
	}
}

// scanSegment finds the places of the capitalized segment [a, b): the
// longest gazetteer name at each word, kept when the words around it allow
// a place there. A place heading or closing an organisation's name ("the
// Goshen Fire Department", "the University of Oregon", "U.S. Army") is
// kept as a place inside that name (nested); a place before a title
// ("Boise Mayor") is a place; a place heading a person's name
// ("Sherman Alexie") is not, and neither is the rest of that name.
func (r *resolver) scanSegment(a, b int, s document.Sentence, initial bool, maxW int, person map[string]bool, hasDL bool, dl document.Span) {
	var keyBuf [64]byte
	d := r.d
	if a >= b {
		return
	}
	for k := a; k < b; {
		if !r.isWord(k) || !isCap(r.tokText(k)) {
			k++ // names start with a capital, not with "of" or a dot
			continue
		}
		// "Augusta-Richmond County", "Nashville-Davidson County": two places
		// joined by a hyphen inside one token, when the whole is no
		// name of its own ("Winston-Salem", "Guinea-Bissau").
		if next, ok := r.hyphenPair(k, b, s, hasDL, dl); ok {
			k = next
			continue
		}
		matched := false
		// No name is longer than the longest that starts with this word
		// (tokens may be twice the words: "St. Peter's Square").
		first := country.AppendNormalize(keyBuf[:0], r.tokText(k))
		if i := bytes.IndexByte(first, ' '); i >= 0 {
			first = first[:i]
		}
		hi := b
		if n := min(maxW, r.g.FirstWordMax(string(first))); hi-k > n*2+1 {
			hi = k + n*2 + 1
		}
		for e := hi; e > k; e-- {
			if !r.isWord(e-1) && !(r.tokText(e-1) == ".") {
				continue
			}
			if r.tokText(e-1) == "." && e-1 > k && e == s.EndToken && !r.abbrevDot(k, e-1) {
				continue // a sentence's full stop, not part of the name
			}
			if e-1 > k && k-2 >= a && strings.EqualFold(r.tokText(k-1), "of") && orgStarts[r.lowerTok(k-2)] &&
				orgWords[r.lowerTok(e-1)] {
				continue // "University of Michigan Center": the place is "Michigan"
			}
			sp := document.Span{Start: d.Tokens[k].Start, End: d.Tokens[e-1].End}
			// The key is built in keyBuf and made a string once it names
			// something (most spans tried name nothing).
			kb := country.AppendNormalize(keyBuf[:0], d.Slice(sp))
			cands := r.g.LookupKey(string(kb))
			dem := false
			var demCands []int32
			if len(cands) > 0 && e-k == 1 && !r.leadingPlace(cands) {
				// "Canadian" is a nationality before it is a Texas town.
				if dc := r.demonymCands(string(kb)); len(dc) > 0 {
					cands, dem, demCands = nil, true, dc
				}
			}
			if len(cands) == 0 && !dem {
				if dc := r.demonymCands(string(kb)); len(dc) > 0 {
					dem, demCands = true, dc
				} else {
					continue
				}
			}
			key := string(kb)
			left := k - a
			right := b - e
			ok := true
			inner := false  // accepted inside a longer name
			stop := false   // the rest of the segment is not searched
			nested := false // a place inside an organisation's name
			hintFeat := ""
			if left > 0 {
				lw := strings.TrimSuffix(r.lowerTok(k-1), ".")
				switch {
				case left == 1 && compass[lw]:
				case dem && lw == "of": // "thousands of Ohioans"
				case !dem && lw == "of" && k-2 >= a && orgStarts[r.lowerTok(k-2)]:
					// "University of Georgia", "Port of Mobile", "City of
					// Santa Ana".
					inner, nested = true, orgWords[r.lowerTok(k-2)]
				case !dem && (lw == "of" || lw == "de") && r.major(cands):
					// "Bank of England", "Children's Hospital of Manitoba".
					inner, nested = true, true
				case !dem && !titles[lw] && !adjectival(r.tokText(k-1)) && r.major(cands):
					// "Environment Canada", "CTV Winnipeg": a major
					// place closing an organization's name is still
					// written as a place.
					inner, nested = true, true
				default:
					ok = false
				}
			}
			if ok && right > 0 {
				rw := r.lowerTok(e)
				rwt := strings.TrimSuffix(rw, ".")
				last := r.lowerTok(b - 1)
				switch f, isD := designators[rw]; {
				case !r.isWord(e):
					// A full stop or other mark closes the name.
					stop = true
				case connectors[r.tokText(e)] || r.tokText(e) == "of":
					// "Paris on Saturday": the name ends before the
					// lower-case word; "University of Calgary": a minor
					// reading is skipped and the scan goes on.
					if !dem && !r.major(cands) {
						continue
					}
				case isD && right == 1:
					hintFeat = f
					if !dem {
						sp.End = d.Tokens[e].End
						e++
					}
				case (k == a || inner) && titles[rwt]:
					// "Boise Mayor", "Texas Gov.":
					// the place of a title; the rest is a person.
					stop = true
				case (k == a || inner) && !dem && publications[last]:
					// "The New York Times", "Kansas City Star": a
					// publication's name is not reported.
					ok = false
				case (k == a || inner) && clubs[rw]:
					ok = false
				case (k == a || inner) && (orgWords[rwt] || dem || r.leadingPlace(cands)) && (e-k > 1 || !orgWords[r.lowerTok(k)]):
					// "Goshen Fire Department", "Hays Regional Medical
					// Center", "U.S. Army", "Turkish Airlines"; not
					// "University" of "University College Hospital".
					stop, nested = true, true
				default:
					ok = false
				}
			}
			if !ok {
				// "Hillary Clinton", "Bruce Ivins": later "Clinton" or
				// "Ivins" alone is a person too.
				if last := b - 1; last > a && r.isWord(last) && isCap(r.tokText(last)) && !compass[r.lowerTok(a)] {
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
				if !nested && !r.language(k, e) && r.taken.claim(sp) {
					r.add(toponym{span: sp, key: key, cands: demCands, mention: -1, demonym: true, best: -1, anchor: -1})
				}
			} else if doubt, ok := r.plausible(k, e, s, initial && k == a, key, cands, person); ok && r.taken.claim(sp) {
				if nested && doubt == doubtNone && !r.major(cands) {
					// Schools and hospitals are named after people as
					// often as after towns ("Franklin Elementary"): a
					// town heading a name needs the story's support.
					doubt = doubtKind
				}
				t := toponym{span: sp, key: key, cands: cands, mention: -1, best: -1, anchor: -1, hintFeat: hintFeat, nested: nested, doubt: doubt}
				if hasDL && dl.Contains(sp) {
					t.dateline = true
				}
				r.add(t)
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

// hyphenPair adds the two places of token k when it joins two names with
// a hyphen ("Augusta-Richmond County": "Augusta" and "Richmond County", the
// second possibly running on over the next tokens of the segment) and the
// whole token is not a name itself; it returns the token to go on from.
func (r *resolver) hyphenPair(k, b int, s document.Sentence, hasDL bool, dl document.Span) (int, bool) {
	d := r.d
	w := r.tokText(k)
	h := strings.IndexByte(w, '-')
	if h <= 0 || h == len(w)-1 || !isCap(w[h+1:]) || strings.IndexByte(w[h+1:], '-') >= 0 {
		return 0, false
	}
	for e := b; e > k; e-- {
		if len(r.g.Lookup(d.Text[d.Tokens[k].Start:d.Tokens[e-1].End])) > 0 {
			return 0, false // "Winston-Salem", "Guinea-Bissau"
		}
	}
	st := d.Tokens[k].Start
	first := document.Span{Start: st, End: st + h}
	fc := r.g.Lookup(d.Slice(first))
	if len(fc) == 0 {
		return 0, false
	}
	var second document.Span
	var sc []int32
	end := k
	for e := b; e > k; e-- {
		sp := document.Span{Start: st + h + 1, End: d.Tokens[e-1].End}
		if c := r.g.Lookup(d.Slice(sp)); len(c) > 0 {
			second, sc, end = sp, c, e
			break
		}
	}
	if len(sc) == 0 {
		return 0, false
	}
	// Company names join surnames and places the same way ("Browning-
	// Ferris", "Georgia-Pacific"): a pair is two places when the second
	// is a county or parish ("Augusta-Richmond County") or one is a major
	// place and the other a major place or a town ("Dallas-Fort Worth",
	// "Middlesex-London").
	settlement := func(cands []int32) bool {
		for _, c := range cands {
			if f := r.g.Feature(int(c)); f == gazetteer.FeatCity || f == gazetteer.FeatAdm2 {
				return true
			}
		}
		return false
	}
	switch last := r.lowerTok(end - 1); {
	case partWords[last] && end-1 > k: // "Augusta-Richmond County"
	case r.major(fc) && (r.major(sc) || settlement(sc)), r.major(sc) && settlement(fc): // "Middlesex-London EMS"
	default:
		return 0, false
	}
	// The pair is one name's head when an organisation's words follow
	// ("the Augusta-Richmond County school board" is not; "Nashville-
	// Davidson County Sheriff's Office" is).
	nested := end < b && orgWords[strings.TrimSuffix(r.lowerTok(end), ".")]
	var doubt [2]uint8
	for i, c := range [][]int32{fc, sc} {
		sp := [2]document.Span{first, second}[i]
		dt, ok := r.plausibleSpan(sp, c)
		if !ok {
			return 0, false // "Al-Ahram", "EU-Turkey"
		}
		doubt[i] = dt
	}
	for i, p := range []struct {
		sp    document.Span
		cands []int32
	}{{first, fc}, {second, sc}} {
		if r.taken.claim(p.sp) {
			t := toponym{span: p.sp, key: country.Normalize(d.Slice(p.sp)), cands: p.cands, mention: -1, best: -1, anchor: -1, nested: nested, doubt: doubt[i]}
			t.dateline = hasDL && dl.Contains(p.sp)
			r.add(t)
		}
	}
	return end, true
}

// language reports whether the nationality word [k, e) names a language
// ("English classes", "in Spanish").
func (r *resolver) language(k, e int) bool {
	if e < len(r.d.Tokens) && r.isWord(e) && languageNext[r.lowerTok(e)] {
		return true
	}
	return k > 0 && r.isWord(k-1) && languageBefore[r.lowerTok(k-1)]
}

// demonymCands returns the places a nationality or residents' word (key,
// normalized) stands for: its country (package country) and the
// first-level divisions of the lexicon ("Texans", "Georgian").
func (r *resolver) demonymCands(key string) []int32 {
	var out []int32
	if c, ok := country.ByDemonym(key); ok {
		if i, ok := r.g.Country(c.Alpha2); ok {
			out = append(out, int32(i))
		}
	}
	if v, ok := divisionDemonyms[key]; ok {
		cc, a1, _ := strings.Cut(v, "-")
		if i, ok := r.g.Adm1(cc, a1); ok {
			out = append(out, int32(i))
		}
	}
	return out
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
		switch r.g.Feature(int(c)) { // the feature byte alone, not the decoded place
		case gazetteer.FeatCountry, gazetteer.FeatAdm1:
			return true
		}
	}
	return false
}

// Doubts about a recognized name: it may be an ordinary word or a
// person's name rather than a place. A doubtful toponym is kept only with
// evidence (accept): doubtCap, a common word where capitals say nothing
// (at the start of a sentence, "Salt prices rose") or a word the story uses
// as a person's name ("Clinton said"), needs a cue next to it — a
// locative preposition ("in Jackson"), a division after it ("Hope,
// Ark."), a designator; doubtKind, a proper noun that may not be a place
// (a common word in mid-sentence, "as far as Eaton"; a name the entities
// stage tagged as a person), needs that or the story's support: a reading
// in a division the story names, or near a place it names.
const (
	doubtNone uint8 = iota
	doubtKind
	doubtWord // a common word in mid-sentence: a hint or the story's support, not a preposition alone ("in a Box")
	doubtCap
)

// plausible filters gazetteer matches that are more likely ordinary words
// or people's names: it reports false for those that are never places
// here, and how doubtful the others are.
func (r *resolver) plausible(k, e int, s document.Sentence, initial bool, key string, cands []int32, person map[string]bool) (uint8, bool) {
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
		return 0, false
	}
	// Dotted abbreviations ("U.N.", "E.U.") are places only when they
	// name a country or division ("U.S.", "Ky.").
	if !strings.Contains(key, " ") && strings.Contains(r.d.Text[r.d.Tokens[k].Start:r.d.Tokens[e-1].End], ".") && !r.major(cands) {
		return 0, false
	}
	doubt := doubtNone
	for i := k; i < e && !strong; i++ {
		if r.personTok[i] || r.orgTok[i] {
			// A town's name the entities stage reads as a person's or an
			// organisation's; not a country, division or capital standing
			// for its government ("Moscow said").
			doubt = doubtKind
		}
	}
	if e-k == 1 {
		w, lw := r.tokText(k), r.lowerTok(k)
		if generic[lw] {
			return 0, false
		}
		if person[key] && !strong {
			doubt = doubtCap
		}
		if k > s.FirstToken {
			pw := strings.TrimSuffix(r.lowerTok(k-1), ".")
			if titles[pw] {
				return 0, false
			}
		}
		if e < s.EndToken && speech[r.lowerTok(e)] && !strong && maxPop < 1e6 {
			doubt = doubtCap // "Clinton said"; not "crews from Bend and Redmond said"
		}
		if calendar[lw] || seasons[lw] && e < s.EndToken && r.d.Tokens[e].Kind == document.Number {
			return 0, false // "Friday", "Spring 2002"
		}
		if common(lw) && !strong && (initial || maxPop < 1e6) {
			if initial {
				doubt = doubtCap
			} else if doubt < doubtWord {
				doubt = doubtWord
			}
		}
		if utf8.RuneCountInString(w) <= 2 && !strings.Contains(w, ".") && !isAllUpper(w) {
			return 0, false
		}
		if isAllUpper(w) && utf8.RuneCountInString(w) <= 3 && !strong && maxPop < 1e6 {
			return 0, false // acronyms
		}
	}
	return doubt, true
}

func isAllUpper(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) && !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

func sortTops(ts []toponym) {
	slices.SortStableFunc(ts, func(a, b toponym) int { return a.span.Start - b.span.Start })
}

// hints reads the local patterns around each toponym: "X, Y" where Y is a
// division or country containing a reading of X; designators after a
// name ("Anbar province") or before it ("the state of X", "city of X").
func (r *resolver) hints() {
	d := r.d
	r.lists()
	r.pairs()
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
			if len(r.g.Lookup(d.Slice(nsp))) > 0 {
				return nsp, true
			}
		}
	}
	return sp, false
}

// locativeCue reports whether the text around span sp marks it as a place:
// a locative preposition or "village of" before it, a designator or
// feature noun after it ("X province", "the X river"), or a list of places
// it belongs to ("Oslo, X").
func (r *resolver) locativeCue(sp document.Span) bool { return r.cueStrength(sp) > cueNone }

// Strengths of a locative cue: a weak one is a preposition people take as
// readily as places ("to X", "from X").
const (
	cueNone = iota
	cueWeak
	cueStrong
)

// cueStrength returns the strength of the locative cue around span sp (see
// locativeCue).
func (r *resolver) cueStrength(sp document.Span) int {
	d := r.d
	a := d.TokenAt(sp.Start)
	e := d.TokenAt(sp.End)
	if e < len(d.Tokens) && r.isWord(e) {
		w := r.lowerTok(e)
		if _, ok := designators[w]; ok || featureNouns[w] {
			return cueStrong
		}
	}
	if a == 0 {
		return cueNone
	}
	p := a - 1
	pw := r.lowerTok(p)
	if p > 0 && (pw == "the" || pw == "a") {
		p--
		pw = r.lowerTok(p)
	}
	// "in nearby Chino Valley", "in east Amarillo", "in rural Kansas".
	if p > 0 && placeMods[r.tokText(p)] {
		p--
		pw = r.lowerTok(p)
	}
	if locatives[pw] {
		switch {
		case pw == "to" && p > 0 && notLocative[r.lowerTok(p-1)]:
			return cueNone // "according to X", "thanks to X", "due to X"
		case weakLocatives[pw]:
			return cueWeak
		}
		return cueStrong
	}
	if pw == "of" && p > 0 && placeNouns[r.lowerTok(p-1)] {
		return cueStrong
	}
	if placeNouns[pw] {
		return cueStrong // "the town X", "Nairobi suburb X"
	}
	if pw == "," || pw == "and" {
		// In a list right after a known place.
		for end := d.Tokens[p].Start - 2; end <= d.Tokens[p].Start; end++ {
			if i, ok := r.endAt[end]; ok && len(r.tops[i].cands) > 0 {
				return cueStrong
			}
		}
	}
	return cueNone
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

// pairs links two places named together outside a longer list ("from
// Billings to Bozeman", "Gordon and Dalton", "between
// Alexandria and Pineville"): they are read alike (score: same division).
func (r *resolver) pairs() {
	d := r.d
	joined := func(a, b int) bool {
		return a >= 0 && b < len(r.tops) && r.tops[b].span.Start >= r.tops[a].span.End && listSep(d.Text[r.tops[a].span.End:r.tops[b].span.Start])
	}
	for k := 0; k+1 < len(r.tops); k++ {
		t, y := &r.tops[k], &r.tops[k+1]
		if t.demonym || y.demonym || t.street || y.street || y.span.Start < t.span.End {
			continue
		}
		gap := strings.TrimSpace(d.Text[t.span.End:y.span.Start])
		pair := false
		switch gap {
		case "and", "or":
			pair = !joined(k-1, k) && !joined(k+1, k+2)
		case "to", "and on to":
			i := d.TokenAt(t.span.Start)
			pair = i > 0 && strings.EqualFold(r.tokText(i-1), "from")
		}
		if pair {
			t.pair, y.pair = k+2, k+1
		}
	}
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

// townCands reports whether the candidates of a gazetteer name include a
// town or county reading.
func (r *resolver) townCands(cands []int32) bool {
	for _, c := range cands {
		switch r.g.Feature(int(c)) {
		case gazetteer.FeatCity, gazetteer.FeatAdm2:
			return true
		}
	}
	return false
}

// divisionAfter reports whether span sp is followed by a comma and a
// first-level division or country ("Hays, Kan.", "Bluffton, Indiana").
func (r *resolver) divisionAfter(sp document.Span) bool {
	d := r.d
	i := d.TokenAt(sp.End)
	if i+1 >= len(d.Tokens) || r.tokText(i) != "," || !isCap(r.tokText(i+1)) {
		return false
	}
	for e := i + 2; e <= len(d.Tokens) && e <= i+4; e++ {
		for _, c := range r.g.Lookup(d.Text[d.Tokens[i+1].Start:d.Tokens[e-1].End]) {
			switch r.g.Feature(int(c)) {
			case gazetteer.FeatAdm1, gazetteer.FeatCountry:
				return true
			}
		}
	}
	return false
}

// orgAfter reports whether span sp is followed by a capitalized word of an
// organisation's name ("Goshen" of "Goshen Fire Department").
func (r *resolver) orgAfter(sp document.Span) bool {
	d := r.d
	i := d.TokenAt(sp.End)
	if i >= len(d.Tokens) || d.Tokens[i].Start != sp.End+1 || !r.isWord(i) || !isCap(r.tokText(i)) {
		return false
	}
	return orgWords[strings.TrimSuffix(r.lowerTok(i), ".")]
}

// plausibleSpan is plausible for a part of one token ("Augusta" of
// "Augusta-Richmond"): a short, lower-case, common or all-capitals part is
// not taken, a small town's is doubtful.
func (r *resolver) plausibleSpan(sp document.Span, cands []int32) (uint8, bool) {
	w := r.d.Slice(sp)
	if utf8.RuneCountInString(w) <= 3 || isAllUpper(w) || !isCap(w) || generic[strings.ToLower(w)] {
		return 0, false
	}
	if stripArticle(strings.ToLower(w)+" ") != strings.ToLower(w)+" " {
		return 0, false // an Arabic article
	}
	if common(strings.ToLower(w)) {
		return doubtKind, true
	}
	if !r.major(cands) {
		return doubtKind, true
	}
	return doubtNone, true
}
