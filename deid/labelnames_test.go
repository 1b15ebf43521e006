package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNamesOnLabelsAndInTurns: a surname in capitals after a title and its
// given name's initial after a comma (a pharmacy's label), a speaker's
// name before a comma and her role ("i'm bushra, the diabetes nurse"),
// and a person addressed before a comma at a turn's start ("okay jaylen,
// how old are you"); acronyms after a title and a state said after "i'm"
// stay. Lines written for this test.
func TestNamesOnLabelsAndInTurns(t *testing.T) {
	t.Parallel()
	talk := "nurse: good morning, i'm wazira, the diabetes educator, shall we start\npatient: yes please\n" +
		"nurse: okay so the sugars are better this week and the feet look fine today\n"
	vocative := "doctor: okay so the knee again, it swelled up friday after the game right\n" +
		"mother: yes friday night, he could not walk on it at all\ndoctor: okay tavish, how bad is it now\n"
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a label's prescriber", "Qty 30   Refills 2   Dr. WENDELBROOK, T\n", typed(deid.Name, "WENDELBROOK, T")},
			{"an acronym after a title stays", "Dr. NOTE: see above\n", nil},
			{"a name, a comma and a role", talk, typed(deid.Name, "wazira")},
			{"a state, a comma and a role stays", "patient: i'm diabetic, the nurse said so\n", nil},
			{"a person addressed before a comma", vocative, typed(deid.Name, "tavish")},
		})
	}
}
