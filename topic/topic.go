// Package topic classifies a news document into a broad section (politics,
// business, sport, entertainment, tech) with a multinomial naive Bayes model
// trained on the BBC news corpus (tools/topictrain). The event coder uses it
// to keep sport and arts stories, where "Italy defended well" and "Fiji
// rallied" name teams rather than states, out of the event data; users get
// the label to filter on.
package topic

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"strconv"
	"sync"
	"unsafe"

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

// lookup returns the scores of word w, or nil when the vocabulary lacks
// it.
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
		data, err := inflate(embedded)
		if err != nil {
			def.err = fmt.Errorf("topic: model: %w", err)
			return
		}
		def.m, def.err = parse(data)
	})
	return def.m, def.err
}

// inflate returns the decompressed bytes of the gzip stream z, read into
// one buffer of the size the gzip trailer gives (a wrong size is an error,
// as gzip's checksum is).
func inflate(z []byte) ([]byte, error) {
	if len(z) < 4 {
		return nil, io.ErrUnexpectedEOF
	}
	size := binary.LittleEndian.Uint32(z[len(z)-4:])
	zr, err := gzip.NewReader(bytes.NewReader(z))
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	data := make([]byte, size)
	if _, err := io.ReadFull(zr, data); err != nil {
		return nil, err
	}
	// the stream must end here, with its checksum verified
	if n, err := zr.Read(make([]byte, 1)); n != 0 || err != io.EOF {
		if err == nil || err == io.EOF {
			err = fmt.Errorf("more than the %d bytes the gzip trailer gives", size)
		}
		return nil, err
	}
	return data, nil
}

// Parse reads a model in the format tools/topictrain writes: a header line
// "#total<TAB>n1<TAB>...<TAB>n5" with each label's word count and vocabulary
// size, then "word<TAB>c1<TAB>...<TAB>c5" count lines (a word given twice
// keeps its last counts). It reads the lines in place, without a string or
// map per word: the model is parsed at every start.
func Parse(r interface{ Read([]byte) (int, error) }) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("topic: model: %w", err)
	}
	return parse(data)
}

// parse is Parse of the model text data.
func parse(data []byte) (*Model, error) {
	k := len(Labels)
	lines := bytes.Count(data, []byte{'\n'}) + 1
	size := uint64(16)
	for size < uint64(2*lines) {
		size <<= 1
	}
	m := &Model{slots: make([]uint64, size), mask: size - 1, unknown: make([]float64, k)}
	// The words are gathered at the front of data itself: a word lies at
	// or after the place it is copied to (the lines before it held at
	// least the words before it), and its line has been read by then.
	vocab := data[:0]
	m.off = make([]int32, 0, lines+1)
	// The counts are kept as float32 where the log-probabilities will be
	// (a count that float32 does not hold exactly also in wide, by its
	// place), so that the model costs no second array of counts.
	counts := make([]float32, 0, k*lines)
	var wide map[int]float64
	set := func(at int, x float64) {
		counts[at] = float32(x)
		if float64(counts[at]) != x {
			if wide == nil {
				wide = map[int]float64{}
			}
			wide[at] = x
		} else if wide != nil {
			delete(wide, at)
		}
	}
	var totals []float64
	var v [8]float64
	for line := 1; len(data) > 0; line++ {
		ln := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		ln = bytes.TrimSuffix(ln, []byte{'\r'})
		if n := bytes.Count(ln, []byte{'\t'}) + 1; n != k+1 {
			return nil, fmt.Errorf("topic: model line %d: %d fields, want %d", line, n, k+1)
		}
		i := bytes.IndexByte(ln, '\t')
		word, rest := ln[:i], ln[i+1:]
		for j := range k {
			f := rest
			if t := bytes.IndexByte(rest, '\t'); t >= 0 {
				f, rest = rest[:t], rest[t+1:]
			}
			x, ok := parseCount(f)
			if !ok {
				return nil, fmt.Errorf("topic: model line %d: bad count %q", line, f)
			}
			v[j] = x
		}
		if string(word) == "#total" {
			totals = append([]float64(nil), v[:k]...)
			continue
		}
		if idx := m.index(vocab, word); idx >= 0 {
			for j := range k {
				set(idx*k+j, v[j]) // given again: the last counts
			}
			continue
		}
		idx := len(m.off)
		m.off = append(m.off, int32(len(vocab)))
		vocab = append(vocab, word...)
		at0 := len(counts)
		counts = counts[:at0+k]
		for j := range k {
			set(at0+j, v[j])
		}
		h := wordHash(word)
		at := h & m.mask
		for m.slots[at] != 0 {
			at = (at + 1) & m.mask
		}
		m.slots[at] = h>>32<<32 | uint64(idx+1)
	}
	if totals == nil {
		return nil, fmt.Errorf("topic: model: no #total line")
	}
	nw := len(m.off)
	m.off = append(m.off, int32(len(vocab)))
	// data is parse's own (Parse's or inflate's buffer) and nothing
	// writes to it after: the vocabulary shares it rather than copying it.
	m.vocab = unsafe.String(unsafe.SliceData(vocab), len(vocab))
	nv := float64(nw)
	for i := range k {
		m.unknown[i] = math.Log(1 / (totals[i] + nv))
	}
	// Most counts are small whole numbers: their logarithms are computed
	// once per label (the same expression, so the same float32).
	const small = 64
	logSmall := make([]float32, small*k)
	for c := range small {
		for i := range k {
			logSmall[c*k+i] = float32(math.Log((float64(c) + 1) / (totals[i] + nv)))
		}
	}
	m.logp = counts
	for w := 0; w < nw; w++ {
		for i := range k {
			c := float64(counts[w*k+i])
			if x, ok := wide[w*k+i]; ok {
				c = x
			}
			if c < small && c == math.Trunc(c) {
				m.logp[w*k+i] = logSmall[int(c)*k+i]
				continue
			}
			m.logp[w*k+i] = float32(math.Log((c + 1) / (totals[i] + nv)))
		}
	}
	return m, nil
}

// index returns the index of word in the table under construction (the
// words so far are in vocab, word i at vocab[off[i]:off[i+1]] with the last
// ending at len(vocab)), or -1.
func (m *Model) index(vocab, word []byte) int {
	h := wordHash(word)
	fp := h >> 32
	for i := h & m.mask; ; i = (i + 1) & m.mask {
		sl := m.slots[i]
		if sl == 0 {
			return -1
		}
		if sl>>32 == fp {
			k := int(uint32(sl)) - 1
			end := len(vocab)
			if k+1 < len(m.off) {
				end = int(m.off[k+1])
			}
			if string(vocab[m.off[k]:end]) == string(word) {
				return k
			}
		}
	}
}

// parseCount parses a non-negative count: digits directly (the trainer
// writes whole numbers), anything else through strconv.ParseFloat.
func parseCount(b []byte) (float64, bool) {
	if len(b) > 0 && len(b) < 16 {
		x, digits := 0.0, true
		for _, c := range b {
			if c < '0' || c > '9' {
				digits = false
				break
			}
			x = x*10 + float64(c-'0')
		}
		if digits {
			return x, true
		}
	}
	x, err := strconv.ParseFloat(string(b), 64)
	if err != nil || x < 0 {
		return 0, false
	}
	return x, true
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
