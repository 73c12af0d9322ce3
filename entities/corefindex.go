package entities

import (
	"slices"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
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

// The indexes of corefIndex.by: name keys, a key's leading words, its words
// after a space, and the values a field of an entity once had (bySurname to
// byAcr, in the order of ent.indexed); and the salience logs of
// corefIndex.logs: the entities of a role class, the diplomats, the
// entities of an actor code.
const (
	byKey = iota
	byPrefix
	bySuffix
	bySurname
	byOrg
	byCtry
	byAcr
	logClass
	logDiplomats
	logActor
)

// ixKey is a value under one of the indexes or logs.
type ixKey struct {
	by int
	k  string
}

// corefIndex indexes the entities under construction of one document.
type corefIndex struct {
	by map[ixKey][]int
	// The salience logs, in order of mention: an entity is logged with its
	// latest mention (ent.latest) whenever that changes (note), so an entry
	// whose mention is no longer the entity's latest is stale.
	logs map[ixKey]salLog
	// moved lists the entities a mention was moved into or out of
	// (moveMention): only their lastSent may differ from the sentence of
	// their latest mention.
	moved []int
}

// salLog is a salience log: entities with their latest mention at the
// time, ordered by that mention.
type salLog []struct{ ei, at int }

const maxLogs = 4096

// indexPool keeps the indexes between documents: their maps keep their
// room, so that a document does not grow them from nothing.
var indexPool = sync.Pool{New: func() any { return &corefIndex{by: map[ixKey][]int{}, logs: map[ixKey]salLog{}} }}

// release empties x into the pool and returns nil. The logs keep their
// room under their keys (role classes and actor codes, no text of the
// document) up to maxLogs of them.
func (x *corefIndex) release() *corefIndex {
	clear(x.by)
	if len(x.logs) > maxLogs {
		clear(x.logs)
	}
	for k, l := range x.logs {
		x.logs[k] = l[:0]
	}
	x.moved = x.moved[:0]
	indexPool.Put(x)
	return nil
}

// cands returns the entities index by lists under k, or, without the
// indexes (a short document), every entity so far: the sieve re-checks
// its conditions on each.
func (a *annotator) cands(by int, k string) []int {
	if a.cix == nil {
		return a.allEnts
	}
	return a.cix.by[ixKey{by, k}]
}

func (x *corefIndex) add(by int, k string, ei int) {
	x.by[ixKey{by, k}] = append(x.by[ixKey{by, k}], ei)
}

// addKey indexes a new name key of entity ei: the key, its leading words
// and its trailing words.
func (x *corefIndex) addKey(ei int, k string) {
	x.add(byKey, k, ei)
	for i := range len(k) {
		if k[i] == ' ' {
			x.add(byPrefix, k[:i], ei)
			x.add(bySuffix, k[i+1:], ei)
		}
	}
}

// note indexes the fields of e (entity ei) that changed since the last
// call (surname, dictionary name, country, acronym of its name) and logs e
// with its latest mention in the salience logs of its classes, diplomat
// status and actor code.
func (x *corefIndex) note(e *ent, ei int) {
	for i, v := range [...]string{e.surname, e.org, e.ctry, e.name} {
		if v != "" && v != e.indexed[i] {
			e.indexed[i] = v
			if i == byAcr-bySurname {
				v = acronym(v)
			}
			if v != "" {
				x.add(bySurname+i, v, ei)
			}
		}
	}
	if e.latest < 0 {
		return
	}
	log := func(by int, k string) {
		// At the back but after a moved mention (moveMention).
		l := x.logs[ixKey{by, k}]
		i := len(l)
		for i > 0 && l[i-1].at > e.latest {
			i--
		}
		x.logs[ixKey{by, k}] = slices.Insert(l, i, struct{ ei, at int }{ei, e.latest})
	}
	for _, c := range e.classes {
		log(logClass, c)
	}
	if e.diplomat {
		log(logDiplomats, "")
	}
	if e.actor != "" {
		log(logActor, e.actor)
	}
}

// salient returns the first entity f accepts, in order of salience at
// mention mi, or -1: the entities of the current sentence before mi and of
// the back sentences before it, each left to right (subjects first; with
// possLast, possessors after the rest: "Diallo's lawyer", "His lawyer,
// Chidi Eze," are less salient than the phrase they modify), then, unless
// logs is nil, all other earlier entities, most recent first. With the
// indexes, those are only the entities of the logs, and stop (when not
// nil) ends the walk at the first entity it is true for, after which only
// the moved entities are tried; without them (a short document), logs and
// stop are not read: f re-checks what they select.
func (a *annotator) salient(mi, back int, possLast bool, logs []ixKey, stop func(ei int) bool, f func(ei int) bool) int {
	a.epoch++
	try := func(ei int) bool {
		if ei < 0 || a.stamp[ei] == a.epoch {
			return false
		}
		a.stamp[ei] = a.epoch
		return f(ei)
	}
	// A possessor is followed by "'s" or is a possessive determiner ("his",
	// "its", "their"; not "her", which is also an object).
	poss := func(o *ment) bool {
		return o.b < len(a.d.Tokens) && possessiveMarks[a.low(o.b)] || o.kind == document.Pronoun && o.b == o.a+1 && possessivePronouns[a.low(o.a)]
	}
	m := &a.ms[mi]
	k := mi - 1
	for s := m.sent; s >= 0 && s >= m.sent-back; s-- {
		for k >= 0 && a.ms[k].sent >= s {
			k--
		}
		for pass := range 2 {
			for j := k + 1; j < mi; j++ {
				if o := &a.ms[j]; o.sent == s && (possLast && poss(o)) == (pass == 1) && try(o.ent) {
					return o.ent
				}
			}
		}
	}
	x := a.cix
	if logs == nil {
		return -1
	}
	if x == nil {
		for k := mi - 1; k >= 0; k-- {
			if try(a.ms[k].ent) {
				return a.ms[k].ent
			}
		}
		return -1
	}
	// Merge the logs from their backs, most recent first, past the stale
	// entries.
	var buf [2]salLog
	ls := buf[:0]
	for _, k := range logs {
		ls = append(ls, x.logs[k])
	}
	stopAt := -1 // the latest mention where the walk stopped
	for {
		bi := -1
		for i, l := range ls {
			if len(l) > 0 && (bi < 0 || l[len(l)-1].at > ls[bi][len(ls[bi])-1].at) {
				bi = i
			}
		}
		if bi < 0 {
			break
		}
		top := ls[bi][len(ls[bi])-1]
		ls[bi] = ls[bi][:len(ls[bi])-1]
		if top.at != a.ents[top.ei].latest || a.stamp[top.ei] == a.epoch {
			continue
		}
		if stop != nil && stop(top.ei) {
			stopAt = top.at + 1
			break
		}
		if try(top.ei) {
			return top.ei
		}
	}
	if stopAt < 0 {
		return -1
	}
	// The moved entities below the stop, most recent first (f re-checks
	// that they are in the logs).
	rest := slices.DeleteFunc(slices.Clone(x.moved), func(ei int) bool { return a.ents[ei].latest < 0 || a.ents[ei].latest >= stopAt })
	slices.SortFunc(rest, func(i, j int) int { return a.ents[j].latest - a.ents[i].latest })
	for _, ei := range rest {
		if try(ei) {
			return ei
		}
	}
	return -1
}

// hasPrefixKey reports whether one of e's keys starts with key and a space.
func (e *ent) hasPrefixKey(key string) bool {
	return slices.ContainsFunc(e.keys, func(k string) bool {
		return len(k) > len(key) && k[len(key)] == ' ' && strings.HasPrefix(k, key)
	})
}
