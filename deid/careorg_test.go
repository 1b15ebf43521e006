package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestCareOrganizationOfAPlace: a hospice or a hospital named "of" a place
// or a region, whether or not the lists hold it ("Hospice of the
// Catawba", "Hospice of Eastern Idaho"), in lower case when its words are
// no English; "the hospital of her choice" stays. Sentences written for
// this test.
func TestCareOrganizationOfAPlace(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"of the river", "A nurse from Hospice of the Catawba visits on Fridays.", []found{{"Hospice of the Catawba", deid.Location}}},
			{"of a region", "Referred to Hospice of Eastern Idaho for comfort care.", []found{{"Hospice of Eastern Idaho", deid.Location}}},
			{"lower case", "nurse: this is the on-call line for hospice of the catawba", []found{{"hospice of the catawba", deid.Location}}},
			{"no name", "she can go to the hospital of her choice", nil},
		})
	}
}
