package syntax

import (
	"strings"
	"unicode/utf8"
)

// Analysis is the syntax of one sentence: per token its UPOS, PTB tag,
// lemma, head (index into the sentence's tokens, -1 for the root) and
// relation.
type Analysis struct {
	POS, Tag, Lemma, Dep []string
	Head                 []int
}

// Parser tags, lemmatizes and parses sentences with a Model. A Parser is
// not safe for concurrent use; make one per goroutine (they are cheap).
type Parser struct {
	m      *Model
	ws     []wordInfo
	tags   []int32
	feats  []uint64
	roleFs []uint64
	scores []int32
	st     pstate
	buf    []byte
	// cache[((i+1)*nRoles+role)*nc:] holds the scores of token i's
	// features in role (roleFeatures), computed once per sentence (the
	// features of s0 read the stack under it, which does not change while
	// s0 is on it).
	cache []int32
	valid []bool
	// lcache and lvalid are cache and valid for the label table of a
	// factored parser (Model.label), whose cache holds the move table's.
	lcache  []int32
	lvalid  []bool
	mscores []int32
	// beam > 1 parses with a beam of that many items (parseBeam).
	beam int
	bs   *beamSearch
	tmp  []int32
}

// NewParser returns a Parser over m.
func NewParser(m *Model) *Parser {
	nc := max(len(m.classes), 1+2*len(m.labels))
	return &Parser{m: m, scores: make([]int32, nc), tmp: make([]int32, nc), beam: m.beam}
}

// MaxSentence is the longest token run parsed as one: a longer "sentence"
// (a list, a table, text without punctuation) is parsed in pieces of at
// most MaxSentence tokens whose roots attach to the first piece's root as
// "parataxis", so that it is still one tree and memory stays bounded.
const MaxSentence = 300

// Analyze fills a with the analysis of the sentence whose tokens are forms.
// Every head is valid and the heads form one tree. An empty sentence gives
// an empty analysis.
func (p *Parser) Analyze(forms []string, a *Analysis) {
	n := len(forms)
	a.POS, a.Tag, a.Lemma, a.Dep = resize(a.POS, n), resize(a.Tag, n), resize(a.Lemma, n), resize(a.Dep, n)
	if cap(a.Head) < n {
		a.Head = make([]int, n)
	}
	a.Head = a.Head[:n]
	if n == 0 {
		return
	}
	if n > MaxSentence {
		var part Analysis
		root := -1
		for off := 0; off < n; off += MaxSentence {
			end := min(off+MaxSentence, n)
			p.Analyze(forms[off:end], &part)
			for i := range part.Head {
				k := off + i
				a.POS[k], a.Tag[k], a.Lemma[k], a.Dep[k] = part.POS[i], part.Tag[i], part.Lemma[i], part.Dep[i]
				switch h := part.Head[i]; {
				case h >= 0:
					a.Head[k] = off + h
				case root < 0:
					root, a.Head[k] = k, -1
				default:
					a.Head[k], a.Dep[k] = root, "parataxis"
				}
			}
		}
		return
	}
	p.describe(forms)
	p.tag()
	m := p.m
	for i := range n {
		c := p.tags[i]
		a.POS[i], a.Tag[i] = m.upos[c], m.xpos[c]
		a.Lemma[i] = m.lemma(forms[i], c)
	}
	p.parse()
	for i := range n {
		h := int(p.st.head[i])
		if h == n {
			h = -1
		}
		a.Head[i] = h
		a.Dep[i] = m.labels[p.st.label[i]]
	}
}

func resize(x []string, n int) []string {
	if cap(x) < n {
		return make([]string, n)
	}
	return x[:n]
}

func (p *Parser) describe(forms []string) {
	n := len(forms)
	if cap(p.ws) < n {
		p.ws = make([]wordInfo, n)
		p.tags = make([]int32, n)
	}
	p.ws, p.tags = p.ws[:n], p.tags[:n]
	for i, f := range forms {
		p.buf = describe(f, p.m.lex, p.buf, &p.ws[i])
	}
}

// tag runs the greedy tagger over p.ws into p.tags.
func (p *Parser) tag() {
	m := p.m
	sc := p.scores[:len(m.classes)]
	prev1, prev2 := -1, -1
	for i := range p.ws {
		if c := p.ws[i].sole; c >= 0 {
			p.tags[i] = c
			prev2, prev1 = prev1, int(c)
			continue
		}
		p.feats = tagFeatures(p.ws, i, prev1, prev2, p.feats[:0])
		m.tagger.score(p.feats, sc)
		best := 0
		for c := 1; c < len(sc); c++ {
			if sc[c] > sc[best] {
				best = c
			}
		}
		p.tags[i] = int32(best)
		prev2, prev1 = prev1, best
	}
}

// parse runs the greedy parser over p.ws and p.tags into p.st.
func (p *Parser) parse() {
	if p.m.label != nil {
		p.parseFactored()
		return
	}
	if p.beam > 1 {
		p.parseBeam()
		return
	}
	m := p.m
	nl := len(m.labels)
	nc := 1 + 2*nl
	sc := p.scores[:nc]
	s := &p.st
	n := len(p.ws)
	s.reset(n)
	slots := (n + 2) * nRoles
	if cap(p.valid) < slots {
		p.valid = make([]bool, slots)
		p.cache = make([]int32, slots*nc)
	}
	p.valid, p.cache = p.valid[:slots], p.cache[:slots*nc]
	clear(p.valid)
	for !s.terminal() {
		if f := s.forced(m.rootLabel); f >= 0 { // one legal move: nothing to score
			s.apply(f, nl)
			continue
		}
		p.feats = dynamicFeatures(s, p.ws, p.tags, p.feats[:0])
		m.parser.score(p.feats, sc)
		p.addRoles(m.parser, sc, p.valid, p.cache, nc, 0, nc)
		best := -1
		for a := range sc {
			if (best < 0 || sc[a] > sc[best]) && s.legal(a, nl, m.rootLabel) {
				best = a
			}
		}
		s.apply(best, nl)
	}
}

// addRoles adds to sc[lo:hi] table t's scores of the single-token features
// of every role of the current state (s0, s1, s2, b0, b1, b2), each scored
// once per token and role and kept in cache (n classes a slot; valid says
// which slots hold one).
func (p *Parser) addRoles(t *table, sc []int32, valid []bool, cache []int32, n, lo, hi int) {
	s := &p.st
	for role, i := range s.roles() {
		k := (int(i)+1)*nRoles + role
		vec := cache[k*n : (k+1)*n]
		if !valid[k] {
			p.roleFs = roleFeatures(role, i, s, p.ws, p.tags, p.roleFs[:0])
			t.score(p.roleFs, vec)
			valid[k] = true
		}
		for c, v := range vec[lo:hi] {
			sc[lo+c] += v
		}
	}
}

// lemma returns the lemma of form tagged c.
func (m *Model) lemma(form string, c int32) string {
	u := m.uposID[c]
	switch m.upos[c] {
	case "PUNCT", "SYM", "NUM":
		return form
	}
	low := form
	if hasUpperOrNonASCII(form) {
		low = strings.ToLower(form)
	}
	var buf [64]byte
	if len(low) < len(buf) {
		buf[0] = u
		n := 1 + copy(buf[1:], low)
		if l, ok := m.lemmas[string(buf[:n])]; ok {
			return l
		}
	}
	if m.upos[c] == "PROPN" {
		return form
	}
	return applyRules(m.rules, u, low, false)
}

func hasUpperOrNonASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			return true
		}
	}
	return false
}

// parseFactored is parse for a model that predicts the move before the
// label: the move table's classes (shift, the arcs with the most frequent
// labels, the other left and right arcs) are scored in every state, and
// the label table only for a rest arc, over that arc's rest labels.
func (p *Parser) parseFactored() {
	m := p.m
	mset := m.moves
	nl := len(m.labels)
	nc := 1 + 2*nl
	nm := mset.classes()
	s := &p.st
	n := len(p.ws)
	s.reset(n)
	slots := (n + 2) * nRoles
	if cap(p.valid) < slots || cap(p.cache) < slots*nm {
		p.valid = make([]bool, slots)
		p.cache = make([]int32, slots*nm)
	}
	if cap(p.lvalid) < slots {
		p.lvalid = make([]bool, slots)
		p.lcache = make([]int32, slots*nc)
	}
	p.valid, p.cache = p.valid[:slots], p.cache[:slots*nm]
	p.lvalid, p.lcache = p.lvalid[:slots], p.lcache[:slots*nc]
	clear(p.valid)
	clear(p.lvalid)
	if cap(p.mscores) < nm {
		p.mscores = make([]int32, nm)
	}
	ms := p.mscores[:nm]
	lsc := p.scores[:nc]
	for !s.terminal() {
		if f := s.forced(m.rootLabel); f >= 0 { // one legal move: nothing to score
			s.apply(f, nl)
			continue
		}
		p.feats = dynamicFeatures(s, p.ws, p.tags, p.feats[:0])
		m.parser.score(p.feats, ms)
		p.addRoles(m.parser, ms, p.valid, p.cache, nm, 0, nm)
		mc := -1
		for c := range ms {
			if (mc < 0 || ms[c] > ms[mc]) && s.legalClass(mset, c, m.rootLabel) {
				mc = c
			}
		}
		if a := mset.move(mc); a >= 0 {
			s.apply(a, nl)
			continue
		}
		lo, hi := restRange(mc, nl)
		m.label.score(p.feats, lsc)
		p.addRoles(m.label, lsc, p.lvalid, p.lcache, nc, lo, hi)
		best := -1
		for a := lo; a < hi; a++ {
			if mset.cls[(a-1)%nl] < 0 && (best < 0 || lsc[a] > lsc[best]) && s.legal(a, nl, m.rootLabel) {
				best = a
			}
		}
		s.apply(best, nl)
	}
}
