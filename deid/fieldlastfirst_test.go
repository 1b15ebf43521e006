package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// "Last, First" after a person's label, ending its field, where the given
// name is also an English word (the shape of blind18's tuning part, a
// handoff's "Pt:" line; written for this test). Words of a note in that
// place stay.
func TestFieldLastFirst(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a handoff's line", "Pt: Quarney, Clement   Rm 418A   Code status: Full\n",
				[]found{{"Quarney", deid.Name}, {"Clement", deid.Name}}},
			{"before a semicolon", "Resident: Harbison, Grant; Rm 12\n",
				[]found{{"Harbison", deid.Name}, {"Grant", deid.Name}}},
			{"a note's words stay", "Pt: Alert, Oriented   Rm 418A\n", nil},
			// blind19's shapes: surnames of several words, with particles,
			// a middle initial, a nickname in quotes.
			{"particles", "Patient: de la Vega Ibáñez, María Soledad   MRN PKL-66120943\n",
				[]found{{"de la Vega Ibáñez", deid.Name}, {"María Soledad", deid.Name}, {"PKL-66120943", deid.MRN}}},
			{"an accented particle", "Claimant: Ó Ceallacháin, Pádraig   PPSN: 6620931WA\n",
				[]found{{"Ó Ceallacháin", deid.Name}, {"Pádraig", deid.Name}, {"6620931WA", deid.ID}}},
			{"two words, an initial", "Patient: Two Feathers, Marvin J.   Rm 12\n",
				[]found{{"Two Feathers", deid.Name}, {"Marvin", deid.Name}, {"J", deid.Name}}},
			{"a nickname in quotes", "Resident: Van Huysen, Hendrika \"Rika\"\tRoom 214B\n",
				[]found{{"Van Huysen", deid.Name}, {"Hendrika", deid.Name}, {"Rika", deid.Name}}},
			{"a given name that is a word", "Member: De Novo, Mutation\n", nil},
			// A review's probes (rv46) and older over-redactions of the
			// main pass's labelLastFirst: a sex, a race, a relationship,
			// words of how a patient is.
			{"a field of what, not who", "Patient: Black, Male; 54 y/o\nMember: Self, Spouse\n", nil},
			{"how a patient is", "Pt: Drowsy, Rousable\nPatient: Comfortable, Afebrile\n", nil},
		})
	}
}
