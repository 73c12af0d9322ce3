// Package contract checks output against newsgraph's output contract: the
// JSON Schema in document/output.schema.json plus what a schema cannot say
// (offsets inside the text, each span's text equal to the text it points at,
// indices pointing inside their arrays).
package contract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newsgraph/newsgraph/document"
)

var (
	once     sync.Once
	compiled *jsonschema.Schema
	errInit  error
)

func schema() (*jsonschema.Schema, error) {
	once.Do(func() {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(document.Schema))
		if err != nil {
			errInit = fmt.Errorf("contract: schema: %w", err)
			return
		}
		c := jsonschema.NewCompiler()
		if err := c.AddResource("output.schema.json", doc); err != nil {
			errInit = fmt.Errorf("contract: schema: %w", err)
			return
		}
		compiled, errInit = c.Compile("output.schema.json")
	})
	return compiled, errInit
}

// Validate checks one JSON-encoded document against the schema and, when
// text is not empty, checks every span against text (code point offsets).
func Validate(raw []byte, text string) error {
	s, err := schema()
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return fmt.Errorf("contract: not JSON: %w", err)
	}
	if err := s.Validate(inst); err != nil {
		return fmt.Errorf("contract: %w", err)
	}
	if text == "" {
		return nil
	}
	var o document.Output
	if err := json.Unmarshal(raw, &o); err != nil {
		return fmt.Errorf("contract: %w", err)
	}
	return checkSpans(&o, []rune(text))
}

func checkSpans(o *document.Output, rs []rune) error {
	n := len(rs)
	span := func(what string, i, a, b int, want string, check bool) error {
		if a < 0 || b < a || b > n {
			return fmt.Errorf("contract: %s[%d]: span [%d,%d) outside text of %d code points", what, i, a, b, n)
		}
		if check && string(rs[a:b]) != want {
			return fmt.Errorf("contract: %s[%d]: text %q but span [%d,%d) holds %q", what, i, want, a, b, string(rs[a:b]))
		}
		return nil
	}
	idx := func(what string, i int, p *int, n int) error {
		if p != nil && (*p < 0 || *p >= n) {
			return fmt.Errorf("contract: %s[%d]: index %d out of range (%d)", what, i, *p, n)
		}
		return nil
	}
	for i, s := range o.Sentences {
		if err := span("sentences", i, s.Start, s.End, "", false); err != nil {
			return err
		}
	}
	prevEnd := 0
	for i, t := range o.Tokens {
		if err := span("tokens", i, t.Start, t.End, "", false); err != nil {
			return err
		}
		if t.Start < prevEnd {
			return fmt.Errorf("contract: tokens[%d]: starts at %d before the previous token's end %d", i, t.Start, prevEnd)
		}
		prevEnd = t.End
		if t.Head != nil && (*t.Head < -1 || *t.Head >= len(o.Tokens) || *t.Head == i) {
			return fmt.Errorf("contract: tokens[%d]: head %d out of range (%d)", i, *t.Head, len(o.Tokens))
		}
	}
	for i, m := range o.Mentions {
		if err := span("mentions", i, m.Start, m.End, m.Text, true); err != nil {
			return err
		}
		if err := idx("mentions", i, m.Entity, len(o.Entities)); err != nil {
			return err
		}
	}
	for i, e := range o.Entities {
		for _, m := range e.Mentions {
			if m < 0 || m >= len(o.Mentions) {
				return fmt.Errorf("contract: entities[%d]: mention %d out of range", i, m)
			}
		}
	}
	for i, q := range o.Quotes {
		if err := span("quotes", i, q.Start, q.End, q.Text, true); err != nil {
			return err
		}
		if q.Speaker != nil {
			if err := span("quotes.speaker", i, q.Speaker.Start, q.Speaker.End, "", false); err != nil {
				return err
			}
			if err := idx("quotes.speaker", i, q.Speaker.Entity, len(o.Entities)); err != nil {
				return err
			}
		}
		if q.CueSpan != nil {
			if err := span("quotes.cue_span", i, q.CueSpan.Start, q.CueSpan.End, "", false); err != nil {
				return err
			}
		}
	}
	for i, t := range o.Themes {
		if err := span("themes", i, t.Start, t.End, t.Text, true); err != nil {
			return err
		}
	}
	if o.Tone != nil && len(o.SentenceTone) != len(o.Sentences) {
		return fmt.Errorf("contract: %d sentence tones for %d sentences", len(o.SentenceTone), len(o.Sentences))
	}
	for i, c := range o.Counts {
		if err := span("counts", i, c.Start, c.End, c.Text, true); err != nil {
			return err
		}
		if err := idx("counts.location", i, c.Location, len(o.Locations)); err != nil {
			return err
		}
		if err := idx("counts.attributed_entity", i, c.AttributedEntity, len(o.Entities)); err != nil {
			return err
		}
		if c.ObjectSpan != nil {
			if err := span("counts.object_span", i, c.ObjectSpan.Start, c.ObjectSpan.End, "", false); err != nil {
				return err
			}
		}
	}
	for i, l := range o.Locations {
		if err := span("locations", i, l.Start, l.End, l.Text, true); err != nil {
			return err
		}
		if err := idx("locations.mention", i, l.Mention, len(o.Mentions)); err != nil {
			return err
		}
	}
	for i, e := range o.Events {
		if err := span("events", i, e.Start, e.End, e.Text, true); err != nil {
			return err
		}
		if e.Sentence < 0 || (len(o.Sentences) > 0 && e.Sentence >= len(o.Sentences)) {
			return fmt.Errorf("contract: events[%d]: sentence %d out of range", i, e.Sentence)
		}
		if err := idx("events.location", i, e.Location, len(o.Locations)); err != nil {
			return err
		}
		for _, a := range []*document.OutActor{e.Source, e.Target} {
			if a != nil {
				if err := idx("events.actor", i, a.Entity, len(o.Entities)); err != nil {
					return err
				}
				if err := span("events.actor", i, a.Start, a.End, a.Text, true); err != nil {
					return err
				}
			}
		}
	}
	layerLen := map[string]int{"mentions": len(o.Mentions), "entities": len(o.Entities), "quotes": len(o.Quotes),
		"counts": len(o.Counts), "locations": len(o.Locations), "events": len(o.Events), "sentences": len(o.Sentences),
		"themes": len(o.Themes)}
	if o.Tone != nil {
		layerLen["tone"] = 1 // the document's tone
	}
	if o.Genre != "" {
		layerLen["genre"] = 1 // the document's genre
	}
	for i, t := range o.Explain {
		n, ok := layerLen[t.Layer]
		if !ok {
			return fmt.Errorf("contract: explain[%d]: unknown layer %q", i, t.Layer)
		}
		if t.Index < 0 || t.Index >= n {
			return fmt.Errorf("contract: explain[%d]: %s index %d out of range (%d)", i, t.Layer, t.Index, n)
		}
	}
	if m := o.MainEvent; m != nil {
		if err := span("main_event", 0, m.Start, m.End, m.Text, true); err != nil {
			return err
		}
		if err := idx("main_event.event", 0, m.Event, len(o.Events)); err != nil {
			return err
		}
		if m.Event != nil && o.Events[*m.Event].Plover != nil && *o.Events[*m.Event].Plover != m.Plover {
			return fmt.Errorf("contract: main_event: event %d is %s, not %s", *m.Event, *o.Events[*m.Event].Plover, m.Plover)
		}
	}
	return nil
}
