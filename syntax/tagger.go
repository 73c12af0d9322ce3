package syntax

// The tagger: greedy left to right, an averaged perceptron over hashed
// features of the word, its affixes, shape and cluster, the two words on
// each side and the two tags before. A class is a (UPOS, PTB) pair.

const padWord = 0x5bd1e995 // the hash of the word before the first / after the last

// tagFeatures appends the features of token i to fs; prev1, prev2 are the
// classes of the two tokens before (-1 at the start).
func tagFeatures(ws []wordInfo, i int, prev1, prev2 int, fs []uint64) []uint64 {
	w := &ws[i]
	at := func(j int) *wordInfo {
		if j < 0 || j >= len(ws) {
			return nil
		}
		return &ws[j]
	}
	low := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.lower
		}
		return padWord + uint64(j-i)
	}
	suf3 := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.suf[2]
		}
		return padWord + uint64(j-i)
	}
	cl6 := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.cl6
		}
		return padWord + uint64(j-i)
	}
	shape := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.shape
		}
		return padWord + uint64(j-i)
	}
	casing := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.casing
		}
		return padWord + uint64(j-i)
	}
	amb := func(j int) uint64 {
		if x := at(j); x != nil {
			return x.amb
		}
		return padWord + uint64(j-i)
	}
	p1, p2 := uint64(prev1+2), uint64(prev2+2)
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	up := uint64(0)
	if w.upperInitial {
		up = 1
	}
	fs = append(fs,
		f1(1, 0),
		f1(2, w.lower),
		f1(3, w.form),
		f1(4, w.suf[0]), f1(5, w.suf[1]), f1(6, w.suf[2]), f1(7, w.suf[3]),
		f1(8, w.pre[0]), f1(9, w.pre[1]), f1(10, w.pre[2]),
		f1(11, w.shape),
		f2(12, w.shape, first),
		f1(13, low(i-1)), f1(14, low(i+1)), f1(15, low(i-2)), f1(16, low(i+2)),
		f1(17, suf3(i-1)), f1(18, suf3(i+1)),
		f1(19, p1), f2(20, p1, p2), f2(21, p1, w.lower),
		f2(22, low(i-1), w.lower), f2(23, w.lower, low(i+1)),
		f1(24, w.cl), f1(25, w.cl4), f1(26, w.cl6), f1(27, w.cl10),
		f1(28, cl6(i-1)), f1(29, cl6(i+1)),
		f2(30, p1, w.suf[2]), f2(31, up, first),
		f1(32, shape(i+1)), f1(33, shape(i-1)),
		f2(34, p1, low(i+1)),
		f2(35, w.casing, first), f3(36, w.casing, up, first), f2(37, w.casing, w.suf[1]),
		f2(38, casing(i-1), w.casing), f2(39, w.casing, casing(i+1)),
		f1(41, amb(i+1)), f1(42, amb(i+2)),
		f2(44, p1, amb(i+1)), f2(45, w.lower, amb(i+1)),
		// the word's own ambiguity class (learned from jackknifed
		// dictionaries, TrainOptions.DictFolds)
		f1(46, w.amb), f2(47, p1, w.amb), f2(48, w.amb, amb(i+1)), f2(49, w.amb, w.suf[2]),
	)
	return fs
}
