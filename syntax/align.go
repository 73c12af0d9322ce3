package syntax

import "strings"

// Aligned is a treebank sentence retokenized the way the text stage
// tokenizes: the tokens the parser sees at run time, with the gold analysis
// carried over from the UD words.
//
// A token covering several UD words (the text stage keeps "cease-fire" and
// "cannot" whole where EWT splits them) takes the analysis of its
// representative word: the first of its words whose head lies outside the
// token; the others are merged into it. A UD word split over several tokens
// (rare) goes to its first token; the others attach to it as "goeswith".
type Aligned struct {
	Text   string
	Spans  [][2]int // byte spans of the tokens in Text
	Forms  []string
	UPOS   []string
	XPOS   []string
	Lemma  []string
	Head   []int // token index, -1 for the root
	Dep    []string
	Rep    []int // the token's representative word (0-based)
	WordOf []int // WordOf[w] = the token of word w
	// Domain numbers the treebank the sentence comes from (for
	// TrainOptions.Target), 0 when not set.
	Domain int
	// Tree reports whether the mapped heads form one tree (merging words
	// that are not connected can make a cycle or a second root).
	Tree bool
	// TagsOnly marks a sentence that only trains the tagger and only
	// through its PTB tags (XPOS; UPOS, lemmas and heads unknown): a token
	// learns the tagger class with its PTB tag that the tagger scores
	// highest, and a token whose XPOS no class has teaches nothing.
	TagsOnly bool
}

// Align retokenizes s with tokenize (which returns byte spans of the tokens
// of a text) and maps the gold words onto the tokens. xpos gives a word's
// PTB tag (the XPOS column, or PTBFromUD for treebanks without PTB tags).
func Align(s *TreebankSentence, tokenize func(string) [][2]int, xpos func(Word) string) *Aligned {
	text, wspans := s.WordSpans()
	toks := tokenize(text)
	a := &Aligned{Text: text, Spans: toks}
	nw := len(s.Words)
	a.WordOf = make([]int, nw)
	for i := range a.WordOf {
		a.WordOf[i] = -1
	}
	// words overlapping each token
	overl := make([][]int, len(toks))
	w0 := 0
	for t, sp := range toks {
		for w0 < nw && wspans[w0][1] <= sp[0] && wspans[w0][1] > wspans[w0][0] {
			w0++
		}
		for w := w0; w < nw && wspans[w][0] < sp[1]; w++ {
			if wspans[w][1] > sp[0] {
				overl[t] = append(overl[t], w)
			}
		}
	}
	a.Rep = make([]int, len(toks))
	for t, ws := range overl {
		a.Rep[t] = -1
		for _, w := range ws {
			h := s.Words[w].Head - 1
			inside := false
			for _, v := range ws {
				if v == h {
					inside = true
				}
			}
			if !inside {
				a.Rep[t] = w
				break
			}
		}
		if a.Rep[t] < 0 && len(ws) > 0 {
			a.Rep[t] = ws[0]
		}
	}
	for t, w := range a.Rep {
		if w >= 0 && a.WordOf[w] < 0 {
			a.WordOf[w] = t
		}
	}
	for t, ws := range overl {
		for _, w := range ws {
			if a.WordOf[w] < 0 {
				a.WordOf[w] = t
			}
		}
	}
	n := len(toks)
	a.Forms = make([]string, n)
	a.UPOS, a.XPOS, a.Lemma, a.Dep = make([]string, n), make([]string, n), make([]string, n), make([]string, n)
	a.Head = make([]int, n)
	for t, sp := range toks {
		a.Forms[t] = text[sp[0]:sp[1]]
		w := a.Rep[t]
		if w < 0 {
			a.UPOS[t], a.XPOS[t], a.Lemma[t], a.Dep[t], a.Head[t] = "X", "FW", a.Forms[t], "dep", -1
			continue
		}
		word := s.Words[w]
		if a.WordOf[w] != t { // a second token of one word
			a.UPOS[t], a.XPOS[t], a.Lemma[t], a.Dep[t], a.Head[t] = "X", "GW", a.Forms[t], "goeswith", a.WordOf[w]
			continue
		}
		a.UPOS[t], a.XPOS[t], a.Dep[t] = word.UPOS, xpos(word), word.Deprel
		a.Lemma[t] = mergedLemma(a.Forms[t], word, len(overl[t]) > 1)
		if word.Head == 0 {
			a.Head[t] = -1
		} else {
			a.Head[t] = a.WordOf[word.Head-1]
		}
	}
	a.Tree = isTree(a.Head)
	return a
}

// mergedLemma is the lemma of a token: its word's lemma, or for a token
// merging several words the token's text with the last word's inflection
// undone ("counter-attacks" → "counter-attack").
func mergedLemma(form string, w Word, merged bool) string {
	if !merged {
		return w.Lemma
	}
	if strings.HasSuffix(form, w.Form) && w.Lemma != "" && w.Lemma != "_" {
		return strings.ToLower(form[:len(form)-len(w.Form)]) + w.Lemma
	}
	if w.UPOS == "PROPN" {
		return form
	}
	return strings.ToLower(form)
}

// WordSpans is Surface with the words of a multiword token given their own
// spans when their forms spell the token ("don't" = "do" + "n't").
func (s *TreebankSentence) WordSpans() (string, [][2]int) {
	text, wspans := s.Surface()
	for _, m := range s.Multi {
		if m.First < 1 || m.Last > len(s.Words) {
			continue
		}
		var b strings.Builder
		for k := m.First - 1; k < m.Last; k++ {
			b.WriteString(s.Words[k].Form)
		}
		if b.String() != m.Form {
			continue
		}
		off := wspans[m.First-1][0]
		for k := m.First - 1; k < m.Last; k++ {
			wspans[k] = [2]int{off, off + len(s.Words[k].Form)}
			off += len(s.Words[k].Form)
		}
	}
	return text, wspans
}

// isTree reports whether heads (-1 for a root) form exactly one tree.
func isTree(heads []int) bool {
	roots := 0
	for _, h := range heads {
		if h == -1 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	state := make([]uint8, len(heads)) // 0 unseen, 1 on path, 2 done
	for i := range heads {
		j := i
		for j >= 0 && state[j] == 0 {
			state[j] = 1
			j = heads[j]
			if j >= len(heads) || j < -1 {
				return false
			}
		}
		if j >= 0 && state[j] == 1 {
			return false
		}
		for k := i; k >= 0 && state[k] == 1; k = heads[k] {
			state[k] = 2
		}
	}
	return true
}
