package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNumbersWrittenAbroad: a mobile of four, three and four digits with
// its trunk 0 ("0803 555 0147"), with no cue, but not after a lot's label;
// in a note that writes its dates day first, a day and month after a word
// ("latest 19/11"), but not a duration in British shorthand ("14/7") nor
// a ratio. Notes written for this test.
func TestNumbersWrittenAbroad(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a mobile in brackets", "Next of kin informed (0803 555 0147).", []found{{"0803 555 0147", deid.Phone}}},
			{"a lot's number", "Lot 0803 555 0147 expires soon.", nil},
			{"a day first after a word", "DOB 23/04/1958.\nThree bouts of biliary colic, worst episode 19/11, settled since.",
				[]found{{"23/04/1958", deid.Date}, {"19/11", deid.Date}}},
			{"a duration stays", "DOB 23/04/1958.\nCough for 14/7, no fever.", typed(deid.Date, "23/04/1958")},
			{"a ratio stays", "DOB 23/04/1958.\nBiPAP 16/8 overnight.", typed(deid.Date, "23/04/1958")},
		})
	}
}

// TestAnswersAndFormFields: a 4-3-4 mobile answering a question for a
// number ("Ano po number niya?"), not a chart's row of times; an age over
// 89 after a name and a comma before a form's wide gap; a sign-out's
// admission day before "to" and a facility. Lines written for this test.
func TestAnswersAndFormFields(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a number asked for", "Nurse: What is your son's number po?\nPatient: 0918 555 0172.", []found{{"0918 555 0172", deid.Phone}}},
			{"a row of times", "Nurse: Vitals overnight?\nRN: 0600 118 0800 stable", nil},
			{"an age before a wide gap", "Resident: Wendell Oyelaran, 96     Dx: CHF",
				[]found{{"Wendell Oyelaran", deid.Name}, {"96", deid.Age}}},
			{"admitted to a facility", "sign out: 91M adm 11/27 to Baystate from home, CHF",
				[]found{{"91", deid.Age}, {"11/27", deid.Date}, {"Baystate", deid.Location}}},
		})
	}
}
