package events

// Frames: the predicate-argument structure of a verb or an event noun read
// from the syntax layer (Token.Head, Dep, Lemma, Tag), and the roles that
// give an event its source and target.

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/document"
)

// Frame is one predicate and its arguments, as token indices into
// Document.Tokens (-1 when absent).
type Frame struct {
	Pred    int    // the predicate's token
	Lemma   string // its lemma, lower case
	Noun    bool   // an event noun ("talks", "criticism"), not a verb
	Passive bool
	Subject int            // nsubj, nsubj:pass; the possessor of an event noun
	Agent   int            // the "by" phrase of a passive or of an event noun
	Object  int            // obj; the "of" phrase of an event noun
	Obl     map[string]int // obliques and nominal modifiers by preposition ("to", "with", "against")
	Xcomp   int            // the open complement ("agreed to sell": sell), -1
	Ccomp   int            // the clausal complement ("said that ..."), -1
	Negated bool
	Modal   string // the modal auxiliary's lemma ("will", "could"), ""
}

// hasSyntax reports whether the syntax layer has parsed sentence si (in
// the default pipeline it parses only the sentences with a candidate).
func hasSyntax(d *document.Document, si int) bool {
	s := d.Sentences[si]
	return s.EndToken > s.FirstToken && d.Tokens[s.FirstToken].POS != ""
}

// children returns the dependents of every token of sentence si, indexed
// by token (relative to the sentence's first token).
func children(d *document.Document, si int) [][]int {
	s := d.Sentences[si]
	out := make([][]int, s.EndToken-s.FirstToken)
	for t := s.FirstToken; t < s.EndToken; t++ {
		if h := d.Tokens[t].Head; h >= s.FirstToken && h < s.EndToken && h != t {
			out[h-s.FirstToken] = append(out[h-s.FirstToken], t)
		}
	}
	return out
}

// lemmaOf returns token t's lemma in lower case (its lower-cased text
// without syntax).
func lemmaOf(d *document.Document, t int) string {
	if l := d.Tokens[t].Lemma; l != "" {
		return strings.ToLower(l)
	}
	return d.TokenLower(t)
}

// depBase is a relation without its subtype ("obl:agent" → "obl").
func depBase(dep string) string {
	b, _, _ := strings.Cut(dep, ":")
	return b
}

// frameOf builds the frame of predicate p in sentence si; kids are the
// sentence's dependents (children).
func frameOf(d *document.Document, si, p int, kids [][]int) Frame {
	first := d.Sentences[si].FirstToken
	f := Frame{Pred: p, Lemma: lemmaOf(d, p), Subject: -1, Agent: -1, Object: -1, Xcomp: -1, Ccomp: -1}
	f.Noun = d.Tokens[p].POS == "NOUN" || d.Tokens[p].POS == "PROPN"
	for _, c := range kids[p-first] {
		ct := d.Tokens[c]
		switch dep := ct.Dep; {
		case dep == "nsubj:pass" || dep == "aux:pass":
			f.Passive = true
			if dep == "nsubj:pass" {
				f.Subject = c
			}
		case dep == "nsubj" || dep == "nmod:poss" && f.Noun:
			f.Subject = c
		case dep == "obj":
			f.Object = c
		case dep == "xcomp":
			f.Xcomp = c
		case dep == "ccomp":
			f.Ccomp = c
		case dep == "advmod" && (lemmaOf(d, c) == "not" || lemmaOf(d, c) == "never"), dep == "neg":
			f.Negated = true
		case dep == "aux":
			l := lemmaOf(d, c)
			if auxModals[l] {
				f.Modal = l
			}
			f.Negated = f.Negated || l == "not" || l == "n't"
		case depBase(dep) == "obl" || depBase(dep) == "nmod":
			prep := caseOf(d, c, kids[c-first])
			switch {
			case dep == "obl:agent" || prep == "by":
				f.Agent = c
			case f.Noun && prep == "of" && f.Object < 0:
				f.Object = c
			case prep != "" && f.Obl == nil:
				f.Obl = map[string]int{prep: c}
			case prep != "":
				if _, ok := f.Obl[prep]; !ok {
					f.Obl[prep] = c
				}
			}
		}
	}
	f.Passive = f.Passive && !f.Noun
	return f
}

// caseOf returns the preposition ("case" dependent) of nominal t, "".
func caseOf(d *document.Document, t int, kids []int) string {
	for _, c := range kids {
		if d.Tokens[c].Dep == "case" {
			return lemmaOf(d, c)
		}
	}
	return ""
}

// mentionAt returns the mention covering token t, following a modifier
// mention to the mention it qualifies, or -1; byTok maps tokens to
// mentions (mentionTokens).
func mentionAt(d *document.Document, byTok []int, t int) int {
	if t < 0 || t >= len(byTok) {
		return -1
	}
	mi := byTok[t]
	if mi >= 0 && d.Mentions[mi].Qualifies >= 0 {
		return d.Mentions[mi].Qualifies
	}
	return mi
}

// mentionTokens maps every token to the mention that covers it, -1.
func mentionTokens(d *document.Document) []int {
	out := slices.Repeat([]int{-1}, len(d.Tokens))
	for mi, m := range d.Mentions {
		for t := d.TokenAt(m.Start); t >= 0 && t < len(d.Tokens) && d.Tokens[t].Start < m.End; t++ {
			if out[t] < 0 {
				out[t] = mi
			}
		}
	}
	return out
}

// argMention returns the mention that fills an argument headed by token t:
// the mention covering the head, else one covering a dependent that names
// it (compound, flat, appos, amod, nmod:poss, conj: "the Brazilian
// government", "the government of Brazil"), -1.
func argMention(d *document.Document, si, t int, kids [][]int, byTok []int) int {
	if t < 0 {
		return -1
	}
	if mi := mentionAt(d, byTok, t); mi >= 0 {
		return mi
	}
	first := d.Sentences[si].FirstToken
	for _, c := range kids[t-first] {
		if mi := mentionAt(d, byTok, c); nameDeps[depBase(d.Tokens[c].Dep)] && mi >= 0 {
			return mi
		}
	}
	return -1
}

// roleSource returns the token that holds frame f's source and the
// named step that chose it: the agent of a passive or of an event noun,
// else the subject (the possessor of an event noun); a predicate with no
// subject of its own in an open complement ("agreed to sell") takes its
// governor's subject.
func roleSource(d *document.Document, si int, f Frame, kids [][]int) (int, string) {
	switch {
	case f.Agent >= 0 && (f.Passive || f.Noun):
		return f.Agent, "frame: agent"
	case !f.Passive && f.Subject >= 0:
		if f.Noun {
			return f.Subject, "frame: possessor"
		}
		return f.Subject, "frame: subject"
	}
	first := d.Sentences[si].FirstToken
	for t, n := f.Pred, 0; n < 4 && d.Tokens[t].Dep == "xcomp" && d.Tokens[t].Head >= 0; n++ {
		t = d.Tokens[t].Head
		for _, c := range kids[t-first] {
			if d.Tokens[c].Dep == "nsubj" {
				return c, "frame: controller's subject"
			}
		}
	}
	return -1, ""
}

// roleTarget returns the token that holds frame f's target and the step:
// the subject of a passive, the object, else the first oblique of
// targetPreps; named reports whether an argument names an actor ("sold
// boats to Angola": the object names none, so the "to" phrase is the
// target).
func roleTarget(f Frame, named func(int) bool) (int, string) {
	if f.Passive && f.Subject >= 0 {
		return f.Subject, "frame: passive subject"
	}
	if f.Object >= 0 && named(f.Object) {
		return f.Object, "frame: object"
	}
	for _, p := range targetPreps {
		if t, ok := f.Obl[p]; ok && named(t) {
			return t, "frame: oblique " + p
		}
	}
	return -1, ""
}
