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

// TestCompanyBeforeItsWorkplace: a listed company, or the first word of
// one's name that is no English word, after "the" and before a noun of
// its workplace (plant, mine, hangar...) is the employer's site, with no
// verb of work; a store or a product stays. Sentences written for this
// test.
func TestCompanyBeforeItsWorkplace(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a listed company", "my buddy at the caterpillar plant had the same cough", []found{{"caterpillar", deid.Location}}},
			{"the first word of one", "her husband is at the mercedes plant most nights", []found{{"mercedes", deid.Location}}},
			{"a store and a product stay", "we went to the apple store. the general assembly met. he drives a mercedes.", nil},
			{"a first word alone needs a preposition of place", "He chewed the coca plant leaves on his trip.", nil},
		})
	}
}
