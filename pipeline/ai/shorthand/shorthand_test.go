package shorthand_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/clinscribe/clinscribe/pipeline/ai/shorthand"
)

func TestExpand(t *testing.T) {
	t.Parallel()
	cases := []struct{ name, in, want string }{
		{"Symptoms", "Denies CP, SOB.", "Denies chest pain, shortness of breath."},
		{"AgeSex", "67M w/ COPD p/w 3 days of SOB", "67-year-old man with COPD presents with 3 days of shortness of breath"},
		{"Frequency", "albuterol q4h prn, metformin 500 mg PO BID", "albuterol every 4 hours as needed, metformin 500 mg by mouth twice daily"},
		{"RoomAir", "SpO2 91% RA", "SpO2 91% room air"},
		{"Duration", "cough x 3d", "cough for 3 days"},
		{"Exam", "CTAB, RRR, NAD. Abd NT/ND.", "clear to auscultation bilaterally, regular rate and rhythm, no acute distress. Abdomen nontender, nondistended."},
		{"CaseDecides", "PT 2x/wk; pt tolerated", "physical therapy 2x/wk; patient tolerated"},
		// A known limit: lower-case "bid" is always the frequency.
		{"LowerCaseBidIsAFrequency", "bid farewell", "twice daily farewell"},
		{"TemperatureIsNoSex", "T 101.2 F, 38 F", "T 101.2 F, 38 F"},
		{"NoAbbreviations", "Lungs are clear.", "Lungs are clear."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(c.want, shorthand.Expand(c.in)); diff != "" {
				t.Errorf("Expand(%q) (-want +got):\n%s", c.in, diff)
			}
		})
	}
}
