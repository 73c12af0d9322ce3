package events

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/linear"
)

// BenchmarkReadModel: decoding the embedded event-type model, the largest
// part of a one-line extract's start-up.
func BenchmarkReadModel(b *testing.B) {
	for b.Loop() {
		if _, err := linear.Decode(ModelMagic, embeddedModel); err != nil {
			b.Fatal(err)
		}
	}
}

// TestModel_RoundTrip: the embedded model decodes, has a None class, and
// re-encodes to its own bytes (package linear's codec is the one
// tools/eventtrain writes with).
func TestModel_RoundTrip(t *testing.T) {
	m, err := builtinModel()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(m.Classes, None) {
		t.Errorf("classes %v lack %s", m.Classes, None)
	}
	b, err := m.Encode(ModelMagic)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, embeddedModel) {
		t.Error("the embedded model does not re-encode to its bytes")
	}
}

// TestModel_InPlace: an unaligned copy of the embedded model (its weights
// decoded, not viewed) decodes to the same model.
func TestModel_InPlace(t *testing.T) {
	m, err := builtinModel()
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, len(embeddedModel)+1)
	copy(buf[1:], embeddedModel)
	odd, err := linear.Decode(ModelMagic, buf[1:])
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, odd) {
		t.Error("an unaligned copy decodes differently")
	}
}

// BenchmarkParseLexicon: compiling the built-in lexicon, which every
// start pays.
func BenchmarkParseLexicon(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseLexicon(strings.NewReader(builtinLexicon), "lexicon.tsv", nil); err != nil {
			b.Fatal(err)
		}
	}
}
