package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// A nickname in quotes or parentheses between a given name and a surname:
// both are the person's; a relation or a role in the brackets is no
// nickname, though the surname after it is still a name, and an English
// word after it is no surname. Sentences written for this test.
func TestNicknameInName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"quoted and in parentheses", "Pt: Antoine \"Tee\" Broussard, 67M.\nSeen with Margaret (Peggy) Jones today.",
				[]found{{"Antoine", deid.Name}, {"Tee", deid.Name}, {"Broussard", deid.Name}, {"Margaret", deid.Name}, {"Peggy", deid.Name}, {"Jones", deid.Name}}},
			{"a relation in parentheses", "Met with Maria (Sister) Jones. Met with Ana (Daughter) Today.",
				[]found{{"Maria", deid.Name}, {"Jones", deid.Name}, {"Ana", deid.Name}}},
		})
	}
}
