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
// Tagging is fast because most of the work is shared: the features that
// depend on one word only (its own word-level features and what its
// neighbours see of it) are summed once per word type and model and kept in
// a lock-free cache shared by all goroutines (typecache.go), so a token
// costs the type sums of itself and four neighbours plus about ten table
// lookups; tokens more than one token away from any word with an upper-case
// letter are tagged O without scoring (on eng.testa this changes no span;
// with no window at all F1 drops by two points), and sentences without an
// upper-case letter are skipped entirely. Numbers are in docs/benchmarks.md.
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
