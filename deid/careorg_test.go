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

// TestFacilityTownAndLowerNames: the town or campus after a facility and
// a comma ("Riverside State Hospital, Okemos campus", "Ibadan General
// Hospital, Oke-Ado"), not a part of the hospital ("Mother-Baby Unit");
// a facility named in lower case with no article after a preposition of
// place ("works nights at kayenta medical center"), not one after "the",
// one named by a kind's words ("at community health center", "to tertiary
// hospital") nor a kind of hospital ("at outside hospital"); a brand after
// a hospital and a comma is no town.
// Lines written for this test.
func TestFacilityTownAndLowerNames(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a campus", "Kalamazoo State Hospital, Okemos campus, ward 3",
				[]found{{"Kalamazoo State Hospital", deid.Location}, {"Okemos", deid.Location}}},
			{"a hyphenated town", "Ibadan General Hospital, Oke-Ado\nWard round notes",
				[]found{{"Ibadan General Hospital", deid.Location}, {"Oke-Ado", deid.Location}}},
			{"a part of the hospital stays", "Kalamazoo State Hospital, Mother-Baby Unit",
				[]found{{"Kalamazoo State Hospital", deid.Location}}},
			{"no article", "pt: my husband works nights at kayenta medical center so he drives me",
				[]found{{"kayenta medical center", deid.Location}}},
			{"a kind's words", "pt: she got her shots at community health center and then was transferred to tertiary hospital", nil},
			{"a brand after the comma", "Admitted to Bellhaven Hospital, Xarelto held.", []found{{"Bellhaven Hospital", deid.Location}}},
			{"an article", "pt: my husband works nights at the medical center so he drives me", nil},
			{"a kind of hospital", "doctor: the records from outside hospital are not back yet", nil},
		})
	}
}

// TestNamedBeforeCareKind: the name before a care place's kind in capitals
// ("Ashby Meadows SNF", a place, not a person); a kind's words before it name none. Lines
// written for this test.
func TestNamedBeforeCareKind(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a name before SNF", "Plan: discharge to Ashby Meadows SNF on Monday.", []found{{"Ashby Meadows", deid.Location}}},
			{"a kind's words", "Plan: discharge to Skilled Nursing SNF pending bed.", nil},
		})
	}
}
