package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A number that is the whole answer to a question for a card's or a
// record's number on the line before, in the shapes of blind18's tuning
// part (written for this test). Counts answering other questions stay.
func TestNumberAnswers(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a scheme's capitals", "doctor: good. what's the card number\ndaughter: NHF 0774 1829 3", typed(deid.ID, "NHF 0774 1829 3")},
			{"digits alone", "dentist: do you have the card\npatient: 100 449 8172 3", typed(deid.ID, "100 449 8172 3")},
			{"counts stay", "nurse: how many steps a day\npatient: 8000 9000\nnurse: and the readings this week\npatient: 120 130 140 125", nil},
			{"readings going on", "nurse: and the card with your sugars\npatient: 110 120 135 140, mostly before breakfast", nil},
		})
	}
}

// blind19's shapes (written for this test): a phone's number answering
// "phone" in two groups, a card's number closing with its letters or said
// digit by digit, a ppsn. A reading after "phone" that goes on, and
// single readings, stay.
func TestNumberAnswersPhonesAndLetters(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a phone in two groups", "doctor: phone\nhusband: 94471 62208\ndoctor: okay", typed(deid.Phone, "94471 62208")},
			{"a phone before a stop", "doctor: your phone\ndaughter: 6621 0384. call after six", typed(deid.Phone, "6621 0384")},
			{"letters closing a card", "nurse: and her health card\nhusband: 6630 771 402 km", typed(deid.ID, "6630 771 402 km")},
			{"digit by digit", "doctor: medi-cal number?\ndaughter: 9 3 5 5 1 0 8 2 B", typed(deid.ID, "9 3 5 5 1 0 8 2 B")},
			{"a ppsn", "doctor: her ppsn for the form\ndaughter: 6630214 t a", typed(deid.ID, "6630214 t a")},
			{"readings stay", "nurse: how is the phone app working\npatient: 120 135, fine\nnurse: steps on the phone\npatient: 8000", nil},
		})
	}
}
