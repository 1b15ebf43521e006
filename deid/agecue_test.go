package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestAgesSaidLoosely: an age over 89 said with a word of about after a
// verb of being ("she's like ninety six"), with praise for an age ("pretty
// good for ninety three") or a risk said of it ("a fall risk at ninety");
// readings after the same words stay ("the sugar is like ninety", "heart
// rate at ninety"). Sentences written for this test.
func TestAgesSaidLoosely(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"about, after she's", "my aunt came to stay, she's like ninety four and still gardens", []found{{"ninety four", deid.Age}}},
			{"praise for an age", "you're doing pretty good for ninety one", []found{{"ninety one", deid.Age}}},
			{"a risk of an age", "that's a big bleeding risk at ninety", []found{{"ninety", deid.Age}}},
			{"readings stay", "the sugar is like ninety. his heart rate was at ninety. glucose was about ninety five.", nil},
			{"a relation before is", "my aunt is like ninety one and still drives", []found{{"ninety one", deid.Age}}},
			{"counts of things stay", "i'm probably ninety dollars short. they're like ninety bucks each.", nil},
		})
	}
}
