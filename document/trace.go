package document

// Decision traces: which named step of a stage decided a field of one
// element of a layer. A stage records them only when Document.Explain is
// set (extract --explain), so the pipeline pays nothing otherwise.

// Trace says that Step decided Field of element Index of Layer ("the
// speaker of quote 3 was decided by step 'cue after the quote'"); Detail
// adds what the step read (the words, the value).
type Trace struct {
	Layer  Layer
	Index  int
	Field  string
	Step   string
	Detail string
}

// Trace records a decision when d.Explain is set; it does nothing
// otherwise. Stages call it with the element's final index in its layer.
func (d *Document) Trace(layer Layer, index int, field, step, detail string) {
	if !d.Explain {
		return
	}
	d.Traces = append(d.Traces, Trace{Layer: layer, Index: index, Field: field, Step: step, Detail: detail})
}

// TracesOf returns the traces of element index of layer, in the order the
// stages recorded them (a later trace of the same field overrides).
func (d *Document) TracesOf(layer Layer, index int) []Trace {
	var out []Trace
	for _, t := range d.Traces {
		if t.Layer == layer && t.Index == index {
			out = append(out, t)
		}
	}
	return out
}

// OutTrace is a decision trace in the output contract (present only with
// extract --explain).
type OutTrace struct {
	Layer  string `json:"layer"`
	Index  int    `json:"index"`
	Field  string `json:"field"`
	Step   string `json:"step"`
	Detail string `json:"detail,omitempty"`
}
