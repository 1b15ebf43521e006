package canary_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/cmd/clinscribe/internal/canary"
)

// The canary scan's number rule: an all-digit canary is a leak wherever it
// stands as a number of its own, but for inside a long run of hex digits
// (a hash or key ID, which made the scan fail now and then by chance).
func TestHoldsCanaryNumbers(t *testing.T) {
	for s, want := range map[string]bool{
		"MRN 88231 seen":                        true,
		"mrn:88231":                             true,
		"id=88231,":                             true,
		"a88231f":                               true,  // short hex run: still a leak
		"sha256 3fa9c0d1e2b4a88231f0c9d8e7b6a5": false, // inside a hash
		"07:36:43.882315":                       false,
		"88231":                                 true,
	} {
		if got := canary.Holds(s, "88231"); got != want {
			t.Errorf("%q: %v, want %v", s, got, want)
		}
	}
}
