package factcheck

import "strings"

// The fact check reads a normalized text as the matches of wordRE: words
// of lower-case letters (joined by an apostrophe or a hyphen), numbers
// (decimals, "120/80"), and the punctuation that ends or splits a clause.
// appendWords and wordSpans scan for them by hand, in one pass, because
// the regular expression was a large part of the draft checks' CPU time
// (issue 18); TestWordsMatchRegexp and FuzzWordsMatchRegexp hold them to
// wordRE's matches.

// appendWords appends the matches of wordRE in s to dst.
func appendWords(dst []string, s string) []string {
	for i := 0; i < len(s); {
		j := wordEnd(s, i)
		if j == i {
			i++
			continue
		}
		dst = append(dst, s[i:j])
		i = j
	}
	return dst
}

// wordSpans returns the [start, end) of each match of wordRE in s.
func wordSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); {
		j := wordEnd(s, i)
		if j == i {
			i++
			continue
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

// wordEnd returns the end of the match of wordRE that starts at i, or i.
func wordEnd(s string, i int) int {
	c := s[i]
	switch {
	case isLower(c):
		// [a-z]+(?:['’-][a-z]+)*
		j := lettersEnd(s, i)
		for {
			k := j
			switch {
			case k < len(s) && (s[k] == '\'' || s[k] == '-'):
				k++
			case strings.HasPrefix(s[k:], "’"):
				k += len("’")
			default:
				return j
			}
			if k >= len(s) || !isLower(s[k]) {
				return j
			}
			j = lettersEnd(s, k)
		}
	case isDigitByte(c):
		// \d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*
		j := fraction(s, digitsEnd(s, i))
		for j+1 < len(s) && s[j] == '/' && isDigitByte(s[j+1]) {
			j = fraction(s, digitsEnd(s, j+1))
		}
		return j
	case strings.IndexByte(".;:!?,()", c) >= 0:
		return i + 1
	}
	return i
}

// fraction extends a number ending at j by a decimal part, if one follows.
func fraction(s string, j int) int {
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) {
		return digitsEnd(s, j+1)
	}
	return j
}

func lettersEnd(s string, i int) int {
	for i < len(s) && isLower(s[i]) {
		i++
	}
	return i
}

func digitsEnd(s string, i int) int {
	for i < len(s) && isDigitByte(s[i]) {
		i++
	}
	return i
}

func isLower(c byte) bool     { return c >= 'a' && c <= 'z' }
func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }
