package entities

// Actors in context: each mention's actor code and country once the places
// are known (resolveActors), including the setting country of roles without
// one (policy rule 1), and the story setting every later stage reads.

import (
	"cmp"
	"context"
	"embed"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/actors"
	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lexicon"
	"github.com/newsgraph/newsgraph/internal/words"
)

//go:embed data/coref.txt
var corefFS embed.FS

// corefLex holds the word lists of coreference and the actors in context
// (data/coref.txt); the stage's constructor checks it with lex.
var corefLex = lexicon.Load(corefFS, "data/coref.txt")

var (
	countrylessFeatures = corefLex.Set("countrylessFeatures")
	placePrepositions   = corefLex.Set("placePrepositions")
)

// ActorsStage is the "actors" stage: it runs after the entities and geo
// stages and gives every mention its actor code in context
// (Mention.ContextActor, Mention.Qualifies) and the document its story
// setting (Document.Setting). It holds no state and is safe for concurrent
// use.
type ActorsStage struct{}

// NewActors returns the actors stage.
func NewActors() *ActorsStage { return &ActorsStage{} }

// Name returns "actors".
func (*ActorsStage) Name() string { return "actors" }

// Requires returns the layers the resolution reads.
func (*ActorsStage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens, document.LayerDateline,
		document.LayerMentions, document.LayerEntities}
}

// Optional returns the locations layer: the places' countries complete the
// codes and decide the setting when the geo stage runs.
func (*ActorsStage) Optional() []document.Layer {
	return []document.Layer{document.LayerLocations}
}

// Provides returns the actors and setting layers.
func (*ActorsStage) Provides() []document.Layer {
	return []document.Layer{document.LayerActors, document.LayerSetting}
}

// Process sets every mention's ContextActor and Qualifies and d.Setting.
// It returns an error only when ctx is done.
func (*ActorsStage) Process(ctx context.Context, d *document.Document) error {
	return resolve(ctx, d)
}

// Resolve is the actors stage's work over d (see ActorsStage.Process).
func Resolve(d *document.Document) {
	_ = resolve(context.Background(), d) // errs only when the context is done
}

// resolve is Resolve that returns ctx's error, checked between the steps,
// when ctx is done before the end.
func resolve(ctx context.Context, d *document.Document) error {
	r, err := resolveActors(ctx, d)
	if err != nil {
		return err
	}
	for i, code := range r.codes {
		d.Mentions[i].ContextActor, d.Mentions[i].Qualifies = code, r.head[i]
		if code != "" {
			d.Trace(document.LayerMentions, i, "context_actor", r.why[i], code)
		}
	}
	st := newSettings(d, r.codes, r.sent)
	d.Setting = document.Setting{Dateline: st.dateline, Sentences: make([]document.SentenceSetting, len(d.Sentences))}
	for si := range d.Sentences {
		ss := &d.Setting.Sentences[si]
		ss.Country = st.country(si, "")
		if len(st.places[si]) == 1 {
			ss.Places = st.places[si][0]
		}
	}
	return ctx.Err()
}

// resolution is the actors stage's state over one document: per mention
// its code, the step that decided it (--explain), the head mention a
// modifier belongs to (-1 when none), whether a country modifier stands
// next to it (modded), the index of its place among d.Locations (-1), the
// country the entities stage inferred and the text does not state, and its
// first and last token and its sentence.
type resolution struct {
	d                    *document.Document
	codes, why, inferred []string
	head, locOf          []int
	first, last, sent    []int
	modded               []bool
	byTok                []int32 // token index → the first mention over it, -1
}

// resolveActors computes the actor code of every mention of d by the steps
// below, in order; the error is ctx's, checked between them.
func resolveActors(ctx context.Context, d *document.Document) (*resolution, error) {
	n := len(d.Mentions)
	r := &resolution{d: d, codes: make([]string, n), why: make([]string, n), inferred: make([]string, n),
		head: slices.Repeat([]int{-1}, n), locOf: slices.Repeat([]int{-1}, n), modded: make([]bool, n),
		first: make([]int, n), last: make([]int, n), sent: make([]int, n), byTok: slices.Repeat([]int32{-1}, len(d.Tokens))}
	for i, l := range d.Locations {
		if l.Mention >= 0 && l.Mention < n && l.IsPlace() {
			r.locOf[l.Mention] = i
		}
	}
	for j, m := range d.Mentions {
		r.first[j], r.last[j], r.sent[j] = d.TokenAt(m.Start), d.TokenAt(m.End-1), d.SentenceAt(m.Start)
		for t := r.first[j]; t >= 0 && t < len(d.Tokens) && d.Tokens[t].Start < m.End; t++ {
			if r.byTok[t] < 0 {
				r.byTok[t] = int32(j)
			}
		}
	}
	for _, step := range []func(){r.own, r.modifiers, r.overLists, r.placeAfter, r.stated, r.coreferent, r.setting, r.military} {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
	}
	return r, nil
}

// own gives every mention its own code, else its entity's, or the country
// its words name.
func (r *resolution) own() {
	d := r.d
	for mi, m := range d.Mentions {
		code, step := m.Actor, "the mention's own code"
		ent := ""
		if m.Entity >= 0 && m.Entity < len(d.Entities) {
			ent = d.Entities[m.Entity].Actor
		}
		if code == "" && ent != "" {
			code, step = ent, "its entity's code"
		}
		switch {
		case code != "":
		case m.Kind == document.Name && m.Type == document.Org && ofCountry(d.Slice(m.Span)) != "":
			// "the Medical Council of Ghana", "the Embassy of France": an
			// organisation named after its country acts for that country
			code, step = ofCountry(d.Slice(m.Span)), "organisation named after its country"
		case (m.Type == document.NORP || m.Type == document.Misc) && demonymCode(d.Slice(m.Span)) != "":
			code, step = demonymCode(d.Slice(m.Span)), "nationality word"
		case (m.Type == document.GPE || m.Type == document.Loc) && r.locOf[mi] >= 0 && placeCountry(d.Locations[r.locOf[mi]]) != "":
			code, step = placeCountry(d.Locations[r.locOf[mi]]), "the place's country"
		default:
			step = ""
		}
		r.codes[mi], r.why[mi] = code, step
	}
}

// modifiers completes a code with the country of a nationality, country or
// possessive before the mention. The walk left over modifier words is not
// bounded by the sentence: the modifier words stop at any punctuation, and
// a sentence split inside a name ("Prime Minister | Viktor Orban") must
// not cut the modifier off.
func (r *resolution) modifiers() {
	d, codes := r.d, r.codes
	for i := range d.Mentions {
		j := r.first[i] - 1
		if j < 0 {
			continue
		}
		for steps := 0; j >= 0 && steps < 3 && modifierWords[strings.ToLower(d.TokenText(j))]; steps++ {
			j--
		}
		poss := j > 0 && (possessiveMarks[d.TokenText(j)] || d.TokenText(j) == "’")
		if poss {
			j--
		}
		if j < 0 || r.byTok[j] < 0 || int(r.byTok[j]) == i {
			continue
		}
		mod := int(r.byTok[j])
		mt, cc := d.Mentions[mod].Type, actors.CountryOf(codes[mod])
		if !poss && mt != document.NORP && mt != document.GPE && mt != document.Misc || cc == "" || strings.HasPrefix(codes[mod], "IGO") {
			continue
		}
		r.head[mod], r.modded[i] = i, true
		if actors.CountryOf(codes[i]) == "" && codes[i] != "" {
			codes[i], r.why[i] = cc+codes[i], "country modifier before the role"
		} else if codes[i] == "" {
			codes[i], r.why[i] = cc, "country modifier before it"
		}
	}
}

// overLists lets a nationality before a business or role noun scope over
// the list of names after it: "Dutch firms Philips and Akzo" are both
// Dutch.
func (r *resolution) overLists() {
	d, codes := r.d, r.codes
	for i := range d.Mentions {
		if !r.modded[i] || actors.CountryOf(codes[i]) == "" {
			continue
		}
		for j := i + 1; j < len(d.Mentions) && d.Mentions[j].Start >= d.Mentions[j-1].End; j++ {
			gap := strings.TrimSpace(d.Text[d.Mentions[j-1].End:d.Mentions[j].Start])
			if gap != "," && gap != "and" && gap != ", and" || d.Mentions[j].Type == document.GPE || d.Mentions[j].Type == document.NORP {
				break
			}
			if codes[j] == "" {
				codes[j], r.why[j], r.modded[j] = codes[i], "a nationality over the list", true
			} else if actors.CountryOf(codes[j]) != actors.CountryOf(codes[i]) {
				break
			}
		}
	}
}

// stated strips the country of a description the text does not state: a
// description's country must come from its own words or a modifier or
// possessive next to it.
// "Protesters marched in Nairobi" names no country for the protesters from
// the description itself; the setting step gives it.
func (r *resolution) stated() {
	d, codes := r.d, r.codes
	for i, m := range d.Mentions {
		if m.Kind == document.Nominal && !strings.HasPrefix(codes[i], "IGO") && actors.CountryOf(codes[i]) != "" &&
			!r.modded[i] && !namesCountry(d, r.first[i], m.End) {
			r.inferred[i], codes[i] = codes[i][:3], codes[i][3:] // keep the role
			r.why[i] = "role kept, country not stated by the text"
		}
	}
}

// coreferent gives a role without a country the country its coreferent
// mentions got from the text ("Chilean Interior Minister Ana Soto ...
// Soto"): the code of the first of its entity's mentions, in the entity's
// order, whose code (as it is at that moment) has a country and ends with
// the role. The answer per entity and role is scanned for once (first) and
// lowered when a mention is given a fitting code (a code never loses its
// country, so an answer only moves earlier): an entity mentioned thousands
// of times is not rescanned per mention.
func (r *resolution) coreferent() {
	d, codes := r.d, r.codes
	pos := slices.Repeat([]int{-1}, len(d.Mentions)) // a mention's first place among its entity's mentions
	for e, ent := range d.Entities {
		for k, o := range ent.Mentions {
			if o >= 0 && o < len(pos) && pos[o] < 0 && d.Mentions[o].Entity == e {
				pos[o] = k
			}
		}
	}
	fits := func(o int, role string) bool {
		return actors.CountryOf(codes[o]) != "" && (role == "" || strings.HasSuffix(codes[o], role))
	}
	first := map[int]map[string]int{} // per entity and role, the answer (-1: none)
	for i, m := range d.Mentions {
		e, role := m.Entity, codes[i]
		if actors.CountryOf(role) != "" || e < 0 || e >= len(d.Entities) {
			continue
		}
		o, ok := first[e][role]
		if !ok || !donorsCache {
			o = -1
			for _, k := range d.Entities[e].Mentions {
				if k != i && k >= 0 && k < len(d.Mentions) && fits(k, role) {
					o = k
					break
				}
			}
			if first[e] == nil {
				first[e] = map[string]int{}
			}
			first[e][role] = o
		}
		if o < 0 {
			continue
		}
		codes[i], r.why[i] = codes[o], "a coreferent mention's country"
		for role, o := range first[e] {
			if pos[i] >= 0 && (o < 0 || pos[i] < pos[o]) && fits(i, role) {
				first[e][role] = i
			}
		}
	}
}

// donorsCache is false when coreferent scans for every answer (the test of
// the cache).
var donorsCache = true

// military codes a bare nationality before a military noun.
func (r *resolution) military() {
	d := r.d
	for i, m := range d.Mentions {
		if t := r.last[i] + 1; r.head[i] < 0 && (m.Type == document.NORP || m.Type == document.Misc) && len(r.codes[i]) == 3 &&
			t > 0 && t < len(d.Tokens) && militaryHeads[strings.ToLower(d.TokenText(t))] && r.byTok[t] < 0 {
			r.codes[i], r.why[i] = r.codes[i]+"MIL", "nationality before a military noun"
		}
	}
}

// namesCountry reports whether a word of the span that starts at token
// first and ends at byte end names a country or nationality ("Kenyan
// police" as one mention).
func namesCountry(d *document.Document, first, end int) bool {
	for t := first; t >= 0 && t < len(d.Tokens) && d.Tokens[t].Start < end; t++ {
		if w := d.TokenText(t); w != "" && w[0] >= 'A' && w[0] <= 'Z' && (demonymCode(w) != "" || countryCode(w) != "") {
			return true
		}
	}
	return false
}

// settings holds what decides a sentence's setting country (policy rule
// 1): the countries of the places each sentence names, the countries of
// its actors, and the dateline's country.
type settings struct {
	places, actors [][]string // per sentence, distinct country codes
	dateline       string
}

// newSettings collects the places and actor countries of d's sentences
// under the actor codes codes (sent: per mention, its sentence).
func newSettings(d *document.Document, codes []string, sent []int) *settings {
	ns := len(d.Sentences)
	st := &settings{places: make([][]string, ns), actors: make([][]string, ns), dateline: datelineCountry(d)}
	add := func(ms [][]string, si int, cc string) {
		if !slices.Contains(ms[si], cc) {
			ms[si] = append(ms[si], cc)
		}
	}
	isPlace := make([]bool, len(d.Mentions))
	for _, l := range d.Locations {
		if !l.IsPlace() {
			continue // a demonym is an actor's word, read from its mention
		}
		if l.Mention >= 0 && l.Mention < len(d.Mentions) {
			isPlace[l.Mention] = true
		}
		si, cc := d.SentenceAt(l.Start), placeCountry(l)
		if si < 0 || si >= ns || cc == "" {
			continue
		}
		if l.Mention < 0 || l.Mention >= len(d.Mentions) || words.Locative(d, l.Mention) ||
			l.Feature != "country" && actors.CountryOf(d.Mentions[l.Mention].Actor) == "" {
			add(st.places, si, cc)
		} else {
			add(st.actors, si, cc) // a country or capital as an actor: "Kenya said"
		}
	}
	for o, om := range d.Mentions {
		si := sent[o]
		if si < 0 || si >= ns || om.Kind == document.Pronoun || isPlace[o] {
			continue
		}
		if cc := actors.CountryOf(codes[o]); cc != "" && !strings.HasPrefix(codes[o], "IGO") && codes[o] != "UNO" {
			add(st.actors, si, cc)
		}
	}
	return st
}

// country returns the setting country of sentence si for a role: the one
// country of the places it names, or, when it names none, inferred (the
// story country the entities stage gave the role) or the dateline's
// country; "" when another country among the sentence's actors, or the
// actors of the sentence before when it names no place, competes.
func (st *settings) country(si int, inferred string) string {
	if si < 0 || si >= len(st.places) {
		return ""
	}
	cand := ""
	switch len(st.places[si]) {
	case 0:
		cand = cmp.Or(inferred, st.dateline)
	case 1:
		cand = st.places[si][0]
	}
	// nearby context, when the sentence names no place: the actors of the
	// sentence before ("Beijing said ... Foreign Ministry spokesman X urged
	// Manila")
	other := func(c string) bool { return c != cand }
	if cand == "" || slices.ContainsFunc(st.actors[si], other) || si > 0 && len(st.places[si]) == 0 && slices.ContainsFunc(st.actors[si-1], other) {
		return ""
	}
	return cand
}

// setting gives a role mention whose country the text does not
// state ("police", "protesters", "the army") the country of its setting when
// the setting is one country (policy rule 1, see settings.country). Only
// descriptions ("the minister") get one: names and pronouns keep what
// coreference gave them (a named person's setting is often not their
// country: an executive or envoy abroad).
func (r *resolution) setting() {
	d, codes := r.d, r.codes
	var st *settings
	for i, m := range d.Mentions {
		if !settable[codes[i]] || m.Kind != document.Nominal || len(d.Sentences) == 0 || words.Diplomatic(d.Slice(m.Span)) {
			// diplomats serve their country abroad: the setting is not theirs
			continue
		}
		if st == nil {
			st = newSettings(d, codes, r.sent) // at the first role, before any code changes
		}
		if cc := st.country(r.sent[i], r.inferred[i]); cc != "" {
			codes[i], r.why[i] = cc+codes[i], "the sentence's setting country"
		}
	}
}

// datelineCountry returns the CAMEO country code of the place in the
// story's dateline ("NAIROBI, May 6 —" → KEN), looked up among the
// locations of the geo stage, or "".
func datelineCountry(d *document.Document) string {
	for _, l := range d.Locations { // none when there is no dateline (an empty span)
		if c := alpha2Code(l.Country); l.Start >= d.Dateline.Start && l.Start < d.Dateline.End && c != "" {
			return c
		}
	}
	return ""
}

// ofCountry returns the CAMEO country code of the country that ends an
// organisation's name after "of" ("Law Society of Kenya" → KEN), or "".
func ofCountry(name string) string {
	i := strings.LastIndex(name, " of ")
	if i < 0 {
		return ""
	}
	return countryCode(strings.TrimPrefix(strings.TrimSpace(name[i+4:]), "the "))
}

// placeAfter gives a role description followed by "in" or "from" and a
// place ("police in Lagos", "officials from Kenya") the place's country and
// marks it as stated (modded). Diplomats and embassies are left alone:
// "the ambassador in London" serves another country.
func (r *resolution) placeAfter() {
	d, codes := r.d, r.codes
	for i, m := range d.Mentions {
		if r.modded[i] || m.Kind != document.Nominal {
			continue
		}
		role := codes[i]
		if actors.CountryOf(role) != "" && len(role) > 3 {
			role = role[3:]
		}
		if !settable[role] || words.Diplomatic(d.Slice(m.Span)) {
			continue
		}
		t := r.last[i]
		if t < 0 || t+2 >= len(d.Tokens) || !placePrepositions[strings.ToLower(d.TokenText(t+1))] {
			continue
		}
		k := t + 2
		if strings.EqualFold(d.TokenText(k), "the") && k+1 < len(d.Tokens) {
			k++
		}
		for j := i + 1; j < len(d.Mentions) && j <= i+3; j++ {
			if r.first[j] == k { // the place's mention
				if li := r.locOf[j]; li >= 0 && placeCountry(d.Locations[li]) != "" {
					codes[i], r.why[i], r.modded[i] = placeCountry(d.Locations[li])+role, "place named after the role", true
				}
				break
			}
		}
	}
}

// placeCountry returns the CAMEO country code of a location that lies in
// one known country, or "": a body of water, a region or a continent has
// none.
func placeCountry(l document.Location) string {
	if countrylessFeatures[l.Feature] {
		return ""
	}
	return alpha2Code(l.Country)
}
