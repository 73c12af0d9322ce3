package ner

import (
	"bytes"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/newsgraph/newsgraph/internal/lebytes"
	"github.com/newsgraph/newsgraph/internal/shareddata"
)

func TestSpansFromTags(t *testing.T) {
	tests := []struct {
		name string
		tags []string
		want []Span
	}{
		{"empty", nil, nil},
		{"iob1", []string{"I-PER", "I-PER", "O", "I-LOC"}, []Span{{0, 2, "PER", 1}, {3, 4, "LOC", 1}}},
		{"iob1 adjacent", []string{"I-LOC", "B-LOC", "I-LOC"}, []Span{{0, 1, "LOC", 1}, {1, 3, "LOC", 1}}},
		{"iob2", []string{"B-ORG", "I-ORG", "B-PER"}, []Span{{0, 2, "ORG", 1}, {2, 3, "PER", 1}}},
		{"type change", []string{"I-ORG", "I-MISC"}, []Span{{0, 1, "ORG", 1}, {1, 2, "MISC", 1}}},
		{"bilou", []string{"B-PER", "L-PER", "U-LOC", "O"}, []Span{{0, 2, "PER", 1}, {2, 3, "LOC", 1}}},
		{"bioes", []string{"S-ORG", "B-MISC", "E-MISC"}, []Span{{0, 1, "ORG", 1}, {1, 3, "MISC", 1}}},
		{"junk", []string{"X", "I-", "Z-PER", "I-PER"}, []Span{{3, 4, "PER", 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SpansFromTags(tt.tags); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("SpansFromTags(%q) = %v, want %v", tt.tags, got, tt.want)
			}
		})
	}
}

func TestBILOURoundTrip(t *testing.T) {
	spans := []Span{{0, 1, "PER", 0}, {2, 5, "ORG", 0}, {5, 7, "MISC", 0}, {8, 9, "LOC", 0}}
	y := bilou(spans, 10)
	if got := spansFromLabels(y); !reflect.DeepEqual(got, spans) {
		t.Fatalf("round trip: got %v, want %v", got, spans)
	}
	for i := 1; i < len(y); i++ {
		if !allowed[y[i-1]][y[i]] {
			t.Errorf("labels %d→%d not allowed", y[i-1], y[i])
		}
	}
}

// tinyDocs is a small hand-written training set (two short wire stories).
func tinyDocs() []Doc {
	parse := func(lines ...string) Doc {
		var d Doc
		for _, l := range lines {
			var s Sentence
			for _, f := range strings.Fields(l) {
				w, tag, ok := strings.Cut(f, "/")
				if !ok {
					tag = "O"
				}
				s.Words = append(s.Words, w)
				s.Tags = append(s.Tags, tag)
			}
			d.Sentences = append(d.Sentences, s)
		}
		return d
	}
	return []Doc{
		parse(
			"Amina/B-PER Odhiambo/I-PER arrived/O in/O Nairobi/B-LOC on/O Monday/O ./O",
			"Odhiambo/B-PER told/O Reuters/B-ORG that/O talks/O with/O Kenya/B-LOC Airways/I-LOC would/O resume/O ./O",
			"The/O Kenyan/B-MISC shilling/O fell/O ./O",
		),
		parse(
			"Police/O in/O Mombasa/B-LOC arrested/O Peter/B-PER Kamau/I-PER ./O",
			"Kamau/B-PER works/O for/O Safaricom/B-ORG in/O Nairobi/B-LOC ./O",
		),
	}
}

func TestTrainTiny(t *testing.T) {
	docs := tinyDocs()
	m, err := Train(docs, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	tg := NewTagger(m)
	got := tg.Tag([][]string{strings.Fields("Kamau works for Safaricom in Nairobi .")})
	want := []Span{{0, 1, "PER", 0}, {3, 4, "ORG", 0}, {5, 6, "LOC", 0}}
	if len(got) != 1 || len(got[0]) != len(want) {
		t.Fatalf("Tag = %v, want %v", got, want)
	}
	for i, s := range got[0] {
		if s.Start != want[i].Start || s.End != want[i].End || s.Type != want[i].Type || s.Score <= 0 || s.Score > 1 {
			t.Errorf("span %d = %+v, want %+v with score in (0,1]", i, s, want[i])
		}
	}
	// Marshal and read back: same tags.
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	got2 := NewTagger(m2).Tag([][]string{strings.Fields("Kamau works for Safaricom in Nairobi .")})
	if !sameSpans(got, got2) {
		t.Errorf("after round trip: %v, want %v", got2, got)
	}
	// Determinism: a second training gives the same bytes.
	m3, err := Train(docs, TrainOptions{Epochs: 10, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	b3, _ := m3.Marshal()
	if !bytes.Equal(b, b3) {
		t.Error("training is not deterministic")
	}
}

func TestTrainStackedTiny(t *testing.T) {
	docs := append(tinyDocs(), tinyDocs()...)
	m, err := Train(docs, TrainOptions{Epochs: 5, Seed: 2, Stacked: true, Folds: 2})
	if err != nil {
		t.Fatal(err)
	}
	if m.First == nil {
		t.Fatal("stacked model has no first pass")
	}
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if m2.First == nil {
		t.Fatal("read stacked model has no first pass")
	}
	s := [][]string{strings.Fields("Amina Odhiambo arrived in Mombasa ."), {"Odhiambo"}}
	if a, b := NewTagger(m).Tag(s), NewTagger(m2).Tag(s); !sameSpans(a, b) {
		t.Errorf("round trip changed tags: %v vs %v", a, b)
	}
}

func TestTrainEmpty(t *testing.T) {
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("Train(nil) succeeded")
	}
}

func sameSpans(a, b [][]Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			x, y := a[i][j], b[i][j]
			if x.Start != y.Start || x.End != y.End || x.Type != y.Type {
				return false
			}
		}
	}
	return true
}

func TestDefault(t *testing.T) {
	t0 := time.Now()
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("model load %s", time.Since(t0))
	tests := []struct {
		words string
		want  []Span
	}{
		{"", nil},
		{"Kenyan President William Ruto met European Union officials in Brussels on Tuesday .",
			[]Span{{0, 1, "MISC", 0}, {2, 4, "PER", 0}, {5, 7, "ORG", 0}, {9, 10, "LOC", 0}}},
		{"Ruto told Reuters the talks would continue .",
			[]Span{{0, 1, "PER", 0}, {2, 3, "ORG", 0}}},
	}
	for _, tt := range tests {
		// The same names in capitals and in lower case (folded sentences),
		// where upper and lower case give the very same tags.
		for _, words := range []string{tt.words, strings.ToUpper(tt.words), strings.ToLower(tt.words)} {
			got := tg.Tag([][]string{strings.Fields(words)})
			if !sameSpans(got, [][]Span{tt.want}) {
				t.Errorf("Tag(%q) = %v, want %v", words, got, tt.want)
			}
		}
		up, low := tg.Tag([][]string{strings.Fields(strings.ToUpper(tt.words))}), tg.Tag([][]string{strings.Fields(strings.ToLower(tt.words))})
		if !reflect.DeepEqual(up, low) {
			t.Errorf("upper-cased %v, lower-cased %v", up, low)
		}
	}
	// Concurrent use gives the same answers.
	doc := [][]string{strings.Fields("Kenyan President William Ruto met European Union officials in Brussels on Tuesday .")}
	want := tg.Tag(doc)
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				if got := tg.Tag(doc); !sameSpans(got, want) {
					t.Error("concurrent Tag differs")
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestReadModelErrors(t *testing.T) {
	m, err := Train(tinyDocs(), TrainOptions{Epochs: 2, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	good, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadModelBytes(good); err != nil {
		t.Fatalf("good model: %v", err)
	}
	badLayers := append([]byte(nil), good...)
	badLayers[len(modelMagic)] = 3
	badSize := append([]byte(nil), good...)
	badSize[len(modelMagic)+4*5] ^= 0x10
	for name, b := range map[string][]byte{
		"empty":     nil,
		"gzip":      gz(good),
		"old":       []byte("NGNER03\n"),
		"magic":     good[:len(modelMagic)],
		"truncated": good[:len(good)-8],
		"longer":    append(append([]byte(nil), good...), 0, 0, 0, 0, 0, 0, 0, 0),
		"layers":    badLayers,
		"table":     badSize,
	} {
		if _, err := ReadModel(bytes.NewReader(b)); err == nil {
			t.Errorf("%s: ReadModel succeeded", name)
		}
	}
}

func TestTestaF1(t *testing.T) {
	if testing.Short() {
		t.Skip("tags the whole development split")
	}
	p := shareddata.Require(t, "ner/conll2003/eng.testa")
	docs := readFile(t, p)
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	var tp, fp, fn int
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
		}
		pred := tg.Tag(words)
		for i, s := range d.Sentences {
			gold := map[Span]bool{}
			for _, g := range SpansFromTags(s.Tags) {
				if g.Type != "MISC" {
					gold[Span{g.Start, g.End, g.Type, 0}] = true
				}
			}
			for _, p := range pred[i] {
				if p.Type == "MISC" {
					continue
				}
				k := Span{p.Start, p.End, p.Type, 0}
				if gold[k] {
					tp++
					delete(gold, k)
				} else {
					fp++
				}
			}
			fn += len(gold)
		}
	}
	pr, rc := float64(tp)/float64(tp+fp), float64(tp)/float64(tp+fn)
	f1 := 2 * pr * rc / (pr + rc)
	t.Logf("eng.testa PER/LOC/ORG: P %.4f R %.4f F1 %.4f", pr, rc, f1)
	if f1 < 0.87 {
		t.Errorf("F1 %.4f < 0.87", f1)
	}
}

// TestDefault_inPlace checks that the embedded model's weight table is the
// embedded bytes themselves (read in place, not decoded into a copy) on a
// little-endian machine.
func TestDefault_inPlace(t *testing.T) {
	if !lebytes.LittleEndian {
		t.Skip("big-endian: the model is decoded")
	}
	tg, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	w := tg.m.w
	if len(w.slots) == 0 {
		t.Fatal("empty weight table")
	}
	lo := uintptr(unsafe.Pointer(&embeddedModel[0]))
	p := uintptr(unsafe.Pointer(&w.slots[0]))
	if p < lo || p >= lo+uintptr(len(embeddedModel)) {
		t.Errorf("weight slots at %#x, outside the embedded model [%#x, +%d): decoded instead of read in place", p, lo, len(embeddedModel))
	}
}
