// Package eval holds what every layer's evaluation shares: counts of true
// positives, false positives and false negatives, and a report that prints as
// text, Markdown or JSON. Each layer's evaluation is a subpackage (eval/ner,
// eval/quotes, eval/counts, eval/events, eval/geo).
package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// Score counts matches for one category.
type Score struct {
	TP, FP, FN int
}

// Add adds o to s.
func (s *Score) Add(o Score) { s.TP += o.TP; s.FP += o.FP; s.FN += o.FN }

// Precision is TP/(TP+FP), or 0 when nothing was predicted.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP/(TP+FN), or 0 when nothing was expected.
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Row is one named score in a report.
type Row struct {
	Name string  `json:"name"`
	TP   int     `json:"tp"`
	FP   int     `json:"fp"`
	FN   int     `json:"fn"`
	P    float64 `json:"precision"`
	R    float64 `json:"recall"`
	F1   float64 `json:"f1"`
}

// Metric is one named number in a report (accuracy, median error, tokens/s).
type Metric struct {
	Name  string  `json:"name"`
	Value float64 `json:"value"`
	Unit  string  `json:"unit,omitempty"`
}

// Report is the result of one layer's evaluation.
type Report struct {
	Layer   string   `json:"layer"`
	Data    string   `json:"data"` // what was evaluated on
	Rows    []Row    `json:"scores"`
	Metrics []Metric `json:"metrics,omitempty"`
	Notes   []string `json:"notes,omitempty"`
}

// AddScore appends a named score.
func (r *Report) AddScore(name string, s Score) {
	r.Rows = append(r.Rows, Row{Name: name, TP: s.TP, FP: s.FP, FN: s.FN, P: s.Precision(), R: s.Recall(), F1: s.F1()})
}

// AddMetric appends a named number.
func (r *Report) AddMetric(name string, v float64, unit string) {
	r.Metrics = append(r.Metrics, Metric{name, v, unit})
}

// Score returns the named score row, or false.
func (r *Report) Score(name string) (Row, bool) {
	for _, x := range r.Rows {
		if x.Name == name {
			return x, true
		}
	}
	return Row{}, false
}

// WriteText writes the report as an aligned plain-text table.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s evaluation on %s\n", r.Layer, r.Data)
	if len(r.Rows) > 0 {
		fmt.Fprintf(&b, "%-28s %7s %7s %7s %9s %7s %7s\n", "", "tp", "fp", "fn", "precision", "recall", "f1")
		for _, x := range r.Rows {
			fmt.Fprintf(&b, "%-28s %7d %7d %7d %9.4f %7.4f %7.4f\n", x.Name, x.TP, x.FP, x.FN, x.P, x.R, x.F1)
		}
	}
	for _, m := range r.Metrics {
		fmt.Fprintf(&b, "%-28s %.4f %s\n", m.Name, m.Value, m.Unit)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes the report as a Markdown section.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\nData: %s\n\n", r.Layer, r.Data)
	if len(r.Rows) > 0 {
		b.WriteString("| score | tp | fp | fn | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n")
		for _, x := range r.Rows {
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %.4f | %.4f | %.4f |\n", x.Name, x.TP, x.FP, x.FN, x.P, x.R, x.F1)
		}
		b.WriteString("\n")
	}
	if len(r.Metrics) > 0 {
		b.WriteString("| metric | value |\n|---|---:|\n")
		for _, m := range r.Metrics {
			fmt.Fprintf(&b, "| %s | %.4f %s |\n", m.Name, m.Value, m.Unit)
		}
		b.WriteString("\n")
	}
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "- %s\n", n)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// Write writes the report as JSON when asJSON is set, else as text.
func (r *Report) Write(w io.Writer, asJSON bool) error {
	if asJSON {
		return r.WriteJSON(w)
	}
	return r.WriteText(w)
}

// Multiset scores predicted items against gold items as multisets: each gold
// item matches at most one equal prediction.
func Multiset[T comparable](gold, pred []T) Score {
	left := make(map[T]int, len(gold))
	for _, g := range gold {
		left[g]++
	}
	var s Score
	for _, p := range pred {
		if left[p] > 0 {
			left[p]--
			s.TP++
		} else {
			s.FP++
		}
	}
	for _, n := range left {
		s.FN += n
	}
	return s
}
