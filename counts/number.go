package counts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

// wordValue returns the value of one cardinal number word, including
// hyphenated compounds ("twenty-five"), and whether w is one.
func wordValue(w string) (float64, bool) {
	if v, ok := smallWords[w]; ok {
		return v, true
	}
	if i := strings.IndexAny(w, "-‐–"); i > 0 {
		a, okA := smallWords[w[:i]]
		rest := w[i+1:]
		if w[i] != '-' {
			rest = w[i+len("–"):]
		}
		b, okB := smallWords[rest]
		if okA && okB && a >= 20 && int(a)%10 == 0 && b > 0 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// fractionValue returns the value of a fraction phrase word: "half",
// "two-thirds", "three-quarters", "one-third".
func fractionValue(w string) (float64, bool) {
	if v, ok := fractionWords[w]; ok && (w == "half" || w == "third" || w == "quarter" || w == "fifth" || w == "tenth") {
		return v, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		n, okN := smallWords[w[:i]]
		f, okF := fractionWords[w[i+1:]]
		if okN && okF && n > 0 && n < 10 && w[i+1:] != "half" {
			return n * f, true
		}
	}
	return 0, false
}

// parseDigits parses a digit string as written in news copy: "34,000",
// "34.000" (a European thousands separator when every group after the first
// has three digits and there is more than one, or the single group is
// "000"), "1.25", "3,5" is rejected as ambiguous. It reports the value,
// whether the string has a fractional part, and ok.
func parseDigits(s string) (v float64, frac bool, ok bool) {
	if s == "" || len(s) > 40 || strings.Trim(s, "0123456789,.") != "" {
		return 0, false, false
	}
	nComma, nDot := strings.Count(s, ","), strings.Count(s, ".")
	if s[0] < '0' || s[0] > '9' || s[len(s)-1] < '0' || s[len(s)-1] > '9' {
		return 0, false, false
	}
	clean := s
	switch {
	case nComma > 0 && nDot <= 1:
		// 34,000 or 1,234.5: every comma group has three digits.
		if intPart, _, _ := strings.Cut(s, "."); !groupsOf3(intPart, ',') {
			return 0, false, false
		}
		clean = strings.ReplaceAll(s, ",", "")
	case nDot > 1 && nComma == 0:
		if !groupsOf3(s, '.') {
			return 0, false, false
		}
		clean = strings.ReplaceAll(s, ".", "")
	case nDot == 1 && nComma == 0:
		if i := strings.IndexByte(s, '.'); len(s)-i-1 == 3 && s[i+1:] == "000" && i <= 3 {
			clean = s[:i] + s[i+1:]
		}
	case nComma == 0 && nDot == 0:
	default:
		return 0, false, false
	}
	f, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false, false
	}
	return f, strings.Contains(clean, "."), true
}

// groupsOf3 reports whether s is 1-3 digits followed by groups of exactly
// three digits separated by sep.
func groupsOf3(s string, sep byte) bool {
	parts := strings.Split(s, string(sep))
	notThree := func(p string) bool { return len(p) != 3 }
	return len(parts[0]) > 0 && len(parts[0]) <= 3 && !slices.ContainsFunc(parts[1:], notThree)
}

// ParseNumber parses a number phrase as it appears in news copy and returns
// its value: digits with separators ("34,000", "34 000", "1.25"), scaled
// forms ("1.2 million", "1.2bn", "17m"), number words ("two dozen", "a
// hundred", "three hundred and fifty", "twenty-five", "a million") and
// fractions ("two-thirds", "half"). Words are separated by spaces. It
// reports false when s is not entirely one number. It never panics.
func ParseNumber(s string) (float64, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 200 {
		return 0, false
	}
	// Split glued scale suffixes: "1.2bn" → "1.2 bn".
	f := strings.Fields(s)
	var words []string
	for _, w := range f {
		i := len(w) - len(strings.TrimLeft(w, "0123456789,."))
		if i > 0 && i < len(w) {
			words = append(words, w[:i], w[i:])
		} else {
			words = append(words, w)
		}
	}
	// "34 000": join a digit group of one to three digits with following
	// groups of exactly three.
	if len(words) >= 2 && isDigits(words[0]) && len(words[0]) <= 3 {
		j := 1
		joined := words[0]
		for j < len(words) && isDigits(words[j]) && len(words[j]) == 3 {
			joined += words[j]
			j++
		}
		words = append([]string{joined}, words[j:]...)
	}
	if v, ok := fractionValue(words[0]); ok && len(words) == 1 {
		return v, true
	}
	if len(words) == 2 && (words[0] == "a" || words[0] == "one") {
		if v, ok := fractionWords[words[1]]; ok && words[1] != "half" {
			return v, true
		}
	}
	v, n := wordsValue(words)
	if n != len(words) || n == 0 {
		return 0, false
	}
	return v, true
}

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// wordsValue parses the longest number at the start of words (lowercased):
// a digit string optionally followed by scale words, or a sequence of number
// words. It returns the value and how many words it used (0 when none).
func wordsValue(words []string) (float64, int) {
	if len(words) == 0 {
		return 0, 0
	}
	if v, _, ok := parseDigits(words[0]); ok {
		n := 1
		for ; n < len(words) && scaleWords[words[n]] != 0 && words[n] != "millions" && words[n] != "billions"; n++ {
			v *= scaleWords[words[n]]
		}
		return v, n
	}
	var total, cur float64
	n := 0
	seen := false      // a number word was consumed
	lastSmall := false // the last word was a small number word
	for n < len(words) {
		w := words[n]
		if v, ok := wordValue(w); ok {
			if lastSmall || cur != 0 && int(cur)%100 != 0 {
				break
			}
			cur += v
			seen, lastSmall = true, true
			n++
			continue
		}
		switch {
		case (w == "a" || w == "an") && !seen && n+1 < len(words) && multipliers[words[n+1]] != 0:
			cur, seen = 1, false
			n++
			lastSmall = true
			continue
		case multipliers[w] != 0 && (seen || n > 0):
			cur = cmp.Or(cur, 1)
			if w == "dozen" || w == "hundred" {
				cur *= multipliers[w] // "two hundred", "three dozen"
			} else {
				total += cur * multipliers[w] // "two thousand"
				cur = 0
			}
			lastSmall, seen = false, true
			n++
			continue
		case w == "and" && seen && !lastSmall && n+1 < len(words):
			if _, ok := wordValue(words[n+1]); ok {
				n++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, 0
	}
	return total + cur, n
}
