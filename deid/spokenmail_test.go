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
