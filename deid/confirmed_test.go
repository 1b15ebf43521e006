package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNameAroundGivenName: a title, a surname, the given name and the
// surname again, as a name is confirmed in speech, whatever else the
// surname is (a body part, a job, an adjective). Sentences written for
// this test.
func TestNameAroundGivenName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"words as surnames", "doctor okay so um mrs bone lorraine bone right\ndoctor um so mister nurse desmond nurse i see here",
				[]found{{"bone", deid.Name}, {"lorraine bone", deid.Name}, {"nurse", deid.Name}, {"desmond nurse", deid.Name}}},
			{"capitalized with a comma", "Doctor: Mr. Sharp, Kwame Sharp?", []found{{"Sharp", deid.Name}, {"Kwame Sharp", deid.Name}}},
			{"a word repeated around another stays", "nurse: the bone scan bone density, and very very good", nil},
		})
	}
}

// TestForeignGreetings: a greeting or thanks of another language is no
// name; a name after a title that is spelled like one stays a name.
func TestForeignGreetings(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"greetings", "Doctor: Xin chào.\nPatient: Xin chào, bác sĩ.\nclinician: hello karibu\npatient: asante daktari", nil},
			{"a surname like a greeting", "Hi Dr. Asante, can you refill it? Next visit with Dr. Chao.",
				[]found{{"Asante", deid.Name}, {"Chao", deid.Name}}},
			// A review's probe: a given name like a greeting, after a
			// relation, is a person.
			{"a given name like a greeting", "patient: my son asante picks up my meds", []found{{"asante", deid.Name}}},
		})
	}
}

// TestWordSurnameAfterGivenName: a capitalized word of the body or of
// medicine after a title or a relation and a given name is the surname
// when what follows ends the name; before a word of medicine or a
// heading's next word it stays a word. Sentences written for this test.
func TestWordSurnameAfterGivenName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a title", "Consultation with Dr. Virgil Heart agrees with the reading.", []found{{"Virgil Heart", deid.Name}}},
			{"two given names before a comma", "Re: Mr Patrick Joseph Lung, seen today.", []found{{"Patrick Joseph Lung", deid.Name}}},
			{"before a form's next field", "Patient: Mr Donal Heart   Ward 4", []found{{"Donal Heart", deid.Name}}},
			{"after a relation", "Her son Fergal Heart came in with her.", []found{{"Fergal Heart", deid.Name}}},
			{"before a word of medicine it stays", "Discussed with Dr. Ann Heart failure team.", []found{{"Ann", deid.Name}}},
			// A review's probes: a plural noun after the word is no verb.
			{"before a plural noun it stays", "Daughter Grace Blood sugars logged at home.", []found{{"Grace", deid.Name}}},
		})
	}
}

// TestFieldAfterWideGap: a form's next field, apart by a wide gap, neither
// joins the name before it nor makes it an eponym ("Grade 10" after
// "Esther"). Sentences written for this test.
func TestFieldAfterWideGap(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"last, first before a grade", "Student: Mugisha, Esther   Grade 10", []found{{"Mugisha", deid.Name}, {"Esther", deid.Name}}},
			{"a surname-like label stays", "Patient: Brian Walsh   Ward 4", []found{{"Brian Walsh", deid.Name}}},
			{"other labels of a person", "Veteran: Tollefson, Harlan Dean   Unit 4", []found{{"Tollefson", deid.Name}, {"Harlan Dean", deid.Name}}},
			// A review's probes: fields of everyday words.
			{"fields of words", "Inmate: Tshabalala, Sipho   Housing Unit C\nDecedent: Vasquez-Ruiz, Amparo   Manner of death: Natural\nPatient: Fiona Hartigan   Bed 12B",
				[]found{{"Tshabalala", deid.Name}, {"Sipho", deid.Name}, {"Vasquez-Ruiz", deid.Name}, {"Amparo", deid.Name}, {"Fiona Hartigan", deid.Name}}},
		})
	}
}

// TestWordAfterSpeakerTag: in a transcript without colons, an English
// word after the line's "doctor" is what the doctor says; a name on the
// lists stays a name. A branch of a faith set off by commas is no place.
// Lines written for this test.
func TestWordAfterSpeakerTag(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"words said", "dad tubes okay\ndoctor happy holidays\ndad you too\ndoctor brilliant um see you then", nil},
			{"a name stays", "doctor hunter how are you", []found{{"hunter", deid.Name}}},
			{"a faith between commas", "Pt is a 36-year-old mother of two, Southern Baptist, working as a teacher.", nil},
		})
	}
}
