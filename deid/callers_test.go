package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A caller who says her name and where she calls from, a surname with
// "o'" or "d'" after a given name found in lower case, and the initials
// after "Dictated" at a letter's end (shapes of blind19's tuning part,
// written for this test).
func TestCallersParticlesAndDictation(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a caller", "speaker 1: hi, it's tayla from the renal unit\nspeaker 2: oh hi\n", []found{{"tayla", deid.Name}}},
			{"a caller with this is", "nurse: hello, this is mira from the pharmacy, calling about the refill\n", []found{{"mira", deid.Name}}},
			{"no caller", "patient: hi it's pain from my knee mostly\ndoctor: yeah it's mostly from the fall\n", nil},
			{"a surname after o'", "speaker 1: is that him? michael o'halloran\nspeaker 2: my son gino d'amato drove me\n",
				[]found{{"michael", deid.Name}, {"o'halloran", deid.Name}, {"gino", deid.Name}, {"d'amato", deid.Name}}},
			{"dictated initials", "Thank you for this referral.\n\nDictated AK/jlh\n", []found{{"AK", deid.Name}, {"jlh", deid.Name}}},
			{"clinical shorthand after typed", "Typed PT/OT today\n", nil},
		})
	}
}
