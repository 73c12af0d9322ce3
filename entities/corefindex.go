package entities

import (
	"slices"
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
	// The salience logs, in order of mention: every entity with a mention
	// (recent), the entities of a role class, the diplomats, and the
	// entities by the actor codes they had. An entity is logged with its
	// latest mention whenever that changes (note), so an entry whose
	// mention is no longer the entity's latest is stale.
	recent, diplomats salLog
	byClass, byActor  map[string]*salLog
	// actor[ei] is the entity's actor code as actorOf gives it (the
	// longest code of its mentions, the first on a tie), kept as mentions
	// join.
	actor []string
	// moved lists the entities a mention was moved into or out of
	// (moveMention): only their lastSent may differ from the sentence of
	// their latest mention.
	moved []int
	// Per index and entity, the value last indexed (so a field set again
	// to the same value is not indexed twice; for byAcr the name whose
	// acronym was indexed).
	last [nIndexes][]string
}

// salLog is a salience log: entities with their latest mention at the
// time, ordered by that mention.
type salLog []struct{ ei, at int }

func newCorefIndex() *corefIndex {
	x := &corefIndex{byClass: map[string]*salLog{}, byActor: map[string]*salLog{}}
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
// call (surname, dictionary name, country, acronym) and logs e with its
// latest mention in the salience logs of its classes, diplomat status and
// actor code.
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
	at := x.maxMen[ei]
	if at < 0 {
		return
	}
	logs := []*salLog{&x.recent}
	for _, c := range e.classes {
		logs = append(logs, logOf(x.byClass, c))
	}
	if e.diplomat {
		logs = append(logs, &x.diplomats)
	}
	if c := x.actor[ei]; c != "" {
		logs = append(logs, logOf(x.byActor, c))
	}
	for _, l := range logs {
		// At the back but after a moved mention (moveMention).
		i := len(*l)
		for i > 0 && (*l)[i-1].at > at {
			i--
		}
		*l = slices.Insert(*l, i, struct{ ei, at int }{ei, at})
	}
}

// logOf returns the log under k of logs, made on first use.
func logOf(logs map[string]*salLog, k string) *salLog {
	if logs[k] == nil {
		logs[k] = &salLog{}
	}
	return logs[k]
}

// joined records that mention mi (the latest so far, with actor code
// actor) joined entity ei.
func (x *corefIndex) joined(e *ent, ei, mi int, actor string) {
	x.grow(ei)
	x.maxMen[ei] = mi
	if len(actor) > len(x.actor[ei]) {
		x.actor[ei] = actor
	}
	x.note(e, ei)
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
		x.maxMen[old] = -1
		for _, k := range es[old].ms {
			x.maxMen[old] = max(x.maxMen[old], k)
		}
		x.note(es[old], old)
	}
	x.maxMen[ei] = max(x.maxMen[ei], mi)
	x.note(es[ei], ei)
}

// salient calls f with the entities in order of salience at mention mi
// until f returns true, and returns what f accepted or -1. The order: the
// entities of the current sentence before mi and of the three sentences
// before it, each sentence left to right (subjects first), then all other
// earlier entities, most recent first.
// With the indexes, only the entities of lists (&x.recent: every entity)
// are candidates after the recent sentences; stop, when not nil, ends the
// walk at the first entity of the lists for which it is true (they come
// most recent first), after which only the moved entities are tried.
// Without them (a short document) every earlier mention's entity is tried,
// the latest first, and lists and stop are not read: f re-checks what they
// select.
func (a *annotator) salient(mi int, lists []*salLog, stop func(ei int) bool, f func(ei int) bool) int {
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
	// Merge the logs from their backs, most recent first, past the stale
	// entries.
	ends := make([]int, len(lists))
	for i, l := range lists {
		if l != nil {
			ends[i] = len(*l)
		}
	}
	var stopAt = -1 // maxMen where the walk stopped
	for {
		bi := -1
		for i, n := range ends {
			if n > 0 && (bi < 0 || (*lists[i])[n-1].at > (*lists[bi])[ends[bi]-1].at) {
				bi = i
			}
		}
		if bi < 0 {
			break
		}
		ends[bi]--
		ei, at := (*lists[bi])[ends[bi]].ei, (*lists[bi])[ends[bi]].at
		if at != x.maxMen[ei] || a.stamp[ei] == a.epoch {
			continue
		}
		if stop != nil && stop(ei) {
			stopAt = at + 1
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
	// The moved entities below the stop, most recent first (f re-checks
	// that they are in the logs).
	var rest []int
	for _, ei := range x.moved {
		if a.stamp[ei] != a.epoch && x.maxMen[ei] >= 0 && x.maxMen[ei] < stopAt {
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

// hasPrefixKey reports whether one of e's keys starts with key and a space.
func (e *ent) hasPrefixKey(key string) bool {
	for _, k := range e.keys {
		if len(k) > len(key) && k[len(key)] == ' ' && strings.HasPrefix(k, key) {
			return true
		}
	}
	return false
}
