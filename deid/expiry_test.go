package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestProductExpiryAndMonthsOfHabit: a product's expiry after a lot or an
// NDC, and a month alone in a clause that says it recurs, date no patient's
// event; a date before "exp" with no lot, a month of birth and a month of
// an event stay dates. Sentences written for this test.
func TestProductExpiryAndMonthsOfHabit(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a lot's expiry", "Tdap given L deltoid, lot 4QX81B, exp 09/2029. VIS given.", nil},
			{"an NDC's expiry", "cefazolin 1 g, NDC 0143-9924-90, exp: 2027-11-30, reconstituted at bedside", nil},
			{"a month of a habit", "my allergies are bad every year once the pollen starts in april", nil},
			{"an event's date stays", "Admitted 03/02/2026 and seen again in april.", []found{{"03/02/2026", deid.Date}, {"april", deid.Date}}},
			{"a month of birth stays", "she was born in april and every year we have a party", []found{{"april", deid.Date}}},
			// A review's probes (rv37): "a lot of" is no lot, and a month
			// opening a clause of its own after "and".
			{"a death after a lot of time stays", "Family spent a lot of time at bedside; pt exp 12/02/2026 at 0415.",
				[]found{{"12/02/2026", deid.Date}}},
			{"a month after and stays", "she always gets worse in the fall and in september she was admitted", []found{{"september", deid.Date}}},
		})
	}
}

// TestNoPlaceOpensWithAHesitationOrAVerb: the words of a sentence after
// "to" that the lower-case place rules read as a name ("to um which
// pharmacy", "to get more bend") stay; a lake or a bend named after "to"
// goes. Sentences written for this test.
func TestNoPlaceOpensWithAHesitationOrAVerb(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a hesitation and a question", "okay so i'll send the metformin to um which pharmacy", nil},
			{"a verb and an amount", "we need to get more bend in that knee", nil},
			{"a name after to goes", "we drove to big bend for the weekend", []found{{"big bend", deid.Location}}},
			{"a text in capitals: bear weight, leaves home", "REASON FOR TRANSFER: FALL WITH HIP PAIN, UNABLE TO BEAR WEIGHT. " +
				"HOMEBOUND: REQUIRES ASSIST OF 1 AND WALKER; LEAVES HOME ONLY FOR DIALYSIS THREE TIMES A WEEK.", nil},
		})
	}
}
