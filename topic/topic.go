// Package topic classifies a news document into a broad section (politics,
// business, sport, entertainment, tech) with a multinomial naive Bayes model
// trained on the BBC news corpus (tools/topictrain). The event coder uses it
// to keep sport and arts stories, where "Italy defended well" and "Fiji
// rallied" name teams rather than states, out of the event data; users get
// the label to filter on.
package topic

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"
	"unsafe"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/linear"
)

// Labels lists the sections in the model's column order.
var Labels = []string{"business", "entertainment", "politics", "sport", "tech"}

// Result is a document's most likely section and its posterior probability.
type Result struct {
	Label string
	P     float64
}

// Model is a multinomial naive Bayes model over lower-cased words: per
// word of the vocabulary, log P(word | label) for every label, as package
// linear's sparse linear model (tools/topictrain computes them from the
// BBC counts with add-one smoothing).
type Model struct{ lm *linear.Model }

// ModelMagic opens the section model file (package linear's format, the
// classes Labels).
const ModelMagic = "ngtopic-model 1\n"

//go:embed model.bin
var embedded []byte

var def struct {
	once sync.Once
	m    *Model
	err  error
}

// Default returns the embedded model, decoded once and shared.
func Default() (*Model, error) {
	def.once.Do(func() { def.m, def.err = Decode(embedded) })
	return def.m, def.err
}

// Decode reads a model in package linear's format opened by ModelMagic
// whose classes are Labels (the model aliases b, which must not change).
// Any other input is an error.
func Decode(b []byte) (*Model, error) {
	lm, err := linear.Decode(ModelMagic, b)
	if err != nil {
		return nil, fmt.Errorf("topic: model: %w", err)
	}
	if !slices.Equal(lm.Classes, Labels) {
		return nil, fmt.Errorf("topic: model: classes %v, want %v", lm.Classes, Labels)
	}
	return &Model{lm}, nil
}

// Classify returns the most likely section of text with its posterior
// probability (uniform prior). Words outside the vocabulary are ignored; a
// text without any known word gets an empty label and P 0.
func (m *Model) Classify(text string) Result {
	k := len(Labels)
	score := make([]float64, k)
	n := 0
	Words(text, func(w []byte) {
		lp := m.lm.Weights(unsafe.String(&w[0], len(w))) // (not kept: no copy)
		if lp == nil {
			return
		}
		n++
		for i, x := range lp {
			score[i] += float64(x)
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
