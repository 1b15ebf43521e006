package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestAddressTownNamedLikeAFacility: the town of an address before its
// state and ZIP is taken though a facility named for the town was set
// aside as a company earlier in the letter. Letter written for this test.
func TestAddressTownNamedLikeAFacility(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"the address's town", "Opelousas Regional Health System Primary Care, 410 W Landry St, Opelousas, LA 70570",
				[]found{{"Opelousas Regional Health System Primary Care", deid.Location}, {"410 W Landry St", deid.Location},
					{"Opelousas", deid.Location}, {"70570", deid.ZIP}}},
		})
	}
}
