package syntax

import (
	"context"
	"fmt"
	"sync"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/internal/lettercase"
)

// Stage is the "syntax" pipeline stage: it fills every token's POS, Tag,
// Lemma, Head and Dep (layer "syntax") from the sentences and tokens of the
// text stage, one sentence at a time. It is safe for concurrent use.
type Stage struct {
	m    *Model
	pool sync.Pool
}

// NewStage returns the stage over the embedded model, or its load error.
func NewStage() (*Stage, error) {
	m, err := Default()
	if err != nil {
		return nil, err
	}
	return NewStageWith(m), nil
}

// NewStageWith returns the stage over m.
func NewStageWith(m *Model) *Stage {
	s := &Stage{m: m}
	s.pool.New = func() any { return &work{p: NewParser(m)} }
	return s
}

type work struct {
	p     *Parser
	forms []string
	a     Analysis
}

// Name returns "syntax".
func (*Stage) Name() string { return "syntax" }

// Requires returns the sentences and tokens layers.
func (*Stage) Requires() []document.Layer {
	return []document.Layer{document.LayerSentences, document.LayerTokens}
}

// Provides returns the syntax layer.
func (*Stage) Provides() []document.Layer { return []document.Layer{document.LayerSyntax} }

// Process analyzes every sentence of d. Heads index d.Tokens and stay
// inside their sentence (-1 for a root). Tokens outside every sentence (none
// after the text stage) are left as roots tagged X. Sentences whose letter
// case says nothing (package lettercase: headlines in capitals, texts
// without capitals) are analyzed in lower case. It returns ctx's error when
// ctx is done, checked before every sentence.
func (s *Stage) Process(ctx context.Context, d *document.Document) error {
	w := s.pool.Get().(*work)
	defer s.pool.Put(w)
	covered := 0
	folded := lettercase.Document(d)
	for si, sen := range d.Sentences {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("syntax: %w", err)
		}
		a, b := sen.FirstToken, sen.EndToken
		if a < covered || b > len(d.Tokens) || a > b {
			return fmt.Errorf("syntax: sentence tokens [%d, %d) outside the tokens or overlapping", a, b)
		}
		for k := covered; k < a; k++ {
			setLoose(&d.Tokens[k], d.TokenText(k))
		}
		covered = b
		w.forms = w.forms[:0]
		for k := a; k < b; k++ {
			if folded[si] {
				w.forms = append(w.forms, d.TokenLower(k))
			} else {
				w.forms = append(w.forms, d.TokenText(k))
			}
		}
		w.p.Analyze(w.forms, &w.a)
		for i := range w.forms {
			t := &d.Tokens[a+i]
			t.POS, t.Tag, t.Lemma, t.Dep = w.a.POS[i], w.a.Tag[i], w.a.Lemma[i], w.a.Dep[i]
			if folded[si] && t.POS == "PROPN" {
				t.Lemma = d.TokenText(a + i)
			}
			t.Head = -1
			if h := w.a.Head[i]; h >= 0 {
				t.Head = a + h
			}
		}
	}
	for k := covered; k < len(d.Tokens); k++ {
		setLoose(&d.Tokens[k], d.TokenText(k))
	}
	return nil
}

func setLoose(t *document.Token, form string) {
	t.POS, t.Tag, t.Lemma, t.Head, t.Dep = "X", "FW", form, -1, "root"
}
