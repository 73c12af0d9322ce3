// Package topic classifies a news document into a broad section (politics,
// business, sport, entertainment, tech) with a multinomial naive Bayes model
// trained on the BBC news corpus (tools/topictrain). The event coder uses it
// to keep sport and arts stories, where "Italy defended well" and "Fiji
// rallied" name teams rather than states, out of the event data; users get
// the label to filter on.
package topic

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/document"
)

// Labels lists the sections in the model's column order.
var Labels = []string{"business", "entertainment", "politics", "sport", "tech"}

// Result is a document's most likely section and its posterior probability.
type Result struct {
	Label string
	P     float64
}

// Model is a multinomial naive Bayes model over lower-cased words.
//
// The vocabulary is one open-addressing table (a word costs a hash of its
// bytes and, mostly, one probe: no string map), with the per-label scores
// of every word in one flat array.
type Model struct {
	vocab   string    // the words, concatenated in file order
	off     []int32   // word i is vocab[off[i]:off[i+1]]
	logp    []float32 // log P(word i | label j) at logp[i*len(Labels)+j]
	slots   []uint64  // hash fingerprint<<32 | word index+1; 0 = empty
	mask    uint64
	unknown []float64 // log P(unseen word | label)
}

// wordHash is FNV-1a over w.
func wordHash(w []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range w {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// lookup returns the scores of word w, or nil when it is not in the
// vocabulary.
func (m *Model) lookup(w []byte) []float32 {
	if len(m.slots) == 0 {
		return nil
	}
	h := wordHash(w)
	fp := h >> 32
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		sl := m.slots[i]
		if sl == 0 {
			return nil
		}
		if sl>>32 == fp {
			k := int(uint32(sl)) - 1
			if m.vocab[m.off[k]:m.off[k+1]] == string(w) {
				n := len(Labels)
				return m.logp[k*n : k*n+n]
			}
		}
	}
}

//go:embed model.tsv.gz
var embedded []byte

var def struct {
	once sync.Once
	m    *Model
	err  error
}

// Default returns the embedded model, parsed once and shared.
func Default() (*Model, error) {
	def.once.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(embedded))
		if err != nil {
			def.err = fmt.Errorf("topic: model: %w", err)
			return
		}
		def.m, def.err = Parse(zr)
	})
	return def.m, def.err
}

// Parse reads a model in the format tools/topictrain writes: a header line
// "#total<TAB>n1<TAB>...<TAB>n5" with each label's word count and vocabulary
// size, then "word<TAB>c1<TAB>...<TAB>c5" count lines.
func Parse(r interface{ Read([]byte) (int, error) }) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	k := len(Labels)
	var totals []float64
	counts := map[string][]float64{}
	var order []string // the words in file order
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != k+1 {
			return nil, fmt.Errorf("topic: model line %d: %d fields, want %d", line, len(f), k+1)
		}
		v := make([]float64, k)
		for i := range k {
			x, err := strconv.ParseFloat(f[i+1], 64)
			if err != nil || x < 0 {
				return nil, fmt.Errorf("topic: model line %d: bad count %q", line, f[i+1])
			}
			v[i] = x
		}
		if f[0] == "#total" {
			totals = v
			continue
		}
		if _, dup := counts[f[0]]; !dup {
			order = append(order, f[0])
		}
		counts[f[0]] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("topic: model: %w", err)
	}
	if totals == nil {
		return nil, fmt.Errorf("topic: model: no #total line")
	}
	vocab := float64(len(counts))
	m := &Model{unknown: make([]float64, k)}
	for i := range k {
		m.unknown[i] = math.Log(1 / (totals[i] + vocab))
	}
	size := uint64(16)
	for size < uint64(2*len(order)) {
		size <<= 1
	}
	m.slots, m.mask = make([]uint64, size), size-1
	var b strings.Builder
	m.off = make([]int32, 0, len(order)+1)
	m.logp = make([]float32, 0, k*len(order))
	for idx, w := range order {
		m.off = append(m.off, int32(b.Len()))
		b.WriteString(w)
		v := counts[w]
		for i := range k {
			m.logp = append(m.logp, float32(math.Log((v[i]+1)/(totals[i]+vocab))))
		}
		h := wordHash([]byte(w))
		i := h & m.mask
		for m.slots[i] != 0 {
			i = (i + 1) & m.mask
		}
		m.slots[i] = h>>32<<32 | uint64(idx+1)
	}
	m.off = append(m.off, int32(b.Len()))
	m.vocab = b.String()
	return m, nil
}

// Classify returns the most likely section of text with its posterior
// probability (uniform prior). Words outside the vocabulary are ignored; a
// text without any known word gets an empty label and P 0.
func (m *Model) Classify(text string) Result {
	k := len(Labels)
	score := make([]float64, k)
	n := 0
	Words(text, func(w []byte) {
		lp := m.lookup(w)
		if lp == nil {
			return
		}
		n++
		for i := range k {
			score[i] += float64(lp[i])
		}
	})
	if n == 0 {
		return Result{}
	}
	best := 0
	for i := 1; i < k; i++ {
		if score[i] > score[best] {
			best = i
		}
	}
	sum := 0.0
	for i := range k {
		sum += math.Exp(score[i] - score[best])
	}
	return Result{Label: Labels[best], P: 1 / sum}
}

// Words calls fn with every word of text lower-cased: maximal runs of ASCII
// letters of length 2 to 24 (digits, punctuation and other scripts
// separate words). The slice is valid only during the call. The trainer and
// the classifier share it.
func Words(text string, fn func([]byte)) {
	var buf [24]byte
	n, long := 0, false
	flush := func() {
		if n >= 2 && !long {
			fn(buf[:n])
		}
		n, long = 0, false
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		default:
			flush()
			continue
		}
		if n == len(buf) {
			long = true
			continue
		}
		buf[n] = c
		n++
	}
	flush()
}

// Confident is the posterior at or above which a label is taken as the
// document's section (the event coder's sport and arts gate uses it).
const Confident = document.TopicConfident
