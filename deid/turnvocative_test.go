package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestTurnVocatives: a name on no list addressed at a turn's start of a
// lower-case transcript ("okay brixley so", "come in torvald come in") is a
// name; an endearment, a drug, an English word and a word closing the turn
// stay. Dialogue written for this test.
func TestTurnVocatives(t *testing.T) {
	t.Parallel()
	dialogue := "doctor: hi come on in have a seat right there\n" +
		"patient: thanks it has been a long week honestly\n" +
		"doctor: okay brixley so let's see how that wrist is doing today\n" +
		"patient: it still hurts when i lift the milk\n" +
		"doctor: okay mija so we will do the shot first\n" +
		"doctor: okay metformin so that one is for the sugar\n" +
		"doctor: okay bueno so let's see the labs\n" +
		"nurse: ok anak take a deep breath for me\n" +
		"doctor: come in torvald come in and sit down\n" +
		"patient: okay dziekuje\n"
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"turn vocatives", dialogue, []found{{"brixley", deid.Name}, {"torvald", deid.Name}}},
		})
	}
}
