package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNumbersWrittenAbroad: a mobile of four, three and four digits with
// its trunk 0 ("0803 555 0147"), with no cue, but not after a lot's label;
// in a note that writes its dates day first, a day and month after a word
// ("latest 19/11"), but not a duration in British shorthand ("14/7") nor
// a ratio. Notes written for this test.
func TestNumbersWrittenAbroad(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a mobile in brackets", "Next of kin informed (0803 555 0147).", []found{{"0803 555 0147", deid.Phone}}},
			{"a lot's number", "Lot 0803 555 0147 expires soon.", nil},
			{"a day first after a word", "DOB 23/04/1958.\nThree bouts of biliary colic, worst episode 19/11, settled since.",
				[]found{{"23/04/1958", deid.Date}, {"19/11", deid.Date}}},
			{"a duration stays", "DOB 23/04/1958.\nCough for 14/7, no fever.", typed(deid.Date, "23/04/1958")},
			{"a ratio stays", "DOB 23/04/1958.\nBiPAP 16/8 overnight.", typed(deid.Date, "23/04/1958")},
		})
	}
}
