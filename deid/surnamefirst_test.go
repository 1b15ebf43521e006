package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A surname in capitals before a hyphenated given name, after a title,
// and an identifier's check character in parentheses (the shapes of
// blind19's tuning part, written for this test). An acronym before a
// hyphenated English word stays.
func TestCapsSurnameFirstAndCheckChar(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a title", "Dr LAU Kwok-wing, MO\n", []found{{"LAU Kwok-wing", deid.Name}}},
			{"a check character", "Name: CHEUNG Siu-fan   HKID: R662104(3)\n", []found{{"CHEUNG Siu-fan", deid.Name}, {"R662104(3)", deid.ID}}},
			{"an acronym stays", "ECG: ST elevation. Pt: USA Follow-up\n", nil},
		})
	}
}
