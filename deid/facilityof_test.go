package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestLowerFacilityOfTown: in lower case, a facility's head and the town
// it is of, with the words before the head, after "the" or a preposition
// of place; a kind of facility or a town that is an everyday word stays.
// Sentences written for this test.
func TestLowerFacilityOfTown(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a center of a town", "we went to the islamic center of worthington for prayer", []found{{"islamic center of worthington", deid.Location}}},
			{"a town of two words", "she had surgery at the regional medical center of des moines",
				[]found{{"regional medical center of des moines", deid.Location}}},
			{"kinds, fields and word towns stay", "the cancer center of hope. the school of medicine. the american academy of pediatrics.", nil},
		})
	}
}

// TestSchoolNamedByWord: an everyday word naming a school before "middle
// school" or "high school", after a preposition of place; a kind of school
// stays. Sentences written for this test.
func TestSchoolNamedByWord(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after at", "mom: she is at fuller middle school now", []found{{"fuller middle school", deid.Location}}},
			{"after to the", "he goes to the sunset high school", []found{{"sunset high school", deid.Location}}},
			{"kinds stay", "he goes to a public high school. in junior high school he broke it. from his old middle school.", nil},
			{"programs stay", "he got into the magnet middle school program. she is at the technical high school.", nil},
		})
	}
}

// TestHospitalsNamedByGroupOrChurch: a hospital named for whom it serves
// after its name, or by its state and church after a preposition of
// place; a person's faith stays. Sentences written for this test.
func TestHospitalsNamedByGroupOrChurch(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"for women, with a name", "She delivered at Prentice Women's Hospital.", []found{{"Prentice Women's Hospital", deid.Location}}},
			{"for women, with a place of the gazetteer", "Brigham and Women's Hospital - Department of Radiology",
				[]found{{"Brigham and Women's Hospital", deid.Location}}},
			{"a state and a church", "Prior delivery at Illinois Masonic. Rehab three days a week at the Missouri Baptist rehab gym.",
				[]found{{"Illinois Masonic", deid.Location}, {"Missouri Baptist", deid.Location}}},
			{"a faith stays", "She is Missouri Synod Lutheran; we are Southern Baptist.", nil},
		})
	}
}

// TestTownBeforeFormField: the town after a facility and a comma ends at a
// form's wide gap as at a clause's end. A line written for this test.
func TestTownBeforeFormField(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a header's town", "Joslin Diabetes Center, Boston     Clinic visit 11/23/2026",
				[]found{{"Joslin Diabetes Center", deid.Location}, {"Boston", deid.Location}, {"11/23/2026", deid.Date}}},
		})
	}
}

// TestNumberedSchool: a New York school by its kind and number after a
// preposition of place; "is" and "PS" elsewhere stay. Lines written for
// this test.
func TestNumberedSchool(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"schools", "i teach fourth grade at ps 214. he goes to P.S. 89; she is in IS 318 now",
				[]found{{"ps 214", deid.Location}, {"P.S. 89", deid.Location}, {"IS 318", deid.Location}}},
			{"look-alikes stay", "the answer is 318. it is 20 minutes. PS 2 more things.", nil},
			// A review's probes: scores, doses and intervals.
			{"scores, doses and intervals stay", "remains at PS 1 after cycle 3. switched to MS 15 mg ER. PR in ms 180. i was at ps 5 on the pain scale. at ps 20 units.", nil},
		})
	}
}

// TestFacilityTails: a facility's name goes on over the words that end
// such names; a medical group named "Medical Foundation" is a place, a
// charity's foundation is not. Lines written for this test.
func TestFacilityTails(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"tails", "Place of death: Alive Hospice Residence.\nFrom: Sunrise Villa Nursing & Rehab, Mesquite, TX\nReferring: Bayview Family Health Team",
				[]found{{"Alive Hospice Residence", deid.Location}, {"Sunrise Villa Nursing & Rehab", deid.Location}, {"Mesquite", deid.Location},
					{"Bayview Family Health Team", deid.Location}}},
			{"a medical group", "She goes to Sutter Medical Foundation for care.", []found{{"Sutter Medical Foundation", deid.Location}}},
			{"a charity and a team stay", "Donate to the Komen Foundation. The Health Team met.", nil},
		})
	}
}

// TestAddressLineTown: a line of a letter's address holding a district and
// its town; a name before a town's name stays a name. Lines written for
// this test.
func TestAddressLineTown(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a district and its town", "Meanwood Group Practice\nMeanwood, Leeds\n\nDear Doctor,",
				[]found{{"Meanwood Group Practice", deid.Location}, {"Meanwood", deid.Location}, {"Leeds", deid.Location}}},
			{"a person and a town", "Walsh, Leeds", []found{{"Walsh", deid.Name}}},
			{"a word and a town", "Fever, Boston", nil},
		})
	}
}

// TestListedHospitalAfterThe: a hospital's head or acronym of the lists
// after a preposition of place and "the", in capitals or in lower case,
// with no word of care near; a noun after it, or a head that is an
// English word, stays. Sentences written for this test.
func TestListedHospitalAfterThe(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"capitals, before a date", "I looked at your bloodwork from the QEII on Monday.", []found{{"QEII", deid.Location}}},
			{"capitals, at a sentence's end", "We will refer you to gynecology at the IWK.", []found{{"IWK", deid.Location}}},
			{"lower case, a head that is a given name", "he needs someone to look at his hip at the wesley", []found{{"wesley", deid.Location}}},
			{"a noun after it stays", "we stayed at the wesley house all week. she got a card from the wesley family.", nil},
			{"an English word stays", "she went to the general store and then to the mercy of the court", nil},
			// A review's probes (rv36): a kind of site and a device.
			{"a kind of site and a device stay", "She presented to the UCC with fever. Output from the jackson-pratt drain was 20 mL.", nil},
		})
	}
}
