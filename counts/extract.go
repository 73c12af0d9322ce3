package counts

import (
	"cmp"
	"context"
	"iter"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/country"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/codetext"
	"github.com/newsgraph/newsgraph/internal/keyfilter"
)

// sent is one sentence's view of the document's tokens, with lower-cased
// token texts.
type sent struct {
	d    *document.Document
	a, b int      // tokens [a, b)
	lw   []string // lower-case text of tokens a..b-1
	// prevEnd is the token after the previous figure kept in the sentence.
	prevEnd int
	// prevCat is the category of the previous figure kept in the sentence.
	prevCat string
	// si is the sentence's index; bs the document's quotes by sentence.
	si int
	bs bySentence
	// code holds the byte ranges of source code in the text (codetext.Mask).
	code [][2]int
	// country is the ISO 3166-1 alpha-3 code of the country the sentence
	// is set in (Document.Setting), "" when unknown.
	country string
}

func (s *sent) low(k int) string {
	if k < s.a || k >= s.b {
		return ""
	}
	return s.lw[k-s.a]
}

func (s *sent) raw(k int) string {
	if k < s.a || k >= s.b {
		return ""
	}
	return s.d.TokenText(k)
}

func (s *sent) kind(k int) document.TokenKind {
	if k < s.a || k >= s.b {
		return document.Punct
	}
	return s.d.Tokens[k].Kind
}

func (s *sent) isWord(k int) bool { return k >= s.a && k < s.b && s.d.Tokens[k].Kind == document.Word }

func (s *sent) capitalized(k int) bool {
	r, _ := utf8.DecodeRuneInString(s.raw(k))
	return s.isWord(k) && unicode.IsUpper(r)
}

// figure is a number found in a sentence, before object and category.
type figure struct {
	start, numStart, end int // tokens: [start, end) with qualifier; numStart the first token of the number
	value, upper         float64
	hasUpper             bool
	percent, approx      bool
	qualifier, unit, cur string
	scaled, frac, one    bool
	wordNum, reject      bool
	age                  bool   // rejected as an age
	tally                bool   // the first number of a vote tally ("voted 71 to 48")
	objStep              string // the step that decided the counted object
}

// Extract appends to dst the counts found in d's sentences and returns it.
// d must have sentences and tokens; quotes, mentions and entities are used
// for attribution when present. Counts are in text order. Extract does not
// modify d and is safe for concurrent use on different documents.
func Extract(d *document.Document, dst []document.Count) []document.Count {
	return extract(context.Background(), d, dst, nil)
}

// extract is Extract; when steps is not nil it also appends, per count,
// the step that decided its object (see objectSteps). It stops (with the
// counts found so far) once ctx is done, checked every 64 sentences.
func extract(ctx context.Context, d *document.Document, dst []document.Count, steps *[]string) []document.Count {
	var lw []string
	bs := newBySentence(d)
	lower := d.LowerSlice(document.Span{Start: 0, End: len(d.Text)})
	code := codetext.Mask(d.Text)
	for si := range d.Sentences {
		if si&63 == 63 && ctx.Err() != nil {
			break
		}
		a, b := d.Sentences[si].FirstToken, d.Sentences[si].EndToken
		if a < 0 || b > len(d.Tokens) || a >= b {
			continue
		}
		lw = lw[:0]
		for k := a; k < b; k++ {
			lw = append(lw, lower[d.Tokens[k].Start:d.Tokens[k].End])
		}
		s := &sent{d: d, a: a, b: b, lw: lw, si: si, bs: bs, code: code, country: cmp.Or(d.SentenceSetting(si).Country, d.Setting.Dateline)}
		first := len(dst)
		var ends []int // object/after-window end token per count, for coordination
		var afterCat []bool
		lastAge := -100 // token after the last figure rejected as an age
		for k := a; k < b; {
			f := s.figureAt(k)
			if f.end <= k {
				k++
				continue
			}
			if f.reject {
				if f.age {
					lastAge = f.end
				}
				k = f.end
				continue
			}
			c, objEnd, fromAfter, st := s.build(&f)
			objStep := f.objStep
			k = f.end
			s.prevEnd = f.end
			if st == drop {
				continue
			}
			// Ellipsis: "wounding 8 villagers and killing at least 3" counts
			// villagers too; "took 41 seats, while its rival got 38".
			if c.Object == "" && !c.Percent && c.Currency == "" && c.Unit == "" {
				for p := len(dst) - 1; p >= first; p-- {
					pc := &dst[p]
					if s.subset(d.TokenAt(pc.Start)) {
						continue
					}
					if pc.Object != "" && !pc.Percent && pc.Currency == "" && pc.Unit == "" && d.TokenAt(c.Start)-ends[p-first] <= 12 && !s.anyIn(ends[p-first], d.TokenAt(c.Start), subordinators) {
						c.Object, c.ObjectSpan, c.ObjectHead = pc.Object, pc.ObjectSpan, pc.ObjectHead
						objStep = "elided: the previous figure's object"
					}
					break
				}
			}
			// "rose 4 percent this year after falling 2.1 percent".
			if c.Object == "" && (c.Percent || c.Currency != "") && len(dst) > first {
				pc := &dst[len(dst)-1]
				// A share of an amount: "a $90 million plan that is just
				// 30 percent paid for".
				sameKind := pc.Percent == c.Percent && (pc.Currency != "") == (c.Currency != "") || c.Percent && pc.Currency != ""
				if pc.Object != "" && sameKind && d.TokenAt(c.Start)-ends[len(ends)-1] <= 12 {
					c.Object, c.ObjectSpan, c.ObjectHead = pc.Object, pc.ObjectSpan, pc.ObjectHead
					objStep = "elided: the previous amount's object"
				}
			}
			if st == bare && (c.Object == "" || f.numStart-lastAge <= 5) {
				continue // "the elder aged 31, the younger 27"
			}
			// A subset ("15 passengers, including four infants") or a list
			// ("seized 37 bombs and 12 pistols") takes the category before it.
			if c.Category == "" && len(dst) > first && (s.subset(d.TokenAt(c.Start)) || s.onlyConj(ends[len(ends)-1], d.TokenAt(c.Start))) {
				c.Category = dst[len(dst)-1].Category
			}
			dst = append(dst, c)
			if steps != nil {
				if c.Object == "" {
					objStep = "no object"
				}
				*steps = append(*steps, objStep)
			}
			s.prevCat = c.Category
			ends = append(ends, objEnd)
			afterCat = append(afterCat, fromAfter)
		}
		// Coordination: "140 schools and 30 clinics were destroyed" gives the
		// first figure the second's category.
		for i := len(dst) - 2; i >= first; i-- {
			c, n := &dst[i], &dst[i+1]
			if c.Category == "" && n.Category != "" && afterCat[i+1-first] && s.onlyConj(ends[i-first], d.TokenAt(n.Start)) {
				c.Category = n.Category
			}
		}
		for i := first; i < len(dst); i++ {
			s.attribute(&dst[i])
		}
	}
	return dst
}

// subset reports whether the figure at token k names part of the one
// before it: "including four infants", "among them 12 children".
func (s *sent) subset(k int) bool {
	w, w2 := s.low(k-1), s.low(k-2)
	return w == "including" || w == "among" || w == "them" && (w2 == "among" || w2 == "including")
}

// onlyConj reports whether tokens [e, nt) are one or two of ",", "and",
// "or".
func (s *sent) onlyConj(e, nt int) bool {
	return (nt-e == 1 || nt-e == 2) && listJoints[s.low(e)] && (nt-e == 1 || listJoints[s.low(e+1)])
}

// Outcomes of build.
const (
	keep = iota
	bare // nothing counted, no category, no unit: kept only if an object is inherited
	drop
)

// currencyAt returns the ISO code of a currency sign or code starting at
// token k and the number of tokens it takes.
func (s *sent) currencyAt(k int) (string, int) {
	r := s.low(k)
	if c, ok := currencySymbols[r]; ok {
		return c, 1
	}
	if s.raw(k+1) == "$" && !s.d.Tokens[k+1].SpaceBefore && s.isWord(k) {
		if c, ok := currencySymbols[r+"$"]; ok {
			return c, 2
		}
	}
	if currencyCodes[s.raw(k)] && s.kind(k+1) == document.Number {
		return s.raw(k), 1
	}
	return "", 0
}

// figureAt parses a figure whose number starts at token k (after an
// optional currency sign). f.end <= k means there is none.
func (s *sent) figureAt(k int) figure {
	f := figure{start: k, numStart: k, end: k}
	switch s.kind(k) {
	case document.Punct:
		return f
	case document.Word:
		// One lookup rules out most words.
		if w := s.low(k); !figureStarts.Value(w) {
			if h := strings.IndexByte(w, '-'); h <= 0 || !figureStarts.Value(w[:h]) {
				return f
			}
		}
	}
	if c, n := s.currencyAt(k); n > 0 {
		f.cur, f.numStart = c, k+n
	}
	if !s.number(&f, f.numStart) {
		f.end = k
		return f
	}
	if !f.reject {
		s.after(&f)
	}
	if !f.reject {
		s.qualify(&f)
		s.exclude(&f)
	}
	return f
}

// number parses the number itself at token i into f, setting f.end.
func (s *sent) number(f *figure, i int) bool {
	switch s.kind(i) {
	case document.Number:
		return s.digits(f, i)
	case document.Word:
		return s.words(f, i)
	}
	return false
}

func (s *sent) digits(f *figure, i int) bool {
	t := s.raw(i)
	f.end = i + 1
	// A time or a date, or part of a phone number or an identifier.
	if strings.ContainsAny(t, ":/") || s.kind(i-1) == document.Number || s.raw(i-1) == "+" || s.raw(i-1) == "#" ||
		s.raw(i-1) == "/" && !s.d.Tokens[i].SpaceBefore {
		f.reject = true
		return true
	}
	if j := strings.IndexAny(t, "-–"); j > 0 {
		_, w := utf8.DecodeRuneInString(t[j:])
		left, right := t[:j], t[j+w:]
		lo, _, ok1 := parseDigits(left)
		hi, _, ok2 := parseDigits(right)
		if ok1 && ok2 && s.raw(i+1) == "/" && !s.d.Tokens[i+1].SpaceBefore && s.kind(i+2) == document.Number && !s.d.Tokens[i+2].SpaceBefore {
			// A mixed fraction: "2-1/2 pct", "9-13/16".
			den, _, ok3 := parseDigits(s.raw(i + 2))
			if !ok3 || den == 0 || hi >= den {
				f.reject, f.end = true, i+3
				return true
			}
			f.value, f.frac, f.end = lo+hi/den, true, i+3
			return true
		}
		if !ok1 || !ok2 || hi <= lo || (len(left) >= 3 && len(right) >= 4) || (len(left) == 4 && lo >= 1800 && lo <= 2100) || s.anyIn(i-3, i, scoreWords) || s.anyIn(i+1, i+4, scoreWords) {
			f.reject = true
			return true
		}
		f.value, f.upper, f.hasUpper = lo, hi, true
		s.scale(f)
		return true
	}
	v, frac, ok := parseDigits(t)
	if !ok {
		f.reject = true
		return true
	}
	if s.raw(i+1) == "/" && !s.d.Tokens[i+1].SpaceBefore && s.kind(i+2) == document.Number {
		f.reject, f.end = true, i+3 // a date or a fraction: "9/11", "3/4"
		return true
	}
	// "34 000": a group of three digits after a short group.
	if !strings.ContainsAny(t, ",.") && len(t) <= 3 {
		for s.kind(f.end) == document.Number && isDigits(s.raw(f.end)) && len(s.raw(f.end)) == 3 && s.d.Tokens[f.end].SpaceBefore {
			g, _, _ := parseDigits(s.raw(f.end))
			v = v*1000 + g
			f.end++
		}
	}
	if s.kind(f.end) == document.Number {
		f.reject = true // a run of numbers: phone, coordinates, a table
		return true
	}
	f.value, f.frac = v, frac
	s.scale(f)
	return true
}

// scale applies a scale word after a digit number: "1.2 million", "$1bn",
// "17m people".
func (s *sent) scale(f *figure) {
	w := s.low(f.end)
	sc, ok := scaleWords[w]
	if !ok && len(w) > 2 && w[len(w)-1] == '.' && w != "m." && w != "b." {
		sc, ok = scaleWords[w[:len(w)-1]] // "from 50 mln." at a sentence end
	}
	if !ok || w == "millions" || w == "billions" {
		return
	}
	// A letter is a scale only glued to the number, and without a currency
	// only before people or a figure noun: "200m titles" is a distance.
	if nx := s.low(f.end + 1); (w == "m" || w == "b" || w == "k") && (s.d.Tokens[f.end].SpaceBefore || f.cur == "" && !humanNouns[nx] && !millionNouns[nx]) {
		return
	}
	f.value *= sc
	f.upper *= sc // 0 when there is no upper bound
	f.scaled = true
	f.end++
}

// words parses number words, vague quantities and fractions at token i.
func (s *sent) words(f *figure, i int) bool {
	w := s.low(i)
	// "half a million", "several hundred", "a few thousand".
	if sc := vagueScale[s.low(i+2)]; w == "half" && (s.low(i+1) == "a" || s.low(i+1) == "an") && sc > 0 {
		f.value, f.end = sc/2, i+3
		return true
	}
	if j := i + 1; w == "several" || w == "a" && s.low(j) == "few" {
		if w == "a" {
			j++
		}
		if sc := vagueScale[s.low(j)]; sc > 0 {
			f.value, f.approx, f.end = 2*sc, true, j+1
			return true
		}
		return false
	}
	if base, ok := vagueBase[w]; ok {
		j := i + 1
		v := 2 * base
		if b2, ok := vagueBase[s.low(j+1)]; ok && s.low(j) == "of" && b2 > base && w != "dozens" && w != "scores" {
			v *= b2
			j += 2
		}
		if (w == "tens" || w == "scores") && j == i+1 || w == "scores" && s.low(j) != "of" {
			return false
		}
		if p := s.low(i - 1); j == i+1 && s.low(j) != "of" && (p == "the" || p == "by" || p == "in") {
			return false
		}
		f.value, f.approx, f.end = v, true, j
		return true
	}
	if _, small := smallWords[w]; !small && w != "a" && w != "an" && w != "half" && strings.IndexByte(w, '-') < 0 {
		return false
	}
	if fv, ok := fractionValue(w); ok && (w == "half" || strings.IndexByte(w, '-') > 0) {
		if fractionBlockers[s.low(i-1)] {
			return false // "the second half of a season"
		}
		if nx := s.low(i + 1); nx == "of" || (w == "half" && (nx == "the" || nx == "its" || nx == "their" || nx == "all")) {
			f.value, f.unit, f.end = fv, "fraction", i+1
			return true
		}
		return false
	}
	if (w == "a" || w == "one") && s.low(i+1) != "" {
		by := s.low(i-1) == "by" || s.low(i-2) == "by" && qualifiers1[s.low(i-1)]
		if fv, ok := fractionWords[s.low(i+1)]; ok && s.low(i+2) == "of" && (s.low(i+3) == "a" || s.low(i+3) == "an") && vagueScale[s.low(i+4)] > 0 {
			f.value, f.end = fv*vagueScale[s.low(i+4)], i+5 // "a quarter of a billion"
			return true
		}
		if fv, ok := fractionWords[s.low(i+1)]; ok && s.low(i+1) != "half" && (s.low(i+2) == "of" || by) {
			f.value, f.unit, f.end = fv, "fraction", i+2
			return true
		}
	}
	// Number words.
	n := 0
	for n < 8 && s.isWord(i+n) {
		n++
	}
	v, used := wordsValue(s.lw[i-s.a : i-s.a+n])
	if used == 0 || (used == 1 && (w == "a" || w == "an")) {
		return false
	}
	if s.low(i+used-1) == "and" {
		used--
	}
	if i > s.a && s.capitalized(i) && !quoteMarks[s.raw(i-1)] && s.kind(i-1) != document.Punct {
		f.reject, f.end = true, i+used // "the Group of Seven communique"
		return true
	}
	f.value, f.end, f.wordNum = v, i+used, true
	f.one = used == 1 && w == "one"
	if f.one && s.low(f.end) == "in" {
		return false // "one in ten"
	}
	if sc, ok := scaleWords[s.low(f.end)]; ok && (s.low(f.end) == "mln" || s.low(f.end) == "bn" || s.low(f.end) == "mn" || s.low(f.end) == "mln.") {
		f.value *= sc // "nine mln guilders"
		f.scaled = true
		f.end++
		f.one = false
	}
	return true
}

// after reads a range, percent, currency or unit after the number.
func (s *sent) after(f *figure) {
	j := f.end
	// Ranges: "10 to 15", "two or three", "between 10 and 15".
	conn := s.low(j)
	between := s.low(f.numStart-1) == "between" && conn == "and"
	if !f.hasUpper && !f.approx && f.unit == "" && (conn == "to" || conn == "-" || conn == "–" || conn == "or" || between) && s.low(f.numStart-1) != "from" {
		g := figure{start: j + 1, numStart: j + 1, end: j + 1}
		if c, n := s.currencyAt(j + 1); n > 0 && c == f.cur {
			g.numStart += n
		}
		ok := s.number(&g, g.numStart) && !g.reject && !g.approx && g.unit == ""
		nx := s.low(g.end)
		// after a change verb "X to Y" is a change and a level ("rose 10.5
		// to 1,234.5") unless a unit or scale follows Y ("rose five to 10
		// pct", "lost 2 to 3 billion dollars") and Y is at most three
		// times X ("fell 20 to 1,260 yen", "rose 200 mln to 11.9
		// billion" are levels): then it is a range
		if conn == "to" && changeVerbs[s.low(f.start-1)] && !copulas[s.low(f.start-1)] {
			fv := scaledLike(f, &g) // X in Y's scale: "2 to 3 billion"
			unitAfter := g.scaled && !f.scaled || percentWords[nx] || currencyWords[nx] != ""
			ok = ok && unitAfter && !f.scaled && fv > 0 && g.value <= 3*fv
		}
		if ok && conn == "to" && g.value < f.value && (s.low(f.start-1) == "voted" || s.low(f.start-1) == "vote") && s.kind(g.numStart) == document.Number && s.kind(f.numStart) == document.Number {
			f.tally = true // "voted 71 to 48": two counts of votes
			return
		}
		if ok && conn == "to" && g.value <= f.value && !g.frac && !f.frac && !yearLike(s.raw(f.numStart)) && !percentWords[nx] && !g.wordNum && !f.wordNum && s.kind(g.numStart) == document.Number && s.kind(f.numStart) == document.Number && !g.scaled {
			f.reject, f.end = true, g.end // a tally or score: "voted 195 to 106"
			return
		}
		if ok && g.value > f.value && (g.wordNum == f.wordNum || g.value < 100 && f.value < 100 || g.scaled || f.scaled) && !(yearLike(s.raw(f.numStart)) && (g.scaled || g.cur != "") && !f.scaled && f.cur == "") {
			f.value = scaledLike(f, &g)
			f.upper, f.hasUpper, f.end = g.value, true, g.end
			if between {
				f.qualifier = "between"
				f.start--
			}
			j = f.end
		}
	}
	w := s.low(j)
	switch {
	case s.raw(j) == "%" || w == "percent" || w == "pct" || w == "pct." || s.raw(j) == "pc":
		f.percent, f.unit, f.end = true, "percent", j+1
	case w == "per" && s.low(j+1) == "cent":
		f.percent, f.unit, f.end = true, "percent", j+2
	case w == "percentage" && s.low(j+1) == "points":
		f.percent, f.unit, f.end = true, "percentage points", j+2
	case subunits[w] != "" && f.cur == "" && !f.scaled:
		f.unit, f.cur, _ = strings.Cut(subunits[w], " ")
		f.end = j + 1
	case f.cur == "" && currencyWords[s.low(j+1)] != "" && (s.capitalized(j) || nationalCurrency[w] != "" && dollarWords[s.low(j+1)]):
		f.cur, f.end = s.localCurrency(currencyWords[s.low(j+1)], j), j+2 // "3.4bn Danish kroner"
		if c := nationalCurrency[w]; c != "" && dollarWords[s.low(j+1)] {
			f.cur = c // "5 mln Canadian dlrs", "us dollars"
		}
		if c := nationalPound[w]; c != "" && (s.low(j+1) == "pounds" || s.low(j+1) == "pound") {
			f.cur = c // "538,000 Irish pounds"
		}
	case currencyWords[w] != "" && f.cur == "":
		f.cur, f.end = s.localCurrency(currencyWords[w], -1), j+1
	case currencyCodes[s.raw(j)] && f.cur == "":
		f.cur, f.end = s.raw(j), j+1
	case w == "metric" && (s.low(j+1) == "tons" || s.low(j+1) == "tonnes"):
		f.unit, f.end = "tonnes", j+2
	case amountUnits[w] != "" && (w != "t" || !s.d.Tokens[j].SpaceBefore):
		f.unit, f.end = amountUnits[w], j+1
	case measureUnits[w] || timeUnits[w] || clockWords[w]:
		f.reject, f.end = true, j+1
	case w == "-" && (timeUnits[s.low(j+1)] || measureUnits[s.low(j+1)]):
		f.reject, f.end = true, j+2
	}
	if f.percent && f.unit == "percent" && s.low(f.end) == "points" {
		f.unit = "percentage points"
		f.end++
	}
}

// scaledLike returns the value of f, the lower bound of a range, in the
// scale of its upper bound g when only g has a scale word ("2 to 3
// billion": 2 billion).
func scaledLike(f, g *figure) float64 {
	if g.scaled && !f.scaled && f.value < 1000 {
		for _, sc := range []float64{1e12, 1e9, 1e6, 1e3} {
			if g.value >= sc {
				return f.value * sc
			}
		}
	}
	return f.value
}

// localCurrency returns the code a currency word with default code code
// has where the figure is set (data/words.txt [localCurrency]): in the
// country its adjective at token adj names ("Belgian francs"; adj -1 when
// none), else in the sentence's setting country or the dateline's
// ("francs" in a story from Paris → FRF, from Geneva → CHF), else code.
func (s *sent) localCurrency(code string, adj int) string {
	cc := ""
	if adj >= 0 {
		if c, ok := country.ByDemonym(s.raw(adj)); ok {
			cc = c.Alpha2
		} else if c, ok := country.Lookup(s.raw(adj)); ok {
			cc = c.Alpha2
		}
	} else if c, ok := country.ByAlpha3(s.country); ok {
		cc = c.Alpha2 // the setting holds alpha-3 codes
	}
	return cmp.Or(localCurrency[code+" "+cc], code) // no key ends in a space: cc "" keeps code
}

// qualify reads a qualifier before the figure.
func (s *sent) qualify(f *figure) {
	if f.qualifier != "" {
		return
	}
	k := f.start
	w1, w2, w3 := s.low(k-1), s.low(k-2), s.low(k-3)
	if !qualifierEnd[w1] {
		return // most figures: no qualifier to build keys for
	}
	switch {
	case k-3 >= s.a && qualifiers3[w3+" "+w2+" "+w1]:
		f.qualifier, f.start = w3+" "+w2+" "+w1, k-3
	case k-2 >= s.a && qualifiers2[w2+" "+w1]:
		f.qualifier, f.start = w2+" "+w1, k-2
	case k-2 >= s.a && (w2+" "+w1 == "no fewer" || w2+" "+w1 == "no more") && s.low(k) == "than":
	case k-1 >= s.a && qualifiers1[w1]:
		// "took over 40" is fine, "flew over 40" too: keep the qualifier
		// unless the word before is a noun phrase ending ("children under 5").
		if (w1 == "over" || w1 == "under" || w1 == "above" || w1 == "below") && s.kind(k-2) == document.Word && !stopObject[w2] && wordCategory(w2) == "" && s.low(k-2) != "" && (humanNouns[w2] || plainPlurals[w2]) {
			return
		}
		f.qualifier, f.start = w1, k-1
	}
	if f.qualifier != "" {
		f.qualifier = strings.ToLower(s.d.Text[s.d.Tokens[f.start].Start:s.d.Tokens[f.start+len(strings.Fields(f.qualifier))-1].End])
		f.approx = f.approx || approxQualifiers[f.qualifier]
	}
}

// qualifierEnd holds the last word of every qualifier.
var qualifierEnd = func() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{qualifiers1, qualifiers2, qualifiers3} {
		for q := range set {
			m[q[strings.LastIndexByte(q, ' ')+1:]] = true
		}
	}
	return m
}()

// exclude rejects years, dates, ages, labels and addresses: the first
// rule that holds rejects the figure.
func (s *sent) exclude(f *figure) {
	n := f.numStart
	prev, prev2, next := s.low(n-1), s.low(n-2), s.low(f.end)
	bare := f.cur == "" && !f.percent && f.unit == ""
	small := bare && f.value == float64(int64(f.value)) && f.value <= 120
	year := bare && s.kind(n) == document.Number && !f.scaled && yearLike(s.raw(n))
	prepQ := f.qualifier == "under" || f.qualifier == "below" || f.qualifier == "above" // "under 1985 rules"
	switch {
	// Code: a value assigned or compared ("killed = 0", "n += 12") or on a
	// line of source code is no claim.
	case prev == "=" || next == "=" || codetext.In(s.code, s.d.Tokens[n].Start):
	// Dates: a month name on either side.
	case months[prev] || months[next] || next == "," && months[s.low(f.end+1)] || prev == "of" && months[prev2]:
	// Ages: "aged 33", "the ages of 5 and 12", "my daughter who is 14", "she was 17 when".
	case prev == "aged" || prev == "age" || prev == "ages" || prev == "of" && (prev2 == "age" || prev2 == "ages") ||
		f.start == n && (prev == "is" || prev == "was" || prev == "turned" || prev == "turns") && (prev2 == "who" || prev2 == "she" || prev2 == "he") && f.value <= 120 && !s.isWord(f.end):
		f.age = true
	// Ratios: "one in ten", "1 in 5".
	case prev == "in" && (prev2 == "one" || prev2 == "1"):
	// Codes glued to letters: "3G", "4x4".
	case s.isWord(f.end) && !s.d.Tokens[f.end].SpaceBefore && s.kind(f.numStart) == document.Number:
	// Labels and identifiers: "Article 23", "Boeing 737", "No. 10".
	case labelWords[prev] && f.start == n:
	case f.start == n && n-1 > s.a && s.capitalized(n-1) && !qualifiers1[prev] && !stopObject[prev] && f.cur == "" && !f.percent:
	// An age limit: "children under 5".
	case small && ageBounds[prev] && youngNouns[prev2]:
		f.age = true
	// An age in apposition or brackets: "Ahmed Ali, 33,", "(33)", "a
	// 12-year-old", "12 years old".
	case small && f.qualifier == "" && !f.hasUpper && (prev == "," && s.capitalized(n-2) && (ageEnds[next] || next == "") || prev == "(" && next == ")" ||
		next == "-" && (s.low(f.end+1) == "year-old" || s.low(f.end+1) == "year") || next == "years" && s.low(f.end+1) == "old"):
	// Years: a bare four-digit number from 1000 to 2100.
	case year && (f.hasUpper || datePreps[s.low(f.start-1)] || !(humanNouns[next] || f.qualifier != "" && !prepQ && isPluralNoun(s, f.end))):
	// Addresses: "10 Downing Street".
	case s.capitalized(f.end) && s.anyIn(f.end+1, f.end+4, streetWords):
	// Decimals need a unit, a scale, a percent or a currency.
	case f.frac && !f.scaled && bare:
	default:
		return
	}
	f.reject = true
}

// anyIn reports whether one of the tokens [a, b) of the sentence is in set.
func (s *sent) anyIn(a, b int, set map[string]bool) bool {
	for k := a; k < b; k++ {
		if set[s.low(k)] {
			return true
		}
	}
	return false
}

// isPluralNoun reports whether token k looks like a plural noun.
func isPluralNoun(s *sent, k int) bool {
	w := s.low(k)
	return s.isWord(k) && !stopObject[w] && (humanNouns[w] || plainPlurals[w] || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"))
}

// yearLike reports whether t is four digits from 1000 to 2100.
func yearLike(t string) bool {
	return len(t) == 4 && isDigits(t) && t >= "1000" && t <= "2100"
}

// pluralSoon reports whether one of the three words from k is a plural
// noun, with only words between.
func (s *sent) pluralSoon(k int) bool {
	for n := 0; n < 3 && s.isWord(k+n) && !stopObject[s.low(k+n)]; n++ {
		if pluralHead(s.low(k + n)) {
			return true
		}
	}
	return false
}

// pluralHead reports whether w is a plural noun that ends a noun phrase;
// mass nouns that modify ("water wells", "aid trucks") are not.
func pluralHead(w string) bool {
	return pluralHeads[w] || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// build turns a figure into a Count: object, category, then the filters
// that need them. It returns the count, the token where the object or
// figure ends, whether the category came from after the phrase, and ok.
func (s *sent) build(f *figure) (document.Count, int, bool, int) {
	d := s.d
	c := document.Count{
		Span:         document.Span{Start: d.Tokens[f.start].Start, End: d.Tokens[f.end-1].End},
		Value:        f.value,
		Percent:      f.percent,
		Approx:       f.approx,
		Qualifier:    f.qualifier,
		Unit:         f.unit,
		Currency:     f.cur,
		AttributedTo: -1,
		Location:     -1,
	}
	if t := d.TokenText(f.end - 1); len(t) > 1 && t[len(t)-1] == '.' {
		c.End-- // "12 pct." at a sentence end: the period is not the figure's
	}
	if f.hasUpper {
		u := f.upper
		c.Upper = &u
	}
	objA, objB, head := s.object(f)
	f.objStep = "noun phrase after the figure"
	if head < 0 {
		if a, h, step := s.contextObject(f); h >= 0 {
			objA, objB, head = a, h+1, h
			f.objStep = step
		}
	}
	if head >= 0 {
		c.ObjectSpan = document.Span{Start: d.Tokens[objA].Start, End: d.Tokens[objB-1].End}
		c.ObjectHead = d.Tokens[head].Span
		c.Object = s.objectText(objA, head)
	} else if f.tally {
		// The votes are not named: the object is "votes" and its span the
		// verb that casts them.
		c.ObjectSpan = document.Span{Start: d.Tokens[f.start-1].Start, End: d.Tokens[f.start-1].End}
		c.ObjectHead = c.ObjectSpan
		c.Object = "votes"
		f.objStep = "vote tally"
	}
	end := f.end
	if head >= 0 && objB > end {
		end = objB
	}
	cat, fromAfter := s.category(f, end, objA, head)
	c.Category = cat
	// Bare figures with nothing counted, no category and no unit are not
	// claims ("the 12 were", "rose to 140" with no subject).
	if c.Object == "" && cat == "" && !f.percent && f.cur == "" && f.unit == "" && !f.approx {
		if f.one || f.wordNum && f.value <= 10 {
			return c, end, false, drop
		}
		return c, end, false, bare
	}
	// "One" needs a counted noun and a category, and is a determiner
	// before a singular noun that speaks: "one shopkeeper who stayed, said".
	if f.one && (c.Object == "" || cat == "" || !pluralHead(s.low(head)) && (s.low(objB) == "who" || saying[s.low(objB)] || saying[s.low(f.start-1)])) {
		return c, end, false, drop
	}
	// A small number word after a determiner ("the two"), a period ("12
	// months").
	if f.wordNum && f.value <= 10 && f.qualifier == "" && (cat == "" || s.low(f.start-1) == "the") && smallDeterminers[s.low(f.start-1)] ||
		head >= 0 && timeUnits[s.low(head)] {
		return c, end, false, drop
	}
	return c, end, fromAfter, keep
}

// object finds the counted noun phrase after the figure: its token range and
// the head token, or head -1.
func (s *sent) object(f *figure) (int, int, int) {
	k := f.end
	if quoteMarks[s.raw(k)] && s.low(k+1) == "of" {
		k++ // killed "hundreds" of fighters
	}
	changeIn := false
	if f.percent && changeNouns[s.low(k)] && (s.low(k+1) == "in" || s.low(k+1) == "of") {
		k++ // "a 12 percent rise in the bus fare"
		changeIn = s.low(k) == "in"
	}
	prepPhrase := false
	if f.cur != "" && (s.low(k) == "in" || s.low(k) == "worth" || s.low(k) == "for" || s.low(k) == "on" && s.anyIn(f.start-4, f.start, spendVerbs)) {
		if w := s.low(k + 1); timeUnits[w] || periodWords[w] || s.capitalized(k+1) {
			return k, k, -1 // "4,498,000 dlrs in quarter", "3.55 dlrs for Minneapolis"
		}
		// "for the stadium", but "in the crash" and "for the six months
		// ended" say when
		prepPhrase = s.low(k) != "in"
		for n := k + 1; prepPhrase && n < k+6 && s.isWord(n); n++ {
			if timeUnits[s.low(n)] || periodWords[s.low(n)] {
				return k, k, -1
			}
		}
		k++
		if s.low(k) == "of" {
			k++
		}
	}
	ofPhrase := f.unit == "fraction" || prepPhrase // "half the population"
	if changeIn {
		k++
		ofPhrase = true
	}
	if s.low(k) == "of" {
		k++
		ofPhrase = true
	}
	det := false // a determiner followed "of": "28 of the world's largest firms"
	for iter := 0; iter < 3; iter++ {
		if ofPhrase {
			for ; ofDeterminers[s.low(k)]; k++ {
				det = det || s.low(k) == "the"
			}
			if s.kind(k) == document.Number {
				k++
				// "90 pct of the 16,000 billion yen in bills": the scale and
				// the currency belong to the inner figure.
				if scaleWords[s.low(k)] != 0 {
					k++
				}
				if currencyWords[s.low(k)] != "" {
					k++
					if s.low(k) == "in" || s.low(k) == "of" {
						k++
					}
				}
			}
		}
		if nx := s.low(k + 1); quantityWords[s.low(k)] && s.isWord(k+1) && !stopObject[nx] && !adjectives[nx] {
			k++
		}
		a := k
		head := -1
		for n := 0; n < 5 && s.isWord(k); n++ {
			if n == 0 && ofPhrase && acronym(s.raw(k)) && (!s.isWord(k+1) || stopObject[s.low(k+1)]) {
				return k, k + 1, k // "3.4 pct of GDP"
			}
			if s.capitalized(k) && k > s.a && (f.percent || f.unit == "fraction" || f.cur != "" || det) && (s.raw(k+1) == "'s" || s.raw(k+1) == "’s" || possessiveMark(s.raw(k+1)) && !s.d.Tokens[k+1].SpaceBefore && s.isWord(k+2) && strings.HasSuffix(s.low(k), "s")) {
				head = k // a possessor: "of the Philippines' yearly budget"
				k++
				break
			}
			if n == 0 && s.capitalized(k) && k > s.a {
				// "11 million Sudanese", "millions of South Africans".
				e := k
				for e < k+3 && s.capitalized(e) {
					e++
				}
				if demonymPlural(s.low(e-1)) && !(possessiveMark(s.raw(e)) && s.isWord(e+1)) && s.low(e) != "'s" && s.low(e) != "’s" && !(s.isWord(e) && !stopObject[s.low(e)] && !s.capitalized(e)) && !s.capitalized(e) {
					return k, e, e - 1
				}
			}
			if head >= 0 && s.low(head) == "police" && s.isWord(k) && !stopObject[s.low(k)] && pluralHead(s.low(k)) {
				head = k // "12 police officers"
				k++
				continue
			}
			if head >= 0 && pluralHead(s.low(head)) && s.low(head) != "arms" && s.low(head) != "goods" && s.low(head) != "sports" && s.low(head) != "news" {
				break // a plural noun ends the phrase: "140 people killed"
			}
			w := s.low(k)
			if _, num := wordValue(w); num && head >= 0 && (!s.isWord(k+1) || stopObject[s.low(k+1)]) {
				break // "restricted stock two to three years"
			}
			if stopObject[w] || timeUnits[w] && n == 0 || strings.Contains(w, "-on-") || strings.HasPrefix(w, "year-") || strings.HasPrefix(w, "month-") || strings.HasPrefix(w, "week-") {
				break
			}
			if s.capitalized(k) && k > s.a {
				nationality := slices.ContainsFunc(nationalitySuffixes, func(suf string) bool {
					return strings.HasSuffix(w, suf) || strings.HasSuffix(w, suf+"s")
				})
				if !(s.isWord(k+1) && !s.capitalized(k+1) && !stopObject[s.low(k+1)] && (nationality || s.pluralSoon(k+1))) && !(nationality && strings.HasSuffix(w, "s")) {
					break
				}
				if !(s.isWord(k+1) && !s.capitalized(k+1) && !stopObject[s.low(k+1)]) {
					head = k
					k++
					break
				}
			}
			if len(w) > 4 && strings.HasSuffix(w, "ly") && !nounLy[w] {
				if nx := s.low(k + 1); head < 0 && s.isWord(k+1) && !stopObject[nx] && !participle(nx) && !strings.HasSuffix(nx, "ly") {
					k++ // "the Philippines' yearly budget"
					continue
				}
				break
			}
			if n == 0 && det && nominalAdjectives[w] && (!s.isWord(k+1) || stopObject[s.low(k+1)]) {
				return k, k + 1, k // "a quarter of the injured"
			}
			if participle(w) {
				if s.isWord(k+1) && !stopObject[s.low(k+1)] && !participle(s.low(k+1)) && !s.capitalized(k+1) {
					k++
					continue
				}
				break
			}
			head = k
			k++
		}
		if head < 0 {
			return a, a, -1
		}
		// "the country's electricity grid": the possessor is not the head.
		if (s.raw(k) == "'s" || s.raw(k) == "’s" || (s.raw(k) == "'" || s.raw(k) == "’") && !s.d.Tokens[k].SpaceBefore && strings.HasSuffix(s.low(k-1), "s") && s.isWord(k+1)) && iter < 2 && (f.percent || f.unit == "fraction" || f.cur != "" || det || s.kind(k+1) == document.Number) {
			k++
			ofPhrase = false
			if s.kind(k) == document.Number {
				k++
			}
			continue
		}
		if adjectives[s.low(head)] && head == a {
			return a, a, -1
		}
		return a, head + 1, head
	}
	return k, k, -1
}

// participle reports whether w looks like a verb form: "-ed" or "-ing"
// words that are not common nouns.
func participle(w string) bool {
	return !nounEdIng[w] && (strings.HasSuffix(w, "ed") && len(w) > 4 || strings.HasSuffix(w, "ing") && len(w) > 5)
}

// objectText is the counted noun phrase from its first modifier to its
// head, lower case, as written: "primary schools", "displaced people",
// "electricity grid".
func (s *sent) objectText(a, head int) string {
	t := s.d.Tokens
	var b strings.Builder
	for k := a; k <= head; k++ {
		if k > a && t[k].SpaceBefore {
			b.WriteByte(' ')
		}
		b.WriteString(s.low(k))
	}
	return b.String()
}

// category finds the category of a figure; end is the token after the
// object (or the figure when there is none).
func (s *sent) category(f *figure, end, objA, head int) (string, bool) {
	human := head >= 0 && (humanNouns[s.low(head)] || plainPlurals[s.low(head)] && (s.low(head) == "people" || s.low(head) == "children" || s.low(head) == "women" || s.low(head) == "men" || s.low(head) == "police" || s.low(head) == "staff" || s.low(head) == "crew"))
	fix := func(c string) string {
		switch {
		case c == Seize && human:
			return Kidnap
		case (c == Destroy || c == Damage) && human:
			return ""
		case c == Aid && human && s.low(head) != "workers":
			return ""
		case c == Protest && !human && head >= 0 && !f.approx:
			return ""
		case f.cur != "" && c != Aid && c != Seize && c != Damage && c != Destroy:
			return "" // money is aid, a seizure or a loss, not people affected
		}
		return c
	}
	// A subset: "90 workers were hurt, 12 of them badly".
	if w := s.low(f.end + 1); s.low(f.end) == "of" && (w == "them" || w == "those" || w == "whom") && s.prevCat != "" {
		return s.prevCat, false
	}
	// After the phrase, to the end of the clause. A trigger past a
	// conjunction ("robbed two tellers and then fled the town") yields
	// to one right before the figure.
	late, crossed := "", false
	for k, n := end, 0; k < s.b && n < 8; k, n = k+1, n+1 {
		w := s.low(k)
		if w == "and" || w == "or" || w == "but" || w == "while" {
			crossed = true
		}
		if w == "," && (s.low(k+1) == "including" || s.low(k+1) == "among" || s.low(k+1) == "mostly" || s.low(k+1) == "most" || s.low(k+1) == "aged" || s.low(k+1) == "all" || s.low(k+1) == "both") {
			e := k + 1
			for e < s.b && s.low(e) != "," && s.low(e) != "." && s.low(e) != ";" {
				e++
			}
			if s.low(e) == "," {
				k = e
				continue
			}
		}
		if s.kind(k) == document.Punct && w != "-" && w != "'" && w != "’" || s.kind(k) == document.Number || saying[w] || vagueBase[w] != 0 ||
			(w == "and" || w == "but" || w == "while" || w == "or" || w == "as" || w == "when") && s.numberSoon(k+1) {
			break // the clause ends, or a conjunction leads to another figure
		}
		c := s.phraseTrigger(k)
		if c == "" && (!weakAfter[w] || s.low(k-1) == "of" || s.low(k-2) == "of") {
			c = wordCategory(w)
		}
		if c == "" && f.cur != "" && moneyAid[w] {
			c = Aid
		}
		if c = fix(c); c != "" {
			if !crossed {
				return c, true
			}
			late = c
			break
		}
	}
	// Before the figure, back to the start of the clause; past one "and"
	// when nothing came after: "wounded a driver and three other men".
	passed := false
	for k, n := f.start-1, 0; k >= s.a && k >= s.prevEnd && n < 12; k, n = k-1, n+1 {
		w := s.low(k)
		if (w == "and" || w == "or") && !passed && late == "" && k == f.start-1 && s.isWord(k-1) && wordCategory(s.low(k-1)) == "" {
			passed = true // only right before the figure, after a noun phrase
			continue
		}
		if quoteMarks[s.raw(k)] {
			continue // killed "hundreds" of fighters
		}
		if s.kind(k) == document.Punct && w != "-" || saying[w] || w == "and" || w == "or" || w == "but" {
			break
		}
		if f.cur != "" && moneyAid[w] {
			return Aid, false
		}
		if c := fix(s.phraseTrigger(k)); c != "" {
			return c, false
		}
		if c := fix(wordCategory(w)); c != "" && !(w == "aid" && s.low(k-1) == "to") {
			return c, false
		}
	}
	// The object itself and its modifiers (none when head is -1).
	for k := head; k >= objA && k >= 0; k-- {
		if c := fix(wordCategory(s.low(k))); c != "" {
			return c, false
		}
	}
	return late, late != ""
}

func (s *sent) numberSoon(k int) bool {
	for n := 0; n < 4 && k+n < s.b; n++ {
		if _, num := wordValue(s.low(k + n)); num || s.kind(k+n) == document.Number || vagueBase[s.low(k+n)] != 0 {
			return true
		}
	}
	return false
}

// phraseTrigger returns the category of the first multi-word trigger
// (data/words.txt [phraseTriggers]) that starts at token k, or "".
func (s *sent) phraseTrigger(k int) string {
	if k < s.a || k >= s.b {
		return ""
	}
	ws := s.lw[k-s.a:]
	for _, pt := range phraseTriggers[ws[0]] {
		if len(pt.words) <= len(ws) && slices.Equal(ws[:len(pt.words)], pt.words) {
			return pt.cat
		}
	}
	return ""
}

// demonymPlural reports whether a capitalised word (lower-cased) reads as
// a plural people noun: "sikhs", "south africans", "sudanese".
func demonymPlural(w string) bool {
	if len(w) < 4 || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
		return false
	}
	return strings.HasSuffix(w, "ese") || (strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "es") && (!strings.HasSuffix(w, "is") || len(w) >= 6 && !strings.HasSuffix(w, "polis") && !strings.HasSuffix(w, "phis")) || strings.HasSuffix(w, "ans") || strings.HasSuffix(w, "ines") || strings.HasSuffix(w, "ites"))
}

// nounAt reports whether token k can be the head of an object found in
// the context: a lower-case word that is not a function word, an
// adjective, a verb form or a generic figure noun.
func (s *sent) nounAt(k int) bool {
	if !s.isWord(k) || s.capitalized(k) && k > s.a {
		return false
	}
	w := s.low(k)
	if stopObject[w] || adjectives[w] || genericNouns[w] || participle(w) || timeUnits[w] || copulas[w] || measureUnits[w] {
		return false
	}
	if _, ok := wordValue(w); ok || scaleWords[w] != 0 || vagueBase[w] != 0 {
		return false
	}
	if k > s.a && strings.ToLower(s.raw(k)) != s.raw(k) {
		return false // a name: "Bab al-Mandab"
	}
	return !(len(w) > 4 && strings.HasSuffix(w, "ly") && !nounLy[w])
}

// contextObject finds, in the words before a figure that has no counted
// noun after it, what it counts: "a crowd of 60,000", "contracts worth 9
// million euros", "organisers put the turnout at 60,000", and for a
// percentage, an amount of money or a unit, the noun whose change it
// measures ("exports rose 4 percent", "trimmed the budget by 20 billion
// yen"). It returns the object's first token, its head (-1 when none) and
// the step that found it.
func (s *sent) contextObject(f *figure) (int, int, string) {
	p := f.start - 1
	switch s.low(p) {
	case "of":
		if h := p - 1; s.nounAt(h) {
			return s.modStart(h), h, "noun before \"of\""
		}
	case "worth":
		h := p - 1
		switch s.low(h) {
		case "was", "were", "is", "are", "be", "been":
			h--
			if w := s.low(h); w == "which" || w == "that" {
				h--
			}
			if s.low(h) == "," {
				h--
			}
		}
		if w := s.low(h - 1); s.nounAt(h) && w != "and" && w != "or" && w != "," {
			return s.modStart(h), h, "noun before \"worth\"" // not a list: "jewels, art and coins worth"
		}
	case "for":
		// "a request for $80 million": an article or a possessor in the two
		// words before the noun ("an appeal for", "the agency's request
		// for"), which a verb ("franchises sell for") and a verb's object
		// ("sue the government for") have not.
		if h := p - 1; f.cur != "" && s.nounAt(h) && s.anyIn(h-2, h, determinedMarks) {
			return s.modStart(h), h, "noun before \"for\""
		}
	case "at":
		if h := p - 1; s.nounAt(h) && s.anyIn(h-4, h, estimateVerbs) {
			return s.modStart(h), h, "estimate verb's object"
		}
	}
	if f.percent || f.cur != "" || f.unit != "" {
		a, h := s.changeObject(f)
		return a, h, "what a change verb applies to"
	}
	return -1, -1, ""
}

// changeObject finds the noun a change verb before the figure applies to:
// its object when the verb takes one ("raised its benchmark rate by"),
// else the subject of its clause ("annual inflation climbed to").
func (s *sent) changeObject(f *figure) (int, int) {
	v := -1
	for k, n := f.start-1, 0; k >= s.a && n < 12; k, n = k-1, n+1 {
		w := s.low(k)
		if s.kind(k) == document.Punct && w != "-" || saying[w] || clauseStart[w] && w != "as" {
			break
		}
		if changeVerbs[w] && !(s.kind(k-1) == document.Word && (s.low(k-1) == "a" || s.low(k-1) == "the")) {
			if copulas[w] && k != f.start-1 {
				break // "the debentures are convertible ... at 51.875 dlrs"
			}
			v = k
			break
		}
	}
	if v < 0 {
		return -1, -1
	}
	// The verb's object when it has one: "raised its benchmark rate by",
	// "lowered the basic allowance by".
	if a, h := s.nounPhrase(v+1, f.start); h >= 0 {
		if w := s.low(h + 1); transitiveChange[s.low(v)] || w == "by" || w == "to" || w == "from" {
			return a, h
		}
	}
	// The subject: the first noun phrase of the clause ("car sales for the
	// period dropped 65 pct").
	c := v - 1
	for c >= s.a {
		w := s.low(c)
		if s.kind(c) == document.Punct && w != "'s" && w != "’s" && w != "-" || clauseStart[w] || saying[w] {
			break
		}
		c--
	}
	if a, h := s.nounPhrase(c+1, v); h >= 0 {
		return a, h
	}
	// Else the noun right before the verb ("the lending rate currently
	// sits at"), past auxiliaries and adverbs.
	c = v - 1
	for c > s.a && auxAdverbs[s.low(c)] {
		c--
	}
	if s.nounAt(c) && !clauseStart[s.low(c)] {
		return s.modStart(c), c
	}
	return -1, -1
}

// nounPhrase reads the noun phrase starting at token a (determiners and a
// possessor skipped) that ends before token lim, and returns its first
// token and head, or head -1.
func (s *sent) nounPhrase(a, lim int) (int, int) {
	k := a
	for k < lim && npDeterminers[s.low(k)] {
		k++
	}
	start, head := k, -1
	for ; k < lim; k++ {
		w := s.low(k)
		if w == "'s" || w == "’s" {
			start, head = k+1, -1 // a possessor: "Sri Lanka's economy"
			continue
		}
		if !s.isWord(k) {
			return -1, -1 // broken by a number or a mark: "the official 1987/88 estimate"
		}
		if _, num := wordValue(w); num || w == "half" || w == "quarter" {
			return -1, -1 // "cut its prime rate half a point"
		}
		if stopObject[w] || changeVerbs[w] {
			break
		}
		if participle(w) && !nounEdIng[w] {
			if nx := s.low(k + 1); k+1 < lim && s.isWord(k+1) && !stopObject[nx] && !participle(nx) && !changeVerbs[nx] {
				continue // a modifier: "operating income"
			}
			break
		}
		head = k
	}
	if head < 0 || !s.nounAt(head) {
		return -1, -1
	}
	return start, head
}

// modStart returns the first token of the noun modifiers before head that
// objectText keeps.
func (s *sent) modStart(head int) int {
	from := head
	for k := head - 1; k >= s.a && k >= head-2; k-- {
		w := s.low(k)
		if s.capitalized(k) || adjectives[w] || participle(w) || !s.isWord(k) || stopObject[w] || genericNouns[w] {
			break
		}
		from = k
	}
	return from
}

// acronym reports whether t is two to five capital letters: "GDP".
func acronym(t string) bool {
	return len(t) >= 2 && len(t) <= 5 && strings.Trim(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

// figureStart holds every lower-case word a figure can start with: number
// words, vague quantities, "a", "half", "several", currency signs and
// codes, and the letters before a glued "$" ("US$").
var figureStart = func() map[string]bool {
	m := map[string]bool{"a": true, "an": true, "half": true, "several": true}
	for _, keys := range []iter.Seq[string]{maps.Keys(smallWords), maps.Keys(vagueBase), maps.Keys(currencySymbols), maps.Keys(currencyCodes)} {
		for w := range keys {
			m[strings.ToLower(w)] = true
			m[strings.TrimSuffix(strings.ToLower(w), "$")] = true
		}
	}
	return m
}()

// figureStarts is figureStart behind a filter: most words start no
// figure, and cost no map probe.
var figureStarts = keyfilter.NewMap(figureStart, keyfilter.Prefix3)

// possessiveMark reports whether t is an apostrophe that may end a plural
// possessive ("the Philippines' budget").
func possessiveMark(t string) bool { return t == "'" || t == "’" }
