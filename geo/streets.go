package geo

import (
	"strings"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
)

// Streets and roads ("Washington Street", "Rainier Ave.", "Interstate
// 70", "State Road 37", "U.S. 31") are toponyms of their own: a name that
// is also a place ("Washington", "Paris" of "Paris Pike") is then the
// street, not the place. The gazetteer has no streets, so a street takes
// the point of the town the story puts it in (placeStreets).

// streets finds the street and road names of d and adds them as toponyms.
// It runs before the other recognizers, which then leave its spans alone.
func (r *resolver) streets(claim func(document.Span) bool, blocked []bool) {
	d := r.d
	for _, s := range d.Sentences {
		for i := s.FirstToken; i < s.EndToken; i++ {
			if !r.isWord(i) || !isCap(r.tokText(i)) {
				continue
			}
			if e, ok := r.route(i, s.EndToken); ok {
				sp := document.Span{Start: d.Tokens[i].Start, End: d.Tokens[e-1].End}
				if claim(sp) {
					r.add(toponym{span: sp, key: country.Normalize(d.Slice(sp)), street: true, mention: -1, best: -1, anchor: -1})
				}
				i = e - 1
				continue
			}
			if !streetWords[r.lowerTok(i)] || i == s.FirstToken {
				continue
			}
			// A capitalized word right after the street word makes it part
			// of a longer name ("Wall Street Journal", "Main Street Bank").
			if i+1 < s.EndToken && r.isWord(i+1) && isCap(r.tokText(i+1)) {
				continue
			}
			// The name words before it: capitalized words and ordinals
			// ("Rainier", "Third", "5th", "O"), at most four.
			a := i
			for a > s.FirstToken && i-a < 4 && r.nameWord(a-1) {
				a--
			}
			for a < i && (openers[r.lowerTok(a)] || titles[strings.TrimSuffix(r.lowerTok(a), ".")]) {
				a++ // "The Highway", "On Main Street": not name words
			}
			if a == i || blocked[i] {
				continue // no name, or a person's ("David Pike")
			}
			sp := document.Span{Start: d.Tokens[a].Start, End: d.Tokens[i].End}
			if r.landmark(sp) {
				continue // "Wall Street", "Downing Street": the gazetteer's own
			}
			if claim(sp) {
				r.add(toponym{span: sp, key: country.Normalize(d.Slice(sp)), street: true, mention: -1, best: -1, anchor: -1})
			}
		}
	}
}

// nameWord reports whether token i may be part of a street's name: a
// capitalized word or an ordinal ("5th"), not a nationality word or a
// calendar word.
func (r *resolver) nameWord(i int) bool {
	w := r.tokText(i)
	lw := r.lowerTok(i)
	if r.d.Tokens[i].Kind == document.Word && isCap(w) {
		return !calendar[lw]
	}
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(lw, suf); ok && n != "" && strings.Trim(n, "0123456789") == "" {
			return true
		}
	}
	return false
}

// route returns the end of the numbered road that starts at token i
// ("Interstate 70", "I-70", "Route 9", "U.S. 31", "State Road 200",
// "County Road 12"), or false.
func (r *resolver) route(i, end int) (int, bool) {
	w := r.tokText(i)
	if n, ok := strings.CutPrefix(w, "I-"); ok && n != "" && strings.Trim(n, "0123456789") == "" {
		return i + 1, true
	}
	lw := r.lowerTok(i)
	if !routeStarts[lw] {
		return 0, false
	}
	j := i + 1
	for j < end && j-i < 4 && r.isWord(j) && isCap(r.tokText(j)) && routeWords[r.lowerTok(j)] {
		j++
	}
	if j >= end || r.d.Tokens[j].Kind != document.Number {
		return 0, false
	}
	num := r.tokText(j)
	if len(num) > 4 || strings.Trim(num, "0123456789") != "" {
		return 0, false
	}
	// A road needs a road word unless the first word is one ("State 12"
	// and "County 3" are not roads; "U.S. 2020" is a year).
	if j == i+1 && (lw == "state" || lw == "county" || lw == "farm") {
		return 0, false
	}
	if len(num) == 4 && (num[:2] == "19" || num[:2] == "20") {
		return 0, false
	}
	return j + 1, true
}

// placeStreets gives every street the place of the town it is in: the
// town the text attaches to it ("Main Street in Warsaw", "Warsaw's Main
// Street", "Court Street, Buffalo"), else the dateline's town (a local
// story's streets are in its town), else the nearest resolved town or
// county of its sentence (the one before it first), else the town the
// story names most.
func (r *resolver) placeStreets() {
	d := r.d
	town := func(j int) bool {
		if j < 0 || j >= len(r.tops) {
			return false
		}
		t := &r.tops[j]
		if t.street || t.demonym || t.drop || t.best < 0 || t.virtual && !t.dateline {
			return false
		}
		switch r.g.Feature(int(t.best)) {
		case gazetteer.FeatCity, gazetteer.FeatAdm2:
			return true
		}
		return false
	}
	dateline, main := int32(-1), int32(-1)
	count := map[int32]int{}
	n := 0
	for j := range r.tops {
		if !town(j) {
			continue
		}
		t := &r.tops[j]
		if t.dateline && dateline < 0 {
			dateline = t.best
		}
		count[t.best]++
		if count[t.best] > n {
			main, n = t.best, count[t.best]
		}
	}
	for i := range r.tops {
		t := &r.tops[i]
		if !t.street {
			continue
		}
		best := int32(-1)
		inText := func(j int) bool { return town(j) && !r.tops[j].virtual }
		switch {
		case inText(i+1) && attached(d.Text[t.span.End:r.tops[i+1].span.Start], " in ", ", ", " of "):
			best = r.tops[i+1].best
		case inText(i-1) && attached(d.Text[r.tops[i-1].span.End:t.span.Start], "'s ", "’s "):
			best = r.tops[i-1].best
		case dateline >= 0:
			best = dateline
		}
		si := d.SentenceAt(t.span.Start)
		for j := i - 1; j >= 0 && best < 0 && d.SentenceAt(r.tops[j].span.Start) == si; j-- {
			if inText(j) {
				best = r.tops[j].best
			}
		}
		for j := i + 1; j < len(r.tops) && best < 0 && !r.tops[j].virtual && d.SentenceAt(r.tops[j].span.Start) == si; j++ {
			if inText(j) {
				best = r.tops[j].best
			}
		}
		if best < 0 {
			best = main
		}
		t.best, t.conf = best, best >= 0
	}
}

// attached reports whether gap, the text between a street and a town, is
// one of forms.
func attached(gap string, forms ...string) bool {
	for _, f := range forms {
		if gap == f {
			return true
		}
	}
	return false
}

// landmark reports whether span sp names a landmark or region of the
// gazetteer.
func (r *resolver) landmark(sp document.Span) bool {
	for _, c := range r.g.Lookup(r.d.Slice(sp)) {
		switch r.g.Feature(int(c)) {
		case gazetteer.FeatLandmark, gazetteer.FeatRegion:
			return true
		}
	}
	return false
}
