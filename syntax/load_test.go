package syntax

import (
	"bytes"
	"testing"
)

// BenchmarkLoad: reading the embedded model, what every process that
// parses pays once.
func BenchmarkLoad(b *testing.B) {
	buf := aligned(embeddedModel)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(buf); err != nil {
			b.Fatal(err)
		}
	}
}

// TestLoad_RoundTrip: the embedded model loads and marshals back to its
// own bytes (the word tables read in place hold what the file says).
func TestLoad_RoundTrip(t *testing.T) {
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Marshal(); !bytes.Equal(got, []byte(embeddedModel)) {
		t.Errorf("marshalled model differs from the embedded one (%d vs %d bytes)", len(got), len(embeddedModel))
	}
}
