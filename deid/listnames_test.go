package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestNumberedLastFirst: "Last, First" opening a numbered item of a
// sign-out is the item's patient; diagnoses and drugs listed so stay.
// Lines written for this test.
func TestNumberedLastFirst(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a sign-out's items", "1) Hernandez, Eulalio 7-14 | 58M DKA, gap closed\n3) Boudreaux, T. 8-03 | 71M ETOH w/d",
				[]found{{"Hernandez", deid.Name}, {"Eulalio", deid.Name}, {"Boudreaux", deid.Name}, {"T.", deid.Name}}},
			{"problems and drugs stay", "1. Fever, unclear source\n2. Diabetes, type 2\n3) Hypertension, controlled\n4. Lasix, 40 mg\n5) Metformin, Glipizide\n6. Pain, Chronic", nil},
		})
	}
}

// TestChatHandleAtLineStart: without a chat's tag, a handle of a listed
// surname opening a line before a message's time is a name; a flowsheet's
// service stays. A day after "on the" before "anyway" is a date. Lines
// written for this test.
func TestChatHandleAtLineStart(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"handles", "mkhan2 21:14: is 412 ok for lovenox\ncbishop 21:16: hold it", []found{{"mkhan2", deid.Name}, {"cbishop", deid.Name}}},
			{"services stay", "tele 07:52: sinus rhythm\nneuro 08:00: checks q1h\nresp 09:00: neb given", nil},
			{"a day before anyway", "My mom is flying in on the 19th anyway.", []found{{"the 19th", deid.Date}}},
			{"an eye chart's line stays", "doctor: start on the third again, the line with the e", nil},
			{"a day again", "patient: i see the cardiologist on the 22nd again for the echo", []found{{"the 22nd", deid.Date}}},
		})
	}
}

// TestSignoffName: the line after a letter's closing holding a given name
// or its short form, even a word, is the writer's name; a department or a
// month stays. Lines written for this test.
func TestSignoffName(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a short form", "Can someone call me?\n\nThank you,\nPeg", []found{{"Peg", deid.Name}}},
			{"a given name that is a word", "Thanks,\nHope", []found{{"Hope", deid.Name}}},
			{"a department and a month stay", "Thanks,\nPharmacy\n\nKind regards,\nMarch", nil},
		})
	}
}

// Two people named together in a lower-case transcript, one of them found
// by a cue ("my two kids lwazi and ayanda", as blind15's tuning part says
// it; written for this test): the other, a given name or a word on no list,
// joined by "and" or "or", on either side, is a name too. Drugs, English
// words and clinical-looking words joined to a name stay.
func TestCoordinatedNames(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"after and", "doctor: okay um and who stays with you at home\npatient: my two kids lwazi and ayanda and my boyfriend sipho\ndoctor: okay if this is tb they will all need a test", []found{{"lwazi", deid.Name}, {"ayanda", deid.Name}, {"sipho", deid.Name}}},
		{"after or", "patient: my daughter thandi or nomsa can bring her", []found{{"thandi", deid.Name}, {"nomsa", deid.Name}}},
		{"words stay", "patient: my son kibet and family came, he brought lunch and metoprolol and gabapentin", []found{{"kibet", deid.Name}}},
	})
}
