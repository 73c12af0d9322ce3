package main

import (
	"reflect"
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		in   string
		want [][]string
	}{
		{"", nil},
		{"Kenya's U.S. envoy (Ms Odhiambo) said: \"No.\" Talks resume in 2025.",
			[][]string{
				{"kenya", "'s", "u.s.", "envoy", "(", "ms", "odhiambo", ")", "said", ":", "\"", "no", ".", "\""},
				{"talks", "resume", "in", "0000", "."},
			}},
		{"Headline\n\nBody text", [][]string{{"headline"}, {"body", "text"}}},
	}
	for _, tt := range tests {
		if got := tokenize(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("tokenize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestCluster(t *testing.T) {
	var sents [][]string
	for i := 0; i < 30; i++ {
		for _, s := range []string{
			"the minister arrived in nairobi on monday .",
			"the president arrived in kampala on tuesday .",
			"the envoy left nairobi on friday .",
			"the minister left kampala on monday .",
		} {
			sents = append(sents, strings.Fields(s))
		}
	}
	words, bits := cluster(sents, 2, 100, 20, 16, 8, 2)
	if len(words) == 0 || len(words) != len(bits) {
		t.Fatalf("got %d words, %d paths", len(words), len(bits))
	}
	for i, b := range bits {
		if b == "" || strings.Trim(b, "01") != "" {
			t.Errorf("word %q has path %q", words[i], b)
		}
	}
	w2, b2 := cluster(sents, 2, 100, 20, 16, 8, 2)
	if !reflect.DeepEqual(words, w2) || !reflect.DeepEqual(bits, b2) {
		t.Error("clustering is not deterministic")
	}
}
