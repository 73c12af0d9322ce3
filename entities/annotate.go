package entities

// Mention finding and classification: the annotator that turns tagged
// spans, dictionary entries and role words into typed, actor-coded
// mentions.

import (
	"cmp"
	"context"
	"iter"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/gazetteer"
	"github.com/newsgraph/newsgraph/internal/lettercase"
	"github.com/newsgraph/newsgraph/ner"
)

// ment is a mention under construction.
type ment struct {
	a, b     int // tokens [a, b)
	sent     int
	typ      document.EntityType
	kind     document.MentionKind
	ctry     string // CAMEO country (or organization) code the context gives
	role     string // CAMEO role code
	class    string // role class for coreference
	diplomat bool
	former   bool
	gender   string
	plural   bool
	person   bool // a nominal that refers to one person
	org      *actors.Actor
	poss     int    // 1 + token of a possessive pronoun before the role ("its spokesman"), 0 when none
	from     int    // first token of the descriptive name ("Kenya's interior ministry"), for nominals
	label    string // entity name for a description the text spells apart ("Ethiopian … troops")
	appos    int    // 1 + first token of the person name a description is in apposition with, 0 when none
	actor    string
	step     string // the step that decided actor (--explain)
	ent      int
}

// annotator holds one document's working state for one Process call.
type annotator struct {
	ctx     context.Context // the document's budget: run stops between steps, long loops every 256 items
	s       *Stage
	d       *document.Document
	lower   string       // the normalized text (Document.Lower), same byte length as d.Text
	covered []int32      // per token: index+1 of the mention covering it, 0 when none
	igos    []igoMention // international mentions of ms[:igoSeen] (recentIGO)
	igoSeen int
	ms      []ment
	sentOf  []int32 // per token: sentence index
	ents    []*ent
	// fold[i]: sentence i is folded (lettercase: ALL CAPS or caseless),
	// where inName[t] (t inside a tagger name) stands for capital letters.
	fold   []bool
	inName []bool
	// cix indexes the entities while coreference builds them (corefindex.go;
	// nil in a short document, where allEnts lists every entity so far).
	cix     *corefIndex
	allEnts []int
	// stamp and epoch mark the entities salient has tried for the current
	// mention without clearing a set per mention.
	stamp  []int
	epoch  int
	acrIdx map[string][]acrDef // per token, the mentions followed by "(" and it (acronymOfOther)
	pub    time.Time           // the story's publication time, zero when unknown
	kbuf   []byte              // the dictionary key lookup builds
}

// acrDef is a mention followed by "(" and a token, with the dictionary's
// answer for its name once looked up.
type acrDef struct {
	mention int
	looked  bool
	dict    *actors.Actor // nil when the dictionary does not know the name
}

func newAnnotator(s *Stage, d *document.Document) *annotator {
	a := &annotator{ctx: context.Background(), s: s, d: d, lower: d.LowerSlice(document.Span{Start: 0, End: len(d.Text)}), fold: lettercase.Document(d)}
	if d.Published != nil {
		a.pub = *d.Published
	}
	a.covered, a.sentOf = make([]int32, len(d.Tokens)), make([]int32, len(d.Tokens))
	a.ms = make([]ment, 0, len(d.Tokens)/6+8) // about one mention per six tokens in news
	for i, sn := range d.Sentences {
		for t := sn.FirstToken; t < sn.EndToken && t < len(d.Tokens); t++ {
			a.sentOf[t] = int32(i)
		}
	}
	return a
}

func (a *annotator) low(i int) string { t := a.d.Tokens[i]; return a.lower[t.Start:t.End] }

// text and lowText return the text of tokens [i, j), as written and
// normalized.
func (a *annotator) text(i, j int) string    { return a.d.Text[a.d.Tokens[i].Start:a.d.Tokens[j-1].End] }
func (a *annotator) lowText(i, j int) string { return a.lower[a.d.Tokens[i].Start:a.d.Tokens[j-1].End] }
func (a *annotator) tok(i int) string        { return a.d.TokenText(i) }

// phrase returns the lower-cased text of tokens [i, j) when they are
// separated by single spaces, or "".
func (a *annotator) phrase(i, j int) string {
	toks := a.d.Tokens
	for k := i + 1; k < j; k++ {
		if toks[k].Start != toks[k-1].End+1 || a.d.Text[toks[k-1].End] != ' ' {
			return ""
		}
	}
	return a.lowText(i, j)
}

// folded reports whether token i is in a folded sentence, whose letter
// case says nothing: there capitalized and allCaps read the tagger's names.
func (a *annotator) folded(i int) bool { return a.fold[a.sentOf[i]] }

// markNames records the tokens inside the tagger's spans, for folded
// sentences.
func (a *annotator) markNames(spans [][]ner.Span) {
	if !slices.Contains(a.fold, true) {
		return
	}
	a.inName = make([]bool, len(a.d.Tokens))
	for si, ss := range each(a, spans) {
		if si < len(a.d.Sentences) && a.fold[si] {
			for _, sp := range ss {
				first := a.d.Sentences[si].FirstToken
				for k := first + sp.Start; k < first+sp.End && k < len(a.inName); k++ {
					a.inName[k] = true
				}
			}
		}
	}
}

func (a *annotator) capitalized(i int) bool {
	if a.folded(i) {
		return a.inName[i]
	}
	r, _ := utf8.DecodeRuneInString(a.tok(i))
	return unicode.IsUpper(r)
}

func (a *annotator) allCaps(i, j int) bool {
	if a.folded(i) {
		return !a.anyTok(i, j, func(k int) bool { return !a.inName[k] })
	}
	return allCapsString(a.text(i, j))
}

// walk counts the tokens in a row that ok accepts next to token k in
// direction dir (1: k, k+1, …; -1: k-1, k-2, …), at most max of them and
// none past bound (dir 1: the end, exclusive; dir -1: the first token
// allowed): the one scan over the words beside a name or a role.
func (a *annotator) walk(k, dir, max, bound int, ok func(t int) bool) int {
	n := 0
	for ; n < max; n++ {
		t := k + n
		if dir < 0 {
			t = k - 1 - n
		}
		if dir > 0 && t >= bound || dir < 0 && t < bound || !ok(t) {
			break
		}
	}
	return n
}

// word reports whether token t is a word; capWord, a capitalized one.
func (a *annotator) word(t int) bool    { return a.d.Tokens[t].Kind == document.Word }
func (a *annotator) capWord(t int) bool { return a.word(t) && a.capitalized(t) }

// dictAt returns the dictionary's actor named by tokens [i, j), an
// acronym only where it is written in capitals; orgAt, an organization.
func (a *annotator) dictAt(i, j int) (*actors.Actor, bool) {
	act, acr, ok := a.lookup(i, j)
	return act, ok && (!acr || a.allCaps(i, j))
}

// lookup returns the dictionary's actor whose key is that of tokens
// [i, j) and whether its surface form there is an acronym: the key is
// built in the annotator's buffer, so a probe allocates nothing.
func (a *annotator) lookup(i, j int) (act *actors.Actor, acronym, ok bool) {
	a.kbuf = actors.AppendKey(a.kbuf[:0], a.lowText(i, j))
	return a.s.dict.LookupFolded(a.kbuf)
}

func (a *annotator) orgAt(i, j int) (*actors.Actor, bool) {
	act, ok := a.dictAt(i, j)
	return act, ok && act.Type == "ORG"
}

// sentStart returns the first token of token i's sentence.
func (a *annotator) sentStart(i int) int { return a.d.Sentences[a.sentOf[i]].FirstToken }

func (a *annotator) free(i, j int) bool {
	return !a.anyTok(i, j, func(k int) bool { return a.covered[k] != 0 })
}

// anyTok reports whether ok accepts one of tokens [i, j).
func (a *annotator) anyTok(i, j int, ok func(t int) bool) bool {
	for t := i; t < j; t++ {
		if ok(t) {
			return true
		}
	}
	return false
}

func (a *annotator) add(m ment) {
	m.ent = -1
	m.sent = int(a.sentOf[m.a])
	a.ms = append(a.ms, m)
	for k := m.a; k < m.b; k++ {
		a.covered[k] = int32(len(a.ms))
	}
}

func (a *annotator) run(spans [][]ner.Span) error {
	if len(a.d.Sentences) == 0 || len(a.d.Tokens) == 0 {
		a.d.Mentions, a.d.Entities = nil, nil
		return nil
	}
	steps := []func(){
		func() { a.markNames(spans) },
		func() { a.dictNames(true) },
		func() { a.tagged(spans) },
		a.facilities,
		func() { a.dictNames(false) },
		a.personsByCourtesy,
		func() {
			for i := range each(a, a.ms) {
				a.classify(&a.ms[i])
			}
		},
		a.nominals, a.pronouns,
		func() { sort.SliceStable(a.ms, func(i, j int) bool { return a.ms[i].a < a.ms[j].a }) },
		a.corefer, a.output,
	}
	for _, step := range steps {
		if err := a.ctx.Err(); err != nil {
			return err
		}
		step()
	}
	return nil
}

// stopped reports, every 256th call with i, whether the document's context
// is done, for the long loops of run's steps.
func (a *annotator) stopped(i int) bool {
	return i&255 == 0 && a.ctx.Err() != nil
}

// each ranges over s like range does, ending early once the document's
// context is done (stopped), for the long loops of run's steps.
func each[E any](a *annotator, s []E) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, e := range s {
			if a.stopped(i) || !yield(i, e) {
				return
			}
		}
	}
}

// tagged turns the tagger's spans into name mentions with exact spans: no
// leading "the", no trailing punctuation, no title before a person, and
// grown to the dictionary name around them.
func (a *annotator) tagged(spans [][]ner.Span) {
	for si, ss := range each(a, spans) {
		if si >= len(a.d.Sentences) {
			break
		}
		sn := a.d.Sentences[si]
		for _, sp := range ss {
			i, j := sn.FirstToken+sp.Start, sn.FirstToken+sp.End
			if i < sn.FirstToken || j > sn.EndToken || i >= j {
				continue
			}
			m := ment{kind: document.Name, typ: document.EntityType(cmp.Or(taggerTypes[sp.Type], string(document.Misc)))}
			i += a.walk(i, 1, j-i, j, func(t int) bool { return a.tok(t) == "the" })
			j -= a.walk(j, -1, j-i, i, func(t int) bool { return a.trailingPunct(i, t+1) })
			if m.typ == document.Person {
				i += a.walk(i, 1, j-i-1, j, a.isTitle)
			}
			if i >= j {
				continue
			}
			j = a.dictExtend(i, j, sn.EndToken)
			if m.typ != document.Misc {
				i = a.dictStart(i, j, sn.FirstToken)
			}
			if m.a, m.b = i, j; a.free(i, j) {
				a.add(m)
			}
		}
	}
}

// dictExtend returns the end of the longest dictionary name that starts at
// token i and extends the tagger's span [i, j) by up to three capitalized
// words, group nouns ("Houthi" + "movement"; "Xinhua news agency" stays
// "Xinhua" + a description) or links between capitalized words
// ("International Organization" + "for Migration"), or j.
func (a *annotator) dictExtend(i, j, hi int) int {
	ext := a.walk(j, 1, 3, hi, func(t int) bool {
		return a.word(t) && (a.capitalized(t) || groupNouns[a.low(t)] || nameLinks[a.low(t)] && t+1 < hi && a.capitalized(t+1))
	})
	return j + longest(ext, func(n int) bool { _, ok := a.fullName(i, j+n); return ok })
}

// fullName returns the dictionary's actor named by tokens [i, j) when the
// name is no acronym.
func (a *annotator) fullName(i, j int) (*actors.Actor, bool) {
	act, acr, ok := a.lookup(i, j)
	return act, ok && !acr
}

// longest and shortest return the first length n, from max down to 1 or
// from 1 up to max, that ok accepts, or 0: the tries of the spans beside a
// token, longest or shortest first.
func longest(max int, ok func(n int) bool) int {
	for n := max; n >= 1; n-- {
		if ok(n) {
			return n
		}
	}
	return 0
}

func shortest(max int, ok func(n int) bool) int {
	for n := 1; n <= max; n++ {
		if ok(n) {
			return n
		}
	}
	return 0
}

// personsByCourtesy retypes as people the two- or three-word names the
// tagger called organizations whose last word the story uses after a
// courtesy title ("Maren Holt Fisk opened ... later Ms Fisk added"), unless
// the dictionary knows it.
func (a *annotator) personsByCourtesy() {
	surnames := map[string]bool{}
	for i := range each(a, a.d.Tokens[1:]) {
		if courtesyTitles[a.low(i)] && a.capWord(i+1) {
			surnames[a.low(i+1)] = true
		}
	}
	for k := range a.ms {
		m := &a.ms[k]
		if m.typ != document.Org || m.kind != document.Name || m.org != nil || m.b-m.a < 2 || m.b-m.a > 3 || !surnames[a.low(m.b-1)] {
			continue
		}
		_, _, known := a.lookup(m.a, m.b)
		if !known && !a.anyTok(m.a, m.b, func(t int) bool { return !a.capWord(t) }) {
			m.typ = document.Person
		}
	}
}

// dictStart returns the start of the longest dictionary organization name
// that ends at token j and extends the tagger's span [i, j) by up to two
// capitalized words before it ("Deutsche" + "Boerse"), or i.
func (a *annotator) dictStart(i, j, lo int) int {
	n := a.walk(i, -1, 2, lo, func(t int) bool { return a.capWord(t) && !determiners[a.low(t)] })
	return i - longest(n, func(n int) bool { act, ok := a.fullName(i-n, j); return ok && act.Type == "ORG" })
}

// facilities types place names ending in a capitalized facility word as
// FAC, and joins a name and such a word after it into one FAC mention
// ("Santa Cruz" + "Palace").
func (a *annotator) facilities() {
	for mi := range each(a, a.ms) {
		m := &a.ms[mi]
		place, j := m.typ == document.GPE || m.typ == document.Loc, m.b
		switch {
		case m.kind != document.Name || m.a >= m.b:
			continue
		case m.b-m.a > 1 && place && facilityWords[a.low(m.b-1)] && a.capitalized(m.b-1):
			m.typ = document.FAC
			continue
		case j >= len(a.d.Tokens) || a.sentOf[j] != a.sentOf[m.a] || !facilityWords[a.low(j)] || !a.capitalized(j) || a.allCaps(j, j+1) ||
			!place && m.typ != document.Misc && m.typ != document.Person:
			continue
		}
		if c := a.covered[j]; c != 0 {
			o := &a.ms[c-1]
			if o.a != j || o.b != j+1 || o.kind != document.Name {
				continue
			}
			o.b = o.a // absorbed: skipped by later layers
		}
		m.b, m.typ = j+1, document.FAC
		a.covered[j] = int32(mi + 1)
	}
}

// trailingPunct reports whether the last token of [i, j) is punctuation
// that cannot end a name: sentence punctuation and quotes, or a closing
// bracket without its opening one inside the span.
func (a *annotator) trailingPunct(i, j int) bool {
	t := a.tok(j - 1)
	if closingBrackets[t] {
		return !a.anyTok(i, j-1, func(k int) bool { return openingBrackets[a.tok(k)] })
	}
	return trailingPuncts[t] || dashes[t]
}

// nameCase reports whether tokens [i, j) are written like a name: every
// word capitalized except short function words and Arabic "al-" articles.
func (a *annotator) nameCase(i, j int) bool {
	return !a.anyTok(i, j, func(k int) bool {
		l := a.low(k)
		return a.word(k) && !a.capitalized(k) && !nameLinks[l] && !strings.HasPrefix(l, "al-") && !lowerNameStarts[l] && !lowerNameWords[l]
	})
}

// isTitle reports whether token i is a capitalized title word.
func (a *annotator) isTitle(i int) bool {
	l := a.low(i)
	_, ok := titles[l]
	return ok && !titleStop[l] && a.capitalized(i)
}

// dictNames adds the dictionary's names where no mention covers them,
// longest match first: after the tagger's spans, the names it missed; with
// user, before them, the names of a user dictionary written in name case
// (a user who says "Georgian Dream" is a party overrides the tagger's
// "Georgian", NORP). The tagger's spans win otherwise: exact matches take
// the dictionary's facts in classify.
func (a *annotator) dictNames(user bool) {
	if user && !a.s.user {
		return
	}
	for _, sn := range each(a, a.d.Sentences) {
		for i := sn.FirstToken; i < sn.EndToken; i++ {
			// Lower-case aliases ("the world body") only after "the".
			nominal := !a.capitalized(i)
			if !a.word(i) || a.covered[i] != 0 || a.low(i) == "the" || user && !a.capitalized(i) || nominal && (i == sn.FirstToken || a.low(i-1) != "the") {
				continue
			}
			n := longest(min(a.s.dict.MaxWords(), sn.EndToken-i), func(n int) bool {
				j := i + n
				if !user && a.d.Tokens[j-1].Kind == document.Punct {
					return false // (before the probe, which cannot change it)
				}
				act, ok := a.dictAt(i, j)
				// Lower-case text only matches an organization's alias
				// written in lower case ("the world body"; not "the amnesty").
				t := a.text(i, j)
				return !(!ok || user && !act.User ||
					nominal && (act.Type != "ORG" || act.Name != t && !slices.Contains(act.Aliases, t)) || !nominal && !a.nameCase(i, j)) && a.free(i, j)
			})
			if n > 0 {
				act, _ := a.dictAt(i, i+n)
				m := ment{a: i, b: i + n, typ: document.EntityType(act.Type), kind: document.Name, org: act}
				if nominal {
					m.kind = document.Nominal
				}
				a.add(m)
				i += n - 1
			}
		}
	}
}

// classify sets the type details, features and actor of a name mention, in
// order: the dictionary's actor (also a known company with its legal form,
// "Toyota Motor Corp."), a byline agency, a country's name (also where the
// tagger calls it an organization, "the US said"), a capital acting as its
// government, a place, a nationality, a person, an organization.
func (a *annotator) classify(m *ment) {
	if m.a >= m.b || m.kind == document.Pronoun {
		return
	}
	key := a.key(m.a, m.b)
	if m.org == nil && m.typ == document.Org && m.b-m.a > 1 && legalSuffixes[a.low(m.b-1)] {
		if act, _, ok := a.lookup(m.a, m.b-1); ok && act.Kind == "company" {
			m.org = act
		}
	}
	if m.org == nil {
		if act, ok := a.s.dict.LookupKey(key); ok && (!a.s.dict.Acronym(key) || a.allCaps(m.a, m.b) && !a.acronymOfOther(m, act)) {
			// A seat of government the tagger calls a place stays a place
			// ("the White House"), with the government's actor code.
			if m.org = act; act.Kind != "gov" || m.typ != document.GPE && m.typ != document.Loc {
				m.typ = document.EntityType(act.Type)
			} else {
				m.typ = document.Loc
			}
		}
	}
	place := m.typ == document.GPE || m.typ == document.Loc
	switch c := countryCode(key); {
	case m.org != nil:
		a.known(m)
	case a.bylineAgency(m):
		m.typ, m.class, m.actor, m.step = document.Org, "agency", "MED", "byline agency"
	case (place || m.typ == document.Org) && c != "" && a.capitalized(m.a):
		m.typ, m.ctry, m.actor, m.step = document.GPE, c, c, "country name"
	case place:
		a.place(m, key)
	case m.typ == document.Misc || m.typ == document.NORP:
		l, dem := a.lowText(m.a, m.b), demonymCode(key)
		switch {
		case dem == "" && !norps[l] && a.placeBeforeNoun(m, key):
		case dem != "":
			m.typ, m.ctry = document.NORP, dem
			if strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
				m.plural, m.actor, m.step = true, m.ctry, "nationality plural"
			}
		case norps[l]:
			m.typ, m.ctry = document.NORP, agentNORP[l]
		}
	case m.typ == document.Person:
		switch {
		case a.placeBeforeNoun(m, key):
		case m.a > 0 && companyOnlyNouns[a.low(m.a-1)] && !a.capitalized(m.a-1):
			// "the furniture giant Norrvik Mobler": a name right after a
			// noun that only describes companies is a company.
			m.typ = document.Org
			a.orgContext(m)
		default:
			if g, ok := firstNames[a.low(m.a)]; ok && m.b-m.a > 1 {
				m.gender = g
			}
			a.personContext(m)
		}
	case m.typ == document.Org:
		a.orgContext(m)
	}
}

// known codes a name the dictionary knows. A known person's title or
// apposition still gives the role class and gender coreference needs, the
// dictionary the code; but the text knows better than the dictionary's
// date of a change when it calls a former office holder by a current title
// ("Prime Minister X" in an older or undated story), and "Tory leader X"
// takes the party's code.
func (a *annotator) known(m *ment) {
	m.actor, m.step = m.org.CodeAt(a.pub), "dictionary"
	if m.typ != document.Person {
		if c, ok := kindClasses[m.org.Kind]; ok {
			m.class = c
		}
		m.plural = m.plural || m.org.Kind == "group"
		return
	}
	a.personContext(m)
	owner := len(m.ctry) > 3 && m.actor == m.ctry
	m.actor, m.step = m.org.CodeAt(a.pub), "dictionary"
	if eli := strings.HasSuffix(m.actor, "ELI") && !m.former; eli && owner {
		m.actor = m.ctry // the party's code
	} else if eli && m.role != "" && m.role != "ELI" {
		m.actor, m.step = m.actor[:len(m.actor)-3]+m.role, "dictionary person under a current title"
	}
	m.ctry = countryPart(m.actor)
}

// place types a place name: a capital, acting as its government after an
// agent verb or before an object verb ("Ankara said", "urged Kyiv"); a
// gazetteer place; a name ending in a geographic feature word (LOC).
func (a *annotator) place(m *ment, key string) {
	if c, ok := actors.Capital(key); ok {
		m.typ = document.GPE
		if m.b < len(a.d.Tokens) && agentVerbs[a.low(m.b)] && (m.a == 0 || a.low(m.a-1) != "in") || m.a > 0 && objectVerbs[a.low(m.a-1)] {
			m.ctry, m.class = actors.CountryCode(c), "metonym"
			m.actor, m.step = m.ctry, "capital acting as its government"
		}
		return
	}
	m.typ = a.placeType(key)
	if m.b-m.a > 1 && geoFeature[a.low(m.b-1)] {
		m.typ = document.Loc
	}
}

// placeBeforeNoun retypes m as a place when the gazetteer knows its name
// and a lower-case place noun follows it ("the Rafah crossing", "the nearby
// Sambisa forest"): the tagger's PERSON or MISC is then wrong, and geo
// reads the same words as a place. It reports whether it did.
func (a *annotator) placeBeforeNoun(m *ment, key string) bool {
	if m.b >= len(a.d.Tokens) || !placeNouns[a.low(m.b)] || len(a.s.gaz.LookupKey(key)) == 0 {
		return false
	}
	m.typ = a.placeType(key)
	return true
}

// acronymOfOther reports whether the acronym mention m abbreviates another
// name of the story defined in brackets after it ("EFF" after "Eastern
// Farmers Federation (EFF)") rather than the dictionary's actor. The
// mentions, whose tokens do not change while they are classified, are
// indexed once by the token after their "(", and a definition's dictionary
// entry is looked up once.
func (a *annotator) acronymOfOther(m *ment, act *actors.Actor) bool {
	if a.acrIdx == nil {
		a.acrIdx = map[string][]acrDef{}
		for i, o := range a.ms {
			if o.b+2 < len(a.d.Tokens) && a.tok(o.b) == "(" {
				a.acrIdx[a.tok(o.b+1)] = append(a.acrIdx[a.tok(o.b+1)], acrDef{mention: i})
			}
		}
	}
	defs := a.acrIdx[a.text(m.a, m.b)]
	for k := range defs {
		df, o := &defs[k], &a.ms[defs[k].mention]
		if o.kind != document.Name || o.b-o.a < 2 {
			continue
		}
		if !df.looked {
			df.looked = true
			df.dict, _ = a.s.dict.Lookup(a.text(o.a, o.b))
		}
		if df.dict == nil || df.dict.Name != act.Name {
			return true
		}
	}
	return false
}

// placeType maps a place name the tagger called LOC to GPE or LOC with the
// gazetteer: countries, divisions and cities are GPE; regions, water
// bodies, continents and landmarks are LOC. Unknown names stay GPE.
func (a *annotator) placeType(key string) document.EntityType {
	ids := a.s.gaz.LookupKey(key)
	if len(ids) == 0 {
		return document.GPE
	}
	switch a.s.gaz.Place(int(ids[0])).Feature {
	case gazetteer.FeatRegion, gazetteer.FeatWater, gazetteer.FeatContinent, gazetteer.FeatLandmark:
		return document.Loc
	}
	return document.GPE
}

// countryBefore reads a country given just before token j: a demonym
// ("Turkish"), a country or organization name with possessive ("Spain's",
// "the UN's"), a national society, a country name as a modifier, an
// international organization or a seat of government. It returns the code
// and the first token used.
func (a *annotator) countryBefore(j, lo int) (string, int) {
	c := ""
	found := func(code string) bool { c = code; return c != "" }
	switch {
	case j-1 < lo:
		return "", j
	case possessiveMarks[a.low(j-1)]:
		// "the alliance's secretary general": a generic organization noun
		// refers to the most recent international organization named.
		if j-2 >= lo && orgNouns[a.low(j-2)] && !a.capitalized(j-2) && found(a.recentIGO(j-2)) {
			return c, j - 2
		}
		if n := shortest(a.walk(j-1, -1, 4, lo, a.capitalized), func(n int) bool { return found(a.codeOf(a.text(j-1-n, j-1))) }); n > 0 {
			return c, j - 1 - n
		}
		return "", j
	case !a.capitalized(j - 1):
		return "", j
	}
	for n := 3; n <= 5 && j-n >= lo; n++ {
		if found(a.nationalSociety(j-n, j)) {
			return c, j - n // "<country> Red Cross" before a role
		}
	}
	if found(demonymCode(a.tok(j - 1))) {
		return c, j - 1
	}
	// A country name used as a modifier: "Kenya police", "South Sudan
	// army" (not "in Kenya" + a new clause).
	if n := shortest(a.walk(j, -1, 3, lo, a.capWord), func(n int) bool { return found(countryCode(a.key(j-n, j))) }); n > 0 && (j-n-1 < lo || !prepositions[a.low(j-n-1)]) {
		return c, j - n
	}
	// An international organization, or a seat of government ("Kremlin
	// spokesman" → RUS); not the tail of a longer name ("National Security
	// Council spokesman" is no UN Security Council official).
	n := shortest(min(4, j-lo), func(n int) bool {
		if p := j - n - 1; p >= lo && a.capWord(p) && !determiners[a.low(p)] {
			if _, _, ok := a.roleEndingAt(j-n, lo); !ok && demonymCode(a.tok(p)) == "" {
				return false
			}
		}
		act, ok := a.orgAt(j-n, j)
		if !ok || international(act.Code) {
			return ok && found(act.Code)
		}
		return act.Kind == "gov" && found(countryPart(act.Code))
	})
	if n > 0 {
		return c, j - n
	}
	return "", j
}

// ownerBefore reads a named organization right before token j whose
// members take its code: a party, an armed group, a company or an NGO of
// the dictionary ("Hamas leader", "Likud lawmaker"). It returns its code;
// named reports whether a capitalized word that is no country and no
// demonym stands there at all.
func (a *annotator) ownerBefore(j, lo int) (code string, named bool) {
	if j-1 < lo || !a.capWord(j-1) {
		return "", false
	}
	var act *actors.Actor
	if shortest(a.walk(j, -1, 4, lo, a.capitalized), func(n int) bool { var ok bool; act, ok = a.orgAt(j-n, j); return ok }) > 0 {
		if ownerKinds[act.Kind] {
			return act.CodeAt(a.pub), true
		}
		return "", false // "White House spokesman": the caller's rules
	}
	if _, _, ok := a.roleEndingAt(j, lo); ok {
		return "", false // "Foreign Ministry spokesman", "Army chief"
	}
	if partyWords[a.low(j-1)] {
		return "", true // "Conservative leader", "Democratic senator"
	}
	if j-1 == lo && a.covered[j-1] == 0 {
		return "", false // a capital that only starts the sentence
	}
	return "", demonymCode(a.tok(j-1)) == "" && countryCode(a.tok(j-1)) == ""
}

// roleBefore reads what stands before a role r that starts at token i,
// back to lo: modifiers ("former", "senior"; with age also "40-year-old"),
// then a country (countryBefore; countryBeforeWords for a portfolio or an
// institution). It returns the first modifier, whether one is "former",
// the country and its first token (the first modifier when there is none).
func (a *annotator) roleBefore(i, lo int, r actors.Role, age bool) (k int, former bool, ctry string, at int) {
	for k = i; k-1 >= lo && a.covered[k-1] == 0 && (modifiers[a.low(k-1)] || age && strings.HasSuffix(a.low(k-1), "-year-old")); k-- {
		former = former || a.low(k-1) == "former"
	}
	ctry, at = a.countryBefore(k, lo)
	if ctry == "" && portfolioClasses[r.Class] {
		ctry, at = a.countryBeforeWords(k, lo, false)
	}
	if ctry == "" && r.Org {
		ctry, at = a.countryBeforeWords(k, lo, true)
	}
	return k, former, ctry, at
}

// countryBeforeWords reads a country given one or two words before token
// j: before the portfolio of a minister or ministry ("Mexican Security
// Minister", "Greece's migration ministry"), or with intl an international
// organization before a compound that names one of its institutions ("the
// UN refugee relief agency"). It returns "" and j when there is none.
func (a *annotator) countryBeforeWords(j, lo int, intl bool) (string, int) {
	words := a.walk(j, -1, 2, lo+1, func(t int) bool {
		return a.word(t) && !determiners[a.low(t)] && !possessives[a.low(t)] && a.covered[t] == 0
	})
	for t := j - 1; t >= j-words; t-- {
		if c, k := a.countryBefore(t, lo); c != "" && international(c) == intl {
			return c, k
		}
	}
	return "", j
}

// recentIGO returns the code of the international organization named
// last before token j, or "". It keeps the international mentions seen so
// far (a.igos, from a.ms[:a.igoSeen]) so that a long document is not
// rescanned at every call: mentions are only appended while it is asked.
func (a *annotator) recentIGO(j int) string {
	for ; a.igoSeen < len(a.ms); a.igoSeen++ {
		m := &a.ms[a.igoSeen]
		c := m.actor
		if m.org != nil {
			c = m.org.Code
		}
		if international(c) {
			a.igos = append(a.igos, igoMention{m.b, c})
		}
	}
	best, code := -1, ""
	for _, g := range a.igos {
		if g.b <= j && g.b > best {
			best, code = g.b, g.code
		}
	}
	return code
}

// igoMention is an international organization's mention end and code.
type igoMention struct {
	b    int
	code string
}

// nationalSociety returns the code of a national society named by tokens
// [i, j): a country or demonym and a society name of data/words.txt
// [nationalSocieties] ("Kenya Red Cross", "Malagasy Red Cross Society" →
// KENNGO, MDGNGO), or "".
func (a *annotator) nationalSociety(i, j int) string {
	for n := 2; n <= 3 && j-n > i; n++ {
		if nationalSocieties[a.phrase(j-n, j)] {
			if c := cmp.Or(countryCode(a.text(i, j-n)), demonymCode(a.text(i, j-n))); c != "" {
				return c + "NGO"
			}
		}
	}
	return ""
}

// codeOf returns the CAMEO code of a country or organization name.
func (a *annotator) codeOf(s string) string {
	if c := countryCode(s); c != "" {
		return c
	}
	if act, ok := a.s.dict.Lookup(s); ok && act.Type == "ORG" && international(act.Code) {
		return act.Code
	}
	return ""
}

// roleEndingAt and roleAt find the longest role phrase ending at token j
// (exclusive) and starting at lo or later, or starting at token i and
// ending at hi or before; they return the role and its other end.
func (a *annotator) roleEndingAt(j, lo int) (actors.Role, int, bool) { return a.longestRole(j, lo, -1) }
func (a *annotator) roleAt(i, hi int) (actors.Role, int, bool)       { return a.longestRole(i, hi, 1) }
func (a *annotator) roleStarts(i, hi int) bool                       { _, _, ok := a.roleAt(i, hi); return ok }

// longestRole is the one role-phrase reader: the longest role phrase with
// one end at token k that extends in direction dir (1: after k, -1:
// before k) no further than bound.
func (a *annotator) longestRole(k, bound, dir int) (r actors.Role, end int, ok bool) {
	n := longest(min(actors.MaxRoleWords, dir*(bound-k)), func(n int) bool {
		p := a.phrase(min(k, k+dir*n), max(k, k+dir*n))
		r, ok = actors.LookupRole(p)
		return ok && p != ""
	})
	if n == 0 {
		return actors.Role{}, k, false
	}
	return r, k + dir*n, true
}

// personContext reads the title before a person's name and sets the
// mention's role, country, gender and actor: a role right before the name
// or before an honorific ("Turkish Foreign Minister X", "Prime Minister
// Sheikh Hasina"), else a word data/words.txt [titleRoles] makes a role
// when written as it says ("Justice Ngozi Adeyemi", "deputy Ana Ruiz").
// nominals gives it the role of an apposition after it.
func (a *annotator) personContext(m *ment) {
	lo := a.sentStart(m.a)
	j := m.a
	if j-1 >= lo && m.gender == "" {
		m.gender = titles[a.low(j-1)]
	}
	if j-1 >= lo && a.tok(j-1) == "," {
		j--
	}
	h := j - a.walk(j, -1, 2, lo, func(t int) bool { return j == m.a && honorifics[a.low(t)] && a.capitalized(t) })
	if r, start, ok := a.roleEndingAt(j, lo); ok && r.Person {
		a.setRole(m, r, start, lo, "title before the name")
	} else if r, start, ok := a.roleEndingAt(h, lo); ok && r.Person {
		a.setRole(m, r, start, lo, "title before an honorific")
	} else if w, ok := titleRoles[a.low(max(j-1, 0))]; ok && j == m.a && j-1 >= lo {
		f := strings.SplitN(w, "|", 3)
		if r, ok := actors.LookupRole(f[0]); ok && len(f) == 3 && (f[1] == "capitalized" && a.capitalized(j-1) || f[1] == "lower-case" && a.tok(j-1) == a.low(j-1)) {
			a.setRole(m, r, j-1, lo, f[2])
		}
	}
}

// giveRole gives m role r, which ends before token end, and country ctry;
// the body the role is "of" (ofBody) may change the role's code or give
// the named body's code and country (step and bodyStep name the decision).
func (a *annotator) giveRole(m *ment, r actors.Role, ctry string, end, hi int, sector bool, step, bodyStep string) {
	m.ctry = ctry
	code, named := a.ofBody(&r, ctry, end, hi, sector)
	if a.applyRole(m, r, step); named {
		m.actor, m.role, m.step = code, "", bodyStep
		m.ctry = cmp.Or(countryPart(code), m.ctry)
	}
}

// roleAfter reads the country a role phrase ending before token end is
// "of" ("the foreign minister of Spain") or placed "in" (a person also
// "from"; troops "from Syria" leave it): a country ("rebels in
// Nicaragua"), for an institution a capital ("the foreign ministry in
// Minsk"), for a person a place the gazetteer puts in one country ("a
// farmer from Edo state"); "" when none.
func (a *annotator) roleAfter(end, hi int, r actors.Role) string {
	if end+1 >= hi {
		return ""
	}
	if l := a.low(end); l == "of" {
		return a.codeOf(a.tok(end + 1))
	} else if !(l == "in" || l == "from" && r.Person) || !a.capitalized(end+1) {
		return ""
	}
	if c := countryCode(a.tok(end + 1)); c != "" && (end+2 >= hi || !a.capitalized(end+2)) {
		return c
	}
	if c, ok := actors.Capital(a.tok(end + 1)); ok && r.Org {
		return actors.CountryCode(c)
	}
	if r.Person {
		return a.placeCountryAt(end+1, hi)
	}
	return ""
}

// ofBody reads the body a role ending before token end is "of": its sector
// ("head of the dockers' union" → LAB) becomes the role's code when
// sector; for a role of bodyClasses without a country, a body the
// dictionary names gives its code, reported with true ("deputy chairman of
// Acme Mining"), and a body with no sector takes the role's code away.
func (a *annotator) ofBody(r *actors.Role, ctry string, end, hi int, sector bool) (string, bool) {
	if end+1 >= hi || a.low(end) != "of" {
		return "", false
	}
	sec := a.ofSector(end+1, hi)
	if sector && sec != "" {
		r.Code = sec
	}
	if ctry != "" || !a.capitalized(end+1) || !bodyClasses[r.Class] {
		return "", false
	}
	if code, ok := a.namedBodyAt(end+1, hi); ok {
		return code, true
	}
	if sec == "" {
		r.Code = ""
	}
	return "", false
}

// namedBodyAt returns the code of a company, party, armed group, NGO or
// state body of the dictionary named at token i (up to four capitalized
// words).
func (a *annotator) namedBodyAt(i, hi int) (code string, ok bool) {
	longest(a.walk(i, 1, 4, hi, a.capWord), func(n int) bool {
		act, found := a.orgAt(i, i+n)
		if found {
			code, ok = act.CodeAt(a.pub), true
		}
		return found
	})
	return code, ok
}

// placeCountryAt returns the country of the place name starting at token
// i (up to three capitalized words): a country, or a city or division
// the gazetteer places in one country; "" otherwise.
func (a *annotator) placeCountryAt(i, hi int) (c string) {
	longest(a.walk(i, 1, 3, hi, a.capWord), func(n int) bool {
		c = cmp.Or(countryCode(a.key(i, i+n)), a.placeCountry(a.key(i, i+n)))
		return c != ""
	})
	return c
}

// ofSector reads the sector word of the body a role is "of", within the
// next six words and before any other punctuation than a possessive
// ("head of the dockers' union" → LAB, "leader of the opposition party" →
// OPP); a bank owned as busOwners says is the state's or an IGO's.
func (a *annotator) ofSector(i, hi int) string {
	for k := i; k < hi && k < i+6; k++ {
		l := a.low(k)
		if !a.word(k) && !possessiveMarks[l] && l != "’" {
			break
		}
		if code, ok := sectorWords[l]; ok && a.word(k) {
			if owner, ok := busOwners[a.low(k-1)]; ok && code == "BUS" {
				return owner
			}
			return code
		}
	}
	return ""
}

// setRole gives m the title r that starts at token start, with the
// modifiers and country before it (roleBefore) or the named organization
// the person belongs to ("Hamas leader X", "Gazprom chief executive X";
// party spokespeople may have a portfolio in between, "Lib Dem home
// affairs spokesman X"). A lower-case "captain" leads a team.
func (a *annotator) setRole(m *ment, r actors.Role, start, lo int, step string) {
	if a.tok(start) == "captain" {
		r.Code = ""
	}
	k, former, c, _ := a.roleBefore(start, lo, r, false)
	m.former = m.former || former
	generic := memberClasses[r.Class]
	for t, named := k, false; c == "" && !named; t-- {
		if c, named = a.ownerBefore(t, lo); c == "" && named && generic {
			r.Code = "" // "Tory leader X": a party we do not know, not the government
		}
		if !generic || t-1 <= lo || k-t >= 3 || a.capitalized(t-1) || !a.word(t-1) {
			break
		}
	}
	m.ctry = c
	a.applyRole(m, r, step)
}

// applyRole gives m role r and its actor code; step names the decision.
func (a *annotator) applyRole(m *ment, r actors.Role, step string) {
	m.role, m.class, m.diplomat, m.step, m.gender = r.Code, r.Class, r.Diplomat, step, cmp.Or(m.gender, r.Gender)
	m.actor = roleActor(m.ctry, r.Code, m.former)
}

// roleActor returns the actor code of a role with code under owner ctry (a
// country, an organization or ""): a former government official is an
// elite (ELI); staff of an organization take its code (the secretary
// general of a country's Red Cross society → that country's NGO code).
func roleActor(ctry, code string, former bool) string {
	if international(ctry) || len(ctry) > 3 {
		return ctry
	}
	if former && code == "GOV" {
		code = "ELI"
	}
	return ctry + code
}

// orgContext codes a state body or company named in full: a ministry, a
// role phrase ending the name ("Kenya Defence Forces", "Royal Canadian
// Mounted Police"), an institution by its form; else a national society
// or the form of the name (orgByForm). The country is in the name or
// before it ("Kenya's Supreme Court"; a company also after a company noun,
// "Brazilian miner X", or at its base, "the Lagos-based X Holdings").
func (a *annotator) orgContext(m *ment) {
	lo := a.sentStart(m.a)
	r, ok := actors.Role{Code: "GOV", Class: "ministry", Org: true}, a.anyTok(m.a, m.b, func(t int) bool { return ministryWords[a.low(t)] })
	if !ok {
		r, _, ok = a.roleEndingAt(m.b, m.a)
		ok = ok && (r.Org || r.Plural && forceCodes[r.Code])
	}
	if !ok {
		r, ok = a.institution(m.a, m.b)
	}
	if !ok {
		if c := a.nationalSociety(m.a, m.b); c != "" {
			m.ctry, m.actor, m.class, m.step = c[:3], c, "society", "a national Red Cross or Red Crescent society"
		} else {
			a.orgByForm(m, lo)
		}
		return
	}
	ctry, k := a.countryInName(m.a, m.b, false), m.a
	if bus := r.Code == "BUS"; ctry == "" {
		ctry, k = a.countryBefore(m.a, lo)
		if ctry == "" && bus && m.a-1 > lo && companyNouns[a.low(m.a-1)] {
			ctry, k = a.countryBefore(m.a-1, lo)
		}
		if c := a.basedCountry(m.a - 1); ctry == "" && bus && c != "" {
			ctry, k = c, m.a-1
		}
	}
	if m.from = m.a; ctry != "" {
		m.from = k
	}
	m.ctry, m.role, m.class, m.actor, m.step = ctry, r.Code, r.Class, ctry+r.Code, "institution named in full"
}

// orgByForm codes an organization name no dictionary or role knows from
// what surrounds and forms it: a description of an institution right
// before it ("the state broadcaster KBC"); a company noun before it ("the
// security consultancy X") → BUS; a university or college → EDU; a
// country named inside it ("Law Society of Kenya") or before it ("China's
// CBC", "the US-based X") gives the country, which is never guessed.
func (a *annotator) orgByForm(m *ment, lo int) {
	if r, start, ok := a.roleEndingAt(m.a, lo); ok && r.Org && r.Code != "" && !a.capitalized(m.a-1) {
		if m.ctry, _ = a.countryBefore(start, lo); international(m.ctry) || len(m.ctry) > 3 {
			m.ctry = ""
		}
		m.role, m.class, m.actor, m.step = r.Code, r.Class, m.ctry+r.Code, "organisation by the form of its name"
		return
	}
	sector, before := "", ""
	if a.anyTok(m.a, m.b, func(t int) bool { return eduWords[a.low(t)] }) {
		sector = "EDU"
	}
	if m.a-1 >= lo && companyNouns[a.low(m.a-1)] && a.low(m.a-1) != "group" && !a.capitalized(m.a-1) {
		sector = "BUS"
		before, _ = a.countryBefore(m.a-1, lo)
		// "the US agrochemical giant X", "the Paris-based exchange X":
		// up to two lower-case words between the country and the noun.
		for k := m.a - 2; before == "" && k >= lo && k >= m.a-3; k-- {
			if before = a.basedCountry(k); before == "" && (a.capitalized(k) || !a.word(k) || determiners[a.low(k)]) {
				before, _ = a.countryBefore(k+1, lo)
				break
			}
		}
	} else if c := a.basedCountry(m.a - 1); m.a-1 >= lo && c != "" {
		before = c
	} else if c, k := a.countryBefore(m.a, lo); isCountryCode(c) && (sector != "" || k < m.a-1) {
		before = c // a university after a country word, any body after a possessive
	}
	// The head before "of" ("Law Society of Kenya") makes a body; "Niger
	// Delta", "Mozambique Channel" are places.
	inName := a.countryInName(m.a, m.b, true)
	if head := m.a + a.walk(m.a+1, 1, m.b, m.b, func(t int) bool { return a.low(t) != "of" }); !orgHeads[a.low(head)] {
		inName = ""
	}
	if !isCountryCode(before) {
		before = ""
	}
	if ctry := cmp.Or(inName, before); sector != "" || ctry != "" {
		m.ctry, m.class, m.actor, m.step = ctry, sectorClasses[sector], ctry+sector, "organisation by the form of its name"
	}
}

// countryInName returns the country of the first capitalized word of
// tokens [i, j) that is a demonym (not a plural one when singular) or a
// country's name, or "".
func (a *annotator) countryInName(i, j int, singular bool) string {
	for k := i; k < j; k++ {
		if !a.capitalized(k) {
			continue
		}
		if c := demonymCode(a.tok(k)); c != "" && (!singular || !strings.HasSuffix(a.low(k), "s")) {
			return c
		}
		if c := countryCode(a.tok(k)); c != "" {
			return c
		}
	}
	return ""
}

// basedCountry returns the country of "<place>-based" at token k ("US-based",
// "Paris-based", "Jakarta-based"), or "".
func (a *annotator) basedCountry(k int) string {
	if k < 0 || k >= len(a.d.Tokens) || !a.capitalized(k) {
		return ""
	}
	if place, ok := strings.CutSuffix(a.tok(k), "-based"); ok {
		return a.placeCode(place)
	}
	return ""
}

// institution types an organization name that no dictionary knows by
// its form: a state body ("National Prosecuting Authority" → JUD,
// "National Elections Commission" → GOV, "National Assembly" → LEG) or a
// company ("Ethiopian Airlines", "Kivu Mining Ltd" → BUS). The country
// comes from the caller (a demonym, a possessive, the story).
func (a *annotator) institution(i, j int) (actors.Role, bool) {
	last := a.low(j - 1)
	if corporateSuffixes[last] {
		return actors.Role{Code: "BUS", Class: "company", Org: true}, true
	}
	code, ok := institutionHeads[last]
	if j-i < 2 || !ok || !a.anyTok(i, j-1, func(t int) bool { return stateMarkers[a.low(t)] }) {
		return actors.Role{}, false
	}
	if a.anyTok(i, j-1, func(t int) bool { return strings.HasPrefix(a.low(t), "prosecut") || a.low(t) == "judicial" }) {
		code = "JUD"
	}
	return actors.Role{Code: code, Class: cmp.Or(institutionClasses[code], "government"), Org: true}, true
}

// nominals adds role descriptions: "the veteran diplomat", "the French
// official", "Kenya's interior ministry", "Ethiopian troops", "police".
func (a *annotator) nominals() {
	for _, sn := range each(a, a.d.Sentences) {
		for i := sn.FirstToken; i < sn.EndToken; i++ {
			if a.covered[i] == 0 && a.word(i) && (!a.capitalized(i) || i == sn.FirstToken) && !a.leaderOffice(i, sn.FirstToken) {
				if end := a.nominal(i, sn.FirstToken, sn.EndToken); end > 0 {
					i = end - 1
				}
			}
		}
	}
}

// personName returns the person name mention covering token t, or nil.
func (a *annotator) personName(t int) *ment {
	if c := a.covered[t]; c != 0 && a.ms[c-1].typ == document.Person && a.ms[c-1].kind == document.Name {
		return &a.ms[c-1]
	}
	return nil
}

// nominal reads the role description starting at token i of the sentence
// [lo, hi), adds it and returns its end, or 0. A title before a name is no
// description, nor a one-word role that modifies what follows: a rank word
// before a lower-case noun ("the general election"), another role
// adjective before a noun ("official prices"), a modifier that starts
// another role ("government troops"), an institution word used as an
// adjective ("no military solution", "a police station").
func (a *annotator) nominal(i, lo, hi int) int {
	r, end, ok := a.roleAt(i, hi)
	one := end == i+1
	if !ok || !a.free(i, end) || end < hi && a.covered[end] != 0 && a.ms[a.covered[end]-1].typ == document.Person ||
		one && rankAdjectives[a.low(i)] && end < hi && a.word(end) && !a.capitalized(end) ||
		one && roleAdjectives[a.low(i)] && a.attributive(end, hi, true) ||
		one && modifiers[a.low(i)] && a.roleStarts(end, hi) || one && r.Org && a.attributive(end, hi, false) {
		return 0
	}
	// Apposition before a name: "the opposition leader, Nelson Chamisa".
	appos := 0
	if end+1 < hi && a.tok(end) == "," && r.Person {
		if n := a.personName(end + 1); n != nil && n.a == end+1 {
			appos = end + 2
		}
	}
	m := ment{a: i, b: end, kind: document.Nominal, typ: document.NORP, gender: r.Gender, plural: r.Plural, person: r.Person}
	if r.Person {
		m.typ = document.Person
	} else if r.Org || groupCodes[r.Code] {
		m.typ = document.Org
	}
	// Modifiers, country and determiner before the role; or a country after it.
	k, former, ctry, k2 := a.roleBefore(i, lo, r, false)
	m.a, m.former = k, former
	ctry = cmp.Or(ctry, a.roleAfter(end, hi, r))
	det := k2-1 >= lo && determiners[a.low(k2-1)]
	indef := det && indefinites[a.low(k2-1)]
	// Another name right before ("Reuters reporters"): leave it.
	if k2 == k && k-1 >= lo && !det && a.covered[k-1] != 0 && a.ms[a.covered[k-1]-1].typ != document.GPE {
		return 0
	}
	if ctry == "" && k2-1 >= lo && possessives[a.low(k2-1)] {
		m.poss, det = k2, true
	}
	// Apposition after a name: "Nelson Chamisa, the opposition leader";
	// after an indefinite also an age and up to two lower-case words of a
	// compound before the role ("Dana Kovac, a 30-year-old nursing
	// student", "a taxi driver").
	if appos == 0 && r.Person {
		if p := a.nameBefore(k2, det, lo); p >= 0 {
			appos = p + 1
		} else if _, f, c, at := a.roleBefore(k-a.walk(k, -1, 2, lo, func(t int) bool {
			l := a.low(t)
			return a.word(t) && !a.capitalized(t) && !determiners[l] && !modifiers[l] && !strings.HasSuffix(l, "-year-old")
		}), lo, r, true); at-1 >= lo && indefinites[a.low(at-1)] {
			if p := a.nameBefore(at, true, lo); p >= 0 {
				appos, ctry, m.former = p+1, cmp.Or(c, ctry), f
			}
		}
	}
	// An indefinite description is no referent ("a senior official"); a
	// role without a code of its own ("chairman") only gives the name
	// before it its role.
	if appos == 0 && (r.Code == "" || !(r.Plural || r.Org || det || ctry != "") || (indef && ctry == "")) || r.Code == "" && appos > end {
		return 0
	}
	if m.appos, m.from = appos, m.a; ctry != "" && k2 < k {
		m.from = k2
	}
	// "a director of Japan's central bank" → GOV; "the deputy chairman of
	// Acme Mining" → the named body's code. The name before the
	// description that no title gave a role takes it.
	a.giveRole(&m, r, ctry, end, hi, r.Person, "role description", "role description at a named body")
	if appos > 0 && appos-1 < i {
		if n := &a.ms[a.covered[appos-1]-1]; n.step == "" {
			n.former = m.former
			a.giveRole(n, r, ctry, end, hi, true, "apposition: role after the name", "apposition: role at a named body")
		}
	}
	if r.Code == "" {
		return 0
	}
	if a.add(m); ctry != "" && k2 < k {
		a.coordinated(k2, r, m)
	}
	return end
}

// coordinated gives the other nationalities of a coordination their own
// mentions of the head's role: in "Ethiopian and Sudanese troops" the head
// mention is "troops" (SDNMIL) and "Ethiopian" becomes a description of
// Ethiopian troops (ETHMIL), replacing its NORP mention. q is the first
// token of the nearest nationality.
func (a *annotator) coordinated(q int, r actors.Role, head ment) {
	lo := a.sentStart(q)
	for q-1 > lo && coordinators[a.low(q-1)] {
		c, p := a.countryBefore(q-1, lo)
		if c == "" || p >= q-1 || international(c) {
			return
		}
		m := ment{a: p, b: q - 1, kind: document.Nominal, typ: head.typ, plural: head.plural, person: head.person, gender: head.gender, former: head.former}
		m.ctry, m.from, m.label = c, p, a.text(p, q-1)+" "+a.text(head.a, head.b)
		a.applyRole(&m, r, "coordinated role with its own country")
		if ci := a.covered[p]; ci != 0 {
			o := &a.ms[ci-1]
			if o.a != p || o.b != q-1 || o.typ != document.NORP && o.typ != document.Misc {
				return
			}
			m.sent, m.ent = o.sent, -1
			*o = m
		} else if !a.free(p, q-1) {
			return
		} else {
			a.add(m)
		}
		q = p
	}
}

// attributive reports whether token j, right after a one-word role, is a
// lower-case word that reads as the noun the role word modifies: not a
// function word, not an auxiliary or a verb form ending in -ed or -s (when
// plural, -s may end a noun; no modifier, "two", or -ing before a determiner).
func (a *annotator) attributive(j, hi int, plural bool) bool {
	if j >= hi || !a.word(j) || a.capitalized(j) {
		return false
	}
	l := a.low(j)
	ing := strings.HasSuffix(l, "ing") && j+1 < hi && determiners[a.low(j+1)]
	return !followWords[l] && !(plural && (modifiers[l] || ing)) && !agentVerbs[l] && !speechVerbs[l] && !strings.HasSuffix(l, "ed") && (plural || !strings.HasSuffix(l, "s")) && !strings.HasSuffix(l, "'")
}

// nameBefore returns the first token of a person name that ends with a
// comma right before the description starting at token k (after its
// determiner when det), or -1.
func (a *annotator) nameBefore(k int, det bool, lo int) int {
	c := k - 1
	if det {
		c--
	}
	if c-1 < lo || a.tok(c) != "," {
		return -1
	}
	if n := a.personName(c - 1); n != nil && n.b == c {
		return n.a
	}
	return -1
}

// pronouns adds third-person pronouns; only the resolved ones are kept.
func (a *annotator) pronouns() {
	for i := range each(a, a.d.Tokens) {
		if p, ok := pronouns[a.low(i)]; ok && a.covered[i] == 0 && (a.low(i) != "it" || a.agentIt(i)) {
			m := ment{a: i, b: i + 1, kind: document.Pronoun, plural: p == "plural"}
			if p == "m" || p == "f" {
				m.gender = p
			}
			a.add(m)
		}
	}
}

// agentIt reports whether "it" at token i is followed by an agent verb:
// "it said", "it would", "it was sending"; not "it is likely".
func (a *annotator) agentIt(i int) bool {
	if i+1 >= len(a.d.Tokens) || !agentVerbs[a.low(i+1)] {
		return false
	}
	return !copulas[a.low(i+1)] || i+2 < len(a.d.Tokens) && (strings.HasSuffix(a.low(i+2), "ing") || strings.HasSuffix(a.low(i+2), "ed"))
}

// international reports whether code names an international or
// non-governmental organization, whose staff take the organization's code.
func international(code string) bool {
	return strings.HasPrefix(code, "IGO") || strings.HasPrefix(code, "NGO")
}

// key returns the folded dictionary key of tokens [i, j): the ASCII
// lower-cased text, folded further (allocating) only when it has dots,
// hyphens, non-ASCII letters or irregular spaces.
func (a *annotator) key(i, j int) string {
	return actors.Key(a.lowText(i, j))
}

// bylineAgency reports whether name mention m is the source in a dateline
// "PLACE, date (AGENCY) —": a name alone in parentheses followed by a dash.
func (a *annotator) bylineAgency(m *ment) bool {
	if m.a == 0 || m.b+1 >= len(a.d.Tokens) || a.tok(m.a-1) != "(" || a.tok(m.b) != ")" {
		return false
	}
	return dashes[a.tok(m.b+1)] && (a.sentOf[m.a] == a.sentOf[0] || a.d.Tokens[m.a].Start < 200)
}

// leaderOffice adds an organization mention for "office" after a serving
// government official's possessive ("Prime Minister Sheikh Hasina's
// office", "the president's office"): the office speaks for the
// government, with the official's country. It reports whether it added one
// at token i.
func (a *annotator) leaderOffice(i, first int) bool {
	if !officeWords[a.low(i)] || i-2 < first || a.covered[i] != 0 || a.low(i-1) != "'s" && a.low(i-1) != "’s" || a.covered[i-2] == 0 {
		return false
	}
	if o := a.ms[a.covered[i-2]-1]; o.typ == document.Person && o.role == "GOV" && !o.former && o.b == i-1 {
		m := ment{a: i, b: i + 1, kind: document.Nominal, typ: document.Org, ctry: o.ctry, role: "GOV", step: "a leader's office"}
		m.label, m.actor = a.text(min(o.a, cmp.Or(o.from, o.a)), i+1), roleActor(o.ctry, "GOV", false)
		a.add(m)
		return true
	}
	return false
}
