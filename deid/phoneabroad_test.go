package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNationalNumbersWithoutCue: phone numbers in shapes nothing else is
// written in go with no phone cue: an Australian mobile after a next of
// kin ("Siobhan (daughter) 0412 555 871" kept it), a landline with its area
// code in brackets ("Ph: (02) 9555 1234", "(0161) 496 0000"). A number of
// other shapes stays. Written for this test.
func TestNationalNumbersWithoutCue(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, value string }{
			{"Next of kin: Siobhan O'Loughlin (daughter) 0412 555 871", "0412 555 871"},
			{"Ph: (02) 9555 1234", "(02) 9555 1234"},
			{"Daughter Maeve (0161) 496 0000 after 5", "(0161) 496 0000"},
		} {
			found := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				found = found || c.text[s.Start:s.End] == c.value && s.Type == deid.Phone
			}
			if !found {
				t.Errorf("rules only %v: %q: %q not removed as a phone number", rulesOnly, c.text, c.value)
			}
		}
		text := "Platelets 412 555 871 range noted in the 1990 series."
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Phone {
				t.Errorf("rules only %v: %q: %q taken for a phone", rulesOnly, text, text[s.Start:s.End])
			}
		}
	}
}
