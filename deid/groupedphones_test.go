package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// Phone numbers in other countries' groups with no label the phone rules
// know, in the shapes of blind17's and blind18's tuning parts (written for
// this test): eleven digits 4-3-4 from a trunk 0, and eight digits 4-4
// after a word for a phone. Longer runs, a count of cells and four-digit
// pairs with no phone word stay phones of nobody.
func TestGroupedPhones(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"4-3-4 after a word", "Receipt e-mailed; enquiries 0809 555 0133", typed(deid.Phone, "0809 555 0133")},
			{"4-3-4 after ring you on", "The nurse will ring you on 0141 496 0217.", typed(deid.Phone, "0141 496 0217")},
			{"4-4 after handphone", "Son: Yes. My handphone is 9555 0137.", typed(deid.Phone, "9555 0137")},
			{"pairs with no phone word", "Platelets 9555 0137 on the two runs; batch 1203 4456.", nil},
			// A review's probes: a phone word before a count, across a
			// sentence, a cell count; a label between, the text's end.
			{"counts after phone words", "Tracking steps on phone 8500 9000 daily. Phone review. Weights 8650 8900 g over 2 weeks. CSF red cell 6500 8200 (tubes 1 and 4).", nil},
			{"a label between", "Phone number 9123 4568", typed(deid.Phone, "9123 4568")},
			{"the text's end", "Son, HP: 9786 5412", typed(deid.Phone, "9786 5412")},
			{"a longer run stays one number", "Ref 0809 555 0133 2211 9876 on the form.", typed(deid.ID, "0809 555 0133 2211 9876")},
		})
	}
}
