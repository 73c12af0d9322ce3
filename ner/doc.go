// Package ner is newsgraph's statistical named-entity tagger: a structured
// averaged perceptron over BILOU tags with constrained Viterbi decoding,
// trained on CoNLL-2003. It tags tokenized sentences with the CoNLL types
// PER, LOC, ORG and MISC; package entities builds mentions on top of it.
//
// Features are hashed (no strings are built per token): word, lower case, word
// shape (long and short), prefixes and suffixes of 1-4 runes, neighbouring
// words and shapes within two tokens and their conjunctions, sentence-initial
// position, all-caps sentences (headlines), word clusters derived from raw
// news text (tools/wordclusters), gazetteer membership with the position in
// the matched name (countries, demonyms, cities, first-level divisions,
// regions; baked into the model from packages country and gazetteer), and
// document-level evidence: whether the same word is written in lower case or
// capitalized mid-sentence elsewhere in the document and, in a second
// (stacked) pass, which type the first pass gave it elsewhere. The second
// pass is trained on 5-fold jackknifed first-pass tags.
//
// The model file ner/model/ner.model (gzip'd binary: clusters, gazetteer
// keys, per pass the transitions and int16-quantized sparse weights) is
// embedded; Default loads it once. Rebuild it with
//
//	go run ./tools/wordclusters   # ner/model/clusters.txt from BBC + Reuters-21578
//	go generate ./ner             # ner/model/gazetteer.txt from packages country and gazetteer
//	go run ./tools/nertrain       # ner/model/ner.model from eng.train, epochs chosen on eng.testa
//
// Training is deterministic (fixed seed and order): the same inputs give the
// same model bytes.
package ner

// Span is a run of tokens [Start, End) (token indices within the sentence)
// with a CoNLL type PER, LOC, ORG or MISC.
type Span struct {
	Start, End int
	Type       string
	Score      float64
}

//go:generate go run ./model/gengaz.go
