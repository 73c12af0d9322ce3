// Package ner is newsgraph's statistical named-entity tagger: a structured
// averaged perceptron over BILOU tags with constrained Viterbi decoding,
// trained on CoNLL-2003. It tags tokenized sentences with the CoNLL types
// PER, LOC, ORG and MISC; package entities builds mentions on top of it.
//
// # Letter case
//
// A sentence whose letter case says nothing about names (package
// internal/lettercase: written in capitals, like a headline or ALL-CAPS wire
// copy, or in a document that never capitalizes a word inside a sentence)
// is folded: its words are analyzed in lower case and scored with weights
// of their own, learned from a lower-cased copy of every training document
// (an upper-cased copy would give the same features). What the case would
// have said comes from knowledge that does not depend on it: word clusters
// and casing statistics (how often raw news text capitalizes each word where
// the writer chose, tools/wordclusters: a truecaser's knowledge, used as
// features), the gazetteer matched in any case, and how the same word is
// written and tagged elsewhere in the document.
//
// # Features
//
// Features are hashed (no strings are built per token): word, lower case,
// word shape (long and short), prefixes and suffixes of 1-4 runes, casing
// class, neighbouring words, shapes, clusters and casing classes within two
// tokens and their conjunctions, sentence-initial position, table rows
// (sports results, listings), word clusters, gazetteer membership with the
// position in the matched name (countries, demonyms, cities, first-level
// divisions, regions; baked into the model from packages country and
// gazetteer), and document-level evidence: whether the same word is written
// in lower case or capitalized mid-sentence elsewhere in the document and,
// in a second (stacked) pass, which type the first pass gave it elsewhere.
// The second pass is trained on 5-fold jackknifed first-pass tags. (Adding
// to the second pass the known words next to the same word's first-pass
// names elsewhere in the document, "shares of X" typing X wherever it
// occurs, lowered eng.testa F1 by 0.2-0.4 points: left out.)
//
// # Speed
//
// Every pass's weights are one flat open-addressing table (a 32-bit
// fingerprint and an entry range per slot, int16 weights), read in place
// from the model file. Most of the work is shared: the features that depend
// on one word only (its own and what its neighbours see of it) are summed
// once per word type, regime and pass, each when first needed, and those of
// a pair of adjacent words once per pair (keyed by what the pair features
// read, so that pairs with an unknown word are shared), in lock-free caches
// shared by all goroutines and documents (typecache.go); a token costs a
// hash of its bytes, a few cache
// probes and about five table lookups per pass. Features keyed by a word the
// training data never saw are not looked up. In a sentence whose case is
// known, tokens more than one token away from any word with an upper-case
// letter are tagged O without scoring, and sentences without an upper-case
// letter are skipped. Numbers are in docs/benchmarks.md.
//
// # Model
//
// The model file ner/model/ner.model (little-endian, 8-byte aligned
// sections: the word table of clusters, casing classes and training
// vocabulary, the gazetteer, per pass the transitions, then the weight
// table) is embedded and read in place; Default loads it once. Rebuild it
// with
//
//	go run ./tools/wordclusters   # ner/model/clusters.txt and casing.txt from BBC + Reuters-21578
//	go generate ./ner             # ner/model/gazetteer.txt from packages country and gazetteer
//	go run ./tools/nertrain       # ner/model/ner.model from eng.train, epochs chosen on eng.testa
//
// Training is deterministic (fixed seed and order): the same inputs give the
// same model bytes. `go run ./tools/nertrain -kfold 5` estimates how the
// tagger and the entities stage's rules generalize (a model retrained per
// fold of eng.train + eng.testa).
package ner

// Span is a run of tokens [Start, End) (token indices within the sentence)
// with a CoNLL type PER, LOC, ORG or MISC.
type Span struct {
	Start, End int
	Type       string
	Score      float64
}

//go:generate go run ./model/gengaz.go
