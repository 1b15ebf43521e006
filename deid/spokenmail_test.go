package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestSpokenMailWithoutDomain: an e-mail address read out as a local part,
// "at" and a personal mail host, without "dot com", after a word for e-mail
// on the line, goes whole ("my email is the same, ritaflores at hotmail"
// left it). "at" a host with no e-mail word ("i work at comcast") and "at"
// with no address ("my email is at the bottom") stay. Written for this test.
func TestSpokenMailWithoutDomain(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, value string }{
			{"patient: my email is the same, ritaflores at hotmail", "ritaflores at hotmail"},
			{"patient: the email address is j underscore smith at outlook, thanks", "j underscore smith at outlook"},
			{"caller: email me, it's dkaur seventy one at gmail", "dkaur seventy one at gmail"},
		} {
			found := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				found = found || c.text[s.Start:s.End] == c.value && s.Type == deid.Email
			}
			if !found {
				t.Errorf("rules only %v: %q: %q not removed whole as an e-mail address", rulesOnly, c.text, c.value)
			}
		}
		for _, text := range []string{
			"patient: i work at comcast in the call center",
			"patient: my email is at the bottom of the form",
			"patient: i used to be at verizon, they moved me",
		} {
			for _, s := range d.Detect(text, deid.Known{}) {
				if s.Type == deid.Email {
					t.Errorf("rules only %v: %q: %q taken for an e-mail address", rulesOnly, text, text[s.Start:s.End])
				}
			}
		}
	}
}

// TestIdentifierAnsweredAfterOpener: an identifier asked for on one turn
// and read out on the next after the words an answer opens with ("it's",
// "yes it is", "um let me see,") has the type asked for; only one read out
// first in the turn was taken. A number in an answer to another question
// stays. Written for this test.
func TestIdentifierAnsweredAfterOpener(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"agent: and the member id on his card\ncaller: it's w k r four four seven one nine", "w k r four four seven one nine", deid.HealthPlan},
			{"agent: and your mrn\ncaller: yes it is four four seven one two nine", "four four seven one two nine", deid.MRN},
			{"agent: and your mrn\ncaller: um let me see, four four seven one two nine", "four four seven one two nine", deid.MRN},
		}, "doctor: and your account number\npatient: i have had it for four years")
	}
}

// TestLastDigitsSaid: the last digits of an identifier said alone after its
// cue, on the line or the line before, go with the cue's type ("ends in two
// two one four" after "what's a good number", "the card ending in 4471").
// "Ends in" a time or with no cue stays. Written for this test.
func TestLastDigitsSaid(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"doctor: what's a good number\npatient: same as before, ends in two two one four", "two two one four", deid.Phone},
			{"patient: my cell ends in two two one four", "two two one four", deid.Phone},
			{"patient: the card ending in 4471 is the one", "4471", deid.Account},
			{"patient: my social ends in six seven eight nine", "six seven eight nine", deid.SSN},
		}, "patient: my phone plan ends in twenty days", "doctor: the course ends in 10 days", "doctor: the story ends in two parts")
	}
}

// TestLettersBeforeDigitsMakeAnIdentifier: letters spelled before digits
// read out count toward an identifier's length with no cue near: "h h one
// four four nine two seven" (six digits, two letters) stayed, as only seven
// digits or more made one. Six digits alone stay; with letters it is no
// phone. Written for this test.
func TestLettersBeforeDigitsMakeAnIdentifier(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"speaker 2: yeah it is on my card, h h one four four nine two seven", "h h one four four nine two seven", deid.ID},
		}, "patient: i counted one four four nine two seven steps")
	}
}
