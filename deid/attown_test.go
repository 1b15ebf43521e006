package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A place named before the town it is in, after "at", "to" or "from"
// (shapes of the older sets' tuning parts, written for this test): a word
// on no English list or a town's name before a facility's word makes it a
// name; a kind of place, a people's word or a short acronym stays.
func TestPlaceBeforeTown(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"an unlisted word", "she resides at quenmoor village in newton and was referred\n",
				[]found{{"quenmoor village", deid.Location}, {"newton", deid.Location}}},
			{"after to", "so they sent him to tavitchi house in gallup for the detox\n",
				[]found{{"tavitchi house", deid.Location}, {"gallup", deid.Location}}},
			{"a nation's adjective", "Was seen at the mexican consulate in dallas.\n", []found{{"dallas", deid.Location}}},
			{"a kind of place stays", "i was at work in boston all day, then at the mall in plano, then at the vietnamese market in garland\n",
				[]found{{"boston", deid.Location}, {"plano", deid.Location}, {"garland", deid.Location}}},
		})
	}
}
