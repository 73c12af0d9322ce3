package entities

import (
	"container/list"
	"sort"
	"strings"
)

// The coreference sieve (coref.go) asks, for every mention, which earlier
// entity has a name key, surname, dictionary name, country, acronym or role
// class, and which of those is the most salient. Scanning every earlier
// entity (or mention) for each question made a long document quadratic;
// corefIndex answers them from indexes kept up to date as mentions join
// entities, so a question costs about the number of entities that could
// answer it. Every index is a superset: the sieve re-checks its own
// conditions on each candidate, so the answers are exactly those of the
// scans they replace.

// indexFrom is the number of mentions from which coreference keeps the
// indexes; a document with fewer takes every earlier entity as a candidate
// (cands, salient), which costs less there (the answers are the same:
// TestCorefIndexSameAsScan).
var indexFrom = 300

// The indexes of corefIndex.by: name keys, a key's leading words, its
// words after a space, and a field's values (entities whose field once had
// it).
const (
	byKey = iota
	byPrefix
	bySuffix
	bySurname
	byOrg
	byCtry
	byAcr
	nIndexes
)

// corefIndex indexes the entities under construction of one document.
type corefIndex struct {
	by [nIndexes]map[string][]int

	// maxMen[ei] is the entity's latest mention (-1 when it has none):
	// "most recent first" salience orders entities by it.
	maxMen []int
	// recent lists the entities with a mention in order of maxMen (the
	// most recent at the back); byClass and diplomats list the entities of
	// a role class and the diplomats in the same order.
	recent    *list.List
	byClass   map[string]*list.List
	diplomats *list.List
	// actor[ei] is the entity's actor code as actorOf gives it (the
	// longest code of its mentions, the first on a tie), kept as mentions
	// join; byActor lists the entities by the codes they had.
	actor   []string
	byActor map[string]*list.List
	// nodes[ei] are the entity's elements in those lists, by list.
	nodes []map[*list.List]*list.Element
	// moved lists the entities a mention was moved into or out of
	// (moveMention): only their lastSent may differ from the sentence of
	// their latest mention.
	moved []int
	// Per index and entity, the value last indexed (so a field set again
	// to the same value is not indexed twice; for byAcr the name whose
	// acronym was indexed).
	last [nIndexes][]string
}

func newCorefIndex() *corefIndex {
	x := &corefIndex{recent: list.New(), byClass: map[string]*list.List{}, diplomats: list.New(), byActor: map[string]*list.List{}}
	for i := range x.by {
		x.by[i] = map[string][]int{}
	}
	return x
}

// cands returns the entities index by lists under k, or, without the
// indexes (a short document), every entity so far: the sieve re-checks
// its conditions on each.
func (a *annotator) cands(by int, k string) []int {
	if a.cix == nil {
		return a.allEnts
	}
	return a.cix.by[by][k]
}

// grow makes room for entity ei.
func (x *corefIndex) grow(ei int) {
	for len(x.maxMen) <= ei {
		x.maxMen = append(x.maxMen, -1)
		x.nodes = append(x.nodes, map[*list.List]*list.Element{})
		x.actor = append(x.actor, "")
		for _, by := range []int{bySurname, byOrg, byCtry, byAcr} {
			x.last[by] = append(x.last[by], "")
		}
	}
}

// addKey indexes a new name key of entity ei: the key, its leading words
// and its trailing words.
func (x *corefIndex) addKey(ei int, k string) {
	x.by[byKey][k] = append(x.by[byKey][k], ei)
	for i := 0; i < len(k); i++ {
		if k[i] == ' ' {
			x.by[byPrefix][k[:i]] = append(x.by[byPrefix][k[:i]], ei)
			x.by[bySuffix][k[i+1:]] = append(x.by[bySuffix][k[i+1:]], ei)
		}
	}
}

// note indexes the fields of e (entity ei) that changed since the last
// call: surname, dictionary name, country, acronym, classes, diplomat.
func (x *corefIndex) note(e *ent, ei int) {
	x.grow(ei)
	for _, f := range [...]struct {
		by int
		v  string
	}{{bySurname, e.surname}, {byOrg, e.org}, {byCtry, e.ctry}} {
		if f.v != "" && f.v != x.last[f.by][ei] {
			x.last[f.by][ei] = f.v
			x.by[f.by][f.v] = append(x.by[f.by][f.v], ei)
		}
	}
	if e.name != x.last[byAcr][ei] {
		x.last[byAcr][ei] = e.name
		if ac := acronym(e.name); ac != "" {
			x.by[byAcr][ac] = append(x.by[byAcr][ac], ei)
		}
	}
	for _, c := range e.classes {
		x.place(listOf(x.byClass, c), ei)
	}
	if e.diplomat {
		x.place(x.diplomats, ei)
	}
	if c := x.actor[ei]; c != "" {
		x.place(listOf(x.byActor, c), ei)
	}
}

// listOf returns the list under k of lists, made on first use.
func listOf(lists map[string]*list.List, k string) *list.List {
	l := lists[k]
	if l == nil {
		l = list.New()
		lists[k] = l
	}
	return l
}

// joined records that mention mi (the latest so far, with actor code
// actor) joined entity ei.
func (x *corefIndex) joined(e *ent, ei, mi int, actor string) {
	x.grow(ei)
	x.maxMen[ei] = mi
	if len(actor) > len(x.actor[ei]) {
		x.actor[ei] = actor
	}
	for l, el := range x.nodes[ei] {
		l.MoveToBack(el)
	}
	if _, ok := x.nodes[ei][x.recent]; !ok {
		x.nodes[ei][x.recent] = x.recent.PushBack(ei)
	}
	x.note(e, ei)
}

// place puts entity ei into l at the place of its latest mention (it is
// there already when it is in l).
func (x *corefIndex) place(l *list.List, ei int) {
	if _, ok := x.nodes[ei][l]; ok || x.maxMen[ei] < 0 {
		return
	}
	x.nodes[ei][l] = x.insert(l, ei)
}

// insert inserts ei into l (ordered by maxMen) and returns its element.
func (x *corefIndex) insert(l *list.List, ei int) *list.Element {
	at := l.Back()
	for at != nil && x.maxMen[at.Value.(int)] > x.maxMen[ei] {
		at = at.Prev()
	}
	if at == nil {
		return l.PushFront(ei)
	}
	return l.InsertAfter(ei, at)
}

// movedMention records that mention mi moved from entity old (-1: none)
// into entity ei; actorOf gives an entity's actor code.
func (x *corefIndex) movedMention(es []*ent, old, ei, mi int, actorOf func(*ent) string) {
	x.grow(max(old, ei))
	x.moved = append(x.moved, ei)
	x.actor[ei] = actorOf(es[ei])
	if old >= 0 {
		x.actor[old] = actorOf(es[old])
		x.moved = append(x.moved, old)
		top := -1
		for _, k := range es[old].ms {
			top = max(top, k)
		}
		x.reorder(old, top)
		x.note(es[old], old)
	}
	x.reorder(ei, max(x.maxMen[ei], mi))
	x.note(es[ei], ei)
}

// reorder gives entity ei the latest mention top (-1: none) and moves it
// to its place in every list it is in.
func (x *corefIndex) reorder(ei, top int) {
	x.maxMen[ei] = top
	for l, el := range x.nodes[ei] {
		l.Remove(el)
		if top < 0 {
			delete(x.nodes[ei], l)
			continue
		}
		x.nodes[ei][l] = x.insert(l, ei)
	}
	if _, ok := x.nodes[ei][x.recent]; !ok && top >= 0 {
		x.nodes[ei][x.recent] = x.insert(x.recent, ei)
	}
}

// salient calls f with the entities in order of salience at mention mi
// until f returns true, and returns what f accepted or -1. The order: the
// entities of the current sentence before mi and of the three sentences
// before it, each sentence left to right (subjects first), then all other
// earlier entities, most recent first.
// With the indexes, only the entities of lists (x.recent: every entity)
// are candidates after the recent sentences; stop, when not nil, ends the
// walk at the first entity of the lists for which it is true (they come
// most recent first), after which only the moved entities are tried.
// Without them (a short document) every earlier mention's entity is tried,
// the latest first, and lists and stop are not read: f re-checks what they
// select.
func (a *annotator) salient(mi int, lists []*list.List, stop func(ei int) bool, f func(ei int) bool) int {
	a.epoch++
	m := &a.ms[mi]
	k := mi - 1
	for s := m.sent; s >= 0 && s >= m.sent-3; s-- {
		for k >= 0 && a.ms[k].sent >= s {
			k--
		}
		for j := k + 1; j < mi; j++ {
			if o := &a.ms[j]; o.sent == s && o.ent >= 0 && a.stamp[o.ent] != a.epoch {
				a.stamp[o.ent] = a.epoch
				if f(o.ent) {
					return o.ent
				}
			}
		}
	}
	x := a.cix
	if x == nil {
		for k := mi - 1; k >= 0; k-- {
			if e := a.ms[k].ent; e >= 0 && a.stamp[e] != a.epoch {
				a.stamp[e] = a.epoch
				if f(e) {
					return e
				}
			}
		}
		return -1
	}
	// Merge the lists from their backs, most recent first.
	els := make([]*list.Element, 0, len(lists))
	for _, l := range lists {
		if l != nil {
			els = append(els, l.Back())
		}
	}
	var stopAt = -1 // maxMen where the walk stopped
	for {
		bi := -1
		for i, el := range els {
			if el != nil && (bi < 0 || x.maxMen[el.Value.(int)] > x.maxMen[els[bi].Value.(int)]) {
				bi = i
			}
		}
		if bi < 0 {
			break
		}
		ei := els[bi].Value.(int)
		els[bi] = els[bi].Prev()
		if a.stamp[ei] == a.epoch {
			continue
		}
		if stop != nil && stop(ei) {
			stopAt = x.maxMen[ei] + 1
			break
		}
		a.stamp[ei] = a.epoch
		if f(ei) {
			return ei
		}
	}
	if stopAt < 0 {
		return -1
	}
	// The moved entities below the stop, most recent first.
	var rest []int
	for _, ei := range x.moved {
		if a.stamp[ei] != a.epoch && x.maxMen[ei] >= 0 && x.maxMen[ei] < stopAt && x.inLists(ei, lists) {
			a.stamp[ei] = a.epoch
			rest = append(rest, ei)
		}
	}
	sort.Slice(rest, func(i, j int) bool { return x.maxMen[rest[i]] > x.maxMen[rest[j]] })
	for _, ei := range rest {
		if f(ei) {
			return ei
		}
	}
	return -1
}

func (x *corefIndex) inLists(ei int, lists []*list.List) bool {
	for _, l := range lists {
		if _, ok := x.nodes[ei][l]; ok {
			return true
		}
	}
	return false
}

// hasPrefixKey reports whether one of e's keys starts with key and a space.
func (e *ent) hasPrefixKey(key string) bool {
	for _, k := range e.keys {
		if len(k) > len(key) && k[len(key)] == ' ' && strings.HasPrefix(k, key) {
			return true
		}
	}
	return false
}
