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

// isDigits reports whether s is one or more ASCII digits.
func isDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// wordsValue parses the longest run of number words at the start of words
// (lower case): "two dozen", "a hundred", "three hundred and fifty",
// "twenty-five", "five hundred thousand". It returns the value and how many
// words it used (0 when none).
func wordsValue(words []string) (float64, int) {
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
