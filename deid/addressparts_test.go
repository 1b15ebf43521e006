package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Address parts other countries write around a street, in the shapes of
// blind18's tuning part (written for this test): block, lot and plot
// numbers before the street, an Edinburgh flat position, a Singapore
// street's number and a unit after it, and a block and lot with no street
// found. A heart block, a nerve block, a vaccine's lot and a trial's phase
// stay.
func TestAddressPartsAbroad(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		for _, c := range []struct{ text, part string }{
			{"Home: Blk 4 Lot 22, Mahogany St., Quezon City 1107.", "Blk 4 Lot 22"},
			{"Guarantor: Mrs Chinwe Nwosu, Plot 14, Admiralty Road, Lekki", "Plot 14"},
			{"Re: Mr Lachlan Fotheringham, 3F2, 27 Restalrig Road, EH6 8BN", "3F2"},
			{"Flat 2/1, 45 Dumbarton Road, Glasgow G11 6PD", "2/1"},
			{"Address: Blk 648 Jurong West Street 61, #11-305, Singapore 640648", "#11-305"},
			{"Doctor: And she is still at Block 134, Bedok North Avenue 3, #08-212?", "Avenue 3"},
			{"Doctor: And she is still at Block 134, Bedok North Avenue 3, #08-212?", "134"},
			{"nanay: blk 12 lot 7 phase 2, bagong silang, caloocan", "blk 12 lot 7 phase 2"},
			{"Dormitory: Tuas South Dormitory, Block 2, #04-17, Singapore 637588", "Block 2, #04-17"},
		} {
			out := d.Redact(c.text, d.Detect(c.text, deid.Known{}))
			if strings.Contains(out, c.part) {
				t.Errorf("%q: %q left in %q", c.text, c.part, out)
			}
		}
		checkFound(t, d, deid.Known{}, []foundCase{
			{"blocks and lots that are no address", "ECG: complete heart block 2:1 at times. Nerve block 2 days ago. Vaccine lot 44 given. Enrolled in a phase 2 trial, block 3 of 4.", nil},
		})
	}
}
