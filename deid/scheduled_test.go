package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// The day of a visit to come said as "the" and an ordinal after a word
// that sets it (written for this test in the shapes of blind20's tuning
// part); ranks stay.
func TestScheduledDays(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"next session", "physio: good work. next session the ninth. ring us if it swells\n", []found{{"the ninth", deid.Date}}},
			{"follow-up, then a comma", "doctor: follow-up in two weeks, the twenty-second, with bloods first\n", []found{{"the twenty-second", deid.Date}}},
			{"ranks", "nurse: it's the fourth cycle now\nnurse: next time take the third one\n", nil},
		})
	}
}

// A holiday said as a birthday ("your birthday's michaelmas") and feasts
// of other calendars after a preposition of time (blind20's tuning part's
// shapes, written for this test).
func TestBirthdayHolidays(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a birthday's feast", "nurse: and your birthday's candlemas, isn't it\npatient: second of february\n",
				[]found{{"candlemas", deid.Date}, {"second of february", deid.Date}}},
			{"after is", "doctor: your birthday is victory day, i remember\n", []found{{"victory day", deid.Date}}},
			{"a feast as a thing", "patient: we had three kings cake at church\n", nil},
		})
	}
}
