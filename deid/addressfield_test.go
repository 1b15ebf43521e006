package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestAddressFieldValues: the value of an address field is an address in
// the forms of other countries too: a street without a suffix the lists
// know, parts that open with a word ("Site C", "H. No. 42"), house and
// sector numbers inside a part, postcodes of four and six digits, and a
// field set beside another on its line. A note in the field is no
// address. Records written for this test.
func TestAddressFieldValues(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a parade and a four-digit postcode", "Address: 27 Hukanui Parade, Tauranga 3110",
				[]found{{"27 Hukanui Parade", deid.Location}, {"Tauranga", deid.Location}, {"3110", deid.ZIP}}},
			{"a part that opens with a word", "Address: Block D, Mdantsane, East London 5219",
				[]found{{"Block D", deid.Location}, {"Mdantsane", deid.Location}, {"East London", deid.Location}, {"5219", deid.ZIP}}},
			{"house and lane numbers, a PIN after a dash", "Address: H. No. 118, Lane No. 4, Rajouri Garden, Delhi - 110027",
				[]found{{"H. No. 118", deid.Location}, {"Lane No. 4", deid.Location}, {"Rajouri Garden", deid.Location}, {"Delhi", deid.Location}, {"110027", deid.ZIP}}},
			{"beside another field", "MRN: 5521908     Address: 44 chemin Bellerive, Lévis, QC G6V 2K1",
				[]found{{"5521908", deid.MRN}, {"44 chemin Bellerive", deid.Location}, {"Lévis", deid.Location}, {"G6V 2K1", deid.ZIP}}},
			{"a lot in a park", "Address: Lot 9, Willow Bend Mobile Home Park, Route 4, Ruston, LA",
				[]found{{"Lot 9", deid.Location}, {"Willow Bend Mobile Home Park", deid.Location}, {"Route 4", deid.Location}, {"Ruston", deid.Location}}},
			{"the country stays", "Address: 12 Kaimuki Lane, Nadi, Kenya",
				[]found{{"12 Kaimuki Lane", deid.Location}, {"Nadi", deid.Location}}},
			{"a note is no address", "Address: Same as above, see chart", nil},
			{"a note with a town", "Address: Unknown, pt reports staying in Dallas",
				[]found{{"Dallas", deid.Location}}},
		})
	}
}

// TestTownBeforePostcodeAfterComma: the town before a postcode that a
// comma sets apart ("Ballincollig, Cork, P31 KX62") is the address's town.
func TestTownBeforePostcodeAfterComma(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"an eircode", "Send the letter c/o Ballincollig, Cork, P31 KX62 please.",
				[]found{{"Cork", deid.Location}, {"P31 KX62", deid.ZIP}}},
			{"no town", "Patient Lives Alone, NG7 2UH", []found{{"NG7 2UH", deid.ZIP}}},
		})
	}
}

// TestAddressTownWhateverItsWord: the town after a street address and a
// comma is the address's town even when its word names something else
// too ("Raglan", a sleeve). A line written for this test.
func TestAddressTownWhateverItsWord(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a town that is a word", "Raglan Family Clinic, 12 Bow Street, Raglan",
				[]found{{"Raglan Family Clinic", deid.Location}, {"12 Bow Street", deid.Location}, {"Raglan", deid.Location}}},
		})
	}
}
