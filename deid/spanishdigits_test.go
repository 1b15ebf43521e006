package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSpanishDigitRuns: a phone or a record number said digit by digit in
// Spanish is an identifier; a few numbers in a sentence stay. Dialogue
// written for this test.
func TestSpanishDigitRuns(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a phone", "interpreter: her number is seis uno nueve, cinco cinco cinco, cero uno siete dos", []found{{"seis uno nueve, cinco cinco cinco, cero uno siete dos", deid.Phone}}},
			{"a record number", "nurse: and the medical record\npatient: siete cero cuatro cuatro dos uno ocho", []found{{"siete cero cuatro cuatro dos uno ocho", deid.MRN}}},
			{"counts stay", "patient: tengo dos tres cuatro hijos y uno más", nil},
		})
	}
}
