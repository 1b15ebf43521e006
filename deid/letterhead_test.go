package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestLetterheadAddress: the parts of a place's address after commas to a
// postcode, without a label, as a letterhead writes them; a part that is
// something else found stops it. Lines written for this test.
func TestLetterheadAddress(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a hospital's letterhead", "Kirkvale Hospital, Mowbray, Kimberley 8301\nDISCHARGE SUMMARY\n",
				[]found{{"Kirkvale Hospital", deid.Location}, {"Mowbray", deid.Location}, {"Kimberley", deid.Location}, {"8301", deid.ZIP}}},
			{"a record number is no postcode", "Seen at Kirkvale Hospital, MRN 123456\n",
				[]found{{"Kirkvale Hospital", deid.Location}, {"123456", deid.MRN}}},
			{"a practice no rule knows, opening its line", "Thornbeck Maternity, 9 Quarry Row, Dunholme 7406\nDear colleague,\n",
				[]found{{"Thornbeck Maternity", deid.Location}, {"9 Quarry Row", deid.Location}, {"Dunholme", deid.Location}, {"7406", deid.ZIP}}},
			{"a list of drugs is no address", "Lisinopril, Metformin, Aspirin 1000\n", nil},
		})
	}
}
