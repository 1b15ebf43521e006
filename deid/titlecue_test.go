package deid_test

import (
	"testing"

	"github.com/clinscribe/clinscribe/deid"
)

// TestTitleBeforeCueWord: a surname that is also an identifier's cue word
// after a title is a name ("Discussed with Dr. Case." left "Case"; so did
// "Mrs. Case" and "Dr. Case" signing a line), unless a value or its label's
// mark follows it ("Dr. Case # 4471": a case number). Written for this
// test.
func TestTitleBeforeCueWord(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, name string }{
			{"Discussed with Dr. Case.", "Case"},
			{"Seen by Dr. Case today.", "Case"},
			{"Spoke with Mrs. Case about discharge.", "Case"},
			{"Electronically signed:\nDr. Case", "Case"},
		} {
			found := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				found = found || s.Type == deid.Name && c.text[s.Start:s.End] == c.name
			}
			if !found {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.name)
			}
		}
		text := "Dr. Case # 4471 reviewed"
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Name {
				t.Errorf("rules only %v: %q: %q taken for a name", rulesOnly, text, text[s.Start:s.End])
			}
		}
	}
}

// TestGivenNameAfterNamed: a capitalized given name after "named" or
// "called" is a name even when it is also a word ("a 34 yo G2P1 named
// Summer" kept it). A drug called by its brand stays. Written for this
// test.
func TestGivenNameAfterNamed(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, name string }{
			{"The patient, a 34 yo G2P1 named Summer, presents with pain.", "Summer"},
			{"Her son named Will is at home with her.", "Will"},
		} {
			found := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				found = found || s.Type == deid.Name && c.text[s.Start:s.End] == c.name
			}
			if !found {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.name)
			}
		}
		text := "Her anticoagulant is called Xarelto."
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}

// TestCapitalizedNicknameGiven: the name a note says a person goes by,
// capitalized, at the end of its clause ("Pt asked that we call her
// Bunny." kept it; lower case was taken already). A weekday, "Back" or
// "Later" after "call" stays. Written for this test.
func TestCapitalizedNicknameGiven(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		text := "Pt asked that we call her Bunny. She prefers the window bed and Bunny is on the whiteboard."
		n := 0
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Name && text[s.Start:s.End] == "Bunny" {
				n++
			}
		}
		if n != 2 {
			t.Errorf("rules only %v: %q: %d of 2 mentions of the nickname removed", rulesOnly, text, n)
		}
		for _, text := range []string{"Please call her Monday.", "Call me Back.", "Call him Later."} {
			if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
				t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
			}
		}
	}
}

// TestLowerTitleBeforePlaceWord: in lower case, a word that names a place
// right after a person's title is the surname ("with dr springfield", "mrs
// london", "doctor haverford" kept it: a town, or a word of no list after
// the weak title "doctor"). A town after a street's "dr" stays a place,
// "doctor visit" stays words. Written for this test.
func TestLowerTitleBeforePlaceWord(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		for _, c := range []struct{ text, name string }{
			{"nurse: the follow up with dr springfield next week", "springfield"},
			{"patient: mrs london from next door drove me", "london"},
			{"nurse: you're here for the follow up with doctor haverford", "haverford"},
		} {
			found := false
			for _, s := range d.Detect(c.text, deid.Known{}) {
				found = found || s.Type == deid.Name && c.text[s.Start:s.End] == c.name
			}
			if !found {
				t.Errorf("rules only %v: %q: %q not removed as a name", rulesOnly, c.text, c.name)
			}
		}
		text := "patient: it's 12 oak dr springfield illinois"
		for _, s := range d.Detect(text, deid.Known{}) {
			if s.Type == deid.Name {
				t.Errorf("rules only %v: %q: %q taken for a name", rulesOnly, text, text[s.Start:s.End])
			}
		}
		text = "nurse: the doctor visit is next week"
		if spans := d.Detect(text, deid.Known{}); len(spans) != 0 {
			t.Errorf("rules only %v: %q: spans %v, want none", rulesOnly, text, spans)
		}
	}
}

// TestDateAfterCueWord: a date after a cue word and "on" is a date, not the
// cue's identifier ("Seen by Dr. Case on 3/4/2024" and "case on 3/4/2024"
// typed the date ID, so a surrogate would have put an ID there and the
// year was lost); "on file" still leads to the value. Written for this
// test.
func TestDateAfterCueWord(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Seen by Dr. Case on 3/4/2024.", "3/4/2024", deid.Date},
			{"Seen by Dr. Case on 3/4/2024.", "Case", deid.Name},
			{"Dr. Case, 3/4/2024", "3/4/2024", deid.Date},
			{"Reviewed the case on 03/04/2024 with the team.", "03/04/2024", deid.Date},
			{"the case number on file is 4471923", "4471923", deid.ID},
			{"Dr. Case # 4471 reviewed", "4471", deid.ID},
		})
	}
}

// TestInitialBeforeWordSurname: an initial before a surname that is also a
// word, after a word that takes a person, is the person's name ("Seen with
// J. Smith today" and "Spoke to K. Brown, daughter" were left whole;
// "Called J. Smith" lost only the initial); a letter naming a kind stays
// ("influenza A. White count", "Hepatitis A. Malarone for malaria" on a
// Title Case line). Written for this test.
func TestInitialBeforeWordSurname(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Seen with J. Smith today.", "J. Smith", deid.Name},
			{"Called J. Smith about labs.", "J. Smith", deid.Name},
			{"Spoke to K. Brown, daughter.", "K. Brown", deid.Name},
		}, "Positive for influenza A. White count normal.",
			"Vaccines: Yellow Fever, Typhoid (Vivotif), Hepatitis A. Malarone for Malaria Prophylaxis.")
	}
}

// TestSurnameAfterWordGivenName: a capitalized word of no list that is no
// English word, after a given name that is also a word, is the surname of
// both ("Member Olive Pennebaker" was left whole); a drug or a brand after
// such a word stays ("Started on Will Xarelto" has Xarelto on the drug
// list; "the Olive Garden" is English). Written for this test.
func TestSurnameAfterWordGivenName(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Medicare Advantage grievance\nMember Olive Pennebaker, MBI 7QW2-FK1-TD39, called twice.", "Olive Pennebaker", deid.Name},
		}, "We ate at the Olive Garden.", "History of Graves Hashimoto overlap.")
	}
}

// TestMonthAfterPartOfMonth: a month written after "mid-", "early-" or
// "late-" is a date, not the given name it may also be ("next appt
// mid-Jan" typed "Jan" a name, so a surrogate would have put a name
// there). Written for this test.
func TestMonthAfterPartOfMonth(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Last seen 2 Dec, next appt mid-Jan.", "mid-Jan", deid.Date},
			{"Seen with Jan Kowalski today.", "Jan Kowalski", deid.Name},
		})
	}
}

// TestLowerDayFirstDate: a day said before a lower-case month is a date,
// as most of the world says it ("seen on 19th june", "since 2nd feb" left
// the day and month); "may" and "march" only after an ordinal, where a
// number before them is a count ("take 2 may help"). Written for this
// test.
func TestLowerDayFirstDate(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"patient: i was seen on 19th june for it", "19th june", deid.Date},
			{"patient: the rash started 19 june", "19 june", deid.Date},
			{"patient: no change since 2nd feb", "2nd feb", deid.Date},
			{"patient: the scan is on 3rd march", "3rd march", deid.Date},
		}, "patient: maybe taking 2 may help", "patient: i have 3 march appointments")
	}
}

// TestDatesSaidAgainOrAlone: a holiday's eve opening a clause ("christmas
// eve i started coughing" leaked; its customs stay: "christmas eve
// dinner"); an abbreviated month before a spoken year ("feb twenty twenty
// four" left the month); another day of the month after a month and day
// ("june 3rd or 4th", "June 3 and 5." left the second day; a count after
// it stays: "and 5 days later"). A holiday kept as a practice is no day
// ("observes Ramadan" was a date). Written for this test.
func TestDatesSaidAgainOrAlone(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"patient: christmas eve i started coughing", "christmas eve", deid.Date},
			{"patient: my mri was feb twenty twenty four", "feb twenty twenty four", deid.Date},
			{"patient: it was june 3rd or 4th", "4th", deid.Date},
			{"Seen on June 3 and 5.", "5", deid.Date},
		}, "patient: christmas eve dinner was great", "Follows a kosher diet; observes Ramadan.", "He celebrates Diwali with family.")
		text := "Seen June 3 and 5 days later."
		for _, sp := range d.Detect(text, deid.Known{}) {
			if text[sp.Start:sp.End] == "5" {
				t.Errorf("rules only %v: %q: a count taken for a day", rulesOnly, text)
			}
		}
	}
}

// TestRoleAfterNurseTitle: a role that completes a nurse's title is no
// part of the name after it ("Discussed with Nurse Practitioner Abigail
// Stone." removed "Practitioner" with the name, and "Nurse Navigator Kim"
// took "Navigator"); the title and its role alone stay. Written for this
// test.
func TestRoleAfterNurseTitle(t *testing.T) {
	t.Parallel()
	for _, rulesOnly := range []bool{true, false} {
		d := newDetector(t, deid.Config{RulesOnly: rulesOnly})
		expectExact(t, d, rulesOnly, []exact{
			{"Discussed with Nurse Practitioner Abigail Stone.", "Abigail Stone", deid.Name},
			{"Spoke to Nurse Navigator Lopez today.", "Lopez", deid.Name},
			{"Reviewed with Nurse Educator Priya Raman, RN.", "Priya Raman", deid.Name},
			{"Nurse Anesthetist Bjorn Halvorsen placed the line.", "Bjorn Halvorsen", deid.Name},
		}, "Met with the Nurse Practitioner.", "Referred to the Nurse Navigator for teaching.")
	}
}

// TestNicknameOpeningASentence: "Call me Stan" opening a sentence, as
// punctuated transcripts write it (the capital of "Call" had kept the
// rule from reading it); the name is taken where it is said again.
// "Call Pharmacy today." and "Call me Tomorrow." stay. Written for this
// test.
func TestNicknameOpeningASentence(t *testing.T) {
	t.Parallel()
	for _, cfg := range []deid.Config{{RulesOnly: true}, {}} {
		d := newDetector(t, cfg)
		checkFound(t, d, deid.Known{}, []foundCase{
			{"call me opening a turn", "Patient: Morning. Call me Stan, everybody does.\nDoctor: Okay, Stan. So what brings you in?",
				[]found{{"Stan", deid.Name}, {"Stan", deid.Name}}},
			{"an order or a time stays", "Call Pharmacy today. Call me Tomorrow. Goes by Foot.", nil},
		})
	}
}
