package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// The initials a letter or a note ends with, in the shapes of blind18's
// tuning part (written for this test): the writer's and the typist's
// ("SMcR/fw", "AM/dv 12/01/2026", "ML/JB   ED x4412" with its extension,
// "(RTW/mk)", "Notes: LPT/cm"), and initials after a word of who typed,
// noted or reviewed it. Clinical pairs, a section's head, labs reviewed
// and units stay.
func TestInitialStamps(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"writer and typist", "Review in six weeks.\nSMcR/fw", typed(deid.Name, "SMcR", "fw")},
			{"with an extension", "Follow-up in clinic.\nML/JB   ED x4412", []found{{"ML", deid.Name}, {"JB", deid.Name}, {"4412", deid.Phone}}},
			{"in brackets", "Yours sincerely,\n(RTW/mk)", typed(deid.Name, "RTW", "mk")},
			{"after a label", "Notes: LPT/cm", typed(deid.Name, "LPT", "cm")},
			{"typed", "Consultant Cardiologist\nTyped 04/12/26 SMJ", []found{{"04/12/26", deid.Date}, {"SMJ", deid.Name}}},
			{"noted", "Prepared by: nurse on shift / Noted: JRVL", typed(deid.Name, "JRVL")},
			{"a time ago after a measure", "Noted: PR 1/12", nil},
			{"measures checked stay", "Checked BP 130/85 lying and standing.\nNoted HR 112 at rest.\nNoted: RR 24, SpO2 91%.\nChecked: FBC, U&E, CRP.\nChecked: BM 6.2 mmol/L", nil},
			{"clinical pairs stay", "PT/OT to evaluate tomorrow.\nA/P: stable.\nIV/PO\nCT/MRI\nReviewed: CBC 12/05\nmg/dL", nil},
		})
	}
}
