package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestHindiWordsAndLabelsStay: words of a Hindi clause ("theek hai"),
// "frank blood" and a phone's label ("Mob.") are no names; the people
// around them are. (A grandparent's kin word, "Gogo", is left to the
// rules: one corpus marks it as her name, another does not.) Lines written
// for this test.
func TestHindiWordsAndLabelsStay(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a Hindi clause", "doctor: accha, kya dard hai abhi?\npatient: thoda hai", nil},
			{"frank blood", "dr: any frank blood or clots?\npt: no", nil},
			{"a phone's label", "Attendant: daughter Sunita Rawal, Mob. +91 98555 01733", []found{{"Sunita Rawal", deid.Name}, {"+91 98555 01733", deid.Phone}}},
		})
	}
}

// TestAgeSaidAgain: an age over 89 said again, the same or one more,
// where no measure of the body is near; vitals of the same value stay.
// Lines written for this test.
func TestAgeSaidAgain(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"one more next month", "nurse: so you're ninety three?\npatient: ninety four come april, god willing.",
				typed(deid.Age, "ninety three", "ninety four")},
			{"said again later", "son: she turned ninety one.\nnp: wow. ninety one and still gardening.",
				typed(deid.Age, "ninety one", "ninety one")},
			{"the next sentence", "Age 92. Celebrating 93 next week with family.", typed(deid.Age, "92", "93")},
			{"vitals stay", "nurse: so you're ninety two?\npatient: yes.\nnurse: pulse ninety two and regular, sats 93 on room air.",
				typed(deid.Age, "ninety two")},
		})
	}
}

// TestNameSetOffByCommas: a relation or a role, a comma, a name and a
// comma; words of English set off the same way stay. Lines written for
// this test.
func TestNameSetOffByCommas(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"a role and a given name", "The maid, Sunanda, found her on the floor.", []found{{"Sunanda", deid.Name}}},
			{"a relation and a full name", "Her father, Per Lindgren, 70, had a stroke.", []found{{"Per Lindgren", deid.Name}}},
			{"an aside stays", "My friend, however, said no. The nurse, again, was late.", nil},
		})
	}
}

// TestSelfIntroductionsInLowerCase: "i'm" and a word that is a name by
// what follows: said twice, a surname, what the speaker is to the
// patient; states stay. Lines written for this test.
func TestSelfIntroductionsInLowerCase(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"said twice", "mother: i'm nadia, nadia rahimi\ndoctor: thanks", []found{{"nadia", deid.Name}, {"nadia rahimi", deid.Name}}},
			{"a surname after it", "speaker 2: i'm chue xiong i'm his wife", []found{{"chue xiong", deid.Name}}},
			{"a role next", "np: hi royal i'm patience i'm the np", []found{{"royal", deid.Name}, {"patience", deid.Name}}},
			{"states stay", "patient: i'm tired i'm the one who called\npatient: i'm good the pain is better", nil},
		})
	}
}

// TestInitialsThatSign: a clinician's initials before a credential, alone
// or in parentheses, and after "by" ending a line that says what was done;
// services and units written the same way stay. Lines written for this
// test.
func TestInitialsThatSign(t *testing.T) {
	t.Parallel()
	d := newDetector(t, deid.Config{RulesOnly: true})
	checkFound(t, d, deid.Known{}, []foundCase{
		{"before a credential", "Dressing changed   /   JQ, RN", []found{{"JQ", deid.Name}}},
		{"a credential in parentheses", "Wound checked by KT (NP), healing.", []found{{"KT", deid.Name}}},
		{"after by at a line's end", "Potassium 6.4 called to the unit at 0410 by BRK", []found{{"BRK", deid.Name}}},
		{"services stay", "Brought in by EMS\nReviewed by ICU.\nCT, MD read the films", nil},
	})
}

// TestNursingSisterTitle: the surname after "Sr", a nursing sister's
// title, is found (it leaked before); after a name "Sr" is a generation.
// Lines written for this test.
func TestNursingSisterTitle(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			// The title itself is taken too, as before this rule.
			{"a sister's title", "Wound reviewed by Sr. Dlamini-Moyo on ward 6.", []found{{"Sr", deid.Name}, {"Dlamini-Moyo", deid.Name}}},
			{"a generation stays a name's", "Seen with Robert Hale Sr today.", []found{{"Robert Hale Sr", deid.Name}}},
		})
	}
}
