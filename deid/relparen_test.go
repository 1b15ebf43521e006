package deid_test

import (
	"strings"
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestRelationInBrackets: capitalized words before a relation in brackets
// are a person's name whatever lists they are on ("Wilson (husband)" left
// "Wilson", a surname and a town; "Marley and Jade (daughters)" left
// "Marley"), with the names of a list before them, and a health care
// agent's abbreviation counts ("Rosa Diaz (HCPOA)"). A brand before a
// bracket that is no relation ("Skyrizi (biologic)"), a heading in capitals
// and a place's kind in brackets ("Oak Manor (SNF)") are no relative.
// Written for this test.
func TestRelationInBrackets(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct {
			text  string
			names []string
			kept  []string
		}{
			{"Family at bedside: Wilson (husband), Marley and Jade (daughters).", []string{"Wilson", "Marley", "Jade"}, []string{"Family"}},
			{"Spoke with Rosa Diaz (HCPOA) by phone.", []string{"Rosa Diaz"}, nil},
			{"Plan discussed with April (sister).", []string{"April"}, nil},
			{"Started Skyrizi (biologic) last week.", nil, []string{"Skyrizi"}},
			{"FAMILY (husband) at bedside", nil, []string{"FAMILY"}},
			{"Type (mother) of allele unknown.", nil, []string{"Type"}},
		} {
			spans := d.Detect(c.text, deid.Known{})
			for _, n := range c.names {
				if !within(c.text, spans, n, deid.Name) {
					t.Errorf("rules only %v: %q: %q not removed as a name (spans %v)", rulesOnly, c.text, n, spans)
				}
			}
			for _, w := range c.kept {
				if touching(c.text, spans, w) {
					t.Errorf("rules only %v: %q: %q removed", rulesOnly, c.text, w)
				}
			}
		}
	}
}

// TestWordlikeFirstNameBeforeName: a capitalized given name that is also a
// month, a season or a word, right before a name found, goes with it
// ("Reviewed by: April Moss, PA-C" and "Seen with Summer Lee, RN." left the
// first name). A month after a word that dates it stays a date. Written
// for this test.
func TestWordlikeFirstNameBeforeName(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, first string }{
			{"Reviewed by: April Moss, PA-C", "April"},
			{"Seen with Summer Lee, RN.", "Summer"},
		} {
			if !within(c.text, d.Detect(c.text, deid.Known{}), c.first, deid.Name) {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.first)
			}
		}
		text := "In April Moss was seen for a rash."
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Name && strings.Contains(text[s.Start:s.End], "April") {
				t.Errorf("rules only %v: %q: the month went as a name", rulesOnly, text)
			}
		}
	}
}

// A person who says who they are, the name and the relation apart, in the
// shapes of blind16's and blind18's tuning parts (written for this test):
// "shanique, the daughter" opening a turn, "i am the father, shahidul"
// closing one. Words of English there, endearments and roles alone stay.
func TestNameThenRole(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"the name first", "doctor: and this is\ndaughter: shanique, the daughter. he don't listen to nobody", []found{{"shanique", deid.Name}}},
			{"the relation first", "father: i am the father, shahidul\ndoctor: okay and what's going on with the breathing", []found{{"shahidul", deid.Name}}},
			{"words stay", "patient: yes, the nurse said so\ndoctor: okay, the daughter can come in\npatient: honey, my husband will drive\nfather: i am the father, obviously.", nil},
		})
	}
}
