package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// The words that answer a question of someone's name (written for this
// test in the shapes of blind20's tuning part); answers to the name of a
// thing, and answers that give none, stay.
func TestNameAnswers(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"after your name", "nurse: and your full name please\npatient: abul hasem talukdar\n", []found{{"abul hasem talukdar", deid.Name}}},
			{"after and you are", "doctor: i'm doctor berg. and you are\npatient: pem lhamu sherpa. i'm eighty\n",
				[]found{{"berg", deid.Name}, {"pem lhamu sherpa", deid.Name}}},
			{"with a hyphenated surname", "nurse: name and date of birth, please\nson: wadih karam abi-saab, the first of may\n",
				[]found{{"wadih karam abi-saab", deid.Name}, {"the first of may", deid.Date}}},
			{"after go by", "nurse: and what do you go by?\npatient: tavita faleolo\n", []found{{"tavita faleolo", deid.Name}}},
			{"the name of a thing", "nurse: what's the name of the medication?\npatient: lisinopril\nnurse: and your name?\npatient: i don't know\n", nil},
		})
	}
}

// TestMeAnswersWho: "me," and the speaker's name answering who does
// something; "me, myself" and "me, me" stay. Dialogues written for this
// test.
func TestMeAnswersWho(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a name after me", "doctor: and who gives him his insulin\ndaughter: me, ngaire, and my sister on weekends\n",
				typed(deid.Name, "ngaire")},
			{"me myself stays", "doctor: who drove you today\npatient: me, myself. i'm fine to drive\n", nil},
		})
	}
}
