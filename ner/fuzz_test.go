package ner

import (
	"bytes"
	"strings"
	"testing"
)

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter I-PER\n")
	f.Add("a\n\n\n-DOCSTART-\nb B-LOC\r\n")
	f.Fuzz(func(t *testing.T, s string) {
		docs, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, d := range docs {
			for _, st := range d.Sentences {
				if len(st.Words) != len(st.Tags) || len(st.Words) == 0 {
					t.Fatalf("bad sentence %+v", st)
				}
				for _, sp := range SpansFromTags(st.Tags) {
					if sp.Start < 0 || sp.End > len(st.Tags) || sp.Start >= sp.End {
						t.Fatalf("bad span %+v", sp)
					}
				}
			}
		}
	})
}

func FuzzReadModel(f *testing.F) {
	m, err := Train(tinyDocs(), TrainOptions{Epochs: 2, Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	b, _ := m.Marshal()
	f.Add(b)
	f.Add([]byte(modelMagic))
	f.Add(b[:len(b)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ReadModel(bytes.NewReader(b))
		if err != nil {
			return
		}
		NewTagger(m).Tag([][]string{{"Amina", "went", "to", "Nairobi"}})
	})
}

func FuzzTag(f *testing.F) {
	f.Add("Amina Odhiambo visited Nairobi .\nTHE HEADLINE\n")
	f.Add("\xff\xfe É  ÉTAT  日本 🙂")
	tg, err := Default()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var sents [][]string
		for _, l := range strings.Split(s, "\n") {
			sents = append(sents, strings.Fields(l))
		}
		out := tg.Tag(sents)
		if len(out) != len(sents) {
			t.Fatalf("got %d sentences, want %d", len(out), len(sents))
		}
		for i, ss := range out {
			end := 0
			for _, sp := range ss {
				if sp.Start < end || sp.End > len(sents[i]) || sp.Start >= sp.End {
					t.Fatalf("bad span %+v in %q", sp, sents[i])
				}
				end = sp.End
			}
		}
	})
}
