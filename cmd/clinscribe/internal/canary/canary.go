// Package canary is the canary tests' scan: whether a text holds a planted
// identifier. The API's and the app's canary tests share it.
package canary

import (
	"regexp"
	"strings"
)

// Holds reports whether s contains canary c. An all-digit canary must
// stand as a number of its own, and outside a run of 16 or more hex
// digits: "88231" inside a timestamp (07:36:43.882315), a duration in
// nanoseconds or a hash in the audit trail ("…a88231f…") is a
// coincidence, not a leak, and made the scans fail now and then.
func Holds(s, c string) bool {
	if strings.Trim(c, "0123456789") != "" {
		return strings.Contains(s, c)
	}
	for _, m := range regexp.MustCompile(`(^|[^0-9])`+c+`([^0-9]|$)`).FindAllStringIndex(s, -1) {
		at := m[0] + strings.Index(s[m[0]:m[1]], c)
		if !insideHash(s, at, at+len(c)) {
			return true
		}
	}
	return false
}

// insideHash reports whether s[i:j] lies in a run of 16 or more hex
// digits.
func insideHash(s string, i, j int) bool {
	hex := func(b byte) bool { return b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F' }
	for i > 0 && hex(s[i-1]) {
		i--
	}
	for j < len(s) && hex(s[j]) {
		j++
	}
	return j-i >= 16
}
