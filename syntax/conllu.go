package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word of a CoNLL-U sentence (an integer ID line).
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats string
	Head                           int // 1-based; 0 for the root
	Deprel                         string
	SpaceAfter                     bool
}

// MultiWord is a CoNLL-U multiword token ("don't" = do + n't): words
// [First, Last] (1-based, inclusive) written as Form.
type MultiWord struct {
	First, Last int
	Form        string
	SpaceAfter  bool
}

// TreebankSentence is one CoNLL-U sentence: its words, its multiword
// tokens, and its comments' id and text.
type TreebankSentence struct {
	ID, Text string
	// NewDoc and NewPar report "# newdoc" and "# newpar" comments before
	// the sentence.
	NewDoc, NewPar bool
	Words          []Word
	Multi          []MultiWord
}

// ReadCoNLLU reads a CoNLL-U file. Empty nodes (IDs with a dot) are
// skipped; multiword token lines are kept in Multi. It returns an error,
// with the line number, for a line that is not ten tab-separated fields,
// an ID out of sequence, or a head outside the sentence.
func ReadCoNLLU(r io.Reader) ([]TreebankSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<22)
	var out []TreebankSentence
	var cur TreebankSentence
	line := 0
	flush := func() error {
		if len(cur.Words) == 0 {
			cur = TreebankSentence{}
			return nil
		}
		for i, w := range cur.Words {
			if w.Head < 0 || w.Head > len(cur.Words) || w.Head == i+1 {
				return fmt.Errorf("conllu: line %d: sentence %q: word %d has head %d", line, cur.ID, i+1, w.Head)
			}
		}
		for _, m := range cur.Multi {
			if m.Last > len(cur.Words) {
				return fmt.Errorf("conllu: line %d: sentence %q: multiword token %d-%d past the last word", line, cur.ID, m.First, m.Last)
			}
		}
		out = append(out, cur)
		cur = TreebankSentence{}
		return nil
	}
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if s == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if s[0] == '#' {
			if v, ok := strings.CutPrefix(s, "# sent_id = "); ok {
				cur.ID = v
			} else if v, ok := strings.CutPrefix(s, "# text = "); ok {
				cur.Text = v
			} else if strings.HasPrefix(s, "# newdoc") {
				cur.NewDoc, cur.NewPar = true, true
			} else if strings.HasPrefix(s, "# newpar") {
				cur.NewPar = true
			}
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d fields, want 10", line, len(f))
		}
		id := f[0]
		if strings.Contains(id, ".") {
			continue
		}
		space := !strings.Contains(f[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first != len(cur.Words)+1 || last < first {
				return nil, fmt.Errorf("conllu: line %d: bad multiword id %q", line, id)
			}
			cur.Multi = append(cur.Multi, MultiWord{First: first, Last: last, Form: f[1], SpaceAfter: space})
			continue
		}
		n, err := strconv.Atoi(id)
		if err != nil || n != len(cur.Words)+1 {
			return nil, fmt.Errorf("conllu: line %d: id %q out of sequence", line, id)
		}
		h, err := strconv.Atoi(f[6])
		if err != nil {
			return nil, fmt.Errorf("conllu: line %d: head %q", line, f[6])
		}
		if f[1] == "" {
			return nil, fmt.Errorf("conllu: line %d: empty form", line)
		}
		cur.Words = append(cur.Words, Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Head: h, Deprel: f[7], SpaceAfter: space})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: line %d: %w", line, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// Surface returns the sentence text rebuilt from its tokens (multiword
// tokens written as one) and, for every word, its byte span in that text.
// Words of a multiword token share the token's span.
func (s *TreebankSentence) Surface() (string, [][2]int) {
	var b strings.Builder
	spans := make([][2]int, len(s.Words))
	mi := 0
	for i := 0; i < len(s.Words); {
		if mi < len(s.Multi) && s.Multi[mi].First == i+1 {
			m := s.Multi[mi]
			mi++
			a := b.Len()
			b.WriteString(m.Form)
			for k := m.First - 1; k < m.Last; k++ {
				spans[k] = [2]int{a, b.Len()}
			}
			if m.SpaceAfter {
				b.WriteByte(' ')
			}
			i = m.Last
			continue
		}
		w := s.Words[i]
		a := b.Len()
		b.WriteString(w.Form)
		spans[i] = [2]int{a, b.Len()}
		if w.SpaceAfter {
			b.WriteByte(' ')
		}
		i++
	}
	return strings.TrimRight(b.String(), " "), spans
}
