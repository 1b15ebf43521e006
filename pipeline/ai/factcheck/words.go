package factcheck

import (
	"strings"
	"unicode/utf8"
)

// The fact check reads a normalized text as the matches of wordRE: words
// of lower-case letters (joined by an apostrophe or a hyphen), numbers
// (decimals, "120/80"), and the punctuation that ends or splits a clause.
// appendWords and wordSpans scan for them by hand, in one pass, because
// the regular expression was a large part of the draft checks' CPU time
// (issue 18); TestScansMatchRegexps and FuzzScansMatchRegexps hold them to
// wordRE's matches. quantitySpans does the same for quantityRE.

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

// quantitySpans returns, for each match of quantityRE in s, the span of
// its number and of its unit ([2] and [3] are -1 without a unit).
func quantitySpans(s string) [][4]int {
	var out [][4]int
	for p := 0; p < len(s); {
		// (^|[^\w.#/]) before the number: the text's start, or one
		// character (a whole rune) that is not a word character, a dot, a
		// hash or a slash.
		c, w := s[p], 1
		if c >= utf8.RuneSelf {
			_, w = utf8.DecodeRuneInString(s[p:])
		}
		start := -1
		switch {
		case p == 0 && isDigitByte(c):
			start = 0
		case !isWordByte(c) && c != '.' && c != '#' && c != '/' && p+w < len(s) && isDigitByte(s[p+w]):
			start = p + w
		}
		if start < 0 {
			p += w
			continue
		}
		// \d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)*
		e := fraction(s, digitsEnd(s, start))
		for e+1 < len(s) && s[e] == '/' && isDigitByte(s[e+1]) {
			e = fraction(s, digitsEnd(s, e+1))
		}
		q := [4]int{start, e, -1, -1}
		p = e
		// (?:\s*-?\s*(%|[a-z]+(?:/[a-z]+)*(?:-old)?))?
		k := spacesEnd(s, e)
		if k < len(s) && s[k] == '-' {
			k = spacesEnd(s, k+1)
		}
		switch {
		case k < len(s) && s[k] == '%':
			q[2], q[3], p = k, k+1, k+1
		case k < len(s) && isLower(s[k]):
			j := lettersEnd(s, k)
			for j+1 < len(s) && s[j] == '/' && isLower(s[j+1]) {
				j = lettersEnd(s, j+1)
			}
			if strings.HasPrefix(s[j:], "-old") {
				j += len("-old")
			}
			q[2], q[3], p = k, j, j
		}
		out = append(out, q)
	}
	return out
}

// isWordByte is the regexp package's \w.
func isWordByte(c byte) bool {
	return isLower(c) || c >= 'A' && c <= 'Z' || isDigitByte(c) || c == '_'
}

// spacesEnd skips the regexp package's \s: space, tab, newline, form feed
// and carriage return.
func spacesEnd(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\f' || s[i] == '\r') {
		i++
	}
	return i
}
