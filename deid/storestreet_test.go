package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestStreetAfterAStore: after a store and "on", a street whose suffix is
// also a word is the store's street, its name English words or not ("the
// kroger on liberty drive", "the one on harbor walk"); a weekday's drive
// stays. Sentences written for this test.
func TestStreetAfterAStore(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a chain", "pt: send it to the kroger on liberty drive please", []found{{"liberty drive", deid.Location}}},
			{"the one on", "pt: the cvs downtown or the one on harbor walk either one", []found{{"harbor walk", deid.Location}}},
			{"a weekday's drive stays", "pt: we saw the one on sunday drive", nil},
		})
	}
}
