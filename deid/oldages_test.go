package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Ages over 89 in words beside a name or a birth date in parentheses, and
// in a birthday's greeting (the shapes of blind19's tuning part, written
// for this test). Younger ages, a year after a month and counts in
// parentheses stay.
func TestParenAndBirthdayAges(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a name", "Thanks for seeing my mum Brigid Tallon (ninety-three, DOB 04/04/1933) on Monday.\n",
				[]found{{"Brigid Tallon", deid.Name}, {"ninety-three", deid.Age}, {"04/04/1933", deid.Date}}},
			{"after a birth date", "DOB 1935-02-11 (91)   Sex: F\n",
				[]found{{"1935-02-11", deid.Date}, {"91", deid.Age}}},
			{"a birthday wished, said again", "doctor: happy belated birthday, olive. ninety-six?\npatient: ninety-six, and still walking\n",
				[]found{{"ninety-six", deid.Age}, {"ninety-six", deid.Age}}},
			{"younger and counts stay", "Seen with her son (sixty-two, retired). Steps (ninety a day).\ndoctor: happy birthday! seventy?\n", nil},
		})
	}
}
