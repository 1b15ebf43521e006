package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestDICOMValues: a DICOM header dumped as text gives up its names
// (without the empty components and the degree), its age over 89, its
// dates and its UIDs; an age under 90 and a modality stay. A dump written
// for this test.
func TestDICOMValues(t *testing.T) {
	t.Parallel()
	dump := "(0008,0060) CS [CT]                                     # Modality\n" +
		"(0008,0090) PN [ABERNATHY^CORMAC^^^MD]                  # ReferringPhysicianName\n" +
		"(0010,0010) PN [QUIRKE^ODHRAN]                          # PatientName\n" +
		"(0010,0030) DA [19310422]                               # PatientBirthDate\n" +
		"(0010,1010) AS [095Y]                                   # PatientAge\n" +
		"(0020,000D) UI [1.2.840.113619.2.55.3.604688119.971.1412]  # StudyInstanceUID\n"
	young := "(0010,1010) AS [054Y]                                   # PatientAge\n"
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a header", dump, []found{{"ABERNATHY^CORMAC", deid.Name}, {"QUIRKE^ODHRAN", deid.Name}, {"19310422", deid.Date},
				{"095Y", deid.Age}, {"1.2.840.113619.2.55.3.604688119.971.1412", deid.ID}}},
			{"an age under 90 stays", young, nil},
		})
	}
}
