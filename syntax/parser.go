package syntax

// The parser: arc-hybrid transitions (Kuhlmann et al. 2011) with the root
// last in the buffer, so every sentence gets exactly one root and a
// projective tree; labels are predicted with the arc (LEFT-l, RIGHT-l); an
// averaged perceptron scores the moves over hashed features of the stack
// (s0, s1, s2), the buffer (b0, b1, b2), their children and valencies
// (Zhang & Nivre 2011); training follows the dynamic oracle of Goldberg &
// Nivre (2013). A factored model (Model.label, moveSet) scores a few move
// classes in every state and the labels only for the arcs that need them.

const (
	shift = 0
	// LEFT-l is 1+l, RIGHT-l is 1+nLabels+l.
)

// moveSet gives the classes of a factored parser's move table
// (Model.label): shift; a left and a right arc with a label of the rest;
// and a left and a right arc for each label with a class of its own (the
// most frequent ones), which need no label table. Class 0 is shift, 1 a
// left arc of the rest, 2 a right arc of the rest, 3+k a left arc with
// own label k, 3+K+k a right arc with it. With no own labels the move
// table has the three moves alone.
type moveSet struct {
	nl  int
	own []uint8 // the labels with a class of their own
	cls []int16 // per label: its own index k, or -1
}

const (
	moveShift = iota
	moveLeft
	moveRight
)

func newMoveSet(nl int, own []uint8) *moveSet {
	ms := &moveSet{nl: nl, own: own, cls: make([]int16, nl)}
	for i := range ms.cls {
		ms.cls[i] = -1
	}
	for k, l := range own {
		ms.cls[l] = int16(k)
	}
	return ms
}

// classes returns the number of move classes.
func (ms *moveSet) classes() int { return 3 + 2*len(ms.own) }

// class returns the move class of labelled move a.
func (ms *moveSet) class(a int) int {
	switch {
	case a == shift:
		return moveShift
	case a <= ms.nl:
		if k := ms.cls[a-1]; k >= 0 {
			return 3 + int(k)
		}
		return moveLeft
	}
	if k := ms.cls[a-1-ms.nl]; k >= 0 {
		return 3 + len(ms.own) + int(k)
	}
	return moveRight
}

// move returns the labelled move of class c, or -1 for the arcs of the
// rest (moveLeft, moveRight), whose label the label table chooses.
func (ms *moveSet) move(c int) int {
	K := len(ms.own)
	switch {
	case c == moveShift:
		return shift
	case c < 3:
		return -1
	case c < 3+K:
		return 1 + int(ms.own[c-3])
	}
	return 1 + ms.nl + int(ms.own[c-3-K])
}

// legalClass reports whether some labelled move of class c is legal
// (the root label is never one of its own: a rest arc is legal when its
// direction is).
func (s *pstate) legalClass(ms *moveSet, c, rootLabel int) bool {
	switch c {
	case moveShift:
		return s.canShift()
	case moveLeft:
		return s.canLeft()
	case moveRight:
		return s.canRight()
	}
	return s.legal(ms.move(c), ms.nl, rootLabel)
}

// restRange returns the labelled moves [lo, hi) of rest arc class c
// (moveLeft or moveRight): those whose label has no class of its own.
func restRange(c, nLabels int) (lo, hi int) {
	if c == moveLeft {
		return 1, 1 + nLabels
	}
	return 1 + nLabels, 1 + 2*nLabels
}

type pstate struct {
	n      int
	stack  []int32
	b      int32
	head   []int32 // -1 unassigned; n = root
	label  []uint8
	lc1    []int32
	lc2    []int32
	rc1    []int32
	rc2    []int32
	nl, nr []uint8
	// ls, rs are the sets of labels of each token's left and right
	// dependents so far (bit label%64; Zhang & Nivre's label sets).
	ls, rs []uint64
}

func (s *pstate) reset(n int) {
	s.n = n
	s.stack = s.stack[:0]
	s.b = 0
	grow := func(x []int32) []int32 {
		if cap(x) < n+1 {
			x = make([]int32, n+1)
		}
		x = x[:n+1]
		for i := range x {
			x[i] = -1
		}
		return x
	}
	s.head, s.lc1, s.lc2, s.rc1, s.rc2 = grow(s.head), grow(s.lc1), grow(s.lc2), grow(s.rc1), grow(s.rc2)
	if cap(s.label) < n+1 {
		s.label = make([]uint8, n+1)
		s.nl = make([]uint8, n+1)
		s.nr = make([]uint8, n+1)
	}
	s.label, s.nl, s.nr = s.label[:n+1], s.nl[:n+1], s.nr[:n+1]
	for i := range s.label {
		s.label[i], s.nl[i], s.nr[i] = 0, 0, 0
	}
	if cap(s.ls) < n+1 {
		s.ls = make([]uint64, n+1)
		s.rs = make([]uint64, n+1)
	}
	s.ls, s.rs = s.ls[:n+1], s.rs[:n+1]
	clear(s.ls)
	clear(s.rs)

}

func (s *pstate) terminal() bool { return len(s.stack) == 0 && int(s.b) == s.n }

func (s *pstate) canShift() bool { return int(s.b) < s.n }
func (s *pstate) canLeft() bool {
	return len(s.stack) >= 1 && (int(s.b) < s.n || len(s.stack) == 1)
}
func (s *pstate) canRight() bool { return len(s.stack) >= 2 }

// legal reports whether move a is allowed; rootLabel is the label index of
// "root", which only a LEFT onto the root may carry.
func (s *pstate) legal(a, nLabels, rootLabel int) bool {
	switch {
	case a == shift:
		return s.canShift()
	case a <= nLabels:
		if !s.canLeft() {
			return false
		}
		if int(s.b) == s.n {
			return a-1 == rootLabel
		}
		return a-1 != rootLabel
	default:
		return s.canRight() && a-1-nLabels != rootLabel
	}
}

func (s *pstate) apply(a, nLabels int) {
	switch {
	case a == shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case a <= nLabels:
		d := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		h := s.b
		s.head[d], s.label[d] = h, uint8(a-1)
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.ls[h] |= 1 << ((a - 1) & 63)
		if s.nl[h] < 255 {
			s.nl[h]++
		}
	default:
		d := s.stack[len(s.stack)-1]
		h := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.head[d], s.label[d] = h, uint8(a-1-nLabels)
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.rs[h] |= 1 << ((a - 1 - nLabels) & 63)
		if s.nr[h] < 255 {
			s.nr[h]++
		}
	}
}

// costs fills cost[a] for the legal moves a (the gold arcs lost by taking
// a), given the gold heads gh (n for the root) and labels gl.
func (s *pstate) costs(gh []int32, gl []uint8, nLabels, rootLabel int, cost []int) {
	for a := range cost {
		cost[a] = -1
	}
	ns := len(s.stack)
	b := s.b
	inBufferChildren := func(x int32) int {
		c := 0
		for k := b; int(k) < s.n; k++ {
			if gh[k] == x && s.head[k] < 0 {
				c++
			}
		}
		return c
	}
	if s.canShift() {
		c := 0
		for i, k := range s.stack {
			if gh[k] == b && s.head[k] < 0 {
				c++
			}
			if gh[b] == k && i != ns-1 {
				c++
			}
		}
		cost[shift] = c
	}
	if ns >= 1 {
		s0 := s.stack[ns-1]
		s1 := int32(-1)
		if ns >= 2 {
			s1 = s.stack[ns-2]
		}
		kids := inBufferChildren(s0)
		if s.canLeft() {
			c := kids
			if gh[s0] != b && (gh[s0] == s1 && s1 >= 0 || gh[s0] > b) {
				c++
			}
			for l := 0; l < nLabels; l++ {
				if !s.legal(1+l, nLabels, rootLabel) {
					continue
				}
				x := c
				if gh[s0] == b && gl[s0] != uint8(l) {
					x++
				}
				cost[1+l] = x
			}
		}
		if s.canRight() {
			c := kids
			if gh[s0] >= b {
				c++
			}
			for l := 0; l < nLabels; l++ {
				if !s.legal(1+nLabels+l, nLabels, rootLabel) {
					continue
				}
				x := c
				if gh[s0] == s1 && gl[s0] != uint8(l) {
					x++
				}
				cost[1+nLabels+l] = x
			}
		}
	}
}

// Roles of a token in a state whose features depend on that token alone
// (its word, tag, cluster): at run time their scores are computed once per
// token and role and cached (Parser.parse).
const (
	roleS0 = iota
	roleS1
	roleS2
	roleB0
	roleB1
	roleB2
	nRoles
)

// roles returns the tokens in each role (-1 none, n the root).
func (s *pstate) roles() [nRoles]int32 {
	n := int32(s.n)
	ns := len(s.stack)
	var r [nRoles]int32
	for k := 0; k < 3; k++ {
		r[roleS0+k] = -1
		if k < ns {
			r[roleS0+k] = s.stack[ns-1-k]
		}
		b := s.b + int32(k)
		if b > n {
			b = -1
		}
		r[roleB0+k] = b
	}
	return r
}

// roleFeatures appends the features of token i (-1 none, n the root) in
// role r that depend on that token alone, or, for s0, on it and the stack
// under it (s1, s2: fixed while s0 is on the stack, since a token is pushed
// once), and for b0 on it and the two tokens after it (b1, b2).
func roleFeatures(r int, i int32, s *pstate, ws []wordInfo, tags []int32, fs []uint64) []uint64 {
	n := int32(s.n)
	var w, t, c, cw, amb uint64
	switch {
	case i < 0:
		w, t, c, cw, amb = 1, 1, 1, 1, 0
	case i == n:
		w, t, c, cw, amb = 2, 2, 2, 2, 0
	default:
		w, t, c, cw, amb = ws[i].lower, uint64(tags[i])+3, ws[i].cl6, ws[i].cl, ws[i].amb
	}
	// amb, the UPOS the treebanks give the word, lets the parser weigh a
	// tag the tagger may have got wrong
	switch r {
	case roleS0:
		fs = append(fs, f2(102, w, t), f1(103, w), f1(104, t), f1(169, c), f2(176, cw, t), f2(206, amb, t))
		var s1, s2 int32 = -1, -1
		if ns := len(s.stack); i >= 0 && ns >= 2 {
			s1 = s.stack[ns-2]
			if ns >= 3 {
				s2 = s.stack[ns-3]
			}
		}
		dist10 := uint64(0)
		if i >= 0 && s1 >= 0 {
			dist10 = distBucket(i-s1) + 1
		}
		s1w, s1t := tokWord(s1, n, ws), tokTag(s1, n, tags)
		fs = append(fs,
			f2(126, s1w, w), f2(127, s1t, t), f3(174, tokTag(s2, n, tags), s1t, t), f2(182, tokCl6(s1, n, ws), c),
			f3(185, s1t, t, dist10), f3(186, s1w, t, dist10), f3(187, s1t, w, dist10), f3(188, tokCl4(s1, n, ws), tokCl4(i, n, ws), dist10),
		)
		// s0's left children (all attached while it was b0) and s1's
		// children (s1 gains a child only when s0 is popped onto it)
		kid := func(x []int32, j int32) int32 {
			if j < 0 {
				return -1
			}
			return x[j]
		}
		lab := func(j int32) uint64 {
			if j < 0 {
				return 300
			}
			return uint64(s.label[j])
		}
		val := func(x []uint8, j int32) uint64 {
			if j < 0 {
				return 99
			}
			return uint64(x[j])
		}
		set := func(x []uint64, j int32) uint64 {
			if j < 0 {
				return 1<<64 - 1
			}
			return x[j]
		}
		s0l, s0l2 := kid(s.lc1, i), kid(s.lc2, i)
		s1l, s1r := kid(s.lc1, s1), kid(s.rc1, s1)
		fs = append(fs,
			f2(144, w, val(s.nl, i)), f2(145, t, val(s.nl, i)),
			f1(148, tokWord(s0l, n, ws)), f1(149, tokTag(s0l, n, tags)), f1(150, lab(s0l)),
			f3(157, t, tokTag(s0l, n, tags), tokTag(s0l2, n, tags)), f2(160, t, lab(s0l)), f3(163, t, lab(s0l), lab(s0l2)),
			f2(191, w, set(s.ls, i)), f2(192, t, set(s.ls, i)), f1(198, tokWord(s0l2, n, ws)), f1(199, lab(s0l2)),
			f3(171, s1t, t, lab(s0l)),
			f3(134, s1t, tokTag(s1r, n, tags), t), f3(135, s1t, tokTag(s1l, n, tags), t), f2(172, s1t, lab(s1r)),
			f3(195, s1t, set(s.rs, s1), t), f2(196, s1t, val(s.nr, s1)), f3(197, s1t, val(s.nl, s1), t),
			f3(205, s1t, t, tokCl6(s1r, n, ws)),
		)
	case roleS1:
		fs = append(fs, f2(105, w, t), f1(106, w), f1(107, t), f2(178, cw, t), f2(207, amb, t))
	case roleB0:
		fs = append(fs, f2(108, w, t), f1(109, w), f1(110, t), f1(170, c), f2(177, cw, t), f2(208, amb, t))
		b1, b2 := i+1, i+2
		if b1 > n {
			b1 = -1
		}
		if b2 > n {
			b2 = -1
		}
		b1t := tokTag(b1, n, tags)
		fs = append(fs, f1(101, 0), f2(121, t, b1t), f3(122, t, b1t, tokTag(b2, n, tags)), f2(173, w, tokWord(b1, n, ws)))
	case roleB1:
		fs = append(fs, f2(111, w, t), f1(112, w), f1(113, t), f2(179, cw, t), f2(209, amb, t))
	case roleB2:
		fs = append(fs, f1(114, t))
	case roleS2:
		fs = append(fs, f1(115, t))
	}
	return fs
}

// The word, tag and cluster values of token i in features: 1 for none
// (i < 0), 2 for the root (i == n).
func tokEdge(i, n int32) uint64 {
	switch {
	case i < 0:
		return 1
	case i == n:
		return 2
	}
	return 0
}

func tokWord(i, n int32, ws []wordInfo) uint64 {
	if e := tokEdge(i, n); e != 0 {
		return e
	}
	return ws[i].lower
}

func tokTag(i, n int32, tags []int32) uint64 {
	if e := tokEdge(i, n); e != 0 {
		return e
	}
	return uint64(tags[i]) + 3
}

func tokCl6(i, n int32, ws []wordInfo) uint64 {
	if e := tokEdge(i, n); e != 0 {
		return e
	}
	return ws[i].cl6
}

func tokCl4(i, n int32, ws []wordInfo) uint64 {
	if e := tokEdge(i, n); e != 0 {
		return e
	}
	return ws[i].cl4
}

// distBucket buckets a distance in tokens: 1-5 as they are, 6-10, more.
func distBucket(d int32) uint64 {
	switch {
	case d > 10:
		return 6
	case d > 5:
		return 5
	}
	return uint64(d)
}

// parseFeatures appends every feature of state s to fs; ws are the words,
// tags their tagger classes.
func parseFeatures(s *pstate, ws []wordInfo, tags []int32, fs []uint64) []uint64 {
	fs = dynamicFeatures(s, ws, tags, fs)
	r := s.roles()
	for role, i := range r {
		fs = roleFeatures(role, i, s, ws, tags, fs)
	}
	return fs
}

// dynamicFeatures appends the features of state s that combine tokens or
// read the partial tree.
func dynamicFeatures(s *pstate, ws []wordInfo, tags []int32, fs []uint64) []uint64 {
	n := int32(s.n)
	ns := len(s.stack)
	st := func(i int) int32 {
		if i < ns {
			return s.stack[ns-1-i]
		}
		return -1
	}
	s0, s1 := st(0), st(1)
	b0 := s.b
	b1 := b0 + 1
	if b1 > n {
		b1 = -1
	}
	w := func(i int32) uint64 { return tokWord(i, n, ws) }
	t := func(i int32) uint64 { return tokTag(i, n, tags) }
	c := func(i int32) uint64 { return tokCl6(i, n, ws) }
	c4 := func(i int32) uint64 { return tokCl4(i, n, ws) }
	cw := func(i int32) uint64 {
		switch {
		case i < 0:
			return 1
		case i == n:
			return 2
		}
		return ws[i].cl
	}
	lab := func(i int32) uint64 {
		if i < 0 {
			return 300
		}
		return uint64(s.label[i])
	}
	kid := func(x []int32, i int32) int32 {
		if i < 0 {
			return -1
		}
		return x[i]
	}
	s0l, s0r, s0r2 := kid(s.lc1, s0), kid(s.rc1, s0), kid(s.rc2, s0)
	b0l, b0l2 := kid(s.lc1, b0), kid(s.lc2, b0)
	dist := uint64(0)
	if s0 >= 0 {
		dist = distBucket(b0 - s0)
	}
	set := func(x []uint64, i int32) uint64 {
		if i < 0 {
			return 1<<64 - 1
		}
		return x[i]
	}
	val := func(x []uint8, i int32) uint64 {
		if i < 0 {
			return 99
		}
		return uint64(x[i])
	}
	s0w, s0t, s1w, s1t, b0w, b0t := w(s0), t(s0), w(s1), t(s1), w(b0), t(b0)
	b1t := t(b1)
	fs = append(fs,
		f3(116, s0w, s0t, b0w)+b0t, f2(117, s0w, b0w), f2(118, s0t, b0t),
		f3(119, s0t, b0w, b0t), f3(120, s0w, s0t, b0t),
		f3(123, s0t, b0t, b1t),
		f3(124, s1t, s0t, b0t), f3(125, s1t, s0t, b1t),
		f3(128, s1w, s0t, b0t), f3(129, s1t, s0w, b0t), f3(130, s1t, s0t, b0w),
		f3(131, s0t, t(s0l), b0t), f3(132, s0t, t(s0r), b0t), f3(133, s0t, b0t, t(b0l)),
		f2(136, s0w, dist), f2(137, s0t, dist), f2(138, b0w, dist), f2(139, b0t, dist),
		f3(140, s0w, b0w, dist), f3(141, s0t, b0t, dist),
		f2(142, s0w, val(s.nr, s0)), f2(143, s0t, val(s.nr, s0)),
		f2(146, b0w, val(s.nl, b0)), f2(147, b0t, val(s.nl, b0)),
		f1(151, w(s0r)), f1(152, t(s0r)), f1(153, lab(s0r)),
		f1(154, w(b0l)), f1(155, t(b0l)), f1(156, lab(b0l)),
		f3(158, s0t, t(s0r), t(s0r2)), f3(159, b0t, t(b0l), t(b0l2)),
		f2(161, s0t, lab(s0r)), f2(162, b0t, lab(b0l)),
		f3(164, s0t, lab(s0r), lab(s0r2)), f3(165, b0t, lab(b0l), lab(b0l2)),
		f2(166, c(s0), c(b0)), f2(167, c(s0), b0t), f2(168, s0t, c(b0)),
		f3(175, s1t, b0t, dist),
		f3(180, c4(s0), c4(b0), dist), f3(181, c4(s1), c4(s0), b0t),
		f3(183, c4(s0), b0t, c4(b1)), f2(184, cw(s0), cw(b0)),
		// label sets and the second children's words and labels (with
		// s0's role features: s0's left children, s1 and its children)
		f2(189, s0w, set(s.rs, s0)), f2(190, s0t, set(s.rs, s0)),
		f2(193, b0w, set(s.ls, b0)), f2(194, b0t, set(s.ls, b0)),
		f1(200, w(s0r2)), f1(201, lab(s0r2)), f1(202, w(b0l2)), f1(203, lab(b0l2)),
		f3(204, s0t, b0t, c(s0l)),
	)
	return fs
}
