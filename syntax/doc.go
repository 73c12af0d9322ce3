// Package syntax is the "syntax" stage: for every token of the text stage
// a Universal Dependencies part of speech (UPOS), a Penn Treebank tag, a
// lemma and a labelled dependency head (UD relations), one tree per
// sentence.
//
// Everything is this package's own code and model:
//
//   - the tagger is a greedy left-to-right averaged perceptron over hashed
//     features (word, affixes, shape, word cluster, two words either side,
//     two tags before); a class is a (UPOS, PTB) pair;
//   - lemmas come from a table learned from the treebank (form and UPOS →
//     lemma) and, for unseen words, suffix rules learned from the same
//     pairs;
//   - the parser is a greedy arc-hybrid transition parser (labels predicted
//     with the arc, the root last in the buffer so that every sentence gets
//     exactly one root), an averaged perceptron over Zhang & Nivre style
//     hashed feature templates, trained with Goldberg & Nivre's dynamic
//     oracle and exploration, on jackknifed predicted tags.
//
// Both perceptrons live in flat hashed tables (open addressing, 24-bit
// fingerprints, int16 weights) read in place from the embedded model file
// (model/syntax.model), rebuilt deterministically by
//
//	go run ./tools/parsetrain
//
// from UD English LinES train and dev and EWT dev (../shared/data/syntax/ud;
// see NOTICE), retokenized as the text stage tokenizes so that the model
// learns on the tokens it sees at run time, every feature with a copy per
// treebank of which EWT's is kept (Daumé's feature augmentation): the model
// follows EWT's conventions.
//
// Held-out scores (never trained or tuned on; `newsgraph eval syntax`,
// docs/benchmarks.md), on UD words with punctuation: EWT test UPOS 0.930,
// PTB 0.921, lemma 0.957, UAS 0.799, LAS 0.751; LinES test UPOS 0.935,
// lemma 0.977, UAS 0.803, LAS 0.750.
package syntax
