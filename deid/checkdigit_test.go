package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// The last digit of a card number written apart, as check digits often
// are (blind18's tuning part has "the card number FC 8840 2217 5"; written
// for this test): it goes with the number. A count after a number stays.
func TestCheckDigitApart(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a card's check digit", "father: yes, the card number 8840 2217 5", typed(deid.Account, "8840 2217 5")},
			{"a count stays", "father: the card number 8840 2217, 5 refills left", typed(deid.Account, "8840 2217")},
			{"tablets stay", "father: the card number 8840 2217 5 tablets", typed(deid.Account, "8840 2217")},
		})
	}
}
