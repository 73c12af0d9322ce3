package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/document"
)

// Segment appends the sentences of text to dst and returns it. paras are the
// paragraph spans (see Paragraphs) and toks the tokens of text in order (see
// Tokenize); a sentence's FirstToken and EndToken index toks and its
// Paragraph indexes paras. Sentences cover every token that lies inside a
// paragraph, in order, and never cross a paragraph; tokens outside every
// paragraph belong to no sentence. A dateline at the start of one of the
// first three paragraphs is a sentence of its own, and a headline glued to
// the body where the text opens is split off when it can be recognized.
// Segment is pure and safe for concurrent use.
func Segment(text string, paras []document.Span, toks []document.Token, dst []document.Sentence) []document.Sentence {
	k := 0
	for pi, p := range paras {
		for k < len(toks) && toks[k].Start < p.Start {
			k++
		}
		a := k
		for k < len(toks) && toks[k].End <= p.End {
			k++
		}
		if a < k {
			dst = segmentPara(text, pi, toks, a, k, dst)
		}
	}
	return dst
}

// segmentPara splits tokens [a, b) of paragraph pi.
func segmentPara(text string, pi int, toks []document.Token, a, b int, dst []document.Sentence) []document.Sentence {
	start := a
	emit := func(end int) {
		dst = append(dst, document.Sentence{
			Span:       document.Span{Start: toks[start].Start, End: toks[end-1].End},
			FirstToken: start, EndToken: end, Paragraph: pi,
		})
		start = end
	}
	// In a paragraph without capital letters a sentence may start in
	// lower case.
	caseless := !hasUpper(text[toks[a].Start:toks[b-1].End])
	forced := -1 // token index after which a sentence must end
	if pi < 3 {
		if dl, ok := datelineAt(text, toks[a].Start); ok {
			sp := dl.Span
			for e := a; e < b && toks[e].End <= sp.End; e++ {
				if toks[e].End == sp.End && e+1 < b {
					forced = e
				}
			}
		}
		if forced < 0 && pi == 0 {
			forced = gluedHeadline(text, toks, a, b)
		}
	}
	for k := a; k < b; k++ {
		if k == forced {
			emit(k + 1)
			continue
		}
		if k+1 < b && softBreak(text, toks, a, start, k, b) {
			emit(k + 1)
			continue
		}
		if !isTerminal(text, toks[k]) {
			continue
		}
		e := k + 1
		for e < b && !toks[e].SpaceBefore && (isTerminal(text, toks[e]) || isCloser(text, toks[e])) {
			e++
		}
		if e >= b {
			k = b
			break
		}
		if splitAfter(text, toks, start, k, e, b, caseless) {
			emit(e)
		}
		k = e - 1
	}
	if start < b {
		emit(b)
	}
	return dst
}

// tokText returns the text of t.
func tokText(text string, t document.Token) string { return text[t.Start:t.End] }

// isTerminal reports whether t can end a sentence.
func isTerminal(text string, t document.Token) bool {
	if t.End <= t.Start {
		return false
	}
	switch text[t.End-1] {
	case '.':
		s := tokText(text, t)
		return s == "." || t.Kind == document.Word || len(s) >= 3 && s[0] == '.' && s[1] == '.'
	case '!', '?':
		return t.Kind == document.Punct
	}
	if text[t.End-1] < utf8.RuneSelf {
		return false
	}
	switch tokText(text, t) {
	case "\u2026", "\u3002", "\uff01", "\uff1f", "\u203d":
		return true
	}
	return false
}

// isCloser reports whether t closes a quotation or bracket.
func isCloser(text string, t document.Token) bool {
	switch tokText(text, t) {
	case "\"", "\u201d", "'", "\u2019", ")", "]", "}", "''", "\u00bb", "\u203a":
		return true
	}
	return false
}

// isOpener reports whether t opens a quotation or bracket.
func isOpener(s string) bool {
	switch s {
	case "\"", "\u201c", "'", "\u2018", "(", "[", "{", "``", "`", "\u00ab", "\u2039":
		return true
	}
	return false
}

// isBullet reports whether s is a list bullet when it starts a line.
func isBullet(s string, lineStart bool) bool {
	switch s {
	case "\u2022", "\u25aa", "\u25cf", "\u25e6", "\u25ba", "\u25b6", "\u2023", "\u2043", "\u25a0", "\u25a1", "\u00b7":
		return true
	case "-", "--", "*", "\u2013", "\u2014", "+", ">":
		return lineStart
	}
	return false
}

// firstRune returns the first rune of t.
func firstRune(text string, t document.Token) rune {
	r, _ := utf8.DecodeRuneInString(text[t.Start:t.End])
	return r
}

// startsUpper reports whether token e, or the token after an opening quote
// or bracket at e, starts with an upper-case letter or a digit.
func startsUpper(text string, toks []document.Token, e, b int) bool {
	if isOpener(tokText(text, toks[e])) && e+1 < b {
		e++
	}
	r := firstRune(text, toks[e])
	return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r)
}

// isOpenerWord reports whether token e (or the word after an opening quote)
// is a typical sentence opener.
func isOpenerWord(text string, toks []document.Token, e, b int) bool {
	if isOpener(tokText(text, toks[e])) && e+1 < b {
		e++
	}
	_, ok := openers[tokText(text, toks[e])]
	return ok
}

// listMarker reports whether tokens from i form a list label: a number of at
// most three digits or a single letter followed by an attached "." or ")".
func listMarker(text string, toks []document.Token, i, b int) bool {
	if i+1 >= b || toks[i+1].SpaceBefore {
		return false
	}
	s := tokText(text, toks[i])
	if n := tokText(text, toks[i+1]); n != "." && n != ")" {
		// "A." is tokenized as one initial token.
		return len(s) == 2 && s[1] == '.' && isLetterByte(s[0]) && (i+1 >= b || toks[i+1].SpaceBefore)
	}
	// The label must be followed by text on the same line: "27." ending a
	// wrapped line is a sentence end.
	if i+2 >= b || strings.ContainsAny(text[toks[i+1].End:toks[i+2].Start], "\n\r") {
		return false
	}
	if toks[i].Kind == document.Number {
		return len(s) <= 3
	}
	return len(s) == 1 && isLetterByte(s[0])
}

// splitAfter decides whether the sentence ends after the terminal token k and
// the closers attached to it, i.e. before token e (e < b); in a caseless
// paragraph a lower-case word after the full stop may start a sentence.
func splitAfter(text string, toks []document.Token, start, k, e, b int, caseless bool) bool {
	t := tokText(text, toks[k])
	n := tokText(text, toks[e])
	quoted := false
	for j := k + 1; j < e; j++ {
		if isCloser(text, toks[j]) {
			quoted = true
		}
	}
	nr := firstRune(text, toks[e])
	switch n {
	case ",", ";", ":", ")", "]", "%", "}":
		return false
	}
	if unicode.IsLower(nr) && !caseless {
		// "U.S. officials", "Will they come?" she asked.
		return false
	}
	// Abbreviations that keep their period.
	if toks[k].Kind == document.Word && t[len(t)-1] == '.' && len(t) > 1 {
		if onlyWord(toks, start, k) {
			// An abbreviation alone is not a sentence: "U.S. Officials
			// said" opening a sentence stays whole.
			return false
		}
		if quoted {
			return startsUpper(text, toks, e, b)
		}
		w := t[:len(t)-1]
		if len(w) == 1 && isUpperByte(w[0]) {
			// initial: "George W. Bush", "J. R. R. Tolkien"; "Plan B. The".
			return isOpenerWord(text, toks, e, b)
		}
		if w == "a.m" || w == "p.m" || w == "A.M" || w == "P.M" {
			return clockEnds(text, toks, e, b)
		}
		var buf [8]byte
		if len(w) <= 7 {
			if c, ok := abbrevs[string(lowerInto(buf[:0], w))]; ok && c == abbrevPrefix {
				return false
			}
		}
		return isOpenerWord(text, toks, e, b) || isBullet(n, false)
	}
	switch {
	case t == "\u2026" || (len(t) >= 3 && t[0] == '.'):
		// "I don't know... Maybe" splits; a spaced omission " ... Congress" does not.
		if !startsUpper(text, toks, e, b) {
			return false
		}
		return !toks[k].SpaceBefore || quoted || isOpenerWord(text, toks, e, b)
	case t == ".":
		// "1. The first point": a list label, not a sentence.
		if k == start+1 && listMarker(text, toks, start, b) {
			return false
		}
		return true
	}
	// "?" and "!": '"Will they come?" Smith asked.' stays one sentence.
	if quoted && speechAfter(text, toks, e, b) {
		return false
	}
	return true
}

// onlyWord reports whether token k is the first word or number of the
// sentence that starts at token start (only quotes or brackets before it).
func onlyWord(toks []document.Token, start, k int) bool {
	for j := start; j < k; j++ {
		if toks[j].Kind == document.Word || toks[j].Kind == document.Number {
			return false
		}
	}
	return true
}

// speechAfter reports whether tokens from e are one to four capitalized name
// words (not sentence openers) followed by a speech verb.
func speechAfter(text string, toks []document.Token, e, b int) bool {
	for j := e; j < b && j < e+5; j++ {
		s := tokText(text, toks[j])
		if _, ok := speechVerbs[s]; ok {
			return j > e
		}
		if _, ok := openers[s]; ok {
			return false
		}
		if !unicode.IsUpper(firstRune(text, toks[j])) {
			return false
		}
	}
	return false
}

// functionWords cannot end a headline or a sentence-like line.
var functionWords = map[string]struct{}{
	"the": {}, "a": {}, "an": {}, "of": {}, "and": {}, "or": {}, "to": {}, "in": {}, "for": {}, "on": {},
	"with": {}, "by": {}, "at": {}, "from": {}, "as": {}, "that": {}, "than": {}, "but": {}, "into": {},
	"told": {}, "said": {}, "says": {}, "tell": {}, "tells": {}, "about": {}, "is": {}, "was": {}, "were": {},
	"are": {}, "be": {}, "been": {}, "said:": {}, "like": {}, "via": {}, "per": {}, "over": {}, "under": {},
	"reported": {}, "named": {}, "called": {}, "see": {}, "saw": {}, "against": {}, "whom": {},
	"its": {}, "his": {}, "her": {}, "their": {}, "our": {}, "my": {}, "your": {}, "this": {}, "these": {},
	"those": {}, "which": {}, "who": {}, "it": {}, "he": {}, "she": {}, "they": {}, "we": {}, "has": {},
	"have": {}, "had": {}, "will": {}, "would": {}, "not": {}, "no": {}, "if": {}, "when": {}, "while": {},
	"after": {}, "before": {}, "between": {}, "among": {}, "near": {}, "toward": {}, "towards": {}, "upon": {},
}

// softBreak reports whether a sentence ends between tokens k and k+1 without
// terminal punctuation: at a line break before a bullet or list label, after
// a short headline-like line, at a wide gap of spaces after a headline, or
// before an inline bullet.
func softBreak(text string, toks []document.Token, a, start, k, b int) bool {
	// Fast path: one space (or none) before an ASCII token.
	if g := toks[k+1].Start - toks[k].End; g <= 1 && (g == 0 || text[toks[k].End] == ' ') && text[toks[k+1].Start] < utf8.RuneSelf {
		return false
	}
	n := tokText(text, toks[k+1])
	gap := text[toks[k].End:toks[k+1].Start]
	if n == "\u2022" || n == "\u25aa" || n == "\u25cf" || n == "\u25ba" || n == "\u25a0" {
		return true
	}
	newline := false
	spaces := 0
	for i := 0; i < len(gap); i++ {
		switch gap[i] {
		case '\n', '\r':
			newline = true
		case ' ', '\t':
			spaces++
		}
	}
	if !newline && spaces < 2 {
		return false
	}
	if newline && (isBullet(n, true) || listMarker(text, toks, k+1, b)) {
		return true
	}
	p := tokText(text, toks[k])
	if isTerminal(text, toks[k]) || isCloser(text, toks[k]) && k > start && isTerminal(text, toks[k-1]) {
		return false // the terminal logic decides
	}
	if toks[k].Kind != document.Word && toks[k].Kind != document.Number && !isCloser(text, toks[k]) {
		return false
	}
	if _, ok := functionWords[p]; ok {
		return false
	}
	if !unicode.IsUpper(firstRune(text, toks[k+1])) && !isOpener(n) {
		return false
	}
	if newline {
		// A short line before a capitalized line is a headline or a label; a
		// long one is hard-wrapped prose.
		// The sentence so far must be the paragraph's whole first line.
		if start != a {
			return false
		}
		ls := toks[k].End
		for ls > 0 && text[ls-1] != '\n' && text[ls-1] != '\r' {
			ls--
		}
		if toks[start].Start < ls {
			return false
		}
		// An indented line opens a paragraph of wrapped wire copy, not a
		// headline.
		if toks[start].Start > ls {
			return false
		}
		if toks[k].End-ls >= 60 {
			return false
		}
		// A line of capitalized words ending in a name is more often a
		// name wrapped across lines ("British Columbia\nResources Investment
		// Corp said") than a headline; a headline has a lowercase word
		// ("Floods hit Kenya") or is all capitals.
		return hasLowerWord(text, toks, start, k+1) || allCapsWords(text, toks, start, k+1)
	}
	return true
}

// gluedHeadline finds a headline glued to the body where the text opens,
// as in the BBC corpus ("Millions go missing at China bank Two senior
// officials at one of China's top commercial banks have..."). Candidate
// boundaries lie within the first 14 tokens, before any sentence punctuation
// or quotation, between a word that is not a function word and a capitalized
// word. A headline repeats itself in the lead, so each candidate scores the
// number of its would-be headline's content words that recur in the rest of
// the sentence (plus one when the body opens with "A", "An" or "The" and a
// lowercase word). The best candidate with a positive score wins, the
// earliest on ties. It returns the index of the headline's last token, or -1.
func gluedHeadline(text string, toks []document.Token, a, b int) int {
	if b-a < 8 || !unicode.IsUpper(firstRune(text, toks[a])) {
		return -1
	}
	end := a
	for end < b && end < a+80 && !isTerminal(text, toks[end]) {
		end++
	}
	var buf [16]byte
	best, bestScore := -1, 0
	for p := a + 2; p < a+15 && p+5 < end; p++ {
		s := tokText(text, toks[p])
		ps := tokText(text, toks[p-1])
		if s == "(" || s == "[" {
			break
		}
		prev := toks[p-1]
		// A quoted phrase may close the headline: "Chinese dam firm 'defies Beijing' The China...".
		closedQuote := isCloser(text, prev) && !prev.SpaceBefore && prev.Kind == document.Punct ||
			ps == "%" && !prev.SpaceBefore
		if toks[p].Kind != document.Word || !toks[p].SpaceBefore || prev.Kind != document.Word && prev.Kind != document.Number && !closedQuote {
			continue
		}
		if !unicode.IsUpper(firstRune(text, toks[p])) {
			continue
		}
		if len(ps) < 16 {
			lp := string(lowerInto(buf[:0], ps))
			if _, ok := functionWords[lp]; ok {
				continue
			}
			if _, ok := speechVerbs[lp]; ok {
				continue
			}
			if _, ok := directionWords[lp]; ok {
				continue
			}
		}
		if lastIsAbbrev(ps) {
			continue
		}
		if _, ok := timeFollowers[s]; ok {
			continue
		}
		if unicode.IsUpper(firstRune(text, prev)) && !hasLowerWord(text, toks, a, p-1) {
			continue // inside a name: "PLM Cos Inc said", "Saudi Arabian Oil Minister"
		}
		if _, ok := companySuffixes[s]; ok {
			continue
		}
		score := recurs(text, toks, a, p, end)
		if score == 0 {
			continue
		}
		if (s == "A" || s == "An" || s == "The") && unicode.IsLower(firstRune(text, toks[p+1])) {
			score++
		}
		if score > bestScore {
			best, bestScore = p-1, score
		}
	}
	return best
}

// directionWords often precede a place name inside a sentence ("northern
// Nigeria"), so a case change after them is no headline boundary.
var directionWords = map[string]struct{}{
	"northern": {}, "southern": {}, "eastern": {}, "western": {}, "central": {}, "north": {}, "south": {},
	"east": {}, "west": {}, "neighbouring": {}, "neighboring": {}, "rival": {}, "president": {}, "minister": {},
	"leader": {}, "chief": {}, "secretary": {}, "spokesman": {}, "spokeswoman": {}, "envoy": {}, "official": {},
}

// recurs counts the content words (four letters or more, compared on their
// first five bytes, case-insensitively) of tokens [a, p) that recur in
// tokens [p, end).
func recurs(text string, toks []document.Token, a, p, end int) int {
	n := 0
	for i := a; i < p; i++ {
		w := tokText(text, toks[i])
		if toks[i].Kind != document.Word || len(w) < 4 && (len(w) < 3 || !isUpperByte(w[0])) {
			continue
		}
		var lb [16]byte
		if len(w) < 16 {
			if _, ok := functionWords[string(lowerInto(lb[:0], w))]; ok {
				continue
			}
		}
		for j := p; j < end; j++ {
			v := tokText(text, toks[j])
			if len(v) >= 3 && stemEqual(w, v) {
				n++
				break
			}
		}
	}
	return n
}

// stemEqual compares the first five bytes of two words (whole words when
// shorter), ignoring ASCII case.
func stemEqual(w, v string) bool {
	n := 5
	if len(w) < n || len(v) < n {
		if len(w) != len(v) {
			return false
		}
		n = len(w)
	}
	for k := 0; k < n; k++ {
		c, d := w[k], v[k]
		if isUpperByte(c) {
			c += 'a' - 'A'
		}
		if isUpperByte(d) {
			d += 'a' - 'A'
		}
		if c != d {
			return false
		}
	}
	return true
}

func lastIsAbbrev(s string) bool { return len(s) > 1 && s[len(s)-1] == '.' }

// clockEnds decides whether a sentence ends after "a.m."/"p.m." before token
// e: yes before a capitalized word that is not a day, month, time zone
// ("ET", "GMT") or place-time ("Moscow time").
func clockEnds(text string, toks []document.Token, e, b int) bool {
	if isOpenerWord(text, toks, e, b) {
		return true
	}
	if !startsUpper(text, toks, e, b) {
		return false
	}
	n := tokText(text, toks[e])
	if _, ok := timeFollowers[n]; ok {
		return false
	}
	if len(n) <= 4 && allUpper(n) {
		return false // ET, GMT, EDT, UTC
	}
	if isDigitByte(n[0]) {
		return false
	}
	return true
}

func allUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isUpperByte(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

// hasLowerWord reports whether a token in [a, e) is a word starting in
// lowercase.
func hasLowerWord(text string, toks []document.Token, a, e int) bool {
	for i := a; i < e; i++ {
		if toks[i].Kind == document.Word && unicode.IsLower(firstRune(text, toks[i])) {
			return true
		}
	}
	return false
}

// companySuffixes continue a company name, so no headline ends before them.
var companySuffixes = map[string]struct{}{
	"Inc": {}, "Inc.": {}, "Corp": {}, "Corp.": {}, "Co": {}, "Co.": {}, "Ltd": {}, "Ltd.": {}, "Plc": {},
	"PLC": {}, "LP": {}, "LLC": {}, "AG": {}, "SA": {}, "NV": {}, "Group": {}, "Holdings": {}, "Bank": {},
	"Corporation": {}, "Company": {}, "International": {}, "Industries": {},
}

// allCapsWords reports whether every word in tokens [a, e) is in capitals.
func allCapsWords(text string, toks []document.Token, a, e int) bool {
	for i := a; i < e; i++ {
		if toks[i].Kind != document.Word {
			continue
		}
		w := tokText(text, toks[i])
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// hasUpper reports whether s has an upper-case letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; 'A' <= c && c <= 'Z' {
			return true
		} else if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if unicode.IsUpper(r) {
					return true
				}
			}
			return false
		}
	}
	return false
}
