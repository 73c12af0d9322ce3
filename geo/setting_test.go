package geo

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/document"
	"github.com/newsgraph/newsgraph/pipeline"
	"github.com/newsgraph/newsgraph/text"
)

func processMeta(t *testing.T, txt string, meta map[string]any) *document.Document {
	t.Helper()
	st, err := New()
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(text.New(), st)
	if err != nil {
		t.Fatal(err)
	}
	d := document.New("t", txt)
	d.Meta = meta
	if err := p.Process(context.Background(), d); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestSettingFromMetadata: a dateline kept apart from the text and a
// publication's name set the story in their place without being
// locations of their own.
func TestSettingFromMetadata(t *testing.T) {
	const story = "A tornado touched down near Abilene on Sunday, the weather service said."
	tests := []struct {
		name string
		meta map[string]any
		adm1 string
	}{
		{"no metadata: the larger namesake", nil, "TX"},
		{"outlet", map[string]any{"outlet": "Salina Journal"}, "KS"},
		{"dateline in metadata", map[string]any{"dateline": "SALINA, Kan., June 2 -"}, "KS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := processMeta(t, story, tt.meta)
			check(t, d, []want{{"Abilene", 28, 35, "US", tt.adm1, "city", ""}})
		})
	}
}
