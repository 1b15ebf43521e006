package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestDerivedNames: a login made from a name found in the text ("mvasquez2"
// beside Marisol Vasquez) and initials a legend gives a person ("TB =
// Teodora Balan", "Teodora Balan (TB)") are names where they stand alone;
// initials no legend gives and logins of no name found stay. Records
// written for this test.
func TestDerivedNames(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"logins in an access log", "2026-10-02 10:14 | mvasquez2 | Marisol Vasquez | RN | VIEW\n2026-10-02 10:20 | vasquezm | PRINT\n",
				[]found{{"2026-10-02 10:14", deid.Date}, {"mvasquez2", deid.Name}, {"Marisol Vasquez", deid.Name}, {"2026-10-02 10:20", deid.Date}, {"vasquezm", deid.Name}}},
			// A clinical abbreviation alone in a cell is the person's
			// when a legend gives it; "OK" alone in a cell stays a check
			// ("| OK |"), though the legend itself is taken.
			{"initials after a legend", "Lisinopril 10 mg | TB | | OV | OK |\nInitials: TB = Teodora Balan, RN; OV = Oren Vasko, LPN; OK = Olga Kask\n",
				[]found{{"TB", deid.Name}, {"OV", deid.Name}, {"TB", deid.Name}, {"Teodora Balan", deid.Name}, {"OV", deid.Name}, {"Oren Vasko", deid.Name},
					{"OK", deid.Name}, {"Olga Kask", deid.Name}}},
			{"abbreviations in prose stay", "Seen by Dr. Brian Parker (BP). BP 142/88. Time | BP | HR |\nDr. Henry Randall (HR) saw him.\n",
				[]found{{"Brian Parker", deid.Name}, {"BP", deid.Name}, {"Henry Randall", deid.Name}, {"HR", deid.Name}}},
			{"initials in parentheses", "Given by Nurse Wren Quist (WQ) at 0900.\nHeparin | WQ |\n",
				[]found{{"Wren Quist", deid.Name}, {"WQ", deid.Name}, {"WQ", deid.Name}}},
			// A person's initials in parentheses do not make her name an
			// acronym's expansion, as "Patient Health Questionnaire
			// (PHQ)" is.
			{"a name before its initials", "Seen by Dr. Wren Quist (WQ). Patient Health Questionnaire (PHQ) 12.",
				[]found{{"Wren Quist", deid.Name}, {"WQ", deid.Name}}},
			{"a middle initial and a credential", "Date | INR | By |\n12/01/2026 | 2.4 | HBV |\nPharmacist: Hallie B. Vanek, PharmD (HBV)\n",
				[]found{{"12/01/2026", deid.Date}, {"HBV", deid.Name}, {"Hallie B. Vanek", deid.Name}, {"HBV", deid.Name}}},
			{"initials without a legend stay", "Seen by Teodora Balan, RN. TB test negative. OK to discharge.", []found{{"Teodora Balan", deid.Name}}},
		})
	}
}
