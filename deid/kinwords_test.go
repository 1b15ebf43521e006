package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestKinWordsAndLabelsStay: a grandparent addressed by the kin word of
// her language ("Gogo", "tūtū"), words of a Hindi clause ("theek hai"),
// "frank blood" and a phone's label ("Mob.") are no names; the people
// around them are. Lines written for this test.
func TestKinWordsAndLabelsStay(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a grandmother addressed", "Doctor: Sawubona, Gogo. How are the knees?\nGranddaughter: Her knees are sore.", nil},
			{"a grandparent with her name", "Seen with her tūtū, Lehua Kaniho, at bedside.", []found{{"Lehua Kaniho", deid.Name}}},
			{"a Hindi clause", "doctor: accha, kya dard hai abhi?\npatient: thoda hai", nil},
			{"frank blood", "dr: any frank blood or clots?\npt: no", nil},
			{"a phone's label", "Attendant: daughter Sunita Rawal, Mob. +91 98555 01733", []found{{"Sunita Rawal", deid.Name}, {"+91 98555 01733", deid.Phone}}},
		})
	}
}
