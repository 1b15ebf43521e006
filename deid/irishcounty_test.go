package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestCountiesAndPostcodeTowns: an Irish county written short and the town
// before it; a European postcode before a town whose name is also a
// person's or a word ("10967 Berlin"); a company's "& Co." stays. Lines
// written for this test.
func TestCountiesAndPostcodeTowns(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a county written short", "Lives alone outside Kilbrittain, Co. Cork; son visits weekly.\n",
				typed(deid.Location, "Kilbrittain", "Co. Cork")},
			{"a company is no county", "Invoice from Harlow & Co. Ltd for the hoist.\n", typed(deid.Name, "Harlow")},
			{"a four-digit postcode before its town", "Address: Kohlfurterstrasse 19, 8003 Zürich\n",
				[]found{{"Kohlfurterstrasse 19", deid.Location}, {"8003", deid.ZIP}, {"Zürich", deid.Location}}},
			{"a date is no street", "Date of examination: December 3, 2026   Valid until: March 3, 2027\n",
				typed(deid.Date, "December 3, 2026", "March 3, 2027")},
			{"a town also a person's name", "Address: Kohlfurterstraße 12, 10967 Berlin\n",
				[]found{{"Kohlfurterstraße 12", deid.Location}, {"10967", deid.ZIP}, {"Berlin", deid.Location}}},
		})
	}
}

// TestLowerCasePostcodes: a Canadian or a UK postcode in lower case after
// a comma of a lower-case line, as a transcript writes the answer; a dose
// after a vitamin's comma stays. Lines written for this test.
func TestLowerCasePostcodes(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"canadian", "clerk: and the postal code\nson: yes, t6k 2p9\n", typed(deid.ZIP, "t6k 2p9")},
			{"uk after a comma", "daughter: that's right, off the ring road, ls12 4qd\n", typed(deid.ZIP, "ls12 4qd")},
			{"a dose stays", "patient: i take the vitamin b12, 1mg, every morning\n", nil},
		})
	}
}
