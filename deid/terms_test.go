package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestTermsAreNoPlaces: the name of a law, a clinical phrase of "medical",
// a service's header and a word of devotion are no place and no name; a
// hospital of the same words, a law firm's name and a hospital said short
// stay. Lines written for this test.
func TestTermsAreNoPlaces(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a law", "Good Samaritan laws in most states protect a bystander who calls for help.\n", nil},
			{"a hospital of the same words", "She was seen at Good Samaritan Hospital in Puyallup.\n",
				typed(deid.Location, "Good Samaritan Hospital", "Puyallup")},
			{"a clinical phrase", "Work status: temporary partial disability until maximum medical improvement.\n", nil},
			{"a service's header", "OCCUPATIONAL HEALTH - RETURN TO WORK GUIDE\nStep 1: light duty.\n", nil},
			{"a word of devotion", "interpreter: she says thank you, mashallah, the baby is big\n", nil},
		})
	}
}
