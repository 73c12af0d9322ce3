package events

import (
	"bufio"
	"compress/gzip"
	"math"
	"os"
	"reflect"
	"testing"
)

// TestBinaryModel_SameAsText: the binary data/types.model holds exactly
// the features and float32 weights of the text data/types.model.gz it was
// converted from (this commit only; the next removes the text model).
func TestBinaryModel_SameAsText(t *testing.T) {
	f, err := os.Open("data/types.model.gz")
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	old, err := ReadModel(bufio.NewScanner(zr))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.MarshalBinary(); err != nil {
		t.Fatal(err)
	}
	nm, err := DecodeModel(embeddedModel)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(old, nm) {
		t.Fatal("differ")
	}
	for f, w := range old.W {
		for i := range w {
			if math.Float32bits(w[i]) != math.Float32bits(nm.W[f][i]) {
				t.Fatal("bits differ", f)
			}
		}
	}
	t.Logf("%d features equal, %d bytes", len(nm.W), len(embeddedModel))
}
