package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestJoinedNames: a name whose parts a particle of descent joins is one
// name; a bin that holds things stays. The labels of forms that name a
// person ("Applicant:", "Performer:") and the credentials after a name
// ("BDS", "CPM") are read as such. Sentences written for this test.
func TestJoinedNames(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"binte", "Next of kin: daughter Zuraidah binte Harun, lives nearby.\n", typed(deid.Name, "Zuraidah binte Harun")},
			{"ap with an initial", "Signed: T. ap Hywel\n", typed(deid.Name, "T. ap Hywel")},
			{"two words before bin", "Referred by Dr. Mohd Faizal bin Rosli for review.\n", typed(deid.Name, "Mohd Faizal bin Rosli")},
			{"a bin that holds things stays", "Sharps go in the Yellow bin Tuesday.\n", nil},
			{"an applicant", "Applicant: Morwenna Tregarthen-Pascoe   Age: 81\n", typed(deid.Name, "Morwenna Tregarthen-Pascoe")},
			{"a performer and a credential", "Performer: Idris Penhallow, BDS\n", typed(deid.Name, "Idris Penhallow")},
			{"a field filled with self", "Claimant: Self\nGuarantor: Self\n", nil},
			{"a midwife's credential", "Attendant: Lovisa Brandtzaeg, CPM. Father present.\n", typed(deid.Name, "Lovisa Brandtzaeg")},
		})
	}
}
