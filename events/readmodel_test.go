package events

import (
	"bytes"
	"reflect"
	"slices"
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
		if _, err := parseLexicon(builtinLexicon, "lexicon.tsv", nil); err != nil {
			b.Fatal(err)
		}
	}
}

// TestParseLexicon_Lines: a user lexicon read whole keeps the line numbers
// of its errors (CRLF ends, a last line without one) and refuses a line
// of a megabyte, as the line scanner did.
func TestParseLexicon_Lines(t *testing.T) {
	for in, want := range map[string]string{
		"# c\r\n\r\n010\tsay\r\nXYZ\tsay":            "in:4: unknown CAMEO code",
		"010\tsay\n010\t\n":                          "in:2:",
		"010\t" + string(make([]byte, 1<<20)) + "\n": "token too long",
	} {
		_, err := ParseLexicon(bytes.NewReader([]byte(in)), "in", nil)
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(want)) {
			t.Errorf("%.20q: err %v, want %q", in, err, want)
		}
	}
	l, err := ParseLexicon(bytes.NewReader([]byte("010\tsay\r\n\n020\tappeal for\n")), "in", nil)
	if err != nil || l.Len() != 2 || l.patterns[1].line != 3 || l.patterns[0].src != "say" {
		t.Errorf("%v, %v", l, err)
	}
}
