package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestEmployersByCompany: a listed company (data/companies.txt), a chain
// or a brand named as the person's employer, in any case, where their work
// is spoken of; a store visited and a company's product stay. Sentences
// written for this test.
func TestEmployersByCompany(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after a verb of work", "patient: he retired from chevron last year, and she drives for amazon now",
				[]found{{"chevron", deid.Location}, {"amazon", deid.Location}}},
			{"a company of two words", "patient: i was working at the dollar general till march",
				[]found{{"dollar general", deid.Location}, {"march", deid.Date}}},
			{"after a noun of work", "patient: my coworker at costco takes it, and i'm a shift lead at the walgreens",
				[]found{{"costco", deid.Location}, {"walgreens", deid.Location}}},
			{"a brand's chain after a verb of work", "patient: i worked a double at the waffle house last night",
				[]found{{"waffle house", deid.Location}}},
			{"where she works", "Daughter does groceries at the Kroger where she works.",
				[]found{{"Kroger", deid.Location}}},
			{"a store visited stays", "patient: i got my flu shot at the walgreens, and we buy at costco", nil},
			{"a product stays", "patient: she works for apple watch bands? no, i bought the pfizer one at target", nil},
		})
	}
}
