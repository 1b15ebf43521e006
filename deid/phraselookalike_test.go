package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestPhraseLookalikes: everyday phrases whose words are names or places
// ("hello young man", "To Whom It May Concern", "mother-in-law's",
// "eyes are hazel", "quick one", "his endo", "braxton hicks") stay; a
// title before the word still makes it a name. Sentences written for this
// test.
func TestPhraseLookalikes(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"young man", "dr: well good afternoon young man, what brings you in", nil},
			{"a letter's salutation", "To Whom It May Concern:\n\nThis letter confirms the diagnosis.", nil},
			{"in-law", "pt: my mother-in-law's pills are in the same box", nil},
			{"eye colour", "exam: eyes are hazel, pupils equal and reactive", nil},
			{"quick one and a service", "quick one: her endo wants the a1c repeated", nil},
			{"phrases", "those are braxton hicks. she works on a tower crane. he plays with the Knights of Columbus.", nil},
			{"a person named so", "Seen with Braxton Hicks, her uncle.", []found{{"Braxton Hicks", deid.Name}}},
			// A review's probes (rv39): a whole name that is an eponym is a
			// person unless the words before speak of the thing.
			{"an eponym's words as a person", "Ramsay Hunt is a 67 year old man with COPD. No vesicles (not Ramsay Hunt).",
				[]found{{"Ramsay Hunt", deid.Name}}},
			{"a title keeps it", "dr: Mrs. Young is in room four", []found{{"Young", deid.Name}}},
		})
	}
}
