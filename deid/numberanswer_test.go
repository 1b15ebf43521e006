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
