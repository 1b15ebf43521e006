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
