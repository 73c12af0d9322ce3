package syntax

import (
	"sort"
	"strings"
)

// Lemmas: a table learned from the treebank (lower-case form and UPOS →
// lemma) and, for words it does not hold, suffix rules learned from the
// same pairs: for a UPOS and the longest known ending of the word, strip n
// bytes and add a string ("studies" NOUN: -3 +"y").

type lemmaRule struct {
	strip int
	add   string
}

const maxRuleSuffix = 5

// lemmaLearner counts (form, UPOS, lemma) triples.
type lemmaLearner struct {
	table map[string]map[string]int // key: upos byte + lower form → lemma → count
	rules map[string]map[lemmaRule]int
}

func newLemmaLearner() *lemmaLearner {
	return &lemmaLearner{table: map[string]map[string]int{}, rules: map[string]map[lemmaRule]int{}}
}

func (l *lemmaLearner) add(upos byte, form, lemma string) {
	if lemma == "" || lemma == "_" {
		return
	}
	low := strings.ToLower(form)
	key := string(rune(upos)) + low
	m := l.table[key]
	if m == nil {
		m = map[string]int{}
		l.table[key] = m
	}
	m[lemma]++
	llow := strings.ToLower(lemma)
	p := 0
	for p < len(low) && p < len(llow) && low[p] == llow[p] {
		p++
	}
	r := lemmaRule{strip: len(low) - p, add: llow[p:]}
	for k := 1; k <= maxRuleSuffix && k <= len(low); k++ {
		if k < r.strip {
			continue
		}
		sk := string(rune(upos)) + low[len(low)-k:]
		m := l.rules[sk]
		if m == nil {
			m = map[lemmaRule]int{}
			l.rules[sk] = m
		}
		m[r]++
	}
}

// build returns the table (most frequent lemma per key, only where it is
// not what the rules would give) and the rules (most frequent per suffix,
// kept when seen at least twice).
func (l *lemmaLearner) build() (map[string]string, map[string]lemmaRule) {
	rules := map[string]lemmaRule{}
	keys := make([]string, 0, len(l.rules))
	for k := range l.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		best, bn, total := lemmaRule{}, -1, 0
		for r, n := range l.rules[k] {
			total += n
			if n > bn || n == bn && (r.strip < best.strip || r.strip == best.strip && r.add < best.add) {
				best, bn = r, n
			}
		}
		if total >= 2 {
			rules[k] = best
		}
	}
	table := map[string]string{}
	for k, m := range l.table {
		best, bn := "", -1
		for lem, n := range m {
			if n > bn || n == bn && lem < best {
				best, bn = lem, n
			}
		}
		if applyRules(rules, k[0], k[1:], false) != best {
			table[k] = best
		}
	}
	return table, rules
}

// applyRules lemmatizes low (lower case) with the longest matching rule;
// without one the word is its own lemma.
func applyRules(rules map[string]lemmaRule, upos byte, low string, _ bool) string {
	var buf [maxRuleSuffix + 4]byte
	for k := min(maxRuleSuffix, len(low)); k >= 1; k-- {
		buf[0] = upos
		n := 1 + copy(buf[1:], low[len(low)-k:])
		if r, ok := rules[string(buf[:n])]; ok {
			if r.strip > len(low) {
				break
			}
			if r.strip == 0 && r.add == "" {
				return low
			}
			return low[:len(low)-r.strip] + r.add
		}
	}
	return low
}
