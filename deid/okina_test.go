package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestOkinaPlaces: a place found before an apostrophe standing for the
// ʻokina grows over its tail ("Kea'au"); a possessive or contraction after
// a place stays outside it, and the state written "Hawai'i" is no place to
// remove. Sentences written for this test.
func TestOkinaPlaces(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"an address's town", "14-310 Olena Rd, Kea'au, HI 96749", []found{{"14-310 Olena Rd", deid.Location}, {"Kea'au", deid.Location}, {"96749", deid.ZIP}}},
			{"the state stays", "She moved back to Hawai'i last year.", nil},
		})
	}
}
